// Types, fifth pass (docs/issue-15-audit.md): unknown and NULL types, TRY_CAST and reduce. Trino 476's values, types
// and errors (the shared oracle, `lake sql --engine trino`), each group checked by breaking its fix once.
import { describeFunctions } from './harness.js';

// An array's element at a NULL index keeps the element type in Trino 476; DuckDB typed it NULL (unknown) when the
// index folds to NULL, and a bare or NULL-typed index took trino_map_key's zoned overload (map_keys of an array).
describeFunctions('an array or map element at a NULL index', [
  ['an index that folds to NULL (random tier, seed 20261205 case 2773)', "element_at(ARRAY['a'], element_at(MAP(), 'x') - 1)", null, 'varchar'],
  ['a bare NULL subscript', "ARRAY['a'][NULL]", null, 'varchar'],
  ['element_at at a bare NULL', "element_at(ARRAY['a'], NULL)", null, 'varchar'],
  ['nullif(1, 1) as the subscript', "ARRAY['a'][nullif(1, 1)]", null, 'varchar'],
  ['a typed NULL subscript', "ARRAY['a'][CAST(NULL AS integer)]", null, 'varchar'],
  ['an array of arrays at a typed NULL', 'element_at(ARRAY[ARRAY[1]], CAST(NULL AS bigint))', null, 'array(integer)'],
  ['a map at a bare NULL', "MAP(ARRAY['k'], ARRAY[DATE '2020-01-01'])[NULL]", null, 'date'],
  ['element_at of a map at a bare NULL', "element_at(MAP(ARRAY['k'], ARRAY[DATE '2020-01-01']), NULL)", null, 'date'],
  ['a NULL index from an outer column', "(SELECT ARRAY['a', 'b'][t.i + NULL]) FROM (VALUES 2) t(i)", null, 'varchar'],
  ['an index from an outer column', "(SELECT ARRAY['a', 'b'][t.i]) FROM (VALUES 2) t(i)", 'b', 'varchar'],
]);

// An array of unknown elements made by a call or read from a column (a literal ARRAY[] is refused at lint) joined with
// another array by || or two-argument concat(): Trino 476 fails AMBIGUOUS_FUNCTION_CALL (join or append?), where DuckDB
// joined them. Three or more arguments are Trino's variadic concat, which joins; two arrays of unknown elements join.
const AMBIGUOUS_CONCAT = /^AMBIGUOUS_FUNCTION_CALL: \|\| or concat\(\) of an array of unknown elements/;
describeFunctions(
  'arrays of unknown elements joined with another array',
  [
    ['concat of three arguments', 'concat(ARRAY[1], transform(ARRAY[2], x -> NULL), ARRAY[3])', [1, null, 3], 'array(integer)'],
    ['concat of three arguments, the unknown one first', 'concat(transform(ARRAY[2], x -> NULL), ARRAY[1], ARRAY[3])', [null, 1, 3], 'array(integer)'],
    ['two arrays of unknown elements', 'transform(ARRAY[], x -> NULL) || transform(ARRAY[], x -> NULL)', [], 'array(unknown)'],
    ['a typed NULL array', "ARRAY['a'] || CAST(NULL AS array(varchar))", null, 'array(varchar)'],
    ['an array with a NULL element', "ARRAY['a'] || ARRAY[NULL, 'b']", ['a', null, 'b'], 'array(varchar)'],
  ],
  [
    [
      'flatten(…) || array_except(transform(ARRAY[], …), …) (random tier, seed 20261205 case 1177)',
      'flatten(ARRAY[ARRAY[1]]) || array_except(transform(ARRAY[], x -> NULL), ARRAY[])',
      AMBIGUOUS_CONCAT,
    ],
    ['|| of a transform to NULL', 'ARRAY[1] || transform(ARRAY[], x -> NULL)', AMBIGUOUS_CONCAT],
    ['two-argument concat', 'concat(ARRAY[1], transform(ARRAY[2], x -> NULL))', AMBIGUOUS_CONCAT],
    ['an array of arrays', 'ARRAY[ARRAY[1]] || transform(ARRAY[2], x -> NULL)', AMBIGUOUS_CONCAT],
    ['repeat(NULL, 2)', "ARRAY['a'] || repeat(NULL, 2)", AMBIGUOUS_CONCAT],
    ['a column of ARRAY[]', 'a || ARRAY[1] FROM (SELECT ARRAY[] AS a)', AMBIGUOUS_CONCAT],
    ['a column of ARRAY[NULL] from VALUES', "ARRAY['a'] || a FROM (VALUES ARRAY[NULL]) t(a)", AMBIGUOUS_CONCAT],
    ['a grouped column of a transform to NULL', 'ARRAY[1] || a FROM (SELECT transform(ARRAY[1], x -> NULL) AS a) GROUP BY a', AMBIGUOUS_CONCAT],
  ],
);

