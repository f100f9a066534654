// IN lists after a NULL, a cast, an array or another constant, and LIKE … ESCAPE with a pattern or escape that is not a
// literal (docs/issue-15-audit.md, "Negative years, constant IN operands and LIKE ESCAPE"). Values, types and errors
// are the shared Trino 476's.
import { describeFunctions } from './harness.js';

describeFunctions(
  'IN lists: a NULL operand evaluates no element, any other constant evaluates every element',
  [
    // Trino 476 answers NULL without evaluating the elements (locally: Division by zero).
    ['a NULL literal', 'NULL IN (3, 5 / y) FROM (VALUES 0) t(y)', null, 'boolean'],
    ['a NULL sum', 'NULL + 1 IN (3, 5 / y) FROM (VALUES 0) t(y)', null, 'boolean'],
    ['a NULL column', 'x IN (3, 5 / y) FROM (VALUES (CAST(NULL AS integer), 0)) t(x, y)', null, 'boolean'],
    ['NOT IN of a NULL column', 'x NOT IN (3, 5 / y) FROM (VALUES (CAST(NULL AS integer), 0)) t(x, y)', null, 'boolean'],
    ['a NULL text column', "s IN ('a', CAST(5 / y AS varchar)) FROM (VALUES (CAST(NULL AS varchar), 0)) t(s, y)", null, 'boolean'],
    ['a NULL inside a correlated subquery', '(SELECT NULL IN (3, 5 / y)) FROM (VALUES 0) t(y)', null, 'boolean'],
    ['a NULL outer column', '(SELECT x IN (3, 5 / y)) FROM (VALUES (CAST(NULL AS integer), 0)) t(x, y)', null, 'boolean'],
    ['a NULL array', 'CAST(NULL AS array(integer)) IN (ARRAY[1], ARRAY[5 / y]) FROM (VALUES 0) t(y)', null, 'boolean'],
    ['a cast found', "CAST('3' AS integer) IN (3, 5 / y) FROM (VALUES 1) t(y)", true, 'boolean'],
    ['an array found', 'ARRAY[1] IN (ARRAY[1], ARRAY[5 / y]) FROM (VALUES 1) t(y)', true, 'boolean'],
    ['an array not found', 'ARRAY[1] IN (ARRAY[2], ARRAY[5 / y]) FROM (VALUES 1) t(y)', false, 'boolean'],
  ],
  [
    // Trino 476: DIVISION_BY_ZERO (DuckDB folded the constant operand equal to the first element to true).
    ['a cast', "CAST('3' AS integer) IN (3, 5 / y) FROM (VALUES 0) t(y)", /Division by zero/],
    ['a concatenation', "'a' || 'b' IN ('ab', CAST(5 / y AS varchar)) FROM (VALUES 0) t(y)", /Division by zero/],
    [
      'a zoned literal',
      "TIMESTAMP '2020-01-01 00:00 UTC' IN (TIMESTAMP '2020-01-01 00:00 UTC', from_unixtime(5 / y)) FROM (VALUES 0) t(y)",
      /Division by zero/,
    ],
    ['current_date', "current_date IN (current_date, date_add('day', 5 / y, current_date)) FROM (VALUES 0) t(y)", /Division by zero/],
    ['an array', 'ARRAY[1] IN (ARRAY[1], ARRAY[5 / y]) FROM (VALUES 0) t(y)', /Division by zero/],
    ['NOT IN of an array', 'ARRAY[1] NOT IN (ARRAY[1], ARRAY[5 / y]) FROM (VALUES 0) t(y)', /Division by zero/],
    ['an array of arrays', 'ARRAY[ARRAY[1]] IN (ARRAY[ARRAY[1]], ARRAY[ARRAY[5 / y]]) FROM (VALUES 0) t(y)', /Division by zero/],
    ['an array with a failing cast', "ARRAY[1] IN (ARRAY[1], ARRAY[CAST(s AS integer)]) FROM (VALUES 'x') t(s)", /Cannot cast 'x' to INT/],
    ['an array inside a correlated subquery', '(SELECT ARRAY[1] IN (ARRAY[1], ARRAY[5 / y])) FROM (VALUES 0) t(y)', /Division by zero/],
    // Trino 476 fails here too, in its planner (GENERIC_INTERNAL_ERROR: Literal-to-literal not supported here); the
    // local filter had dropped the elements' check (`[e] IS NULL` is false for DuckDB) and counted 2.
    ['in a WHERE clause', 'count(*) FROM (VALUES 0, 1) t(y) WHERE y < 5 AND 3 IN (3, 5 / y)', /Division by zero/],
  ],
);
