// Over-refusals and local failures where Trino 476 answers (issue 15, docs/issue-15-audit.md, overref44's section):
// reverse() of a non-array aggregate was refused ("reverse() of an aggregate cannot be typed locally"; the typed shim
// now binds inside a lambda over the aggregate's value, function-rewrites.ts typedShim), and human_readable_seconds
// past 2^63 seconds failed with "Out of range for bigint" (Java's Math.round saturates; function-macros.ts). Every
// answer below is the shared Trino 476's to the same SQL, asked on 2026-12-08.
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('reverse() of an aggregate that is not array_agg', () => {
  it('answers per group, over a window, nested and in HAVING', async () => {
    expect(await rowsAndTypes(engine, "SELECT reverse(max(s)) FROM (VALUES 'ab', 'ac') t(s)")).toEqual({ rows: [['ca']], types: ['varchar'] });
    const grouped =
      "SELECT k, reverse(max(s)), reverse(min(b)), reverse(reverse(max(s))) FROM (VALUES (1, 'ab', X'0102'), (1, 'ac', X'0304'), (2, NULL, NULL)) t(k, s, b) GROUP BY k ORDER BY k";
    expect(await rowsAndTypes(engine, grouped)).toEqual({
      rows: [
        [1, 'ca', '0201', 'ac'],
        [2, null, null, null],
      ],
      types: ['integer', 'varchar', 'varbinary', 'varchar'],
    });
    expect(await rowsAndTypes(engine, "SELECT reverse(max(s) OVER (ORDER BY s)) FROM (VALUES 'ab', 'ac') t(s)")).toEqual({
      rows: [['ba'], ['ca']],
      types: ['varchar'],
    });
    expect(await rowsAndTypes(engine, 'SELECT reverse(max(a)) FROM (VALUES ARRAY[1, 2], ARRAY[3, 4]) t(a)')).toEqual({
      rows: [[[4, 3]]],
      types: ['array(integer)'],
    });
    expect(await rowsAndTypes(engine, "SELECT k FROM (VALUES (1, 'ab')) t(k, s) GROUP BY k HAVING reverse(max(s)) = 'ba'")).toEqual({
      rows: [[1]],
      types: ['integer'],
    });
  });

  // Trino 476: AMBIGUOUS_FUNCTION_CALL "Could not choose a best candidate operator" (varchar(0), char(0), varbinary,
  // array(unknown)).
  it('still refuses reverse() of an unknown-typed aggregate', async () => {
    await expect(engine.execute('SELECT reverse(max(NULL)) FROM (VALUES 1) t(x)')).rejects.toThrow(/AMBIGUOUS_FUNCTION_CALL/);
  });
});

describe('human_readable_seconds past 2^63 seconds', () => {
  const MAX = '15250284452471 weeks, 3 days, 15 hours, 30 minutes, 7 seconds';
  it('answers Long.MAX_VALUE seconds, as Java rounds', async () => {
    const sql =
      "SELECT human_readable_seconds(1e300), human_readable_seconds(-1e300), human_readable_seconds(9223372036854775807), human_readable_seconds(9.223372036854775e18), human_readable_seconds(-9223372036854775808), human_readable_seconds(REAL '1e30')";
    expect(await rowsAndTypes(engine, sql)).toEqual({
      rows: [[MAX, MAX, MAX, '15250284452471 weeks, 3 days, 15 hours, 13 minutes, 4 seconds', MAX, MAX]],
      types: Array(6).fill('varchar'),
    });
    expect(await rowsAndTypes(engine, 'SELECT human_readable_seconds(x) FROM (VALUES 1e300, 12.5, -3.5, 0.4, NULL) t(x)')).toEqual({
      rows: [[MAX], ['13 seconds'], ['4 seconds'], ['0 seconds'], [null]],
      types: ['varchar'],
    });
  });

  // Trino 476: INVALID_FUNCTION_ARGUMENT "Invalid argument found: NaN" (Infinity, -Infinity).
  it.each<[string, string]>([
    ['nan()', 'NaN'],
    ['infinity()', 'Infinity'],
    ['-infinity()', '-Infinity'],
  ])('fails on %s as Trino', async (x, shown) => {
    await expect(engine.execute(`SELECT human_readable_seconds(${x})`)).rejects.toThrow(`Invalid argument found: ${shown}`);
  });
});
