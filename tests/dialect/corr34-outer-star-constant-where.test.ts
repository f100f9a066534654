// An outer relation's `t.*` selected by a subquery without FROM under a WHERE that Trino folds to TRUE, or OFFSET 0:
// Trino 476 plans it and answers the outer row; the local engine refused it (column-stars.ts filteredWithoutFrom took
// only a literal TRUE), now folded as correlated-subqueries.ts folds the same WHERE for `t.a` (docs/issue-15-audit.md
// "Correlated subqueries left by corr32/corr33 (session of 2026-12-07 early morning, branch corr34)"). Every
// expectation is the shared Trino 476's answer (value and type) or its failure, asked on 2026-12-07.
import { describe, expect, it } from 'vitest';
import { sharedLake, refusedAt, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

const t = 'FROM (VALUES (1, 2), (3, 4)) t(a, b) CROSS JOIN LATERAL';

describe('an outer t.* under a WHERE Trino folds to TRUE', () => {
  it.each<[string, string]>([
    ['WHERE 0 = 0', 'WHERE 0 = 0'],
    ['WHERE 1 = 1 AND NOT false', 'WHERE 1 = 1 AND NOT false'],
    ['WHERE 1 < 2 OR NULL', 'WHERE 1 < 2 OR NULL'],
    ['WHERE (true)', 'WHERE (true)'],
    ['OFFSET 0', 'OFFSET 0'],
  ])('%s', async (_name, filter) => {
    expect(await rowsAndTypes(engine, `SELECT v.* ${t} (SELECT t.* ${filter}) v ORDER BY 1`)).toEqual({
      rows: [
        [1, 2],
        [3, 4],
      ],
      types: ['integer', 'integer'],
    });
  });

  // Trino: NOT_SUPPORTED "Given correlated subquery is not supported"; the local engine would answer no row.
  it.each<[string, string]>([
    ['WHERE 1 = 0', 'WHERE 1 = 0'],
    ['WHERE NULL', 'WHERE NULL'],
    ['WHERE 0 = 0 AND false', 'WHERE 0 = 0 AND false'],
    ['OFFSET 1', 'OFFSET 1'],
  ])('%s: refused', async (_name, filter) => {
    const sql = `SELECT v.* ${t} (SELECT t.* ${filter}) v ORDER BY 1`;
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('correlated-subquery', sql, 't.*'));
  });
});
