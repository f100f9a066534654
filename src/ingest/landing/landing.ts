// P2 CSV landing (seed 001's trigger Lambda + Step Functions, run in-process): under the lock, count the landed files;
// when thresholds are met (≥5 orders, ≥5 items, 1 products by default), or the first check that found them unmet is
// `forceAfterMs` old, validate the batch, write valid rows as Parquet under raw/ecommerce/<table>/batch_id=<id>/,
// rejected files and rows under rejected/ecommerce/batch_id=<id>/, move the inputs to the archive, and release the
// lock. Otherwise remember when waiting began (incoming/threshold_not_met_timestamp.json) and report "waiting".
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDuckDb } from '../../engines/duckdb/connection.js';
import { ObjectNotFoundError, type ObjectStore } from '../../engines/object-store/index.js';
import { abortableSleep, type Sleep } from '../../engines/retry.js';
import { systemClock, type Clock } from '../clock.js';
import type { IngestCounts } from '../counts.js';
import { INGEST_PREFIX } from '../layout.js';
import { tableOfFile, validateBatch, type EcommerceTable, type RejectedFile, type RejectedRow } from './csv-validation.js';
import { PipelineLock, type LockOwner } from './pipeline-lock.js';

export interface Thresholds {
  minOrderFiles: number;
  minItemFiles: number;
  minProductFiles: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { minOrderFiles: 5, minItemFiles: 5, minProductFiles: 1 };

export interface LandingOptions {
  store: ObjectStore;
  bucket: string;
  /** Local lake folder: the lock file lives at <lakeRoot>/<bucket>/<incoming>pipeline.lock. */
  lakeRoot: string;
  thresholds?: Partial<Thresholds>;
  /** Process whatever is there once waiting has lasted this long (seed: 30 min). */
  forceAfterMs?: number;
  /** Pause between checks in `runUntilProcessed` (seed: 300 s). */
  waitMs?: number;
  lockStaleAfterMs?: number;
  incomingPrefix?: string;
  rawPrefix?: string;
  rejectedPrefix?: string;
  archivePrefix?: string;
  clock?: Clock;
  sleep?: Sleep;
}

export interface FileCounts {
  orders: number;
  order_items: number;
  products: number;
}

export interface ProcessedBatch {
  batchId: string;
  forced: boolean;
  files: string[];
  counts: Record<EcommerceTable, IngestCounts>;
  rejectedFiles: RejectedFile[];
  rejectedRows: RejectedRow[];
  /** Parquet objects written, per table. */
  objects: Partial<Record<EcommerceTable, string>>;
}

export type CheckResult =
  | { status: 'processed'; batch: ProcessedBatch }
  | { status: 'waiting'; files: FileCounts; waitingSince: number; forceAt: number }
  | { status: 'empty' }
  | { status: 'locked'; heldBy: LockOwner | undefined };

const STATE_FILE = 'threshold_not_met_timestamp.json';
const LOCK_FILE = 'pipeline.lock';

export class EcommerceLanding {
  private readonly clock: Clock;
  private readonly incoming: string;
  readonly lock: PipelineLock;

  constructor(private readonly options: LandingOptions) {
    this.clock = options.clock ?? systemClock;
    this.incoming = options.incomingPrefix ?? INGEST_PREFIX.incoming;
    this.lock = new PipelineLock(join(options.lakeRoot, options.bucket, this.incoming, LOCK_FILE), { staleAfterMs: options.lockStaleAfterMs, clock: this.clock });
  }

  /** One check; processes the batch when it is due. Never waits. */
  async check(): Promise<CheckResult> {
    const attempt = await this.lock.tryAcquire();
    if (!attempt.acquired) return { status: 'locked', heldBy: attempt.heldBy };
    try {
      const files = await this.landedFiles();
      const counts = countFiles(files);
      if (!files.length) return { status: 'empty' };
      const t = { ...DEFAULT_THRESHOLDS, ...this.options.thresholds };
      const met = counts.orders >= t.minOrderFiles && counts.order_items >= t.minItemFiles && counts.products >= t.minProductFiles;
      const now = this.clock.now();
      const waitingSince = met ? now : await this.waitingSince(now);
      const forceAt = waitingSince + (this.options.forceAfterMs ?? 30 * 60_000);
      if (!met && now < forceAt) return { status: 'waiting', files: counts, waitingSince, forceAt };
      const batch = await this.process(files, !met);
      await this.options.store.delete(this.options.bucket, [`${this.incoming}${STATE_FILE}`]);
      return { status: 'processed', batch };
    } finally {
      await attempt.lock.release();
    }
  }

