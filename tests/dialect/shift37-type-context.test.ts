// `>>` read with its type context (docs/issue-15-audit.md "The >> check reads its type context", branch shift37): a `>`
// closes a type only inside a type position (CAST/TRY_CAST's type, a DDL column list); everywhere else two adjacent `>`
// are DuckDB's shift, which Trino 476 does not have (SYNTAX_ERROR at the second >). Before, a heuristic on the
// characters around `>>` let `SELECT map < 3, 8 >> 2` answer 2. Trino's legacy `array<T>` / `map<K, V>` in a CAST now
// translate (they were refused as "not a type"). Every expected value, type, error and column was asked of the shared
// Trino 476 on 2026-12-07.
import { describe, expect, it } from 'vitest';
import { checkFaithful } from '../../src/dialect/lint/index.js';
import { checkFile } from '../../src/lint/file-checks.js';
import { sharedLake, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

const SHIFT = (col: number) => new RegExp(`<sql>:1:${col}: error \\[unfaithful/syntax\\] '>>' is DuckDB's syntax`);

describe(">> outside a type is DuckDB's shift (Trino 476: SYNTAX_ERROR at the second >; refused there)", () => {
  it.each<[string, number]>([
    // local before: true, 2 (a column named map compared with < made the >> read as a type's end)
    ['SELECT map < 3, 8 >> 2 FROM (VALUES 1) t(map)', 20],
    ['SELECT array < 3, 8 >> 2 FROM (VALUES 1) t(array)', 22],
    ['SELECT struct < 3, 8 >> 2 FROM (VALUES 1) t(struct)', 23],
    ['SELECT 8 >> 2', 11],
    ['SELECT a>>b FROM (VALUES (8, 1)) t(a, b)', 10],
    ['SELECT 8 >>> 2', 11],
    ['SELECT (SELECT x >> 1 FROM (VALUES 8) u(x))', 19],
    ['SELECT x FROM (VALUES 8) t(x) WHERE (x >> 1) = 4', 41],
    // The operand of a CAST is no type position; after the CAST's parenthesis neither.
    ['SELECT CAST(8 >> 2 AS integer)', 16],
    ['SELECT CAST(ARRAY[ARRAY[1]] AS array<array<integer>>) >> 1', 56],
  ])('%s', async (sql, col) => {
    await expect(engine.execute(sql)).rejects.toThrow(SHIFT(col));
    expect(checkFaithful(sql).map((d) => `${d.line}:${d.col} ${d.rule}`)).toContain(`1:${col} unfaithful/syntax`);
  });

  it('lake lint names the file, line and column of map < 3, 8 >> 2', async () => {
    const sql = 'SELECT\n  map < 3,\n  8 >> 2\nFROM t';
    const { syntax = [], rules } = await checkFile({ sql, file: 'sql/q.sql', parse: true });
    expect([...syntax, ...rules].map((d) => `${d.file}:${d.line}:${d.col}`)).toContain('sql/q.sql:3:6');
    expect(checkFaithful(sql, { file: 'sql/q.sql' }).map((d) => `${d.file}:${d.line}:${d.col} ${d.rule}`)).toEqual(['sql/q.sql:3:6 unfaithful/syntax']);
  });
});

describe('types that close with >> in a CAST answer as Trino 476 (its array<T> and map<K, V> forms)', () => {
  it.each<[string, string[], unknown[][]]>([
    // local before: refused, "not a type"
    ['SELECT CAST(ARRAY[ARRAY[1]] AS array<array<integer>>)', ['array(array(integer))'], [[[[1]]]]],
    ['SELECT CAST(ARRAY[ARRAY[1]] AS array<array<integer> >)', ['array(array(integer))'], [[[[1]]]]],
    ['SELECT TRY_CAST(ARRAY[ARRAY[ARRAY[1]]] AS array<array<array<integer>>>)', ['array(array(array(integer)))'], [[[[[1]]]]]],
    ["SELECT CAST(MAP(ARRAY['a'], ARRAY[ARRAY[1]]) AS map<varchar, array<integer>>)", ['map(varchar, array(integer))'], [[{ a: [1] }]]],
    ['SELECT CAST(NULL AS array<map<varchar, array<integer>>>)', ['array(map(varchar, array(integer)))'], [[null]]],
    ['SELECT CAST(ARRAY[ROW(1)] AS array<row(a integer)>)', ['array(row(a integer))'], [[[{ a: 1 }]]]],
    ['SELECT CAST(ARRAY[ARRAY[1]] AS array(array<integer>))', ['array(array(integer))'], [[[[1]]]]],
    ['SELECT CAST(ARRAY[ARRAY[1]] AS array<array(integer)>)', ['array(array(integer))'], [[[[1]]]]],
    ['SELECT CAST(ARRAY[ARRAY[1.5e0]] AS array<array<integer>>)', ['array(array(integer))'], [[[[2]]]]],
    ['SELECT CAST(ARRAY[1.5] AS array<decimal(10,2)>)', ['array(decimal(10,2))'], [[['1.50']]]],
    ["SELECT TRY_CAST(ARRAY['x'] AS array<integer>)", ['array(integer)'], [[null]]],
    // A column named map compared with < beside a type that closes with >>: both read as written.
    ['SELECT map < 3, CAST(ARRAY[ARRAY[map]] AS array<array<integer>>) FROM (VALUES 1) t(map)', ['boolean', 'array(array(integer))'], [[true, [[1]]]]],
  ])('%s', async (sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });

  it("CAST(ARRAY['x'] AS array<integer>) fails as Trino 476 (INVALID_CAST_ARGUMENT: Cannot cast 'x' to INT)", async () => {
    await expect(engine.execute("SELECT CAST(ARRAY['x'] AS array<integer>)")).rejects.toThrow(/Cannot cast 'x' to INT/);
  });

  // Trino 476: SYNTAX_ERROR at the `<` (its grammar has array<T> and map<K, V> only). Locally refused as not a type;
  // row<…> had reached DuckDB as an empty STRUCT() (its parser error).
  it.each<[string, RegExp]>([
    ['SELECT CAST(ROW(1) AS row<a integer>)', /\[unfaithful\/type\] not a type: row<a integer>/],
    ['SELECT CAST(ARRAY[ROW(1)] AS array<row<a integer>>)', /\[unfaithful\/type\] not a type: array<row<a integer>>/],
    ['SELECT CAST(ROW(1) AS struct<a integer>)', /\[unfaithful\/type\] type STRUCT has no local equivalent/],
  ])('%s is refused', async (sql, message) => {
    const error = await engine.execute(sql).then(
      () => undefined,
      (e: Error) => e.message,
    );
    expect(error).toMatch(message);
    expect(error).not.toMatch(/'>>' is DuckDB's syntax/);
  });
});

describe('DDL column types that close with >> pass lake lint', () => {
  it.each<[string, string]>([
    [
      'Hive STRUCT columns with comments, nested three deep, closing with >>>>> and >>>',
      "CREATE EXTERNAL TABLE IF NOT EXISTS raw.t (\n  a ARRAY<STRUCT<record: STRING, inner: ARRAY<STRUCT<x: INT, y: ARRAY<INT>>>>> COMMENT 'three deep',\n  m MAP<STRING,MAP<STRING,ARRAY<INT>>>,\n  s STRUCT<a: STRING COMMENT 'f', b: ARRAY<ARRAY<INT>>> COMMENT 'x'\n)\nPARTITIONED BY (p STRING)\nSTORED AS PARQUET\nLOCATION 's3://b/t/'",
    ],
    ['a partition column of a nested type', "CREATE EXTERNAL TABLE t (a INT) PARTITIONED BY (p ARRAY<ARRAY<STRING>>) STORED AS PARQUET LOCATION 's3://b/t/'"],
    ['ALTER TABLE … ADD COLUMNS', 'ALTER TABLE raw.t ADD COLUMNS (c ARRAY<ARRAY<INT>>, d MAP<STRING,ARRAY<INT>>)'],
    [
      'a CTAS whose query casts to array<array<integer>>',
      "CREATE TABLE t3 WITH (format = 'PARQUET') AS SELECT CAST(ARRAY[ARRAY[1]] AS array<array<integer>>) AS a",
    ],
  ])('%s', async (_name, sql) => {
    const { syntax = [], rules } = await checkFile({ sql, file: 'sql/ddl/t.sql', parse: true });
    expect([...syntax, ...rules]).toEqual([]);
    expect(checkFaithful(sql)).toEqual([]);
  });

  // A type's parameters inside a DDL column's ARRAY/STRUCT/MAP are no call: `lake lint` had refused them as the
  // unknown function decimal() (the local engine creates the table: row(a varchar, b array(decimal(10,2))), …).
  it('DECIMAL(10,2) and VARCHAR(3) inside ARRAY<…>, STRUCT<…> and MAP<…> of DDL', async () => {
    const sql =
      "CREATE EXTERNAL TABLE t (\n  s STRUCT<a: STRING, b: ARRAY<DECIMAL(10,2)>>,\n  c ARRAY<VARCHAR(3)>,\n  d MAP<STRING,DECIMAL(5,1)>\n)\nSTORED AS PARQUET\nLOCATION 's3://b/t/'";
    const { syntax = [], rules } = await checkFile({ sql, file: 'sql/ddl/t.sql', parse: true });
    expect([...syntax, ...rules]).toEqual([]);
    // Outside a type decimal(…) is still no function Athena has.
    expect(checkFaithful('SELECT decimal(1)').map((d) => `${d.line}:${d.col} ${d.rule}`)).toEqual(['1:8 unfaithful/unknown-function']);
  });

  it('ALTER TABLE … CHANGE COLUMN a b <type>', () => {
    expect(checkFaithful('ALTER TABLE raw.t CHANGE COLUMN c d ARRAY<ARRAY<INT>>')).toEqual([]);
  });

  it('a column named change or returning outside ALTER TABLE and a call is a name: the >> after it is refused', () => {
    expect(checkFaithful('SELECT change, x >> 1 FROM t').map((d) => `${d.line}:${d.col} ${d.rule}`)).toEqual(['1:19 unfaithful/syntax']);
    expect(checkFaithful('SELECT returning, x >> 1 FROM t').map((d) => `${d.line}:${d.col} ${d.rule}`)).toEqual(['1:22 unfaithful/syntax']);
  });

  it("a CTAS's query is no type position: its >> is refused", () => {
    expect(checkFaithful('CREATE TABLE t2 AS SELECT 8 >> 2 AS x').map((d) => `${d.line}:${d.col} ${d.rule}`)).toEqual(['1:30 unfaithful/syntax']);
  });
});
