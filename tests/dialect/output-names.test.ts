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
    // Trino 476 and Athena keep the query's spelling in a result ("display the column heading using the casing that
    // you chose in the query": https://docs.aws.amazon.com/athena/latest/ug/tables-databases-columns-names.html).
    [
      'a name keeps the case the query writes',
      'SELECT A, x AS Total, "Mixed", t.X, x Implicit FROM (SELECT 1 AS a, 2 AS x, 3 AS "mixed") t',
      ['A integer', 'Total integer', 'Mixed integer', 'X integer', 'Implicit integer'],
    ],
    [
      'literals and keywords are unnamed',
      "SELECT 1, 'x', DATE '2025-01-01', NULL IS NULL, current_date IS NOT NULL",
      ['_col0 integer', '_col1 varchar', '_col2 date', '_col3 boolean', '_col4 boolean'],
    ],
    ['names from a subquery', 'SELECT * FROM (SELECT 1, 2 AS b)', ['_col0 integer', 'b integer']],
    ['names from a CTE', "WITH c AS (SELECT upper(x) FROM (VALUES ('a')) t(x)) SELECT * FROM c", ['_col0 varchar']],
    ['an implicit alias', 'SELECT a + 1 next FROM (VALUES 1) t(a)', ['next integer']],
    // Trino 476: parentheses around a column keep its name; a scalar subquery has none.
    [
      'a column in parentheses',
      'SELECT (a), ((t.B)), (SELECT 1), (a) + 1 FROM (VALUES (1, 2)) t(a, b)',
      ['a integer', 'B integer', '_col2 integer', '_col3 integer'],
    ],
    ['VALUES statement', "VALUES (1, 'a')", ['_col0 integer', '_col1 varchar']],
    ['VALUES without a column list', 'SELECT * FROM (VALUES (1, 2)) t', ['_col0 integer', '_col1 integer']],
  ])('%s', async (_name, sql, expected) => {
    engine = await openLake();
    expect(await columns(sql)).toEqual(expected);
  });

  it('names view columns like a query', async () => {
    engine = await openLake();
    await engine.execute('CREATE VIEW v AS SELECT 1 AS a, 2 AS B');
    expect(await columns('SELECT * FROM v')).toEqual(['a integer', 'B integer']);
  });
});

// Trino 476 (the shared oracle): a column without a name (an unaliased expression of a subquery, UNNEST's columns, a
// VALUES without a column list) is `_col<its position in the result>`, and no query can refer to it by that name.
describe('columns without a name', () => {
  it.each([
    ['UNNEST', 'SELECT * FROM UNNEST(ARRAY[1, 2])', ['_col0 integer']],
    ['UNNEST after a column', 'SELECT * FROM (VALUES 1) t(x) CROSS JOIN UNNEST(ARRAY[5]) AS u', ['x integer', '_col1 integer']],
    ['UNNEST WITH ORDINALITY', 'SELECT * FROM UNNEST(ARRAY[1, 2]) WITH ORDINALITY', ['_col0 integer', '_col1 bigint']],
    ['UNNEST with a table alias', 'SELECT u.* FROM UNNEST(ARRAY[1]) AS u', ['_col0 integer']],
    ['an expression of a subquery after other columns', 'SELECT 5 AS x, * FROM (SELECT 1)', ['x integer', '_col1 integer']],
    ['an expression after SELECT *', 'SELECT *, 1 FROM (VALUES (1, 2)) t(a, b)', ['a integer', 'b integer', '_col2 integer']],
    ['VALUES without an alias', 'SELECT 5 AS x, * FROM (VALUES 1)', ['x integer', '_col1 integer']],
    ['two subqueries', 'SELECT * FROM (SELECT 1) CROSS JOIN (SELECT 2)', ['_col0 integer', '_col1 integer']],
    // Trino 476 answers 1, 2 (locally DuckDB failed: 'Ambiguous reference to table "__unnest"').
    ['two UNNESTs without an alias', 'SELECT * FROM UNNEST(ARRAY[1]), UNNEST(ARRAY[2])', ['_col0 integer', '_col1 integer']],
    [
      'UNNESTs without an alias after a join',
      'SELECT * FROM (VALUES 1) a(k) CROSS JOIN UNNEST(ARRAY[5]) CROSS JOIN UNNEST(ARRAY[6], ARRAY[7, 8]) WITH ORDINALITY',
      ['k integer', '_col1 integer', '_col2 integer', '_col3 integer', '_col4 bigint'],
    ],
  ])('%s', async (_name, sql, expected) => {
    engine = await openLake();
    expect(await columns(sql)).toEqual(expected);
  });

  it.each([
    ['an unnamed expression of a subquery', 'SELECT _col0 FROM (SELECT 1)'],
    ['a VALUES column', 'SELECT _col0 FROM (VALUES 1) t'],
    ['an UNNEST column', 'SELECT u.unnest FROM UNNEST(ARRAY[1]) AS u'],
  ])('cannot be referred to: %s (Trino: COLUMN_NOT_FOUND)', async (_name, sql) => {
    engine = await openLake();
    await expect(engine.execute(sql)).rejects.toThrow(/not found|cannot be resolved|does not have a column/i);
  });
});

