// Quoted names of four grammar forms that Trino 476 also registers as functions: `"map"(…)`, `"trim"(…)`,
// `"substring"(…)` run as the plain function call (loud37 and loud38 left them refused), and `"current_date"()` is
// today's date (plain `current_date()` is Trino's syntax error, so the quoted call is the only way to write it). The
// forms' own words stay Trino's syntax error when the name is quoted (`"trim"(BOTH 'a' FROM s)`). Every expectation
// is the shared Trino 476's answer (value and type) or its failure, asked on 2026-12-07 (branch loud39).
import { describe, expect, it } from 'vitest';
import { sharedLake, refusedAt, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

describe('a quoted grammar name that Trino calls as a function', () => {
  it.each<[string, string[], unknown[][]]>([
    ['SELECT "map"(ARRAY[1], ARRAY[2])', ['map(integer, integer)'], [[{ 1: 2 }]]],
    // Trino 476: map(unknown, unknown), as plain map()
    ['SELECT "map"(), "MAP"()', ['map(unknown, unknown)', 'map(unknown, unknown)'], [[{}, {}]]],
    ["SELECT \"trim\"(' a '), \"TRIM\"('xax', 'x')", ['varchar', 'varchar'], [['a', 'a']]],
    ['SELECT "substring"(\'abcdef\', 2), "substring"(\'abcdef\', 2, 3)', ['varchar', 'varchar'], [['bcdef', 'bcd']]],
    ["SELECT \"trim\"(s, 'x') FROM (VALUES 'xxbx') t(s) WHERE \"substring\"(s, 3) = 'bx'", ['varchar'], [['b']]],
    // Trino 476: date, today's; compared with the plain form so the answer does not depend on the day
    ['SELECT "current_date"() = current_date, "CURRENT_DATE"() - current_date', ['boolean', 'interval day to second'], [[true, '0 00:00:00.000']]],
  ])('%s', async (sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });

  it('"current_date"() is a date', async () => {
    const { types } = await rowsAndTypes(engine, 'SELECT "current_date"()');
    expect(types).toEqual(['date']);
  });

  it.each<[string, RegExp]>([
    // Trino 476: FUNCTION_NOT_FOUND "Unexpected parameters (array(integer)) for function map"
    ['SELECT "map"(ARRAY[1])', /map\(\) takes 0 or 2 arguments/],
    // Trino 476: INVALID_FUNCTION_ARGUMENT "Duplicate map keys (1) are not allowed"
    ['SELECT "map"(ARRAY[1, 1], ARRAY[2, 3])', /[Dd]uplicate map key|unique/],
    // Trino 476: FUNCTION_NOT_FOUND, trim(varchar(x)) or trim(varchar(x), codepoints) expected
    ["SELECT \"trim\"('abc', 'a', 'b')", /trim\(\) takes 1 to 2 arguments/],
  ])('%s fails', async (sql, message) => {
    await expect(engine.execute(sql)).rejects.toThrow(message);
  });

  it.each<[string]>([
    // Trino 476: SYNTAX_ERROR "mismatched input 'FROM'" (the form's words after a quoted name; `lake sql` and `lake
    // lint` stop at the Trino grammar check first, the engine refuses the quoted name)
    ["SELECT \"trim\"(BOTH 'a' FROM 'aba')"],
    ['SELECT "substring"(\'abc\' FROM 2)'],
    ['SELECT "substring"(\'abc\' FOR 2)'],
  ])('%s stays refused', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('quoted-function', sql, sql.slice(7, sql.indexOf('('))));
  });

  it('"current_date"(1) stays refused (Trino 476: FUNCTION_NOT_FOUND, current_date() expected)', async () => {
    const sql = 'SELECT "current_date"(1)';
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('quoted-function', sql, '"current_date"'));
  });
});
