// The catalog's snapshot: the statements of one run read the database list and the table descriptions once, not once
// per statement (issue 18 measured 82–134 such queries per pipeline run and 1,574 in `lake test`); this process's own
// DDL and writes are seen by its next statement, and another process's by the next statement not under the writer lock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBConnection } from '@duckdb/node-api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AthenaLocalEngine } from '../../../src/engines/local/engine.js';

const DATABASE_LISTING = /FROM duckdb_schemas\(\)/;
const DESCRIPTION_READ = /^SELECT spec.* FROM "awsdatacatalog"\."__lake"\."tables"/;

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
  const recordStatements = (): string[] => {
    const sent: string[] = [];
    const run = DuckDBConnection.prototype.run;
    vi.spyOn(DuckDBConnection.prototype, 'run').mockImplementation(function (this: DuckDBConnection, ...args: Parameters<DuckDBConnection['run']>) {
      sent.push(String(args[0]).trim());
      return run.apply(this, args);
    });
    return sent;
  };
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

  it('an in-memory catalog sees its own writes at once, and reads descriptions once across inserts', async () => {
    const engine = await open(lake(), true);
    await engine.execute('CREATE DATABASE shop');
    await engine.execute(`CREATE EXTERNAL TABLE shop.orders (id int) PARTITIONED BY (dt string) STORED AS PARQUET LOCATION 's3://lake/orders/'`);
    const sent = recordStatements();
    for (let i = 1; i <= 5; i++) {
      await engine.execute(`INSERT INTO shop.orders VALUES (${i}, '2025-03-0${i}')`);
      expect((await engine.execute('SELECT count(*), count(DISTINCT dt) FROM shop.orders')).rows).toEqual([[i, i]]);
    }
    expect(count(sent, DESCRIPTION_READ)).toBe(1);
    // DDL run outside LakeCatalog (a new database, a view, a dropped table) is seen by the next statement.
    await engine.execute('CREATE DATABASE archive');
    expect((await engine.execute('SHOW DATABASES')).rows).toEqual([['archive'], ['default'], ['shop']]);
    await engine.execute('CREATE VIEW shop.recent AS SELECT * FROM shop.orders WHERE id > 3');
    expect((await engine.execute('SHOW TABLES IN shop')).rows).toEqual([['orders'], ['recent']]);
    await engine.execute('DROP TABLE shop.orders');
    expect((await engine.execute('SHOW TABLES IN shop')).rows).toEqual([['recent']]);
    await expect(engine.execute('SELECT * FROM shop.orders')).rejects.toThrow(/orders/);
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
});
