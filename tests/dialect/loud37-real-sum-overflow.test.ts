// sum() of reals whose total is past the real range: Trino 476 sums a real column as a double and makes the total
// real as Java's (float) cast does, so the answer is ±Infinity (real); DuckDB's cast of the double total to FLOAT
// failed "out of range" (loud). Every expectation is the shared Trino 476's answer (value and type), asked on
// 2026-12-07 (branch loud37).
import { describe, expect, it } from 'vitest';
import { sharedLake, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

describe('sum of reals past the real range', () => {
  it.each<[string, string, string[], unknown[][]]>([
    ['two large reals', "SELECT sum(x) FROM (VALUES REAL '3e38', REAL '3e38') t(x)", ['real'], [[Infinity]]],
    ['negative', "SELECT sum(x) FROM (VALUES REAL '-3e38', REAL '-3e38', REAL '1') t(x)", ['real'], [[-Infinity]]],
    // The total is a double until the end: it comes back within the range.
    ['back within the range', "SELECT sum(x) FROM (VALUES REAL '3e38', REAL '3e38', REAL '-3e38') t(x)", ['real'], [[3e38]]],
    [
      'DISTINCT, FILTER and a double beside',
      "SELECT sum(DISTINCT x), sum(x) FILTER (WHERE x > 0), sum(CAST(x AS double)) FROM (VALUES REAL '3e38', REAL '3e38', REAL '-1') t(x)",
      ['real', 'real', 'double'],
      [[3e38, Infinity, 6.0000000109955115e38]],
    ],
    [
      'a running window, then NaN',
      "SELECT k, sum(x) OVER (ORDER BY k) FROM (VALUES (1, REAL '3e38'), (2, REAL '3e38'), (3, REAL 'NaN')) t(k, x) ORDER BY k",
      ['integer', 'real'],
      [
        [1, 3e38],
        [2, Infinity],
        [3, Number.NaN],
      ],
    ],
    [
      'a window over an aggregate',
      "SELECT g, sum(sum(x)) OVER () FROM (VALUES (1, REAL '3e38'), (2, REAL '3e38')) t(g, x) GROUP BY g ORDER BY g",
      ['integer', 'real'],
      [
        [1, Infinity],
        [2, Infinity],
      ],
    ],
    [
      'GROUP BY and HAVING',
      "SELECT g, sum(x) FROM (VALUES (1, REAL '3e38'), (1, REAL '3e38'), (2, REAL '1'), (3, REAL '5')) t(g, x) GROUP BY g HAVING sum(x) > 2 ORDER BY g",
      ['integer', 'real'],
      [
        [1, Infinity],
        [3, 5],
      ],
    ],
    [
      'in a correlated subquery',
      "SELECT a, (SELECT sum(x) FROM (VALUES REAL '3e38', REAL '3e38') w(x) WHERE x > a) FROM (VALUES 0) t(a)",
      ['integer', 'real'],
      [[0, Infinity]],
    ],
    [
      'other sums keep their types',
      "SELECT sum(x), sum(CAST(x AS bigint)), sum(CAST(x AS decimal(5,1))), sum(INTERVAL '1' DAY) FROM (VALUES 1, 2) t(x)",
      ['bigint', 'bigint', 'decimal(38,1)', 'interval day to second'],
      [[3, 3, '3.0', '2 00:00:00.000']],
    ],
  ])('%s', async (_name, sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });
});
