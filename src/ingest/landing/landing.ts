// P2 CSV landing (seed 001's trigger Lambda + Step Functions, run in-process): under the lock, count the landed files;
// when thresholds are met (≥5 orders, ≥5 items, 1 products by default), or the first check that found them unmet is
// `forceAfterMs` old, validate the batch, write valid rows as Parquet under raw/ecommerce/<table>/batch_id=<id>/,
// rejected files and rows under rejected/ecommerce/batch_id=<id>/, move the inputs to the archive, and release the
// lock. Otherwise remember when waiting began (incoming/threshold_not_met_timestamp.json) and report "waiting".
// The threshold check (threshold.ts) and the batch processing (processBatch) are separate so the AWS deploy can run
// them as Step Functions steps, under a DynamoDB lock instead of the lock file (kv-lock.ts).
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDuckDb } from '../../engines/duckdb/connection.js';
import { ObjectExistsError, ObjectNotFoundError, type ObjectStore } from '../../storage/object-store/index.js';
import { abortableSleep, type Sleep } from '../../retry/retry.js';
import { systemClock, type Clock } from '../clock.js';
import type { IngestCounts } from '../counts.js';
import { INGEST_PREFIX } from '../layout.js';
import { validateBatch, type EcommerceTable, type RejectedFile, type RejectedRow } from './csv-validation.js';
import { PipelineLock, type LockOwner, type RunLock } from './pipeline-lock.js';
import { checkThreshold, clearWaitingMarker, type FileCounts, type Thresholds } from './threshold.js';

export { countFiles, DEFAULT_THRESHOLDS, type FileCounts, type Thresholds } from './threshold.js';

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
  /** The run lock; default the lock file under lakeRoot (on AWS: a KeyValueLock on DynamoDB, kv-lock.ts). */
  lock?: RunLock;
  incomingPrefix?: string;
  rawPrefix?: string;
  rejectedPrefix?: string;
  archivePrefix?: string;
  clock?: Clock;
  sleep?: Sleep;
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

const LOCK_FILE = 'pipeline.lock';

/** Where a batch's outputs go (defaults: INGEST_PREFIX), and the id its objects are filed under. */
export interface BatchOptions {
  store: ObjectStore;
  bucket: string;
  incomingPrefix?: string;
  rawPrefix?: string;
  rejectedPrefix?: string;
  archivePrefix?: string;
  clock?: Clock;
  /** Given by a retried step (the Step Functions execution), so a retry rewrites the same objects. */
  batchId?: string;
  /** Runs after the outputs are written and before the inputs are archived (registering partitions): if it throws,
   *  the inputs stay in incoming/ for a retry. */
  beforeArchive?: (batch: ProcessedBatch) => Promise<void>;
}

export class EcommerceLanding {
  private readonly clock: Clock;
  private readonly incoming: string;
  readonly lock: RunLock;

  constructor(private readonly options: LandingOptions) {
    this.clock = options.clock ?? systemClock;
    this.incoming = options.incomingPrefix ?? INGEST_PREFIX.incoming;
    this.lock =
      options.lock ??
      new PipelineLock(join(options.lakeRoot, options.bucket, this.incoming, LOCK_FILE), { staleAfterMs: options.lockStaleAfterMs, clock: this.clock });
  }

