// JSON numbers, paths and malformed texts in the JSON functions, as Trino 476 answers them (each value and type asked
// of Trino 476; docs/issue-15-audit.md, "Still different" JSON). Trino's functions read the text with Jackson, one
// value at a time (https://trino.io/docs/current/functions/json.html: json_extract_scalar "returns the result value
// as a string", json_array_get "returns the element … as a json", json_array_contains "determine if value exists in
// json"); json_parse and JSON literals keep the canonical form ("JSON literals … numbers as doubles or integers").
import { describeFunctions } from './harness.js';

describeFunctions(
  'JSON paths read an object key with a numeric step',
  [
    ['$[0] on an object', `json_extract('{"0": 5}', '$[0]')`, '5', 'json'],
    ['$.0 on an object', `json_extract('{"0": 5}', '$.0')`, '5', 'json'],
    ['a numeric step matches the key as written', `json_extract('{"01": 5}', '$[01]')`, '5', 'json'],
    ['a numeric step is no other key', `json_extract('{"1": 5}', '$[01]')`, null, 'json'],
    ['json_size through a numeric step on an object', `json_size('{"0": [1, 2]}', '$[0]')`, 2, 'bigint'],
    ['json_extract_scalar through a numeric step', `json_extract_scalar('{"0": {"1": "x"}}', '$[0][1]')`, 'x', 'varchar'],
    ['the first of a repeated key', `json_extract('{"a": 1, "a": 2}', '$.a')`, '1', 'json'],
    ['an object keeps its order and repeats', `json_extract('{"a": {"c": 1, "b": 2, "c": 3}}', '$.a')`, '{"c":1,"b":2,"c":3}', 'json'],
    ['a computed path', `json_extract('{"0": 5}', concat('$', '[0]'))`, '5', 'json'],
  ],
  [['a computed path Trino rejects', `json_extract('{"a": 1}', concat('$', '..a'))`, /Invalid JSON path: '\$\.\.a'/]],
);

describeFunctions('json_extract_scalar and json_array_get give a number as written', [
  ['an exponent', `json_extract_scalar('{"a": 1e2}', '$.a')`, '1e2', 'varchar'],
  ['an upper-case exponent', `json_extract_scalar('{"a": 1E2}', '$.a')`, '1E2', 'varchar'],
  ['trailing zeros', `json_extract_scalar('{"a": 1.50}', '$.a')`, '1.50', 'varchar'],
  ['minus zero', `json_extract_scalar('{"a": -0}', '$.a')`, '-0', 'varchar'],
  ['past a double', `json_extract_scalar('{"a": 1e400}', '$.a')`, '1e400', 'varchar'],
  ['a big integer', `json_extract_scalar('{"a": 12345678901234567890123}', '$.a')`, '12345678901234567890123', 'varchar'],
  ['a json value is canonical already', `json_extract_scalar(JSON '{"a": 1.50}', '$.a')`, '1.5', 'varchar'],
  ['json_array_get of trailing zeros', `json_array_get('[1.50, 2]', 0)`, '1.50', 'json'],
  ['json_array_get of an exponent', `json_array_get('[1e2, 2]', 0)`, '1e2', 'json'],
  ['json_array_get of minus zero', `json_array_get('[-0]', 0)`, '-0', 'json'],
  ['json_array_get from the end', `json_array_get('[1, 1.50]', -1)`, '1.50', 'json'],
  ['json_array_get of an object keeps the last of a repeated key', `json_array_get('[{"a": 1, "a": 2.50, "b": "🙂"}]', 0)`, '{"a":2.5,"b":"🙂"}', 'json'],
]);

describeFunctions('json_extract writes numbers as Jackson copies them', [
  ['a fraction as a double', `json_extract('{"a": [1.50, 1e2, -0, 12345678901234567890]}', '$.a')`, '[1.5,100.0,0,12345678901234567890]', 'json'],
  ['a double too large is the string Infinity', `json_extract('{"a": 1E400}', '$.a')`, '"Infinity"', 'json'],
  ['a character outside the BMP escaped', `json_extract('{"a": "🙂"}', '$.a')`, '"\\uD83D\\uDE42"', 'json'],
]);

