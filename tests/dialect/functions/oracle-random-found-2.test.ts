// Differences the oracle's random expressions found with seed 20261206 (3,000 cases, `npm run test:trino`) between the
// local engine and Trino 476, kept fixed here without Java: each case is the value and type, or the failure, Trino
// 476 answered for the same SQL.
import { describe, expect, it } from 'vitest';
import { checkFaithful } from '../../../src/dialect/lint/index.js';
import { describeFunctions } from './harness.js';

describeFunctions('differences found by the random expressions (seed 20261206)', [
  // A floating division by zero follows IEEE 754 in Java: the sign of the zero counts (1.5 / -0.0 is -Infinity).
  ['a positive double over -0.0', "DOUBLE '1.5' / DOUBLE '-0.0'", Number.NEGATIVE_INFINITY, 'double'],
  ['a negative double over -0.0', "DOUBLE '-1.5' / DOUBLE '-0.0'", Number.POSITIVE_INFINITY, 'double'],
  ['a negative double over 0.0', "DOUBLE '-1.5' / 0E0", Number.NEGATIVE_INFINITY, 'double'],
  ['an integer over -0.0', "2 / DOUBLE '-0.0'", Number.NEGATIVE_INFINITY, 'double'],
  ['a real over -0.0', "REAL '2' / REAL '-0.0'", Number.NEGATIVE_INFINITY, 'real'],
  ['zero over -0.0', "0E0 / DOUBLE '-0.0'", Number.NaN, 'double'],
  ['NaN over zero', 'nan() / 0E0', Number.NaN, 'double'],
  ['least of a value and a quotient by -0.0', "least(DOUBLE '1.5', DOUBLE '1.5' / DOUBLE '-0.0')", Number.NEGATIVE_INFINITY, 'double'],
  // substr's start is an int in Trino; its lowest value is before the start of any text.
  ['substr from the lowest integer', "substr('a', -2147483648)", '', 'varchar'],
  ['substr of a length from the lowest integer', "substr('abc', -2147483648, 2)", '', 'varchar'],
  ['substr from the highest integer', "substr('abc', 2147483647)", '', 'varchar'],
  // A NULL array keeps its type through calls DuckDB folds to a NULL of no type (`split(NULL, ',')` is a constant).
  ['map_from_entries of a NULL zip', "map_from_entries(zip(split(NULL, ','), ARRAY[1]))", null, 'map(varchar, integer)'],
  [
    'map_from_entries of a folded NULL',
    "map_from_entries(zip(regexp_extract_all(regexp_extract('a', '[0-9]'), '([a-z])([0-9]*)', 1), ARRAY[-1]))",
    null,
    'map(varchar, integer)',
  ],
  ['map_from_entries(NULL)', 'map_from_entries(NULL)', null, 'map(unknown, unknown)'],
  ['zip of a NULL array', "zip(split(NULL, ','), ARRAY[1], ARRAY['x'])", null, 'array(row(varchar, integer, varchar))'],
  ['flatten of a NULL array', "flatten(transform(split(NULL, ','), x -> ARRAY[x]))", null, 'array(varchar)'],
  ['element_at of a NULL map', "element_at(map_from_entries(zip(split(NULL, ','), ARRAY[1])), 'a')", null, 'integer'],
  ['map_from_entries still builds maps', "map_from_entries(zip(ARRAY['a', 'b'], ARRAY[1, 2]))", { a: 1, b: 2 }, 'map(varchar, integer)'],
  // array_except with an empty second array returns the first unchanged in Trino 476, duplicates kept (seed 20261207).
  ['array_except with ARRAY[]', 'array_except(ARRAY[2, NULL, 2], ARRAY[])', [2, null, 2], 'array(integer)'],
  ['array_except with an empty bigint array', 'array_except(ARRAY[2, NULL, 2], CAST(ARRAY[] AS array(bigint)))', [2, null, 2], 'array(bigint)'],
  ['array_except with an empty column', 'array_except(a, b) FROM (VALUES (ARRAY[1, 1], CAST(ARRAY[] AS array(integer)))) t(a, b)', [1, 1], 'array(integer)'],
  ['array_except otherwise distinct', 'array_except(ARRAY[2, NULL, 2], ARRAY[3])', [2, null], 'array(integer)'],
  ['flatten still skips NULL arrays', 'flatten(ARRAY[NULL, ARRAY[1], ARRAY[], ARRAY[2, NULL]])', [1, 2, null], 'array(integer)'],
]);

describe('a subquery inside a lambda', () => {
  const lint = (sql: string) => checkFaithful(sql, { file: 'sql/transforms/x.sql', lineOffset: 0 });

  it('is refused as Athena refuses it (NOT_SUPPORTED: Lambda expression cannot contain subqueries)', () => {
    const [found] = lint('SELECT transform(ARRAY[1, 2, 3],\n  x -> x * (SELECT min(y) FROM t)) AS v');
    expect(found).toMatchObject({ severity: 'error', rule: 'unfaithful/lambda-subquery', file: 'sql/transforms/x.sql', line: 2, col: 13 });
    expect(found.message).toMatch(/Lambda expression cannot contain subqueries/);
  });

  it('is found at any depth of the body, and a subquery beside the lambda is left alone', () => {
    expect(lint('SELECT filter(a, x -> coalesce(x, 0) IN (VALUES 1)) FROM t').map((d) => d.rule)).toEqual(['unfaithful/lambda-subquery']);
    expect(lint('SELECT transform(a, x -> x + 1), (SELECT max(y) FROM u) FROM t')).toEqual([]);
  });
});
