// approx_percentile with a percentile read from the rows (a column, or an expression of one) and with
// `CAST(… AS array(double))` as its percentages (over-refusals: DuckDB's "must appear in the GROUP BY clause" and
// "Cannot apply operator: double[] * bigint"). Trino 476 skips the rows whose value or percentile is NULL and keeps
// the percentile of the last row it reads; where the rows' percentiles differ its answer depends on its row order, so
// that is refused. Every expectation is the shared Trino 476's answer (value and type) or its failure, asked on
// 2026-12-07 (branch loud39).
import { describe, expect, it } from 'vitest';
import { sharedLake, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

describe('approx_percentile with a percentile from the rows', () => {
  it.each<[string, string[], unknown[][]]>([
    ['SELECT approx_percentile(x, p) FROM (VALUES (1, 0.5e0), (2, 0.5e0), (3, 0.5e0)) t(x, p)', ['bigint'], [[2]]],
    // the row whose percentile is NULL is skipped with its value: 1, 3 at 0.5 is 3
    ['SELECT approx_percentile(x, p) FROM (VALUES (1, 0.5e0), (2, NULL), (3, 0.5e0)) t(x, p)', ['bigint'], [[3]]],
    // the row whose value is NULL is skipped with its percentile
    ['SELECT approx_percentile(x, p) FROM (VALUES (1, 0.5e0), (NULL, 0.1e0)) t(x, p)', ['bigint'], [[1]]],
    ['SELECT approx_percentile(x, p) FROM (VALUES (1, 0.5), (2, 0.5), (3, 0.5)) t(x, p)', ['bigint'], [[2]]],
    ['SELECT approx_percentile(x, p / 2) FROM (VALUES (1, 1e0), (2, 1e0), (3, 1e0)) t(x, p)', ['bigint'], [[2]]],
    ["SELECT approx_percentile(x, p) FROM (VALUES (REAL '1.5', 1e0), (REAL '2.5', 1e0)) t(x, p)", ['real'], [[2.5]]],
    ['SELECT approx_percentile(x, p) FROM (VALUES (1e0, ARRAY[0.5e0]), (2e0, ARRAY[0.5e0])) t(x, p)', ['array(double)'], [[[2]]]],
    [
      'SELECT k, approx_percentile(x, p) FROM (VALUES (1, 1, 0.5e0), (1, 2, 0.5e0), (2, 3, 0.1e0), (2, 4, 0.1e0)) t(k, x, p) GROUP BY k ORDER BY k',
      ['integer', 'bigint'],
      [
        [1, 2],
        [2, 3],
      ],
    ],
    ['SELECT approx_percentile(DISTINCT x, p) FROM (VALUES (1, 0.5e0), (1, 0.5e0), (1, 0.5e0), (2, 0.5e0), (3, 0.5e0)) t(x, p)', ['bigint'], [[2]]],
    ['SELECT approx_percentile(x, p) FROM (VALUES (1, 0.5e0)) t(x, p) WHERE x > 5', ['bigint'], [[null]]],
  ])('%s', async (sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });

  it('a percentile outside [0, 1] fails as in Trino', async () => {
    await expect(engine.execute('SELECT approx_percentile(x, p) FROM (VALUES (1, 1.5e0)) t(x, p)')).rejects.toThrow(/Percentile must be between 0 and 1/);
  });

  it('percentiles that differ between rows are refused (Trino 476 keeps the last row read: 3 here)', async () => {
    await expect(engine.execute('SELECT approx_percentile(x, p) FROM (VALUES (1, 0.1e0), (2, 0.5e0), (3, 0.9e0)) t(x, p)')).rejects.toThrow(
      /percentile that differs between rows is refused locally/,
    );
  });
});

describe('approx_percentile with CAST(… AS array(double)) percentages', () => {
  it.each<[string, string[], unknown[][]]>([
    ['SELECT approx_percentile(x, CAST(NULL AS array(double))) FROM (VALUES 1, 2, 3) t(x)', ['array(bigint)'], [[null]]],
    [
      "SELECT approx_percentile(x, TRY_CAST(ARRAY[0.5, 1] AS array(double))), approx_percentile(x, CAST(ARRAY['0.5'] AS array(double))) FROM (VALUES 1e0, 2e0, 3e0) t(x)",
      ['array(double)', 'array(double)'],
      [[[2, 3], [2]]],
    ],
    ['SELECT approx_percentile(x, CAST(NULL AS double)) FROM (VALUES 1, 2, 3) t(x)', ['bigint'], [[null]]],
  ])('%s', async (sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });
});
