// A NULL-typed (Trino's unknown) argument of a rewritten call (docs/issue-15-audit.md "Untyped arguments of rewritten
// functions, IS NULL and LIKE"): DuckDB folded trim(e) and replace(e, …) into a NULL without evaluating e, which
// dropped e's own failure (element_at out of range, a subscript past the end). Their arguments are now evaluated as a
// builtin's are (expressions.ts untypedArgumentsEvaluated, UNTYPED_EVALUATING_REWRITES). Every value, type and error is
// the shared Trino 476's.
import { describeFunctions } from './harness.js';

const INDICES = /SQL array indices start at 1/;
const PAST_END = /Array subscript must be less than or equal to array length: \d > \d/;
const BY_ZERO = /Division by zero/;

describeFunctions(
  'trim and replace given an untyped expression',
  [
    ['trim of an element of ARRAY[] in range', 'trim(element_at(ARRAY[], x)) FROM (VALUES 1) t(x)', null, 'varchar'],
    ['replace of it', "replace(element_at(ARRAY[], x), 'a') FROM (VALUES 1) t(x)", null, 'varchar'],
    ['trim of a typed CASE', "trim(CASE WHEN x > 0 THEN ' a ' END) FROM (VALUES 1) t(x)", 'a', 'varchar'],
    ['trim of a NULL literal', 'trim(NULL)', null, 'varchar'],
    ['replace of it over no rows', "replace(element_at(ARRAY[], x), 'a', 'b') FROM (VALUES 0) t(x) WHERE x > 5", null, 'varchar'],
  ],
  [
    ['trim of element_at out of range', 'trim(element_at(ARRAY[], 0))', INDICES],
    ['trim of element_at out of range, from a row', 'trim(element_at(ARRAY[], x)) FROM (VALUES 0) t(x)', INDICES],
    ['replace of element_at out of range', "replace(element_at(ARRAY[], 0), 'a')", INDICES],
    ['replace of it with a replacement', "replace(element_at(ARRAY[], 0), 'a', 'b')", INDICES],
    ['replace of a subscript past the end', "replace(ARRAY[NULL][x], 'a') FROM (VALUES 2) t(x)", PAST_END],
    ['trim of a CASE whose condition fails', 'trim(CASE WHEN 1 / x > 0 THEN NULL END) FROM (VALUES 0) t(x)', BY_ZERO],
  ],
);
