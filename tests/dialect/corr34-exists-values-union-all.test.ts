// EXISTS over UNION ALL whose branch reads the outer row in a VALUES that nothing filters: Trino 476 plans it (true);
// the local engine refused it by the set-operation rule (docs/issue-15-audit.md "Correlated subqueries left by
// corr32/corr33 (session of 2026-12-07 early morning, branch corr34)"). A WHERE in that branch and UNION fail in Trino
// and stay refused. Every expectation is the shared Trino 476's answer (value and type) or its failure, asked on
// 2026-12-07.
import { describe, expect, it } from 'vitest';
import { sharedLake, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

const t = 'FROM (VALUES 1, 2) t(a) ORDER BY 1';

describe('EXISTS over UNION ALL with a correlated VALUES branch', () => {
  it.each<[string, string]>([
    ['the VALUES branch first', `SELECT a, EXISTS (SELECT x FROM (VALUES a, 3) s(x) UNION ALL SELECT 1) ${t}`],
    ['the VALUES branch second, the first filtered', `SELECT a, EXISTS (SELECT 1 WHERE false UNION ALL SELECT x FROM (VALUES a) s(x)) ${t}`],
  ])('%s', async (_name, sql) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({
      rows: [
        [1, true],
        [2, true],
      ],
      types: ['integer', 'boolean'],
    });
  });

  // Trino: NOT_SUPPORTED "Given correlated subquery is not supported".
  it.each<[string, string]>([
    ['a WHERE in the VALUES branch', `SELECT a, EXISTS (SELECT x FROM (VALUES a, 3) s(x) WHERE x > 5 UNION ALL SELECT 1 WHERE false) ${t}`],
    ['UNION', `SELECT a, EXISTS (SELECT x FROM (VALUES a, 3) s(x) UNION SELECT 1) ${t}`],
  ])('%s: refused', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(/unfaithful\/correlated-subquery/);
  });
});
