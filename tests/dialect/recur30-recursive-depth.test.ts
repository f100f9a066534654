// WITH RECURSIVE as Trino 476 plans it (translate/recursive-unroll.ts): the step unrolled max_recursion_depth (10)
// times and a failure when the copy after the last gives a row. Locally DuckDB's own recursion ran on (`… WHERE n < 20`
// gave 20, a step that never ends never came back), and a UNION (distinct) body failed to bind. The recursive
// references Trino does not plan are refused at lint (INVALID_RECURSIVE_REFERENCE). Every expectation is the shared
// Trino 476's answer (value and type) or its failure, asked on 2026-12-06.
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake, RECURSION_DEPTH_EXCEEDED, refusedAt } from './lake-helpers.js';

const engine = sharedLake();

const counter = (limit: number) => `WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < ${limit}) SELECT max(n), count(*) FROM t`;

describe('a recursive WITH stops at depth 10 as in Trino', () => {
  it.each<[string, string, string[], unknown[][]]>([
    ['9 steps', counter(10), ['_col0 integer', '_col1 bigint'], [[10, 10]]],
    ['10 steps', counter(11), ['_col0 integer', '_col1 bigint'], [[11, 11]]],
    [
      'doubling to 1024 (10 steps) in a scalar subquery',
      'SELECT (WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT t.n * 2 FROM t WHERE t.n < 1000) SELECT max(n) FROM t)',
      ['_col0 integer'],
      [[1024]],
    ],
    [
      'an aliased reference and a second WITH query',
      "WITH RECURSIVE t(n, s) AS (SELECT 1, CAST('a' AS varchar) UNION ALL SELECT x.n + 1, x.s || 'b' FROM t AS x WHERE x.n < 3), u(c) AS (SELECT count(*) FROM t) SELECT n, s, c FROM t, u ORDER BY n",
      ['n integer', 's varchar', 'c bigint'],
      [
        [1, 'a', 3],
        [2, 'ab', 3],
        [3, 'abb', 3],
      ],
    ],
    [
      'a step coerced to the base type',
      'WITH RECURSIVE t(n) AS (SELECT CAST(1 AS bigint) UNION ALL SELECT CAST(n AS integer) + 1 FROM t WHERE n < 3) SELECT n FROM t ORDER BY n',
      ['n bigint'],
      [[1], [2], [3]],
    ],
    [
      'the reference in a derived table',
      'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM (SELECT * FROM t) s WHERE n < 3) SELECT n FROM t ORDER BY n',
      ['n integer'],
      [[1], [2], [3]],
    ],
    [
      'the preserved side of a LEFT join',
      'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t LEFT JOIN (VALUES 1) v(x) ON x = n WHERE n < 3) SELECT n FROM t ORDER BY n',
      ['n integer'],
      [[1], [2], [3]],
    ],
    [
      'an inner join',
      'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM (VALUES 1) v(x) JOIN t ON true WHERE n < 3) SELECT n FROM t ORDER BY n',
      ['n integer'],
      [[1], [2], [3]],
    ],
    // Failed locally before (DuckDB: Circular reference to CTE "t").
    [
      'UNION (distinct) with a base of SELECT * FROM (VALUES …)',
      'WITH RECURSIVE t(n) AS (SELECT * FROM (VALUES 1, 2) UNION SELECT n + 1 FROM t WHERE n < 3) SELECT n FROM t ORDER BY n',
      ['n integer'],
      [[1], [2], [3]],
    ],
    [
      'UNION ALL with a base of SELECT * FROM (VALUES …)',
      'WITH RECURSIVE t(n) AS (SELECT * FROM (VALUES 1, 2) UNION ALL SELECT n + 1 FROM t WHERE n < 3) SELECT n FROM t ORDER BY n',
      ['n integer'],
      [[1], [2], [2], [3], [3]],
    ],
    ['UNION (distinct)', 'WITH RECURSIVE t(n) AS (SELECT 1 UNION SELECT n + 1 FROM t WHERE n < 3) SELECT n FROM t ORDER BY n', ['n integer'], [[1], [2], [3]]],
    // Failed locally before: the step's type check read t.n outside the aggregate (now it reads the step's output).
    [
      'a step that aggregates',
      'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT max(n) + 1 FROM t HAVING max(n) < 5) SELECT n FROM t ORDER BY n',
      ['n integer'],
      [[1], [2], [3], [4], [5]],
    ],
    ['a recursive query that is not read', 'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 20) SELECT 5', ['_col0 integer'], [[5]]],
  ])('%s', async (_name, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  it.each<[string, string]>([
    ['11 steps', counter(12)],
    ['19 steps (locally 20 before)', counter(20)],
    ['a filter that keeps an early row', 'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 20) SELECT n FROM t WHERE n = 3'],
    ['a filter that keeps no row', 'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 20) SELECT n FROM t WHERE n = 100'],
    ['count(*)', 'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 20) SELECT count(*) FROM t'],
    ['doubling to 2048 (11 steps)', 'SELECT (WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT t.n * 2 FROM t WHERE t.n < 2000) SELECT max(n) FROM t)'],
    // Did not come back locally (TestRecursiveCte).
    ['a step that never ends', 'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT * FROM t) SELECT * FROM t'],
    // DuckDB's UNION recursion stopped when no new row came; Trino unrolls it as well.
    ['UNION (distinct) of a step giving the same row', 'WITH RECURSIVE t(n) AS (SELECT 1 UNION SELECT least(n + 1, 3) FROM t) SELECT n FROM t ORDER BY n'],
  ])('%s fails as in Trino', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(RECURSION_DEPTH_EXCEEDED);
  });
});

describe('recursive references Trino does not plan are refused at lint', () => {
  it.each<[string, string, string, string]>([
    [
      'two references in a comma join',
      'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT t1.n + 1 FROM t t1, t t2 WHERE t1.n < 3) SELECT n FROM t ORDER BY n',
      't t2',
      'multiple recursive references in the step relation of recursion',
    ],
    [
      'a second reference in EXISTS',
      'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3 AND EXISTS (SELECT 1 FROM t)) SELECT n FROM t ORDER BY n',
      't))',
      'multiple recursive references in the step relation of recursion',
    ],
    [
      'the right side of a LEFT join',
      'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM (VALUES 1) v(x) LEFT JOIN t ON x = n WHERE n < 3) SELECT n FROM t ORDER BY n',
      't ON',
      'recursive reference in right source of LEFT join',
    ],
    [
      'the right side of a FULL join',
      'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM (VALUES 1) v(x) FULL JOIN t ON x = n WHERE n < 3) SELECT n FROM t ORDER BY n',
      't ON',
      'recursive reference in right source of FULL join',
    ],
    [
      'the left side of a RIGHT join',
      'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t RIGHT JOIN (VALUES 1) v(x) ON x = n WHERE n < 3) SELECT n FROM t ORDER BY n',
      't RIGHT',
      'recursive reference in left source of RIGHT join',
    ],
    [
      'the left side of a FULL join',
      'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t FULL JOIN (VALUES 1) v(x) ON x = n WHERE n < 3) SELECT n FROM t ORDER BY n',
      't FULL',
      'recursive reference in left source of FULL join',
    ],
    [
      'the left side of a later RIGHT join',
      'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t LEFT OUTER JOIN (VALUES 1) v(x) ON x = n RIGHT JOIN (VALUES 1) w(y) ON true WHERE n < 3) SELECT n FROM t ORDER BY n',
      't LEFT',
      'recursive reference in left source of RIGHT join',
    ],
  ])('%s', async (_name, sql, at, message) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('recursive-reference', sql, at, message));
  });
});
