// A decimal column beside a real or double column in an IN list or a BETWEEN of columns only (no value written as a
// real or double): Trino 476 compares in the common type, the decimal made a real or double by its rule (unscaled
// division up to 18 digits: a decimal(9,1) 16777217.5 is REAL '16777218'), where DuckDB's cast gave the nearest value
// (16777216; `d IN (r)` was false). Each column is read beside the coalesce of the others (translate/floating-operands.ts
// unseenBesideReal, macros.ts trino_floating_read). Every value and type below is Trino 476's answer to the same SQL,
// asked of the shared Trino (docs/issue-15-audit.md, "… branch dec40").
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

// d decimal(9,1), r and q real, e decimal(17,5), c and z double, s decimal(7,1), w real.
const COLUMNS =
  "FROM (VALUES (DECIMAL '16777217.5', REAL '16777218', REAL '1', DECIMAL '912312924575.21800', DOUBLE '912312924575.2179', DOUBLE '1', CAST(DECIMAL '1.5' AS decimal(7,1)), REAL '1.5')) t(d, r, q, e, c, z, s, w)";

describe('IN lists and BETWEEN of a decimal column and real or double columns', () => {
  it('answer as Trino 476', async () => {
    const sql = `SELECT d IN (r) AS a1, r IN (d) AS a2, d IN (q, r) AS a3, d NOT IN (r) AS a4, d IN (r, 5) AS a5, e IN (c) AS a6,
      c IN (e) AS a7, e IN (c, z) AS a8, t.d IN (t.r) AS a9, d IN (r, NULL) AS a10,
      r BETWEEN d AND d AS b1, r NOT BETWEEN d AND d AS b2, d BETWEEN r AND r AS b3, c BETWEEN e AND e AS b4,
      e BETWEEN c AND c AS b5, t.r BETWEEN t.d AND t.d AS b6, d BETWEEN r AND NULL AS b7 ${COLUMNS}`;
    expect(await rowsAndTypes(engine, sql)).toEqual({
      rows: [[true, true, true, false, true, true, true, true, true, true, true, false, true, true, true, true, null]],
      types: Array(17).fill('boolean'),
    });
  }, 120_000);

  it('read in the common type of the IN list: a double among the values, exact decimals, no floating type', async () => {
    // d IN (r, c): the common type is double, where the decimal(9,1) is exact (16777217.5 is neither); d IN (r, e):
    // real, both decimals read by Trino's rule.
    const sql = `SELECT d IN (r, c) AS a1, d IN (r, e) AS a2, s IN (w) AS a3, w BETWEEN s AND s AS a4, d IN (e, s) AS a5,
      d BETWEEN q AND r AS a6, d IN (q) AS a7 ${COLUMNS}`;
    expect(await rowsAndTypes(engine, sql)).toEqual({
      rows: [[false, true, true, true, false, true, false]],
      types: Array(7).fill('boolean'),
    });
  }, 120_000);

  it('filters table rows as Trino 476 (a WHERE of an IN list and a BETWEEN of columns)', async () => {
    const sql = `SELECT count_if(d IN (r)) AS n, count_if(r BETWEEN d AND d) AS m FROM (VALUES (DECIMAL '16777217.5', REAL '16777218'), (DECIMAL '2.5', REAL '2'), (DECIMAL '16777219.5', REAL '16777220')) t(d, r)`;
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows: [[2, 2]], types: ['bigint', 'bigint'] });
  }, 120_000);
});
