// The untyped filter test `e IS [NOT] NULL` (e of type unknown: element_at(ARRAY[], y)) at a nested query level over an
// enclosing statement's WITH query of VALUES rows, that corr39 still read as table rows there (issue 15,
// docs/issue-15-audit.md, corr40's section). Trino 476 folds the test over VALUES rows and answers also where the WITH
// query is read by a subquery in FROM, a scalar or IN subquery, a UNION ALL branch or a later WITH query; a nested WITH
// of the same name over UNNEST hides it and fails again (COMPILER_ERROR "argumentType unknown should not be UNKNOWN").
// The local engine refused the nested forms; now it answers. Every expectation is the shared Trino 476's answer (value
// and type) or failure, asked on 2026-12-07.
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';
import { REFUSED, e } from './untyped-filter-fixture.js';

const engine = sharedLake();

const w = 'WITH c AS (SELECT * FROM (VALUES 1, 2) v(y))';

describe('an untyped filter test over an enclosing WITH query of VALUES rows', () => {
  it.each<[string, string, string[], unknown[][]]>([
    ['a subquery in FROM', `${w} SELECT y FROM (SELECT y FROM c WHERE ${e} IS NULL) ORDER BY 1`, ['integer'], [[1], [2]]],
    ['a scalar subquery', `${w} SELECT (SELECT count(*) FROM c WHERE ${e} IS NULL)`, ['bigint'], [[2]]],
    ['an IN subquery', `${w} SELECT y FROM c WHERE y IN (SELECT y FROM c WHERE ${e} IS NULL) ORDER BY 1`, ['integer'], [[1], [2]]],
    ['a UNION ALL branch', `${w} SELECT y FROM (SELECT y FROM c UNION ALL SELECT y FROM c WHERE ${e} IS NULL) ORDER BY 1`, ['integer'], [[1], [1], [2], [2]]],
    ['a later WITH query', `${w}, d AS (SELECT y FROM c WHERE ${e} IS NULL) SELECT y FROM d ORDER BY 1`, ['integer'], [[1], [2]]],
  ])('%s answers', async (_name, sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });

  // Trino 476: COMPILER_ERROR "argumentType unknown should not be UNKNOWN" (the rows are UNNEST's).
  it.each<[string, string]>([
    ['a WITH query over UNNEST', `WITH c AS (SELECT * FROM UNNEST(sequence(1, 2)) v(y)) SELECT y FROM (SELECT y FROM c WHERE ${e} IS NULL) ORDER BY 1`],
    [
      'a nested WITH of the same name over UNNEST',
      `${w} SELECT y FROM (WITH c AS (SELECT * FROM UNNEST(sequence(1, 2)) v(y)) SELECT y FROM c WHERE ${e} IS NULL) ORDER BY 1`,
    ],
  ])('%s is refused', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(REFUSED);
  });
});
