// Serving rows to a key-value store: keys from columns, JSON-safe values, duplicate keys refused; written through the
// real JSON-file store (the DynamoDB store shares its interface and has its own tests).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Engine, QueryResult, SqlValue } from '../../src/engines/engine.js';
import { JsonFileKeyValueStore } from '../../src/storage/kv-store/json-file.js';
import type { KeyValueStore } from '../../src/storage/kv-store/key-value-store.js';
import { serveQueries, serveQuery, servedValue } from '../../src/pipeline/serving.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const store = () => {
  const dir = mkdtempSync(join(tmpdir(), 'serving-'));
  dirs.push(dir);
  return new JsonFileKeyValueStore(join(dir, 'features.json'));
};

/** An engine answering every statement with one fixed result, remembering what it was asked. */
function answering(columns: string[], rows: SqlValue[][]): Engine & { asked: string[] } {
  const asked: string[] = [];
  const result: QueryResult = { columns: columns.map((name) => ({ name, type: 'varchar' })), rows, stats: { durationMs: 1, bytesScanned: 2048 } };
  return {
    name: 'answering',
    capabilities: { maxPartitionsPerWrite: 100, reportsBytesScanned: true },
    asked,
    execute: async (sql) => {
      asked.push(sql);
      return result;
    },
    close: async () => {},
  };
}

describe('serveQuery', () => {
  it('writes one item per row under its key columns, values JSON-safe', async () => {
    const kv = store();
    const engine = answering(
      ['customer_id', 'interaction_count_1d', 'big', 'date'],
      [
        [7, 3, 9007199254740993n, '2025-03-09'],
        [8, 1, null, '2025-03-09'],
      ],
    );
    const result = await serveQuery(engine, 'SELECT * FROM f', kv, { key: ['customer_id'] });
    expect(result).toEqual({ rows: 2, bytesScanned: 2048 });
    expect(await kv.get('7')).toEqual({ value: { customer_id: 7, interaction_count_1d: 3, big: '9007199254740993', date: '2025-03-09' }, version: 1 });
    expect((await kv.get('8'))?.value).toMatchObject({ big: null });
    // A rerun for the same day replaces the items (new version), it does not add any.
    await serveQuery(engine, 'SELECT * FROM f', kv, { key: ['customer_id'] });
    expect((await kv.get('7'))?.version).toBe(2);
  });

  it('joins composite keys with #', async () => {
    const kv = store();
    await serveQuery(answering(['category', 'order_date', 'daily_revenue'], [['books', '2025-03-09', '10.50']]), 'q', kv, { key: ['category', 'order_date'] });
    expect((await kv.get('books#2025-03-09'))?.value).toEqual({ category: 'books', order_date: '2025-03-09', daily_revenue: '10.50' });
  });

  it('refuses duplicate keys, NULL keys and unknown key columns before writing anything', async () => {
    const kv = store();
    await expect(serveQuery(answering(['id'], [[1], [1]]), 'q', kv, { key: ['id'] })).rejects.toThrow(/id = 1 appears in more than one row/);
    await expect(serveQuery(answering(['id'], [[null]]), 'q', kv, { key: ['id'] })).rejects.toThrow(/key column 'id' is NULL/);
    await expect(serveQuery(answering(['id'], [[1]]), 'q', kv, { key: ['customer_id'] })).rejects.toThrow(/'customer_id' is not in the result/);
    expect(await kv.get('1')).toBeUndefined();
  });

  it('maps nested values', () => {
    expect(servedValue({ a: [1n, 'x'], b: null })).toEqual({ a: ['1', 'x'], b: null });
  });
});

describe('serveQueries (one query per day of a served period)', () => {
  /** An engine answering the i-th statement with the i-th day's rows of (customer_id, day). */
  function days(...perDay: SqlValue[][][]): Engine {
    let next = 0;
    return {
      name: 'days',
      capabilities: { maxPartitionsPerWrite: 100, reportsBytesScanned: true },
      execute: async () => ({
        columns: [
          { name: 'customer_id', type: 'integer' },
          { name: 'day', type: 'varchar' },
        ],
        rows: perDay[next++],
        stats: { durationMs: 1, bytesScanned: 100 },
      }),
      close: async () => {},
    };
  }

  it('writes the days in order in one write of the file: a later day replaces an earlier one, versions count the days', async () => {
    const kv = store();
    const putMany = vi.spyOn(kv, 'putMany');
    const engine = days(
      [
        [1, 'mon'],
        [2, 'mon'],
      ],
      [[1, 'tue']],
      [
        [1, 'wed'],
        [3, 'wed'],
      ],
    );
    expect(await serveQueries(engine, ['d1', 'd2', 'd3'], kv, { key: ['customer_id'] })).toEqual({ rows: 5, bytesScanned: 300 });
    expect(putMany).toHaveBeenCalledTimes(1);
    expect(await kv.get('1')).toEqual({ value: { customer_id: 1, day: 'wed' }, version: 3 });
    expect(await kv.get('2')).toEqual({ value: { customer_id: 2, day: 'mon' }, version: 1 });
    expect(await kv.get('3')).toEqual({ value: { customer_id: 3, day: 'wed' }, version: 1 });
  });

  it('writes nothing when a day fails, and a store without putMany gets each day before the next', async () => {
    const kv = store();
    const engine = days(
      [[1, 'mon']],
      [
        [2, 'tue'],
        [2, 'tue'],
      ],
    );
    await expect(serveQueries(engine, ['d1', 'd2'], kv, { key: ['customer_id'] })).rejects.toThrow(/customer_id = 2 appears in more than one row/);
    expect(await kv.get('1')).toBeUndefined();
    const writes: string[] = [];
    const single = { put: async (key: string, value: unknown) => writes.push(`${key}:${(value as { day: string }).day}`), get: async () => undefined };
    await serveQueries(days([[1, 'mon']], [[1, 'tue']]), ['d1', 'd2'], single as unknown as KeyValueStore, { key: ['customer_id'] });
    expect(writes).toEqual(['1:mon', '1:tue']);
  });
});
