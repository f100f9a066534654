// A nested subquery in a subquery's select list reading the outermost row by a qualified name, where the aggregate is
// the nested subquery's own: Trino 476 answers over a bare one-row VALUES (it was refused locally as "beside an
// aggregate", an over-refusal), and fails with NOT_SUPPORTED where an aggregating nested subquery without FROM meets
// a WHERE or two rows (docs/issue-15-audit.md, branch corr36's section). Every expectation is the shared Trino 476's
// answer (value and type) or its failure, asked on 2026-12-07.
import { describe, expect, it } from 'vitest';
import { correlatedAt, sharedLake, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

const t = 'FROM (VALUES 10, 20) t(a)';
const w = 'FROM (VALUES 1, 15) w(c)';

describe("a nested subquery's own aggregate beside the outermost row", () => {
  it.each<[string, string, string[], unknown[][]]>([
    [
      'alone',
      `SELECT t.a, (SELECT (SELECT max(c) ${w} WHERE c < t.a) FROM (VALUES 1) u(b)) ${t} ORDER BY 1`,
      ['integer', 'integer'],
      [
        [10, 1],
        [20, 15],
      ],
    ],
    [
      'plus a constant',
      `SELECT t.a, (SELECT (SELECT max(c) ${w} WHERE c < t.a) + 1 FROM (VALUES 1) u(b)) ${t} ORDER BY 1`,
      ['integer', 'integer'],
      [
        [10, 2],
        [20, 16],
      ],
    ],
  ])('%s answers', async (_name, sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });

  it.each<[string, string, string]>([
    ['a WHERE in the middle', `SELECT t.a, (SELECT (SELECT count(*) + t.a) + b FROM (VALUES 1, 2) u(b) WHERE b = 1) ${t} ORDER BY 1`, 't.a) + b'],
    ['unqualified', `SELECT t.a, (SELECT (SELECT count(*) + a) + b FROM (VALUES 1, 2) u(b) WHERE b = 1) ${t} ORDER BY 1`, 'a) + b'],
    [
      'LATERAL over two rows',
      `SELECT t.a, v.x ${t} CROSS JOIN LATERAL (SELECT (SELECT count(*) + t.a) AS x FROM (VALUES 1, 2) u(b)) v ORDER BY 1, 2`,
      't.a) AS x',
    ],
  ])('%s is refused', async (_name, sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(correlatedAt(sql, at));
  });
});
