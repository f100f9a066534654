// A bare name inside a subquery that DuckDB resolved as an enclosing SELECT's output alias where Trino 476 fails
// COLUMN_NOT_FOUND (docs/issue-15-audit.md "Lateral aliases in subqueries, joined correlated derived tables and
// over-refused correlated aggregates (session of 2026-12-06 night, branch corr32)").
// Every expectation is the shared Trino 476's answer (value and type) or its failure, asked on 2026-12-06.
import { describe } from 'vitest';
import { caseTables, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const { refused, answers } = caseTables(() => engine);

describe('a bare name inside a subquery does not resolve to an enclosing select alias', () => {
  // Trino 476: COLUMN_NOT_FOUND "Column 'a' cannot be resolved" at the name; the local engine read the alias (1, 1).
  refused(
    [
      ['scalar, no FROM', 'SELECT 1 AS a, (SELECT a)', 'a)'],
      ['scalar, an expression', 'SELECT 1 AS a, (SELECT a + 1)', 'a + 1'],
      ['two levels deep', 'SELECT 1 AS a, (SELECT (SELECT a))', 'a))'],
      ['two aliases', 'SELECT 1 AS a, 2 AS b, (SELECT a + b)', 'a + b'],
      ['over a FROM without the column', 'SELECT x AS a, (SELECT a) FROM (VALUES 5) t(x)', 'a)'],
      ['a join without the column', 'SELECT x AS a, (SELECT a) FROM (VALUES 5) t(x), (VALUES 6) u(y)', 'a)'],
      ['a quoted alias', 'SELECT x AS "A", (SELECT a) FROM (VALUES 5) t(x)', 'a)'],
      ['in the subquery WHERE', 'SELECT 1 AS a, (SELECT b FROM (VALUES 2) u(b) WHERE b > a)', 'a)'],
      ['in the subquery HAVING', 'SELECT x AS a, (SELECT count(*) FROM (VALUES 1) u(b) HAVING count(*) < a) FROM (VALUES 5) t(x)', 'a) FROM'],
      ['in an aggregate over a relation without it', 'SELECT x AS a, (SELECT max(a) FROM (VALUES 7) u(b)) FROM (VALUES 5) t(x)', 'a) FROM'],
      ['EXISTS in WHERE', 'SELECT x AS a FROM (VALUES 5) t(x) WHERE EXISTS (SELECT a)', 'a)'],
      ['IN in WHERE', 'SELECT x AS a FROM (VALUES 5) t(x) WHERE 5 IN (SELECT a)', 'a)'],
      ['IN VALUES', 'SELECT x AS a FROM (VALUES 5) t(x) WHERE 5 IN (VALUES a)', 'a)'],
      ['in GROUP BY', 'SELECT x AS a FROM (VALUES 5, 6) t(x) GROUP BY x, (SELECT a)', 'a)'],
      ['a set operation branch', 'SELECT x AS a, (SELECT a FROM (VALUES 1) u(b) UNION ALL SELECT 2 LIMIT 1) FROM (VALUES 5) t(x)', 'a FROM (VALUES 1)'],
      // Trino reads t.a here (5, 1, 5); the local engine read the alias (5, 1, 1). Refused like `SELECT 1 AS a, a`.
      ['inside a LATERAL over an outer column of that name', 'SELECT * FROM (VALUES 5) t(a) CROSS JOIN LATERAL (SELECT 1 AS a, (SELECT a) AS b)', 'a) AS b'],
    ],
    'lateral-alias',
  );

  answers([
    ['a FROM column of that name', 'SELECT x AS a, (SELECT a) FROM (VALUES (5, 6)) t(a, x)', ['integer', 'integer'], [[6, 5]]],
    ['a joined column of that name', 'SELECT x AS a, (SELECT a) FROM (VALUES 5) t(x), (VALUES 6) u(a)', ['integer', 'integer'], [[5, 6]]],
    ["the subquery's own column", 'SELECT x AS a, (SELECT max(a) FROM (VALUES 7) u(a)) FROM (VALUES 5) t(x)', ['integer', 'integer'], [[5, 7]]],
    ['a lambda parameter', 'SELECT x AS a, (SELECT transform(ARRAY[1], a -> a + 1)) FROM (VALUES 5) t(x)', ['integer', 'array(integer)'], [[5, [2]]]],
    // ORDER BY reads output columns in Trino, its subqueries too.
    ['ORDER BY a subquery', 'SELECT x AS a FROM (VALUES 5) t(x) ORDER BY (SELECT a)', ['integer'], [[5]]],
  ]);
});
