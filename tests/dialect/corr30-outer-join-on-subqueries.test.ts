// A subquery in the ON condition of a LEFT, RIGHT or FULL join that reads a column from outside itself: Trino 476
// fails with NOT_SUPPORTED "Reference to column 't.x' from outer scope not allowed in this context"; DuckDB answered
// (docs/issue-15-audit.md "Outer-join ON subqueries and unplanned correlated subqueries (session of 2026-12-06,
// branch corr30)"). Every expectation is the shared Trino 476's answer (value and type) or its failure, and the
// refusal's position is the one Trino reports.
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake, refusedAt } from './lake-helpers.js';

const engine = sharedLake();

describe('a correlated subquery in the ON condition of an outer join', () => {
  it.each<[string, string, string]>([
    // Trino 476: NOT_SUPPORTED "Reference to column 't.x' from outer scope not allowed in this context" at the column.
    [
      'LEFT JOIN, the left side in a scalar subquery (locally 1 1 / 2 NULL / NULL NULL)',
      'SELECT * FROM (VALUES 1, 2, NULL) t(x) LEFT JOIN (VALUES 1, 3, NULL) u(x) ON u.x = (SELECT max(v) FROM (VALUES 1) s(v) WHERE v = t.x) ORDER BY 1, 2',
      't.x) ORDER',
    ],
    [
      'LEFT JOIN, the right side',
      'SELECT * FROM (VALUES 1, 2, NULL) t(x) LEFT JOIN (VALUES 1, 3, NULL) u(x) ON u.x = (SELECT max(v) FROM (VALUES 1) s(v) WHERE v = u.x) ORDER BY 1, 2',
      'u.x) ORDER',
    ],
    ['LEFT JOIN, IN (VALUES …)', 'SELECT * FROM (VALUES 1, 2, NULL) t(x) LEFT JOIN (VALUES 1, 3, NULL) u(x) ON u.x IN (VALUES u.x)', 'u.x)'],
    ['RIGHT JOIN, IN (VALUES …)', 'SELECT * FROM (VALUES 1, 2, NULL) t(x) RIGHT JOIN (VALUES 1, 3, NULL) u(x) ON t.x IN (VALUES t.x)', 't.x)'],
    [
      'FULL JOIN',
      'SELECT * FROM (VALUES 1, 2, NULL) t(x) FULL JOIN (VALUES 1, 3, NULL) u(x) ON u.x = (SELECT max(v) FROM (VALUES 1) s(v) WHERE v = t.x) ORDER BY 1, 2',
      't.x) ORDER',
    ],
    [
      'RIGHT OUTER JOIN',
      'SELECT * FROM (VALUES 1, 2, NULL) t(x) RIGHT OUTER JOIN (VALUES 1, 3, NULL) u(x) ON t.x = (SELECT max(v) FROM (VALUES 1) s(v) WHERE v = u.x) ORDER BY 1, 2',
      'u.x) ORDER',
    ],
    [
      'EXISTS beside an equality',
      'SELECT * FROM (VALUES 1, 2, NULL) t(x) LEFT JOIN (VALUES 1, 3, NULL) u(x) ON t.x = u.x AND EXISTS (SELECT 1 FROM (VALUES 1) s(v) WHERE v = u.x) ORDER BY 1, 2',
      'u.x) ORDER',
    ],
    ['unqualified, no FROM', 'SELECT * FROM (VALUES 1, 2, NULL) t(x) LEFT JOIN (VALUES 1, 3, NULL) u(y) ON y = (SELECT x) ORDER BY 1, 2', 'x) ORDER'],
    [
      'unqualified, in parentheses',
      'SELECT * FROM (VALUES 1, 2) t(x) LEFT JOIN (VALUES 1, 3) u(y) ON (y = (SELECT max(v) FROM (VALUES 1) s(v) WHERE v = x)) ORDER BY 1, 2',
      'x)) ORDER',
    ],
    [
      'a column of an earlier join',
      'SELECT * FROM (VALUES 1, 2) t(x) LEFT JOIN (VALUES 1, 3) u(y) ON y = x LEFT JOIN (VALUES 5) w(z) ON z = (SELECT max(v) FROM (VALUES 5) s(v) WHERE v > y) ORDER BY 1, 2, 3',
      'y) ORDER',
    ],
    [
      'a subquery inside it reading the subquery around it',
      'SELECT * FROM (VALUES 1, 2) t(x) LEFT JOIN (VALUES 1, 3) u(y) ON y = (SELECT max(v) FROM (VALUES 1) s(v) WHERE v IN (SELECT w FROM (VALUES 1) q(w) WHERE w = s.v)) ORDER BY 1, 2',
      's.v)',
    ],
    [
      "an enclosing query's column",
      'SELECT t.x, (SELECT max(y) FROM (VALUES 1, 3) u(y) LEFT JOIN (VALUES 1) w(z) ON z = (SELECT max(v) FROM (VALUES 1) s(v) WHERE v = t.x)) FROM (VALUES 1, 2) t(x) ORDER BY 1',
      't.x))',
    ],
  ])('%s', async (_name, sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('correlated-subquery', sql, at));
    await expect(engine.execute(sql)).rejects.toThrow(/Reference to column '[a-z.]+' from outer scope not allowed in this context/);
  });

  it.each<[string, string, string[], unknown[][]]>([
    [
      'an uncorrelated scalar subquery',
      'SELECT * FROM (VALUES 1, 2) t(x) LEFT JOIN (VALUES 1, 3) u(y) ON y = (SELECT max(v) FROM (VALUES 1) s(v) WHERE s.v = 1) ORDER BY 1, 2',
      ['x integer', 'y integer'],
      [
        [1, 1],
        [2, 1],
      ],
    ],
    [
      "a subquery's own column named like a side's",
      'SELECT * FROM (VALUES 1, 2) t(x) LEFT JOIN (VALUES 1, 3) u(y) ON y = (SELECT max(x) FROM (VALUES 1) s(x)) ORDER BY 1, 2',
      ['x integer', 'y integer'],
      [
        [1, 1],
        [2, 1],
      ],
    ],
    [
      "a subquery's own relation named like a side",
      'SELECT * FROM (VALUES 1, 2) t(x) LEFT JOIN (VALUES 1, 3) u(y) ON y = (SELECT max(t.x) FROM (VALUES 1) t(x)) ORDER BY 1, 2',
      ['x integer', 'y integer'],
      [
        [1, 1],
        [2, 1],
      ],
    ],
    [
      'an uncorrelated IN subquery',
      'SELECT * FROM (VALUES 1, 2) t(x) LEFT JOIN (VALUES 1, 3) u(y) ON y IN (SELECT v FROM (VALUES 1, 3) s(v) WHERE v > 0) ORDER BY 1, 2',
      ['x integer', 'y integer'],
      [
        [1, 1],
        [1, 3],
        [2, 1],
        [2, 3],
      ],
    ],
    [
      'INNER JOIN plans a correlated one',
      'SELECT t.x, u.y FROM (VALUES 1, 2, NULL) t(x) JOIN (VALUES 1, 3, NULL) u(y) ON u.y = (SELECT max(v) FROM (VALUES 1) s(v) WHERE v = t.x) ORDER BY 1, 2',
      ['x integer', 'y integer'],
      [[1, 1]],
    ],
  ])('%s plans', async (_name, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });
});
