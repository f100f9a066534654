// `lake sql` and every local run touch files inside the lake folder only: DuckDB's file functions, DuckDB-only
// statements and S3 locations that climb out of their bucket are refused, and nothing is written outside.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { confineToLake } from '../../src/engines/local/sandbox.js';
import { OutsideLakeError } from '../../src/storage/lake-confinement.js';
import { LocalObjectStore } from '../../src/storage/object-store/index.js';
import { captureIo } from '../helpers/io.js';

const outside = mkdtempSync(join(tmpdir(), 'lake-outside-'));
const secret = join(outside, 'secret.csv');
writeFileSync(secret, 'user,password\nroot,hunter2\n');

/** DuckDB's file functions are not Athena functions: the function table (src/dialect/functions) refuses them first. */
const NOT_ATHENA = /is not a function the local engine runs as Athena does/;

describe('local engine file access', () => {
  // Made at collection time: the test table below names paths inside it.
  const lake = mkdtempSync(join(tmpdir(), 'lake-safety-'));
  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await AthenaLocalEngine.open({ lakeRoot: lake, database: 'default' });
  });
  afterAll(() => engine.close());

  it.each([
    [`SELECT * FROM read_csv('${secret}')`, NOT_ATHENA],
    [`SELECT * FROM read_text('${secret}')`, NOT_ATHENA],
    [`SELECT * FROM read_json_auto('${secret}')`, NOT_ATHENA],
    [`SELECT * FROM glob('${outside}/*')`, NOT_ATHENA],
    [`SELECT * FROM read_csv('${lake}/../${outside.split('/').pop()}/secret.csv')`, NOT_ATHENA],
    [`COPY (SELECT 1 AS a) TO '${outside}/out.csv'`, /COPY is a DuckDB statement/],
    [`ATTACH '${outside}/x.duckdb' AS x`, /ATTACH is a DuckDB statement/],
    [`EXPORT DATABASE '${outside}/export'`, /EXPORT is a DuckDB statement/],
    ['INSTALL httpfs', /INSTALL is a DuckDB statement/],
    ['/* hidden */ SET enable_external_access = true', /SET is a DuckDB statement/],
    ["CREATE TABLE t1 WITH (external_location = 's3://bucket/../../../escape/') AS SELECT 1 AS a", /'\.\.' segments/],
    ["CREATE EXTERNAL TABLE t2 (a INT) LOCATION 's3://bucket/data/../../../../etc/'", /'\.\.' segments/],
    ["ALTER TABLE t3 ADD PARTITION (p = '1') LOCATION 's3://b/./k'", /'\.' or '\.\.' segments/],
    ["CREATE TABLE t5 WITH (format = 'PARQUET', \"external_location\" = 's3://b/k/../../../x/') AS SELECT 1 AS a", /'\.\.' segments/],
  ])('refuses %s', async (sql, message) => {
    await expect(engine.execute(sql)).rejects.toThrow(message);
    expect(readdirSync(outside)).toEqual(['secret.csv']);
  });

  it.each([
    `EXPLAIN ANALYZE COPY (SELECT 1 AS a) TO '<lake>/.state/alerts.json'`,
    `explain /* c */ analyze verbose COPY (SELECT 1 AS a) TO '<lake>/.state/alerts.json'`,
    `EXPLAIN (FORMAT JSON) COPY (SELECT 1 AS a) TO '<lake>/.state/alerts.json'`,
    `EXPLAIN ANALYZE EXPLAIN ANALYZE COPY (SELECT 1 AS a) TO '<lake>/.state/alerts.json'`,
    `PREPARE p AS COPY (SELECT 1 AS a) TO '<lake>/.state/alerts.json'`,
    `SELECT 1; COPY (SELECT 1 AS a) TO '<lake>/.state/alerts.json'`,
  ])('refuses a DuckDB-only statement wherever it appears, and the lake state stays untouched: %s', async (statement) => {
    const target = join(lake, '.state', 'alerts.json');
    mkdirSync(join(lake, '.state'), { recursive: true });
    writeFileSync(target, '{"items":{}}');
    await expect(engine.execute(statement.replace('<lake>', lake))).rejects.toThrow(/COPY is a DuckDB statement|one statement at a time/);
    await expect(engine.execute('EXECUTE p')).rejects.toThrow();
    expect(readFileSync(target, 'utf8')).toBe('{"items":{}}');
  });

  it('still explains and runs queries under EXPLAIN, and accepts a trailing semicolon', async () => {
    expect((await engine.execute('EXPLAIN ANALYZE SELECT 1;')).rows.length).toBeGreaterThan(0);
    expect((await engine.execute('SELECT 2 AS two;')).rows).toEqual([[2]]);
  });

  it('refuses CTAS and INSERT through a symbolic link in the lake that points outside it, writing nothing there', async () => {
    const escape = mkdtempSync(join(tmpdir(), 'lake-escape-'));
    mkdirSync(join(lake, 'linked'), { recursive: true });
    symlinkSync(escape, join(lake, 'linked', 'out'));
    await expect(engine.execute("CREATE TABLE via_link WITH (external_location = 's3://linked/out/t/', format = 'PARQUET') AS SELECT 1 AS a")).rejects.toThrow(
      /outside the lake .*symbolic link/,
    );
    // A table whose folder is swapped for a link after it was created: the INSERT must not follow it either.
    await engine.execute("CREATE TABLE moved WITH (external_location = 's3://linked/moved/', format = 'PARQUET') AS SELECT 1 AS a");
    rmSync(join(lake, 'linked', 'moved'), { recursive: true });
    symlinkSync(escape, join(lake, 'linked', 'moved'));
    await expect(engine.execute('INSERT INTO moved VALUES (2)')).rejects.toThrow(/outside the lake .*symbolic link/);
    // Files the object store writes or deletes (ingest, incremental replacement) are held to the same rule.
    const store = new LocalObjectStore(lake);
    await expect(store.put('linked', 'out/obj.json', '{}')).rejects.toThrow(OutsideLakeError);
    writeFileSync(join(escape, 'keep.txt'), 'mine');
    await expect(store.delete('linked', ['moved/keep.txt'])).rejects.toThrow(OutsideLakeError);
    expect(readdirSync(escape)).toEqual(['keep.txt']);
  });

  it('does not write the catalog through a `.duckdb` folder linked out of the lake', async () => {
    const linkedLake = mkdtempSync(join(tmpdir(), 'lake-linked-catalog-'));
    const elsewhere = mkdtempSync(join(tmpdir(), 'lake-elsewhere-'));
    symlinkSync(elsewhere, join(linkedLake, '.duckdb'));
    const other = await AthenaLocalEngine.open({ lakeRoot: linkedLake });
    try {
      await expect(other.execute('CREATE DATABASE d')).rejects.toThrow(/outside the lake .*symbolic link/);
      expect(readdirSync(elsewhere)).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('reads S3-looking text outside location positions as data (a filter value, a literal in a query)', async () => {
    expect((await engine.execute("SELECT 's3://b/../x' AS v WHERE 's3://b/./k' <> ''")).rows).toEqual([['s3://b/../x']]);
  });

  it.each([[`SELECT * FROM read_csv('${secret}')`], [`SELECT * FROM glob('${outside}/*')`]])(
    'behind the function table, DuckDB’s sandbox refuses %s too',
    async (sql) => {
      const duck = await (await DuckDBInstance.create(':memory:')).connect();
      await confineToLake(duck, lake);
      await expect(duck.run(sql)).rejects.toThrow(/file system operations are disabled/);
      duck.closeSync();
    },
  );

  it('still reads and writes inside the lake', async () => {
    await engine.execute("CREATE TABLE ok WITH (external_location = 's3://bucket/tables/ok/', format = 'PARQUET') AS SELECT 1 AS a");
    expect((await engine.execute('SELECT a FROM ok')).rows).toEqual([[1]]);
    expect(existsSync(join(lake, 'bucket', 'tables', 'ok'))).toBe(true);
  });
});

describe('lake sql on a project', () => {
  it('refuses to write outside the lake root and exits non-zero', async () => {
    const io = captureIo(process.cwd());
    const lake = mkdtempSync(join(tmpdir(), 'lake-safety-cli-'));
    const code = await main(['sql', '--lake', lake, '-e', `SELECT 1; COPY (SELECT 1 AS a) TO '${outside}/pwned.csv'`], io);
    expect(code).toBe(1);
    expect(io.err).toMatch(/statement 2 .*COPY is a DuckDB statement/);
    expect(existsSync(join(outside, 'pwned.csv'))).toBe(false);
  });
});
