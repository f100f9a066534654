// Replays Trino's TestRe2jJsonExistsFunction and TestRegulatorJsonExistsFunction (io/trino/sql/query; both run the
// cases of AbstractTestJsonExistsFunction under another regex-library setting, which json32 replayed under the
// default; the Regulator file adds two like_regex cases) and variants of their like_regex forms (docs/issue-15-audit.md
// "Trino's JSON constructor and json_exists regex query tests replayed", branch replay35). The like_regex cases are
// newer than Trino 476, which fails each while analysing (NOT_SUPPORTED "like_regex predicate in JSON path is not yet
// supported"); the number type is newer too (TYPE_MISMATCH "Unknown type: number"). Every Trino 476 outcome below was
// asked of the shared Trino on 2026-12-07; each query gives one row.
import { describe, expect, it } from 'vitest';
import { sharedLake, refusedAt, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

const refused = (rule: string, cases: [string, string][]) =>
  it.each<[string, string]>(cases)('%s', async (sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt(rule, sql, at));
  });
const answers = (cases: [string, string[], unknown[][]][]) =>
  it.each<[string, string[], unknown[][]]>(cases)('%s answers as Trino', async (sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });

describe('AbstractTestJsonExistsFunction: agreed', () => {
  answers([
    ['SELECT json_exists(\'["a", "b", "c"]\', \'lax $[1]\')', ['boolean'], [[true]]],
    ['SELECT json_exists(\'["a", "b", "c"]\', \'lax $[100]\')', ['boolean'], [[false]]],
    ['SELECT json_exists(\'["a", "b", "c"]\' FORMAT JSON, \'lax $[1]\')', ['boolean'], [[true]]],
    ["SELECT json_exists(X'5B2261222C202262222C202263225D', 'lax $[1]')", ['boolean'], [[true]]],
    ["SELECT json_exists(X'5B2261222C202262222C202263225D' FORMAT JSON, 'lax $[1]')", ['boolean'], [[true]]],
    ["SELECT json_exists('[...', 'lax $[1]')", ['boolean'], [[false]]],
    ["SELECT json_exists(null, 'lax $')", ['boolean'], [[null]]],
  ]);
});

describe('AbstractTestJsonExistsFunction: strict paths, ON ERROR, PASSING, encodings (Trino 476 answers; refused)', () => {
  refused('sql-json', [
    // Trino 476: answers true (boolean)
    ['SELECT json_exists(\'["a", "b", "c"]\', \'strict $[1]\')', 'json_exists'],
    // Trino 476: answers false (boolean)
    ['SELECT json_exists(\'["a", "b", "c"]\', \'strict $[100]\')', 'json_exists'],
    // Trino 476: answers true (boolean)
    ['SELECT json_exists(\'["a", "b", "c"]\', \'strict $[100]\' TRUE ON ERROR)', 'json_exists'],
    // Trino 476: answers false (boolean)
    ['SELECT json_exists(\'["a", "b", "c"]\', \'strict $[100]\' FALSE ON ERROR)', 'json_exists'],
    // Trino 476: answers null (boolean)
    ['SELECT json_exists(\'["a", "b", "c"]\', \'strict $[100]\' UNKNOWN ON ERROR)', 'json_exists'],
    // Trino 476: answers true (boolean)
    ["SELECT json_exists(X'5B2261222C202262222C202263225D' FORMAT JSON ENCODING UTF8, 'lax $[1]')", 'json_exists'],
    // Trino 476: answers true (boolean)
    ["SELECT json_exists(X'5B002200610022002C0020002200620022002C0020002200630022005D00' FORMAT JSON ENCODING UTF16, 'lax $[1]')", 'json_exists'],
    // Trino 476: answers true (boolean)
    [
      "SELECT json_exists(X'5B0000002200000061000000220000002C000000200000002200000062000000220000002C000000200000002200000063000000220000005D000000' FORMAT JSON ENCODING UTF32, 'lax $[1]')",
      'json_exists',
    ],
    // Trino 476: answers true (boolean)
    ["SELECT json_exists('[...', 'strict $[1]' TRUE ON ERROR)", 'json_exists'],
    // Trino 476: answers false (boolean)
    ["SELECT json_exists('[...', 'strict $[1]' FALSE ON ERROR)", 'json_exists'],
    // Trino 476: answers null (boolean)
    ["SELECT json_exists('[...', 'strict $[1]' UNKNOWN ON ERROR)", 'json_exists'],
    // Trino 476: answers true (boolean)
    ['SELECT json_exists(\'["a", "b", "c"]\', \'lax $number + 1\' PASSING 5 AS "number")', 'json_exists'],
    // Trino 476: answers true (boolean)
    ['SELECT json_exists(\'["a", "b", "c"]\', \'lax $array[0]\' PASSING \'[1, 2, 3]\' FORMAT JSON AS "array")', 'json_exists'],
    // Trino 476: answers false (boolean)
    ['SELECT json_exists(\'["a", "b", "c"]\', \'lax $array[0]\' PASSING \'[...\' FORMAT JSON AS "array")', 'json_exists'],
    // Trino 476: answers false (boolean)
    ['SELECT json_exists(\'["a", "b", "c"]\', \'lax $[$number]\' PASSING 5 AS "number")', 'json_exists'],
    // Trino 476: answers true (boolean)
    ['SELECT json_exists(\'["a", "b", "c"]\', \'lax $var\' PASSING null AS "var")', 'json_exists'],
    // Trino 476: answers false (boolean)
    ['SELECT json_exists(\'["a", "b", "c"]\', \'lax $var\' PASSING null FORMAT JSON AS "var")', 'json_exists'],
  ]);
});

