// Leftovers of stars32 (docs/issue-15-audit.md "Star leftovers (session of 2026-12-07 early morning, branch stars34)"):
// AUTO as an identifier, ORDER BY a name a star over a row expanded, `expr.* AS (a, b)`. Every expectation (names,
// types and values, or the failure) is Trino 476's, asked of the shared Trino on 2026-12-07.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { namedResult, openLake, refusedAt } from './lake-helpers.js';

let engine: AthenaLocalEngine;
beforeAll(async () => {
  engine = await openLake();
});
afterAll(async () => engine.close());

describe('AUTO is a reserved word in Trino 476 (group-by-auto.ts refuseAutoIdentifiers)', () => {
  it.each<[string, string]>([
    // Trino: SYNTAX_ERROR "mismatched input 'auto'. Expecting: <identifier>"; DuckDB grouped by the column (3 rows → 2).
    ['a column alias, grouped by', 'SELECT count(*) AS c FROM (VALUES 1, 1, 2) t(auto) GROUP BY auto'],
    ['a select alias', 'SELECT 1 AS auto'],
    ['a column reference', 'SELECT auto FROM (VALUES 1) t("auto")'],
    ['a WITH name', 'WITH auto AS (SELECT 1 AS a) SELECT a FROM auto'],
    ['a relation alias', 'SELECT auto.a FROM (VALUES 1) auto(a)'],
  ])('%s: refused as Trino fails', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('syntax', sql, 'auto'));
  });

  it.each<[string, string[], unknown[][]]>([
    [
      'SELECT "auto", count(*) AS c FROM (VALUES 1, 1, 2) t("auto") GROUP BY "auto" ORDER BY 1',
      ['auto integer', 'c bigint'],
      [
        [1, 2],
        [2, 1],
      ],
    ],
    // GROUP BY AUTO with only an aggregate: one global group, also beside a column named "auto".
    ['SELECT count(*) AS c FROM (VALUES 1, 1, 2) t("auto") GROUP BY AUTO', ['c bigint'], [[3]]],
  ])('%s answers', async (sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });
});
