// Trino's type of a NULL literal and of the empty or all-NULL constructors is `unknown` (array(unknown),
// map(unknown, unknown)), kept by the functions that pass their elements through, and coerced to the other side's
// type where it meets one (ARRAY[NULL, 1] is array(integer)). https://trino.io/docs/current/language/types.html
// documents no `unknown` type: it is the type of NULL in Trino's analyzer (io.trino.type.UnknownType), and Trino's
// client reports it as the column type. DuckDB makes that NULL type INTEGER in a result. Every row is the value and
// type Trino 476 printed for the same SQL.
import { describeFunctions } from './harness.js';

describeFunctions(
  'unknown-typed NULLs and empty constructors',
  [
    ['a NULL literal', 'NULL', null, 'unknown'],
    ['an empty array', 'ARRAY[]', [], 'array(unknown)'],
    ['an array of NULL', 'ARRAY[NULL]', [null], 'array(unknown)'],
    ['an empty map', 'MAP()', {}, 'map(unknown, unknown)'],
    ['a map of empty arrays', 'MAP(ARRAY[], ARRAY[])', {}, 'map(unknown, unknown)'],
    ['a map of NULL values', "MAP(ARRAY['a'], ARRAY[NULL])", { a: null }, 'map(varchar, unknown)'],
    ['an array of an empty array', 'ARRAY[ARRAY[]]', [[]], 'array(array(unknown))'],
    ['a map value that is an empty array', 'MAP(ARRAY[1], ARRAY[ARRAY[]])', { 1: [] }, 'map(integer, array(unknown))'],
    ['transform keeps unknown', 'transform(ARRAY[], x -> x)', [], 'array(unknown)'],
    ['filter keeps unknown', 'filter(ARRAY[NULL], x -> true)', [null], 'array(unknown)'],
    ['concat of empty arrays', 'concat(ARRAY[], ARRAY[])', [], 'array(unknown)'],
    ['array_distinct of an empty array', 'array_distinct(ARRAY[])', [], 'array(unknown)'],
    ['array_sort of an empty array', 'array_sort(ARRAY[])', [], 'array(unknown)'],
    ['slice of an empty array', 'slice(ARRAY[], 1, 1)', [], 'array(unknown)'],
    ['flatten of an array of an empty array', 'flatten(ARRAY[ARRAY[]])', [], 'array(unknown)'],
    ['map_keys of an empty map', 'map_keys(MAP())', [], 'array(unknown)'],
    ['array_agg of NULL', 'array_agg(NULL)', [null], 'array(unknown)'],
    ['repeat of NULL', 'repeat(NULL, 2)', [null, null], 'array(unknown)'],
    ['zip with an empty array', 'zip(ARRAY[], ARRAY[1])', [{ field0: null, field1: 1 }], 'array(row(unknown, integer))'],
    ['a NULL next to a column ordered by', 'NULL FROM (VALUES 1) t(x) ORDER BY x', null, 'unknown'],
    // where unknown meets another type, it takes that type
    ['NULL among integers', 'ARRAY[NULL, 1]', [null, 1], 'array(integer)'],
    ['coalesce of an empty array and an integer array', 'coalesce(ARRAY[], ARRAY[2])', [], 'array(integer)'],
    ['CASE over an empty array and an integer array', 'CASE WHEN true THEN ARRAY[] ELSE ARRAY[1] END', [], 'array(integer)'],
    ['an array of an empty and an integer array', 'ARRAY[ARRAY[], ARRAY[1]]', [[], [1]], 'array(array(integer))'],
    ['CAST of an empty array', 'CAST(ARRAY[] AS array(integer))', [], 'array(integer)'],
    ['cardinality of an empty array', 'cardinality(ARRAY[])', 0, 'bigint'],
    ['an empty array equals no integer array', 'ARRAY[] = ARRAY[1]', false, 'boolean'],
    ['contains in an empty array', 'contains(ARRAY[], 1)', false, 'boolean'],
    ['a column of integers with a NULL', 'x FROM (VALUES 1, NULL) t(x)', 1, 'integer'],
    // an element of an unknown array is unknown; the subscript's checks keep Trino's errors
    ['element_at of an empty array', 'element_at(ARRAY[], 1)', null, 'unknown'],
    ['element_at from the end', 'element_at(ARRAY[NULL], -1)', null, 'unknown'],
    ['a subscript of ARRAY[NULL]', 'ARRAY[NULL][1]', null, 'unknown'],
    ['a subscript of a map of NULL values', "MAP(ARRAY['a'], ARRAY[NULL])['a']", null, 'unknown'],
    // a row of a NULL: its field is unknown (DuckDB's type name cannot spell a row without field names)
    ['a row of NULL', 'ROW(NULL)', { field0: null }, 'row(unknown)'],
    ['an array of a row of NULL', 'ARRAY[ROW(NULL)]', [{ field0: null }], 'array(row(unknown))'],
    ['a row of a row of NULL', 'ROW(ROW(NULL))', { field0: { field0: null } }, 'row(row(unknown))'],
    ['a row of an empty array', 'ROW(ARRAY[])', { field0: [] }, 'row(array(unknown))'],
    ['a row of an integer', 'ROW(1)', { field0: 1 }, 'row(integer)'],
    ['a row of NULL and a row of 1', 'ARRAY[ROW(1), ROW(NULL)]', [{ field0: 1 }, { field0: null }], 'array(row(integer))'],
    // a lambda over unknown elements that does not use them in an expression
    ['a lambda that ignores its unknown parameter', 'transform(ARRAY[NULL], x -> 1)', [1], 'array(integer)'],
    ['a lambda that tests its unknown parameter for NULL', 'all_match(ARRAY[], x -> x IS NOT NULL)', true, 'boolean'],
    ['filter by IS NULL', 'filter(ARRAY[NULL, NULL], x -> x IS NULL)', [null, null], 'array(unknown)'],
    ['concat of ARRAY[] and reverse(ARRAY[])', 'concat(ARRAY[], reverse(ARRAY[]))', [], 'array(unknown)'],
    ['NULL plus one', 'NULL + 1', null, 'integer'],
    ['one minus NULL', '1 - NULL', null, 'integer'],
    ['NULL equals NULL', 'NULL = NULL', null, 'boolean'],
  ],
  [
    ['a subscript past the end of ARRAY[NULL]', 'ARRAY[NULL][2]', /Array subscript must be less than or equal to array length: 2 > 1/],
    ['a subscript 0 of ARRAY[NULL]', 'ARRAY[NULL][0]', /SQL array indices start at 1/],
    ['a missing key of a map of NULL values', "MAP(ARRAY['a'], ARRAY[NULL])['b']", /Key not present in map: b/],
    // Trino 476: AMBIGUOUS_FUNCTION_CALL (joining two arrays or appending an element): refused at lint
    ['concat of an empty and an integer array', 'concat(ARRAY[], ARRAY[1])', /unknown-array-concat/],
    ['concat of an integer and an empty array', 'concat(ARRAY[-1], ARRAY[])', /unknown-array-concat/],
    ['|| of ARRAY[NULL] and an integer array', 'ARRAY[NULL] || ARRAY[1]', /unknown-array-concat/],
    ['|| of an integer and an empty array', 'ARRAY[1, 2, 3] || ARRAY[]', /unknown-array-concat/],
    ['concat with array_distinct of an empty array', 'concat(ARRAY[-1], array_distinct(ARRAY[]))', /unknown-array-concat/],
    ['|| of reverse(ARRAY[]) and an integer array', 'reverse(ARRAY[]) || ARRAY[1]', /unknown-array-concat/],
    ['x * x over slice of an empty array', 'transform(slice(ARRAY[], -1, 0), x -> x * x)', /unknown-array-lambda/],
    // an operator over NULL alone: Trino 476 AMBIGUOUS_FUNCTION_CALL
    ['NULL + NULL', 'NULL + NULL', /ambiguous-null-operator/],
    ['(NULL) * (NULL)', '(NULL) * (NULL)', /ambiguous-null-operator/],
    ['NULL || NULL', 'NULL || NULL', /ambiguous-null-operator/],
    ['-NULL', '-NULL', /ambiguous-null-operator/],
    // a lambda whose body uses an unknown-typed parameter: Trino's overloads differ from DuckDB's integer ones
    ['x * bigint over an empty array (Trino: ambiguous)', "transform(ARRAY[], x -> x * BIGINT '2')", /unknown-array-lambda/],
    ['x * x over an empty array (Trino: ambiguous)', 'transform(ARRAY[], x -> x * x)', /unknown-array-lambda/],
    ['x * 2.5 over ARRAY[NULL] (Trino: array(decimal(3,1)))', 'transform(ARRAY[NULL], x -> x * 2.5)', /unknown-array-lambda/],
    ["x || 'a' over ARRAY[NULL] (Trino: array(array(varchar)))", "transform(ARRAY[NULL], x -> x || 'a')", /unknown-array-lambda/],
    ['reduce over an empty array', 'reduce(ARRAY[], 0, (s, x) -> s + x, s -> s)', /unknown-array-lambda/],
  ],
);
