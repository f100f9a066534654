// A decimal value that is an expression (`d + 0`, `abs(d)`, `d * 1`) beside a real or double value in one common type:
// coalesce, ARRAY[…], CASE, IF and a VALUES column (issue 15, docs/issue-15-audit.md, sil41's section; dec39 and dec40
// left them). Trino 476 makes the decimal a real or double by its own rule (the unscaled integer divided in that type up
// to 18 digits): coalesce(d + 0, r) of a decimal(9,1) 16777217.5 and a real is 16777218, where DuckDB's implicit cast
// gave 16777216; coalesce(f + 0, g) of a decimal(17,5) beside a double 912312924575.2179, local …218. They are refused
// while DuckDB binds (`floating <construct>`, by DuckDB's type of the value, as for columns since dec37). Exact ones
// still answer. Every expectation is the shared Trino 476's answer (value and type), asked on 2026-12-07.
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const MIXED = "FROM (VALUES (DECIMAL '16777217.5', REAL '16777218', DECIMAL '912312924575.21800', DOUBLE '912312924575.2179')) t(d, r, f, g)";
const SMALL = "FROM (VALUES (DECIMAL '1234.5', REAL '1.5', DECIMAL '1234567890.12', DOUBLE '2.5', 7, 8e0)) t(s, r, m, g, i, f)";
const REFUSED = /a decimal of more than 7 digits meets a real \(or of more than 15 a double\)/;

describe('a decimal expression beside a real or double value', () => {
  // Trino 476: 16777218 (real) for each of the real forms, 912312924575.2179 (double) for the double ones.
  it.each<[string]>([
    [`SELECT coalesce(d + 0, r) ${MIXED}`],
    [`SELECT coalesce(d * 1, r + 0) ${MIXED}`],
    [`SELECT ARRAY[abs(d), r] ${MIXED}`],
    [`SELECT CASE WHEN d > 0 THEN d + 0 ELSE r END ${MIXED}`],
    [`SELECT IF(d > 0, d * 1, r) ${MIXED}`],
    [`SELECT coalesce(f + 0, g) ${MIXED}`],
    ["VALUES abs(DECIMAL '16777217.5'), abs(REAL '1')"],
    ["VALUES DECIMAL '912312924575.21800' + 0, sqrt(4)"],
  ])('%s is refused', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(REFUSED);
  });

  it('exact conversions and values without a floating type answer as Trino 476', async () => {
    const sql = `SELECT coalesce(abs(s), r) a, ARRAY[abs(s), r] b, coalesce(i + 1, f) c, coalesce(s + 0, m * 1) e, CASE WHEN i > 0 THEN abs(m) ELSE g END h, IF(i > 0, abs(s), r + 1) k ${SMALL}`;
    expect(await rowsAndTypes(engine, sql)).toEqual({
      rows: [[1234.5, [1234.5, 1.5], 8, '1234.50', 1234567890.12, 1234.5]],
      types: ['real', 'array(real)', 'double', 'decimal(22,2)', 'double', 'real'],
    });
  });
});
