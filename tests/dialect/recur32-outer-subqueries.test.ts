// The recursive table inside a subquery (or LATERAL) on the outer-joined side of a join: Trino 476 fails with
// INVALID_RECURSIVE_REFERENCE at the reference inside, as for the table itself there; locally answered before
// (translate/recursive-unroll.ts findReferences). Every expectation is the shared Trino 476's answer or failure, asked on
// 2026-12-06 (night).
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake, refusedAt } from './lake-helpers.js';

const engine = sharedLake();

const step = (from: string) => `WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM ${from} WHERE n < 3) SELECT n FROM t ORDER BY n`;

describe('the recursive table in a subquery on an outer-joined side is refused at lint', () => {
  it.each<[string, string, string, string]>([
    [
      'a subquery on the right of a LEFT join',
      step('(VALUES 1) v(x) LEFT JOIN (SELECT * FROM t) s ON true'),
      't)',
      'recursive reference in right source of LEFT join',
    ],
    [
      'a LATERAL subquery on the right of a LEFT join',
      step('(VALUES 1) v(x) LEFT JOIN LATERAL (SELECT * FROM t WHERE n >= x) s ON true'),
      't WHERE n >=',
      'recursive reference in right source of LEFT join',
    ],
    [
      'a subquery on the left of a FULL join',
      step('(SELECT * FROM t) s FULL JOIN (VALUES 1) v(x) ON true'),
      't)',
      'recursive reference in left source of FULL join',
    ],
  ])('%s', async (_name, sql, at, message) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('recursive-reference', sql, at, message));
  });

  it('a subquery in an inner join answers', async () => {
    expect(await namedResult(engine, step('(VALUES 1) v(x) JOIN (SELECT * FROM t) s ON true'))).toEqual({ columns: ['n integer'], rows: [[1], [2], [3]] });
  });
});
