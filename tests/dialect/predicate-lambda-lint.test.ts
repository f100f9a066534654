// A predicate lambda (filter, any_match, all_match, none_match, map_filter) whose body is a NULL of no type fails in
// Trino 476 (FUNCTION_NOT_FOUND "Unexpected parameters (array(integer), <function>) for function filter. Expected:
// filter(array(t), function(t,boolean))"); DuckDB took the NULL as false (filter gave [], any_match NULL). `lake lint`
// refuses it at the call (found by the sixth hunt, docs/issue-15-audit.md "Found by the sixth hunt, functions").
import { describe, expect, it } from 'vitest';
import { checkFaithful } from '../../src/dialect/lint/index.js';

const FILE = 'sql/transforms/m.sql';
const refusal = (col: number) => [
  expect.objectContaining({ file: FILE, line: 1, col, rule: 'unfaithful/lambda-type', hint: expect.stringContaining('CAST(NULL AS boolean)') }),
];

describe('lint of predicate lambdas with an unknown-typed body', () => {
  it.each([
    ['filter(a, x -> NULL)', 8],
    ['any_match(a, x -> NULL)', 8],
    ['all_match(a, x -> (NULL))', 8],
    ['none_match(a, x -> coalesce(NULL, NULL))', 8],
    ['filter(a, x -> IF(x > 1, NULL))', 8],
    ['filter(a, x -> CASE WHEN x > 1 THEN NULL END)', 8],
    ['filter(a, x -> CASE x WHEN 1 THEN NULL ELSE NULL END)', 8],
    ['filter(a, x -> nullif(NULL, x > 1))', 8],
    ['1 + cardinality(filter(a, x -> NULL))', 24],
  ])('refuses %s', (expression, col) => {
    expect(checkFaithful(`SELECT ${expression} FROM (VALUES (ARRAY[1, 2])) t(a)`, { file: FILE })).toEqual(refusal(col));
  });

  it('refuses map_filter with a NULL body', () => {
    expect(checkFaithful('SELECT map_filter(m, (k, v) -> NULL) FROM (VALUES (MAP(ARRAY[1], ARRAY[2]))) t(m)', { file: FILE })).toEqual(refusal(8));
  });

  it.each([
    'filter(a, x -> CAST(NULL AS boolean))',
    'filter(a, x -> IF(x > 1, NULL, true))',
    'filter(a, x -> CASE WHEN x > 1 THEN NULL ELSE false END)',
    'any_match(a, x -> coalesce(NULL, x > 1))',
    'filter(a, x -> x > NULL)',
    'transform(a, x -> NULL)',
  ])('accepts %s (Trino 476 answers it)', (expression) => {
    expect(checkFaithful(`SELECT ${expression} FROM (VALUES (ARRAY[1, 2])) t(a)`, { file: FILE })).toEqual([]);
  });
});
