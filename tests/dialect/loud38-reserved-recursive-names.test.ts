// A recursive WITH query named by a word DuckDB reserves and Trino does not (`window`, `at`, `limit`, `offset`,
// `fetch`): the unrolled recursion wrote the name as an alias unquoted, a name after FROM before ORDER BY was left
// unquoted (DuckDB's parse error, loud), and `FROM limit` in the step was read as a LIMIT clause (refused as
// "immediate LIMIT clause", an over-refusal). Every expectation is the shared Trino 476's answer, asked on 2026-12-07
// (branch loud38).
import { describe, expect, it } from 'vitest';
import { refusedAt, rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('relation names DuckDB reserves', () => {
  it.each<[string, string]>([
    ['WITH RECURSIVE window', 'WITH RECURSIVE window(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM window WHERE n < 3) SELECT n FROM window ORDER BY n'],
    ['WITH RECURSIVE at, qualified', 'WITH RECURSIVE at(n) AS (SELECT 1 UNION ALL SELECT at.n + 1 FROM at WHERE at.n < 3) SELECT at.n FROM at ORDER BY 1'],
    ['WITH RECURSIVE limit', 'WITH RECURSIVE limit(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM limit WHERE n < 3) SELECT limit.n FROM limit ORDER BY 1'],
    [
      'WITH RECURSIVE offset',
      'WITH RECURSIVE offset(n) AS (SELECT 1 UNION ALL SELECT offset.n + 1 FROM offset WHERE offset.n < 3) SELECT n FROM offset ORDER BY 1',
    ],
    ['WITH RECURSIVE fetch', 'WITH RECURSIVE fetch(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM fetch WHERE n < 3) SELECT n FROM fetch ORDER BY n'],
  ])('%s', async (_name, sql) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows: [[1], [2], [3]], types: ['integer'] });
  });

  it('read after FROM and JOIN before another clause', async () => {
    const sql = 'WITH window(a) AS (SELECT 1), at(b) AS (SELECT 1) SELECT a, b FROM window JOIN at ON a = b ORDER BY 1';
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows: [[1, 1]], types: ['integer', 'integer'] });
  });

  it('a LIMIT or OFFSET clause after the step is still refused (Trino 476: INVALID_LIMIT_CLAUSE, NOT_SUPPORTED)', async () => {
    for (const [sql, at] of [
      ['WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3 LIMIT 1) SELECT n FROM r', 'LIMIT'],
      ['WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3 OFFSET 1) SELECT n FROM r', 'OFFSET'],
    ])
      await expect(engine.execute(sql)).rejects.toThrow(refusedAt('recursive-reference', sql, at, `immediate ${at} clause`));
  });
});
