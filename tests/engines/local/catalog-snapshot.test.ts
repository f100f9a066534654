// The catalog's snapshot: the statements of one run read the database list and the table descriptions once, not once
// per statement (issue 18 measured 82–134 such queries per pipeline run and 1,574 in `lake test`); this process's own
// DDL and writes are seen by its next statement, and another process's by the next statement not under the writer lock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordDuckDBStatements } from '../../helpers/duckdb-statements.js';
import { AthenaLocalEngine } from '../../../src/engines/local/engine.js';

const DATABASE_LISTING = /FROM duckdb_schemas\(\)/;
const DESCRIPTION_READ = /^SELECT spec.* FROM "awsdatacatalog"\."__lake"\."tables"/;
const RELATION_LISTING = /FROM duckdb_tables\(\)/;
const VIEW_LISTING = /^SELECT schema_name, view_name FROM duckdb_views\(\)/;
const READ_ONLY_ATTACH = /^ATTACH '.*catalog\.duckdb' AS awsdatacatalog \(READ_ONLY\)$/;

describe('catalog snapshot', () => {
  const opened: AthenaLocalEngine[] = [];
  const lakes: string[] = [];
  afterEach(async () => {
    vi.restoreAllMocks();
    for (const engine of opened.splice(0)) await engine.close();
    for (const lake of lakes.splice(0)) rmSync(lake, { recursive: true, force: true });
  });
  const lake = () => {
    const dir = mkdtempSync(join(tmpdir(), 'lake-snapshot-'));
    lakes.push(dir);
    return dir;
  };
  const open = async (lakeRoot: string, inMemory = false) => {
    const engine = await AthenaLocalEngine.open({ lakeRoot, inMemory, waitMs: 300 });
    opened.push(engine);
    return engine;
  };
  /** Every SQL text sent to DuckDB from now on (runAndReadAll goes through run). */
  const recordStatements = (): string[] => recordDuckDBStatements().sent;
  const count = (sent: string[], pattern: RegExp) => sent.filter((sql) => pattern.test(sql)).length;

  it('an exclusive run lists the databases and reads the descriptions once for ten statements', async () => {
    const engine = await open(lake());
    await engine.execute('CREATE DATABASE shop');
    await engine.execute(`CREATE EXTERNAL TABLE shop.orders (id int) PARTITIONED BY (dt string) STORED AS PARQUET LOCATION 's3://lake/orders/'`);
    await engine.execute(`INSERT INTO shop.orders VALUES (1, '2025-03-01')`);
    const sent = recordStatements();
    await engine.exclusive(async () => {
      for (let i = 0; i < 10; i++) expect((await engine.execute('SELECT count(*) FROM orders', { database: 'shop' })).rows).toEqual([[1]]);
    });
    expect(count(sent, DATABASE_LISTING)).toBe(1);
    expect(count(sent, DESCRIPTION_READ)).toBe(1);
  });

  it("an exclusive run's writes create the catalog's own schemas and table (if missing) once, not per statement", async () => {
    const engine = await open(lake());
    await engine.execute('CREATE DATABASE shop');
    await engine.execute(`CREATE EXTERNAL TABLE shop.orders (id int) PARTITIONED BY (dt string) STORED AS PARQUET LOCATION 's3://lake/orders/'`);
    const sent = recordStatements();
    await engine.exclusive(async () => {
      for (let i = 1; i <= 5; i++) await engine.execute(`INSERT INTO shop.orders VALUES (${i}, '2025-03-0${i}')`);
    });
    // Outside the run, each write takes the lock anew (another writer may have been in between): ensured again.
    await engine.execute(`INSERT INTO shop.orders VALUES (6, '2025-03-06')`);
    expect((await engine.execute('SELECT count(*) FROM shop.orders')).rows).toEqual([[6]]);
    expect(count(sent, /^CREATE TABLE IF NOT EXISTS "awsdatacatalog"\."__lake"\."tables"/)).toBe(2);
    expect(count(sent, /^CREATE SCHEMA IF NOT EXISTS/)).toBe(2 * 2);
  });

  it('an in-memory catalog sees its own writes at once, and reads descriptions once across inserts', async () => {
    const engine = await open(lake(), true);
    await engine.execute('CREATE DATABASE shop');
    await engine.execute(`CREATE EXTERNAL TABLE shop.orders (id int) PARTITIONED BY (dt string) STORED AS PARQUET LOCATION 's3://lake/orders/'`);
    const sent = recordStatements();
    for (let i = 1; i <= 5; i++) {
      await engine.execute(`INSERT INTO shop.orders VALUES (${i}, '2025-03-0${i}')`);
      expect((await engine.execute('SELECT count(*), count(DISTINCT dt) FROM shop.orders')).rows).toEqual([[i, i]]);
    }
    // The CREATE TABLE before kept the snapshot current (the table joined it), so nothing is read again.
    expect(count(sent, DESCRIPTION_READ)).toBe(0);
    // DDL run outside LakeCatalog (a new database, a view, a dropped table) is seen by the next statement.
    await engine.execute('CREATE DATABASE archive');
    expect((await engine.execute('SHOW DATABASES')).rows).toEqual([['archive'], ['default'], ['shop']]);
    await engine.execute('CREATE VIEW shop.recent AS SELECT * FROM shop.orders WHERE id > 3');
    expect((await engine.execute('SHOW TABLES IN shop')).rows).toEqual([['orders'], ['recent']]);
    // Athena's SHOW VIEWS lists the views only (https://docs.aws.amazon.com/athena/latest/ug/show-views.html).
    expect((await engine.execute("SHOW VIEWS IN shop LIKE 're*'")).rows).toEqual([['recent']]);
    expect((await engine.execute("SHOW VIEWS IN shop LIKE 'o*'")).rows).toEqual([]);
    await engine.execute('DROP TABLE shop.orders');
    expect((await engine.execute('SHOW TABLES IN shop')).rows).toEqual([['recent']]);
    await expect(engine.execute('SELECT * FROM shop.orders')).rejects.toThrow(/orders/);
  });

  it('tables this process creates join the snapshot: CTAS after CTAS reads the catalog once (lint binds a table per model)', async () => {
    const engine = await open(lake(), true);
    await engine.execute('CREATE DATABASE shop');
    await engine.execute(`CREATE EXTERNAL TABLE shop.orders (id int) PARTITIONED BY (dt string) STORED AS PARQUET LOCATION 's3://lake/orders/'`);
    await engine.execute(`INSERT INTO shop.orders VALUES (1, '2025-03-01')`);
    expect((await engine.execute('SHOW TABLES IN shop')).rows).toEqual([['orders']]);
    const sent = recordStatements();
    const names = ['m3', 'b1', 'm10', 'a2', 'z0', 'c5'];
    for (const [i, name] of names.entries()) {
      // Iceberg (a native table) and Hive (a view over files) tables, each reading the one created before it.
      const from = i === 0 ? 'shop.orders' : `shop.${names[i - 1]}`;
      const format = i % 2 === 0 ? `table_type = 'ICEBERG', location = 's3://lake/${name}/'` : `format = 'PARQUET', external_location = 's3://lake/${name}/'`;
      await engine.execute(`CREATE TABLE shop.${name} WITH (${format}) AS SELECT id + ${i} AS id, dt FROM ${from}`);
      expect((await engine.execute(`SELECT id, dt FROM shop.${name}`)).rows).toEqual([[1 + (i * (i + 1)) / 2, '2025-03-01']]);
    }
    expect(count(sent, DATABASE_LISTING)).toBe(0);
    expect(count(sent, DESCRIPTION_READ)).toBe(0);
    expect(count(sent, RELATION_LISTING)).toBe(0);
    // The new Hive tables' views join the snapshot's names of views: nothing is listed again (their bodies name no shim).
    expect(count(sent, VIEW_LISTING)).toBe(0);
    // In the order DuckDB lists them (byte order), as a fresh read of the catalog gives.
    const listed = (await engine.execute('SHOW TABLES IN shop')).rows;
    expect(listed).toEqual([['a2'], ['b1'], ['c5'], ['m10'], ['m3'], ['orders'], ['z0']]);
    await expect(engine.execute('CREATE TABLE shop.m3 AS SELECT 1 AS a')).rejects.toThrow(/already exists/);
  });

  it("this process's CREATE/DROP of databases, tables and views keep the snapshot current (lake test: fixtures per test)", async () => {
    const engine = await open(lake(), true);
    await engine.execute('CREATE DATABASE shop');
    await engine.execute(`CREATE TABLE shop.orders WITH (table_type = 'ICEBERG', location = 's3://lake/orders/') AS SELECT 1 AS id`);
    expect((await engine.execute('SHOW TABLES IN shop')).rows).toEqual([['orders']]);
    const sent = recordStatements();
    for (let round = 0; round < 3; round++) {
      await engine.execute('CREATE DATABASE IF NOT EXISTS shop');
      await engine.execute('CREATE DATABASE IF NOT EXISTS archive');
      await engine.execute(`CREATE TABLE archive.kept (id int) LOCATION 's3://lake/kept/' TBLPROPERTIES ('table_type' = 'ICEBERG')`);
      await engine.execute(`INSERT INTO archive.kept VALUES (${round})`);
      await engine.execute('CREATE VIEW shop.recent AS SELECT id FROM archive.kept');
      expect((await engine.execute('SHOW DATABASES')).rows).toEqual([['archive'], ['default'], ['shop']]);
      expect((await engine.execute('SHOW TABLES IN shop')).rows).toEqual([['orders'], ['recent']]);
      expect((await engine.execute('SELECT id FROM shop.recent')).rows).toEqual([[round]]);
      await engine.execute('DROP VIEW shop.recent');
      await engine.execute('DROP TABLE archive.kept');
      expect((await engine.execute('SHOW TABLES IN shop')).rows).toEqual([['orders']]);
      expect((await engine.execute('SHOW TABLES IN archive')).rows).toEqual([]);
      await expect(engine.execute('SELECT * FROM archive.kept')).rejects.toThrow(/kept/);
      await engine.execute('DROP DATABASE archive'); // not followed: the next statement reads the catalog again
    }
    // Read again only after each DROP DATABASE (the rounds after the first), never after the DDL the snapshot follows.
    expect(count(sent, DATABASE_LISTING)).toBe(2);
    expect(count(sent, DESCRIPTION_READ)).toBe(2);
  });

  it('USE is sent when the database changes or the catalog was attached again, not before every statement', async () => {
    const uses = (sent: string[]) => sent.filter((sql) => sql.startsWith('USE "awsdatacatalog"'));
    for (const inMemory of [true, false]) {
      const engine = await open(lake(), inMemory);
      await engine.execute('CREATE DATABASE shop');
      await engine.execute('CREATE TABLE shop.t AS SELECT 1 AS a');
      await engine.execute('CREATE TABLE default.t AS SELECT 2 AS a');
      const sent = recordStatements();
      const read = async (database: string) => (await engine.execute('SELECT a FROM t', { database })).rows;
      await engine.exclusive(async () => {
        for (let i = 0; i < 3; i++) expect(await read('shop')).toEqual([[1]]);
        expect(await read('default')).toEqual([[2]]);
        expect(await read('shop')).toEqual([[1]]);
      });
      // A file catalog stays attached between the statements of an exclusive run (the same USE holds), and is attached
      // for each statement outside one (each attach starts without a USE).
      expect(await read('shop')).toEqual([[1]]);
      expect(await read('shop')).toEqual([[1]]);
      expect(uses(sent)).toHaveLength(3 + (inMemory ? 0 : 2));
      vi.restoreAllMocks();
    }
  });

  it("a statement outside an exclusive run sees another process's tables and databases", async () => {
    const root = lake();
    const one = await open(root);
    const other = await open(root);
    await one.execute('CREATE DATABASE shop');
    expect((await one.execute('SHOW TABLES IN shop')).rows).toEqual([]);
    await other.execute('CREATE TABLE shop.t AS SELECT 1 AS a');
    await other.execute('CREATE DATABASE archive');
    expect((await one.execute('SHOW TABLES IN shop')).rows).toEqual([['t']]);
    expect((await one.execute('SHOW DATABASES')).rows).toEqual([['archive'], ['default'], ['shop']]);
    await other.execute('DROP TABLE shop.t');
    await expect(one.execute('SELECT * FROM shop.t')).rejects.toThrow(/t/);
    // An exclusive run starts from the file as it is when it takes the writer lock.
    await other.execute('CREATE TABLE shop.u AS SELECT 2 AS b');
    await one.exclusive(async () => {
      expect((await one.execute('SELECT b FROM shop.u')).rows).toEqual([[2]]);
    });
  });

  it("an exclusive run's CREATE … IF NOT EXISTS of what the snapshot holds attaches nothing; outside a run it asks the file", async () => {
    const root = lake();
    const one = await open(root);
    const other = await open(root);
    const ddl = `CREATE EXTERNAL TABLE IF NOT EXISTS shop.orders (id int) STORED AS PARQUET LOCATION 's3://lake/orders/'`;
    await one.execute('CREATE DATABASE shop');
    await one.execute(ddl);
    await one.execute(`INSERT INTO shop.orders VALUES (1)`);
    const sent = recordStatements();
    await one.exclusive(async () => {
      expect((await one.execute('SELECT count(*) FROM shop.orders')).rows).toEqual([[1]]);
      const attached = count(sent, /^ATTACH /);
      // What a scheduled run sends before each of its steps (the landing DDL, the alert's tables): no statement reaches
      // DuckDB, and the answer is the one the catalog gives (nothing created, the rows still there).
      for (const sql of ['CREATE DATABASE IF NOT EXISTS shop', ddl, 'CREATE SCHEMA IF NOT EXISTS shop']) {
        const before = sent.length;
        expect(await one.execute(sql)).toMatchObject({ columns: [], rows: [], stats: { bytesScanned: 0 } });
        expect(sent.slice(before)).toEqual([]);
      }
      expect(count(sent, /^ATTACH /)).toBe(attached);
      // What the snapshot does not hold yet is created as before, and then known.
      await one.execute('CREATE DATABASE IF NOT EXISTS archive');
      await one.execute(`CREATE EXTERNAL TABLE IF NOT EXISTS archive.orders (id int) STORED AS PARQUET LOCATION 's3://lake/archive/'`);
      expect((await one.execute('SHOW TABLES IN archive')).rows).toEqual([['orders']]);
      // The IF NOT EXISTS statement never rejects what it would have accepted: a view of that name also exists.
      await one.execute('CREATE VIEW shop.recent AS SELECT 1 AS id');
      await one.execute(`CREATE EXTERNAL TABLE IF NOT EXISTS shop.recent (id int) STORED AS PARQUET LOCATION 's3://lake/recent/'`);
    });
    // Outside a run another process may have dropped the table since: the statement asks the file and creates it again.
    await other.execute('DROP TABLE shop.orders');
    await one.execute(ddl);
    expect((await other.execute('SHOW TABLES IN shop')).rows).toEqual([['orders'], ['recent']]);
    expect((await one.execute('SELECT count(*) FROM shop.orders')).rows).toEqual([[1]]);
  });
  it("an exclusive run's SHOW TABLES of a database the snapshot has listed is answered from it, with this run's own DDL", async () => {
    const root = lake();
    const one = await open(root);
    await one.execute('CREATE DATABASE shop');
    await one.execute(`CREATE EXTERNAL TABLE shop.orders (id int) STORED AS PARQUET LOCATION 's3://lake/orders/'`);
    await one.execute(`CREATE EXTERNAL TABLE shop.order_lines (id int) STORED AS PARQUET LOCATION 's3://lake/lines/'`);
    const sent = recordStatements();
    await one.exclusive(async () => {
      expect((await one.execute('SHOW TABLES IN shop')).rows).toEqual([['order_lines'], ['orders']]);
      const before = sent.length;
      // What the pipeline asks before each incremental model (does its table exist yet?): no statement reaches DuckDB.
      expect(await one.execute(`SHOW TABLES IN shop 'orders'`)).toMatchObject({ columns: [{ name: 'tab_name', type: 'varchar' }], rows: [['orders']] });
      expect((await one.execute(`SHOW TABLES IN shop 'ORD*|x'`)).rows).toEqual([['order_lines'], ['orders']]);
      expect((await one.execute(`SHOW TABLES IN shop 'missing'`)).rows).toEqual([]);
      expect(sent.slice(before)).toEqual([]);
      // Tables and views this run creates or drops are in the next answer.
      await one.execute('CREATE VIEW shop.recent AS SELECT 1 AS id');
      await one.execute('DROP TABLE shop.order_lines');
      expect((await one.execute('SHOW TABLES IN shop')).rows).toEqual([['orders'], ['recent']]);
      await expect(one.execute('SHOW TABLES IN nowhere')).rejects.toThrow(/nowhere/);
    });
  });

  it('a statement that reads no table (an alert condition) runs without attaching the catalog; a table it names is not found', async () => {
    const root = lake();
    const one = await open(root);
    await one.execute('CREATE DATABASE shop');
    await one.execute('CREATE TABLE shop.t AS SELECT 1 AS a');
    const sent = recordStatements();
    await one.exclusive(async () => {
      const result = await one.execute(`SELECT n, CASE WHEN (n > 10) THEN TRUE ELSE FALSE END AS firing FROM (VALUES (CAST('907' AS bigint))) AS r(n)`, {
        database: 'shop',
        readsNoTables: true,
      });
      expect(result).toMatchObject({
        columns: [
          { name: 'n', type: 'bigint' },
          { name: 'firing', type: 'boolean' },
        ],
        rows: [[907, true]],
      });
      expect(result.stats.bytesScanned).toBe(0);
      expect(count(sent, /^ATTACH /)).toBe(0);
      await expect(one.execute('SELECT a FROM t', { database: 'shop', readsNoTables: true })).rejects.toThrow(/t/);
      expect((await one.execute('SELECT a FROM t', { database: 'shop' })).rows).toEqual([[1]]);
    });
  });

  it('a shared series of reads (lake test: the contract checks) attaches the catalog and reads it once for ten statements', async () => {
    const engine = await open(lake());
    await engine.execute('CREATE DATABASE shop');
    await engine.execute(`CREATE EXTERNAL TABLE shop.orders (id int) PARTITIONED BY (dt string) STORED AS PARQUET LOCATION 's3://lake/orders/'`);
    await engine.execute(`INSERT INTO shop.orders VALUES (1, '2025-03-01')`);
    const sent = recordStatements();
    await engine.shared(async () => {
      for (let i = 0; i < 10; i++) expect((await engine.execute('SELECT count(*) FROM orders', { database: 'shop' })).rows).toEqual([[1]]);
    });
    expect(count(sent, READ_ONLY_ATTACH)).toBe(1);
    expect(count(sent, DATABASE_LISTING)).toBe(1);
    expect(count(sent, DESCRIPTION_READ)).toBe(1);
    // After the series, each read attaches on its own again.
    await engine.execute('SELECT count(*) FROM orders', { database: 'shop' });
    expect(count(sent, READ_ONLY_ATTACH)).toBe(2);
  });

  it('a shared series steps aside for a writer: while another process holds the writer lock, each read attaches alone and sees its changes', async () => {
    const root = lake();
    const reader = await open(root);
    const writer = await open(root);
    await writer.execute('CREATE TABLE t AS SELECT 1 AS a');
    const sent = recordStatements();
    await reader.shared(async () => {
      expect((await reader.execute('SELECT a FROM t')).rows).toEqual([[1]]);
      await writer.exclusive(async () => {
        await writer.execute('CREATE TABLE u AS SELECT 2 AS b');
        await writer.execute('INSERT INTO t VALUES (3)');
        const before = count(sent, READ_ONLY_ATTACH);
        expect((await reader.execute('SELECT b FROM u')).rows).toEqual([[2]]);
        expect((await reader.execute('SELECT array_agg(a ORDER BY a) FROM t')).rows).toEqual([[[1, 3]]]);
        // One attachment per statement (the writer gets the file between them), not one kept for the series.
        expect(count(sent, READ_ONLY_ATTACH) - before).toBe(2);
      });
      await writer.execute('DROP TABLE u');
      await expect(reader.execute('SELECT b FROM u')).rejects.toThrow(/u/);
    });
  });
});
