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

// TRY_CAST between types Trino 476 has no cast between fails at analysis there (TYPE_MISMATCH), under TRY_CAST too:
// of a call (checked as the lambda's parameter it is bound to), of a visibly zoned value (at lint), of an element or row
// field of such a type (also under CAST, over no rows); locally NULL before. Into varchar(n), Trino's TRY makes a too
// long text NULL for numbers and dates only: a boolean's, timestamp's, interval's or scalar json's fails
// (GENERIC_INTERNAL_ERROR "Character count exceeds length limit 3"), a uuid and an ipaddress have no cast to varchar(n).
const CAST_FAMILY = /^TYPE_MISMATCH: Cannot cast this type to the target: Athena has no cast between these types/;
const ZONED_CAST = /Cannot cast timestamp\(3\) with time zone to bigint: Athena fails \(TYPE_MISMATCH\)/;
const TOO_LONG = /cannot be represented as varchar\(3\)/;
describeFunctions(
  'TRY_CAST between types without a cast, and into varchar(n)',
  [
    [
      'a row of castable fields',
      "TRY_CAST(r AS ROW(x varchar, y double)) FROM (SELECT CAST(ROW('a', 2) AS ROW(x varchar, y integer)) AS r) t",
      { x: 'a', y: 2 },
      'row(x varchar, y double)',
    ],
    [
      'a row field that does not parse',
      "TRY_CAST(r AS ROW(x integer, y double)) FROM (SELECT CAST(ROW('a', 2) AS ROW(x varchar, y integer)) AS r) t",
      null,
      'row(x integer, y double)',
    ],
    ['a call cast to a number', "TRY_CAST(concat('1', '2') AS integer)", 12, 'integer'],
    ['a call that does not parse', "TRY_CAST(lower('x') AS integer)", null, 'integer'],
    ['a date call to varchar(3)', "TRY_CAST(date_add('day', 1, DATE '2020-01-01') AS varchar(3))", null, 'varchar'],
    ['a date to varchar(3)', "TRY_CAST(DATE '2020-01-01' AS varchar(3))", null, 'varchar'],
    ['an integer to varchar(3)', 'TRY_CAST(123456 AS varchar(3))', null, 'varchar'],
    ['a double to varchar(3)', 'TRY_CAST(x AS varchar(3)) FROM (VALUES 1.5E0) t(x)', null, 'varchar'],
    ['a decimal to varchar(3)', 'TRY_CAST(12.5 AS varchar(3))', null, 'varchar'],
    ['a boolean that fits varchar(4)', 'TRY_CAST(b AS varchar(4)) FROM (VALUES true) t(b)', 'true', 'varchar'],
    ['a text cut to varchar(3)', "TRY_CAST('abcdef' AS varchar(3))", 'abc', 'varchar'],
    ['a json text that fits', `TRY_CAST(json_parse('"ab"') AS varchar(3))`, 'ab', 'varchar'],
    ['a json array to varchar(3)', "TRY_CAST(json_parse('[1]') AS varchar(3))", null, 'varchar'],
    ['a boolean over no rows', 'TRY_CAST(b AS varchar(3)) FROM (VALUES true) t(b) WHERE false', null, 'varchar'],
    ['dates to array(varchar(3))', "TRY_CAST(ARRAY[DATE '2020-01-01'] AS array(varchar(3)))", null, 'array(varchar)'],
  ],
  [
    // Refused at lint by the JSON cast check (json-seventh-pass), in Trino 476's words.
    ['a json call to timestamp', "TRY_CAST(json_parse('1') AS timestamp)", /Cannot cast json to timestamp\(3\): Athena fails while analysing the query/],
    ['a date call to integer', "TRY_CAST(date_add('day', 1, DATE '2020-01-01') AS integer)", CAST_FAMILY],
    ['a varbinary call to bigint', "TRY_CAST(to_utf8('a') AS bigint)", CAST_FAMILY],
    ['a boolean cast to date', 'TRY_CAST(CAST(1 AS boolean) AS date)', CAST_FAMILY],
    ['an integer call to date', 'TRY_CAST(abs(1) AS date)', CAST_FAMILY],
    ['a zoned call to bigint', "TRY_CAST(from_iso8601_timestamp('2020-01-01T00:00:00Z') AS bigint)", ZONED_CAST],
    ['an array to varchar', 'TRY_CAST(ARRAY[1] AS varchar)', CAST_FAMILY],
    ['an array column to varchar', 'TRY_CAST(a AS varchar) FROM (VALUES ARRAY[1]) t(a)', CAST_FAMILY],
    ['dates to array(integer)', "TRY_CAST(a AS array(integer)) FROM (VALUES ARRAY[DATE '2020-01-01']) t(a)", CAST_FAMILY],
    ['map values to date', "TRY_CAST(m AS map(varchar, date)) FROM (VALUES MAP(ARRAY['a'], ARRAY[1])) t(m)", CAST_FAMILY],
    [
      'a row field of an array to varchar',
      'TRY_CAST(r AS ROW(x varchar, y double)) FROM (SELECT CAST(ROW(ARRAY[1], 2) AS ROW(x array(integer), y integer)) AS r) t',
      CAST_FAMILY,
    ],
    [
      'a row field of a date to integer',
      "TRY_CAST(r AS ROW(x integer, y double)) FROM (SELECT CAST(ROW(DATE '2020-01-01', 2) AS ROW(x date, y integer)) AS r) t",
      CAST_FAMILY,
    ],
    [
      'a row field of an integer to date',
      'TRY_CAST(r AS ROW(x date, y double)) FROM (SELECT CAST(ROW(1, 2) AS ROW(x integer, y integer)) AS r) t',
      CAST_FAMILY,
    ],
    [
      'a row field, CAST over no rows',
      "CAST(r AS ROW(x integer, y double)) FROM (SELECT CAST(ROW(DATE '2020-01-01', 2) AS ROW(x date, y integer)) AS r) t WHERE false",
      CAST_FAMILY,
    ],
    ['nested arrays to array(varchar)', 'TRY_CAST(a AS array(varchar)) FROM (VALUES ARRAY[ARRAY[1]]) t(a)', CAST_FAMILY],
    ['a timestamp to varchar(3)', "TRY_CAST(TIMESTAMP '2020-01-01 00:00:00' AS varchar(3))", TOO_LONG],
    ['a timestamp column to varchar(3)', "TRY_CAST(ts AS varchar(3)) FROM (VALUES TIMESTAMP '2020-01-01 00:00:00') t(ts)", TOO_LONG],
    ['a boolean to varchar(3)', 'TRY_CAST(true AS varchar(3))', TOO_LONG],
    ['a boolean column to varchar(3)', 'TRY_CAST(b AS varchar(3)) FROM (VALUES true) t(b)', TOO_LONG],
    ['an interval to varchar(3)', "TRY_CAST(INTERVAL '1' DAY AS varchar(3))", TOO_LONG],
    ['a json text to varchar(3)', `TRY_CAST(json_parse('"abcdef"') AS varchar(3))`, TOO_LONG],
    ['a json number to varchar(3)', "TRY_CAST(json_parse('1.5') AS varchar(3))", TOO_LONG],
    ['a zoned timestamp to varchar(3)', "TRY_CAST(TIMESTAMP '2020-01-01 00:00:00 UTC' AS varchar(3))", TOO_LONG],
    ['a uuid to varchar(50)', 'TRY_CAST(uuid() AS varchar(50))', /Cannot cast uuid to varchar\(50\)/],
    ['a uuid, CAST to varchar(50)', "CAST(CAST('12151fd2-7586-11e9-8f9e-2a86e4085a59' AS uuid) AS varchar(50))", /Cannot cast uuid to varchar\(50\)/],
    ['an ipaddress to varchar(50)', "TRY_CAST(IPADDRESS '1.2.3.4' AS varchar(50))", /Cannot cast ipaddress to varchar\(50\)/],
  ],
);

