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
