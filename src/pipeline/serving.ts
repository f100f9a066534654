// Serving a query's rows for point lookups: each row becomes one item of a KeyValueStore under the row's key
// columns (seed 004's feature table, seed 001's KPI tables). Locally a JSON file, on AWS a DynamoDB table. A key that
// appears twice in the result is an error: the second row would silently replace the first.
import { LakeError } from '../errors.js';
import type { Engine, SqlValue } from '../engines/engine.js';
import type { KeyValueStore } from '../storage/kv-store/key-value-store.js';

export interface ServeOptions {
  /** Columns whose values, joined with `#`, are the item key (`customer_id`; `category`, `order_date`). */
  key: readonly string[];
  database?: string;
  /** Items written at once (DynamoDB calls in flight). */
  concurrency?: number;
  signal?: AbortSignal;
}

export interface ServeResult {
  rows: number;
  bytesScanned?: number;
}

export class ServingError extends LakeError {
  override readonly name: string = 'ServingError';
}

export type ServedValue = null | boolean | number | string | ServedValue[] | { [key: string]: ServedValue };

/** JSON-safe: BIGINT beyond 2^53 as its decimal text, as the engines print it. */
export function servedValue(value: SqlValue): ServedValue {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(servedValue);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, servedValue(v)]));
  return value;
}

export function servingKey(item: Record<string, ServedValue>, key: readonly string[]): string {
  return key
    .map((column) => {
      const value = item[column];
      if (value === undefined) throw new ServingError(`key column '${column}' is not in the result (columns: ${Object.keys(item).join(', ')})`);
      if (value === null || typeof value === 'object') throw new ServingError(`key column '${column}' is ${value === null ? 'NULL' : 'not a scalar'} in a row`);
      return String(value);
    })
    .join('#');
}

/** Runs `sql` and writes every row to `store` under its key; resolves when all are written. */
export function serveQuery(engine: Engine, sql: string, store: KeyValueStore, options: ServeOptions): Promise<ServeResult> {
  return serveQueries(engine, [sql], store, options);
}

/**
 * Runs the queries in order and writes every row of each to `store` under its key, a later query's item replacing an
 * earlier one's. A store that takes many items at once gets them all in one write after the last query, in the
 * queries' order, so each key's version still counts the queries that wrote it: the local JSON file is read, parsed
 * and replaced once instead of once per query (issue 18: `npm start` serves 8 days of ~4,000 customers each). Other
 * stores are written query by query, as concurrent puts of one query hold each key once.
 */
export async function serveQueries(engine: Engine, sqls: readonly string[], store: KeyValueStore, options: ServeOptions): Promise<ServeResult> {
  if (options.key.length === 0) throw new ServingError('a serving key needs at least one column');
  const batched: [string, Record<string, ServedValue>][] = [];
  let rows = 0;
  let bytesScanned: number | undefined;
  for (const sql of sqls) {
    const result = await engine.execute(sql, { database: options.database, signal: options.signal });
    const names = result.columns.map((c) => c.name);
    const items = result.rows.map((row) => Object.fromEntries(row.map((v, i) => [names[i], servedValue(v)])) as Record<string, ServedValue>);
    const keyed = new Map<string, Record<string, ServedValue>>();
    for (const item of items) {
      const key = servingKey(item, options.key);
      if (keyed.has(key)) throw new ServingError(`key ${options.key.join(', ')} = ${key} appears in more than one row`);
      keyed.set(key, item);
    }
    rows += keyed.size;
    if (result.stats.bytesScanned !== undefined) bytesScanned = (bytesScanned ?? 0) + result.stats.bytesScanned;
    if (store.putMany) batched.push(...keyed);
    else await putConcurrently(store, [...keyed], options);
  }
  if (store.putMany && batched.length > 0) await store.putMany(batched);
  return { rows, ...(bytesScanned !== undefined ? { bytesScanned } : {}) };
}

async function putConcurrently(store: KeyValueStore, entries: readonly [string, Record<string, ServedValue>][], options: ServeOptions): Promise<void> {
  const concurrency = Math.max(1, options.concurrency ?? 16);
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      if (options.signal?.aborted) throw options.signal.reason;
      const [key, item] = entries[next++];
      await store.put(key, item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, entries.length) }, worker));
}

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;
const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The rows of a served table that a run wrote: for a run over a period, those whose `periodColumn` (a day, DATE or
 * `YYYY-MM-DD` text) falls on the period's days; without a period, all of them.
 */
export function servedRowsSql(database: string, table: string, period?: { start: Date; end: Date; column: string }): string {
  const from = `SELECT * FROM ${quoteIdentifier(database)}.${quoteIdentifier(table)}`;
  if (!period) return from;
  const first = isoDay(Math.floor(period.start.getTime() / DAY_MS) * DAY_MS);
  const end = isoDay(Math.ceil(period.end.getTime() / DAY_MS) * DAY_MS);
  const day = `CAST(${quoteIdentifier(period.column)} AS DATE)`;
  return `${from} WHERE ${day} >= DATE '${first}' AND ${day} < DATE '${end}'`;
}

/**
 * The queries that serve a run's rows, to run in order. When the key does not hold the period column (features keyed
 * by customer_id, one row per customer and day), one query per day of the period, so each day's rows replace the day
 * before's as a daily job would; otherwise one query.
 */
export function servingQueries(database: string, table: string, key: readonly string[], period?: { start: Date; end: Date; column: string }): string[] {
  if (!period || key.includes(period.column)) return [servedRowsSql(database, table, period)];
  const queries: string[] = [];
  const end = Math.ceil(period.end.getTime() / DAY_MS) * DAY_MS;
  for (let day = Math.floor(period.start.getTime() / DAY_MS) * DAY_MS; day < end; day += DAY_MS) {
    queries.push(servedRowsSql(database, table, { start: new Date(day), end: new Date(day + DAY_MS), column: period.column }));
  }
  return queries;
}
