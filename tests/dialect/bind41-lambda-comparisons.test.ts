// Comparisons inside lambda bodies bind their operands once (issue 18, CI time). array_sort's comparator is inlined per
// pair of elements: the array's text was written ~5 times and the comparator's twice, and each comparison in it
// (`cardinality(x) < cardinality(y)`, `x % 2 = y % 2`) names its operands ~7 times through its guards
// (trino_nan_in, trino_text_comparable; trino_compare_any's branches), so DuckDB bound the array's text hundreds of
// times: seconds of CPU per query in `npm test` and in the Trino oracle's replay. Now the sorted array, each comparator
// result and each heavy comparison's operands are a lambda's parameter, evaluated once (lambda-rewrites.ts
// sortWithComparator, nested-comparisons.ts boundOnce). The answers must not change: every expected value, type and
// failure below is Trino 476's, asked of the shared Trino.
import { describe, expect, it } from 'vitest';
import { translateStatement } from '../../src/dialect/translate/index.js';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const duckdbSql = (sql: string) =>
  translateStatement(sql, { lakeRoot: '/tmp/lake', database: 'default' })
    .steps.map((s) => (s.kind === 'sql' ? s.sql : ''))
    .join(';');

const BY_LENGTH =
  'array_sort(ARRAY[ARRAY[2, 3, 1], ARRAY[1], ARRAY[4, 5]], (x, y) -> IF(cardinality(x) < cardinality(y), -1, IF(cardinality(x) = cardinality(y), 0, 1)))';
const ODD_LAST = 'array_sort(ARRAY[1, 2, 3, 4], (x, y) -> IF(x % 2 = y % 2, 0, IF(x % 2 = 0, -1, 1)))';

describe('comparisons in lambda bodies bound once', () => {
  it('binds the sorted array, the comparator result and heavy comparison operands once', () => {
    const sorted = duckdbSql(`SELECT ${BY_LENGTH} AS v`);
    expect(sorted).toContain('lambda trino_sorted1: trino_sort_by_ranks(');
    expect(sorted).toContain('lambda trino_r1: trino_comparator_result(trino_r1) < 0');
    // The array's text once, not once per mention of x and y.
    expect(sorted.split('ARRAY[ARRAY[2, 3, 1], ARRAY[1], ARRAY[4, 5]]').length).toBeLessThan(6);
    const odd = duckdbSql(`SELECT ${ODD_LAST} AS v`);
    expect(odd).toContain("lambda trino_cmp1: ((trino_cmp1['l'] = trino_cmp1['r'] AND NOT trino_nan_in(trino_cmp1['l'], trino_cmp1['r']))");
    // A comparison outside a lambda keeps its operands in place (a join's or a filter's keys).
    expect(duckdbSql('SELECT abs(a) % 2 = abs(b) % 2 AS v FROM (VALUES (1, 3)) t(a, b)')).not.toContain('trino_cmp1');
  });

  it('gives the answers Trino 476 gives', async () => {
    // Trino 476: [[1],[4,5],[2,3,1]], [2,4,1,3], [5,3,1], [true,true,true], {1:3, 2:4, 3:7}, [ccc,bb,a],
    // [2020-01-01, 2020-01-03] (array(date)).
    const sql = `SELECT ${BY_LENGTH} AS a, ${ODD_LAST} AS b,
      array_sort(t.arr, (x, y) -> IF(abs(x - t.k) < abs(y - t.k), -1, IF(abs(x - t.k) = abs(y - t.k), 0, 1))) AS c,
      zip_with(ARRAY[1, 2, 3], ARRAY[3, 4, 5], (x, y) -> x % 2 = y % 2) AS d,
      map_filter(MAP(ARRAY[1, 2, 3], ARRAY[3, 4, 7]), (k, v) -> k % 2 = v % 2) AS e,
      array_sort(ARRAY['bb', 'a', 'ccc'], (x, y) -> IF(length(x) > length(y), -1, IF(length(x) = length(y), 0, 1))) AS g,
      array_sort(ARRAY[DATE '2020-01-03', DATE '2020-01-01'], (x, y) -> IF(date_add('day', 1, x) < date_add('day', 1, y), -1, IF(x = y, 0, 1))) AS h
      FROM (VALUES (ARRAY[1, 5, 3], 4)) t(arr, k)`;
    expect(await namedResult(engine, sql)).toEqual({
      columns: [
        'a array(array(integer))',
        'b array(integer)',
        'c array(integer)',
        'd array(boolean)',
        'e map(integer, integer)',
        'g array(varchar)',
        'h array(date)',
      ],
      rows: [[[[1], [4, 5], [2, 3, 1]], [2, 4, 1, 3], [5, 3, 1], [true, true, true], { 1: 3, 2: 4, 3: 7 }, ['ccc', 'bb', 'a'], ['2020-01-01', '2020-01-03']]],
    });
  });

  it('groups: a comparator over an aggregate', async () => {
    // Trino 476: (1, [3, 4, 2]), (2, [7]).
    const sql =
      'SELECT k, array_sort(array_agg(x), (a, b) -> IF(a % 3 < b % 3, -1, IF(a % 3 = b % 3, 0, 1))) AS v FROM (VALUES (1, 4), (1, 3), (1, 2), (2, 7)) t(k, x) GROUP BY k ORDER BY k';
    expect(await namedResult(engine, sql)).toEqual({
      columns: ['k integer', 'v array(integer)'],
      rows: [
        [1, [3, 4, 2]],
        [2, [7]],
      ],
    });
  });

  it('fails where Trino 476 fails', async () => {
    // Trino 476: DIVISION_BY_ZERO; NOT_SUPPORTED "ARRAY comparison not supported for arrays with null elements";
    // INVALID_FUNCTION_ARGUMENT "Lambda comparator must return either -1, 0, or 1".
    await expect(engine.execute('SELECT array_sort(ARRAY[1, 2, 3], (x, y) -> IF(x / 0 < y, -1, 1)) AS v')).rejects.toThrow(/Division by zero/i);
    await expect(
      engine.execute(
        'SELECT array_sort(ARRAY[ARRAY[2, 1], ARRAY[1, NULL], ARRAY[1, 3]], (x, y) -> IF(slice(x, 1, 2) < slice(y, 1, 2), -1, IF(slice(x, 1, 2) = slice(y, 1, 2), 0, 1))) AS v',
      ),
    ).rejects.toThrow(/ARRAY comparison not supported for arrays with null elements/);
    await expect(engine.execute('SELECT array_sort(ARRAY[3, 2], (x, y) -> CAST(NULL AS INTEGER)) AS v')).rejects.toThrow(
      /Lambda comparator must return either -1, 0, or 1/,
    );
  });
});