// A NULL-typed column (`SELECT NULL AS x`, VALUES NULL, the element of ARRAY[NULL]) is Trino's `unknown`. Under an
// operator Trino 476 fails AMBIGUOUS_FUNCTION_CALL where it cannot choose an overload (unknown with unknown, bigint or
// double under * and /, interval or timestamp under + and -, and -x), where DuckDB answered a NULL; `x % x` is a
// tinyint, DATE - x a date, and x[1], element_at(x, 1), array_max(x) are unknown (array_distinct(x) array(unknown)).
const AMBIGUOUS_OPERATOR = /^AMBIGUOUS_FUNCTION_CALL: Could not choose a best candidate operator for an arithmetic operator over a value of type unknown/;
const AMBIGUOUS_SIGN = /^AMBIGUOUS_FUNCTION_CALL: Could not choose a best candidate operator for -x of a value of type unknown/;
const NULL_COLUMN = 'FROM (SELECT NULL AS x) t';
describeFunctions(
  'NULL-typed columns under operators',
  [
    ['x % x', `x % x ${NULL_COLUMN}`, null, 'tinyint'],
    ['x % NULL', `x % NULL ${NULL_COLUMN}`, null, 'tinyint'],
    ['NULL % NULL', 'NULL % NULL', null, 'tinyint'],
    ['x % 2', `x % 2 ${NULL_COLUMN}`, null, 'integer'],
    ['x + 1', `x + 1 ${NULL_COLUMN}`, null, 'integer'],
    ['x + a bigint', `x + BIGINT '2' ${NULL_COLUMN}`, null, 'bigint'],
    ['x * 2', `x * 2 ${NULL_COLUMN}`, null, 'integer'],
    ['x * a real', `x * REAL '2' ${NULL_COLUMN}`, null, 'real'],
    ['x * 2.5', `x * 2.5 ${NULL_COLUMN}`, null, 'decimal(3,1)'],
    ['a double / x', `2E0 / x ${NULL_COLUMN}`, null, 'double'],
    ['x / 2', `x / 2 ${NULL_COLUMN}`, null, 'integer'],
    ['DATE - x', `DATE '2020-01-01' - x ${NULL_COLUMN}`, null, 'date'],
    ['a date column - x', "d - x FROM (SELECT NULL AS x, DATE '2020-01-01' AS d) t", null, 'date'],
    ['x - DATE', `x - DATE '2020-01-01' ${NULL_COLUMN}`, null, 'interval day to second'],
    ['x - TIMESTAMP', `x - TIMESTAMP '2020-01-01 00:00:00' ${NULL_COLUMN}`, null, 'interval day to second'],
    ['x * INTERVAL', `x * INTERVAL '1' DAY ${NULL_COLUMN}`, null, 'interval day to second'],
    ['INTERVAL - x', `INTERVAL '1' DAY - x ${NULL_COLUMN}`, null, 'interval day to second'],
    ['x[1]', `x[1] ${NULL_COLUMN}`, null, 'unknown'],
    ["x['a'] (the map form)", `x['a'] ${NULL_COLUMN}`, null, 'unknown'],
    ['NULL[1]', 'NULL[1]', null, 'unknown'],
    ['element_at(x, 1)', `element_at(x, 1) ${NULL_COLUMN}`, null, 'unknown'],
    ['element_at(NULL, 1)', 'element_at(NULL, 1)', null, 'unknown'],
    ['array_max(x)', `array_max(x) ${NULL_COLUMN}`, null, 'unknown'],
    ['array_min(NULL)', 'array_min(NULL)', null, 'unknown'],
    ['array_distinct(x)', `array_distinct(x) ${NULL_COLUMN}`, null, 'array(unknown)'],
    ['array_sort(x)', `array_sort(x) ${NULL_COLUMN}`, null, 'array(unknown)'],
    ['slice(x, 1, 2)', `slice(x, 1, 2) ${NULL_COLUMN}`, null, 'array(unknown)'],
    ['x[1] from a WITH table', 'WITH t AS (SELECT NULL AS x) SELECT x[1] FROM t', null, 'unknown'],
    ['x % x from a WITH table', 'WITH t AS (SELECT NULL AS x) SELECT x % x FROM t', null, 'tinyint'],
    ['x * 2 over the elements of ARRAY[NULL]', 'transform(a, x -> x * 2) FROM (SELECT ARRAY[NULL] AS a) t', [null], 'array(integer)'],
    ['x % x over the elements of ARRAY[NULL]', 'transform(a, x -> x % x) FROM (SELECT ARRAY[NULL] AS a) t', [null], 'array(tinyint)'],
    ['x * x over an integer array', 'transform(a, x -> x * x) FROM (VALUES ARRAY[3]) t(a)', [9], 'array(integer)'],
    ['an outer column plus NULL', "(SELECT ARRAY['a', 'b'][t.i + NULL]) FROM (VALUES 2) t(i)", null, 'varchar'],
    ['-x of an integer column', '-x FROM (VALUES (2, NULL)) t(x, n)', -2, 'integer'],
  ],
  [
    ['-x', `-x ${NULL_COLUMN}`, AMBIGUOUS_SIGN],
    ['-(x)', `-(x) ${NULL_COLUMN}`, AMBIGUOUS_SIGN],
    ['-t.x', `-t.x ${NULL_COLUMN}`, AMBIGUOUS_SIGN],
    ['1 - -x', `1 - -x ${NULL_COLUMN}`, AMBIGUOUS_SIGN],
    ['+x (Trino: TYPE_MISMATCH)', `+x ${NULL_COLUMN}`, AMBIGUOUS_SIGN],
    ['-x of VALUES NULL', '-x FROM (VALUES NULL) t(x)', AMBIGUOUS_SIGN],
    ['x + x', `x + x ${NULL_COLUMN}`, AMBIGUOUS_OPERATOR],
    ['x - x', `x - x ${NULL_COLUMN}`, AMBIGUOUS_OPERATOR],
    ['x * x', `x * x ${NULL_COLUMN}`, AMBIGUOUS_OPERATOR],
    ['x / x', `x / x ${NULL_COLUMN}`, AMBIGUOUS_OPERATOR],
    ['x + y of two NULL columns', 'x + y FROM (SELECT NULL AS x, NULL AS y) t', AMBIGUOUS_OPERATOR],
    ['x + NULL', `x + NULL ${NULL_COLUMN}`, AMBIGUOUS_OPERATOR],
    ['x + x of VALUES NULL', 'x + x FROM (VALUES NULL, NULL) t(x)', AMBIGUOUS_OPERATOR],
    ['2E0 * x', `2E0 * x ${NULL_COLUMN}`, AMBIGUOUS_OPERATOR],
    ['x * 2E0', `x * 2E0 ${NULL_COLUMN}`, AMBIGUOUS_OPERATOR],
    ['e() * x', `e() * x ${NULL_COLUMN}`, AMBIGUOUS_OPERATOR],
    ['x * a bigint', `x * BIGINT '2' ${NULL_COLUMN}`, AMBIGUOUS_OPERATOR],
    ['x * a bigint column', "x * y FROM (SELECT NULL AS x, BIGINT '2' AS y) t", AMBIGUOUS_OPERATOR],
    ['x / a double', `x / 2E0 ${NULL_COLUMN}`, AMBIGUOUS_OPERATOR],
    ['x + INTERVAL', `x + INTERVAL '1' DAY ${NULL_COLUMN}`, AMBIGUOUS_OPERATOR],
    ['INTERVAL + x', `INTERVAL '1' DAY + x ${NULL_COLUMN}`, AMBIGUOUS_OPERATOR],
    ['x - INTERVAL', `x - INTERVAL '1' DAY ${NULL_COLUMN}`, AMBIGUOUS_OPERATOR],
    ['x + a year-month INTERVAL', `x + INTERVAL '1' MONTH ${NULL_COLUMN}`, AMBIGUOUS_OPERATOR],
    ['x + TIMESTAMP', `x + TIMESTAMP '2020-01-01 00:00:00' ${NULL_COLUMN}`, AMBIGUOUS_OPERATOR],
    ['TIMESTAMP - x', `TIMESTAMP '2020-01-01 00:00:00' - x ${NULL_COLUMN}`, AMBIGUOUS_OPERATOR],
    ['x * x over the elements of ARRAY[NULL]', 'transform(a, x -> x * x) FROM (SELECT ARRAY[NULL] AS a) t', AMBIGUOUS_OPERATOR],
    ['-x over the elements of ARRAY[NULL]', 'transform(a, x -> -x) FROM (SELECT ARRAY[NULL] AS a) t', AMBIGUOUS_SIGN],
    ['x * 2E0 over the elements of VALUES ARRAY[NULL]', 'transform(a, x -> x * 2E0) FROM (VALUES ARRAY[NULL]) t(a)', AMBIGUOUS_OPERATOR],
    ['zip_with over ARRAY[NULL]', 'zip_with(a, a, (x, y) -> x * y) FROM (SELECT ARRAY[NULL] AS a) t', AMBIGUOUS_OPERATOR],
    ['filter over ARRAY[NULL]', 'filter(a, x -> x * x > 0) FROM (SELECT ARRAY[NULL] AS a) t', AMBIGUOUS_OPERATOR],
  ],
);