// Trino 476 keeps a name a subquery or CTE repeats (DuckDB would rename the repeat `a_1`, which a query could read).
describe('repeated names', () => {
  it.each([
    ['in a subquery', 'SELECT * FROM (SELECT 1 AS a, 2 AS a)', ['a integer', 'a integer']],
    [
      'in a CTE, also in another case and as columns',
      'WITH q AS (SELECT 1 AS a, 2 AS A, x, x FROM (VALUES 3) t(x)) SELECT * FROM q',
      ['a integer', 'A integer', 'x integer', 'x integer'],
    ],
  ])('%s', async (_name, sql, expected) => {
    engine = await openLake();
    expect(await columns(sql)).toEqual(expected);
  });

  it("cannot be read under DuckDB's name for the repeat (Trino: COLUMN_NOT_FOUND)", async () => {
    engine = await openLake();
    await expect(engine.execute('SELECT a_1 FROM (SELECT 1 AS a, 2 AS a)')).rejects.toThrow(/a_1/);
  });

  // Trino 476: AMBIGUOUS_NAME "Column 'a' is ambiguous" (the local engine read the first of them).
  it.each([
    ['a subquery', 'SELECT a FROM (SELECT 1 AS a, 2 AS a)'],
    ['a CTE of one column twice', 'WITH q AS (SELECT x, x FROM (VALUES 3) t(x)) SELECT x + 1 FROM q'],
    ['names in two cases', 'SELECT a FROM (SELECT 1 AS a, 2 AS A, 3 AS b)'],
  ])('is ambiguous when read from %s', async (_name, sql) => {
    engine = await openLake();
    await expect(engine.execute(sql)).rejects.toThrow(/^AMBIGUOUS_NAME: Column '[ax]' is ambiguous/);
  });

  // Trino 476: AMBIGUOUS_NAME "Column 't.a' is ambiguous" (locally DuckDB's 'does not have a column named "a"').
  it.each([
    ['alone', 'SELECT t.a FROM (SELECT 1 AS a, 2 AS a) t'],
    ['after a join', 'SELECT t.a FROM (VALUES 1) v(k) CROSS JOIN (SELECT 1 AS a, 2 AS a) t'],
  ])('is ambiguous when read qualified, %s', async (_name, sql) => {
    engine = await openLake();
    await expect(engine.execute(sql)).rejects.toThrow(/^AMBIGUOUS_NAME: Column 't\.a' is ambiguous/);
  });

  it('leaves the other columns readable, and a missing name not found', async () => {
    engine = await openLake();
    expect((await engine.execute('SELECT b FROM (SELECT 1 AS a, 2 AS A, 3 AS b)')).rows).toEqual([[3]]);
    await expect(engine.execute('SELECT zz FROM (SELECT 1 AS a, 2 AS a, 3 AS b)')).rejects.toThrow(/"zz" not found in FROM clause!\nCandidate bindings: "a"/);
    await expect(engine.execute('SELECT t.zz FROM (SELECT 1 AS a, 2 AS a) t')).rejects.toThrow(/does not have a column named "zz"/);
  });
});

