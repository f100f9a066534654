// NaN (double and real) in Trino 476, third pass (docs/issue-15-audit.md "Zoned timestamps and NaN, third pass"). Every
// value and type below is the shared Trino 476's answer to the same SQL.
import { describeFunctions } from './harness.js';

// A quantified ordering, `= ALL` and `<> ANY` compare x with the subquery's min() or max() (Trino's plan), not value
// by value: max skips NaN, min orders it above every number, and a NaN bound or x compares false. An empty subquery
// gives false (ANY) or true (ALL); a NULL among its values joins as OR NULL (ANY) or AND NULL (ALL).
const X = 'FROM (VALUES nan(), 0e0, 3e0) t(x)';
const values = (...v: string[]) => `(SELECT y FROM (VALUES ${v.join(', ')}) u(y))`;
describeFunctions(
  'NaN in quantified comparisons',
  [
    ['x > ANY, NaN x', `array_agg(x > ANY ${values('1e0', '2e0')}) ${X}`, [false, false, true], 'array(boolean)'],
    ['x < ALL, NaN x', `array_agg(x < ALL ${values('1e0', '2e0')}) ${X}`, [false, true, false], 'array(boolean)'],
    ['x > ANY of NaN alone', `array_agg(x > ANY ${values('nan()')}) ${X}`, [false, false, false], 'array(boolean)'],
    ['x < ALL of NaN and 5 (min is 5)', `array_agg(x < ALL ${values('nan()', '5e0')}) ${X}`, [false, true, true], 'array(boolean)'],
    ['x >= ALL of NaN alone', `array_agg(x >= ALL ${values('nan()')}) ${X}`, [false, false, false], 'array(boolean)'],
    ['x <= SOME of NaN and 1 (max is 1)', `array_agg(x <= SOME ${values('nan()', '1e0')}) ${X}`, [false, true, false], 'array(boolean)'],
    ['2 > ALL of NaN and 1', `2e0 > ALL ${values('nan()', '1e0')}`, true, 'boolean'],
    ['0 < ALL of NaN and 3', `0e0 < ALL ${values('nan()', '3e0')}`, true, 'boolean'],
    ['Infinity >= ALL of NaN and 1', `infinity() >= ALL ${values('nan()', '1e0')}`, true, 'boolean'],
    ['-Infinity < ANY of NaN', `-infinity() < ANY ${values('nan()')}`, false, 'boolean'],
    ['a NULL among the values', `array_agg(x > ANY ${values('1e0', 'CAST(NULL AS double)')}) ${X}`, [null, null, true], 'array(boolean)'],
    ['NaN and NULL: x < ALL', `0e0 < ALL ${values('nan()', 'CAST(NULL AS double)')}`, false, 'boolean'],
    ['NaN x > ALL of NULL', `nan() > ALL ${values('CAST(NULL AS double)')}`, null, 'boolean'],
    ['NaN x > ALL of nothing', 'nan() > ALL (SELECT 1e0 WHERE false)', true, 'boolean'],
    ['x = ALL of 1 and NaN', `1 = ALL ${values('1e0', 'nan()')}`, true, 'boolean'],
    ['NaN = ALL of NaN', `array_agg(x = ALL ${values('nan()', 'nan()')}) ${X}`, [false, false, false], 'array(boolean)'],
    ['x <> ANY of 1 and NaN', `1e0 <> ANY ${values('1e0', 'nan()')}`, false, 'boolean'],
    ['NaN <> ANY of NaN', `array_agg(x <> ANY ${values('nan()')}) ${X}`, [true, true, true], 'array(boolean)'],
    ['reals', `CAST(2 AS real) > ALL (VALUES CAST(nan() AS real), REAL '1')`, true, 'boolean'],
    ['WHERE x > ANY', `array_agg(x) FROM (VALUES nan(), 0e0, 3e0) t(x) WHERE x > ANY ${values('1e0')}`, [3], 'array(double)'],
    ['WHERE x >= ALL among conjuncts', `array_agg(x) FROM (VALUES 1e0, 2e0) t(x) WHERE x >= ALL ${values('1e0', 'nan()')} AND x > 0`, [1, 2], 'array(double)'],
    [
      'correlated',
      `array_agg(x > ALL (SELECT b FROM (VALUES (1, 1e0), (2, nan()), (3, 4e0)) u(k, b) WHERE u.k <= t.x)) FROM (VALUES 2e0, 3e0, nan()) t(x)`,
      [true, false, true],
      'array(boolean)',
    ],
    [
      'HAVING max(x) > ALL',
      `array_agg(k) FROM (SELECT k FROM (VALUES (1, 1e0), (1, nan()), (2, 7e0)) t(k, a) GROUP BY k HAVING max(a) > ALL ${values('1e0', '5e0')})`,
      [2],
      'array(integer)',
    ],
    ['integers with a NULL', `array_agg(a > ANY ${values('1', '2', 'NULL')}) FROM (VALUES 1, 2, 3, NULL) t(a)`, [null, true, true, null], 'array(boolean)'],
    [
      'integers, = ALL and <> SOME',
      `array_agg(ARRAY[a = ALL ${values('2', '2')}, a <> SOME ${values('2', '2')}]) FROM (VALUES 1, 2) t(a)`,
      [
        [false, true],
        [true, false],
      ],
      'array(array(boolean))',
    ],
    ['texts', `array_agg(s > ANY ${values("'a'", "'b'")}) FROM (VALUES 'a', 'c') t(s)`, [false, true], 'array(boolean)'],
    [
      'zoned: one instant in two zones',
      "TIMESTAMP '2025-01-01 01:00:00 +01:00' = ALL (VALUES TIMESTAMP '2025-01-01 00:00:00 UTC', TIMESTAMP '2025-01-01 02:00:00 +02:00')",
      true,
      'boolean',
    ],
  ],
  [['a subquery of two columns', '1 > ANY (SELECT 1, 2)', /2 columns/]],
);

// histogram of values holding NaN: Trino counts NaN as one key beside the others; DuckDB's histogram counted every
// value under the NaN key ({NaN: 3} for NaN, 1, 2). The values are sorted: map_values of a histogram comes in Athena's
// hash order, refused locally (unfaithful/hash-order; the sorted answers asked of Trino 476 on 2026-12-07, hash40).
describeFunctions('NaN in histogram', [
  ['keys and counts', 'array_sort(map_values(histogram(x))) FROM (VALUES nan(), nan(), 1e0) v(x)', [1, 2], 'array(bigint)'],
  ['entries', 'cardinality(histogram(x)) FROM (VALUES nan(), 1e0, 2e0) v(x)', 3, 'bigint'],
  ['a number key beside NaN', 'histogram(x)[2e0] FROM (VALUES nan(), 1e0, 2e0, 2e0) v(x)', 2, 'bigint'],
  ['reals', "cardinality(histogram(x)) FROM (VALUES CAST(nan() AS real), REAL '1') v(x)", 2, 'bigint'],
  ['NaN alone', 'array_sort(map_values(histogram(x))) FROM (VALUES nan()) v(x)', [1], 'array(bigint)'],
  ['over a window', 'cardinality(histogram(x) OVER ()) FROM (VALUES nan(), 1e0) v(x)', 2, 'bigint'],
  ['integers as before', 'array_sort(map_values(histogram(x))) FROM (VALUES 1, 1) v(x)', [2], 'array(bigint)'],
]);
