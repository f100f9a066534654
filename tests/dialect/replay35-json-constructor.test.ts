// Replays Trino's TestJsonConstructorFunction (io/trino/sql/query; docs/issue-15-audit.md "Trino's JSON constructor and
// json_exists regex query tests replayed", branch replay35) and variants of its form. The JSON(…) constructor is newer
// than Trino 476: there `JSON(…)` is a call of a function json that does not exist (FUNCTION_NOT_FOUND) and its
// FORMAT JSON forms are syntax errors, so Athena fails them too; the local engine refuses each call at its name.
// Every Trino 476 outcome below was asked of the shared Trino on 2026-12-07; each query gives one row.
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

describe('TestJsonConstructorFunction: JSON(…) (Trino 476 fails; refused at the call)', () => {
  refused('unknown-function', [
    // Trino 476: fails FUNCTION_NOT_FOUND: line 1:8: Function 'json' not registered
    ['SELECT JSON(\'["a", "b", "c"]\')', 'JSON'],
    // Trino 476: fails FUNCTION_NOT_FOUND: line 1:8: Function 'json' not registered
    ['SELECT JSON(JSON \'["a", "b", "c"]\')', 'JSON'],
    // Trino 476: fails FUNCTION_NOT_FOUND: line 1:8: Function 'json' not registered
    ['SELECT JSON(CAST(NULL AS varchar))', 'JSON'],
    // Trino 476: fails FUNCTION_NOT_FOUND: line 1:8: Function 'json' not registered
    ['SELECT JSON(CAST(NULL AS json))', 'JSON'],
    // Trino 476: fails FUNCTION_NOT_FOUND: line 1:8: Function 'json' not registered
    ["SELECT JSON('not json')", 'JSON'],
    // Trino 476: fails FUNCTION_NOT_FOUND: line 1:8: Function 'json' not registered
    ["SELECT JSON('[1, 2')", 'JSON'],
    // Trino 476: fails FUNCTION_NOT_FOUND: line 1:20: Function 'json' not registered
    ['SELECT json_format(JSON(\'{"a" : 1, "a" : 2}\'))', 'JSON'],
    // Trino 476: fails SYNTAX_ERROR: line 1:77: mismatched input 'FORMAT'. Expecting: …
    ["SELECT JSON(X'5B002200610022002C0020002200620022002C0020002200630022005D00' FORMAT JSON ENCODING UTF16)", 'JSON'],
    // Trino 476: fails SYNTAX_ERROR: line 1:47: mismatched input 'FORMAT'. Expecting: …
    ["SELECT JSON(X'5B2261222C202262222C202263225D' FORMAT JSON)", 'JSON'],
    // Trino 476: fails FUNCTION_NOT_FOUND: line 1:8: Function 'json' not registered
    ["SELECT json('[1,2]')", 'json'],
    // Trino 476: fails FUNCTION_NOT_FOUND: line 1:20: Function 'json' not registered
    ['SELECT json_format(json(\'{"b":1, "a":2}\'))', 'json('],
    // Trino 476: fails FUNCTION_NOT_FOUND: line 1:8: Function 'json' not registered
    ["SELECT json(s) FROM (VALUES '[1]') t(s)", 'json'],
    // Trino 476: fails FUNCTION_NOT_FOUND: line 1:8: Function 'json' not registered
    ["SELECT JSON ('[1]')", 'JSON'],
  ]);
  refused('refused-function', [
    // Trino 476: fails FUNCTION_NOT_FOUND: line 1:15: Function 'json' not registered
    ["SELECT typeof(json('1'))", 'typeof'],
  ]);
  // The quoted name passed the function table and ran DuckDB's own json() (silent before replay35): refused now.
  refused('quoted-function', [
    // Trino 476: fails FUNCTION_NOT_FOUND: line 1:8: Function 'json' not registered (local answered [1,2], json)
    ['SELECT "json"(\'[1,2]\')', '"json"'],
  ]);
});

describe('TestJsonConstructorFunction: repeated keys in a JSON literal and json_parse (agreed)', () => {
  // The newer file keeps both keys; Trino 476 keeps the last, as the local engine does.
  answers([
    ['SELECT json_format(JSON \'{"a" : 1, "a" : 2}\')', ['varchar'], [['{"a":2}']]],
    ['SELECT json_format(json_parse(\'{"a" : 1, "a" : 2}\'))', ['varchar'], [['{"a":2}']]],
  ]);
});
