// A subquery in an aggregating subquery's select list reading the outer row beside the aggregate: Trino 476
// NOT_SUPPORTED "Given correlated subquery is not supported", DuckDB answered (10, 12), (20, 22)
// (docs/issue-15-audit.md "Correlated subqueries without FROM under a constant filter, and nested beside an aggregate
// (session of 2026-12-06 night, branch corr33)"). Every expectation is the shared Trino 476's answer (value and type)
// or its failure, asked on 2026-12-07.
import { describe, expect, it } from 'vitest';
import { correlatedAt, sharedLake, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

const t = 'FROM (VALUES 10, 20) t(a)';
const u = 'FROM (VALUES 1, 2) u(b)';

describe('a nested subquery reading the outer row beside an aggregate', () => {
  it.each<[string, string, string]>([
    ['scalar', `SELECT a, (SELECT (SELECT t.a) + max(b) ${u}) ${t} ORDER BY 1`, 't.a)'],
    ['the aggregate first', `SELECT a, (SELECT max(b) + (SELECT t.a + 1) ${u}) ${t} ORDER BY 1`, 't.a + 1'],
    ['an aggregating nested subquery', `SELECT a, (SELECT max(b) + (SELECT max(c) FROM (VALUES 5) w(c) WHERE c < t.a) ${u}) ${t} ORDER BY 1`, 't.a)'],
    ['LATERAL', `SELECT * ${t} CROSS JOIN LATERAL (SELECT (SELECT t.a) + max(b) ${u}) v(c) ORDER BY 1`, 't.a)'],
  ])('%s', async (_name, sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(correlatedAt(sql, at));
  });

  // Trino answers these; the local engine too, alike.
  it.each<[string, string, string[], unknown[][]]>([
    [
      'the outer column outside the nested subquery',
      `SELECT a, (SELECT t.a + max(b) ${u}) ${t} ORDER BY 1`,
      ['integer', 'integer'],
      [
        [10, 12],
        [20, 22],
      ],
    ],
    [
      'an uncorrelated nested subquery',
      `SELECT a, (SELECT (SELECT 1) + max(b) ${u}) ${t} ORDER BY 1`,
      ['integer', 'integer'],
      [
        [10, 3],
        [20, 3],
      ],
    ],
    [
      'without aggregate',
      `SELECT a, (SELECT (SELECT t.a) FROM (VALUES 1) u(b)) ${t} ORDER BY 1`,
      ['integer', 'integer'],
      [
        [10, 10],
        [20, 20],
      ],
    ],
    [
      'without FROM',
      `SELECT a, (SELECT (SELECT t.a) + count(*)) ${t} ORDER BY 1`,
      ['integer', 'bigint'],
      [
        [10, 11],
        [20, 21],
      ],
    ],
    [
      'EXISTS',
      `SELECT a, EXISTS (SELECT (SELECT t.a) + max(b) ${u}) ${t} ORDER BY 1`,
      ['integer', 'boolean'],
      [
        [10, true],
        [20, true],
      ],
    ],
  ])('%s', async (_name, sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });
});
