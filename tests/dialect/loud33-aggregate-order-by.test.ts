// sum and avg with their own ORDER BY (docs/issue-15-audit.md "sum and avg with an ORDER BY (session of 2026-12-06
// night, branch loud33)"): the local engine failed ("Function "trino_summand" is a Macro Function. … "ORDER BY" are
// only applicable to aggregate functions") where Trino 476 answers. Every expectation is Trino 476's answer (value,
// type and column name) or its error, asked of the shared Trino.
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('sum and avg with an ORDER BY inside the call', () => {
  it.each<[string, string[], unknown[][]]>([
    ['SELECT sum(x ORDER BY y) s, avg(x ORDER BY y DESC, x) a FROM (VALUES (1, 2), (3, 1)) t(x, y)', ['s bigint', 'a double'], [[4, 2]]],
    // Trino 476 does not evaluate the keys of an order-insensitive aggregate: no division by zero.
    ['SELECT sum(x ORDER BY 1 / y) s, avg(x ORDER BY 1 / y) a FROM (VALUES (1, 0), (3, 1)) t(x, y)', ['s bigint', 'a double'], [[4, 2]]],
    [
      `SELECT k, sum(DISTINCT x ORDER BY x) s, avg(DISTINCT x ORDER BY x DESC) a, sum(x ORDER BY y) FILTER (WHERE y > 0) f
         FROM (VALUES (1, 2, 1), (1, 2, 0), (2, 5, 3), (2, NULL, 4)) t(k, x, y) GROUP BY k ORDER BY k`,
      ['k integer', 's bigint', 'a double', 'f bigint'],
      [
        [1, 2, 2, 2],
        [2, 5, 5, 5],
      ],
    ],
    [
      "SELECT sum(x ORDER BY y) s, avg(x ORDER BY y) a FROM (VALUES (INTERVAL '1' DAY, 2), (INTERVAL '2' HOUR, 1)) t(x, y)",
      ['s interval day to second', 'a interval day to second'],
      [['1 02:00:00.000', '0 13:00:00.000']],
    ],
    [
      "SELECT sum(x ORDER BY y) s, avg(x ORDER BY y) a FROM (VALUES (DECIMAL '1.25', 2), (DECIMAL '2.50', 1)) t(x, y)",
      ['s decimal(38,2)', 'a decimal(3,2)'],
      [['3.75', '1.88']],
    ],
    ['SELECT sum(x ORDER BY y) s, avg(x ORDER BY y) a FROM (VALUES (1, 2)) t(x, y) WHERE x > 5', ['s bigint', 'a double'], [[null, null]]],
    [
      'SELECT x, sum(x ORDER BY y) OVER () s FROM (VALUES (1, 2), (3, 1)) t(x, y) ORDER BY x',
      ['x integer', 's bigint'],
      [
        [1, 4],
        [3, 4],
      ],
    ],
    // A key with a parenthesis in a string: the ORDER BY is found outside quotes.
    ["SELECT sum(x ORDER BY 'a)b', y) s FROM (VALUES (1, 2), (3, 1)) t(x, y)", ['s bigint'], [[4]]],
  ])('%s', async (sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  // Trino 476 still checks the keys' types: TYPE_MISMATCH "ORDER BY can only be applied to orderable types".
  it('an ORDER BY over a map fails', async () => {
    await expect(engine.execute('SELECT sum(x ORDER BY m) s FROM (VALUES (1, map(ARRAY[1], ARRAY[2]))) t(x, m)')).rejects.toThrow(/TYPE_MISMATCH/);
  });
});