describeFunctions('json_parse and JSON literals of numbers too large for a double', [
  ['json_parse', `json_parse('1e400')`, '"Infinity"', 'json'],
  ['a negative one', `json_parse('-1e400')`, '"-Infinity"', 'json'],
  ['inside an array', `json_format(JSON '[1e400]')`, '["Infinity"]', 'varchar'],
  ['cast to double', `CAST(JSON '1e400' AS DOUBLE)`, Number.POSITIVE_INFINITY, 'double'],
  ['cast to varchar', `CAST(JSON '-1e400' AS VARCHAR)`, '-Infinity', 'varchar'],
  ['too small for a double', `json_parse('1e-400')`, '0.0', 'json'],
]);

describeFunctions('the JSON functions read no further than Trino (a malformed rest is not read)', [
  ['a value before the text breaks off', `json_extract('{"a": 1', '$.a')`, '1', 'json'],
  ['text after the document', `json_extract('{"a": 1} x', '$.a')`, '1', 'json'],
  ['a later key before the text breaks off', `json_extract('{"b": 1, "a": 2', '$.a')`, '2', 'json'],
  ['not JSON at all', `json_extract('not json', '$.a')`, null, 'json'],
  ['json_extract_scalar before the break', `json_extract_scalar('[1,', '$[0]')`, '1', 'varchar'],
  ['json_array_get before the break', `json_array_get('[1, 2', 0)`, '1', 'json'],
  ['json_array_contains before the break', `json_array_contains('[1, 2', 1)`, true, 'boolean'],
  ['a number inside an array ends at any character', `json_extract_scalar('[1x]', '$[0]')`, '1', 'varchar'],
  ['a top-level number must end the text', `json_extract_scalar('1x', '$')`, null, 'varchar'],
  ['json_array_length of a broken array', `json_array_length('[1, 2')`, null, 'bigint'],
  ['json_array_length with text after the array', `json_array_length('[1, 2] x')`, 2, 'bigint'],
  ['json_array_length of no JSON', `json_array_length('not json')`, null, 'bigint'],
]);

describeFunctions(
  'json_array_contains matches a number of its own kind',
  [
    ['a bigint is not a fraction', `json_array_contains('[1, 2.0]', 2)`, false, 'boolean'],
    ['a bigint is an integer', `json_array_contains('[1, 2.0]', 1)`, true, 'boolean'],
    ['a decimal is a double, not an integer', `json_array_contains('[1, 2.0]', 1.0)`, false, 'boolean'],
    ['a decimal is a double', `json_array_contains('[1, 2.0]', 2.0)`, true, 'boolean'],
    ['a double is not an integer', `json_array_contains('[1, 2]', DOUBLE '2')`, false, 'boolean'],
    ['a real is a double', `json_array_contains('[2.0]', CAST(2 AS REAL))`, true, 'boolean'],
    ['an exponent is a double', `json_array_contains('[1e2]', 100)`, false, 'boolean'],
    ['an integer past a long', `json_array_contains('[9223372036854775808]', 9223372036854775807)`, false, 'boolean'],
    ['minus zero is zero', `json_array_contains('[-0]', 0)`, true, 'boolean'],
    ['an infinite needle matches nothing', `json_array_contains('[1e400]', infinity())`, false, 'boolean'],
    ['a nested array is no element', `json_array_contains('[[2], 2.0e0]', 2.0e0)`, true, 'boolean'],
    ['a string', `json_array_contains('["a", 1]', 'a')`, true, 'boolean'],
    ['a NULL needle', `json_array_contains('[1, 2]', NULL)`, null, 'boolean'],
  ],
  [['a date needle', `json_array_contains('[1]', DATE '2020-01-01')`, /json_array_contains\(\) takes a boolean, bigint, double or varchar/]],
);
