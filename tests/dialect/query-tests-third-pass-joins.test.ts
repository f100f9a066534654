// Found by replaying Trino's own query tests of joins and correlation (io/trino/sql/query TestJoin, TestLateral,
// TestCorrelatedJoin, TestDecorrelateDependentJoin, TestRecursiveCte, …; docs/issue-15-audit.md "Trino's query tests
// replayed, third pass: joins and correlation"): forms where the local engine answered and Trino 476 fails. Every
// expectation is Trino 476's answer (value and type) or its failure, asked of the shared Trino.
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake, refusedAt } from './lake-helpers.js';

const engine = sharedLake();

describe('a subquery or VALUES in FROM without LATERAL does not see the other relations of its FROM clause', () => {
  it.each<[string, string, string]>([
    // Trino 476: COLUMN_NOT_FOUND "Column 'a' cannot be resolved" (locally joined laterally: (1, 1), (1, 2), …).
    ['a comma join, unqualified', 'SELECT * FROM (VALUES 1) t(a), (SELECT a AS c)', 'a AS c'],
    ['CROSS JOIN, an expression', 'SELECT * FROM (VALUES 1) t(a) CROSS JOIN (SELECT a + 1)', 'a + 1'],
    ['JOIN … ON TRUE with an alias', 'SELECT * FROM (VALUES 1) t(a) JOIN (SELECT a AS b) s ON true', 'a AS b'],
    ['VALUES', 'SELECT * FROM (VALUES 1, 2) t(a) CROSS JOIN (VALUES a * 2)', 'a * 2'],
    ['qualified', 'SELECT * FROM (VALUES 1) t(a), (SELECT t.a) s', 't.a'],
    ['qualified in a WHERE', 'SELECT * FROM (VALUES 1) t(a), (SELECT v FROM (VALUES 1) u(v) WHERE v = t.a) s', 't.a'],
    ['unqualified in a WHERE', 'SELECT * FROM (VALUES 1) t(a), (SELECT v FROM (VALUES 1) u(v) WHERE v = a) s', 'a) s'],
  ])('%s', async (_name, sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('derived-table-scope', sql, at));
  });

  it.each<[string, string, string[], unknown[][]]>([
    [
      'LATERAL',
      'SELECT * FROM (VALUES 1, 2) t(a), LATERAL (SELECT a * 10) ORDER BY 1',
      ['a integer', '_col1 integer'],
      [
        [1, 10],
        [2, 20],
      ],
    ],
    [
      'LATERAL VALUES',
      'SELECT * FROM (VALUES 1, 2) t(a) CROSS JOIN LATERAL (VALUES a + 1) u(b) ORDER BY 1',
      ['a integer', 'b integer'],
      [
        [1, 2],
        [2, 3],
      ],
    ],
    [
      'a relation of its own of the same name',
      'SELECT * FROM (VALUES 1) t(a), (SELECT v FROM (VALUES 2) t(v) WHERE t.v = 2) s ORDER BY 1',
      ['a integer', 'v integer'],
      [[1, 2]],
    ],
    [
      'a column of its own of the same name',
      'SELECT * FROM (SELECT 1 AS a) x, (SELECT a FROM (VALUES 2) y(a)) z(b) ORDER BY 1',
      ['a integer', 'b integer'],
      [[1, 2]],
    ],
    [
      "an enclosing query's column",
      'SELECT a, (SELECT x FROM (SELECT a) s(x)) FROM (VALUES 1, 2) t(a) ORDER BY 1',
      ['a integer', '_col1 integer'],
      [
        [1, 1],
        [2, 2],
      ],
    ],
  ])('%s plans', async (_name, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });
});