// reduce(): Trino 476 solves the state's type step by step and fails where a decimal state changes precision or scale
// with each step (GENERIC_INTERNAL_ERROR "SignatureBinder.iterativeSolve does not converge after 4 iterations"),
// where DuckDB answered in the widened type; a bare NULL start whose step keeps the state NULL is Trino's unknown
// (locally cast_to_type failed).
const REDUCE_UNSETTLED = /^GENERIC_INTERNAL_ERROR: reduce\(\)'s state changes type with each step/;
describeFunctions(
  'reduce with a decimal or NULL state',
  [
    ['a decimal state that keeps its type (s / x)', 'reduce(ARRAY[1, 2], 1.0, (s, x) -> s / x, s -> s)', '0.5', 'decimal(2,1)'],
    [
      'a decimal state cast in the step',
      'reduce(ARRAY[1, 2], CAST(0 AS decimal(38,2)), (s, x) -> CAST(s + x AS decimal(38,2)), s -> s)',
      '3.00',
      'decimal(38,2)',
    ],
    ['an integer state', 'reduce(ARRAY[1, 2], 0, (s, x) -> s + x, s -> s)', 3, 'integer'],
    ['an integer state over doubles', 'reduce(ARRAY[1.5E0, 2E0], 0, (s, x) -> s + x, s -> s)', 3.5, 'double'],
    ['a decimal output function', 'reduce(ARRAY[1, 2], 0, (s, x) -> s + x, s -> s * 1.5)', '4.5', 'decimal(12,1)'],
    ['an aggregate array, integer state', 'reduce(array_agg(x), 0, (s, e) -> s + e, s -> s) FROM (VALUES 1, 2) t(x)', 3, 'integer'],
    ['a NULL start kept', 'reduce(ARRAY[1, 2], NULL, (s, x) -> s, s -> s)', null, 'unknown'],
    ['a NULL start, a NULL step', 'reduce(ARRAY[1, 2], NULL, (s, x) -> NULL, s -> s)', null, 'unknown'],
    ['a NULL start over a column', 'reduce(a, NULL, (s, x) -> s, s -> s) FROM (VALUES ARRAY[1]) t(a)', null, 'unknown'],
    ['a NULL start plus elements', 'reduce(ARRAY[1, 2], NULL, (s, x) -> s + x, s -> s)', null, 'integer'],
    ['a NULL start, coalesce in the step', 'reduce(ARRAY[1, 2], NULL, (s, x) -> coalesce(s, 0) + x, s -> s)', 3, 'integer'],
    ['a NULL start, the element as state', 'reduce(ARRAY[1, 2], NULL, (s, x) -> x, s -> s)', 2, 'integer'],
    ['a NULL-typed column as start', 'reduce(ARRAY[1, 2], x, (s, e) -> s + e, s -> s) FROM (SELECT NULL AS x) t', null, 'integer'],
  ],
  [
    ['decimals summed from 0.0', 'reduce(ARRAY[1.5, 2.25], 0.0, (s, x) -> s + x, s -> s)', REDUCE_UNSETTLED],
    ['decimals summed from 0', 'reduce(ARRAY[1.5, 2.25], 0, (s, x) -> s + x, s -> s)', REDUCE_UNSETTLED],
    ['integers summed from 0.5', 'reduce(ARRAY[1, 2], 0.5, (s, x) -> s + x, s -> s)', REDUCE_UNSETTLED],
    ['integers multiplied from 0.5', 'reduce(ARRAY[1, 2], 0.5, (s, x) -> s * x, s -> s)', REDUCE_UNSETTLED],
    ['a decimal(10,2) start', 'reduce(ARRAY[1, 2], CAST(0 AS decimal(10,2)), (s, x) -> s + x, s -> s)', REDUCE_UNSETTLED],
    ['a column of integers from 0.0', 'reduce(a, 0.0, (s, x) -> s + x, s -> s) FROM (VALUES ARRAY[1, 2]) t(a)', REDUCE_UNSETTLED],
    ['an aggregate array from 0.0', 'reduce(array_agg(x), 0.0, (s, e) -> s + e, s -> s) FROM (VALUES 1, 2) t(x)', REDUCE_UNSETTLED],
  ],
);

