// DuckDB's own operators are refused at the operator (docs/issue-15-audit.md "Trino's JSON constructor and json_exists
// regex query tests replayed", branch replay35): found beside the JSON constructor replay, where `'[1]'::json` answered
// [1] on the engine's own path (`lake run`, the library API; `lake lint` and `lake sql` stop it with the Trino grammar).
// Trino 476 fails each with SYNTAX_ERROR at the operator (asked of the shared Trino on 2026-12-07), so Athena does; the
// local answers before are in the comments. Trino's operators beside them keep their answers.
import { describe, expect, it } from 'vitest';
import { sharedLake, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

describe("DuckDB's operators (Trino 476: SYNTAX_ERROR; refused at the operator)", () => {
  // [sql, column of the refusal (Trino 476's column of its syntax error), the operator as the message writes it]
  it.each<[string, number, string]>([
    // local before: [1] (json)
    ["SELECT '[1]'::json", 13, '::'],
    // local before: '1' (varchar)
    ['SELECT 1::varchar', 9, '::'],
    // local before: {a: 1} (row(a integer))
    ["SELECT {'a': 1}", 8, '{…}'],
    // local before: 3 (integer); Trino at the second /
    ['SELECT 7 // 2', 11, '//'],
    // local before: 8 (double); Trino at the second *
    ['SELECT 2 ** 3', 11, '\\*\\*'],
    // local before: true (DuckDB's starts_with)
    ["SELECT 'a' ^@ 'a'", 12, '\\^'],
    ['SELECT 2 ^ 3', 10, '\\^'],
    // DuckDB's abs
    ['SELECT @ -5', 8, '@'],
    ['SELECT ~ 5', 8, '~'],
    ['SELECT 5 & 3', 10, '&'],
    ['SELECT 5 | 3', 10, '\\|'],
    ['SELECT 5 # 3', 10, '#'],
    // Trino at the second <
    ['SELECT 1 << 2', 11, '<<'],
    // DuckDB's LIKE
    ["SELECT 'a' ~~ 'a'", 12, '~'],
    ["SELECT x FROM (VALUES 1) t(x) WHERE x::varchar = '1'", 38, '::'],
  ])('%s', async (sql, col, op) => {
    await expect(engine.execute(sql)).rejects.toThrow(new RegExp(`<sql>:1:${col}: error \\[unfaithful/syntax\\] '${op}' is DuckDB's syntax`));
  });
});

describe("Trino's operators beside them (answer as Trino 476)", () => {
  it.each<[string, string[], unknown[][]]>([
    ['SELECT 2 * 3', ['integer'], [[6]]],
    ['SELECT 6 / 3', ['integer'], [[2]]],
    ['SELECT 1 < 2', ['boolean'], [[true]]],
    ["SELECT 'a' || 'b'", ['varchar'], [['ab']]],
    ['SELECT 1 != 2', ['boolean'], [[true]]],
    ['SELECT count(*)*2 FROM (VALUES 1) t(x)', ['bigint'], [[2]]],
    ['SELECT x FROM (VALUES 1) t(x) WHERE x<2', ['integer'], [[1]]],
    ['SELECT x FROM (VALUES 1) t(x) WHERE x<>2', ['integer'], [[1]]],
    ['SELECT transform(ARRAY[1], x -> x * 2)', ['array(integer)'], [[[2]]]],
    ['SELECT t.* FROM (VALUES 1) t(x)', ['integer'], [[1]]],
  ])('%s', async (sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });
});
