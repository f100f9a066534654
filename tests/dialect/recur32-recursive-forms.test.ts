// WITH RECURSIVE forms recur30 left to DuckDB's own recursion (no depth limit) or answered where Trino 476 fails
// (translate/recursive-unroll.ts, recursive-steps.ts): a body of more than one set operation (Trino splits it at the
// last UNION: the base may be any query), a parenthesized step, the recursive table first in a parenthesized join or
// read by `TABLE t`, a UNION (distinct) over maps or zoned values, the bodies Trino refuses, and TestRecursiveCte's
// cases replayed. Every expectation is the shared Trino 476's answer (value and type) or its failure, asked on
// 2026-12-06 (night).
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake, RECURSION_DEPTH_EXCEEDED, refusedAt } from './lake-helpers.js';

const engine = sharedLake();

const body = (b: string) => `WITH RECURSIVE t(n) AS (${b}) SELECT n FROM t ORDER BY n`;

describe('recursive WITH forms unrolled as Trino plans them', () => {
  it.each<[string, string, string[], unknown[][]]>([
    // Failed locally before (Circular reference to CTE "t"), except the first.
    ['two UNION ALL', body('SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT n + 1 FROM t WHERE n < 3'), ['n integer'], [[1], [2], [2], [3], [3]]],
    ['UNION then UNION ALL', body('SELECT 1 UNION SELECT 2 UNION ALL SELECT n + 1 FROM t WHERE n < 3'), ['n integer'], [[1], [2], [2], [3], [3]]],
    ['UNION ALL then UNION', body('SELECT 1 UNION ALL SELECT 1 UNION SELECT n + 1 FROM t WHERE n < 3'), ['n integer'], [[1], [2], [3]]],
    ['INTERSECT in the base', body('SELECT 1 INTERSECT SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3'), ['n integer'], [[1], [2], [3]]],
    ['EXCEPT in the base', body('SELECT 1 EXCEPT SELECT 2 UNION ALL SELECT n + 1 FROM t WHERE n < 3'), ['n integer'], [[1], [2], [3]]],
    ['a parenthesized base', body('(SELECT 1 UNION ALL SELECT 2) UNION ALL SELECT n + 1 FROM t WHERE n < 3'), ['n integer'], [[1], [2], [2], [3], [3]]],
    ['a parenthesized step', body('SELECT 1 UNION ALL (SELECT n + 1 FROM t WHERE n < 3)'), ['n integer'], [[1], [2], [3]]],
    [
      't first in a parenthesized join',
      body('SELECT 1 UNION ALL SELECT n + 1 FROM (t JOIN (VALUES 1) v(x) ON true) WHERE n < 3'),
      ['n integer'],
      [[1], [2], [3]],
    ],
    // A UNION (distinct) step that aggregates reads the previous level's rows as computed, in Trino too (c = 2).
    [
      'UNION (distinct) of a step counting the previous level',
      'WITH RECURSIVE t(n, c) AS (SELECT 1, CAST(1 AS bigint) UNION SELECT n + 1, k FROM (SELECT max(n) n, count(*) k FROM t) s CROSS JOIN (VALUES 1, 2) v(x) WHERE n < 4) SELECT n, c FROM t ORDER BY n, c',
      ['n integer', 'c bigint'],
      [
        [1, 1],
        [2, 1],
        [3, 2],
        [4, 2],
      ],
    ],
    [
      'UNION (distinct) of a step counting a base of two equal rows',
      'WITH RECURSIVE t(n, c) AS (SELECT 1, CAST(0 AS bigint) FROM (VALUES 1, 2) v(x) UNION SELECT max(n) + 1, count(*) FROM t HAVING max(n) < 4) SELECT n, c FROM t ORDER BY n, c',
      ['n integer', 'c bigint'],
      [
        [1, 0],
        [2, 2],
        [3, 1],
        [4, 1],
      ],
    ],
  ])('%s', async (_name, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  it.each<[string, string]>([
    // Answered 20 locally before.
    ['two UNION ALL', 'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT n + 1 FROM t WHERE n < 20) SELECT max(n) FROM t'],
    [
      'a parenthesized join',
      'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM (t JOIN (VALUES 1) v(x) ON true) WHERE n < 20) SELECT max(n) FROM t',
    ],
    ['a parenthesized step', 'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL (SELECT n + 1 FROM t WHERE n < 20)) SELECT max(n) FROM t'],
    [
      'TABLE t in the step',
      'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL (SELECT n + 1 FROM ((TABLE t) EXCEPT DISTINCT (SELECT 100)) u(n) WHERE n < 20)) SELECT max(n) FROM t',
    ],
  ])('%s fails at depth 10 as in Trino', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(RECURSION_DEPTH_EXCEEDED);
  });
});

describe('recursive WITH bodies Trino does not plan are refused at lint', () => {
  it.each<[string, string, string, string]>([
    [
      'the table read in the base (before the last UNION)',
      body('SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3 UNION ALL SELECT 7'),
      't WHERE',
      'WITH table name is referenced in the base relation of recursion',
    ],
    [
      'INTERSECT after the step',
      body('SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3 INTERSECT SELECT 2'),
      't WHERE',
      'recursive reference not allowed in this context',
    ],
    [
      'EXCEPT after the step',
      body('SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3 EXCEPT SELECT 2'),
      't WHERE',
      'recursive reference not allowed in this context',
    ],
    ['no UNION', 'WITH RECURSIVE t(n) AS (SELECT n FROM t) SELECT n FROM t', 't)', 'recursive reference not allowed in this context'],
    // Answered locally before (1, 2, 3).
    [
      'ORDER BY … LIMIT after the step',
      body('SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3 ORDER BY 1 LIMIT 2'),
      'ORDER',
      'immediate ORDER BY clause in recursive query',
    ],
    [
      'a parenthesized join on the left of a RIGHT join',
      body('SELECT 1 UNION ALL SELECT n + 1 FROM (t JOIN (VALUES 1) v(x) ON true) RIGHT JOIN (VALUES 1) w(y) ON true WHERE n < 3'),
      't JOIN',
      'recursive reference in left source of RIGHT join',
    ],
  ])('%s', async (_name, sql, at, message) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('recursive-reference', sql, at, message));
  });
});

