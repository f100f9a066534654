// Correlated subqueries Trino 476 does not plan (NOT_SUPPORTED "Given correlated subquery is not supported") that the
// correlated-subquery rule missed, and a derived table's sibling reference one level deeper (COLUMN_NOT_FOUND);
// DuckDB answered each (docs/issue-15-audit.md "Outer-join ON subqueries and unplanned correlated subqueries (session
// of 2026-12-06, branch corr30)"). Every expectation is the shared Trino 476's answer (value and type) or its failure.
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake, refusedAt } from './lake-helpers.js';

const engine = sharedLake();

const refused = (cases: [string, string, string][], rule = 'correlated-subquery') =>
  it.each<[string, string, string]>(cases)('%s', async (_name, sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt(rule, sql, at));
  });

const plans = (cases: [string, string, string[], unknown[][]][]) =>
  it.each<[string, string, string[], unknown[][]]>(cases)('%s plans', async (_name, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

const twoRows = (a: unknown, b: unknown) => [
  [1, a],
  [2, b],
];

describe('a subquery without FROM that filters on the outer row and selects it', () => {
  refused([
    // Trino 476: NOT_SUPPORTED (locally 1, NULL).
    ['a scalar subquery', 'SELECT (SELECT t.a WHERE t.a = 1) FROM (VALUES 1, 2) t(a) ORDER BY 1', 't.a WHERE'],
    ['an expression of it', 'SELECT (SELECT t.a + 1 WHERE t.a > 1) FROM (VALUES 1, 2) t(a) ORDER BY 1', 't.a + 1'],
    ['CROSS JOIN LATERAL, unqualified', 'SELECT * FROM (VALUES 1, 2) t(a) CROSS JOIN LATERAL (SELECT a WHERE a > 1) ORDER BY 1', 'a WHERE'],
    ['LEFT JOIN LATERAL … ON true', 'SELECT * FROM (VALUES 1, 2) t(a) LEFT JOIN LATERAL (SELECT a WHERE a > 1) t2(b) ON true ORDER BY 1', 'a WHERE'],
    ['HAVING', 'SELECT * FROM (VALUES 1, 2) t(a) CROSS JOIN LATERAL (SELECT a * 2 AS b HAVING a > 1) ORDER BY 1', 'a * 2'],
  ]);
  plans([
    ['a constant select list', 'SELECT a, (SELECT 1 WHERE t.a = 1) FROM (VALUES 1, 2) t(a) ORDER BY 1', ['a integer', '_col1 integer'], twoRows(1, null)],
    ['no filter on the outer row', 'SELECT a, (SELECT t.a WHERE 1 = 1) FROM (VALUES 1, 2) t(a) ORDER BY 1', ['a integer', '_col1 integer'], twoRows(1, 2)],
    ['count(*)', 'SELECT a, (SELECT count(*) WHERE t.a = 1) FROM (VALUES 1, 2) t(a) ORDER BY 1', ['a integer', '_col1 bigint'], twoRows(1, 0)],
    ['EXISTS', 'SELECT a, EXISTS (SELECT t.a WHERE t.a = 1) FROM (VALUES 1, 2) t(a) ORDER BY 1', ['a integer', '_col1 boolean'], twoRows(true, false)],
    [
      'LATERAL, a constant select list',
      'SELECT * FROM (VALUES 1, 2) t(a) LEFT JOIN LATERAL (SELECT 5 WHERE a > 1) t2(b) ON true ORDER BY 1',
      ['a integer', 'b integer'],
      twoRows(null, 5),
    ],
    [
      "a lambda's parameter named like the outer column",
      'SELECT a, (SELECT filter(ARRAY[1, 2], a -> a > 1)) FROM (VALUES 1, 2) t(a) ORDER BY 1',
      ['a integer', '_col1 array(integer)'],
      twoRows([2], [2]),
    ],
  ]);
});

describe('a set operation reading the outer row', () => {
  refused([
    // Trino 476: NOT_SUPPORTED (locally answered: 1 1 / 1 1 / 2 2 / 2 2, …).
    ['LATERAL UNION ALL', 'SELECT * FROM (VALUES 1, 2) t(a) CROSS JOIN LATERAL (SELECT a UNION ALL SELECT a) ORDER BY 1', 'a UNION'],
    ['LATERAL, the second branch', 'SELECT * FROM (VALUES 1, 2) t(a) CROSS JOIN LATERAL (SELECT 1 UNION ALL SELECT a) u(b) ORDER BY 1, 2', 'a) u(b)'],
    ['a scalar subquery with LIMIT', 'SELECT a, (SELECT 1 UNION ALL SELECT a LIMIT 1) FROM (VALUES 1, 2) t(a) ORDER BY 1', 'a LIMIT'],
    ['in a WHERE, under IN', 'SELECT a FROM (VALUES 1, 2) t(a) WHERE a IN (SELECT 1 UNION ALL SELECT 2 WHERE a > 1) ORDER BY 1', 'a > 1'],
    [
      'UNION over a correlated WHERE',
      'SELECT * FROM (VALUES 1, 2) t(a) CROSS JOIN LATERAL (SELECT v FROM (VALUES 1, 2) s(v) WHERE v = a UNION SELECT 7) u(b) ORDER BY 1, 2',
      'a UNION',
    ],
    ['INTERSECT', 'SELECT * FROM (VALUES 1, 2) t(a) CROSS JOIN LATERAL (SELECT a INTERSECT SELECT 1) u(b) ORDER BY 1, 2', 'a INTERSECT'],
    ['EXISTS over UNION (distinct)', 'SELECT a, EXISTS (SELECT a UNION SELECT 1) FROM (VALUES 1, 2) t(a) ORDER BY 1', 'a UNION'],
    ['EXISTS, correlated in a WHERE', 'SELECT a, EXISTS (SELECT 1 WHERE a > 1 UNION ALL SELECT 2 WHERE a > 5) FROM (VALUES 1, 2) t(a) ORDER BY 1', 'a > 1'],
    ['in a derived table', 'SELECT a, (SELECT max(x) FROM (SELECT a UNION ALL SELECT 5) s(x)) FROM (VALUES 1, 2) t(a) ORDER BY 1', 'a UNION'],
  ]);
  plans([
    [
      'EXISTS over UNION ALL select lists',
      'SELECT a, EXISTS (SELECT 1 UNION ALL SELECT a) FROM (VALUES 1, 2) t(a) ORDER BY 1',
      ['a integer', '_col1 boolean'],
      twoRows(true, true),
    ],
    [
      'an uncorrelated one in a subquery',
      'SELECT a, (SELECT max(x) FROM (SELECT 1 AS x UNION ALL SELECT 2) s(x)) FROM (VALUES 1, 2) t(a) ORDER BY 1',
      ['a integer', '_col1 integer'],
      twoRows(2, 2),
    ],
    [
      'a recursive WITH beside a column of its name',
      'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT v.n, r.n AS m FROM (VALUES 1) v(n), r ORDER BY 1, 2',
      ['n integer', 'm integer'],
      [
        [1, 1],
        [1, 2],
        [1, 3],
      ],
    ],
  ]);
});

describe('a LATERAL VALUES of several rows reading the outer row', () => {
  refused([
    // Trino 476: NOT_SUPPORTED (locally 1 1 1 / 1 1 2 / 2 2 1 / 2 2 2).
    ['two rows', 'SELECT * FROM (VALUES 1, 2) t(a) CROSS JOIN LATERAL (VALUES (a, 1), (a, 2)) u(b, c) ORDER BY 1, 2, 3', 'a, 1)'],
    ['in the second row', 'SELECT * FROM (VALUES 1, 2) t(a) CROSS JOIN LATERAL (VALUES (2), (a)) u(b) ORDER BY 1, 2', 'a)) u'],
  ]);
  plans([
    [
      'one row',
      'SELECT * FROM (VALUES 1, 2) t(a) CROSS JOIN LATERAL (VALUES (a, 1)) u(b, c) ORDER BY 1, 2, 3',
      ['a integer', 'b integer', 'c integer'],
      [
        [1, 1, 1],
        [2, 2, 1],
      ],
    ],
  ]);
});

describe('a derived table filled with the outer row, aggregated, filtered or grouped a level up', () => {
  refused([
    // Trino 476: NOT_SUPPORTED (locally 1, 2).
    ['max of it', 'SELECT a, (SELECT max(x) FROM (SELECT a) s(x)) FROM (VALUES 1, 2) t(a) ORDER BY 1', 'a) s(x)'],
    ['an expression of it', 'SELECT a, (SELECT max(x) + 1 FROM (SELECT a + 1) s(x)) FROM (VALUES 1, 2) t(a) ORDER BY 1', 'a + 1)'],
    ['named by AS', 'SELECT a, (SELECT max(x) FROM (SELECT a AS x, 2 AS y) s) FROM (VALUES 1, 2) t(a) ORDER BY 1', 'a AS x'],
    ['filtered', 'SELECT a, (SELECT x FROM (SELECT a) s(x) WHERE x > 1) FROM (VALUES 1, 2) t(a) ORDER BY 1', 'a) s(x)'],
    ['selected beside a WHERE', 'SELECT a, (SELECT x FROM (SELECT a, 1) s(x, y) WHERE y = 1) FROM (VALUES 1, 2) t(a) ORDER BY 1', 'a, 1)'],
    ['grouped', 'SELECT a, (SELECT count(*) FROM (SELECT a) s(x) GROUP BY x) FROM (VALUES 1, 2) t(a) ORDER BY 1', 'a) s(x)'],
    [
      'joined to another relation, selected beside a WHERE',
      'SELECT l1.a, (SELECT l3.x FROM (VALUES 10, 20) l2(y) CROSS JOIN (SELECT l1.a) l3(x) WHERE y = 10) FROM (VALUES 1, 2) l1(a) ORDER BY 1',
      'l1.a) l3',
    ],
    [
      'a VALUES row one level further in, unqualified',
      'SELECT v, (SELECT count(a) FROM (SELECT * FROM (VALUES (v, 3)) y(a, c))) FROM (VALUES 1, 2) t(v) ORDER BY 1',
      'v, 3)',
    ],
  ]);
  plans([
    ['count(*)', 'SELECT a, (SELECT count(*) FROM (SELECT a) s(x)) FROM (VALUES 1, 2) t(a) ORDER BY 1', ['a integer', '_col1 bigint'], twoRows(1, 1)],
    [
      'max of a constant column',
      'SELECT a, (SELECT max(y) FROM (SELECT a AS x, 2 AS y) s) FROM (VALUES 1, 2) t(a) ORDER BY 1',
      ['a integer', '_col1 integer'],
      twoRows(2, 2),
    ],
    [
      'an expression of it',
      'SELECT a, (SELECT x + 1 FROM (SELECT a * 2) s(x)) FROM (VALUES 1, 2) t(a) ORDER BY 1',
      ['a integer', '_col1 integer'],
      twoRows(3, 5),
    ],
    [
      'a constant column filtered',
      'SELECT a, (SELECT y FROM (SELECT a, 1) s(x, y) WHERE y = 1) FROM (VALUES 1, 2) t(a) ORDER BY 1',
      ['a integer', '_col1 integer'],
      twoRows(1, 1),
    ],
    [
      'ORDER BY and LIMIT',
      'SELECT a, (SELECT x FROM (SELECT a) s(x) ORDER BY x LIMIT 1) FROM (VALUES 1, 2) t(a) ORDER BY 1',
      ['a integer', '_col1 integer'],
      twoRows(1, 2),
    ],
    [
      'count of a constant column over a VALUES row',
      'SELECT v, (SELECT count(c) FROM (SELECT * FROM (VALUES (v, 3)) y(a, c))) FROM (VALUES 1, 2) t(v) ORDER BY 1',
      ['v integer', '_col1 bigint'],
      twoRows(1, 1),
    ],
    [
      'joined to one VALUES row',
      'SELECT l1.a, (SELECT l3.x FROM (VALUES 10) l2(y) CROSS JOIN (SELECT l1.a) l3(x)) FROM (VALUES 1, 2) l1(a) ORDER BY 1',
      ['a integer', '_col1 integer'],
      twoRows(1, 2),
    ],
    [
      'joined, max of the other relation',
      'SELECT l1.a, (SELECT max(l2.y) FROM (VALUES 10, 20) l2(y) CROSS JOIN (SELECT l1.a) l3(x)) FROM (VALUES 1, 2) l1(a) ORDER BY 1',
      ['a integer', '_col1 integer'],
      twoRows(20, 20),
    ],
    ['EXISTS', 'SELECT a, EXISTS (SELECT max(x) FROM (SELECT a) s(x)) FROM (VALUES 1, 2) t(a) ORDER BY 1', ['a integer', '_col1 boolean'], twoRows(true, true)],
  ]);
});

describe('a VALUES row or derived table filled with the outer row, read through further derived tables', () => {
  refused([
    // Trino 476: NOT_SUPPORTED (locally 1, 2).
    [
      'two stars over a VALUES row',
      'SELECT v, (SELECT max(a) FROM (SELECT * FROM (SELECT * FROM (VALUES (t.v, 3)) y(a, c)))) FROM (VALUES 1, 2) t(v) ORDER BY 1',
      't.v, 3)',
    ],
    [
      'a select list over a star',
      'SELECT v, (SELECT max(a) FROM (SELECT a FROM (SELECT * FROM (VALUES (t.v, 3)) y(a, c)))) FROM (VALUES 1, 2) t(v) ORDER BY 1',
      't.v, 3)',
    ],
    [
      'renamed, unqualified',
      'SELECT v, (SELECT max(x) FROM (SELECT a AS x FROM (SELECT * FROM (VALUES (v, 3)) y(a, c)))) FROM (VALUES 1, 2) t(v) ORDER BY 1',
      'v, 3)',
    ],
    ['a VALUES relation one level in', 'SELECT v, (SELECT max(x) FROM (SELECT x FROM (VALUES (t.v)) y(x)) z) FROM (VALUES 1, 2) t(v) ORDER BY 1', 't.v)'],
  ]);
  plans([
    [
      'max of the constant column',
      'SELECT v, (SELECT max(c) FROM (SELECT * FROM (SELECT * FROM (VALUES (t.v, 3)) y(a, c)))) FROM (VALUES 1, 2) t(v) ORDER BY 1',
      ['v integer', '_col1 integer'],
      twoRows(3, 3),
    ],
  ]);
});

describe("a subquery nested in a derived table reads a sibling's column", () => {
  refused(
    [
      // Trino 476: COLUMN_NOT_FOUND "Column 'a' cannot be resolved" (locally 1, 1).
      ['behind LATERAL', 'SELECT * FROM (VALUES 1) t(a), (SELECT * FROM LATERAL (SELECT a))', 'a))'],
      ['behind LATERAL after a relation', 'SELECT * FROM (VALUES 1) t(a), (SELECT * FROM (VALUES 5) w(b), LATERAL (SELECT a))', 'a))'],
      ['a derived table in it', 'SELECT * FROM (VALUES 1) t(a), (SELECT * FROM (SELECT a) s(c)) ORDER BY 1', 'a) s(c)'],
    ],
    'derived-table-scope',
  );
  plans([
    [
      'the whole of it LATERAL',
      'SELECT t.a, u.b FROM (VALUES 1) t(a), LATERAL (SELECT * FROM LATERAL (SELECT a AS b)) u ORDER BY 1',
      ['a integer', 'b integer'],
      [[1, 1]],
    ],
    [
      'its own column of the name',
      'SELECT * FROM (VALUES 1) t(a), (SELECT x FROM (VALUES 2) s(x) WHERE x > (SELECT max(a) FROM (VALUES 3) q(a))) ORDER BY 1',
      ['a integer', 'x integer'],
      [],
    ],
  ]);
});
