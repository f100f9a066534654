// Trino's output column names (_colN for unnamed items, column references by name, lower-case identifiers), VALUES
// without parentheses, and what Athena refuses when writing: unnamed CTAS columns, zoned timestamp columns. Also
// files Athena does not read (`_SUCCESS`, `.tmp`).
import { afterEach, describe, expect, it } from 'vitest';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { ndjson, openLake, tempLake, writeLakeFile } from './lake-helpers.js';

let engine: AthenaLocalEngine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

const columns = async (sql: string) => (await engine!.execute(sql)).columns.map((c) => `${c.name} ${c.type}`);

describe('output column names', () => {
  it.each([
    [
      'expressions are _col<position>, columns keep their name, aliases win',
      'SELECT t.a, CAST(a AS VARCHAR), a + 1 AS b, count(*) FROM (VALUES (1)) t(a) GROUP BY 1, 2, 3',
      ['a integer', '_col1 varchar', 'b integer', '_col3 bigint'],
    ],
    ['count(*) alone is _col0', 'SELECT count(*) FROM (VALUES 1) t(x)', ['_col0 bigint']],
    ['SELECT * keeps the names', 'SELECT * FROM (VALUES (1, 2)) t(a, b)', ['a integer', 'b integer']],
    [
      'identifiers fold to lower case',
      'SELECT A, x AS Total, "Mixed" FROM (SELECT 1 AS a, 2 AS x, 3 AS "Mixed")',
      ['a integer', 'total integer', 'mixed integer'],
    ],
    [
      'literals and keywords are unnamed',
      "SELECT 1, 'x', DATE '2025-01-01', NULL IS NULL, current_date IS NOT NULL",
      ['_col0 integer', '_col1 varchar', '_col2 date', '_col3 boolean', '_col4 boolean'],
    ],
    ['names from a subquery', 'SELECT * FROM (SELECT 1, 2 AS b)', ['_col0 integer', 'b integer']],
    ['names from a CTE', "WITH c AS (SELECT upper(x) FROM (VALUES ('a')) t(x)) SELECT * FROM c", ['_col0 varchar']],
    ['an implicit alias', 'SELECT a + 1 next FROM (VALUES 1) t(a)', ['next integer']],
    ['VALUES statement', "VALUES (1, 'a')", ['_col0 integer', '_col1 varchar']],
    ['VALUES without a column list', 'SELECT * FROM (VALUES (1, 2)) t', ['_col0 integer', '_col1 integer']],
  ])('%s', async (_name, sql, expected) => {
    engine = await openLake();
    expect(await columns(sql)).toEqual(expected);
  });

  it('names view columns like a query', async () => {
    engine = await openLake();
    await engine.execute('CREATE VIEW v AS SELECT 1, 2 AS b');
    expect(await columns('SELECT * FROM v')).toEqual(['_col0 integer', 'b integer']);
  });
});

describe('VALUES rows without parentheses', () => {
  it.each([
    ['integers', 'VALUES 1, 2', [[1], [2]], '_col0 integer'],
    ['timestamps', "VALUES TIMESTAMP '2025-01-01 10:00:00'", [['2025-01-01 10:00:00.000']], '_col0 timestamp(3)'],
    [
      'ROW constructors',
      "SELECT * FROM (VALUES ROW(1, 'a'), ROW(2, 'b')) t(n, s) ORDER BY n DESC",
      [
        [2, 'b'],
        [1, 'a'],
      ],
      'n integer',
    ],
  ])('%s', async (_name, sql, rows, first) => {
    engine = await openLake();
    const result = await engine.execute(sql);
    expect(result.rows).toEqual(rows);
    expect(`${result.columns[0].name} ${result.columns[0].type}`).toBe(first);
  });
});

describe('writes Athena refuses', () => {
  it('CTAS needs a name for every column', async () => {
    engine = await openLake();
    await expect(engine.execute("CREATE TABLE c WITH (external_location = 's3://b/c/') AS SELECT 1 AS a, count(*) FROM (VALUES 1) t(x)")).rejects.toThrow(
      /MISSING_COLUMN_NAME: Column name not specified at position 2/,
    );
    await engine.execute("CREATE TABLE c2 WITH (external_location = 's3://b/c2/') AS SELECT * FROM (SELECT 1, 2 AS b) t(a, b)");
    expect(await columns('SELECT * FROM c2')).toEqual(['a integer', 'b integer']);
  });

  it('CTAS of a timestamp with time zone column is NOT_SUPPORTED; INSERT is a type mismatch', async () => {
    engine = await openLake();
    await expect(engine.execute("CREATE TABLE z WITH (external_location = 's3://b/z/') AS SELECT now() AS ts")).rejects.toThrow(
      /NOT_SUPPORTED: .*Unsupported Hive type: timestamp\(3\) with time zone/,
    );
    await engine.execute("CREATE EXTERNAL TABLE p (ts timestamp) STORED AS PARQUET LOCATION 's3://b/p/'");
    await expect(engine.execute("INSERT INTO p SELECT from_iso8601_timestamp('2025-01-01T00:00:00Z')")).rejects.toThrow(
      /TYPE_MISMATCH: .*Table: \[timestamp\], Query: \[timestamp\(3\) with time zone\]/,
    );
    await engine.execute("INSERT INTO p SELECT CAST(from_iso8601_timestamp('2025-01-01T10:00:00+02:00') AS TIMESTAMP)");
    expect((await engine.execute('SELECT ts FROM p')).rows).toEqual([['2025-01-01 10:00:00.000']]);
  });
});

describe('files Athena does not read', () => {
  it('skips _SUCCESS and dot files in table and partition folders', async () => {
    const lake = tempLake();
    writeLakeFile(lake, 'b/e/dt=2025-01-01/part-0.json', ndjson([{ id: 1 }]));
    writeLakeFile(lake, 'b/e/dt=2025-01-01/_SUCCESS', '');
    writeLakeFile(lake, 'b/e/dt=2025-01-01/.part-1.json.tmp', ndjson([{ id: 2 }]));
    writeLakeFile(lake, 'b/e/dt=2025-01-01/_tmp.json', ndjson([{ id: 3 }]));
    engine = await openLake(lake);
    await engine.execute(
      "CREATE EXTERNAL TABLE e (id int) PARTITIONED BY (dt string) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://b/e/'",
    );
    await engine.execute('MSCK REPAIR TABLE e');
    expect((await engine.execute('SELECT id, dt FROM e')).rows).toEqual([[1, '2025-01-01']]);
    await engine.execute("ALTER TABLE e ADD PARTITION (dt = '2025-01-02') LOCATION 's3://b/other/'");
    writeLakeFile(lake, 'b/other/data.json', ndjson([{ id: 4 }]));
    writeLakeFile(lake, 'b/other/.hidden.json', ndjson([{ id: 5 }]));
    expect((await engine.execute('SELECT id FROM e ORDER BY id')).rows).toEqual([[1], [4]]);
  });
});
