// Types, third pass (docs/issue-15-audit.md): Trino 476's values, types and errors (the shared oracle, `lake sql
// --engine trino`), each case checked by breaking its fix once.
import { describeFunctions } from './harness.js';

// concat_ws(sep, a, b, …) of a value that is not a varchar: Trino FUNCTION_NOT_FOUND "Unexpected parameters
// (varchar(1), integer, integer) for function concat_ws" (locally '1,2', DuckDB cast the numbers).
const CONCAT_WS = /^FUNCTION_NOT_FOUND: Unexpected parameters for function concat_ws/;
describeFunctions(
  'concat_ws takes varchar values only',
  [
    ['NULL values skipped', "concat_ws(',', 'a', NULL, 'b')", 'a,b', 'varchar'],
    ['columns and calls', "concat_ws('-', s, lower(s), NULL) FROM (VALUES 'X') t(s)", 'X-x', 'varchar'],
    ['an aggregate', "concat_ws(',', 'a', max(s)) FROM (VALUES 'X') t(s)", 'a,X', 'varchar'],
    ['a NULL separator', "concat_ws(NULL, 'a', 'b')", null, 'varchar'],
  ],
  [
    ['numbers', "concat_ws(',', 1, 2)", CONCAT_WS],
    ['a number after a text', "concat_ws(',', 'a', 1)", CONCAT_WS],
    ['an integer column over no rows', "concat_ws(',', x, 'a') FROM (VALUES 1) t(x) WHERE false", CONCAT_WS],
    ['a date', "concat_ws(',', DATE '2025-01-01', 'a')", CONCAT_WS],
    ['a json', "concat_ws(',', json_parse('1'), 'b')", CONCAT_WS],
  ],
);

// codepoint(varchar(1)) only: Trino 476 carries the length through lower/upper/reverse/trim/substr, so
// `codepoint(substr('abc', 1, 1))` fails FUNCTION_NOT_FOUND "Unexpected parameters (varchar(3))" (locally 97), as does
// `codepoint(trim(' a'))` (varchar(2)); a length the text does not show (`lower(s)`, a CASE) is refused at lint.
describeFunctions(
  'codepoint of an expression of visible length 1 only',
  [
    ['chr()', 'codepoint(chr(65))', 65, 'integer'],
    ['lower of a one-character literal', "codepoint(lower('A'))", 97, 'integer'],
    ['upper of chr()', 'codepoint(upper(chr(97)))', 65, 'integer'],
    ['lower of a varchar(1)', "codepoint(lower(CAST('a' AS varchar(1))))", 97, 'integer'],
    ['NULL', 'codepoint(NULL)', null, 'integer'],
  ],
  [
    [
      'substr keeps varchar(3)',
      "codepoint(substr('abc', 1, 1))",
      /\[unfaithful\/codepoint-argument\] Unexpected parameters \(varchar\(3\)\) for function codepoint/,
    ],
    ['trim keeps varchar(2)', "codepoint(trim(' a'))", /\[unfaithful\/codepoint-argument\] Unexpected parameters \(varchar\(2\)\) for function codepoint/],
    [
      'lower of a column',
      "codepoint(lower(s)) FROM (VALUES 'a') t(s)",
      /\[unfaithful\/codepoint-argument\] codepoint\(\) of an expression whose varchar length/,
    ],
    ['a CASE', "codepoint(CASE WHEN true THEN 'ab' END)", /\[unfaithful\/codepoint-argument\] codepoint\(\) of an expression whose varchar length/],
  ],
);

// map_keys/map_values of MAP() (or of a side of only NULLs) are array(unknown) in Trino 476: joined with a typed array
// they fail AMBIGUOUS_FUNCTION_CALL "Could not choose a best candidate operator" (locally [1]), refused at lint as
// concat(ARRAY[], ARRAY[1]) is.
const UNKNOWN_CONCAT = /\[unfaithful\/unknown-array-concat\]/;
describeFunctions(
  'map_keys and map_values of an unknown-typed map side',
  [
    ['alone', 'map_values(MAP())', [], 'array(unknown)'],
    ['typed keys joined', "concat(ARRAY['a'], map_keys(MAP(ARRAY['k'], ARRAY[NULL])))", ['a', 'k'], 'array(varchar)'],
    ['an element appended', 'map_values(MAP()) || 1', [1], 'array(integer)'],
  ],
  [
    ['concat with map_values(MAP())', 'concat(ARRAY[1], map_values(MAP()))', UNKNOWN_CONCAT],
    ['|| with map_keys(MAP())', 'ARRAY[1] || map_keys(MAP())', UNKNOWN_CONCAT],
    ['concat with the NULL values of a map', "concat(ARRAY[1], map_values(MAP(ARRAY['k'], ARRAY[NULL])))", UNKNOWN_CONCAT],
  ],
);

