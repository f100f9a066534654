// A function name in double quotes (or backquotes) is refused at the name (docs/issue-15-audit.md "Trino's JSON
// constructor and json_exists regex query tests replayed", branch replay35): found replaying TestJsonConstructorFunction,
// where `"json"('[1,2]')` ran DuckDB's own json() although Trino 476 has no such function. The quoted name passed the
// function table and the translation, so DuckDB ran its own function of that name (answers or types unlike Trino's:
// silent; or its Catalog Error: loud). Trino 476 resolves a quoted name as the plain one, so the hint says to unquote.
// Quoted names that are not calls (columns, aliases with column lists, WITH names, row fields) answer as before.
// Since loud37, a double-quoted name that is exactly a reviewed scalar function's runs as that call (Trino 476 resolves
// it so); those cases moved to tests/dialect/loud37-quoted-function-names.test.ts. Since loud38, so do aggregates and
// window functions (`"count"(*)`, `"sum"(x)`, `"rank"()`: tests/dialect/loud38-quoted-aggregate-names.test.ts).
// Every Trino 476 outcome below was asked of the shared Trino on 2026-12-07; each query gives one row.
import { describe, expect, it } from 'vitest';
import { sharedLake, refusedAt, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

describe('a quoted function name (refused at the name)', () => {
  it.each<[string, string]>([
    // Trino 476: fails FUNCTION_NOT_FOUND: line 1:8: Function 'json' not registered; local before: [1,2] (json), silent
    ['SELECT "json"(\'[1,2]\')', '"json"'],
    // Trino 476: fails FUNCTION_NOT_FOUND: line 1:8: Function 'list_value' not registered; local before: [1, 2] (array(integer)), silent
    ['SELECT "list_value"(1, 2)', '"list_value"'],
    // Trino 476: fails FUNCTION_NOT_FOUND: line 1:8: Function 'json_keys' not registered; local before: ["a"] (array(varchar)), silent
    ['SELECT "json_keys"(\'{"a":1}\')', '"json_keys"'],
    // Trino 476: fails FUNCTION_NOT_FOUND: line 1:8: Function 'to_json' not registered; local before: 1 (json), silent
    ['SELECT "to_json"(1)', '"to_json"'],
    // Trino 476: fails FUNCTION_NOT_FOUND: line 1:8: Function 'main.json' not registered; local before: [1] (json), silent
    ['SELECT "main"."json"(\'[1]\')', '"json"'],
    // Trino 476: fails SYNTAX_ERROR: line 1:8: backquoted identifiers are not supported; use double quotes to quote identifiers
    ["SELECT `json`('[1]')", '`json`'],
    // Trino 476: answers false (boolean); local before: DuckDB's Catalog Error (loud)
    ['SELECT "$not"(true)', '"$not"'],
    // Trino 476: fails FUNCTION_NOT_FOUND: line 1:8: Function 'my func' not registered
    ['SELECT "my func"(1)', '"my func"'],
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
