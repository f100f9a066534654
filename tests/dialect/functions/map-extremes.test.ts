// min, max, min_by and max_by of a map, or by a map key (also inside an array or row), and greatest, least, array_max,
// array_min and array_sort of maps: Trino 476 has no order of maps (FUNCTION_NOT_FOUND "Unexpected parameters
// (map(integer,integer)) for function max"); locally DuckDB answered by its entries (the random tier, relations
// 20261231; hunt21's find). Refused while binding, over no rows too. Values, types and errors are the shared Trino
// 476's answers.
import { describeFunctions } from './harness.js';

const T = 'FROM (VALUES (1, MAP(ARRAY[1], ARRAY[2])), (2, MAP(ARRAY[3], ARRAY[4]))) t(i, m)';
const NOT_ORDERABLE = /FUNCTION_NOT_FOUND: a map is not orderable on Athena/;

describeFunctions(
  'min and max of maps',
  [
    ['max_by of a map value by an integer key', `max_by(m, i) ${T}`, { '3': 4 }, 'map(integer, integer)'],
    ['min_by of a map value', `cardinality(min_by(m, i)) ${T}`, 1, 'bigint'],
    ['min and max of integers beside maps', `ARRAY[min(i), max(i), max(DISTINCT i)] ${T}`, [1, 2, 2], 'array(integer)'],
    ['min(x, n)', `min(i, 2) ${T}`, [1, 2], 'array(integer)'],
    ['min of an unknown NULL', 'min(x) FROM (VALUES NULL) t(x)', null, 'unknown'],
    [
      'greatest, array_max and array_sort of other types',
      `ARRAY[greatest(i, 1), array_max(ARRAY[3, i]), array_sort(ARRAY[3, i])[1]] ${T}`,
      [1, 3, 1],
      'array(integer)',
    ],
  ],
  [
    ['max of a map', `max(m) ${T}`, NOT_ORDERABLE],
    ['min of a map', `min(m) ${T}`, NOT_ORDERABLE],
    ['max(m, n)', `max(m, 1) ${T}`, NOT_ORDERABLE],
    ['max_by by a map key', `max_by(i, m) ${T}`, NOT_ORDERABLE],
    ['min_by by a map key', `min_by(i, m) ${T}`, NOT_ORDERABLE],
    ['min_by(x, key, n) by a map key', `min_by(i, m, 1) ${T}`, NOT_ORDERABLE],
    ['max of an array of maps', `max(ARRAY[m]) ${T}`, NOT_ORDERABLE],
    ['min of a row holding a map', `min(ROW(m)) ${T}`, NOT_ORDERABLE],
    ['max of a map in a window', `max(m) OVER () ${T}`, NOT_ORDERABLE],
    ['over no rows too', `max(m) ${T} WHERE false`, NOT_ORDERABLE],
    ['greatest of maps', `greatest(m, m) ${T}`, NOT_ORDERABLE],
    ['least of arrays of maps', `least(ARRAY[m], ARRAY[m]) ${T}`, NOT_ORDERABLE],
    ['array_max of an array of maps', `array_max(ARRAY[m]) ${T}`, NOT_ORDERABLE],
    ['array_min of rows holding a map', `array_min(ARRAY[ROW(m)]) ${T}`, NOT_ORDERABLE],
    ['array_sort of maps, over no rows too', `array_sort(ARRAY[m]) ${T} WHERE false`, NOT_ORDERABLE],
  ],
);
