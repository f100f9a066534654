// A subquery in an aggregating subquery's select list reading the outer row by an unqualified name beside the
// aggregate: Trino 476 NOT_SUPPORTED "Given correlated subquery is not supported", DuckDB answered (10, 12), (20, 22)
// (docs/issue-15-audit.md "Correlated subqueries left by corr32/corr33 (session of 2026-12-07 early morning, branch
// corr34)"; corr33 refused the qualified t.a). Every expectation is the shared Trino 476's answer (value and type) or
// its failure, asked on 2026-12-07.
import { describe, expect, it } from 'vitest';
import { correlatedAt, sharedLake, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

const t = 'FROM (VALUES 10, 20) t(a)';
const u = 'FROM (VALUES 1, 2) u(b)';

describe('a nested subquery reading the outer row by an unqualified name beside an aggregate', () => {
  it.each<[string, string, string]>([
    ['scalar', `SELECT t.a, (SELECT (SELECT a) + max(b) ${u}) ${t} ORDER BY 1`, 'a) +'],
    ['the aggregate first', `SELECT t.a, (SELECT max(b) + (SELECT a + 1) ${u}) ${t} ORDER BY 1`, 'a + 1'],
    [
      'an aggregating nested subquery',
      `SELECT t.a, (SELECT max(b) + (SELECT max(c) FROM (VALUES 1, 15) w(c) WHERE c < a) ${u}) ${t} ORDER BY 1`,
      'a) FROM (VALUES 1, 2)',
    ],
    ['LATERAL', `SELECT t.a, v.c ${t} CROSS JOIN LATERAL (SELECT (SELECT a) + max(b) AS c ${u}) v ORDER BY 1`, 'a) +'],
    ['under IN', `SELECT t.a, 5 IN (SELECT (SELECT a) + max(b) ${u}) ${t} ORDER BY 1`, 'a) +'],
  ])('%s', async (_name, sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(correlatedAt(sql, at));
  });

  // Trino answers these; the local engine too, alike.
  it.each<[string, string, string[], unknown[][]]>([
    [
      'EXISTS',
      `SELECT t.a, EXISTS (SELECT (SELECT a) + max(b) ${u}) ${t} ORDER BY 1`,
      ['integer', 'boolean'],
      [
        [10, true],
        [20, true],
      ],
    ],
    [
      'without FROM',
      `SELECT t.a, (SELECT (SELECT a) + count(*)) ${t} ORDER BY 1`,
      ['integer', 'bigint'],
      [
        [10, 11],
        [20, 21],
      ],
    ],
    [
      'without aggregate',
      `SELECT t.a, (SELECT (SELECT a) FROM (VALUES 1) u(b)) ${t} ORDER BY 1`,
      ['integer', 'integer'],
      [
        [10, 10],
        [20, 20],
      ],
    ],
  ])('%s', async (_name, sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });

  // Both fail: the inner subquery reads the subquery's own column, which is not grouped (Trino
  // EXPRESSION_NOT_AGGREGATE "Subquery uses 'b' which must appear in GROUP BY clause"; DuckDB's binder error).
  it("the subquery's own column", async () => {
    await expect(engine.execute(`SELECT t.a, (SELECT (SELECT b) + max(b) ${u}) ${t} ORDER BY 1`)).rejects.toThrow(/GROUP BY/);
  });
});
