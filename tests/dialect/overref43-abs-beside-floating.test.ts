// abs() of decimal arithmetic beside a real or double value (issue 15, docs/issue-15-audit.md, overref43's section;
// declam42 left it): the digit count (decimal-common-type.ts arithmeticDigits) took a call as a leaf of DuckDB's type of
// the whole value, wider than Trino's (`abs(s) * 2` of a decimal(5,1) is a decimal(15,1) locally), so `coalesce(abs(s)
// * 2, r)` was refused. abs(x) of a decimal is of x's type in Trino 476: its digits are x's. Every value and type below
// is the shared Trino 476's answer to the same SQL, asked on 2026-12-08.
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

// s decimal(5,1), r real, m decimal(12,2), g double, i integer, d decimal(9,1), f decimal(17,5), n decimal(5,1) < 0.
const SOURCE =
  "FROM (VALUES (DECIMAL '1234.5', REAL '1.5', DECIMAL '1234567890.12', DOUBLE '2.5', 7, DECIMAL '16777217.5', DECIMAL '912312924575.21800', DECIMAL '-1234.5')) t(s, r, m, g, i, d, f, n)";
const REFUSED = /a decimal of more than 7 digits meets a real \(or of more than 15 a double\)/;

describe('abs() of decimal arithmetic beside a real or double value', () => {
  it('answers as Trino 476 where the value has at most 7 (real) or 15 (double) digits', async () => {
    const sql = `SELECT coalesce(abs(s) * 2, r) a1, coalesce(abs(n) * 2, r) a2, ARRAY[abs(n) + 1, g] a3, IF(i > 0, abs(n - 1), r) a4,
      coalesce(abs(s), r) a5, coalesce(abs(-(s + 1)) / 4, r) a6 ${SOURCE}`;
    expect(await rowsAndTypes(engine, sql)).toEqual({
      rows: [[2469, 2469, [1235.5, 2.5], 1235.5, 1234.5, 308.9]],
      types: ['real', 'real', 'array(double)', 'real', 'real', 'real'],
    });
  });

  // Trino 476: 16777216, 2469136000 (real), 912312924574.2179 (double), 1881365900 (real): past 7 or 15 digits the
  // engines' conversions may differ, as without abs (declam42's refusals).
  it.each<[string]>([
    [`SELECT coalesce(abs(d) - 1, r) ${SOURCE}`],
    [`SELECT coalesce(abs(m) * 2, r) ${SOURCE}`],
    [`SELECT coalesce(abs(f) - 1, g) ${SOURCE}`],
    [`SELECT coalesce(abs(s * s * s), r) ${SOURCE}`],
  ])('%s is still refused', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(REFUSED);
  });
});
