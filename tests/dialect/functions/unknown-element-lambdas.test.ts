// A lambda over ARRAY[] or an array of only NULLs. Trino 476 types the parameter `unknown` and coerces it to the type
// of what it meets: beside an integer literal (`x + 1`, `10 / x`, `x > 1`) it is an integer, so
// transform(ARRAY[NULL], x -> x + 1) is array(integer) [null] (the shared oracle). Other uses still differ from
// DuckDB's and are refused (`x * 2.5`, `x || 'a'`, a lambda of two parameters).
// https://trino.io/docs/current/functions/array.html#transform
import { describe, expect, it } from 'vitest';
import { checkFaithful } from '../../../src/dialect/lint/index.js';
import { describeFunctions } from './harness.js';

describeFunctions(
  'lambdas over unknown-typed elements',
  [
    ['x + 1 over ARRAY[NULL]', 'transform(ARRAY[NULL], x -> x + 1)', [null], 'array(integer)'],
    ['x * 2 over ARRAY[]', 'transform(ARRAY[], x -> x * 2)', [], 'array(integer)'],
    ['10 / x over ARRAY[NULL, NULL]', 'transform(ARRAY[NULL, NULL], x -> 10 / x)', [null, null], 'array(integer)'],
    ['2 * x + 1 over ARRAY[NULL]', 'transform(ARRAY[NULL], x -> 2 * x + 1)', [null], 'array(integer)'],
    ['x + a bigint literal', 'transform(ARRAY[NULL], x -> x + 2147483648)', [null], 'array(bigint)'],
    ['x % 3 + 1.5: an integer, then a decimal', 'transform(ARRAY[NULL], x -> x % 3 + 1.5)', [null], 'array(decimal(12,1))'],
    ['coalesce(x + 1, 7)', 'transform(ARRAY[NULL], x -> coalesce(x + 1, 7))', [7], 'array(integer)'],
    ['filter keeps the unknown element type', 'filter(ARRAY[NULL], x -> x > 1)', [], 'array(unknown)'],
    ['any_match over an empty array', 'any_match(ARRAY[], x -> x > 1)', false, 'boolean'],
    ['any_match over ARRAY[NULL]', 'any_match(ARRAY[NULL], x -> x = 1)', null, 'boolean'],
    ['all_match over an empty array', 'all_match(ARRAY[], x -> x < 1)', true, 'boolean'],
    ['none_match over ARRAY[NULL]', 'none_match(ARRAY[NULL], x -> x <> 1)', null, 'boolean'],
  ],
  [
    // Trino 476: array(decimal(3,1)), array(array(varchar))
    ['x * 2.5', 'transform(ARRAY[NULL], x -> x * 2.5)', /unknown-array-lambda/],
    ["x || 'a'", "transform(ARRAY[NULL], x -> x || 'a')", /unknown-array-lambda/],
    ['reduce over an empty array', 'reduce(ARRAY[], 0, (s, x) -> s + x, s -> s)', /unknown-array-lambda/],
  ],
);

describe('lint of lambdas over unknown-typed elements', () => {
  it('refuses x beside an expression rather than a literal alone, which the local engine does not follow', () => {
    // Trino 476 answers array(integer) [null] here (x meets `1 + 2`); refused at the call, with the cast to write.
    expect(checkFaithful('SELECT transform(ARRAY[NULL], x -> 1 + 2 + x) AS v', { file: 'sql/transforms/m.sql' })).toEqual([
      expect.objectContaining({
        file: 'sql/transforms/m.sql',
        line: 1,
        col: 8,
        rule: 'unfaithful/unknown-array-lambda',
        hint: expect.stringContaining('CAST(ARRAY[]'),
      }),
    ]);
  });
});