  /** Checks, waits `waitMs`, checks again… until a batch is processed (or `maxChecks` is reached). */
  async runUntilProcessed(options: { maxChecks?: number; signal?: AbortSignal } = {}): Promise<CheckResult> {
    const sleep = this.options.sleep ?? abortableSleep;
    for (let checks = 1; ; checks++) {
      const result = await this.check();
      if (result.status === 'processed' || (options.maxChecks !== undefined && checks >= options.maxChecks)) return result;
      await sleep(this.options.waitMs ?? 300_000, options.signal);
    }
  }

  /** CSV objects directly under the incoming prefix that feed a table. */
  private async landedFiles(): Promise<string[]> {
    const objects = await this.options.store.list(this.options.bucket, this.incoming);
    return objects.map((o) => o.key.slice(this.incoming.length)).filter((name) => !name.includes('/') && !name.startsWith('.') && tableOfFile(name) !== undefined);
  }

  private async waitingSince(now: number): Promise<number> {
    const key = `${this.incoming}${STATE_FILE}`;
    try {
      const state = JSON.parse((await this.options.store.get(this.options.bucket, key)).toString('utf8')) as { timestamp: number };
      if (Number.isFinite(state.timestamp)) return state.timestamp;
    } catch (error) {
      if (!(error instanceof ObjectNotFoundError) && !(error instanceof SyntaxError)) throw error;
    }
    await this.options.store.put(this.options.bucket, key, JSON.stringify({ timestamp: now, iso: new Date(now).toISOString() }));
    return now;
  }

  private async process(names: string[], forced: boolean): Promise<ProcessedBatch> {
    const { store, bucket } = this.options;
    const batchId = `${new Date(this.clock.now()).toISOString().replace(/[-:]/g, '').slice(0, 15)}-${randomUUID().slice(0, 8)}`;
    const scratch = await mkdtemp(join(tmpdir(), 'lake-landing-'));
    const { instance, connection } = await openDuckDb({ path: ':memory:' });
    try {
      const local = [];
      for (const name of names) {
        const path = join(scratch, name);
        await writeFile(path, await store.get(bucket, `${this.incoming}${name}`));
        local.push({ name, path });
      }
      const result = await validateBatch(connection, local, scratch);
      const objects: Partial<Record<EcommerceTable, string>> = {};
      for (const [table, path] of Object.entries(result.parquet) as [EcommerceTable, string][]) {
        const key = `${this.options.rawPrefix ?? INGEST_PREFIX.ecommerceRaw}${table}/batch_id=${batchId}/data.parquet`;
        await store.put(bucket, key, await readFile(path));
        objects[table] = key;
      }
      const rejected = `${this.options.rejectedPrefix ?? INGEST_PREFIX.ecommerceRejected}batch_id=${batchId}/`;
      if (result.rejectedRows.length) {
        await store.put(bucket, `${rejected}rejected_rows.json`, result.rejectedRows.map((r) => JSON.stringify(r)).join('\n') + '\n');
      }
      for (const file of result.rejectedFiles) {
        await store.put(bucket, `${rejected}files/${file.file}`, await store.get(bucket, `${this.incoming}${file.file}`));
        await store.put(bucket, `${rejected}files/${file.file}.error.json`, JSON.stringify(file));
      }
      // Inputs move to the archive last: a crash before this point leaves them in incoming/ for the next run.
      const archive = `${this.options.archivePrefix ?? INGEST_PREFIX.ecommerceArchive}batch_id=${batchId}/`;
      for (const name of names) await store.put(bucket, `${archive}${name}`, await store.get(bucket, `${this.incoming}${name}`));
      await store.delete(bucket, names.map((name) => `${this.incoming}${name}`));
      return { batchId, forced, files: names, counts: result.counts, rejectedFiles: result.rejectedFiles, rejectedRows: result.rejectedRows, objects };
    } finally {
      connection.closeSync();
      instance.closeSync();
      await rm(scratch, { recursive: true, force: true });
    }
  }
}

export function countFiles(names: string[]): FileCounts {
  const counts: FileCounts = { orders: 0, order_items: 0, products: 0 };
  for (const name of names) {
    const table = tableOfFile(name);
    if (table) counts[table]++;
  }
  return counts;
}

/** Puts generated or user files into the landing zone, as an upload to s3://bucket/incoming/ would. */
export async function landFiles(store: ObjectStore, bucket: string, files: { name: string; content: string }[], incomingPrefix: string = INGEST_PREFIX.incoming): Promise<void> {
  for (const file of files) await store.put(bucket, `${incomingPrefix}${file.name}`, file.content);
}
