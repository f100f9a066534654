// Serving a query's rows for point lookups: each row becomes one item of a KeyValueStore under the row's key
// columns (seed 004's feature table, seed 001's KPI tables). Locally a JSON file, on AWS a DynamoDB table. A key that
// appears twice in the result is an error: the second row would silently replace the first.
import type { Engine, SqlValue } from '../engines/engine.js';
import type { KeyValueStore } from '../engines/kv-store/key-value-store.js';

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

export class ServingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServingError';
  }
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
export async function serveQuery(engine: Engine, sql: string, store: KeyValueStore, options: ServeOptions): Promise<ServeResult> {
  if (options.key.length === 0) throw new ServingError('a serving key needs at least one column');
  const result = await engine.execute(sql, { database: options.database, signal: options.signal });
  const names = result.columns.map((c) => c.name);
  const items = result.rows.map((row) => Object.fromEntries(row.map((v, i) => [names[i], servedValue(v)])) as Record<string, ServedValue>);
  const keyed = new Map<string, Record<string, ServedValue>>();
  for (const item of items) {
    const key = servingKey(item, options.key);
    if (keyed.has(key)) throw new ServingError(`key ${options.key.join(', ')} = ${key} appears in more than one row`);
    keyed.set(key, item);
  }
  const entries = [...keyed];
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
  return { rows: entries.length, bytesScanned: result.stats.bytesScanned };
}
