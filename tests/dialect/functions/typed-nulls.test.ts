// A typed NULL keeps its type through the functions and operators it feeds, as in Trino: `CAST(NULL AS t)` and a
// TRY_CAST that fails are NULLs of type t (https://trino.io/docs/current/functions/conversion.html), and an operator
// or function over a typed NULL has the result type its signature gives for t
// (https://trino.io/docs/current/language/types.html#decimal for the decimal ones). DuckDB folds a call with a
// constant NULL argument into an untyped NULL (reported as integer); the rows from docs/trino-oracle.md §11 are the
// types Trino 476 printed for the same SQL.
import { describeFunctions } from './harness.js';

describeFunctions('typed NULLs', [
  // docs/trino-oracle.md §11
  ['negation of a typed NULL', '-CAST(NULL AS decimal(10,2))', null, 'decimal(10,2)'],
  ['typed NULL plus a decimal', "CAST(NULL AS decimal(10,2)) + DECIMAL '1.25'", null, 'decimal(11,2)'],
  ['a decimal minus a failed try_cast to integer', "DECIMAL '1.25' - try_cast('a' AS integer)", null, 'decimal(13,2)'],
  ['abs of a failed try_cast to decimal', "abs(try_cast('a' AS decimal(10,3)))", null, 'decimal(10,3)'],
  ['array_sort of a typed NULL array', 'array_sort(CAST(NULL AS array(varchar)))', null, 'array(varchar)'],
  ['array_sort(transform(NULL array))', 'array_sort(transform(CAST(NULL AS array(integer)), x -> CAST(x AS varchar)))', null, 'array(varchar)'],
  // more of the same
  ['a typed NULL alone', 'CAST(NULL AS bigint)', null, 'bigint'],
  ['a typed NULL row', 'CAST(NULL AS row(a integer))', null, 'row(a integer)'],
  ['a typed NULL map through cardinality', 'cardinality(CAST(NULL AS map(varchar, integer)))', null, 'bigint'],
  ['a typed NULL zoned timestamp', 'CAST(NULL AS timestamp with time zone)', null, 'timestamp(3) with time zone'],
  ['a typed NULL inside a lambda', 'transform(ARRAY[1], x -> CAST(NULL AS decimal(5,1)) * x)', [null], 'array(decimal(15,1))'],
  ['a typed NULL through upper()', 'upper(CAST(NULL AS varchar))', null, 'varchar'],
  ['a try_cast that succeeds keeps its value', "try_cast('12' AS integer) + 1", 13, 'integer'],
  ['a try_cast of ISO text to timestamp is NULL (oracle §7)', "try_cast('2025-03-10T10:00:00' AS timestamp)", null, 'timestamp(3)'],
  // a function answering NULL for a constant argument: DuckDB folds || and list_sort over it into an untyped NULL
  ['concat over a URL without a fragment', "concat('a', url_extract_fragment('not a url'), 'a')", null, 'varchar'],
  ['split of a URL without a fragment', "array_sort(split(url_extract_fragment('not a url'), ','))", null, 'array(varchar)'],
  [
    'split of a missing URL parameter',
    "array_sort(split(url_extract_parameter('https://user@example.com:8080/p/a.html?x=1&y=%20z#frag', 'none'), ','))",
    null,
    'array(varchar)',
  ],
  ['a URL without a port plus one', "url_extract_port('not a url') + 1", null, 'bigint'],
  ['a URL with a fragment', "url_extract_fragment('http://a/b#frag')", 'frag', 'varchar'],
  ['concat over nullif', "concat('a', nullif('a', 'a'), 'a')", null, 'varchar'],
  ['|| over a regexp_extract without a match', "regexp_extract('abc', 'x') || 'a'", null, 'varchar'],
  ['concat over a missing map key', "concat('a', element_at(MAP(ARRAY['a'], ARRAY['b']), 'z'))", null, 'varchar'],
  ['concat over a CASE without a match', "concat('a', CASE WHEN false THEN 'a' END)", null, 'varchar'],
  ['array_sort(split()) of a split_part past the end', "array_sort(split(split_part('a,b', ',', 5), ','))", null, 'array(varchar)'],
  ['|| of varbinary and a NULL varbinary', "X'01' || CAST(NULL AS varbinary)", null, 'varbinary'],
]);
