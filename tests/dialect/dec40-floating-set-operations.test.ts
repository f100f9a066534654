// A decimal column of one branch of UNION / INTERSECT / EXCEPT beside a real or double column of another: Trino 476
// makes the decimal that type by its rule (unscaled division up to 18 digits: `SELECT d … UNION ALL SELECT r` of a
// decimal(9,1) 16777217.5 is the real 16777218), where DuckDB's cast gave the nearest value (16777216). The branches
// bind apart, so the column is refused while DuckDB binds (set-operation-types.ts digits witness), with the message
// naming Trino's rule; exact ones still answer. Values, types and rows are Trino 476's answers to the same SQL, asked of
// the shared Trino (docs/issue-15-audit.md, "… branch dec40").
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const D9 = "(VALUES DECIMAL '16777217.5') t(d)";
const D17 = "(VALUES DECIMAL '912312924575.21800') t(d)";
const REFUSED = /a decimal of more than 7 digits meets a real \(or of more than 15 a double\) here; Athena converts it by its own rule/;

describe('a decimal column beside a real or double column of another set-operation branch', () => {
  it.each<[string, string]>([
    // Trino 476: [1], [16777218] real.
    ['UNION ALL of a decimal(9,1) and a real column', `SELECT d AS x FROM ${D9} UNION ALL SELECT r FROM (VALUES REAL '1') u(r) ORDER BY 1`],
    // Trino 476: [1], [16777218] real.
    ['UNION ALL of a decimal(9,1) column and a real literal', `SELECT d AS x FROM ${D9} UNION ALL SELECT REAL '1' ORDER BY 1`],
    // Trino 476: [1], [912312924575.2179] double.
    ['UNION of a decimal(17,5) and a double column', `SELECT d AS x FROM ${D17} UNION SELECT c FROM (VALUES DOUBLE '1') u(c) ORDER BY 1`],
    // Trino 476: [912312924575.2179] double (locally no row).
    ['INTERSECT of a decimal(17,5) and a double column', `SELECT d AS x FROM ${D17} INTERSECT SELECT c FROM (VALUES DOUBLE '912312924575.2179') u(c)`],
    // Trino 476: no row, typed real (the real branch first; 16777218 - 16777218).
    ['the real branch first', `SELECT r AS x FROM (VALUES REAL '16777218') u(r) EXCEPT SELECT d FROM ${D9}`],
  ])('%s is refused', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(REFUSED);
  });

  it('answers where the decimal is exact in the common type, or no floating type meets it', async () => {
    // decimal(9,1) beside a double (exact within 15 digits), decimal(2,1) beside a real, two decimals.
    const sql = `SELECT 1 AS k, x FROM (SELECT d AS x FROM ${D9} UNION ALL SELECT c FROM (VALUES DOUBLE '1') u(c))
      UNION ALL SELECT 2, CAST(x AS double) FROM (SELECT d AS x FROM (VALUES DECIMAL '1.5') t(d) UNION ALL SELECT r FROM (VALUES REAL '1') u(r))
      UNION ALL SELECT 3, CAST(x AS double) FROM (SELECT d AS x FROM ${D9} UNION ALL SELECT e FROM (VALUES DECIMAL '1.25') u(e))
      ORDER BY 1, 2`;
    expect(await rowsAndTypes(engine, sql)).toEqual({
      rows: [
        [1, 1],
        [1, 16777217.5],
        [2, 1],
        [2, 1.5],
        [3, 1.25],
        [3, 16777217.5],
      ],
      types: ['integer', 'double'],
    });
  }, 120_000);
});
