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