describe('UNION (distinct) recursion over values DuckDB compares otherwise', () => {
  // Trino 476: 1 (the two maps are one row); locally 2 before (DuckDB compares a map's entries in order).
  it('maps are refused as in every other DISTINCT', async () => {
    await expect(
      engine.execute(
        'WITH RECURSIVE t(n, m) AS (SELECT 1, MAP(ARRAY[1, 2], ARRAY[3, 4]) UNION SELECT 1, MAP(ARRAY[2, 1], ARRAY[4, 3]) FROM t WHERE element_at(map_keys(m), 1) = 1) SELECT count(*) FROM t',
      ),
    ).rejects.toThrow(/a map as a GROUP BY key or in the rows of SELECT DISTINCT/);
  });
  // Trino 476: 1 (one instant); locally 2 before.
  it('zoned values of one instant in two zones are refused', async () => {
    await expect(
      engine.execute(
        "WITH RECURSIVE t(n, z) AS (SELECT 1, TIMESTAMP '2020-01-01 10:00:00 UTC' UNION SELECT 1, TIMESTAMP '2020-01-01 11:00:00 +01:00' FROM t WHERE hour(z) = 10) SELECT count(*) FROM t",
      ),
    ).rejects.toThrow(/values of one instant come in different zones/);
  });
});