// INTERVAL … TO … literals: YEAR TO MONTH and DAY TO SECOND are read as the one-field literal of the same interval
// (Trino 476 values below; locally they were refused in a CAST and failed in DuckDB's parser in a select list, where
// `MONTH` was taken for an alias). A year-month one as a value of its own stays refused (year-month-interval).
describeFunctions(
  'interval range literals',
  [
    ['a date plus years and months', "DATE '2025-01-31' + INTERVAL '1-2' YEAR TO MONTH", '2026-03-31', 'date'],
    ['a timestamp minus years and months', "TIMESTAMP '2025-01-31 10:00:00' - INTERVAL '1-2' YEAR TO MONTH", '2023-11-30 10:00:00.000', 'timestamp(3)'],
    ['days to seconds, selected', "INTERVAL '1 02:03:04' DAY TO SECOND", '1 02:03:04.000', 'interval day to second'],
    ['as text, with a fraction', "CAST(INTERVAL '1 02:03:04.5' DAY TO SECOND AS varchar)", '1 02:03:04.500', 'varchar'],
    ['negative as a whole', "CAST(INTERVAL '-1 02:03:04' DAY TO SECOND AS varchar)", '-1 02:03:04.000', 'varchar'],
    ['hours past a day', "CAST(INTERVAL '1 25:00:00' DAY TO SECOND AS varchar)", '2 01:00:00.000', 'varchar'],
    ['days only, added to a date', "DATE '2025-01-31' + INTERVAL '2' DAY TO SECOND", '2025-02-02', 'date'],
    ['a timestamp plus days to seconds', "TIMESTAMP '2025-01-31 10:00:00' + INTERVAL '1 02:03:04.5' DAY TO SECOND", '2025-02-01 12:03:04.500', 'timestamp(3)'],
  ],
  [
    ['hours added to a date', "DATE '2025-01-31' + INTERVAL '1 02:00:00' DAY TO SECOND", /Cannot add hour, minutes or seconds to a date/],
    ['a year-month range as a value', "INTERVAL '1-2' YEAR TO MONTH", /<sql>:1:8: error \[unfaithful\/year-month-interval\]/],
    ['another range', "CAST(INTERVAL '02:03' HOUR TO MINUTE AS varchar)", /<sql>:1:13: error \[unfaithful\/interval-range\]/],
  ],
);

// A column DuckDB types NULL (`SELECT NULL AS x`, `VALUES NULL`, UNNEST(ARRAY[NULL]) outside an aggregate) is Trino's
// `unknown`: sum() and avg() of it fail there with AMBIGUOUS_FUNCTION_CALL "Could not choose a best candidate operator"
// (locally a bigint and a double NULL), abs() of it is a tinyint NULL (locally bigint).
const AMBIGUOUS = /^AMBIGUOUS_FUNCTION_CALL: Could not choose a best candidate operator for (sum|avg)\(\) of a value of type unknown/;
describeFunctions(
  'NULL-typed columns',
  [
    ['abs of a NULL column', 'abs(x) FROM (SELECT NULL AS x) t', null, 'tinyint'],
    ['abs of an element of ARRAY[NULL]', 'abs(x) FROM (SELECT x FROM UNNEST(ARRAY[NULL]) u(x)) t', null, 'tinyint'],
    ['abs of an integer column beside a NULL', 'abs(x) FROM (VALUES (NULL), (-2)) t(x) WHERE x IS NOT NULL', 2, 'integer'],
    ['sum of an integer column beside a NULL', 'sum(x) FROM (VALUES (NULL), (1)) t(x)', 1, 'bigint'],
    ['avg of an integer column beside a NULL', 'avg(x) FROM (VALUES (NULL), (1)) t(x)', 1, 'double'],
  ],
  [
    ['sum of VALUES NULL', 'sum(x) FROM (VALUES NULL) t(x)', AMBIGUOUS],
    ['avg of a NULL column', 'avg(x) FROM (SELECT NULL AS x) t', AMBIGUOUS],
    ['avg(DISTINCT) of a NULL column', 'avg(DISTINCT x) FROM (SELECT NULL AS x) t', AMBIGUOUS],
  ],
);

