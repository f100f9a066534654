// A subquery with its own FROM in the select list of a subquery with a FROM, reading a column of the query enclosing
// both, qualified or not: Trino 476 NOT_SUPPORTED "Given correlated subquery is not supported" (GENERIC_INTERNAL_ERROR
// where it also reads the middle subquery's column), DuckDB answered, e.g. (10, 2), (20, 16) (docs/issue-15-audit.md
// "Nested correlated select lists and LATERAL VALUES of a cast row (session of 2026-12-07 early morning, branch
// corr36)"). Every expectation is the shared Trino 476's answer (value and type) or its failure, asked on 2026-12-07.
import { describe, expect, it } from 'vitest';
import { correlatedAt, sharedLake, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

const t = 'FROM (VALUES 10, 20) t(a)';
const w = 'FROM (VALUES 1, 15) w(c)';
const u = 'FROM (VALUES 1) u(b)';

describe("a nested subquery with a FROM in a subquery's select list reading the outermost row", () => {
  it.each<[string, string, string]>([
    ['unqualified, beside a column', `SELECT t.a, (SELECT (SELECT max(c) ${w} WHERE c < a) + b ${u}) ${t} ORDER BY 1`, 'a) + b'],
    ['the column first', `SELECT t.a, (SELECT b + (SELECT max(c) ${w} WHERE c < a) ${u}) ${t} ORDER BY 1`, 'a) FROM (VALUES 1)'],
    ['in the nested select list', `SELECT t.a, (SELECT (SELECT max(c) + a ${w}) + b ${u}) ${t} ORDER BY 1`, 'a FROM (VALUES 1, 15)'],
    ['a non-aggregating nested subquery, qualified', `SELECT t.a, (SELECT (SELECT c FROM (VALUES 5) w(c) WHERE c < t.a) + b ${u}) ${t} ORDER BY 1`, 't.a)'],
    ['a WHERE in the middle', `SELECT t.a, (SELECT (SELECT min(c) ${w} WHERE c > a) + b ${u} WHERE b > 0) ${t} ORDER BY 1`, 'a) + b'],
    [
      'a WHERE in the middle, alone',
      `SELECT t.a, (SELECT (SELECT max(c) ${w} WHERE c < a) FROM (VALUES 1, 2) u(b) WHERE b = 1) ${t} ORDER BY 1`,
      'a) FROM (VALUES 1, 2)',
    ],
    ['ORDER BY and LIMIT in the middle', `SELECT t.a, (SELECT (SELECT max(c) ${w} WHERE c < a) ${u} ORDER BY b LIMIT 1) ${t} ORDER BY 1`, 'a) FROM (VALUES 1)'],
    ['LATERAL', `SELECT t.a, v.x ${t} CROSS JOIN LATERAL (SELECT (SELECT max(c) ${w} WHERE c < a) + b AS x ${u}) v ORDER BY 1`, 'a) + b'],
    [
      'LATERAL over two rows',
      `SELECT t.a, v.x ${t} CROSS JOIN LATERAL (SELECT (SELECT max(c) ${w} WHERE c < a) AS x FROM (VALUES 1, 2) u(b)) v ORDER BY 1, 2`,
      'a) AS x',
    ],
    // Trino GENERIC_INTERNAL_ERROR ("Some filter is not supported"): refused as well.
    ['reading both levels', `SELECT t.a, (SELECT (SELECT max(c) ${w} WHERE c < a + b) ${u}) ${t} ORDER BY 1`, 'a + b'],
  ])('%s', async (_name, sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(correlatedAt(sql, at));
  });

  // Trino answers these; the local engine too, alike.
  it.each<[string, string, string[], unknown[][]]>([
    [
      'alone over one VALUES row',
      `SELECT t.a, (SELECT (SELECT max(c) ${w} WHERE c < a) ${u}) ${t} ORDER BY 1`,
      ['integer', 'integer'],
      [
        [10, 1],
        [20, 15],
      ],
    ],
    [
      'plus a constant',
      `SELECT t.a, (SELECT (SELECT max(c) ${w} WHERE c < a) + 1 ${u}) ${t} ORDER BY 1`,
      ['integer', 'integer'],
      [
        [10, 2],
        [20, 16],
      ],
    ],
    [
      'times a constant',
      `SELECT t.a, (SELECT (SELECT max(c) ${w} WHERE c < a) * 2 ${u}) ${t} ORDER BY 1`,
      ['integer', 'integer'],
      [
        [10, 2],
        [20, 30],
      ],
    ],
    [
      'EXISTS',
      `SELECT t.a, EXISTS (SELECT (SELECT max(c) ${w} WHERE c < a) + b ${u}) ${t} ORDER BY 1`,
      ['integer', 'boolean'],
      [
        [10, true],
        [20, true],
      ],
    ],
    [
      'a nested subquery without FROM',
      `SELECT t.a, (SELECT (SELECT a) + b ${u}) ${t} ORDER BY 1`,
      ['integer', 'integer'],
      [
        [10, 11],
        [20, 21],
      ],
    ],
    [
      'qualified, without FROM',
      `SELECT t.a, (SELECT (SELECT t.a) + b ${u}) ${t} ORDER BY 1`,
      ['integer', 'integer'],
      [
        [10, 11],
        [20, 21],
      ],
    ],
    [
      'reading only the middle',
      `SELECT t.a, (SELECT (SELECT max(c) ${w} WHERE c < b) + b ${u}) ${t} ORDER BY 1`,
      ['integer', 'integer'],
      [
        [10, null],
        [20, null],
      ],
    ],
  ])('%s', async (_name, sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });
});
