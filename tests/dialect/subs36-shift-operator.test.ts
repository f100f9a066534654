// `8 >> 2` is refused at the operator (docs/issue-15-audit.md "Varchar subscripts and >>", branch subs36): DuckDB's
// right shift answered 2 on the engine's own path (`lake run`, the library API), where Trino 476 fails SYNTAX_ERROR at
// the second > ("line 1:11: mismatched input '>'", asked of the shared Trino on 2026-12-07). The `>>` closing a Hive type
// in DDL (`array<map<string,int>>`) is a type's end, not the operator, and stays accepted.
import { afterEach, describe, expect, it } from 'vitest';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { checkFile } from '../../src/lint/file-checks.js';
import { openLake, sharedLake, rowsAndTypes, tempLake } from './lake-helpers.js';

const engine = sharedLake();

describe('>> (Trino 476: SYNTAX_ERROR at the second >; refused there)', () => {
  it.each<[string, number]>([
    // local before: 2 (integer)
    ['SELECT 8 >> 2', 11],
    // local before: 8; Trino: line 1:40: mismatched input '>'
    ['SELECT x FROM (VALUES 8) t(x) WHERE x >> 1 = 4', 40],
  ])('%s', async (sql, col) => {
    await expect(engine.execute(sql)).rejects.toThrow(new RegExp(`<sql>:1:${col}: error \\[unfaithful/syntax\\] '>>' is DuckDB's syntax`));
  });
});

describe('a single > and types that close with >> (answer as Trino 476)', () => {
  it.each<[string, string[], unknown[][]]>([
    ['SELECT 8 > 2', ['boolean'], [[true]]],
    ['SELECT CAST(ARRAY[ARRAY[1]] AS array(array(integer)))', ['array(array(integer))'], [[[[1]]]]],
  ])('%s', async (sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });
});

describe('a type that closes with >> in an expression is no shift', () => {
  // Trino 476 answers [[1]] (array(array(integer))); its <…> type form translates since shift37
  // (tests/dialect/shift37-type-context.test.ts), and the >> that closes it is not DuckDB's operator.
  it('CAST(… AS array<array<integer>>)', async () => {
    expect(await rowsAndTypes(engine, 'SELECT CAST(ARRAY[ARRAY[1]] AS array<array<integer>>)')).toEqual({ rows: [[[[1]]]], types: ['array(array(integer))'] });
  });
});

describe('Hive DDL whose types close with >>', () => {
  let ddl: AthenaLocalEngine | undefined;
  afterEach(async () => ddl?.close());
  it('creates a table of array<array<int>> and map<string,map<string,int>> columns', async () => {
    ddl = await openLake(tempLake());
    await ddl.execute('CREATE DATABASE raw');
    await ddl.execute("CREATE EXTERNAL TABLE raw.t (a array<array<int>>, m map<string,map<string,int>>) STORED AS PARQUET LOCATION 's3://b/t/'");
    const result = await ddl.execute('SELECT a, m FROM raw.t');
    expect(result.columns.map((c) => c.type)).toEqual(['array(array(integer))', 'map(varchar, map(varchar, integer))']);
  });

  // The rewriter sees a struct's fields one comma-separated piece at a time (`… error: STRING>>`), where the `<` that
  // opened the type is out of sight: the >> is followed by `,`, `)` or COMMENT, not by an operand (the example's
  // p1_quarantine); `lake lint` had refused it there.
  it('lake lint accepts array<struct<…, …>> columns, one with a COMMENT after the >>', async () => {
    const sql =
      "CREATE EXTERNAL TABLE t (\n  batchid STRING,\n  records ARRAY<STRUCT<record: STRING, error: STRING, sequencenumber: STRING>>,\n  s ARRAY<STRUCT<a: STRING, b: INT>> COMMENT 'x',\n  failedat STRING\n)\nSTORED AS PARQUET\nLOCATION 's3://b/t/'";
    const { syntax = [], rules } = await checkFile({ sql, file: 'sql/ddl/t.sql', parse: true });
    expect([...syntax, ...rules]).toEqual([]);
  });
});