  /** One check; processes the batch when it is due. Never waits. */
  async check(): Promise<CheckResult> {
    const attempt = await this.lock.tryAcquire();
    if (!attempt.acquired) return { status: 'locked', heldBy: attempt.heldBy };
    try {
      const due = await checkThreshold({ ...this.options, clock: this.clock });
      if (due.status !== 'due') return due;
      const batch = await processBatch({ ...this.options, clock: this.clock }, due.files, due.forced);
      await clearWaitingMarker(this.options.store, this.options.bucket, this.incoming);
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
}

/**
 * Validates the landed files `names` (DuckDB read_csv), writes valid rows as Parquet under raw/ecommerce/<table>/
 * batch_id=<id>/, rejected files and rows under rejected/ecommerce/batch_id=<id>/, then moves the inputs to the archive.
 */
export async function processBatch(options: BatchOptions, names: string[], forced: boolean): Promise<ProcessedBatch> {
  const { store, bucket } = options;
  const incoming = options.incomingPrefix ?? INGEST_PREFIX.incoming;
  const batchId =
    options.batchId ?? `${new Date((options.clock ?? systemClock).now()).toISOString().replace(/[-:]/g, '').slice(0, 15)}-${randomUUID().slice(0, 8)}`;
  const scratch = await mkdtemp(join(tmpdir(), 'lake-landing-'));
  // One thread, as the P1 consumer's Parquet writer: a batch's statements read and write a few thousand rows, where a
  // second thread only coordinates (issue 18, `npm start`: its P2 landing ~35 ms of CPU less; the Parquet identical).
  const { instance, connection } = await openDuckDb({ path: ':memory:', threads: 1 });
  // Objects this attempt wrote: removed again when it fails (disk full, a failed registration), so the inputs that
  // stay in incoming/ are processed exactly once by the rerun, under its own batch id.
  const written: string[] = [];
  const put = async (key: string, body: Buffer | string) => {
    written.push(key);
    await store.put(bucket, key, body);
  };
  try {
    const local = [];
    for (const name of names) {
      // A name of ours: a landed name can be longer than a file name may be, or hold characters a reader expands.
      const path = join(scratch, `input-${local.length}.csv`);
      await writeFile(path, await store.get(bucket, `${incoming}${name}`));
      local.push({ name, path });
    }
    const result = await validateBatch(connection, local, scratch);
    const objects: Partial<Record<EcommerceTable, string>> = {};
    for (const [table, path] of Object.entries(result.parquet) as [EcommerceTable, string][]) {
      const key = `${options.rawPrefix ?? INGEST_PREFIX.ecommerceRaw}${table}/batch_id=${batchId}/data.parquet`;
      await put(key, await readFile(path));
      objects[table] = key;
    }
    const rejected = `${options.rejectedPrefix ?? INGEST_PREFIX.ecommerceRejected}batch_id=${batchId}/`;
    if (result.rejectedRows.length) {
      await put(`${rejected}rejected_rows.json`, result.rejectedRows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    }
    for (const file of result.rejectedFiles) {
      await put(`${rejected}files/${file.file}`, await store.get(bucket, `${incoming}${file.file}`));
      await put(`${rejected}files/${file.file}.error.json`, JSON.stringify(file));
    }
    const batch: ProcessedBatch = {
      batchId,
      forced,
      files: names,
      counts: result.counts,
      rejectedFiles: result.rejectedFiles,
      rejectedRows: result.rejectedRows,
      objects,
    };
    await options.beforeArchive?.(batch);
    // Inputs move to the archive last: a crash before this point leaves them in incoming/ for the next run.
    const archive = `${options.archivePrefix ?? INGEST_PREFIX.ecommerceArchive}batch_id=${batchId}/`;
    for (const name of names) await put(`${archive}${name}`, await store.get(bucket, `${incoming}${name}`));
    // From here on the outputs are the batch's: inputs leave incoming/ only once they are all archived.
    written.length = 0;
    await store.delete(
      bucket,
      names.map((name) => `${incoming}${name}`),
    );
    return batch;
  } catch (error) {
    // Best effort: the error that stopped the batch is the one to report.
    if (written.length) await store.delete(bucket, written).catch(() => undefined);
    throw error;
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Puts generated or user files into the landing zone, as an upload to s3://bucket/incoming/ would. */
export async function landFiles(
  store: ObjectStore,
  bucket: string,
  files: { name: string; content: string }[],
  incomingPrefix: string = INGEST_PREFIX.incoming,
): Promise<void> {
  for (const file of files) await store.put(bucket, `${incomingPrefix}${file.name}`, file.content);
}

/**
 * Lands one file under its own name, or `<stem>_2.csv`, `_3`… while a different file of that name is still waiting in
 * incoming/ (create-only puts): two uploads with one name never overwrite each other. The same bytes uploaded again
 * (a retry after the lock refused it) are the file already waiting, not a second one. Resolves to the name used.
 */
export async function landFileUniquely(
  store: ObjectStore,
  bucket: string,
  name: string,
  content: string | Buffer,
  incomingPrefix: string = INGEST_PREFIX.incoming,
): Promise<string> {
  const stem = name.replace(/\.csv$/i, '');
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${stem}_${n}.csv`;
    try {
      await store.put(bucket, `${incomingPrefix}${candidate}`, bytes, { ifNoneMatch: '*' });
      return candidate;
    } catch (error) {
      if (!(error instanceof ObjectExistsError)) throw error;
    }
    const waiting = await store.get(bucket, `${incomingPrefix}${candidate}`).catch((error: unknown) => {
      if (error instanceof ObjectNotFoundError) return undefined; // processed meanwhile: try the name again
      throw error;
    });
    if (waiting === undefined) n--;
    else if (waiting.equals(bytes)) return candidate;
  }
}
