// The untyped filter test `e IS [NOT] NULL` (e of type unknown: element_at(ARRAY[], y)) over a WITH query or subquery
// whose rows are VALUES rows only (issue 15, docs/issue-15-audit.md, corr39's section): Trino 476 inlines them, folds the
// test and answers, where corr38's refusal read them as a table's rows (an over-refusal). Under a window, an aggregate
// without GROUP BY or ORDER BY … LIMIT the filter is compiled and fails (COMPILER_ERROR "argumentType unknown should not
// be UNKNOWN"): still refused. Every expectation is the shared Trino 476's answer or failure, asked on 2026-12-07.
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';
import { REFUSED, e } from './untyped-filter-fixture.js';

const engine = sharedLake();

describe('an untyped e IS NULL over a query of VALUES rows', () => {
  it.each<[string, string, string[], unknown[][]]>([
    ['a WITH query over VALUES', `WITH c AS (SELECT * FROM (VALUES 1, 2) v(y)) SELECT y FROM c WHERE ${e} IS NULL ORDER BY 1`, ['integer'], [[1], [2]]],
    ['a WITH query of VALUES', `WITH c(y) AS (VALUES 1, 2) SELECT y FROM c WHERE ${e} IS NULL ORDER BY 1`, ['integer'], [[1], [2]]],
    ['a subquery', `SELECT y FROM (SELECT * FROM (VALUES 1, 2) v(y)) s WHERE ${e} IS NULL ORDER BY 1`, ['integer'], [[1], [2]]],
    ['a computed column', `SELECT y FROM (SELECT y + 1 AS y FROM (VALUES 1, 2) v(y)) s WHERE ${e} IS NULL ORDER BY 1`, ['integer'], [[2], [3]]],
    ['a subquery with WHERE', `SELECT y FROM (SELECT y FROM (VALUES 1, 2) v(y) WHERE y > 0) s WHERE ${e} IS NULL ORDER BY 1`, ['integer'], [[1], [2]]],
    ['a subquery with GROUP BY', `SELECT y FROM (SELECT y FROM (VALUES 1, 2) v(y) GROUP BY y) s WHERE ${e} IS NULL ORDER BY 1`, ['integer'], [[1], [2]]],
    ['GROUP BY … HAVING', `SELECT y FROM (SELECT y FROM (VALUES 1, 2) v(y) GROUP BY y HAVING y > 0) s WHERE ${e} IS NULL ORDER BY 1`, ['integer'], [[1], [2]]],
    ['DISTINCT', `SELECT y FROM (SELECT DISTINCT y FROM (VALUES 1, 2) v(y)) s WHERE ${e} IS NULL ORDER BY 1`, ['integer'], [[1], [2]]],
    [
      'a join of VALUES',
      `SELECT y FROM (SELECT y FROM (VALUES 1, 2) v(y) JOIN (VALUES 1, 2) w(z) ON y = z) s WHERE ${e} IS NULL ORDER BY 1`,
      ['integer'],
      [[1], [2]],
    ],
    ['a FROM-less subquery', `SELECT y FROM (SELECT 1 AS y) s WHERE ${e} IS NULL ORDER BY 1`, ['integer'], [[1]]],
    ['UNION ALL', `SELECT y FROM (SELECT y FROM (VALUES 1, 2) v(y) UNION ALL SELECT 3) s WHERE ${e} IS NULL ORDER BY 1`, ['integer'], [[1], [2], [3]]],
    ['NOT (…) over VALUES', `SELECT y FROM (VALUES 1, 2) v(y) WHERE NOT (${e} IS NULL) ORDER BY 1`, ['integer'], []],
    ['FILTER over a subquery', `SELECT count(*) FILTER (WHERE ${e} IS NULL) FROM (SELECT * FROM (VALUES 1, 2) v(y)) s`, ['bigint'], [[2]]],
  ])('%s answers', async (_name, sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });

  // Trino 476: COMPILER_ERROR "argumentType unknown should not be UNKNOWN" for each.
  it.each<[string, string]>([
    ['an aggregate without GROUP BY', `SELECT y FROM (SELECT max(y) AS y FROM (VALUES 1, 2) v(y)) s WHERE ${e} IS NULL ORDER BY 1`],
    ['a window', `SELECT y FROM (SELECT row_number() OVER () AS y FROM (VALUES 1, 2) v(y)) s WHERE ${e} IS NULL ORDER BY 1`],
    ['ORDER BY … LIMIT', `SELECT y FROM (SELECT y FROM (VALUES 1, 2) v(y) ORDER BY y LIMIT 1) s WHERE ${e} IS NULL ORDER BY 1`],
  ])('%s is refused', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(REFUSED);
  });
});
