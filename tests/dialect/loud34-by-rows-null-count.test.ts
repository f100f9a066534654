// max_by(x, key, NULL) and min_by(x, key, NULL) (docs/issue-15-audit.md "Zoned contains and array_position, max_by of
// a NULL count, IN lists (session of 2026-12-07 early morning, branch loud34)"): refused before (unfaithful/by-rows, "must be an integer
// literal") where Trino 476 answers NULL of type array(x's type), grouped, in a window and over no rows too. Every
// expectation is Trino 476's answer (value, type and column name), asked of the shared Trino.
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('max_by and min_by of a NULL count', () => {
  it.each<[string, string[], unknown[][]]>([
    [
      'SELECT max_by(x, k, NULL) AS m, min_by(x, k, CAST(NULL AS bigint)) AS n FROM (VALUES (1, 2), (3, 4)) t(x, k)',
      ['m array(integer)', 'n array(integer)'],
      [[null, null]],
    ],
    [
      "SELECT g, max_by(x, k, NULL) AS m FROM (VALUES (1, 'a', 2), (1, 'b', 4), (2, 'c', 1)) t(g, x, k) GROUP BY g ORDER BY g",
      ['g integer', 'm array(varchar)'],
      [
        [1, null],
        [2, null],
      ],
    ],
    [
      'SELECT x, max_by(x, k, NULL) OVER () AS m FROM (VALUES (1, 2), (3, 4)) t(x, k) ORDER BY x',
      ['x integer', 'm array(integer)'],
      [
        [1, null],
        [3, null],
      ],
    ],
    ['SELECT max_by(x, k, NULL) AS m FROM (VALUES (1, 2)) t(x, k) WHERE k > 5', ['m array(integer)'], [[null]]],
    ['SELECT max_by(x, k, NULL) AS m FROM (VALUES (ARRAY[1, NULL], 2e0), (ARRAY[2], nan())) t(x, k)', ['m array(array(integer))'], [[null]]],
    [
      "SELECT min_by(x, k, CAST(NULL AS integer)) AS m FROM (VALUES (from_iso8601_timestamp('2020-01-01T01:00:00+01:00'), 1)) t(x, k)",
      ['m array(timestamp(3) with time zone)'],
      [[null]],
    ],
  ])('%s', async (sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  // A count that is no literal and not NULL stays refused (Trino takes one row's value there).
  it('a column count stays refused', async () => {
    await expect(engine.execute('SELECT max_by(x, k, k) m FROM (VALUES (1, 2)) t(x, k)')).rejects.toThrow(/unfaithful\/by-rows/);
  });
});
