// Nested subscripts (issue 18, docs/performance.md "DuckDB binding cost of the dialect's macros"): trino_subscript
// mentions its array and index ~17 times each, so a[1][1][1][1] made DuckDB bind `a` 17^4 times (~7 s of CPU). An
// array or index that is itself an expression of calls now goes through trino_subscript_once, which binds both once.
// Every expected answer and failure is Trino 476's (value and type), asked of the shared Trino.
import { describe, expect, it } from 'vitest';
import { translateQuery } from '../../src/dialect/translate/query.js';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('a subscript of a subscript binds its operands once', () => {
  it('an inner subscript or call goes through trino_subscript_once; a column with a literal index keeps trino_subscript', () => {
    expect(translateQuery('SELECT a[1][2] FROM t')).toContain('trino_subscript_once(trino_subscript(a, 1), 2)');
    expect(translateQuery('SELECT a[b[1]] FROM t')).toContain('trino_subscript_once(a, ');
    expect(translateQuery('SELECT a[1] FROM t')).toContain('trino_subscript(a, 1)');
    expect(translateQuery('SELECT a[1] FROM t')).not.toContain('_once');
  });
});

describe("nested subscripts answer as Trino 476's", () => {
  it.each<[string, string, string[], unknown[][]]>([
    ['four levels', 'SELECT a[1][1][1][1] FROM (VALUES ARRAY[ARRAY[ARRAY[ARRAY[1]]]]) t(a)', ['_col0 integer'], [[1]]],
    ['two levels', 'SELECT a[2][1], a[1][2] FROM (VALUES ARRAY[ARRAY[1, 2], ARRAY[3]]) t(a)', ['_col0 integer', '_col1 integer'], [[3, 2]]],
    ['an index that is a subscript', 'SELECT a[b[1]] FROM (VALUES (ARRAY[5, 6], ARRAY[2])) t(a, b)', ['_col0 integer'], [[6]]],
    ['maps of maps', "SELECT m['x']['y'] FROM (VALUES MAP(ARRAY['x'], ARRAY[MAP(ARRAY['y'], ARRAY[7])])) t(m)", ['_col0 integer'], [[7]]],
    ['a NULL inner array', 'SELECT a[1][1] FROM (VALUES ARRAY[CAST(NULL AS array(integer))]) t(a)', ['_col0 integer'], [[null]]],
    [
      'of an aggregate',
      'SELECT k, max(a)[1][1] FROM (VALUES (1, ARRAY[ARRAY[4]]), (1, ARRAY[ARRAY[9]])) t(k, a) GROUP BY k',
      ['k integer', '_col1 integer'],
      [[1, 9]],
    ],
    ['of an outer column in a subquery', 'SELECT (SELECT a[1][1] FROM (VALUES 1) u(z)) FROM (VALUES ARRAY[ARRAY[8]]) t(a)', ['_col0 integer'], [[8]]],
    ['of element_at', 'SELECT element_at(a, 1)[1] FROM (VALUES ARRAY[ARRAY[3]]) t(a)', ['_col0 integer'], [[3]]],
    ['inside a lambda', 'SELECT transform(a, x -> x[1][1]) FROM (VALUES ARRAY[ARRAY[ARRAY[3]]]) t(a)', ['_col0 array(integer)'], [[[3]]]],
  ])('%s', async (_name, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  it.each([
    ['past the end', 'SELECT a[1][3] FROM (VALUES ARRAY[ARRAY[1, 2], ARRAY[3]]) t(a)', 'Array subscript must be less than or equal to array length: 3 > 2'],
    ['a missing key', "SELECT m['x']['z'] FROM (VALUES MAP(ARRAY['x'], ARRAY[MAP(ARRAY['y'], ARRAY[7])])) t(m)", 'Key not present in map: z'],
    ['index 0', 'SELECT a[1][0] FROM (VALUES ARRAY[ARRAY[3]]) t(a)', 'SQL array indices start at 1'],
  ])('fails as Trino 476 (INVALID_FUNCTION_ARGUMENT): %s', async (_name, sql, message) => {
    await expect(engine.execute(sql)).rejects.toThrow(message);
  });
});
