// A Parquet table's view reads its files without union_by_name when every file has the declared columns as declared
// (binding union_by_name opens every footer, in every statement: an hourly run slowed as history grew, issue 18), and
// answers exactly as before when another writer lands a file that does not: Athena reads Parquet columns by name, a
// column missing from a file is NULL ("Handle schema updates", https://docs.aws.amazon.com/athena/latest/ug/
// handling-schema-updates-chapter: Parquet, read by name, the default, supports adding and deleting columns).
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
import { lakeCatalogPath } from '../../../src/engines/duckdb/connection.js';
import { query } from '../../ingest/helpers.js';
import { recordDuckDBStatements } from '../../helpers/duckdb-statements.js';

describe('the plain Parquet reader', () => {
  let lake: string;
  let engine: AthenaLocalEngine | undefined;
  beforeEach(() => {
    lake = mkdtempSync(join(tmpdir(), 'lake-plain-parquet-'));
  });
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
    rmSync(lake, { recursive: true, force: true });
  });

  const open = async () => (engine = await AthenaLocalEngine.open({ lakeRoot: lake, database: 'db', threads: 1 }));
  const rows = async (sql: string) => (await engine!.execute(sql)).rows.map((r) => r.map((v) => (v === null ? null : String(v))));
  /** How the stored view of db.t reads its Parquet files, from the catalog file (after close). */
  const unionByName = async (): Promise<string> => {
    await engine?.close();
    engine = undefined;
    const [row] = await query(
      `ATTACH '${lakeCatalogPath(lake)}' AS c (READ_ONLY); SELECT regexp_extract(view_sql, 'union_by_name = (\\w+)', 1) AS mode FROM c.__lake.tables WHERE name = 't'`,
    );
    return String(row.mode);
  };
  /** A file written by some other writer into partition k of db.t. */
  const landForeign = async (k: number, select: string) => {
    const dir = join(lake, 'bucket', 't', `k=${k}`);
    mkdirSync(dir, { recursive: true });
    await query(`COPY (${select}) TO '${join(dir, 'other-writer.parquet')}' (FORMAT parquet)`);
  };
  const createTable = async () => {
    const e = await open();
    await e.execute('CREATE DATABASE IF NOT EXISTS db');
    await e.execute("CREATE EXTERNAL TABLE db.t (a INT, b DECIMAL(10,2), c STRING) PARTITIONED BY (k INT) STORED AS PARQUET LOCATION 's3://bucket/t/'");
    await e.execute("INSERT INTO db.t VALUES (1, 1.25, 'x', 1), (2, 2.50, 'y', 2)");
  };

  it("reads the local writer's files without union_by_name", async () => {
    await createTable();
    expect(await rows('SELECT a, b, c, k FROM db.t ORDER BY k')).toEqual([
      ['1', '1.25', 'x', '1'],
      ['2', '2.50', 'y', '2'],
    ]);
    expect(await unionByName()).toBe('false');
  });

  it('reads NULL for a column missing from a file another writer landed later, and reads that table by name from then on', async () => {
    await createTable();
    expect(await unionByName()).toBe('false');
    await landForeign(3, "SELECT 3::INT AS a, 'z' AS c");
    await open();
    expect(await rows('SELECT a, b, c, k FROM db.t ORDER BY k')).toEqual([
      ['1', '1.25', 'x', '1'],
      ['2', '2.50', 'y', '2'],
      ['3', null, 'z', '3'],
    ]);
    expect(await rows('SELECT b FROM db.t WHERE k = 3')).toEqual([[null]]);
    expect(await unionByName()).toBe('true');
  });

  it('a write reading such a file (CTAS) gets the same NULL', async () => {
    await createTable();
    await landForeign(3, "SELECT 3::INT AS a, 'z' AS c");
    const e = await open();
    await e.execute("CREATE TABLE db.copy WITH (format = 'PARQUET', external_location = 's3://bucket/copy/') AS SELECT a, b, k FROM db.t");
    expect(await rows('SELECT a, b, k FROM db.copy ORDER BY k')).toEqual([
      ['1', '1.25', '1'],
      ['2', '2.50', '2'],
      ['3', null, '3'],
    ]);
  });

  it("does not impose the types of another writer's file that sorts first on the other files", async () => {
    await createTable();
    // DuckDB's plain reader takes the first file's schema and casts every other file to it: DECIMAL(5,1) would round
    // 1.25 to 1.3. Read by name, each file keeps its own value, then the view casts to the declared DECIMAL(10,2).
    await landForeign(0, "SELECT 0::INT AS a, 0.5::DECIMAL(5,1) AS b, 'w' AS c");
    await open();
    expect(await rows('SELECT k, b FROM db.t ORDER BY k')).toEqual([
      ['0', '0.50'],
      ['1', '1.25'],
      ['2', '2.50'],
    ]);
  });

  it('notices such a file landing while the engine is open, after its folders had settled', async () => {
    await createTable();
    // Folders and files as if written an hour ago: the engine trusts its last walk until one of them changes.
    const anHourAgo = new Date(Date.now() - 3_600_000);
    const age = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) age(path);
        utimesSync(path, anHourAgo, anHourAgo);
      }
      utimesSync(dir, anHourAgo, anHourAgo);
    };
    age(join(lake, 'bucket', 't'));
    expect(await rows('SELECT k, b FROM db.t ORDER BY k')).toEqual([
      ['1', '1.25'],
      ['2', '2.50'],
    ]);
    await landForeign(0, "SELECT 0::INT AS a, 0.5::DECIMAL(5,1) AS b, 'w' AS c");
    expect(await rows('SELECT k, b FROM db.t ORDER BY k')).toEqual([
      ['0', '0.50'],
      ['1', '1.25'],
      ['2', '2.50'],
    ]);
  });

  it("decides on the files this process wrote without reading their footers (all of them at a table's first write)", async () => {
    const { sent } = recordDuckDBStatements();
    await createTable();
    expect(await rows('SELECT a, b, c, k FROM db.t ORDER BY k')).toEqual([
      ['1', '1.25', 'x', '1'],
      ['2', '2.50', 'y', '2'],
    ]);
    // Neither every footer (when the view is made plain) nor, statement after statement, the first file's (a walk
    // over files this new does not settle for 2 s, so it was repeated before every statement of a backfill).
    expect(sent.filter((sql) => sql.includes('parquet_schema(') || sql.startsWith('DESCRIBE SELECT * FROM read_parquet('))).toEqual([]);
    expect(await unionByName()).toBe('false');
  });

  it('reads by name a table whose files differ when its view is created', async () => {
    await landForeign(1, "SELECT 1::INT AS a, 1.25::DECIMAL(10,2) AS b, 'x' AS c");
    await landForeign(2, "SELECT 2::BIGINT AS a, 2.5::DECIMAL(10,2) AS b, 'y' AS c");
    const e = await open();
    await e.execute('CREATE DATABASE IF NOT EXISTS db');
    await e.execute("CREATE EXTERNAL TABLE db.t (a INT, b DECIMAL(10,2), c STRING) PARTITIONED BY (k INT) STORED AS PARQUET LOCATION 's3://bucket/t/'");
    expect(await rows('SELECT a, k FROM db.t ORDER BY k')).toEqual([
      ['1', '1'],
      ['2', '2'],
    ]);
    expect(await unionByName()).toBe('true');
  });
});