// An unknown column given to a typed-overload shim (two columns compared: trino_cmp_column; a subscript:
// trino_map_key) failed as "Macro trino_cmp_column() has multiple overloads that match the supplied arguments";
// Trino 476 fails COLUMN_NOT_FOUND "Column 'nope' cannot be resolved". Now DuckDB's own error names the column
// (engines/local/ambiguous-macros.ts), which lint places at file:line:col (tests/cli/lint-bind.test.ts).
const UNKNOWN_COLUMN = /^Binder Error: Referenced column "nope" not found/;
describeFunctions(
  'an unknown column given to a typed-overload shim',
  [['a known column compared', 'count(*) FROM (VALUES (1, 1)) t(a, b) WHERE a = b', 1, 'bigint']],
  [
    ['two columns compared', 'count(*) FROM (VALUES 1) t(a) WHERE a = nope', UNKNOWN_COLUMN],
    ['a subscript of an array', 'ARRAY[1][nope] FROM (VALUES 1) t(a)', UNKNOWN_COLUMN],
    ['a subscript of a map column', 'm[nope] FROM (VALUES MAP(ARRAY[1], ARRAY[2])) t(m)', UNKNOWN_COLUMN],
  ],
);

// A WITH nested inside a subquery: DuckDB makes the NULL type INTEGER in a subquery with a WITH of its own, so an
// unknown value read through it was an integer (Trino unknown); the second plan (engines/local/unknown-types.ts)
// moves such WITH lists in front of the statement.
describeFunctions('a WITH nested inside a subquery', [
  ['a scalar subquery over a nested WITH', '(SELECT v FROM (WITH w AS (SELECT NULL AS v) SELECT v FROM w))', null, 'unknown'],
  ['a derived table with a WITH', 'v FROM (WITH w AS (SELECT NULL AS v) SELECT v FROM w) AS s', null, 'unknown'],
  ['two levels of subqueries', 'WITH q AS (SELECT 1 AS k) SELECT v FROM (SELECT * FROM (WITH w AS (SELECT NULL AS v) SELECT v FROM w)), q', null, 'unknown'],
  ['beside the statement’s own WITH', 'WITH a AS (SELECT 2 AS k) SELECT v FROM a, (WITH w AS (SELECT NULL AS v) SELECT v FROM w) AS s', null, 'unknown'],
  ['an integer through a nested WITH', 'v FROM (WITH w AS (SELECT 1 AS v) SELECT v FROM w) AS s', 1, 'integer'],
]);
