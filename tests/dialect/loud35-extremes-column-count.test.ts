// min(x, n) and max(x, n) without OVER whose count n is a column or an expression (docs/issue-15-audit.md "min and max
// with a column count (session of 2026-12-07 early morning, branch loud35)"): Trino 476 skips the rows whose x or n is
// NULL and reads n from the others, where the local engine read every row (min: a silently different answer) or failed
// (max: a binder error). Every expectation is Trino 476's answer (value, type and column name) or its error, asked of
// the shared Trino; a count that varies within a group is refused (Trino reads it from one row, in no fixed order).
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('min and max with a column count', () => {
  it.each<[string, string[], unknown[][]]>([
    ['SELECT min(x, n) AS m FROM (VALUES (5, 2), (1, NULL), (3, 2)) t(x, n)', ['m array(integer)'], [[[3, 5]]]],
    ['SELECT max(x, n) AS m FROM (VALUES (1, 2), (3, NULL), (5, 2)) t(x, n)', ['m array(integer)'], [[[5, 1]]]],
    ['SELECT max(x, n) AS m FROM (VALUES (NULL, 1), (3, 2), (5, 2)) t(x, n)', ['m array(integer)'], [[[5, 3]]]],
    ['SELECT max(x, n) AS m FROM (VALUES (1, NULL), (3, NULL)) t(x, n)', ['m array(integer)'], [[null]]],
    ['SELECT max(x, n) AS m FROM (VALUES (1, 2), (3, 1)) t(x, n) WHERE x > 5', ['m array(integer)'], [[null]]],
    ['SELECT max(x, n) AS m FROM (VALUES (1.5e0, 2), (nan(), 2), (0.5e0, 2), (2.5e0, NULL)) t(x, n)', ['m array(double)'], [[[1.5, 0.5]]]],
    ["SELECT min(x, n) AS m FROM (VALUES ('b', 2), ('a', NULL), ('c', 2)) t(x, n)", ['m array(varchar)'], [[['b', 'c']]]],
    ['SELECT max(x, n) FILTER (WHERE x < 5) AS m FROM (VALUES (1, 2), (3, 2), (5, 2), (4, NULL)) t(x, n)', ['m array(integer)'], [[[3, 1]]]],
    ['SELECT max(x, n + 1) AS m FROM (VALUES (1, 1), (3, NULL), (5, 1), (2, 1)) t(x, n)', ['m array(integer)'], [[[5, 2]]]],
    ['SELECT max(DISTINCT x, n) AS m FROM (VALUES (5, 2), (5, 2), (3, 2), (9, NULL)) t(x, n)', ['m array(integer)'], [[[5, 3]]]],
    ["SELECT max(x, n) AS m FROM (VALUES (1, BIGINT '2'), (3, NULL), (5, 2)) t(x, n)", ['m array(integer)'], [[[5, 1]]]],
    ['SELECT max(x, n) AS m FROM (VALUES (ARRAY[1, 2], 1), (ARRAY[3], 1), (ARRAY[9], NULL)) t(x, n)', ['m array(array(integer))'], [[[[3]]]]],
    [
      "SELECT max(x, n) AS m FROM (VALUES (from_iso8601_timestamp('2020-01-01T00:00:00+01:00'), 1), (from_iso8601_timestamp('2020-01-01T00:30:00Z'), 1), (from_iso8601_timestamp('2021-01-01T00:00:00Z'), NULL)) t(x, n)",
      ['m array(timestamp(3) with time zone)'],
      [[['2020-01-01 00:30:00.000 UTC']]],
    ],
    [
      'SELECT g, max(x, n) AS mx, min(x, n) AS mn FROM (VALUES (1, 1, 2), (1, 3, 2), (1, 9, NULL), (2, 5, 1), (2, 4, 1), (3, 7, NULL)) t(g, x, n) GROUP BY g ORDER BY g',
      ['g integer', 'mx array(integer)', 'mn array(integer)'],
      [
        [1, [3, 1], [1, 3]],
        [2, [5], [4]],
        [3, null, null],
      ],
    ],
  ])('%s', async (sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  // Trino 476: INVALID_FUNCTION_ARGUMENT "second argument of min_n must be less than or equal to 10000; found 20000"
  // (the local engine answered [1]).
  it('a count past 10000 fails as in Trino', async () => {
    await expect(engine.execute('SELECT min(x, n) AS m FROM (VALUES (1, 20000)) t(x, n)')).rejects.toThrow(
      /second argument of min_n must be less than or equal to 10000; found 20000/,
    );
  });

  // Trino 476: INVALID_FUNCTION_ARGUMENT "second argument of max_n must be positive"; the local engine fails with
  // DuckDB's wording ("n value must be > 0"), before the count is checked.
  it('a count of 0 fails', async () => {
    await expect(engine.execute('SELECT max(x, n) AS m FROM (VALUES (1, 0), (2, 0)) t(x, n)')).rejects.toThrow(/n value must be > 0|must be positive/);
  });

  // Trino 476 answers [5, 3] here (n read from the first row it meets, 2), an answer that depends on its plan.
  it('a count that varies within a group is refused', async () => {
    await expect(engine.execute('SELECT max(x, n) AS m FROM (VALUES (1, 2), (3, 1), (5, 3)) t(x, n)')).rejects.toThrow(
      /max\(x, n\) whose n varies among the rows of a group/,
    );
  });
});
