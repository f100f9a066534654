import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { openLake, tempLake } from './lake-helpers.js';
import { captureIo } from '../helpers/io.js';

describe('Athena names and databases', () => {
  let engine: AthenaLocalEngine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  it('resolves t, db.t and "awsdatacatalog"."db"."t" like Athena, case-insensitively', async () => {
    engine = await openLake();
    await engine.execute('CREATE DATABASE IF NOT EXISTS Sales');
    await engine.execute('CREATE SCHEMA IF NOT EXISTS sales');
    await expect(engine.execute('CREATE DATABASE sales')).rejects.toThrow(/already exists/);
    await engine.execute('CREATE TABLE sales.Orders AS SELECT 1 AS id');
    await engine.execute('CREATE TABLE orders AS SELECT 2 AS id');
    const q = async (sql: string, database?: string) => (await engine!.execute(sql, database ? { database } : {})).rows;
    expect(await q('SELECT id FROM orders')).toEqual([[2]]);
    expect(await q('SELECT id FROM orders', 'sales')).toEqual([[1]]);
    expect(await q('SELECT id FROM SALES.ORDERS')).toEqual([[1]]);
    expect(await q('SELECT id FROM "awsdatacatalog"."sales"."orders"')).toEqual([[1]]);
    expect(await q('SELECT id FROM awsdatacatalog."default".orders', 'sales')).toEqual([[2]]);
    expect(await q('SHOW DATABASES')).toEqual([['default'], ['sales']]);
    expect(await q('SHOW TABLES IN sales')).toEqual([['orders']]);
    expect(await q("SHOW TABLES 'ord*|x'", 'sales')).toEqual([['orders']]);
    await expect(engine.execute('SELECT * FROM other.db.t')).rejects.toThrow();
    await expect(engine.execute('CREATE TABLE other.x.t AS SELECT 1 AS a')).rejects.toThrow(/Catalog 'other' does not exist/);
  });

  // Trino stores a view with the catalog and schema of the session that created it and resolves the view's
  // unqualified names there (ConnectorViewDefinition catalog/schema; https://trino.io/docs/current/sql/create-view.html),
  // not in the schema the view lives in, nor in the schema of the session that reads it.
  it('views resolve their unqualified names in the database of the session that created them', async () => {
    engine = await openLake();
    await engine.execute('CREATE DATABASE a');
    await engine.execute('CREATE TABLE a.t AS SELECT 1 AS v');
    await engine.execute('CREATE TABLE t AS SELECT 2 AS v');
    await engine.execute('CREATE VIEW a.v AS SELECT v FROM t');
    expect((await engine.execute('SELECT v FROM a.v')).rows).toEqual([[2]]);
    expect((await engine.execute('SELECT v FROM a.v', { database: 'a' })).rows).toEqual([[2]]);
    await engine.execute('CREATE OR REPLACE VIEW a.v AS SELECT v + 10 AS v FROM t', { database: 'a' });
    expect((await engine.execute('SELECT v FROM a.v')).rows).toEqual([[11]]);
    await engine.execute('CREATE VIEW a.w AS WITH t AS (SELECT 5 AS v) SELECT v FROM t');
    expect((await engine.execute('SELECT v FROM a.w')).rows).toEqual([[5]]);
    await engine.execute('CREATE TABLE a.only_in_a AS SELECT 3 AS v');
    await expect(engine.execute('CREATE VIEW a.x AS SELECT v FROM only_in_a')).rejects.toThrow(/only_in_a/);
    await engine.execute('DROP VIEW a.w');
    await engine.execute('DROP VIEW a.v');
    await expect(engine.execute('DROP DATABASE a')).rejects.toThrow(/not empty/);
    await engine.execute('DROP DATABASE a CASCADE');
    expect((await engine.execute('SHOW DATABASES')).rows).toEqual([['default']]);
  });

  it('keeps databases and tables across `lake sql` processes in <lake>/.duckdb/catalog.duckdb', async () => {
    const lake = tempLake();
    const sql = async (script: string, ...extra: string[]) => {
      const io = captureIo(lake);
      const code = await main(['sql', '--lake', lake, '--format', 'json', ...extra, '-e', script], io);
      expect(io.err).toBe('');
      expect(code).toBe(0);
      return JSON.parse(io.out) as { columns: { name: string; type: string }[]; rows: unknown[][] };
    };
    await sql("CREATE DATABASE shop; CREATE TABLE shop.items WITH (partitioned_by = ARRAY['cat']) AS SELECT 1 AS id, 'x' AS cat");
    expect((await sql('SELECT id, cat FROM awsdatacatalog.shop.items')).rows).toEqual([[1, 'x']]);
    expect((await sql('SELECT count(*) AS n FROM items', '--database', 'shop')).rows).toEqual([[1]]);
    await sql("INSERT INTO shop.items VALUES (2, 'y')");
    const result = await sql('SELECT id, cat FROM shop.items ORDER BY id');
    expect(result.columns).toEqual([
      { name: 'id', type: 'integer' },
      { name: 'cat', type: 'varchar' },
    ]);
    expect(result.rows).toEqual([
      [1, 'x'],
      [2, 'y'],
    ]);
  });
});