describe('AbstractTestJsonExistsFunction: failing in Trino 476 too (refused)', () => {
  refused('sql-json', [
    // Trino 476: fails PATH_EVALUATION_ERROR: path evaluation failed: structural error: invalid array subscript: [100, 100] for array of size 3
    ['SELECT json_exists(\'["a", "b", "c"]\', \'strict $[100]\' ERROR ON ERROR)', 'json_exists'],
    // Trino 476: fails TYPE_MISMATCH: line 1:20: Cannot read input of type varchar(15) as JSON using formatting JSON ENCODING UTF8
    ['SELECT json_exists(\'["a", "b", "c"]\' FORMAT JSON ENCODING UTF8, \'lax $[1]\')', 'json_exists'],
    // Trino 476: fails JSON_INPUT_CONVERSION_ERROR: conversion to JSON failed:
    [
      "SELECT json_exists(X'5B0000002200000061000000220000002C000000200000002200000062000000220000002C000000200000002200000063000000220000005D000000' FORMAT JSON ENCODING UTF8, 'lax $[1]' ERROR ON ERROR)",
      'json_exists',
    ],
    // Trino 476: fails JSON_INPUT_CONVERSION_ERROR: conversion to JSON failed:
    ["SELECT json_exists('[...', 'strict $[1]' ERROR ON ERROR)", 'json_exists'],
    // Trino 476: fails INVALID_PATH: line 1:39: no value passed for parameter number. Try quoting "number" in the PASSING clause to match case
    ['SELECT json_exists(\'["a", "b", "c"]\', \'lax $number + 1\' PASSING 2 AS number)', 'json_exists'],
    // Trino 476: fails JSON_INPUT_CONVERSION_ERROR: conversion to JSON failed:
    ['SELECT json_exists(\'["a", "b", "c"]\', \'lax $array[0]\' PASSING \'[...\' FORMAT JSON AS "array" ERROR ON ERROR)', 'json_exists'],
    // Trino 476: fails TYPE_MISMATCH: line 1:59: Unknown type: number
    ["SELECT json_exists('1', 'lax $?(@ == $parameter)' PASSING CAST(1 AS number) AS \"parameter\")", 'json_exists'],
    // Trino 476: fails TYPE_MISMATCH: line 1:61: Unknown type: number
    ['SELECT json_exists(\'"1"\', \'lax $?(@ == $parameter)\' PASSING CAST(1 AS number) AS "parameter")', 'json_exists'],
    // Trino 476: fails SYNTAX_ERROR: line 1:40: mismatched input 'certainly' expecting {'lax', 'strict'}
    ['SELECT json_exists(\'["a", "b", "c"]\', \'certainly not a valid path\')', 'json_exists'],
  ]);
});

