// NaN in Trino 476, fourth pass (docs/issue-15-audit.md "Zoned timestamps and NaN, fourth pass"). Every value and type
// below is the shared Trino 476's answer to the same SQL.
import { describeFunctions } from './harness.js';

// Trino's max, max(x, n), max_by and greatest order an array of doubles or reals element by element with NaN below
// every number (min and least order it above, as DuckDB does). They were refused while running; max(x, n) answered
// silently with the NaN array first.
const NAN_5 = 'ARRAY[nan(), 5e0]';
describeFunctions('max, max_by and greatest of arrays holding NaN', [
  ['max of [NaN, 5] and [1, 2]', `max(a) FROM (VALUES ${NAN_5}, ARRAY[1e0, 2e0]) t(a)`, [1, 2], 'array(double)'],
  ['max of [2, NaN], [2, 1], [2, 3]', 'max(a) FROM (VALUES ARRAY[2e0, nan()], ARRAY[2e0, 1e0], ARRAY[2e0, 3e0]) t(a)', [2, 3], 'array(double)'],
  ['NaN is below -Infinity', `max(a) FROM (VALUES ARRAY[-infinity(), 3e0], ${NAN_5}) t(a)`, [Number.NEGATIVE_INFINITY, 3], 'array(double)'],
  ['NaN arrays alone', 'max(a) FROM (VALUES ARRAY[nan()], ARRAY[nan(), nan()]) t(a)', [Number.NaN, Number.NaN], 'array(double)'],
  ['an array of reals', `max(a) FROM (VALUES ARRAY[CAST(nan() AS real), 5], ARRAY[REAL '1', 2]) t(a)`, [1, 2], 'array(real)'],
  ['a NULL element', `max(a) FROM (VALUES ${NAN_5}, ARRAY[1e0, NULL]) t(a)`, [1, null], 'array(double)'],
  ['a NULL array and an empty one', `max(a) FROM (VALUES ${NAN_5}, NULL, ARRAY[]) t(a)`, [Number.NaN, 5], 'array(double)'],
  ['FILTER', `max(a) FILTER (WHERE k > 0) FROM (VALUES (1, ${NAN_5}), (2, ARRAY[1e0, 2e0]), (0, ARRAY[9e0])) t(k, a)`, [1, 2], 'array(double)'],
  ['DISTINCT', `max(DISTINCT a) FROM (VALUES ${NAN_5}, ARRAY[1e0, 2e0]) t(a)`, [1, 2], 'array(double)'],
  [
    'OVER',
    `array_agg(m ORDER BY k) FROM (SELECT k, max(a) OVER (ORDER BY k) m FROM (VALUES (1, ${NAN_5}), (2, ARRAY[1e0, 2e0])) t(k, a))`,
    [
      [Number.NaN, 5],
      [1, 2],
    ],
    'array(array(double))',
  ],
  ['an array of arrays', 'max(a) FROM (VALUES ARRAY[ARRAY[nan()]], ARRAY[ARRAY[1e0]]) t(a)', [[1]], 'array(array(double))'],
  ['max(x, 2)', `max(a, 2) FROM (VALUES ${NAN_5}, ARRAY[1e0, 2e0], ARRAY[0e0]) t(a)`, [[1, 2], [0]], 'array(array(double))'],
  [
    'max(x, 3) reaching the NaN arrays',
    'max(a, 3) FROM (VALUES ARRAY[nan()], ARRAY[1e0], ARRAY[nan(), 1e0]) t(a)',
    [[1], [Number.NaN, 1], [Number.NaN]],
    'array(array(double))',
  ],
  ['max_by of an array key', `max_by(k, a) FROM (VALUES (1, ${NAN_5}), (2, ARRAY[1e0, 2e0])) t(k, a)`, 2, 'integer'],
  ['max_by of a NULL value', `max_by(k, a) FROM (VALUES (1, ${NAN_5}), (NULL, ARRAY[1e0, 2e0])) t(k, a)`, null, 'integer'],
  ['max_by of an array of arrays key', 'max_by(k, a) FROM (VALUES (1, ARRAY[ARRAY[nan(), 5e0]]), (2, ARRAY[ARRAY[1e0, 2e0]])) t(k, a)', 2, 'integer'],
  ['greatest', 'greatest(ARRAY[nan()], ARRAY[1e0])', [1], 'array(double)'],
  ['greatest of three', 'greatest(ARRAY[nan(), 9e0], ARRAY[-infinity()], ARRAY[nan()])', [Number.NEGATIVE_INFINITY], 'array(double)'],
  ['greatest of columns', 'greatest(a, b) FROM (VALUES (ARRAY[2e0, nan()], ARRAY[2e0, 1e0])) t(a, b)', [2, 1], 'array(double)'],
  ['greatest of arrays of arrays', 'greatest(ARRAY[ARRAY[nan()]], ARRAY[ARRAY[1e0]])', [[1]], 'array(array(double))'],
  // Unchanged: min keeps DuckDB's order, other element types their own.
  ['min', `min(a) FROM (VALUES ${NAN_5}, ARRAY[1e0, 2e0]) t(a)`, [1, 2], 'array(double)'],
  [
    'max(x, 2) without NaN',
    'max(a, 2) FROM (VALUES ARRAY[1e0, 5e0], ARRAY[1e0, 2e0], ARRAY[0e0]) t(a)',
    [
      [1, 5],
      [1, 2],
    ],
    'array(array(double))',
  ],
]);

// Quantified comparisons with arrays of doubles holding NaN: the subquery's upper bound is Trino's max (NaN below
// every number inside), and `= ALL` compares arrays as Trino does (NaN equals nothing). Were: DuckDB's max (false,
// true) and DuckDB's array equality (true).
const BOUNDS = '(SELECT a FROM (VALUES ARRAY[nan(), 5e0], ARRAY[0e0, 1e0]) t(a))';
describeFunctions('quantified comparisons over arrays holding NaN', [
  ['> ALL', `ARRAY[1e0, 2e0] > ALL ${BOUNDS}`, true, 'boolean'],
  ['< ANY', `ARRAY[1e0, 2e0] < ANY ${BOUNDS}`, false, 'boolean'],
  ['> ANY', `ARRAY[1e0, 2e0] > ANY ${BOUNDS}`, true, 'boolean'],
  ['= ALL of one NaN array', 'ARRAY[nan(), 5e0] = ALL (SELECT a FROM (VALUES ARRAY[nan(), 5e0]) t(a))', false, 'boolean'],
  ['<> ANY of one NaN array', 'ARRAY[nan(), 5e0] <> ANY (SELECT a FROM (VALUES ARRAY[nan(), 5e0]) t(a))', true, 'boolean'],
  [
    'scalars keep their bounds',
    'ARRAY[2e0 > ALL (VALUES nan(), 1e0), nan() > ANY (VALUES 1e0), 1 = ALL (VALUES 1e0, nan())]',
    [true, false, true],
    'array(boolean)',
  ],
]);
