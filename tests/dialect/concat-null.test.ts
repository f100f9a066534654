// `NULL || x` and `concat(NULL, x)`: with two operands and one a bare NULL (Trino's type unknown), Trino 476 picks
// the array form of concatenation (https://trino.io/docs/current/functions/array.html#concatenation-operator: E || array(E)
// and array(E) || E), so the result is a NULL array of x's type; with x an array, varbinary or NULL no candidate wins
// (AMBIGUOUS_FUNCTION_CALL "Could not choose a best candidate operator"). Three or more arguments are varchar's
// concat. Values, types and errors are Trino 476's, read on the differential oracle; locally these were varchar NULLs.
import { describeFunctions } from './functions/harness.js';

describeFunctions(
  'concatenation with a bare NULL',
  [
    ["concat(NULL, 'a')", "concat(NULL, 'a')", null, 'array(varchar)'],
    ["NULL || 'a'", "NULL || 'a'", null, 'array(varchar)'],
    ["'a' || NULL", "'a' || NULL", null, 'array(varchar)'],
    ['a varchar column || NULL', "concat(x, NULL) FROM (VALUES 'a') t(x)", null, 'array(varchar)'],
    ['NULL || 1', 'NULL || 1', null, 'array(integer)'],
    ['concat(NULL, DATE …)', "concat(NULL, DATE '2020-01-01')", null, 'array(date)'],
    ['NULL || JSON …', "NULL || JSON '1'", null, 'array(json)'],
    ['three arguments stay varchar', "concat(NULL, 'a', NULL)", null, 'varchar'],
    ['a typed NULL stays varchar', "concat(CAST(NULL AS varchar), 'a')", null, 'varchar'],
  ],
  [
    ['concat(NULL, NULL)', 'concat(NULL, NULL)', /^AMBIGUOUS_FUNCTION_CALL: Could not choose a best candidate operator/],
    ['concat(NULL, ARRAY[1])', 'concat(NULL, ARRAY[1])', /^AMBIGUOUS_FUNCTION_CALL: Could not choose a best candidate operator/],
    ["concat(NULL, x'01')", "concat(NULL, x'01')", /^AMBIGUOUS_FUNCTION_CALL: Could not choose a best candidate operator/],
  ],
);
