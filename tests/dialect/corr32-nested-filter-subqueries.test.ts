// A subquery in a subquery's WHERE, HAVING or ORDER BY reading a column of a query enclosing both: Trino 476
// NOT_SUPPORTED "Given correlated subquery is not supported", DuckDB answered (docs/issue-15-audit.md "Lateral aliases
// in subqueries, joined correlated derived tables and over-refused correlated aggregates (session of 2026-12-06 night,
// branch corr32)"). Every expectation is the shared Trino 476's answer (value and type) or its failure, asked on
// 2026-12-06.
import { describe, expect, it } from 'vitest';
import { correlatedAt, sharedLake, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

describe("a subquery in a subquery's filter reading the outermost row", () => {
  const t = 'FROM (VALUES (5, 3)) t(x, a)';
  // Locally (5, 1), (5, 1), …: Trino fails.
  it.each<[string, string, string]>([
    ['scalar, qualified', `SELECT x, (SELECT max(b) FROM (VALUES 1) u(b) WHERE b < (SELECT t.a)) ${t}`, 't.a))'],
    ['scalar, unqualified', `SELECT x, (SELECT max(b) FROM (VALUES 1) u(b) WHERE b < (SELECT a)) ${t}`, 'a)) FROM'],
    ['EXISTS without FROM inside', `SELECT x, (SELECT max(b) FROM (VALUES 1) u(b) WHERE EXISTS (SELECT 1 WHERE t.a > 1)) ${t}`, 't.a >'],
    [
      'an aggregating subquery inside',
      `SELECT x, (SELECT max(b) FROM (VALUES 1, 4) u(b) WHERE b < (SELECT max(c) FROM (VALUES 2, 3) v(c) WHERE c = t.a)) ${t}`,
      't.a))',
    ],
    ['under EXISTS', `SELECT x ${t} WHERE EXISTS (SELECT 1 FROM (VALUES 1) u(b) WHERE b < (SELECT t.a))`, 't.a))'],
    ['under LATERAL', `SELECT * ${t} CROSS JOIN LATERAL (SELECT b FROM (VALUES 1) u(b) WHERE b < (SELECT t.a)) ORDER BY 1, 2, 3`, 't.a))'],
    ['a middle level without FROM', 'SELECT (SELECT 1 WHERE EXISTS (SELECT 1 FROM (VALUES 2) v(c) WHERE c > t.a)) FROM (VALUES 1) t(a)', 't.a))'],
    ['a filter of the inner subquery', 'SELECT (SELECT count(*) FROM (VALUES 1, 2) u(b) WHERE b > (SELECT 1 WHERE t.a > 0)) FROM (VALUES 1) t(a)', 't.a >'],
    ['ORDER BY', 'SELECT (SELECT max(b) FROM (VALUES 1) u(b) WHERE b < 5 ORDER BY (SELECT t.a) LIMIT 1) FROM (VALUES 1) t(a)', 't.a)'],
  ])('%s', async (_name, sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(correlatedAt(sql, at));
  });

  it.each<[string, string, string[], unknown[][]]>([
    [
      "the inner subquery reads the middle level's column",
      'SELECT x, (SELECT max(b) FROM (VALUES 1) u(b) WHERE b < (SELECT u.b + 1)) FROM (VALUES (5, 3)) t(x, a)',
      ['integer', 'integer'],
      [[5, 1]],
    ],
    [
      'the outer column outside the inner subquery',
      'SELECT x, (SELECT max(b) FROM (VALUES 1) u(b) WHERE b < t.a + (SELECT 1)) FROM (VALUES (5, 3)) t(x, a)',
      ['integer', 'integer'],
      [[5, 1]],
    ],
    ['two levels of projection', 'SELECT (SELECT (SELECT t.a)) FROM (VALUES 1) t(a)', ['integer'], [[1]]],
    ['a projection over one VALUES row', 'SELECT (SELECT (SELECT t.a) FROM (VALUES 1) u(b)) FROM (VALUES 1) t(a)', ['integer'], [[1]]],
    [
      "a joined derived table whose own subquery reads only the derived table's column",
      'SELECT * FROM (VALUES 1, 2, 3) t(a) CROSS JOIN LATERAL (SELECT w.b, v.c FROM (SELECT u.b FROM (VALUES 1, 2, 3) u(b) WHERE EXISTS (SELECT 1 FROM (VALUES 2, 3) x(d) WHERE x.d = u.b)) w JOIN (VALUES 2, 3) v(c) ON w.b = v.c WHERE v.c <= t.a) ORDER BY 1, 2, 3',
      ['integer', 'integer', 'integer'],
      [
        [2, 2, 2],
        [3, 2, 2],
        [3, 3, 3],
      ],
    ],
    [
      'a correlation to the middle level two deep',
      'SELECT (SELECT max(b) FROM (VALUES 1) u(b) WHERE b < (SELECT max(c) FROM (VALUES 2) v(c) WHERE c > u.b)) FROM (VALUES 1) t(a)',
      ['integer'],
      [[1]],
    ],
  ])('%s answers as Trino', async (_name, sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });
});
