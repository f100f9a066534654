// any_match, all_match and none_match stop at the deciding element in Trino 476 (any_match and none_match at the first
// true predicate, all_match at the first false one), so a failure in a later element is never raised: the answer
// stands, also under try(), where the local engine evaluated every element (a failure: "Division by zero", NULL under
// try(); docs/issue-15-audit.md, branch tryshort42). Trino 476's answers, asked of the shared Trino, are written
// beside each case.
import { describe, expect, it } from 'vitest';
import { sharedLake } from './lake-helpers.js';

describe('any_match/all_match/none_match stop at the deciding element', () => {
  const engine = sharedLake();

  it('a failing element after the deciding one, under try() (Trino 476: true, false, false)', async () => {
    const result = await engine.execute(
      `SELECT try(any_match(ARRAY[5, 0], x -> 10 / x > 1)) AS a, try(all_match(ARRAY[50, 0], x -> 10 / x > 1)) AS b,
        try(none_match(ARRAY[5, 0], x -> 10 / x > 1)) AS c`,
    );
    expect(result.columns.map((c) => c.type)).toEqual(['boolean', 'boolean', 'boolean']);
    expect(result.rows).toEqual([[true, false, false]]);
  }, 120_000);

  it('the same without try() answers (Trino 476: true, false, false; after a NULL predicate true, false)', async () => {
    const result = await engine.execute(
      `SELECT any_match(ARRAY[5, 0], x -> 10 / x > 1) AS a, all_match(ARRAY[50, 0], x -> 10 / x > 1) AS b,
        none_match(ARRAY[5, 0], x -> 10 / x > 1) AS c, any_match(ARRAY[NULL, 5, 0], x -> 10 / x > 1) AS d,
        all_match(ARRAY[5, NULL, 50, 0], x -> 10 / x > 1) AS e`,
    );
    expect(result.rows).toEqual([[true, false, false, true, false]]);
  }, 120_000);

  it('a failure before the deciding element still fails, NULL under try() (Trino 476: DIVISION_BY_ZERO; NULL, NULL, NULL)', async () => {
    await expect(engine.execute('SELECT any_match(ARRAY[0, 5], x -> 10 / x > 1)')).rejects.toThrow(/Division by zero/);
    const result = await engine.execute(
      `SELECT try(any_match(ARRAY[0, 5], x -> 10 / x > 1)) AS a, try(all_match(ARRAY[5, 0, 50], x -> 10 / x > 1)) AS b,
        try(none_match(ARRAY[50, 0, 5], x -> 10 / x > 1)) AS c`,
    );
    expect(result.rows).toEqual([[null, null, null]]);
  }, 120_000);

  it('NULL predicates, empty and NULL arrays (Trino 476: NULL, NULL, NULL; true, true; false, NULL, true)', async () => {
    const result = await engine.execute(
      `SELECT any_match(ARRAY[NULL, 50], x -> 10 / x > 1) AS a, all_match(ARRAY[NULL, 5], x -> 10 / x > 1) AS b,
        none_match(ARRAY[NULL, 50], x -> 10 / x > 1) AS c, all_match(ARRAY[5, 2], x -> 10 / x > 1) AS d,
        none_match(ARRAY[50, 20], x -> 10 / x > 1) AS e, any_match(CAST(ARRAY[] AS array(integer)), x -> 10 / x > 1) AS f,
        all_match(CAST(NULL AS array(integer)), x -> 10 / x > 1) AS g, none_match(CAST(ARRAY[] AS array(integer)), x -> 10 / x > 1) AS h`,
    );
    expect(result.rows).toEqual([[null, null, null, true, true, false, null, true]]);
  }, 120_000);

  it('per row, with a column in the lambda (Trino 476: false, NULL, NULL, NULL)', async () => {
    const result = await engine.execute(
      `SELECT k, try(none_match(a, x -> 10 / x > k)) AS m
       FROM (VALUES (1, ARRAY[5, 0]), (3, ARRAY[5, 0]), (2, NULL), (4, ARRAY[20, NULL, 0])) t(k, a) ORDER BY k`,
    );
    expect(result.rows).toEqual([
      [1, false],
      [2, null],
      [3, null],
      [4, null],
    ]);
  }, 120_000);

  it('casts, subscripts and a nested match (Trino 476: true, false, NULL; true, NULL; true)', async () => {
    const result = await engine.execute(
      `SELECT any_match(ARRAY['1', 'x'], s -> CAST(s AS integer) = 1) AS a, try(all_match(ARRAY['1', 'x'], s -> CAST(s AS integer) = 2)) AS b,
        try(all_match(ARRAY['1', 'x'], s -> CAST(s AS integer) = 1)) AS c, any_match(ARRAY[ARRAY[1], ARRAY[]], v -> v[1] = 1) AS d,
        try(any_match(ARRAY[ARRAY[], ARRAY[1]], v -> v[1] = 1)) AS e,
        any_match(ARRAY[5, 0], x -> any_match(ARRAY[x], y -> 10 / y > 1)) AS f`,
    );
    expect(result.rows).toEqual([[true, false, null, true, null, true]]);
  }, 120_000);
});
