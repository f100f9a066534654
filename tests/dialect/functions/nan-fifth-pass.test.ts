// NaN in Trino 476, fifth pass (docs/issue-15-audit.md "Zoned timestamps and NaN, fifth pass"). Every value and type
// below is the shared Trino 476's answer to the same SQL.
import { describeFunctions } from './harness.js';

// max and max_by of arrays holding NaN inside a subquery that may read outer columns: the NaN-below key is picked
// inside a lambda where the value has its type, as outside (were: refused while running).
const OUTER = 'FROM (VALUES 1) v(k)';
describeFunctions('max and max_by of arrays holding NaN in a subquery that reads outer columns', [
  ['max', `(SELECT max(w.a) FROM (VALUES ARRAY[nan(), 5e0], ARRAY[1e0, 2e0]) w(a) WHERE v.k = 1) ${OUTER}`, [1, 2], 'array(double)'],
  ['max(x, n)', `(SELECT max(w.a, 1) FROM (VALUES ARRAY[nan(), 5e0], ARRAY[1e0, 2e0]) w(a) WHERE v.k = 1) ${OUTER}`, [[1, 2]], 'array(array(double))'],
  ['max of reals', `(SELECT max(w.a) FROM (VALUES ARRAY[CAST(nan() AS real), 5], ARRAY[REAL '1', 2]) w(a) WHERE v.k = 1) ${OUTER}`, [1, 2], 'array(real)'],
  [
    'max of arrays of arrays',
    `(SELECT max(w.a) FROM (VALUES ARRAY[ARRAY[nan(), 5e0]], ARRAY[ARRAY[1e0, 2e0]]) w(a) WHERE v.k = 1) ${OUTER}`,
    [[1, 2]],
    'array(array(double))',
  ],
  [
    'max … FILTER',
    `(SELECT max(w.a) FILTER (WHERE w.a[2] < 9) FROM (VALUES ARRAY[nan(), 5e0], ARRAY[1e0, 2e0]) w(a) WHERE v.k = 1) ${OUTER}`,
    [1, 2],
    'array(double)',
  ],
  ['max_by', `(SELECT max_by(w.i, w.a) FROM (VALUES (1, ARRAY[nan(), 5e0]), (2, ARRAY[1e0, 2e0])) w(i, a) WHERE v.k = 1) ${OUTER}`, 2, 'integer'],
  ['integers keep their max', `(SELECT max(w.a) FROM (VALUES ARRAY[3, 5], ARRAY[4, 2]) w(a) WHERE v.k = 1) ${OUTER}`, [4, 2], 'array(integer)'],
]);