// Trino 476 pads the shorter arrays with NULL, reads a NULL array as an empty one, and counts the ordinality to the
// longest (https://trino.io/docs/current/sql/select.html#unnest).
describe('UNNEST of several arrays', () => {
  it('pads the shorter ones with NULL and numbers the rows to the longest', async () => {
    engine = await openLake();
    const result = await engine.execute('SELECT * FROM UNNEST(ARRAY[1, 2], CAST(NULL AS array(varchar)), ARRAY[7]) WITH ORDINALITY AS t(a, b, c, o)');
    expect(result.columns.map((c) => `${c.name} ${c.type}`)).toEqual(['a integer', 'b varchar', 'c integer', 'o bigint']);
    expect(result.rows).toEqual([
      [1, null, 7, 1],
      [2, null, null, 2],
    ]);
  });

  it('has no rows when every array is NULL, and reads the columns of earlier FROM items', async () => {
    engine = await openLake();
    const empty = await engine.execute('SELECT * FROM UNNEST(CAST(NULL AS array(varchar)), CAST(NULL AS array(integer))) WITH ORDINALITY');
    expect(empty.columns.map((c) => `${c.name} ${c.type}`)).toEqual(['_col0 varchar', '_col1 integer', '_col2 bigint']);
    expect(empty.rows).toEqual([]);
    const lateral = await engine.execute(
      "SELECT k, x, y FROM (VALUES (1, ARRAY[1, 2], ARRAY['a']), (2, ARRAY[3], ARRAY['b', 'c'])) v(k, a, b) CROSS JOIN UNNEST(v.a, v.b) AS u(x, y) ORDER BY k, x",
    );
    expect(lateral.rows).toEqual([
      [1, 1, 'a'],
      [1, 2, null],
      [2, 3, 'b'],
      [2, null, 'c'],
    ]);
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
      /MISSING_COLUMN_NAME: .*Column name not specified at position 2/,
    );
    await engine.execute("CREATE TABLE c2 WITH (external_location = 's3://b/c2/') AS SELECT * FROM (SELECT 1, 2 AS b) t(a, b)");
    expect(await columns('SELECT * FROM c2')).toEqual(['a integer', 'b integer']);
  });

  it('CREATE TABLE AS and CREATE VIEW of a column without a name or of a repeated name fail as on Athena', async () => {
    // Trino 476: MISSING_COLUMN_NAME "Column name not specified at position 1", DUPLICATE_COLUMN_NAME "Column name 'a'
    // specified more than once" (CREATE TABLE … AS and CREATE VIEW alike).
    engine = await openLake();
    await expect(engine.execute("CREATE TABLE u WITH (external_location = 's3://b/u/') AS SELECT * FROM UNNEST(ARRAY[1])")).rejects.toThrow(
      /MISSING_COLUMN_NAME: .*Column name not specified at position 1/,
    );
    await expect(engine.execute("CREATE TABLE s WITH (external_location = 's3://b/s/') AS SELECT 1 AS a, * FROM (SELECT 2)")).rejects.toThrow(
      /MISSING_COLUMN_NAME: .*Column name not specified at position 2/,
    );
    await expect(engine.execute('CREATE VIEW v1 AS SELECT * FROM UNNEST(ARRAY[1])')).rejects.toThrow(
      /MISSING_COLUMN_NAME: .*Column name not specified at position 1/,
    );
    await expect(engine.execute('CREATE VIEW v2 AS SELECT 1')).rejects.toThrow(/MISSING_COLUMN_NAME: .*Column name not specified at position 1/);
    await expect(engine.execute('CREATE VIEW v3 AS SELECT 1 AS a, 2 AS A')).rejects.toThrow(
      /DUPLICATE_COLUMN_NAME: .*Column name 'a' specified more than once/,
    );
    await expect(engine.execute("CREATE TABLE d WITH (external_location = 's3://b/d/') AS SELECT * FROM (SELECT 1 AS a, 2 AS a)")).rejects.toThrow(
      /DUPLICATE_COLUMN_NAME: .*Column name 'a' specified more than once/,
    );
    await expect(engine.execute("CREATE TABLE d2 WITH (external_location = 's3://b/d2/') AS SELECT 1 AS x, 2 AS x")).rejects.toThrow(
      /DUPLICATE_COLUMN_NAME: .*Column name 'x' specified more than once/,
    );
    await engine.execute("CREATE TABLE m WITH (external_location = 's3://b/m/') AS SELECT 1 AS Mixed");
    expect(await columns('SELECT * FROM m')).toEqual(['mixed integer']);
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
