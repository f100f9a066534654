// The local catalog re-creates a Hive table's view only when its description or the set of sources with files
// changes: binding a view over Parquet reads every file's footer (union_by_name), which after each write made a
// scheduled hourly run slower as the table's history grew.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG, LakeCatalog } from '../../../src/engines/local/catalog.js';
import { eventsTable } from './lake-table-fixture.js';

let instance: DuckDBInstance;
let connection: DuckDBConnection;
const statements: string[] = [];

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  await connection.run(`ATTACH ':memory:' AS ${CATALOG}`);
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

/** The connection as the catalog sees it, recording every statement it runs. */
const recording = (): DuckDBConnection =>
  new Proxy(connection, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== 'run' && property !== 'runAndReadAll') return typeof value === 'function' ? value.bind(target) : value;
      return (sql: string) => {
        statements.push(sql);
        return (value as (sql: string) => Promise<unknown>).call(target, sql);
      };
    },
  });

describe('LakeCatalog.put', () => {
  it('keeps the view of an unchanged table, and re-creates it when the description or the files present change', async () => {
    const lake = mkdtempSync(join(tmpdir(), 'lake-views-'));
    const catalog = new LakeCatalog(recording(), lake);
    await catalog.ensure();
    const table = eventsTable();
    const views = () => statements.filter((s) => s.startsWith('CREATE OR REPLACE VIEW')).length;
    await catalog.put(table);
    expect(views()).toBe(1);
    mkdirSync(join(lake, 'w/events/dt=2025-03-01'), { recursive: true });
    await connection.run(`COPY (SELECT 1 AS n) TO '${join(lake, 'w/events/dt=2025-03-01/a.parquet')}' (FORMAT parquet)`);
    await catalog.put(table);
    expect(views()).toBe(2); // the table now has files: its view reads them
    await connection.run(`COPY (SELECT 2 AS n) TO '${join(lake, 'w/events/dt=2025-03-01/b.parquet')}' (FORMAT parquet)`);
    await catalog.put(table);
    await catalog.put(table);
    expect(views()).toBe(2);
    expect((await connection.runAndReadAll(`SELECT sum(n) FROM ${CATALOG}."default".events`)).getRows()).toEqual([[3n]]); // files added later are read without a new view
    await catalog.put({ ...table, properties: { note: 'x' } });
    expect(views()).toBe(3);
  });
});
