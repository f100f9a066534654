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

// Any other scalar call written as a builtin or shim (not a rewrite): an argument whose written text holds a NULL,
// `[]` or `MAP()` is evaluated beside the call where DuckDB types it NULL (expressions.ts untypedArgumentsEvaluated).
describeFunctions(
  'other scalar calls given an untyped expression',
  [
    ['upper of an element in range', 'upper(element_at(ARRAY[], x)) FROM (VALUES 1) t(x)', null, 'varchar'],
    ['strpos of it', "strpos(element_at(ARRAY[], x), 'a') FROM (VALUES 1) t(x)", null, 'bigint'],
    ['exp of it', 'exp(element_at(ARRAY[], x)) FROM (VALUES 1) t(x)', null, 'double'],
    ['is_nan of it', 'is_nan(element_at(ARRAY[], x)) FROM (VALUES 1) t(x)', null, 'boolean'],
    ['upper of a typed CASE with a NULL branch', "upper(CASE WHEN x > 0 THEN 'a' ELSE NULL END) FROM (VALUES 1) t(x)", 'A', 'varchar'],
    ['degrees of a typed CASE', 'degrees(CASE WHEN x > 0 THEN 2e0 ELSE NULL END) FROM (VALUES 1) t(x)', 114.59155902616465, 'double'],
  ],
  [
    ['upper of element_at out of range', 'upper(element_at(ARRAY[], x)) FROM (VALUES 0) t(x)', INDICES],
    ['strpos of a subscript past the end', "strpos(ARRAY[NULL][x], 'a') FROM (VALUES 2) t(x)", PAST_END],
    ['exp of a CASE whose condition fails', 'exp(CASE WHEN 1 / x > 0 THEN NULL END) FROM (VALUES 0) t(x)', BY_ZERO],
    ['lpad of element_at out of range', "lpad(element_at(ARRAY[], x), 3, 'a') FROM (VALUES 0) t(x)", INDICES],
    ['is_nan of it', 'is_nan(element_at(ARRAY[], x)) FROM (VALUES 0) t(x)', INDICES],
    ['to_hex of it', 'to_hex(element_at(ARRAY[], x)) FROM (VALUES 0) t(x)', INDICES],
    ['starts_with of it', "starts_with(element_at(ARRAY[], x), 'a') FROM (VALUES 0) t(x)", INDICES],
    // Trino 476: SUBQUERY_MULTIPLE_ROWS "Scalar sub-query has returned multiple rows"; locally DuckDB's wording.
    ['lower of a NULL subquery of two rows', 'lower((SELECT NULL FROM (VALUES 1, 2) s(a)))', /multiple rows|More than one row/],
  ],
);

// -e of an untyped expression: Trino 476 fails at analysis (AMBIGUOUS_FUNCTION_CALL), over no rows too, where DuckDB
// answered a bigint NULL; refused while binding as for a NULL-typed column (operators.ts, the unary sign).
const SIGN = /AMBIGUOUS_FUNCTION_CALL: Could not choose a best candidate operator for -x/;

describeFunctions(
  'a unary minus of an untyped expression',
  [
    ['a typed CASE with a NULL branch', '-(CASE WHEN x > 0 THEN x ELSE NULL END) FROM (VALUES 1) t(x)', -1, 'integer'],
    ['an element of ARRAY[NULL, 5]', '-ARRAY[NULL, 5][x] FROM (VALUES 2) t(x)', -5, 'integer'],
  ],
  [
    ['an element of ARRAY[]', '-element_at(ARRAY[], x) FROM (VALUES 1) t(x)', SIGN],
    ['over no rows', '-element_at(ARRAY[], x) FROM (VALUES 1) t(x) WHERE false', SIGN],
    ['a CASE of NULLs', '-(CASE WHEN x > 0 THEN NULL END) FROM (VALUES 1) t(x)', SIGN],
  ],
);
