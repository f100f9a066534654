// An element appended to (or prepended to) ARRAY[] or an array of only NULLs. Trino 476 types such an array's
// elements `unknown`; beside a literal of another kind, || and concat() take their concat(array(E), E) and
// concat(E, array(E)) forms and type the array by the element (the shared oracle: `ARRAY[] || 1` is array(integer)
// [1]). Beside another array they stay ambiguous (AMBIGUOUS_FUNCTION_CALL) and are refused, as is a NULL element.
// https://trino.io/docs/current/functions/array.html#concatenation-operator
import { describeFunctions } from './harness.js';

describeFunctions(
  'an element joined with an unknown-typed array',
  [
    ['ARRAY[] || integer', 'ARRAY[] || 1', [1], 'array(integer)'],
    ['integer || ARRAY[]', '1 || ARRAY[]', [1], 'array(integer)'],
    ['ARRAY[] || negative integer', 'ARRAY[] || -1', [-1], 'array(integer)'],
    ['negative integer || ARRAY[]', '-1 || ARRAY[]', [-1], 'array(integer)'],
    ['ARRAY[] || bigint literal', 'ARRAY[] || 2147483648', [2147483648], 'array(bigint)'],
    ['ARRAY[] || varchar', "ARRAY[] || 'a'", ['a'], 'array(varchar)'],
    ['varchar || ARRAY[]', "'a' || ARRAY[]", ['a'], 'array(varchar)'],
    ['ARRAY[] || boolean', 'ARRAY[] || TRUE', [true], 'array(boolean)'],
    ['ARRAY[] || date', "ARRAY[] || DATE '2024-01-01'", ['2024-01-01'], 'array(date)'],
    ['ARRAY[NULL] || integer', 'ARRAY[NULL] || 1', [null, 1], 'array(integer)'],
    ['ARRAY[NULL, NULL] || varchar', "ARRAY[NULL, NULL] || 'x'", [null, null, 'x'], 'array(varchar)'],
    ['ARRAY[NULL] || decimal', 'ARRAY[NULL] || 1.5', [null, '1.5'], 'array(decimal(2,1))'],
    ['concat(ARRAY[], integer)', 'concat(ARRAY[], 1)', [1], 'array(integer)'],
    ['concat(integer, ARRAY[NULL])', 'concat(1, ARRAY[NULL])', [1, null], 'array(integer)'],
  ],
  [
    // Trino 476: AMBIGUOUS_FUNCTION_CALL, or array(unknown) NULL (which the local engine does not type)
    ['ARRAY[] || ARRAY[1]', 'ARRAY[] || ARRAY[1]', /unknown-array-concat/],
    ['ARRAY[] || NULL', 'ARRAY[] || NULL', /unknown-array-concat/],
    // Trino 476: FUNCTION_NOT_FOUND (concat of an array and two elements)
    ['concat(ARRAY[], 1, 2)', 'concat(ARRAY[], 1, 2)', /unknown-array-concat/],
  ],
);
