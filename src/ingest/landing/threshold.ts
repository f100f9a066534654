// P2's threshold check (seed 001's trigger Lambda), without the DuckDB side: count the CSVs landed under incoming/,
// decide whether a batch is due (thresholds met, or the first check that found them unmet is `forceAfterMs` old), and
// otherwise remember when waiting began in incoming/threshold_not_met_timestamp.json. Used in-process by
// EcommerceLanding and on AWS by the p2-threshold step.
import { ObjectNotFoundError, type ObjectStore } from '../../storage/object-store/index.js';
import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import { INGEST_PREFIX } from '../layout.js';
import { tableOfFile } from './csv-validation.js';

export interface Thresholds {
  minOrderFiles: number;
  minItemFiles: number;
  minProductFiles: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { minOrderFiles: 5, minItemFiles: 5, minProductFiles: 1 };

export interface FileCounts {
  orders: number;
  order_items: number;
  products: number;
}

export interface ThresholdOptions {
  store: ObjectStore;
  bucket: string;
  thresholds?: Partial<Thresholds>;
  /** Process whatever is there once waiting has lasted this long (seed: 30 min). */
  forceAfterMs?: number;
  incomingPrefix?: string;
  clock?: Clock;
}

export type ThresholdResult =
  | { status: 'due'; files: string[]; counts: FileCounts; forced: boolean }
  | { status: 'waiting'; files: FileCounts; waitingSince: number; forceAt: number }
  | { status: 'empty' };

/** The "threshold not met since" marker, under the incoming prefix. */
export const STATE_FILE = 'threshold_not_met_timestamp.json';

export function countFiles(names: string[]): FileCounts {
  const counts: FileCounts = { orders: 0, order_items: 0, products: 0 };
  for (const name of names) {
    const table = tableOfFile(name);
    if (table) counts[table]++;
  }
  return counts;
}

/** CSV objects directly under the incoming prefix that feed a table, by name. */
export async function landedFiles(store: ObjectStore, bucket: string, incoming: string = INGEST_PREFIX.incoming): Promise<string[]> {
  const objects = await store.list(bucket, incoming);
  return objects.map((o) => o.key.slice(incoming.length)).filter((name) => !name.includes('/') && !name.startsWith('.') && tableOfFile(name) !== undefined);
}

export async function checkThreshold(options: ThresholdOptions): Promise<ThresholdResult> {
  const incoming = options.incomingPrefix ?? INGEST_PREFIX.incoming;
  const files = await landedFiles(options.store, options.bucket, incoming);
  if (!files.length) return { status: 'empty' };
  const counts = countFiles(files);
  const t = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const met = counts.orders >= t.minOrderFiles && counts.order_items >= t.minItemFiles && counts.products >= t.minProductFiles;
  const now = (options.clock ?? systemClock).now();
  if (met) return { status: 'due', files, counts, forced: false };
  const waitingSince = await waitingSinceMarker(options.store, options.bucket, `${incoming}${STATE_FILE}`, now);
  const forceAt = waitingSince + (options.forceAfterMs ?? 30 * 60_000);
  if (now < forceAt) return { status: 'waiting', files: counts, waitingSince, forceAt };
  return { status: 'due', files, counts, forced: true };
}

/** Forgets when waiting began (after a batch was processed). */
export async function clearWaitingMarker(store: ObjectStore, bucket: string, incoming: string = INGEST_PREFIX.incoming): Promise<void> {
  await store.delete(bucket, [`${incoming}${STATE_FILE}`]);
}

async function waitingSinceMarker(store: ObjectStore, bucket: string, key: string, now: number): Promise<number> {
  try {
    const state = JSON.parse((await store.get(bucket, key)).toString('utf8')) as { timestamp: number };
    if (Number.isFinite(state.timestamp)) return state.timestamp;
  } catch (error) {
    if (!(error instanceof ObjectNotFoundError) && !(error instanceof SyntaxError)) throw error;
  }
  await store.put(bucket, key, JSON.stringify({ timestamp: now, iso: new Date(now).toISOString() }));
  return now;
}
