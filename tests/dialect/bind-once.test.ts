// Function shims whose arguments DuckDB would bind thousands of times bind them once (issue 18; src/dialect/translate/
// bind-once.ts, src/dialect/shims/macro-weights.ts). DuckDB expands a macro by copying each argument into every mention
// of its parameter, through nested macros: the random oracle's expressions spent most of the local engine's time
// binding a few nested calls (`array_intersect(x, array_sort(slice(y, -1, 2)))`: `y` ~18,000 times). Every expected
// answer and failure is Trino 476's (value and type), asked of the shared Trino.
import { describe, expect, it } from 'vitest';
import { argumentWeight, expandedSize } from '../../src/dialect/shims/macro-weights.js';
import { bindHeavyArgumentsOnce } from '../../src/dialect/translate/bind-once.js';
import { translateStatement } from '../../src/dialect/translate/index.js';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const HEAVY_SQL = 'SELECT array_intersect(ARRAY[1], array_sort(slice(CAST(NULL AS array(integer)), -1, 2))) AS v';
const duckdbSql = (sql: string) =>
  translateStatement(sql, { lakeRoot: '/tmp/lake', database: 'default' })
    .steps.map((s) => (s.kind === 'sql' ? s.sql : ''))
    .join(';');

describe('how much SQL DuckDB binds for a macro call', () => {
  it('counts the mentions of a parameter through nested macros', () => {
    // array_intersect's body names each array directly and through trino_array_distinct, trino_in_set, cast_to_type…
    expect(argumentWeight('trino_array_intersect', 2, 0)).toBeGreaterThanOrEqual(20);
    expect(argumentWeight('trino_array_sort', 1, 0)).toBeGreaterThanOrEqual(20);
    expect(argumentWeight('trino_slice', 3, 0)).toBeGreaterThan(argumentWeight('trino_slice', 3, 2));
    expect(argumentWeight('not_a_macro', 1, 0)).toBe(1);
  });

  it('multiplies nested calls: a literal is its own size, three nested shims millions of characters', () => {
    expect(expandedSize("SELECT 'trino_slice(a, 1, 2)' AS v")).toBe("SELECT 'trino_slice(a, 1, 2)' AS v".length);
    const plain = 'SELECT trino_array_intersect(ARRAY[1], trino_array_sort(trino_slice(CAST(NULL AS INTEGER[]), -1, 2))) AS v';
    expect(expandedSize(plain)).toBeGreaterThan(1_000_000);
  });
});

describe('a heavy argument is bound once', () => {
  it('moves the arguments into a lambda parameter and keeps literals in place', () => {
    const sql = duckdbSql(HEAVY_SQL);
    expect(sql).toContain("list_transform([{'a0': coalesce(ARRAY[1]), 'a1': coalesce(trino_array_sort(trino_slice(");
    expect(sql).toContain("lambda trino_once1: trino_array_intersect(trino_once1['a0'], trino_once1['a1']))[1] AS v");
    const dates = duckdbSql("SELECT date_trunc('quarter', date_add('quarter', element_at(MAP(ARRAY['a'], ARRAY[1]), 'a'), DATE '2024-02-29')) AS c");
    expect(dates).toContain("lambda trino_once1: trino_date_add('quarter', trino_once1['a1'], DATE '2024-02-29'))[1]");
    expect(dates).toContain("lambda trino_once2: trino_date_trunc('quarter', trino_once2['a1']))[1] AS c");
  });

  it('makes what DuckDB binds smaller by orders of magnitude', () => {
    const written = 'SELECT trino_array_intersect(ARRAY[1], trino_array_sort(trino_slice(CAST(NULL AS INTEGER[]), -1, 2))) AS v';
    const once = bindHeavyArgumentsOnce(written);
    expect(once).not.toBe(written);
    expect(expandedSize(once) * 20).toBeLessThan(expandedSize(written));
  });

  it('leaves light calls, lazy forms and plain text as written', () => {
    expect(duckdbSql('SELECT array_sort(ARRAY[3, 1]) AS v')).not.toContain('trino_once');
    expect(duckdbSql("SELECT date_trunc('hour', from_iso8601_timestamp('2020-01-01T00:00:00Z')) AS v")).not.toContain('trino_once');
    const lazy = 'SELECT trino_compare_any(trino_array_sort(trino_slice(CAST(NULL AS INTEGER[]), -1, 2)), b, p, n) AS v';
    expect(bindHeavyArgumentsOnce(lazy)).toBe(lazy);
  });
});

describe("bound once, the answers stay Trino 476's", () => {
  it.each<[string, string, string[], unknown[][]]>([
    [
      'nested array shims, a NULL array and a date chain',
      "SELECT array_intersect(ARRAY[1, 2], array_sort(slice(ARRAY[2, 1, 3], -2, 2))) AS a, array_intersect(ARRAY[1], array_sort(slice(CAST(NULL AS array(integer)), -1, 2))) AS b, date_trunc('quarter', date_add('quarter', element_at(MAP(ARRAY['a'], ARRAY[1]), 'a'), DATE '2024-02-29')) AS c",
      ['a array(integer)', 'b array(integer)', 'c date'],
      [[[1], null, '2024-04-01']],
    ],
    [
      'outer columns in a correlated subquery',
      'SELECT (SELECT array_intersect(t.a, array_sort(slice(u.b, -2, 2))) FROM (VALUES ARRAY[1, 2, 3]) u(b)) AS r FROM (VALUES ARRAY[3, 2]) t(a)',
      ['r array(integer)'],
      [[[3, 2]]],
    ],
    [
      'aggregates as arguments',
      'SELECT k, array_intersect(array_agg(x ORDER BY x), array_sort(slice(array_agg(x ORDER BY x DESC), -2, 2))) AS r FROM (VALUES (1, 5), (1, 3), (1, 4), (2, 7)) t(k, x) GROUP BY k ORDER BY k',
      ['k integer', 'r array(integer)'],
      [
        [1, [3, 4]],
        [2, []],
      ],
    ],
    [
      'a lambda argument stays in the call',
      'SELECT array_intersect(zip_with(ARRAY[1, 2], array_sort(slice(ARRAY[3, 1, 2], 1, 2)), (x, y) -> x + y), ARRAY[2, 4]) AS v',
      ['v array(integer)'],
      [[[2]]],
    ],
  ])('%s', async (_name, sql, columns, rows) => {
    expect(duckdbSql(sql)).toContain('trino_once');
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  it('a failure inside a heavy argument still fails as in Trino', async () => {
    await expect(engine.execute('SELECT array_intersect(ARRAY[1], array_sort(slice(ARRAY[1], 0, 2))) AS v')).rejects.toThrow('SQL array indices start at 1');
  });
});
