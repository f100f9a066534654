// sum and avg of an expression of type unknown inside a subquery that reads the outer row (docs/issue-15-audit.md
// "NULL-typed arguments, row widths and untyped aggregates"): Trino 476 fails AMBIGUOUS_FUNCTION_CALL as at the top
// level, where the local engine answered a bigint (double) NULL; unknown-aggregates.ts now checks the value's type
// through its one-element list there too. Every value, type and error is the shared Trino 476's.
import { describeFunctions } from './harness.js';

const AMBIGUOUS = /AMBIGUOUS_FUNCTION_CALL: Could not choose a best candidate operator for (sum|avg)\(\)/;

describeFunctions(
  'sum and avg of an untyped expression in a correlated subquery',
  [
    [
      'a typed CASE with a NULL branch, sum',
      '(SELECT sum(CASE WHEN y > 1 THEN y ELSE NULL END) FROM (VALUES 1, 2) s(y) WHERE y >= t.x) FROM (VALUES 1) t(x)',
      2,
      'bigint',
    ],
    [
      'a typed CASE with a NULL branch, avg',
      '(SELECT avg(CASE WHEN y > 1 THEN y ELSE NULL END) FROM (VALUES 1, 2) s(y) WHERE y >= t.x) FROM (VALUES 1) t(x)',
      2,
      'double',
    ],
  ],
  [
    ['sum of a CASE of NULLs', '(SELECT sum(CASE WHEN y > 0 THEN NULL END) FROM (VALUES 1) s(y) WHERE y = t.x) FROM (VALUES 1) t(x)', AMBIGUOUS],
    ['avg of an element of ARRAY[]', '(SELECT avg(element_at(ARRAY[], y)) FROM (VALUES 1) s(y) WHERE y = t.x) FROM (VALUES 1) t(x)', AMBIGUOUS],
    ['sum(DISTINCT …)', '(SELECT sum(DISTINCT CASE WHEN y > 0 THEN NULL END) FROM (VALUES 1, 2) s(y) WHERE y >= t.x) FROM (VALUES 1) t(x)', AMBIGUOUS],
    [
      'in a LATERAL',
      'v FROM (VALUES 1) t(x) CROSS JOIN LATERAL (SELECT sum(CASE WHEN y > 0 THEN NULL END) AS v FROM (VALUES 1) s(y) WHERE y = t.x)',
      AMBIGUOUS,
    ],
    ['in EXISTS', 'x FROM (VALUES 1) t(x) WHERE EXISTS (SELECT avg(element_at(ARRAY[], y)) FROM (VALUES 1) s(y) WHERE y = t.x)', AMBIGUOUS],
  ],
);
