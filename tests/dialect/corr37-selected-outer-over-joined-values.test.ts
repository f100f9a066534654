// An outer column selected in a subquery whose FROM starts with a one-row VALUES joined to another relation: Trino 476
// plans it only where every relation is a one-row VALUES joined by a comma, CROSS JOIN or ON TRUE, and fails with
// NOT_SUPPORTED under `JOIN … ON y = z`, a LEFT JOIN on a condition, or beside a VALUES of two rows; the rule read
// only the first relation and the local engine answered (found by corr37 asking the shapes of `e IS NULL` inside
// correlated subqueries). Every expectation is the shared Trino 476's answer (value and type) or its failure, asked on
// 2026-12-07 (docs/issue-15-audit.md, branch corr37's section).
import { describe, expect, it } from 'vitest';
import { correlatedAt, sharedLake, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

const t = 'FROM (VALUES 10, 20) t(a)';

describe('an outer column selected over joined VALUES', () => {
  it.each<[string, string, string]>([
    ['JOIN … ON y = z', `SELECT t.a, (SELECT t.a FROM (VALUES 1) u(y) JOIN (VALUES 1) v(z) ON y = z) ${t} ORDER BY 1`, 't.a FROM'],
    [
      'LATERAL, CROSS JOIN of two rows',
      `SELECT t.a, v.b ${t} CROSS JOIN LATERAL (SELECT t.a AS b FROM (VALUES 1) u(y) CROSS JOIN (VALUES 1, 2) w(z)) v ORDER BY 1, 2`,
      't.a AS b',
    ],
    [
      'LATERAL, JOIN ON over two rows',
      `SELECT t.a, v.b ${t} CROSS JOIN LATERAL (SELECT t.a AS b FROM (VALUES 1) u(y) JOIN (VALUES 1, 2) w(z) ON y = z) v ORDER BY 1, 2`,
      't.a AS b',
    ],
    [
      'LATERAL, LEFT JOIN ON',
      `SELECT t.a, v.b ${t} CROSS JOIN LATERAL (SELECT t.a + z AS b FROM (VALUES 1) u(y) LEFT JOIN (VALUES 1) w(z) ON y = z) v ORDER BY 1, 2`,
      't.a + z',
    ],
  ])('%s is refused (Trino NOT_SUPPORTED)', async (_name, sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(correlatedAt(sql, at));
  });

  it.each<[string, string, unknown[][]]>([
    [
      'CROSS JOIN of one-row VALUES',
      `SELECT t.a, (SELECT t.a FROM (VALUES 1) u(y) CROSS JOIN (VALUES 1) v(z)) ${t} ORDER BY 1`,
      [
        [10, 10],
        [20, 20],
      ],
    ],
    [
      'JOIN … ON true',
      `SELECT t.a, (SELECT t.a + y FROM (VALUES 1) u(y) JOIN (VALUES 1) v(z) ON true) ${t} ORDER BY 1`,
      [
        [10, 11],
        [20, 21],
      ],
    ],
    [
      'a comma, under LATERAL',
      `SELECT t.a, v.b ${t} CROSS JOIN LATERAL (SELECT t.a AS b FROM (VALUES 1) u(y), (VALUES 1) w(z)) v ORDER BY 1, 2`,
      [
        [10, 10],
        [20, 20],
      ],
    ],
  ])('%s answers', async (_name, sql, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types: ['integer', 'integer'] });
  });
});
