// corr, covar_pop, covar_samp, regr_slope and regr_intercept read each argument as a real or double through
// trino_stat_arg (function-rewrites.ts realOrDoubleStatistic), whose body names its value 52 times through nested
// macros: a scalar subquery as an argument was bound 52 times per mention, and the oracle replay's heaviest query,
// regr_slope(1, (SELECT regr_intercept(x, y) FROM UNNEST(a, a) …)), took 6.7 s of local CPU (docs/performance.md,
// "The oracle replay's heaviest local queries"). trino_stat_arg is now one of bind-once.ts's eager helpers: a heavy
// argument is bound once, as a lambda parameter's field. Every expected value and type is Trino 476's, asked of the
// shared Trino.
import { describe, expect, it } from 'vitest';
import { expandedSize } from '../../src/dialect/shims/macro-weights.js';
import { translateStatement } from '../../src/dialect/translate/index.js';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const duckdbSql = (sql: string) =>
  translateStatement(sql, { lakeRoot: '/tmp/lake', database: 'default' })
    .steps.map((s) => (s.kind === 'sql' ? s.sql : ''))
    .join(';');

const SLOPE = 'SELECT regr_slope(1, (SELECT regr_intercept(x, y) FROM UNNEST(a, a) AS u(x, y))) AS v FROM (VALUES ARRAY[1, 2], ARRAY[3, 5]) t(a)';

describe('a statistic of scalar subqueries binds each subquery once per mention', () => {
  it('reads the subquery through a lambda parameter, not through trino_stat_arg’s 52 mentions', () => {
    const sql = duckdbSql(SLOPE);
    expect(sql).toMatch(/lambda trino_once1: trino_stat_arg\(trino_once1\['a0'\], trino_once1\['a1'\], /);
    // Before: 14.3 million characters of SQL expanded for DuckDB to bind; after: under a million.
    expect(expandedSize(sql)).toBeLessThan(1_000_000);
  });

  it('leaves a statistic of columns as it was (light arguments stay in place)', () => {
    const sql = duckdbSql('SELECT corr(x, y) AS v FROM (VALUES (1, 2), (3, 5)) t(x, y)');
    expect(sql).toContain('trino_stat_arg(y, y, x)');
    expect(sql).not.toContain('trino_once');
  });

  it.each<[string, string, unknown, string]>([
    ['regr_slope over one constant point', SLOPE, null, 'real'],
    [
      'corr of two integer subqueries',
      'SELECT corr((SELECT max(x) FROM UNNEST(a) AS u(x)), (SELECT min(x) FROM UNNEST(a) AS u(x))) AS v FROM (VALUES ARRAY[1, 2], ARRAY[3, 5], ARRAY[4, 9]) t(a)',
      0.96312314,
      'real',
    ],
    [
      'covar_pop of two double subqueries',
      'SELECT covar_pop((SELECT max(x) FROM UNNEST(a) AS u(x)), (SELECT sum(x) FROM UNNEST(a) AS u(x))) AS v FROM (VALUES ARRAY[1e0, 2e0], ARRAY[3e0, 5e0], ARRAY[4e0, 9e0]) t(a)',
      11.666666666666666,
      'double',
    ],
    [
      'regr_intercept of a subquery and a column, in Trino’s order of operations',
      'SELECT regr_intercept((SELECT max(x) FROM UNNEST(a) AS u(x)), k) AS v FROM (VALUES (ARRAY[1, 2], 1), (ARRAY[3, 5], 2), (ARRAY[4, 9], 4)) t(a, k)',
      -2.6645353e-15,
      'real',
    ],
    [
      'covar_samp of a column and a subquery',
      'SELECT covar_samp(k, (SELECT max(x) FROM UNNEST(a) AS u(x))) AS v FROM (VALUES (ARRAY[1, 2], 1), (ARRAY[3, 5, 7], 2)) t(a, k)',
      2.5,
      'real',
    ],
  ])('%s answers as Trino 476', async (_what, sql, value, type) => {
    expect(await namedResult(engine, sql)).toEqual({ columns: [`v ${type}`], rows: [[value]] });
  });
});
