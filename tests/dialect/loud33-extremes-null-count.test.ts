// min(x, NULL) and max(x, NULL), also in a window (docs/issue-15-audit.md "sum and avg with an ORDER BY, min and max
// of a NULL count (session of 2026-12-06 night, branch loud33)"): the local engine failed ("Invalid input for
// MIN/MAX: n value cannot be NULL") where Trino 476 answers NULL. Every expectation is Trino 476's answer (value, type
// and column name) or its error, asked of the shared Trino.
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('min and max of a NULL count', () => {
  it.each<[string, string[], unknown[][]]>([
    ['SELECT max(x, NULL) m, min(x, NULL) n FROM (VALUES 1, 2) t(x)', ['m array(integer)', 'n array(integer)'], [[null, null]]],
    [
      'SELECT x, max(x, NULL) OVER () m FROM (VALUES 1, 2) t(x) ORDER BY x',
      ['x integer', 'm array(integer)'],
      [
        [1, null],
        [2, null],
      ],
    ],
    [
      'SELECT max(x, NULL) m, min(x, CAST(NULL AS bigint)) n FROM (VALUES ARRAY[1, NULL], ARRAY[2, NULL]) t(x)',
      ['m array(array(integer))', 'n array(array(integer))'],
      [[null, null]],
    ],
    ['SELECT max(x, CAST(NULL AS integer)) m FROM (VALUES 1, 2) t(x)', ['m array(integer)'], [[null]]],
    [
      'SELECT k, max(x, NULL) OVER (PARTITION BY k) m, min(DISTINCT x, NULL) OVER () n FROM (VALUES (1, 1.5e0), (2, nan())) t(k, x) ORDER BY k',
      ['k integer', 'm array(double)', 'n array(double)'],
      [
        [1, null, null],
        [2, null, null],
      ],
    ],
    ["SELECT max(x, NULL) m FROM (VALUES from_iso8601_timestamp('2020-01-01T00:00:00+01:00')) t(x)", ['m array(timestamp(3) with time zone)'], [[null]]],
    [
      "SELECT k, max(x, NULL) m FROM (VALUES (1, 'a'), (2, 'b')) t(k, x) GROUP BY k ORDER BY k",
      ['k integer', 'm array(varchar)'],
      [
        [1, null],
        [2, null],
      ],
    ],
    ['SELECT max(x, NULL) m FROM (VALUES 1) t(x) WHERE x > 5', ['m array(integer)'], [[null]]],
  ])('%s', async (sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  // A map is not orderable (Trino 476: FUNCTION_NOT_FOUND "Unexpected parameters (map(integer,integer), unknown)").
  it('a map still fails', async () => {
    await expect(engine.execute('SELECT max(x, NULL) m FROM (VALUES map(ARRAY[1], ARRAY[2])) t(x)')).rejects.toThrow(/FUNCTION_NOT_FOUND/);
  });
});

describe('min and max in a window with a count that is no literal', () => {
  // Silent before: Trino 476 skips the rows whose n is NULL ([1] for both rows), the local engine read them ([2, 1]).
  it.each<[string]>([
    ['SELECT x, max(x, n) OVER () m FROM (VALUES (1, 2), (2, NULL)) t(x, n) ORDER BY x'],
    ['SELECT x, min(x, n + 0) OVER () m FROM (VALUES (1, 2), (2, NULL)) t(x, n) ORDER BY x'],
  ])('%s is refused', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(/unfaithful\/min-max-count/);
  });

  // A literal count still answers (Trino 476: [2, 1] for both rows).
  it('a literal count answers', async () => {
    expect(await namedResult(engine, 'SELECT x, max(x, 2) OVER () m FROM (VALUES (1, 2), (2, NULL)) t(x, n) ORDER BY x')).toEqual({
      columns: ['x integer', 'm array(integer)'],
      rows: [
        [1, [2, 1]],
        [2, [2, 1]],
      ],
    });
  });
});