// TestRecursiveCte (trinodb/trino core/trino-main/src/test/java/io/trino/sql/query), each query asked of the shared
// Trino 476 with an ORDER BY.
describe("TestRecursiveCte's queries", () => {
  it.each<[string, string, string[], unknown[][]]>([
    ['simple', body('SELECT 1 UNION ALL SELECT n + 2 FROM t WHERE n < 6'), ['n integer'], [[1], [3], [5], [7]]],
    [
      'a VALUES base of two columns',
      'WITH RECURSIVE t(n, m) AS (SELECT * FROM (VALUES (1, 2), (4, 100)) UNION ALL SELECT n + 1, m - 1 FROM t WHERE n < 5) SELECT * FROM t ORDER BY n, m',
      ['n integer', 'm integer'],
      [
        [1, 2],
        [2, 1],
        [3, 0],
        [4, -1],
        [4, 100],
        [5, -2],
        [5, 99],
      ],
    ],
    ['UNION (distinct)', body('SELECT * FROM (VALUES (1), (1), (10)) UNION SELECT n + 2 FROM t WHERE n < 4'), ['n integer'], [[1], [3], [5], [10]]],
    [
      'UNION (distinct) of two columns',
      'WITH RECURSIVE t(n, m) AS (SELECT * FROM (VALUES (1, 2), (2, 3)) UNION SELECT n + 1, m + 1 FROM t WHERE n < 3) SELECT * FROM t ORDER BY n, m',
      ['n integer', 'm integer'],
      [
        [1, 2],
        [2, 3],
        [3, 4],
      ],
    ],
    [
      'the reference in a subquery with a WITH',
      body('SELECT 1 UNION ALL SELECT * FROM (WITH t2(m) AS (SELECT 4) SELECT m FROM t2 UNION SELECT n + 1 FROM t) t(n) WHERE n < 4'),
      ['n integer'],
      [[1], [2], [3]],
    ],
    // Failed locally at depth 10 before: the inner t was read as the recursive table.
    [
      't shadowed by a nested WITH (not recursive)',
      body('SELECT 1 UNION ALL SELECT * FROM (WITH t(n) AS (SELECT 5) SELECT n + 1 FROM t)'),
      ['n integer'],
      [[1], [6]],
    ],
    [
      'nested WITHs',
      'WITH t(n) AS (WITH t2(m) AS (WITH RECURSIVE t3(p) AS (SELECT 1 UNION ALL SELECT * FROM (WITH t4(q) AS (SELECT 4) SELECT p + 1 FROM t3 WHERE p < 3)) SELECT * FROM t3) SELECT * FROM t2) SELECT * FROM t ORDER BY n',
      ['n integer'],
      [[1], [2], [3]],
    ],
    [
      'several recursive WITH queries',
      'WITH RECURSIVE a(x) AS (SELECT 1), b(y) AS (SELECT x FROM a UNION ALL SELECT y + 1 FROM b WHERE y < 2), c(z) AS (SELECT y FROM b UNION ALL SELECT z * 4 FROM c WHERE z < 4) SELECT * FROM a, b, c ORDER BY 1, 2, 3',
      ['x integer', 'y integer', 'z integer'],
      [
        [1, 1, 1],
        [1, 1, 2],
        [1, 1, 4],
        [1, 1, 8],
        [1, 2, 1],
        [1, 2, 2],
        [1, 2, 4],
        [1, 2, 8],
      ],
    ],
    [
      'varchar',
      body("SELECT CAST(n AS varchar) FROM (VALUES ('a'), ('b')) AS T(n) UNION ALL SELECT n || 'x' FROM t WHERE n < 'axx'"),
      ['n varchar'],
      [['a'], ['ax'], ['axx'], ['b']],
    ],
    ['integer coerced to bigint', body("SELECT BIGINT '1' UNION ALL SELECT CAST(n + 1 AS integer) FROM t WHERE n < 3"), ['n bigint'], [[1], [2], [3]]],
    [
      'decimal(10,0) coerced to decimal(20,10)',
      body('SELECT CAST(1 AS decimal(20,10)) UNION ALL SELECT CAST(n + 1 AS decimal(10,0)) FROM t WHERE n < 2'),
      ['n decimal(20,10)'],
      [['1.0000000000'], ['2.0000000000']],
    ],
    [
      'varchar(5) coerced to varchar',
      body("SELECT VARCHAR 'ABCDE' UNION ALL SELECT CAST(substr(n, 2) AS varchar(5)) FROM t WHERE n < 'E'"),
      ['n varchar'],
      [['ABCDE'], ['BCDE'], ['CDE'], ['DE'], ['E']],
    ],
    [
      'tinyint and smallint coerced',
      "WITH RECURSIVE t(n, m) AS (SELECT BIGINT '1', INTEGER '2' UNION ALL SELECT CAST(n + 1 AS tinyint), CAST(m + 2 AS smallint) FROM t WHERE n < 3) SELECT * FROM t ORDER BY n",
      ['n bigint', 'm integer'],
      [
        [1, 2],
        [2, 4],
        [3, 6],
      ],
    ],
    [
      'the right side of a RIGHT join',
      body('SELECT 1 UNION ALL SELECT n + 2 FROM (SELECT 10) u RIGHT JOIN t ON true WHERE n < 6'),
      ['n integer'],
      [[1], [3], [5], [7]],
    ],
    [
      'the left side of a LEFT join',
      body('SELECT 1 UNION ALL SELECT n + 2 FROM t LEFT JOIN (SELECT 10) u ON true WHERE n < 6'),
      ['n integer'],
      [[1], [3], [5], [7]],
    ],
    [
      'an IN subquery',
      body('SELECT 1 UNION ALL SELECT * FROM (SELECT * FROM (VALUES 5) t1(m) WHERE 1 IN (SELECT * FROM t WHERE n * 3 < m))'),
      ['n integer'],
      [[1], [5]],
    ],
    ['TABLE t under INTERSECT', body('SELECT 1 UNION ALL (SELECT n + 2 FROM ((TABLE t) INTERSECT DISTINCT (SELECT 1)) u(n))'), ['n integer'], [[1], [3]]],
    [
      'TABLE t under EXCEPT',
      body('SELECT 1 UNION ALL (SELECT n + 2 FROM ((TABLE t) EXCEPT DISTINCT (SELECT 10)) u(n) WHERE n < 3)'),
      ['n integer'],
      [[1], [3]],
    ],
    [
      'repeated outputs in the base and the step',
      "WITH RECURSIVE T(a, orig_a) AS (VALUES (1, 0), (2, 0), (3, 1), (4, 1), (5, 2), (6, 3), (7, 5)), CTE(a, orig_a, base_id, root_a) AS (SELECT a, orig_a, 'base_entry', a FROM T WHERE orig_a = 0 UNION ALL SELECT T.a, T.orig_a, 'derived', CTE.root_a FROM T INNER JOIN CTE ON CTE.a = T.orig_a) SELECT * FROM CTE ORDER BY 1",
      ['a integer', 'orig_a integer', 'base_id varchar', 'root_a integer'],
      [
        [1, 0, 'base_entry', 1],
        [2, 0, 'base_entry', 2],
        [3, 1, 'derived', 1],
        [4, 1, 'derived', 1],
        [5, 2, 'derived', 2],
        [6, 3, 'derived', 1],
        [7, 5, 'derived', 2],
      ],
    ],
  ])('%s', async (_name, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });
});
