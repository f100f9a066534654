// sum and avg of a scalar subquery that aggregates: the subquery's aggregate is its own, so the outer call keeps
// Trino's result type. The translator took the text's max( for an aggregate argument and fell back to DuckDB's sum and
// avg (a double for reals and decimals; the random tier, seed 20261220: avg((SELECT regr_slope(x, y) FROM UNNEST(…)))
// was a double, Trino 476's is a real). Values and types are the shared Trino 476's answers.
import { describeFunctions } from './harness.js';

describeFunctions('sum and avg of an aggregating scalar subquery', [
  ['avg of a decimal maximum', "avg((SELECT max(x) FROM (VALUES DECIMAL '1.50') t(x)))", '1.50', 'decimal(3,2)'],
  ['avg DISTINCT of a decimal maximum', "avg(DISTINCT (SELECT max(x) FROM (VALUES DECIMAL '1.50') t(x)))", '1.50', 'decimal(3,2)'],
  ['sum of a real maximum', "sum((SELECT max(x) FROM (VALUES REAL '1.5') t(x)))", 1.5, 'real'],
  ['avg of regr_slope over UNNEST', 'avg((SELECT regr_slope(x, y) FROM UNNEST(ARRAY[1, 2, 3], ARRAY[2, 4, 7]) AS u(x, y)))', 0.39473686, 'real'],
  ['avg of an integer maximum is a double', 'avg((SELECT max(x) FROM (VALUES 1) t(x)))', 1, 'double'],
  ['avg of a real plus a count', "avg(x + (SELECT count(*) FROM (VALUES 1) s(v))) FROM (VALUES REAL '1.5') t(x)", 2.5, 'real'],
  ["a subquery's text in quotes does not end it", "avg((SELECT max(x) FROM (VALUES (DECIMAL '1.50', ')')) t(x, s)))", '1.50', 'decimal(3,2)'],
]);