describe('like_regex in a JSON path (newer than Trino 476: NOT_SUPPORTED; refused)', () => {
  refused('sql-json', [
    // Trino 476: fails NOT_SUPPORTED: line 1:38: like_regex predicate in JSON path is not yet supported
    ['SELECT json_exists(\'{"s":"foobar"}\', \'lax $.s ? (@ like_regex "foo")\')', 'json_exists'],
    // Trino 476: fails NOT_SUPPORTED: line 1:38: like_regex predicate in JSON path is not yet supported
    ['SELECT json_exists(\'{"s":"foobar"}\', \'lax $.s ? (@ like_regex "baz")\')', 'json_exists'],
    // Trino 476: fails NOT_SUPPORTED: line 1:38: like_regex predicate in JSON path is not yet supported
    ['SELECT json_exists(\'{"s":"Foobar"}\', \'lax $.s ? (@ like_regex "foo" flag "i")\')', 'json_exists'],
    // Trino 476: fails NOT_SUPPORTED: line 1:38: like_regex predicate in JSON path is not yet supported
    ['SELECT json_exists(\'{"s":"Foobar"}\', \'lax $.s ? (@ like_regex "foo")\')', 'json_exists'],
    // Trino 476: fails NOT_SUPPORTED: line 1:32: like_regex predicate in JSON path is not yet supported
    ['SELECT json_exists(\'{"n":42}\', \'strict $.n ? (@ like_regex "4")\')', 'json_exists'],
    // Trino 476: fails NOT_SUPPORTED: line 1:33: like_regex predicate in JSON path is not yet supported
    ['SELECT json_exists(\'{"s":"x"}\', \'lax $.s ? (@ like_regex "[")\')', 'json_exists'],
    // Trino 476: fails NOT_SUPPORTED: line 1:33: like_regex predicate in JSON path is not yet supported
    ['SELECT json_exists(\'{"s":"x"}\', \'lax $.s ? (@ like_regex "[[:alpha:]]")\')', 'json_exists'],
    // Trino 476: fails NOT_SUPPORTED: line 1:33: like_regex predicate in JSON path is not yet supported
    ['SELECT json_exists(\'{"s":"x"}\', \'lax $.s ? (@ like_regex "(?<name>x)")\')', 'json_exists'],
    // Trino 476: fails NOT_SUPPORTED: line 1:33: like_regex predicate in JSON path is not yet supported
    ['SELECT json_exists(\'{"s":"x"}\', \'lax $.s ? (@ like_regex "(?>x)")\')', 'json_exists'],
    // Trino 476: fails NOT_SUPPORTED: line 1:33: like_regex predicate in JSON path is not yet supported
    ['SELECT json_exists(\'{"s":"x"}\', \'lax $.s ? (@ like_regex "(?=x)")\')', 'json_exists'],
    // Trino 476: fails NOT_SUPPORTED: line 1:33: like_regex predicate in JSON path is not yet supported
    ['SELECT json_exists(\'{"s":"x"}\', \'lax $.s ? (@ like_regex "(?i)x")\')', 'json_exists'],
    // Trino 476: fails NOT_SUPPORTED: line 1:33: like_regex predicate in JSON path is not yet supported
    ['SELECT json_exists(\'{"s":"x"}\', \'lax $.s ? (@ like_regex "\\\\x41")\')', 'json_exists'],
    // Trino 476: fails NOT_SUPPORTED: line 1:33: like_regex predicate in JSON path is not yet supported
    ['SELECT json_exists(\'{"s":"x"}\', \'lax $.s ? (@ like_regex "x*+")\')', 'json_exists'],
    // Trino 476: fails NOT_SUPPORTED: line 1:33: like_regex predicate in JSON path is not yet supported
    ['SELECT json_exists(\'{"s":"A"}\', \'lax $.s ? (@ like_regex "\\\\x{41}")\')', 'json_exists'],
    // Trino 476: fails NOT_SUPPORTED: line 1:29: like_regex predicate in JSON path is not yet supported
    ['SELECT json_exists(\'"a\\n"\', \'lax $ ? (@ like_regex "^$" flag "m")\')', 'json_exists'],
    // Trino 476: fails NOT_SUPPORTED: line 1:27: like_regex predicate in JSON path is not yet supported
    ['SELECT json_exists(\'"a"\', \'lax $ ? (@ like_regex "a{1001}")\' TRUE ON ERROR)', 'json_exists'],
    // Trino 476: fails NOT_SUPPORTED: line 1:38: like_regex predicate in JSON path is not yet supported
    ['SELECT json_exists(\'{"s":"foobar"}\', \'lax $.s ? (@ like_regex "^foo$")\')', 'json_exists'],
    // Trino 476: fails NOT_SUPPORTED: line 1:37: like_regex predicate in JSON path is not yet supported
    ['SELECT json_value(\'{"s":"foobar"}\', \'lax $.s ? (@ like_regex "foo")\')', 'json_value'],
    // Trino 476: fails NOT_SUPPORTED: line 1:34: like_regex predicate in JSON path is not yet supported
    ['SELECT json_query(\'["ab","cd"]\', \'lax $[*] ? (@ like_regex "c")\' WITH ARRAY WRAPPER)', 'json_query'],
    // Trino 476: fails NOT_SUPPORTED: line 1:38: like_regex predicate in JSON path is not yet supported
    ['SELECT json_exists(\'{"s":"foobar"}\', \'lax $.s ? (@ like_regex "o+")\')', 'json_exists'],
    // Trino 476: fails NOT_SUPPORTED: line 1:35: like_regex predicate in JSON path is not yet supported
    ['SELECT json_exists(\'{"s":"a.b"}\', \'lax $.s ? (@ like_regex "a.b" flag "q")\')', 'json_exists'],
    // Trino 476: fails NOT_SUPPORTED: line 1:35: like_regex predicate in JSON path is not yet supported
    ['SELECT json_exists(\'{"s":"aXb"}\', \'lax $.s ? (@ like_regex "a.b" flag "q")\')', 'json_exists'],
    // Trino 476: fails NOT_SUPPORTED: line 1:37: like_regex predicate in JSON path is not yet supported
    ['SELECT json_exists(\'{"s":"a\\\\nb"}\', \'lax $.s ? (@ like_regex "a.b" flag "s")\')', 'json_exists'],
    // Trino 476: fails NOT_SUPPORTED: line 1:34: like_regex predicate in JSON path is not yet supported
    ['SELECT json_exists(\'{"s":"ab"}\', \'lax $.s ? (@ like_regex "a b" flag "x")\')', 'json_exists'],
  ]);
});

describe('starts with in a JSON path (Trino 476 answers; refused as before)', () => {
  refused('sql-json', [
    // Trino 476: answers true (boolean)
    ['SELECT json_exists(\'{"s":"foobar"}\', \'lax $.s ? (@ starts with "foo")\')', 'json_exists'],
  ]);
});
