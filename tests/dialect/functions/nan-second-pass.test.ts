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

// A conjunct `x IN (subquery)` of WHERE, HAVING or ON is a semi join in Trino: a NaN x matches no NaN and the row is
// dropped. In a select list, under OR, and as NOT IN, Trino finds NaN among the subquery's values, as DuckDB does.
const XK = 'FROM (VALUES (nan(), 1), (1e0, 2)) t(x, k)';
describeFunctions('NaN IN a subquery', [
  ['WHERE x IN (SELECT nan())', 'count(*) FROM (VALUES nan(), 1e0) t(x) WHERE x IN (SELECT nan())', 0, 'bigint'],
  ['WHERE x IN (subquery of NaN and 2)', 'count(*) FROM (VALUES nan(), 1e0) t(x) WHERE x IN (SELECT y FROM (VALUES nan(), 2e0) u(y))', 0, 'bigint'],
  ['a conjunct among others', `count(*) ${XK} WHERE k > 0 AND x IN (SELECT nan()) AND k < 5`, 0, 'bigint'],
  ['after a BETWEEN', `count(*) ${XK} WHERE k BETWEEN 0 AND 5 AND x IN (SELECT y FROM (VALUES nan(), 1e0) u(y))`, 1, 'bigint'],
  ['HAVING', `count(*) FROM (SELECT k ${XK} GROUP BY k HAVING max(x) IN (SELECT nan()))`, 0, 'bigint'],
  ['an inner join ON', `count(*) ${XK} JOIN (VALUES 1, 2) c(k2) ON k = k2 AND x IN (SELECT nan())`, 0, 'bigint'],
  ['under OR it keeps NaN', 'count(*) FROM (VALUES nan(), 1e0) t(x) WHERE x IN (SELECT nan()) OR x = 1', 2, 'bigint'],
  ['NOT IN', 'count(*) FROM (VALUES nan(), 1e0) t(x) WHERE x NOT IN (SELECT nan())', 1, 'bigint'],
  ['NOT (x IN …)', 'count(*) FROM (VALUES nan(), 1e0) t(x) WHERE NOT (x IN (SELECT nan()))', 1, 'bigint'],
  ['in a select list', 'x IN (SELECT y FROM (VALUES nan(), 2e0) u(y)) FROM (VALUES nan()) t(x)', true, 'boolean'],
  ['integers', 'count(*) FROM (VALUES 1, 2) t(x) WHERE x IN (SELECT 1)', 1, 'bigint'],
]);
