// A NULL-typed (Trino's unknown) argument that is an expression, not a column (docs/issue-15-audit.md "NULL-typed
// arguments, row widths and untyped aggregates"): DuckDB folds a call given a NULL-typed argument into a NULL without
// evaluating the argument, which dropped the argument's own failure (element_at out of range, a subscript past the
// end, a division by zero in a CASE's condition) and typed abs, round, … bigint. The first argument of abs, sign,
// floor, ceil, round and truncate is now retyped as Trino's chosen form (column-operands.ts mayBeUnknownExpression),
// so it is evaluated. Every value, type and error is the shared Trino 476's.
import { describeFunctions } from './harness.js';

const INDICES = /SQL array indices start at 1/;
const PAST_END = /Array subscript must be less than or equal to array length: \d > \d/;
const BY_ZERO = /Division by zero/;

describeFunctions(
  'abs, round and their kin given an untyped expression',
  [
    ['abs of an element of ARRAY[] in range', 'abs(element_at(ARRAY[], x)) FROM (VALUES 1) t(x)', null, 'tinyint'],
    ['round of it', 'round(element_at(ARRAY[], x)) FROM (VALUES 1) t(x)', null, 'tinyint'],
    ['sign of an element of ARRAY[NULL]', 'sign(element_at(ARRAY[NULL], x)) FROM (VALUES 1) t(x)', null, 'tinyint'],
    ['truncate of it', 'truncate(element_at(ARRAY[], x)) FROM (VALUES 1) t(x)', null, 'decimal(1,0)'],
    ['floor of a CASE of NULLs', 'floor(CASE WHEN x > 0 THEN NULL END) FROM (VALUES 1) t(x)', null, 'tinyint'],
    ['ceil of a subscript in range', 'ceil(ARRAY[NULL][x]) FROM (VALUES 1) t(x)', null, 'tinyint'],
    ['abs of a typed expression', 'abs(x - 3) FROM (VALUES 5) t(x)', 2, 'integer'],
    ['round of a typed expression', 'round(x / 2) FROM (VALUES 5) t(x)', 2, 'integer'],
    ['abs of a NULL literal', 'abs(NULL)', null, 'tinyint'],
  ],
  [
    ['abs of element_at out of range', 'abs(element_at(ARRAY[], x)) FROM (VALUES 0) t(x)', INDICES],
    ['round of element_at out of range', 'round(element_at(ARRAY[], x)) FROM (VALUES 0) t(x)', INDICES],
    ['truncate of element_at out of range', 'truncate(element_at(ARRAY[], x)) FROM (VALUES 0) t(x)', INDICES],
    ['abs of a subscript of ARRAY[] past the end', 'abs(ARRAY[][x]) FROM (VALUES 1) t(x)', PAST_END],
    ['ceil of a subscript of ARRAY[NULL] past the end', 'ceil(ARRAY[NULL][x]) FROM (VALUES 2) t(x)', PAST_END],
    ['abs of a CASE whose condition fails', 'abs(CASE WHEN 1 / x > 0 THEN NULL END) FROM (VALUES 0) t(x)', BY_ZERO],
    ['floor of an if whose condition fails', 'floor(if(1 / x > 0, NULL)) FROM (VALUES 0) t(x)', BY_ZERO],
    ['abs of a nullif of a failing element', 'abs(nullif(element_at(ARRAY[], x), NULL)) FROM (VALUES 0) t(x)', INDICES],
    // Trino 476: SUBQUERY_MULTIPLE_ROWS "Scalar sub-query has returned multiple rows"; locally DuckDB's wording.
    ['abs of a NULL subquery of two rows', 'abs((SELECT NULL FROM (VALUES 1, 2) s(a)))', /multiple rows|More than one row/],
  ],
);
