// A function name in double quotes that is exactly a reviewed scalar function's name (any case) runs as that call:
// Trino 476 resolves a quoted function name as the plain name in lower case. replay35 refused every quoted call
// because DuckDB ran its own function of that name; the quoted name is now rendered as the unquoted word, which the
// function table checks and translates. Still refused (tests/dialect/replay35-quoted-function.test.ts and below):
// names that are not reviewed functions, aggregates and window functions, qualified and backquoted names, and the
// names of Trino's grammar forms. Every expectation is the shared Trino 476's answer (value and type) or its failure,
// asked on 2026-12-07 (branch loud37).
import { describe, expect, it } from 'vitest';
import { sharedLake, refusedAt, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

describe('a quoted name of a reviewed scalar function', () => {
  it.each<[string, string[], unknown[][]]>([
    ['SELECT "abs"(-1), "ABS"(-1), "Concat"(\'a\', \'b\')', ['integer', 'integer', 'varchar'], [[1, 1, 'ab']]],
    ['SELECT "if"(true, 1), "coalesce"(NULL, 2), "nullif"(1, 2)', ['integer', 'integer', 'integer'], [[1, 2, 1]]],
    ['SELECT "round"(2.5)', ['decimal(2,0)'], [['3']]],
    ["SELECT \"length\"('abc'), \"strpos\"('abc', 'c')", ['bigint', 'bigint'], [[3, 3]]],
    ['SELECT "json_extract"(\'{"a":1}\', \'$.a\'), "json_parse"(\'[1, 2]\')', ['json', 'json'], [['1', '[1,2]']]],
    ['SELECT "substr"(\'abcdef\', 2, 3), "array_join"(ARRAY[1,2], \',\')', ['varchar', 'varchar'], [['bcd', '1,2']]],
    // DuckDB's own concat skipped the NULL ('a'), its greatest too (1): Trino's answers are NULL.
    ['SELECT "concat"(\'a\', NULL), "greatest"(1, NULL)', ['array(varchar)', 'integer'], [[null, null]]],
    ["SELECT \"split\"('a,b', ',')", ['array(varchar)'], [[['a', 'b']]]],
    // DuckDB's own date_trunc gave a timestamp.
    ["SELECT \"date_trunc\"('month', DATE '2020-02-03')", ['date'], [['2020-02-01']]],
    ['SELECT "md5"(to_utf8(\'a\'))', ['varbinary'], [['0cc175b9c0f1b6a831c399e269772661']]],
    ['SELECT x FROM (VALUES 1) t(x) WHERE "abs"(x) = 1', ['integer'], [[1]]],
    ['SELECT transform(ARRAY[1], x -> "abs"(x)), "transform"(ARRAY[1], x -> x + 1)', ['array(integer)', 'array(integer)'], [[[1], [2]]]],
    [
      'SELECT "date_add"(\'day\', 1, DATE \'2020-01-01\'), "greatest"(1, 2), "Upper"(s) FROM (VALUES \'a\') t(s)',
      ['date', 'integer', 'varchar'],
      [['2020-01-02', 2, 'A']],
    ],
  ])('%s', async (sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });

  it.each<[string, string]>([
    // Trino 476: FUNCTION_NOT_FOUND "Function 'row' not registered" (ROW is a form of the grammar)
    ['SELECT "row"(1, 2)', '"row"'],
    // Trino 476: FUNCTION_NOT_FOUND "Function 'json_value' not registered"
    ["SELECT \"json_value\"('{}', 'lax $.a')", '"json_value"'],
    // Trino 476: SYNTAX_ERROR at AS
    ['SELECT "cast"(1 AS varchar)', '"cast"'],
    // Trino 476: FUNCTION_NOT_FOUND, normalize(varchar(x), varchar(y)) expected
    ['SELECT "normalize"(\'a\')', '"normalize"'],
    // Trino 476: FUNCTION_NOT_FOUND "Function 'x.abs' not registered"
    ['SELECT x."abs"(1) FROM (VALUES 1) x(a)', '"abs"'],
  ])('%s stays refused', async (sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('quoted-function', sql, at));
  });
});
