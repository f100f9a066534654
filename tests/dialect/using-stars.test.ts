// `t.*` after `t JOIN u USING (k)`: Trino 476 (the shared oracle) leaves k out of t.* and u.* (the join's one k is no
// column of either side any more); DuckDB kept it (translate/using-columns.ts writes `t.* EXCLUDE ("k")`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { namedResult, openLake } from './lake-helpers.js';

let engine: AthenaLocalEngine;
beforeAll(async () => {
  engine = await openLake();
});
afterAll(async () => engine.close());

const A = '(VALUES (1, 2)) a(k, x)';
const B = '(VALUES (1, 3)) b(k, y)';

describe('a qualified star after JOIN … USING', () => {
  it.each<[string, string, string[], unknown[][]]>([
    ['the left side', `SELECT a.* FROM ${A} JOIN ${B} USING (k)`, ['x integer'], [[2]]],
    ['both sides', `SELECT a.*, b.* FROM ${A} JOIN ${B} USING (k)`, ['x integer', 'y integer'], [[2, 3]]],
    ['a LEFT JOIN', `SELECT a.* FROM ${A} LEFT JOIN ${B} USING (k)`, ['x integer'], [[2]]],
    [
      'two columns, the key selected',
      'SELECT k, a.* FROM (VALUES (1, 2, 5)) a(k, j, x) JOIN (VALUES (1, 2, 3)) b(k, j, y) USING (k, j)',
      ['k integer', 'x integer'],
      [[1, 5]],
    ],
    ['in a subquery', `SELECT * FROM (SELECT a.* FROM ${A} JOIN ${B} USING (k))`, ['x integer'], [[2]]],
    [
      'the relation a later USING joins',
      `SELECT c.* FROM ${A} JOIN (VALUES (1, 3)) b(k2, y) ON a.k = b.k2 JOIN (VALUES (1, 4)) c(k, z) USING (k)`,
      ['z integer'],
      [[4]],
    ],
    // The neighbour: ON keeps every column.
    ['an ON join keeps k', `SELECT a.* FROM ${A} JOIN ${B} ON a.k = b.k`, ['k integer', 'x integer'], [[1, 2]]],
  ])('%s', async (_name, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });
});

// A bare `*` over JOIN … USING: Trino 476 (the shared oracle) puts the USING columns first (the last join's first),
// then the left side's other columns, then the right's; DuckDB kept k where the left side has it. Found by replaying
// Trino's TestJoinUsing.
describe('a bare star after JOIN … USING', () => {
  it.each<[string, string, string[], unknown[][]]>([
    [
      'the key is not the first column of the left side',
      "SELECT * FROM (VALUES ('a', 1)) AS t(v1, k) JOIN (VALUES (1, 'b')) AS u(k, v2) USING (k)",
      ['k integer', 'v1 varchar', 'v2 varchar'],
      [[1, 'a', 'b']],
    ],
    [
      'two keys',
      "SELECT * FROM (VALUES (1, 'a', 2)) AS t(k1, v1, k2) JOIN (VALUES (1, 'b', 2)) AS u(k1, v2, k2) USING (k1, k2)",
      ['k1 integer', 'k2 integer', 'v1 varchar', 'v2 varchar'],
      [[1, 2, 'a', 'b']],
    ],
    [
      'a FULL JOIN, ordered by the first column',
      'SELECT * FROM (VALUES (0, 1, 2), (3, 6, 5)) a(x1, y, z1) FULL OUTER JOIN (VALUES (3, 1, 5), (0, 4, 2)) b(x2, y, z2) USING (y) ORDER BY 1',
      ['y integer', 'x1 integer', 'z1 integer', 'x2 integer', 'z2 integer'],
      [
        [1, 0, 2, 3, 5],
        [4, null, null, 0, 2],
        [6, 3, 5, null, null],
      ],
    ],
    [
      'two USING joins: the last join key first',
      'SELECT * FROM (VALUES (1, 10)) a(k, x) JOIN (VALUES (1, 20)) b(k, y) USING (k) JOIN (VALUES (20, 1, 5)) c(y, k2, z) USING (y)',
      ['y integer', 'k integer', 'x integer', 'k2 integer', 'z integer'],
      [[20, 1, 10, 1, 5]],
    ],
    [
      'DISTINCT and another item',
      "SELECT DISTINCT *, 1 AS one FROM (VALUES ('a', 1)) AS t(v1, k) LEFT JOIN (VALUES (2, 'b')) AS u(k, v2) USING (k)",
      ['k integer', 'v1 varchar', 'v2 varchar', 'one integer'],
      [[1, 'a', null, 1]],
    ],
  ])('%s', async (_name, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });
});
