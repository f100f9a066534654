// A VALUES row casting a ROW(…) of the outer row to a row type: Trino 476 gives a column per field and fails with
// NOT_SUPPORTED "Given correlated subquery is not supported" under LATERAL and where the select list reads the
// VALUES' columns; DuckDB answered (10, 10), (20, 20) (docs/issue-15-audit.md "Nested correlated select lists and
// LATERAL VALUES of a cast row (session of 2026-12-07 early morning, branch corr36)"). Every expectation is the shared
// Trino 476's answer (value and type) or its failure, asked on 2026-12-07.
import { describe, expect, it } from 'vitest';
import { correlatedAt, sharedLake, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

const t = 'FROM (VALUES 10, 20) t(a)';

describe('a correlated VALUES row of a cast row', () => {
  it.each<[string, string, string]>([
    ['CROSS JOIN LATERAL', `SELECT t.a, u.x ${t} CROSS JOIN LATERAL (VALUES CAST(ROW(a) AS ROW(f1 integer))) u(x) ORDER BY 1`, 'a) AS ROW'],
    ['two fields', `SELECT t.a, u.x, u.y ${t} CROSS JOIN LATERAL (VALUES CAST(ROW(a, 1) AS ROW(f1 integer, f2 integer))) u(x, y) ORDER BY 1`, 'a, 1)'],
    ['an expression, qualified', `SELECT t.a, u.x ${t} CROSS JOIN LATERAL (VALUES CAST(ROW(t.a + 1) AS ROW(f1 bigint))) u(x) ORDER BY 1`, 't.a + 1'],
    ['in parentheses', `SELECT t.a, u.x ${t} CROSS JOIN LATERAL (VALUES (CAST(ROW(a) AS ROW(f1 integer)))) u(x) ORDER BY 1`, 'a) AS ROW'],
    ['LEFT JOIN LATERAL … ON true', `SELECT t.a, u.x ${t} LEFT JOIN LATERAL (VALUES CAST(ROW(a) AS ROW(f1 integer))) u(x) ON true ORDER BY 1`, 'a) AS ROW'],
    ['a scalar subquery selecting its column', `SELECT t.a, (SELECT x FROM (VALUES CAST(ROW(t.a) AS ROW(f1 integer))) u(x)) ${t} ORDER BY 1`, 't.a)'],
  ])('%s', async (_name, sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(correlatedAt(sql, at));
  });

  // Trino answers these; the local engine too, alike.
  it.each<[string, string, string[], unknown[][]]>([
    [
      'ROW(a)',
      `SELECT t.a, u.x ${t} CROSS JOIN LATERAL (VALUES ROW(a)) u(x) ORDER BY 1`,
      ['integer', 'integer'],
      [
        [10, 10],
        [20, 20],
      ],
    ],
    [
      'a row of two values holding the cast',
      `SELECT t.a, u.x, u.y ${t} CROSS JOIN LATERAL (VALUES (CAST(ROW(a) AS ROW(f1 integer)), 1)) u(x, y) ORDER BY 1`,
      ['integer', 'row(f1 integer)', 'integer'],
      [
        [10, { f1: 10 }, 1],
        [20, { f1: 20 }, 1],
      ],
    ],
    [
      'ROW of the cast',
      `SELECT t.a, u.x ${t} CROSS JOIN LATERAL (VALUES ROW(CAST(ROW(a) AS ROW(f1 integer)))) u(x) ORDER BY 1`,
      ['integer', 'row(f1 integer)'],
      [
        [10, { f1: 10 }],
        [20, { f1: 20 }],
      ],
    ],
    [
      'count(*)',
      `SELECT t.a, (SELECT count(*) FROM (VALUES CAST(ROW(t.a) AS ROW(f1 integer))) u(x)) ${t} ORDER BY 1`,
      ['integer', 'bigint'],
      [
        [10, 1],
        [20, 1],
      ],
    ],
    [
      'EXISTS selecting its column',
      `SELECT t.a, EXISTS (SELECT x FROM (VALUES CAST(ROW(t.a) AS ROW(f1 integer))) u(x)) ${t} ORDER BY 1`,
      ['integer', 'boolean'],
      [
        [10, true],
        [20, true],
      ],
    ],
    [
      'EXISTS',
      `SELECT t.a, EXISTS (SELECT 1 FROM (VALUES CAST(ROW(t.a) AS ROW(f1 integer))) u(x)) ${t} ORDER BY 1`,
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
