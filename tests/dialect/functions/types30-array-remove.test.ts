// array_remove of arrays, maps or rows holding NULL elements (docs/issue-15-audit.md "Types decided at translation"):
// Trino 476 fails (NOT_SUPPORTED "array_remove does not support arrays with elements that are null or contain null")
// where comparing an element with the value removed meets a NULL before the comparison is decided, found or not; NULL
// elements are kept. The check is chosen at translation from the types the SQL shows (translate/array-remove.ts): plain
// element types keep the plain shim (no operand bound again), operands showing no type are refused while binding
// where DuckDB types them nested. Every value, type and error is the shared Trino 476's.
import { describe, expect, it } from 'vitest';
import { translateQuery } from '../../../src/dialect/translate/query.js';
import { describeFunctions } from './harness.js';

const REMOVE_NULL = /array_remove does not support arrays with elements that are null or contain null/;
// The local refusal where neither operand shows its type (Trino 476 answers or fails NOT_SUPPORTED by the data).
const REMOVE_UNSEEN = /array_remove of arrays, maps or rows is refused locally where the SQL does not show the elements' type/;

describeFunctions(
  'array_remove of arrays, maps or rows holding NULL elements',
  [
    ['decided before the NULL', 'array_remove(ARRAY[ARRAY[1, NULL], ARRAY[2]], ARRAY[3, 2])', [[1, null], [2]], 'array(array(integer))'],
    ['decided by the lengths', 'array_remove(ARRAY[ARRAY[2], ARRAY[1, NULL]], ARRAY[2])', [[1, null]], 'array(array(integer))'],
    ['decided after a NULL pair', 'array_remove(ARRAY[ARRAY[NULL, 1]], ARRAY[NULL, 2])', [[null, 1]], 'array(array(integer))'],
    ['a NULL element is kept', 'array_remove(ARRAY[ARRAY[1], NULL], ARRAY[2])', [[1], null], 'array(array(integer))'],
    ['a NULL value removed', 'array_remove(ARRAY[ARRAY[1, NULL]], NULL)', null, 'array(array(integer))'],
    ['an empty array', 'array_remove(ARRAY[], ARRAY[1, NULL])', [], 'array(array(integer))'],
    ['a longer value removed', 'array_remove(ARRAY[ARRAY[1, 2]], ARRAY[1, 2, NULL])', [[1, 2]], 'array(array(integer))'],
    ['arrays of texts', "array_remove(ARRAY[ARRAY['a', NULL]], ARRAY['b', 'c'])", [['a', null]], 'array(array(varchar))'],
    ['a wider value removed', 'array_remove(ARRAY[ARRAY[1, 2]], ARRAY[CAST(1 AS bigint), 2])', [], 'array(array(bigint))'],
    ['maps without NULL', 'array_remove(ARRAY[MAP(ARRAY[1], ARRAY[2])], MAP(ARRAY[1], ARRAY[2]))', [], 'array(map(integer, integer))'],
    ['-0.0 and 0.0 inside arrays', 'array_remove(ARRAY[ARRAY[0e0]], ARRAY[-0e0])', [], 'array(array(double))'],
    // NaN equals nothing inside arrays in Trino 476 (the element is kept; it was removed locally before).
    ['NaN inside arrays', 'cardinality(array_remove(ARRAY[ARRAY[1e0, nan()]], ARRAY[1e0, nan()]))', 1, 'bigint'],
    [
      'zoned values inside arrays, by instant',
      "array_remove(ARRAY[ARRAY[TIMESTAMP '2020-01-01 00:00:00 UTC']], ARRAY[TIMESTAMP '2020-01-01 01:00:00 +01:00'])",
      [],
      'array(array(timestamp(3) with time zone))',
    ],
    [
      'a column of arrays, the value shown',
      'array_remove(a, ARRAY[1, 2]) FROM (SELECT ARRAY[ARRAY[1, 3], ARRAY[1, 2]] AS a)',
      [[1, 3]],
      'array(array(integer))',
    ],
    ['scalars', 'array_remove(ARRAY[1, NULL, 2], 1)', [null, 2], 'array(integer)'],
    ['scalar columns', 'array_remove(a, b) FROM (SELECT ARRAY[1, 3, NULL] AS a, 3 AS b)', [1, null], 'array(integer)'],
    ['scalars in a correlated subquery', '(SELECT array_remove(a, b)) FROM (SELECT ARRAY[1, NULL, 2] AS a, 2 AS b)', [1, null], 'array(integer)'],
    ['NaN scalars in a correlated subquery', '(SELECT cardinality(array_remove(a, b))) FROM (SELECT ARRAY[1e0, nan(), 2e0] AS a, nan() AS b)', 3, 'bigint'],
    [
      'zoned scalars in a correlated subquery',
      "(SELECT array_remove(a, b)) FROM (SELECT ARRAY[TIMESTAMP '2020-01-01 00:00:00 UTC', TIMESTAMP '2020-01-01 02:00:00 UTC'] AS a, TIMESTAMP '2020-01-01 01:00:00 +01:00' AS b)",
      ['2020-01-01 02:00:00.000 UTC'],
      'array(timestamp(3) with time zone)',
    ],
  ],
  [
    ['the same NULL', 'array_remove(ARRAY[ARRAY[1, NULL]], ARRAY[1, NULL])', REMOVE_NULL],
    ['a NULL beside a match', 'array_remove(ARRAY[ARRAY[1, NULL], ARRAY[2]], ARRAY[1, 2])', REMOVE_NULL],
    ['after the value removed', 'array_remove(ARRAY[ARRAY[1, 2], ARRAY[1, NULL]], ARRAY[1, 2])', REMOVE_NULL],
    ['a NULL in the value removed', 'array_remove(ARRAY[ARRAY[1, 2]], ARRAY[1, NULL])', REMOVE_NULL],
    ['rows', 'array_remove(ARRAY[CAST(ROW(1, NULL) AS row(a integer, b integer))], CAST(ROW(1, 2) AS row(a integer, b integer)))', REMOVE_NULL],
    ['arrays of arrays', 'array_remove(ARRAY[ARRAY[ARRAY[1, NULL]]], ARRAY[ARRAY[1, 2]])', REMOVE_NULL],
    ['a map value', 'array_remove(ARRAY[MAP(ARRAY[1], ARRAY[NULL])], MAP(ARRAY[1], ARRAY[2]))', REMOVE_NULL],
    ['ngrams', "array_remove(ngrams(ARRAY['a', NULL], 2), ARRAY['a', 'b'])", REMOVE_NULL],
    ['a column, the value shown', 'array_remove(a, ARRAY[1, 2]) FROM (SELECT ARRAY[ARRAY[1, NULL]] AS a)', REMOVE_NULL],
    ['a column cast', 'array_remove(CAST(a AS array(array(integer))), b) FROM (SELECT ARRAY[ARRAY[1, NULL]] AS a, ARRAY[1, 2] AS b)', REMOVE_NULL],
    ['the value cast', 'array_remove(a, CAST(b AS array(integer))) FROM (SELECT ARRAY[ARRAY[1, NULL]] AS a, ARRAY[1, 2] AS b)', REMOVE_NULL],
    ['in a correlated subquery', '(SELECT array_remove(a, b)) FROM (SELECT ARRAY[ARRAY[1, NULL]] AS a, ARRAY[1, 2] AS b)', REMOVE_NULL],
    // Trino 476: NOT_SUPPORTED as above; refused locally while binding (neither operand shows its type).
    ['two columns', 'array_remove(a, b) FROM (SELECT ARRAY[ARRAY[1, NULL]] AS a, ARRAY[1, 2] AS b)', REMOVE_UNSEEN],
    // Trino 476 answers [[1, 3]] here, by the data: refused the same, a CAST shows the type (above).
    ['two columns without NULL', 'array_remove(a, b) FROM (SELECT ARRAY[ARRAY[1, 3], ARRAY[1, 2]] AS a, ARRAY[1, 2] AS b)', REMOVE_UNSEEN],
    // Trino 476 answers [[1, 3]]; `(SELECT e)` without FROM is planned as `e` (translate/scalar-selects.ts), so it is
    // refused as the two columns above are.
    [
      'in a subquery without FROM, nothing shown',
      '(SELECT array_remove(a, b)) FROM (SELECT ARRAY[ARRAY[1, 3], ARRAY[1, 2]] AS a, ARRAY[1, 2] AS b)',
      REMOVE_UNSEEN,
    ],
  ],
);

describe('array_remove keeps the plain shim where the SQL shows scalar elements', () => {
  it.each([
    // The literal is Trino's integer (hunt40: an integer literal beside a tinyint or smallint array stays integer).
    ['a number removed', 'SELECT array_remove(a, 0) FROM t', 'trino_array_remove(a, CAST(0 AS INTEGER))'],
    ['a text removed', "SELECT array_remove(a, 'x') FROM t", "trino_array_remove(a, 'x')"],
    ['a sequence', 'SELECT array_remove(sequence(1, n), k) FROM t', 'trino_array_remove(trino_sequence(1, n), k)'],
    ['a written array', 'SELECT array_remove(ARRAY[1, 2], k) FROM t', 'trino_array_remove(ARRAY[1, 2], k)'],
    ['an array cast', 'SELECT array_remove(CAST(a AS array(bigint)), k) FROM t', 'SELECT trino_array_remove(CAST('],
  ])('%s', (_name, sql, expected) => {
    const text = translateQuery(sql);
    expect(text).toContain(expected);
    expect(text).not.toContain('trino_array_remove_nested');
    expect(text).not.toContain('array_remove nested');
  });
});
