import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engines/engine.js';
import type { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
import { LocalObjectStore } from '../../../src/storage/object-store/index.js';
import { STRATEGIES, type MaterializeRequest } from '../../../src/pipeline/materialize/index.js';
import { openLake, tempLake } from '../../dialect/lake-helpers.js';

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();

/** The local engine as Athena is driven: without the native replacePartitions, so the strategy plans batches. */
const athenaPlan = (engine: Engine): Engine => ({
  name: engine.name,
  capabilities: engine.capabilities,
  execute: (sql, options) => engine.execute(sql, options),
  close: () => engine.close(),
});

describe('materialization strategies', () => {
  let engine: AthenaLocalEngine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  const events = (days: [string, number][]) => days.map(([dt, n]) => `SELECT ${n} AS n, CAST('${dt}' AS varchar) AS dt`).join(' UNION ALL ');

  it('incremental replaces exactly the partitions the new data contains, in batches, without duplicates', async () => {
    const lake = tempLake();
    engine = await openLake(lake);
    const objectStore = new LocalObjectStore(lake);
    await engine.execute('CREATE DATABASE mart');
    const request = (selectSql: string): MaterializeRequest => ({
      database: 'mart',
      name: 'daily',
      selectSql,
      partitionedBy: ['dt'],
      location: 's3://warehouse/mart/daily/',
    });
    await STRATEGIES.incremental(
      request(
        events([
          ['2025-03-01', 1],
          ['2025-03-02', 2],
          ['2025-03-03', 3],
        ]),
      ),
      { engine, objectStore },
    );
    const untouched = filesUnder(join(lake, 'warehouse/mart/daily/dt=2025-03-01'));
    const mtime = statSync(untouched[0]).mtimeMs;

    const rerun = await STRATEGIES.incremental(
      request(
        events([
          ['2025-03-02', 20],
          ['2025-03-02', 21],
          ['2025-03-04', 4],
        ]),
      ),
      { engine, objectStore },
    );
    expect(rerun.partitions).toEqual(expect.arrayContaining([['2025-03-02'], ['2025-03-04']]));
    expect(rerun.rowsWritten).toBe(3);
    const rows = await engine.execute('SELECT dt, n FROM mart.daily ORDER BY dt, n');
    expect(rows.rows).toEqual([
      ['2025-03-01', 1],
      ['2025-03-02', 20],
      ['2025-03-02', 21],
      ['2025-03-03', 3],
      ['2025-03-04', 4],
    ]);
    expect(filesUnder(join(lake, 'warehouse/mart/daily/dt=2025-03-01'))).toEqual(untouched);
    expect(statSync(untouched[0]).mtimeMs).toBe(mtime);
    expect(filesUnder(join(lake, 'warehouse/mart/daily/dt=2025-03-02'))).toHaveLength(1);
  });

  it('incremental on Athena splits writes into batches of the engine’s partition limit', async () => {
    const lake = tempLake();
    engine = await openLake(lake);
    const objectStore = new LocalObjectStore(lake);
    const values = Array.from({ length: 150 }, (_, i) => `(${i + 1})`).join(', ');
    const selectSql = `SELECT x AS n, CAST(x AS varchar) AS p FROM (VALUES ${values}) AS t(x)`;
    const base: MaterializeRequest = {
      database: 'default',
      name: 'wide',
      selectSql: "SELECT 0 AS n, '0' AS p",
      partitionedBy: ['p'],
      location: 's3://w/wide/',
    };
    await STRATEGIES.incremental(base, { engine: athenaPlan(engine), objectStore });
    const outcome = await STRATEGIES.incremental({ ...base, selectSql }, { engine: athenaPlan(engine), objectStore });
    const inserts = outcome.statements.filter((s) => s.startsWith('INSERT'));
    expect(inserts).toHaveLength(Math.ceil(150 / engine.capabilities.maxPartitionsPerWrite));
    expect((await engine.execute('SELECT count(*) AS c, count(DISTINCT p) AS d FROM wide')).rows).toEqual([[151, 151]]);
  });

  it('incremental on Athena batches the very first run too (a backfill wider than one statement may write)', async () => {
    const lake = tempLake();
    engine = await openLake(lake);
    const values = Array.from({ length: 150 }, (_, i) => `(${i + 1})`).join(', ');
    const request: MaterializeRequest = {
      database: 'default',
      name: 'backfill',
      selectSql: `SELECT x AS n, CAST(x AS varchar) AS p FROM (VALUES ${values}) AS t(x)`,
      partitionedBy: ['p'],
      location: 's3://w/backfill/',
    };
    const outcome = await STRATEGIES.incremental(request, { engine: athenaPlan(engine), objectStore: new LocalObjectStore(lake) });
    expect(outcome.statements.filter((s) => s.startsWith('INSERT'))).toHaveLength(2);
    expect((await engine.execute('SELECT count(*) AS c, count(DISTINCT p) AS d FROM backfill')).rows).toEqual([[150, 150]]);
  });

  it('incremental on the local engine replaces any number of partitions in one write, older files removed', async () => {
    const lake = tempLake();
    engine = await openLake(lake);
    const objectStore = new LocalObjectStore(lake);
    const rows = (n: number, offset: number) => Array.from({ length: n }, (_, i) => `(${i + offset}, ${(i + offset) % 150})`).join(', ');
    const request = (values: string): MaterializeRequest => ({
      database: 'default',
      name: 'hours',
      selectSql: `SELECT x AS n, CAST(h AS varchar) AS p, h AS q FROM (VALUES ${values}) AS t(x, h)`,
      partitionedBy: ['p', 'q'],
      location: 's3://w/hours/',
    });
    const first = await STRATEGIES.incremental(request(rows(300, 0)), { engine, objectStore });
    expect(first.statements.filter((s) => s.startsWith('INSERT'))).toHaveLength(1);
    expect(first.rowsWritten).toBe(300);
    expect(first.partitions).toHaveLength(150);
    const older = filesUnder(join(lake, 'w/hours/p=7/q=7'));
    // 150 partitions again (more than Athena's 100 per write), each with one new row.
    const rerun = await STRATEGIES.incremental(request(rows(150, 1000)), { engine, objectStore });
    expect(rerun.rowsWritten).toBe(150);
    expect(rerun.partitions).toEqual(
      expect.arrayContaining([
        ['7', '7'],
        ['149', '149'],
      ]),
    );
    expect((await engine.execute('SELECT count(*), count(DISTINCT p), min(n) FROM hours')).rows).toEqual([[150, 150, 1000]]);
    const newer = filesUnder(join(lake, 'w/hours/p=7/q=7'));
    expect(newer).toHaveLength(1);
    expect(newer).not.toEqual(older);
    // Nothing staged is left in the lake.
    expect(readdirSync(join(lake, '.duckdb', 'staging'))).toEqual([]);
  });

  it('incremental on the local engine escapes partition values and writes NULL partitions as Hive does', async () => {
    const lake = tempLake();
    engine = await openLake(lake);
    const objectStore = new LocalObjectStore(lake);
    const request = (selectSql: string): MaterializeRequest => ({ database: 'default', name: 'odd', selectSql, partitionedBy: ['p'], location: 's3://w/odd/' });
    await STRATEGIES.incremental(request("SELECT * FROM (VALUES (1, 'a/b'), (2, NULL), (4, 'x')) AS t(n, p)"), { engine, objectStore });
    const again = await STRATEGIES.incremental(request("SELECT * FROM (VALUES (10, 'a/b'), (20, CAST(NULL AS varchar))) AS t(n, p)"), { engine, objectStore });
    expect(again.partitions).toEqual(expect.arrayContaining([['a/b'], [null]]));
    expect(readdirSync(join(lake, 'w/odd')).sort()).toEqual(['p=__HIVE_DEFAULT_PARTITION__', 'p=a%2Fb', 'p=x']);
    expect((await engine.execute('SELECT n, p FROM odd ORDER BY n')).rows).toEqual([
      [4, 'x'],
      [10, 'a/b'],
      [20, null],
    ]);
  });

  it('incremental on the local engine replaces partitions of a JSON table', async () => {
    const lake = tempLake();
    engine = await openLake(lake);
    const objectStore = new LocalObjectStore(lake);
    const request = (selectSql: string): MaterializeRequest => ({
      database: 'default',
      name: 'js',
      selectSql,
      format: 'JSON',
      partitionedBy: ['p'],
      location: 's3://w/js/',
    });
    await STRATEGIES.incremental(request("SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS t(n, p)"), { engine, objectStore });
    const again = await STRATEGIES.incremental(request("SELECT * FROM (VALUES (3, 'b'), (4, 'b')) AS t(n, p)"), { engine, objectStore });
    expect(again.rowsWritten).toBe(2);
    expect((await engine.execute('SELECT n, p FROM js ORDER BY n')).rows).toEqual([
      [1, 'a'],
      [3, 'b'],
      [4, 'b'],
    ]);
  });

  it('table rebuilds into a fresh location, re-points the table and deletes the old files', async () => {
    const lake = tempLake();
    engine = await openLake(lake);
    const objectStore = new LocalObjectStore(lake);
    const request = (selectSql: string): MaterializeRequest => ({ database: 'default', name: 'dim', selectSql, partitionedBy: ['k'], location: 's3://w/dim/' });
    await STRATEGIES.table(request("SELECT 1 AS id, 'a' AS k"), { engine, objectStore, runId: 'run1' });
    await STRATEGIES.table(request("SELECT 2 AS id, CAST(1.5 AS double) AS score, 'b' AS k"), { engine, objectStore, runId: 'run2' });
    const result = await engine.execute('SELECT * FROM dim');
    expect(result.columns).toEqual([
      { name: 'id', type: 'integer' },
      { name: 'score', type: 'double' },
      { name: 'k', type: 'varchar' },
    ]);
    expect(result.rows).toEqual([[2, 1.5, 'b']]);
    expect(readdirSync(join(lake, 'w/dim'))).toEqual(['run2']);
    expect((await engine.execute('SHOW TABLES')).rows).toEqual([['dim']]);

    // A failing query leaves the table as it was.
    await expect(STRATEGIES.table(request('SELECT * FROM missing_table'), { engine, objectStore, runId: 'run3' })).rejects.toThrow();
    expect((await engine.execute('SELECT id FROM dim')).rows).toEqual([[2]]);
  });

  it('view replaces the view; merge upserts into an Iceberg table on unique_key or runs a MERGE as written', async () => {
    engine = await openLake();
    await STRATEGIES.view({ database: 'default', name: 'v', selectSql: 'SELECT 1 AS a' }, { engine });
    await STRATEGIES.view({ database: 'default', name: 'v', selectSql: 'SELECT 2 AS a' }, { engine });
    expect((await engine.execute('SELECT a FROM v')).rows).toEqual([[2]]);

    const request = (selectSql: string): MaterializeRequest => ({
      database: 'default',
      name: 'users',
      selectSql,
      uniqueKey: ['id'],
      location: 's3://w/users/',
    });
    await STRATEGIES.merge(request("SELECT * FROM (VALUES (1, 'ann'), (2, 'bob')) AS s(id, name)"), { engine });
    const upsert = await STRATEGIES.merge(request("SELECT * FROM (VALUES (2, 'bobby'), (3, 'cy')) AS s(id, name)"), { engine });
    expect(upsert.rowsWritten).toBe(2);
    expect((await engine.execute('SELECT id, name FROM users ORDER BY id')).rows).toEqual([
      [1, 'ann'],
      [2, 'bobby'],
      [3, 'cy'],
    ]);
    await STRATEGIES.merge(request('MERGE INTO users t USING (SELECT 1 AS id) s ON t.id = s.id WHEN MATCHED THEN DELETE'), { engine });
    expect((await engine.execute('SELECT count(*) AS n FROM users')).rows).toEqual([[2]]);
  });
});

describe('append (incremental_strategy: append)', () => {
  let engine: AthenaLocalEngine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  it('inserts each run’s rows into a Hive table created on the first run, partitions kept', async () => {
    const lake = tempLake();
    engine = await openLake(lake);
    const request = (n: number): MaterializeRequest => ({
      database: 'default',
      name: 'log',
      selectSql: `SELECT ${n} AS n, CAST('d${n}' AS varchar) AS dt`,
      partitionedBy: ['dt'],
      location: 's3://w/log/',
      format: 'JSON',
    });
    await STRATEGIES.append(request(1), { engine });
    await STRATEGIES.append(request(2), { engine });
    expect((await engine.execute('SELECT n, dt FROM log ORDER BY n')).rows).toEqual([
      [1, 'd1'],
      [2, 'd2'],
    ]);
    expect(filesUnder(join(lake, 'w/log/dt=d1')).every((f) => f.endsWith('.gz'))).toBe(true);
  });

  it('inserts into an Iceberg table when table_type is ICEBERG (it then takes MERGE)', async () => {
    engine = await openLake();
    const request = (n: number): MaterializeRequest => ({
      database: 'default',
      name: 'ice',
      selectSql: `SELECT ${n} AS n`,
      location: 's3://w/ice/',
      tableType: 'ICEBERG',
    });
    const first = await STRATEGIES.append(request(1), { engine });
    expect(first.statements[0]).toContain("table_type = 'ICEBERG'");
    await STRATEGIES.append(request(2), { engine });
    expect((await engine.execute('SELECT n FROM ice ORDER BY n')).rows).toEqual([[1], [2]]);
    await engine.execute('DELETE FROM ice WHERE n = 1'); // only an Iceberg table takes row-level DELETE
    expect((await engine.execute('SELECT n FROM ice')).rows).toEqual([[2]]);
  });
});

describe('ALTER TABLE SET LOCATION on the local engine', () => {
  let engine: AthenaLocalEngine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  it('the local engine moves an unpartitioned table with SET LOCATION and refuses it for a partitioned one', async () => {
    const lake = tempLake();
    engine = await openLake(lake);
    await engine.execute("CREATE TABLE a WITH (format = 'PARQUET', external_location = 's3://w/a/') AS SELECT 1 AS id");
    await engine.execute("CREATE TABLE b WITH (format = 'PARQUET', external_location = 's3://w/b/') AS SELECT 2 AS id");
    await engine.execute("ALTER TABLE a SET LOCATION 's3://w/b/'");
    expect((await engine.execute('SELECT id FROM a')).rows).toEqual([[2]]);
    await engine.execute("CREATE TABLE p WITH (format = 'PARQUET', external_location = 's3://w/p/', partitioned_by = ARRAY['k']) AS SELECT 1 AS id, 'x' AS k");
    await expect(engine.execute("ALTER TABLE p SET LOCATION 's3://w/b/'")).rejects.toThrow(
      /SET LOCATION on partitioned table 'default.p' is not supported locally/,
    );
  });
});
