// NaN (double and real) in Trino 476, second pass (docs/issue-15-audit.md "NaN, second pass"): the places the first
// pass (nan-semantics.test.ts) left different. Every value and type below is the shared Trino 476's answer to the same
// SQL.
import { describeFunctions } from './harness.js';

const NANS = 'FROM (VALUES nan(), 2e0, 0.5e0, -infinity()) t(x)';

// Trino answers NULL for a NaN column between a NULL literal and a value (NOT BETWEEN too), where `NULL <= x AND x <= 1`
// is false; a NaN it folds while planning (`nan() BETWEEN NULL AND 1`) stays false, and a NULL column bound too.
describeFunctions('NaN BETWEEN a NULL literal', [
  ['x BETWEEN NULL AND 1', `array_agg(x BETWEEN NULL AND 1) ${NANS}`, [null, false, null, null], 'array(boolean)'],
  ['x BETWEEN 3 AND NULL', `array_agg(x BETWEEN 3 AND NULL) ${NANS}`, [null, false, false, false], 'array(boolean)'],
  ['x NOT BETWEEN NULL AND 1', `array_agg(x NOT BETWEEN NULL AND 1) ${NANS}`, [null, true, null, null], 'array(boolean)'],
  ['a typed NULL bound', `array_agg(x BETWEEN CAST(NULL AS double) AND 1) ${NANS}`, [null, false, null, null], 'array(boolean)'],
  ['integers', 'array_agg(x BETWEEN NULL AND 1) FROM (VALUES 2, 0) t(x)', [false, null], 'array(boolean)'],
  ['a constant NaN', 'nan() BETWEEN NULL AND 1', false, 'boolean'],
  ['a NULL column bound', 'x BETWEEN y AND 1 FROM (VALUES (nan(), CAST(NULL AS double))) t(x, y)', false, 'boolean'],
]);
