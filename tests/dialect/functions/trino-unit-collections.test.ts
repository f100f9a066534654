// Cases of Trino's own unit tests (trino-main TestArrayOperators, TestMapZipWithFunction, TestArrayTransformFunction,
// TestLambdaExpression, …) replayed on the local engine: where it answered differently from Trino 476, Trino's value
// and type, or the local refusal (docs/issue-15-audit.md, "Trino's unit tests replayed, collections and time").
import { describeFunctions } from './harness.js';

// A row written (a, b) has unnamed fields, which DuckDB's JSON names all "": the comparison's walk kept one of them,
// so (2, 2) = (1, 2) was true (and WHERE (x, 'a') = (2, 'a') kept every row).
describeFunctions('comparisons of rows written (a, b)', [
  ['a column against a constant row', '(x, 2) = (1, 2) FROM (VALUES 2) t(x)', false, 'boolean'],
  ['two rows of columns', '(x, 2) = (y, 2) FROM (VALUES (1, 2)) t(x, y)', false, 'boolean'],
  ['in a WHERE clause', "x FROM (VALUES 1, 2) t(x) WHERE (x, 'a') = (2, 'a')", 2, 'integer'],
  ['IN a list of rows', '(x, 2) IN ((1, 2), (2, 3)) FROM (VALUES 2) t(x)', false, 'boolean'],
  ['= in a lambda', 'transform(ARRAY[1, 2], x -> (x, 2) = (1, 2))', [true, false], 'array(boolean)'],
  ['<> in a lambda', 'transform(ARRAY[1, 2], x -> (x, 2) <> (1, 2))', [false, true], 'array(boolean)'],
  ['rows of mixed types', "transform(ARRAY[1, 2], x -> (x, 'a') = (1, 'a'))", [true, false], 'array(boolean)'],
  ['filter by a row comparison', 'filter(ARRAY[1, 2], x -> (x, 2) = (1, 2))', [1], 'array(integer)'],
  // Not refused: the row is compared, or cast to a named row, or the list is a lambda's parameters.
  ['a comparison as an argument', 'coalesce((1, 2) = (1, 3), true)', false, 'boolean'],
  ['cast to an array of named rows', "CAST(ARRAY[(1, 'x')] AS array(row(a integer, b varchar)))", [{ a: 1, b: 'x' }], 'array(row(a integer, b varchar))'],
  ['entries of map_from_entries', "map_from_entries(ARRAY[('a', 1), ('b', 2)])", { a: 1, b: 2 }, 'map(varchar, integer)'],
  ['(k, v) -> of a map lambda', 'map_filter(map(ARRAY[1, 2], ARRAY[3, 4]), (k, v) -> k = 1)', { 1: 3 }, 'map(integer, integer)'],
]);

// Trino 476 returns these rows with every field ({field0=1, field1=a}); DuckDB's client merged the unnamed fields
// into one ({field0: a}): refused as ROW(…) is.
describeFunctions(
  'rows written (a, b) as values',
  [],
  [
    ['a lambda body', "transform(ARRAY[1], x -> (x, 'a'))", /anonymous-row/],
    ["map_zip_with's lambda body", "map_zip_with(map(ARRAY['a'], ARRAY[1]), map(ARRAY['a'], ARRAY['x']), (k, v1, v2) -> (v1, v2))", /anonymous-row/],
    ['an element of ARRAY[…]', "ARRAY[(1, 'x')]", /anonymous-row/],
    ['array_intersect of rows', 'array_intersect(ARRAY[(123, 456), (123, 789)], ARRAY[(123, 456)])', /anonymous-row/],
    ['an argument of a function', "coalesce((1, 'x'), (2, 'y'))", /anonymous-row/],
    ['a CASE branch', "CASE WHEN true THEN (1, 'x') END", /anonymous-row/],
  ],
);

// Trino 476 walks the longer array (the first when both are as long); the local shim always walked the first.
describeFunctions('array_intersect keeps the order of the longer array', [
  ['the second array is longer', 'array_intersect(ARRAY[2, 1], ARRAY[1, 2, 3])', [1, 2], 'array(integer)'],
  ['varchar elements', "array_intersect(ARRAY['b', 'a'], ARRAY['a', 'b', 'c'])", ['a', 'b'], 'array(varchar)'],
  ['with a NULL in both', 'array_intersect(ARRAY[2, NULL, 1], ARRAY[1, NULL, 2, 3])', [1, null, 2], 'array(integer)'],
  ['doubles', 'array_intersect(ARRAY[8.3E0, 1.6E0, 4.1E0, 5.2E0], ARRAY[4.0E0, 5.2E0, 8.3E0, 9.7E0, 3.5E0])', [5.2, 8.3], 'array(double)'],
  ['columns', 'array_intersect(a, b) FROM (SELECT ARRAY[2, 1] AS a, ARRAY[1, 2, 3] AS b)', [1, 2], 'array(integer)'],
  ['as long: the first array', 'array_intersect(ARRAY[2, 1], ARRAY[1, 2])', [2, 1], 'array(integer)'],
  ['the first array is longer', 'array_intersect(ARRAY[2, 1, 3], ARRAY[1, 2])', [2, 1], 'array(integer)'],
]);

// Inside an array of doubles Trino 476's array_max orders NaN first; DuckDB's list_max took the NaN element.
describeFunctions('array_max of arrays of doubles holding NaN', [
  ['NaN first', 'array_max(ARRAY[ARRAY[NaN()], ARRAY[2], ARRAY[3]])', [3], 'array(double)'],
  ['NaN in the middle', 'array_max(ARRAY[ARRAY[2], ARRAY[NaN()], ARRAY[3]])', [3], 'array(double)'],
  ['NaN after an equal prefix', 'array_max(ARRAY[ARRAY[1, NaN()], ARRAY[1, 2]])', [1, 2], 'array(double)'],
  ['reals', "array_max(ARRAY[ARRAY[REAL '2', CAST(NaN() AS REAL)], ARRAY[REAL '2', REAL '1']])", [2, 1], 'array(real)'],
  ['a column', 'array_max(a) FROM (SELECT ARRAY[ARRAY[NaN()], ARRAY[2E0], ARRAY[3E0]] AS a)', [3], 'array(double)'],
  ['every element NaN', 'array_max(ARRAY[ARRAY[NaN()], ARRAY[NaN()]])', [Number.NaN], 'array(double)'],
]);
