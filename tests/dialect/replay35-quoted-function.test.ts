// A function name in double quotes (or backquotes) is refused at the name (docs/issue-15-audit.md "Trino's JSON
// constructor and json_exists regex query tests replayed", branch replay35): found replaying TestJsonConstructorFunction,
// where `"json"('[1,2]')` ran DuckDB's own json() although Trino 476 has no such function. The quoted name passed the
// function table and the translation, so DuckDB ran its own function of that name (answers or types unlike Trino's:
// silent; or its Catalog Error: loud). Trino 476 resolves a quoted name as the plain one, so the hint says to unquote.
// Quoted names that are not calls (columns, aliases with column lists, WITH names, row fields) answer as before.
// Every Trino 476 outcome below was asked of the shared Trino on 2026-12-07; each query gives one row.
import { describe, expect, it } from 'vitest';
import { sharedLake, refusedAt, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

describe('a quoted function name (refused at the name)', () => {
  it.each<[string, string]>([
    // Trino 476: fails FUNCTION_NOT_FOUND: line 1:8: Function 'json' not registered; local before: [1,2] (json), silent
    ['SELECT "json"(\'[1,2]\')', '"json"'],
    // Trino 476: answers 1 (integer)
    ['SELECT "abs"(-1)', '"abs"'],
    // Trino 476: answers 1 (integer)
    ['SELECT "ABS"(-1)', '"ABS"'],
    // Trino 476: answers "3" (decimal(2,0))
    ['SELECT "round"(2.5)', '"round"'],
    // Trino 476: answers 3 (bigint)
    ['SELECT "length"(\'abc\')', '"length"'],
    // Trino 476: answers "1" (json)
    ['SELECT "json_extract"(\'{"a":1}\', \'$.a\')', '"json_extract"'],
    // Trino 476: answers "bcd" (varchar)
    ['SELECT "substr"(\'abcdef\', 2, 3)', '"substr"'],
    // Trino 476: fails FUNCTION_NOT_FOUND: line 1:8: Function 'list_value' not registered; local before: [1, 2] (array(integer)), silent
    ['SELECT "list_value"(1, 2)', '"list_value"'],
    // Trino 476: fails FUNCTION_NOT_FOUND: line 1:8: Function 'json_keys' not registered; local before: ["a"] (array(varchar)), silent
    ['SELECT "json_keys"(\'{"a":1}\')', '"json_keys"'],
    // Trino 476: answers null (array(varchar)); local before: 'a' (varchar), silent
    ['SELECT "concat"(\'a\', NULL)', '"concat"'],
    // Trino 476: answers ["a", "b"] (array(varchar))
    ["SELECT \"split\"('a,b', ',')", '"split"'],
    // Trino 476: answers "1,2" (varchar); local before: DuckDB's Catalog Error (loud)
    ['SELECT "array_join"(ARRAY[1,2], \',\')', '"array_join"'],
    // Trino 476: answers 2 (bigint)
    ['SELECT "count"(*) FROM (VALUES 1, 2) t(x)', '"count"'],
    // Trino 476: answers 3 (bigint)
    ['SELECT "sum"(x) FROM (VALUES 1, 2) t(x)', '"sum"'],
    // Trino 476: answers "2020-02-01" (date); local before: 2020-02-01 00:00:00.000 (timestamp(3)), silent
    ["SELECT \"date_trunc\"('month', DATE '2020-02-03')", '"date_trunc"'],
    // Trino 476: fails FUNCTION_NOT_FOUND: line 1:8: Function 'to_json' not registered; local before: 1 (json), silent
    ['SELECT "to_json"(1)', '"to_json"'],
    // Trino 476: answers "integer" (varchar); local before: 'INTEGER' (varchar), silent
    ['SELECT "typeof"(1)', '"typeof"'],
    // Trino 476: answers 3 (bigint)
    ["SELECT \"strpos\"('abc', 'c')", '"strpos"'],
    // Trino 476: fails FUNCTION_NOT_FOUND: line 1:8: Function 'main.json' not registered; local before: [1] (json), silent
    ['SELECT "main"."json"(\'[1]\')', '"json"'],
    // Trino 476: answers [2] (array(integer))
    ['SELECT "transform"(ARRAY[1], x -> x + 1)', '"transform"'],
    // Trino 476: answers 1 (integer)
    ['SELECT "if"(true, 1, 2)', '"if"'],
    // Trino 476: answers null (integer); local before: 1 (integer), silent
    ['SELECT "greatest"(1, NULL)', '"greatest"'],
    // Trino 476: answers "[1,2]" (json); local before: DuckDB's Catalog Error (loud)
    ['SELECT "json_parse"(\'[1, 2]\')', '"json_parse"'],
    // Trino 476: answers "0cc175b9c0f1b6a831c399e269772661" (varbinary); local before: 0cc1… (varchar), silent
    ['SELECT "md5"(to_utf8(\'a\'))', '"md5"'],
    // Trino 476: fails SYNTAX_ERROR: line 1:8: backquoted identifiers are not supported; use double quotes to quote identifiers
    ["SELECT `json`('[1]')", '`json`'],
    // Trino 476: answers false (boolean); local before: DuckDB's Catalog Error (loud)
    ['SELECT "$not"(true)', '"$not"'],
    // Trino 476: fails FUNCTION_NOT_FOUND: line 1:8: Function 'my func' not registered
    ['SELECT "my func"(1)', '"my func"'],
    // Trino 476: answers 1 (integer)
    ['SELECT x FROM (VALUES 1) t(x) WHERE "abs"(x) = 1', '"abs"'],
    // Trino 476: answers [1] (array(integer))
    ['SELECT transform(ARRAY[1], x -> "abs"(x))', '"abs"'],
    // Trino 476: answers 1 (bigint)
    ['SELECT "rank"() OVER (ORDER BY x) FROM (VALUES 1) t(x)', '"rank"'],
    // Trino 476: fails FUNCTION_NOT_FOUND: line 1:8: Function 'json' not registered
    ['SELECT "Json"(\'[1]\')', '"Json"'],
    // Trino 476: fails SYNTAX_ERROR: line 1:23: mismatched input '('. Expecting: …
    ['SELECT * FROM "unnest"(ARRAY[1])', '"unnest"'],
  ])('%s', async (sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('quoted-function', sql, at));
  });
});

describe('quoted names that are not calls (answer as Trino)', () => {
  it.each<[string, string[], unknown[][]]>([
    // Trino 476: answers 1 (integer)
    ['SELECT "a" FROM (VALUES 1) t("a")', ['integer'], [[1]]],
    // Trino 476: answers 1 (integer)
    ['SELECT * FROM (VALUES 1) AS "t"("a")', ['integer'], [[1]]],
    // Trino 476: answers 1 (integer)
    ['SELECT * FROM (VALUES 1) "t"("a")', ['integer'], [[1]]],
    // Trino 476: answers 1 (integer)
    ['WITH "w"("a") AS (SELECT 1) SELECT * FROM "w"', ['integer'], [[1]]],
    // Trino 476: answers 1 (integer)
    ['SELECT CAST(ROW(1) AS ROW("a" integer)).a', ['integer'], [[1]]],
    // Trino 476: answers 1 (integer)
    ['SELECT "t"."a" FROM (VALUES 1) t(a)', ['integer'], [[1]]],
    // Trino 476: answers 1 (integer)
    ['SELECT a "b" FROM (VALUES 1) t(a)', ['integer'], [[1]]],
    // Trino 476: answers 1 (bigint)
    ['SELECT count("a") FROM (VALUES 1) t("a")', ['bigint'], [[1]]],
  ])('%s', async (sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });
});
