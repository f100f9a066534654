// Decimals meeting a double or real in one type (greatest, least, coalesce, CASE, ARRAY[…]): the common type is the
// double or real (https://trino.io/docs/current/language/types.html#decimal; greatest and least,
// https://trino.io/docs/current/functions/comparison.html#greatest-and-least, compare in it), so no decimal scale is
// lost and the check that refuses decimals meeting past 38 digits does not apply. Trino 476's values and types, read
// on the differential oracle (greatest and least skip NaN here). The local engine refused each one.
import { describeFunctions } from './functions/harness.js';

describeFunctions('decimals meeting a double or real', [
  ['greatest with nan()', 'greatest(1, 2.5, nan())', 2.5, 'double'],
  ['least with nan()', 'least(1, 2.5, nan())', 1, 'double'],
  ['greatest of a decimal and nan()', 'greatest(2.5, nan())', 2.5, 'double'],
  ['greatest with NULL and nan()', 'greatest(1, NULL, nan())', null, 'double'],
  ['least of a decimal column and nan()', "least(x, nan()) FROM (VALUES DECIMAL '1.25') t(x)", 1.25, 'double'],
  ['coalesce', 'coalesce(NULL, 2.5, nan())', 2.5, 'double'],
  ['CASE', 'CASE WHEN true THEN 2.5 ELSE nan() END', 2.5, 'double'],
  ['ARRAY[…]', 'ARRAY[1, 2.5, nan()]', [1, 2.5, Number.NaN], 'array(double)'],
  ['greatest with a real', "greatest(1, 2.5, REAL '3')", 3, 'real'],
]);
