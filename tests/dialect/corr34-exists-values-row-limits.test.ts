// EXISTS over a correlated VALUES that nothing filters, with a row limit: Trino 476 plans `ORDER BY x LIMIT 1`, `LIMIT
// 0`, `OFFSET 1`, `OFFSET 2` and FETCH FIRST as it plans the VALUES alone (corr32); the local engine refused them by
// the row-limit rule (docs/issue-15-audit.md "Correlated subqueries left by corr32/corr33 (session of 2026-12-07 early
// morning, branch corr34)"). OFFSET beside LIMIT, a WHERE, and a scalar subquery fail in Trino and stay refused. Every
// expectation is the shared Trino 476's answer (value and type) or its failure, asked on 2026-12-07.
import { describe, expect, it } from 'vitest';
import { sharedLake, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

const t = 'FROM (VALUES 1, 2) t(a) ORDER BY 1';

describe('EXISTS over a correlated VALUES with a row limit', () => {
  it.each<[string, string, boolean]>([
    ['ORDER BY x LIMIT 1', `SELECT a, EXISTS (SELECT x FROM (VALUES a, 3) s(x) ORDER BY x LIMIT 1) ${t}`, true],
    ['OFFSET 1', `SELECT a, EXISTS (SELECT x FROM (VALUES a, 3) s(x) OFFSET 1) ${t}`, true],
    ['OFFSET 2', `SELECT a, EXISTS (SELECT x FROM (VALUES a, 3) s(x) OFFSET 2) ${t}`, false],
    ['one row, LIMIT 1', `SELECT a, EXISTS (SELECT x FROM (VALUES a) s(x) LIMIT 1) ${t}`, true],
    ['LIMIT 0', `SELECT a, EXISTS (SELECT x FROM (VALUES a) s(x) LIMIT 0) ${t}`, false],
    ['FETCH FIRST', `SELECT a, EXISTS (SELECT x FROM (VALUES a, 3) s(x) FETCH FIRST 1 ROWS ONLY) ${t}`, true],
  ])('%s', async (_name, sql, value) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({
      rows: [
        [1, value],
        [2, value],
      ],
      types: ['integer', 'boolean'],
    });
  });

  // Trino: NOT_SUPPORTED "Given correlated subquery is not supported".
  it.each<[string, string]>([
    ['OFFSET beside LIMIT', `SELECT a, EXISTS (SELECT x FROM (VALUES a, 3) s(x) ORDER BY x OFFSET 1 LIMIT 1) ${t}`],
    ['a WHERE', `SELECT a, EXISTS (SELECT x FROM (VALUES a, 3) s(x) WHERE x > 1 LIMIT 1) ${t}`],
    ['a scalar subquery', `SELECT a, (SELECT x FROM (VALUES a, 3) s(x) ORDER BY x LIMIT 1) ${t}`],
  ])('%s: refused', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(/unfaithful\/correlated-subquery/);
  });
});
