// count(*) over a UNION ALL whose branch reads the outer row (a correlated VALUES nothing filters, or the outer column
// in a branch's select list): Trino 476 prunes the columns nothing reads and plans it, as under EXISTS (corr34); it was
// refused by the set-operation rule (an over-refusal corr34 left). correlated-subqueries.ts columnsUnread: the set
// operation is its level's only relation, the level has only SELECT and FROM, and its select list reads no column.
// Every expectation is the shared Trino 476's answer (value and type) or its failure, asked on 2026-12-07
// (docs/issue-15-audit.md, branch corr37's section).
import { describe, expect, it } from 'vitest';
import { correlatedAt, sharedLake, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

const t = 'FROM (VALUES 10, 20) t(a)';
const union = '(SELECT x FROM (VALUES a, 3) s(x) UNION ALL SELECT 1)';

describe('count(*) over a UNION ALL reading the outer row', () => {
  it.each<[string, string, number]>([
    ['count(*)', `SELECT t.a, (SELECT count(*) FROM ${union}) ${t} ORDER BY 1`, 3],
    ['count(1)', `SELECT t.a, (SELECT count(1) FROM ${union}) ${t} ORDER BY 1`, 3],
    ['under LATERAL', `SELECT t.a, v.n ${t} CROSS JOIN LATERAL (SELECT count(*) AS n FROM ${union}) v ORDER BY 1`, 3],
    ['the outer column selected in a branch', `SELECT t.a, (SELECT count(*) FROM (SELECT t.a FROM (VALUES 1) s(x) UNION ALL SELECT 1)) ${t} ORDER BY 1`, 2],
    [
      'x + t.a over two rows, with an alias list',
      `SELECT t.a, (SELECT count(*) FROM (SELECT x + t.a FROM (VALUES 1, 2) s(x) UNION ALL SELECT 1) u(y)) ${t} ORDER BY 1`,
      3,
    ],
    [
      'both branches correlated',
      `SELECT t.a, (SELECT count(*) FROM (SELECT x FROM (VALUES a, 3) s(x) UNION ALL SELECT x FROM (VALUES t.a) w(x))) ${t} ORDER BY 1`,
      3,
    ],
  ])('%s answers', async (_name, sql, n) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({
      rows: [
        [10, n],
        [20, n],
      ],
      types: ['integer', 'bigint'],
    });
  });

  it.each<[string, string]>([
    ['sum(x)', `SELECT t.a, (SELECT sum(x) FROM ${union}) ${t} ORDER BY 1`],
    ['a WHERE over it', `SELECT t.a, (SELECT count(*) FROM ${union} u(y) WHERE y > 5) ${t} ORDER BY 1`],
    ['UNION', `SELECT t.a, (SELECT count(*) FROM (SELECT x FROM (VALUES a, 3) s(x) UNION SELECT 1)) ${t} ORDER BY 1`],
    ['a WHERE in the branch', `SELECT t.a, (SELECT count(*) FROM (SELECT x FROM (VALUES a, 3) s(x) WHERE x > 5 UNION ALL SELECT 1)) ${t} ORDER BY 1`],
  ])('%s stays refused (Trino NOT_SUPPORTED)', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(correlatedAt(sql, 'a, 3)'));
  });
});