// array_sort's comparator returns an integer in Trino 476 (function(t,t,integer)): sign(x - y) of bigints,
// length(x) - length(y) (bigint), tinyint or decimal results fail FUNCTION_NOT_FOUND "Unexpected parameters
// (array(bigint), <function>) for function array_sort" (locally sorted).
const COMPARATOR = /^FUNCTION_NOT_FOUND: Unexpected parameters for function array_sort: Athena takes a comparator returning an integer/;
describeFunctions(
  'array_sort comparators return an integer',
  [
    ['an integer comparator over bigints', "array_sort(ARRAY[BIGINT '3', 1, 2], (x, y) -> IF(x < y, 1, IF(x = y, 0, -1)))", [3, 2, 1], 'array(bigint)'],
    ['over an empty array', 'array_sort(CAST(ARRAY[] AS array(bigint)), (x, y) -> IF(x < y, 1, IF(x = y, 0, -1)))', [], 'array(bigint)'],
  ],
  [
    ['a bigint result', "array_sort(ARRAY[BIGINT '3', 1, 2], (x, y) -> sign(x - y))", COMPARATOR],
    ['a bigint difference', "array_sort(ARRAY['bb', 'a'], (x, y) -> length(x) - length(y))", COMPARATOR],
    ['a tinyint result', "array_sort(ARRAY[3, 1, 2], (x, y) -> IF(x < y, TINYINT '-1', IF(x = y, TINYINT '0', TINYINT '1')))", COMPARATOR],
    ['a decimal result', "array_sort(ARRAY['b', 'a'], (x, y) -> IF(x < y, -1.0, IF(x = y, 0.0, 1.0)))", COMPARATOR],
  ],
);

// || and two-argument concat() of a NULL-typed column: Trino 476 reads `unknown` as an array, so `x || 'a'` is an
// array(varchar) NULL and `transform(ARRAY[NULL] column, x -> x || 'a')` an array(array(varchar)) (locally varchar).
const UNKNOWN_COLUMN_CONCAT = /^\|\| or concat\(\) of a value of type unknown/;
describeFunctions(
  '|| and concat() of a NULL-typed column',
  [
    ['three arguments stay varchar', "concat(x, 'a', x) FROM (SELECT NULL AS x) t", null, 'varchar'],
    ['typed columns beside a NULL', "x || 'a' FROM (VALUES (NULL), ('b')) t(x) WHERE x IS NOT NULL", 'ba', 'varchar'],
  ],
  [
    ['x || text', "x || 'a' FROM (SELECT NULL AS x) t", UNKNOWN_COLUMN_CONCAT],
    ['text || x', "'a' || x FROM (SELECT NULL AS x) t", UNKNOWN_COLUMN_CONCAT],
    ['concat(x, text)', "concat(x, 'a') FROM (SELECT NULL AS x) t", UNKNOWN_COLUMN_CONCAT],
    ['a lambda over a column of ARRAY[NULL]', "transform(a, x -> x || 'a') FROM (SELECT ARRAY[NULL] AS a) t", UNKNOWN_COLUMN_CONCAT],
  ],
);

// A bare NULL: reverse(NULL), substr(NULL, 1) and substr(NULL, 1, 2) fail AMBIGUOUS_FUNCTION_CALL in Trino 476 (varchar,
// varbinary and array forms; locally a varchar NULL), substring(NULL, 1) (varchar forms only) is a varchar NULL,
// abs, sign, floor, ceiling, round of NULL tinyint NULLs (locally bigint, integer, or round failed), truncate(NULL) a
// decimal(1,0) NULL (locally integer). The same for a NULL-typed column: reverse(x) of one still answers (left).
describeFunctions(
  'functions of a bare NULL',
  [
    ['abs(NULL)', 'abs(NULL)', null, 'tinyint'],
    ['sign(NULL)', 'sign(NULL)', null, 'tinyint'],
    ['floor(NULL)', 'floor(NULL)', null, 'tinyint'],
    ['ceiling(NULL)', 'ceiling(NULL)', null, 'tinyint'],
    ['round(NULL)', 'round(NULL)', null, 'tinyint'],
    ['round(NULL, 1)', 'round(NULL, 1)', null, 'tinyint'],
    ['truncate(NULL)', 'truncate(NULL)', null, 'decimal(1,0)'],
    ['round of a decimal', 'round(2.55, 1)', '2.60', 'decimal(4,2)'],
    ['substring(NULL, 1)', 'substring(NULL, 1)', null, 'varchar'],
    ['reverse of a text', "reverse('ab')", 'ba', 'varchar'],
  ],
  [
    ['reverse(NULL)', 'reverse(NULL)', /\[unfaithful\/ambiguous-call\] reverse\(NULL\)/],
    ['substr(NULL, 1)', 'substr(NULL, 1)', /\[unfaithful\/ambiguous-call\] substr\(NULL\)/],
    ['substr(NULL, 1, 2)', 'substr(NULL, 1, 2)', /\[unfaithful\/ambiguous-call\] substr\(NULL\)/],
  ],
);
