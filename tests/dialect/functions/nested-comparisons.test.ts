// Comparisons of arrays, maps and rows with NULL elements, as Trino 476 answers them (values and types read from the
// differential oracle, `lake sql --engine trino`). Trino's rules: `=` is false when some pair of elements is
// definitely unequal (or the lengths or map keys differ), else NULL when a compared pair holds a NULL, else true;
// `<>` is its negation; `x IN (a, b)` is `x = a OR x = b` and BETWEEN is `min <= x AND x <= max`
// (https://trino.io/docs/current/functions/comparison.html: "A NULL in a BETWEEN … is evaluated using the standard
// NULL evaluation rules applied to the equivalent expression"); the ordering operators compare element by element
// and fail where a NULL is met before the order is decided; maps have no order
// (https://trino.io/docs/current/functions/array.html, map.html). IS [NOT] DISTINCT FROM treats NULLs as equal.
// contains() and array_position() fail where Trino 476 does: "NOT_SUPPORTED: contains does not support arrays with
// elements that are null or contain null".
import { describeFunctions } from './harness.js';

const row = (a: string, b: string) => `CAST(ROW(${a}, ${b}) AS ROW(a integer, b integer))`;

describeFunctions(
  'array, map and row comparisons with NULL elements',
  [
    ['= with a NULL pair and no unequal pair is NULL', 'ARRAY[1, NULL] = ARRAY[1, NULL]', null, 'boolean'],
    ['= with an unequal pair is false despite NULLs', 'ARRAY[1, NULL] = ARRAY[2, NULL]', false, 'boolean'],
    ['= of arrays of different lengths is false', 'ARRAY[1, 2] = ARRAY[1, 2, NULL]', false, 'boolean'],
    ['= of a NULL element with a present one is NULL', "ARRAY['a', NULL] = ARRAY['a', 'b']", null, 'boolean'],
    ['= without NULLs', "ARRAY['a', 'b'] = ARRAY['a', 'b']", true, 'boolean'],
    ['= of empty arrays', 'ARRAY[] = ARRAY[]', true, 'boolean'],
    ['= of nested arrays with a NULL is NULL', 'ARRAY[ARRAY[1, NULL]] = ARRAY[ARRAY[1, NULL]]', null, 'boolean'],
    ['= of nested arrays with an unequal pair is false', 'ARRAY[ARRAY[1, NULL]] = ARRAY[ARRAY[2, NULL]]', false, 'boolean'],
    ['= of a NULL array element with an array', 'ARRAY[ARRAY[1, NULL], NULL] = ARRAY[ARRAY[1, 3], ARRAY[4]]', null, 'boolean'],
    ['= of a NULL array', 'CAST(NULL AS array(integer)) = ARRAY[1]', null, 'boolean'],
    ['= in the common type', 'ARRAY[1] = ARRAY[1.0]', true, 'boolean'],
    ['= of bigints past 2^53', "ARRAY[BIGINT '9007199254740993'] = ARRAY[BIGINT '9007199254740992']", false, 'boolean'],
    ['= of NaN elements is false', 'ARRAY[nan()] = ARRAY[nan()]', false, 'boolean'],
    ['= of -0.0 and 0.0 elements is true', 'ARRAY[-0e0] = ARRAY[0e0]', true, 'boolean'],
    ['= with a function returning an array', "split('a,b', ',') = ARRAY['a', 'b']", true, 'boolean'],
    ['= in parentheses', '(ARRAY[1, NULL]) = (ARRAY[1, NULL])', null, 'boolean'],
    ['NOT of a NULL comparison', 'NOT ARRAY[1, NULL] = ARRAY[1, NULL]', null, 'boolean'],
    ['<> with a NULL pair is NULL', 'ARRAY[1, NULL] <> ARRAY[1, NULL]', null, 'boolean'],
    ['!= with an unequal pair is true', 'ARRAY[1, NULL] != ARRAY[2, NULL]', true, 'boolean'],
    ['IN with a NULL comparison is NULL', 'ARRAY[1, NULL] IN (ARRAY[1, NULL])', null, 'boolean'],
    ['IN: NULL or false is NULL', 'ARRAY[1, NULL] IN (ARRAY[1, NULL], ARRAY[1, 2])', null, 'boolean'],
    ['IN: found despite a NULL candidate', 'ARRAY[1, 2] IN (ARRAY[1, NULL], ARRAY[1, 2])', true, 'boolean'],
    ['NOT IN with an unequal pair is true', 'ARRAY[1, NULL] NOT IN (ARRAY[2, 3])', true, 'boolean'],
    ['NOT IN with a NULL comparison is NULL', 'ARRAY[1, NULL] NOT IN (ARRAY[1, NULL])', null, 'boolean'],
    ['CASE x WHEN compares with =', "CASE ARRAY[1, NULL] WHEN ARRAY[1, NULL] THEN 'eq' ELSE 'ne' END", 'ne', 'varchar'],
    ['CASE x WHEN finds the equal value', "CASE ARRAY[1, 2] WHEN ARRAY[1, NULL] THEN 'a' WHEN ARRAY[1, 2] THEN 'b' END", 'b', 'varchar'],
    ['CASE x WHEN with no equal value', "CASE ARRAY[1, NULL] WHEN ARRAY[2, NULL] THEN 'a' WHEN ARRAY[1, NULL] THEN 'c' END", null, 'varchar'],
    ['map = with a NULL value is NULL', 'MAP(ARRAY[1, 2], ARRAY[1, NULL]) = MAP(ARRAY[1, 2], ARRAY[1, NULL])', null, 'boolean'],
    ['map = with an unequal value is false', 'MAP(ARRAY[1, 2], ARRAY[1, NULL]) = MAP(ARRAY[1, 2], ARRAY[2, NULL])', false, 'boolean'],
    ['map = with other keys is false', 'MAP(ARRAY[1, 2], ARRAY[1, NULL]) = MAP(ARRAY[1, 3], ARRAY[1, NULL])', false, 'boolean'],
    ['map = ignores the order of entries', "MAP(ARRAY['a', 'b'], ARRAY[1, 2]) = MAP(ARRAY['b', 'a'], ARRAY[2, 1])", true, 'boolean'],
    ['map <> with a NULL value is NULL', "MAP(ARRAY['a', 'b'], ARRAY[1, NULL]) <> MAP(ARRAY['b', 'a'], ARRAY[NULL, 1])", null, 'boolean'],
    ['row = with a NULL field is NULL', `${row('1', 'NULL')} = ${row('1', 'NULL')}`, null, 'boolean'],
    ['row = with an unequal field is false', `${row('1', 'NULL')} = ${row('2', 'NULL')}`, false, 'boolean'],
    ['row < decided before the NULL', `${row('1', 'NULL')} < ${row('2', 'NULL')}`, true, 'boolean'],
    ['array < decided before the NULL', 'ARRAY[1, 2] < ARRAY[2, NULL]', true, 'boolean'],
    ['array >= decided by the length', 'ARRAY[1, 2] >= ARRAY[1, 2, NULL]', false, 'boolean'],
    ['array > decided by the length', 'ARRAY[1, 2, NULL] > ARRAY[1, 2]', true, 'boolean'],
    ['array <= without NULLs', 'ARRAY[1, 2] <= ARRAY[1, 2]', true, 'boolean'],
    ['BETWEEN of arrays', 'ARRAY[1, 2] BETWEEN ARRAY[1] AND ARRAY[2]', true, 'boolean'],
    ['NOT BETWEEN of arrays', 'ARRAY[1, 2] NOT BETWEEN ARRAY[1] AND ARRAY[2]', false, 'boolean'],
    ['IS DISTINCT FROM treats NULL elements as equal', 'ARRAY[1, NULL] IS DISTINCT FROM ARRAY[1, NULL]', false, 'boolean'],
    ['IS NOT DISTINCT FROM treats NULL elements as equal', 'ARRAY[1, NULL] IS NOT DISTINCT FROM ARRAY[1, NULL]', true, 'boolean'],
    ['IS DISTINCT FROM with an unequal pair', 'ARRAY[1, NULL] IS DISTINCT FROM ARRAY[2, NULL]', true, 'boolean'],
    // contains() and array_position() of arrays, maps or rows skip NULL elements and stop at the first element equal
    // to x; an element whose comparison with x is NULL fails (below) unless x was found before it.
    ['contains: found before an element holding a NULL', 'contains(ARRAY[ARRAY[1, 2], ARRAY[1, NULL]], ARRAY[1, 2])', true, 'boolean'],
    ['contains: absent with a NULL element is NULL', 'contains(ARRAY[NULL, ARRAY[1]], ARRAY[2])', null, 'boolean'],
    ['contains: found after a NULL element', 'contains(ARRAY[NULL, ARRAY[1]], ARRAY[1])', true, 'boolean'],
    ['contains in the common type', 'contains(ARRAY[ARRAY[1, 2]], ARRAY[1.0, 2])', true, 'boolean'],
    ['contains: a definitely unequal row', `contains(ARRAY[${row('1', 'NULL')}], ${row('2', 'NULL')})`, false, 'boolean'],
    ['array_position: found before an element holding a NULL', 'array_position(ARRAY[ARRAY[1, 2], ARRAY[1, NULL]], ARRAY[1, 2])', 1, 'bigint'],
    ['array_position: past a definitely unequal element', 'array_position(ARRAY[ARRAY[2, NULL], ARRAY[1, 2]], ARRAY[1, 2])', 2, 'bigint'],
    ['array_position: past a NULL element', 'array_position(ARRAY[NULL, ARRAY[1]], ARRAY[1])', 2, 'bigint'],
    ['array_position: absent with a NULL element is 0', 'array_position(ARRAY[NULL, ARRAY[3]], ARRAY[2])', 0, 'bigint'],
    ['array_position of a NULL array is NULL', 'array_position(ARRAY[ARRAY[1, 2]], CAST(NULL AS array(integer)))', null, 'bigint'],
  ],
  [
    ['array < meeting a NULL first', 'ARRAY[1, 2] < ARRAY[1, NULL]', /ARRAY comparison not supported for arrays with null elements/],
    ['array < of a NULL first element', 'ARRAY[NULL, 2] < ARRAY[1, 3]', /ARRAY comparison not supported for arrays with null elements/],
    ['row < meeting a NULL first', `${row('1', 'NULL')} < ${row('1', '2')}`, /ROW comparison not supported for fields with null elements/],
    ['array of rows: the row fails', `ARRAY[${row('1', 'NULL')}] < ARRAY[${row('1', '2')}]`, /ROW comparison not supported for fields with null elements/],
    [
      'row of arrays: the array fails',
      'CAST(ROW(ARRAY[1, NULL], 1) AS ROW(a array(integer), b integer)) < CAST(ROW(ARRAY[1, 2], 1) AS ROW(a array(integer), b integer))',
      /ARRAY comparison not supported for arrays with null elements/,
    ],
    ['BETWEEN meeting a NULL', 'ARRAY[1, 2] BETWEEN ARRAY[1, NULL] AND ARRAY[2]', /ARRAY comparison not supported for arrays with null elements/],
    [
      'contains: an equal element holding a NULL',
      'contains(ARRAY[ARRAY[1, NULL]], ARRAY[1, NULL])',
      /contains does not support arrays with elements that are null or contain null/,
    ],
    [
      'contains: x holding a NULL',
      'contains(ARRAY[ARRAY[1, 3]], ARRAY[1, NULL])',
      /contains does not support arrays with elements that are null or contain null/,
    ],
    ['contains: a map value NULL', 'contains(ARRAY[MAP(ARRAY[1], ARRAY[NULL])], MAP(ARRAY[1], ARRAY[2]))', /contains does not support arrays with elements/],
    ['contains: a row field NULL', `contains(ARRAY[${row('1', 'NULL')}], ${row('1', 'NULL')})`, /contains does not support arrays with elements/],
    [
      'array_position: an element holding a NULL before x',
      'array_position(ARRAY[ARRAY[1, NULL], ARRAY[1, 2]], ARRAY[1, 2])',
      /array_position does not support arrays with elements that are null or contain null/,
    ],
    // Trino: TYPE_MISMATCH "Cannot apply operator: map(integer, integer) < map(integer, integer)".
    ['maps have no order', 'MAP(ARRAY[1], ARRAY[1]) < MAP(ARRAY[1], ARRAY[2])', /Cannot apply operator: maps have no order/],
    ['nor arrays of maps', 'ARRAY[MAP(ARRAY[1], ARRAY[1])] >= ARRAY[MAP(ARRAY[1], ARRAY[2])]', /Cannot apply operator: maps have no order/],
  ],
);
