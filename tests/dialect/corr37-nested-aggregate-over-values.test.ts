// An aggregating nested subquery without FROM in the select list of a subquery over a bare one-row VALUES, where the
// middle level's own column is read too: `(SELECT (SELECT count(*) + t.a) + b FROM (VALUES 1) u(b))`. Trino 476
// plans it (corr36 left it refused, as the `max(c) FROM w … + b` forms that fail): correlated-subqueries.ts
// nestedCorrelatedSelectWithFrom now refuses over a bare one-row VALUES only a nested subquery with a FROM. Every
// expectation is the shared Trino 476's answer (value and type) or its failure, asked on 2026-12-07
// (docs/issue-15-audit.md, branch corr37's section).
import { describe, expect, it } from 'vitest';
import { correlatedAt, sharedLake, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

const t = 'FROM (VALUES 10, 20) t(a)';

describe('an aggregating nested subquery without FROM over a bare one-row VALUES', () => {
  it.each<[string, string, unknown[][]]>([
    [
      'plus the middle column',
      `SELECT t.a, (SELECT (SELECT count(*) + t.a) + b FROM (VALUES 1) u(b)) ${t} ORDER BY 1`,
      [
        [10, 12],
        [20, 22],
      ],
    ],
    [
      'unqualified',
      `SELECT t.a, (SELECT (SELECT count(*) + a) + b FROM (VALUES 1) u(b)) ${t} ORDER BY 1`,
      [
        [10, 12],
        [20, 22],
      ],
    ],
    [
      'the middle column inside it',
      `SELECT t.a, (SELECT (SELECT count(*) + t.a + b) FROM (VALUES 1) u(b)) ${t} ORDER BY 1`,
      [
        [10, 12],
        [20, 22],
      ],
    ],
    [
      'times the middle column',
      `SELECT t.a, (SELECT b * (SELECT count(*) + t.a) FROM (VALUES 2) u(b)) ${t} ORDER BY 1`,
      [
        [10, 22],
        [20, 42],
      ],
    ],
    [
      'a row of two columns',
      `SELECT t.a, (SELECT (SELECT count(*) + t.a) + b FROM (VALUES (1, 2)) u(b, c)) ${t} ORDER BY 1`,
      [
        [10, 12],
        [20, 22],
      ],
    ],
    [
      'under LATERAL',
      `SELECT t.a, v.x ${t} CROSS JOIN LATERAL (SELECT (SELECT count(*) + t.a) + b AS x FROM (VALUES 1) u(b)) v ORDER BY 1`,
      [
        [10, 12],
        [20, 22],
      ],
    ],
  ])('%s answers', async (_name, sql, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types: ['integer', 'bigint'] });
  });

  it.each<[string, string, string]>([
    ['an aggregate of the outer column', `SELECT t.a, (SELECT (SELECT max(t.a)) + b FROM (VALUES 1) u(b)) ${t} ORDER BY 1`, 't.a)) + b'],
    ['sum of it beside count(*)', `SELECT t.a, (SELECT (SELECT sum(t.a) + count(*)) + b FROM (VALUES 1) u(b)) ${t} ORDER BY 1`, 't.a) + count'],
    [
      'a nested subquery with a FROM',
      `SELECT t.a, (SELECT (SELECT max(c) FROM (VALUES 1, 15) w(c) WHERE c < a) + b FROM (VALUES 1) u(b)) ${t} ORDER BY 1`,
      'a) + b',
    ],
  ])('%s stays refused (Trino NOT_SUPPORTED)', async (_name, sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(correlatedAt(sql, at));
  });
});
