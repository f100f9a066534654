// avg, corr and the covariance family, geometric_mean of a value holding a macro that picks its overload by the
// column's type: tan(x), ln(x), sqrt(x) of a VALUES column (trino_floating_operand) and nullif of two columns
// (trino_cmp_column). The aggregate's type witness read the value inside (SELECT …), where the column is an outer one
// whose type tag DuckDB does not fold, and the query failed with DuckDB's "multiple overloads" (hunt38). The witness
// takes such a value through a lambda now. Every expectation is the shared Trino 476's answer (value and type), asked
// on 2026-12-07 (branch loud39).
import { describe, expect, it } from 'vitest';
import { sharedLake, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

describe('an aggregate of a value whose macro picks its overload by type', () => {
  it.each<[string, string[], unknown[][]]>([
    ['SELECT avg(ln(x)), avg(sqrt(x)) FROM (VALUES 1, NULL) t(x)', ['double', 'double'], [[0, 1]]],
    ['SELECT avg(sqrt(x)), avg(nullif(x, y)) FROM (VALUES (4e0, 1e0), (16e0, 16e0), (NULL, 1e0)) t(x, y)', ['double', 'double'], [[3, 4]]],
    [
      'SELECT k, avg(sqrt(x)) FROM (VALUES (1, 4e0), (1, NULL), (2, 16e0)) t(k, x) GROUP BY k ORDER BY k',
      ['integer', 'double'],
      [
        [1, 2],
        [2, 4],
      ],
    ],
    ['SELECT avg(DISTINCT sqrt(x)) FILTER (WHERE x > 1) FROM (VALUES 1e0, 4e0, 4e0, 16e0, NULL) t(x)', ['double'], [[3]]],
    ['SELECT corr(nullif(x, x), x) FROM (VALUES 1e0, NULL) t(x)', ['double'], [[null]]],
    [
      'SELECT covar_pop(nullif(x, 2e0), x), regr_slope(x, nullif(x, y)) FROM (VALUES (1e0, 1e0), (2e0, 3e0), (NULL, 2e0)) t(x, y)',
      ['double', 'double'],
      [[0, null]],
    ],
    [
      "SELECT corr(nullif(x, x), x), covar_pop(nullif(x, y), y) FROM (VALUES (REAL '1', REAL '2'), (REAL '3', REAL '3'), (NULL, NULL)) t(x, y)",
      ['real', 'real'],
      [[null, 0]],
    ],
    ['SELECT geometric_mean(sqrt(x)) FROM (VALUES 16e0, 16e0, NULL) t(x)', ['double'], [[4]]],
    [
      'SELECT avg(sqrt(x)) OVER (), x FROM (VALUES 4e0, 16e0) t(x) ORDER BY x',
      ['double', 'double'],
      [
        [3, 4],
        [3, 16],
      ],
    ],
    [
      'SELECT corr(nullif(x, y), y) OVER (), x FROM (VALUES (1e0, 2e0), (2e0, 5e0)) t(x, y) ORDER BY x',
      ['double', 'double'],
      [
        [1, 1],
        [1, 2],
      ],
    ],
    ['SELECT (SELECT avg(sqrt(x)) FROM (VALUES 4e0, NULL) t(x) WHERE x > u.y) FROM (VALUES 1e0) u(y)', ['double'], [[2]]],
  ])('%s', async (sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });

  it('an unknown column inside is still reported by name', async () => {
    await expect(engine.execute('SELECT avg(tan(y)) FROM (VALUES 1, NULL) t(x)')).rejects.toThrow(/"y" not found/);
  });
});
