// `CREATE TABLE … AS <query> WITH NO DATA` of an Iceberg table is bound, never run (src/engines/local/lake-create-empty.ts):
// `lake lint` and schema discovery create one per model (issue 18). Trino's CREATE TABLE AS docs: "Create a new
// empty_nation table with the same schema as nation and no data: CREATE TABLE empty_nation AS SELECT * FROM nation
// WITH NO DATA" — the table has the query's columns and types. The general CTAS path (staged rows, LIMIT 0) is the
// reference here: the same columns, types, catalog description and errors, for every kind of column.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
import { recordDuckDBStatements } from '../../helpers/duckdb-statements.js';

let engine: AthenaLocalEngine;
beforeAll(async () => {
  engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-empty-')), inMemory: true });
  await engine.execute('CREATE DATABASE d');
});
afterAll(() => engine.close());

const create = (query: string, withData: boolean) =>
  `CREATE TABLE d.t WITH (table_type = 'ICEBERG', location = 's3://lake/t/') AS ${withData ? `SELECT * FROM (${query}) AS q LIMIT 0` : `${query} WITH NO DATA`}`;

/** The table `query` creates (its columns as read, its DESCRIBE, its rows), or the error it fails with; dropped after. */
async function tableOf(query: string, withData: boolean): Promise<unknown> {
  try {
    await engine.execute(create(query, withData), { database: 'd' });
  } catch (error) {
    // DuckDB's echo of the translated SQL (`LINE 1: …`) shows the wrapper each path puts around the query: not compared.
    return { error: (error instanceof Error ? error.message : String(error)).replace(/\nLINE \d+:[\s\S]*$/, '') };
  }
  try {
    const read = await engine.execute('SELECT * FROM d.t');
    const described = await engine.execute('DESCRIBE d.t');
    return { columns: read.columns, rows: read.rows, described: described.rows };
  } finally {
    await engine.execute('DROP TABLE d.t');
  }
}

const QUERIES = [
  "SELECT 1 AS a, 'x' AS b, CAST(1.5 AS decimal(10, 2)) AS c, DATE '2020-01-01' AS d, TIMESTAMP '2020-01-01 00:00:00' AS ts",
  "SELECT ARRAY[1, 2] AS arr, MAP(ARRAY['k'], ARRAY[1e0]) AS m, CAST(ROW(1, 'a') AS ROW(x integer, y varchar)) AS r",
  "SELECT true AS flag, 1e0 AS dbl, REAL '1.5' AS re, CAST(1 AS tinyint) AS ti, CAST(2 AS smallint) AS si, CAST('a' AS varchar(3)) AS vc",
  "SELECT CAST(1 AS bigint) AS big, X'00' AS bin, CAST(3 AS decimal(38, 0)) AS wide, 'x' AS \"Mixed Case\"",
  'SELECT CAST(NULL AS integer) AS n, ARRAY[] AS empty',
  'SELECT x AS a, x * 2 AS b FROM (VALUES 1, 2, 3) AS v(x) WHERE x > 1',
  // Errors: the same Athena error as the general path.
  'SELECT 1 AS a, 2 AS A',
  'SELECT current_timestamp AS z',
  "SELECT CAST('1.2.3.4' AS ipaddress) AS ip",
  'SELECT nope FROM (VALUES 1) AS v(x)',
  "SELECT CAST('x' AS integer) AS bad",
];

describe('CREATE TABLE … WITH NO DATA of an Iceberg table', () => {
  it.each(QUERIES)('is the table the general CTAS path creates without rows: %s', async (query) => {
    const general = await tableOf(query, true);
    expect(await tableOf(query, false)).toEqual(general);
  });

  it.each(QUERIES.slice(0, 6))('answers, to schema discovery, the columns a read of the new table reports: %s', async (query) => {
    try {
      const reported = await engine.createEmptyTable(create(query, false), { database: 'd' });
      expect(reported).toEqual((await engine.execute('SELECT * FROM d.t LIMIT 0')).columns);
    } finally {
      await engine.execute('DROP TABLE d.t');
    }
  });

  it('reports the table creation, is written to by a later INSERT and refuses an existing name', async () => {
    await engine.execute(create("SELECT 1 AS a, 'x' AS b", false));
    try {
      await engine.execute("INSERT INTO d.t VALUES (2, 'y')");
      expect((await engine.execute('SELECT a, b FROM d.t')).rows).toEqual([[2, 'y']]);
      await expect(engine.execute(create('SELECT 1 AS a', false))).rejects.toThrow("Table 'awsdatacatalog.d.t' already exists");
      await expect(engine.execute(create('SELECT 1 AS a', false).replace('CREATE TABLE', 'CREATE TABLE IF NOT EXISTS'))).resolves.toMatchObject({
        stats: { rowsWritten: 0 },
      });
    } finally {
      await engine.execute('DROP TABLE d.t');
    }
  });

  it('stages no rows: no temp table, no cast into the table, no drop', async () => {
    const { sent, restore } = recordDuckDBStatements();
    try {
      await engine.execute(create('SELECT x AS a FROM (VALUES 1) AS v(x)', false));
    } finally {
      restore();
      vi.restoreAllMocks();
    }
    await engine.execute('DROP TABLE d.t');
    expect(sent.filter((sql) => /__lake_stage_|^DROP TABLE|^CREATE TABLE .* AS SELECT/s.test(sql))).toEqual([]);
    expect(sent.filter((sql) => sql.startsWith('CREATE TABLE'))).toEqual([expect.stringMatching(/^CREATE TABLE "awsdatacatalog"?.*\("a" INTEGER\)$/)]);
  });
});
