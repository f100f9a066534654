// A decimal column compared with a real or double column inside a correlated subquery where one side is an outer
// column (`=` in a WHERE, nullif, CASE x WHEN y): Trino 476 makes the decimal that type by its rule (a decimal(9,1)
// 16777217.5 beside REAL '16777218': the count is 1, nullif NULL, the CASE 1); locally DuckDB's cast counted 0, nullif
// kept the decimal and the CASE failed with DuckDB's "multiple overloads" (the read's overload is picked before an
// outer column's type is known). Refused while DuckDB binds (floating-operands.ts floatingRefused: a plain typeof
// folds, the outer column's too); other types answer as before. Values and types are Trino 476's answers to the same
// SQL, asked of the shared Trino (docs/issue-15-audit.md, "… branch dec40").
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const OUTER =
  "FROM (VALUES (DECIMAL '16777217.5', REAL '16777218', 5, 'a', DECIMAL '912312924575.21800', CAST(DECIMAL '1.5' AS decimal(7,1)))) t(d, r, i, s, e, w)";
const REFUSED = /in a correlated subquery: a decimal of more than 7 digits meets a real \(or of more than 15 a double\)/;

describe('a decimal column beside a real or double column inside a correlated subquery', () => {
  it.each<[string, string]>([
    // Trino 476: 1 (bigint).
    ['t.d = u.q in a WHERE', "(SELECT count(*) FROM (VALUES REAL '16777218') u(q) WHERE t.d = u.q)"],
    // Trino 476: 1 (bigint).
    ['u.e = t.r in a WHERE', "(SELECT count(*) FROM (VALUES DECIMAL '16777217.5') u(e) WHERE u.e = t.r)"],
    // Trino 476: 1 (bigint); a decimal(17,5) beside a double.
    ['t.e = u.c of a double', "(SELECT count(*) FROM (VALUES DOUBLE '912312924575.2179') u(c) WHERE t.e = u.c)"],
    // Trino 476: NULL decimal(9,1).
    ['nullif(t.d, u.q)', "(SELECT nullif(t.d, u.q) FROM (VALUES REAL '16777218') u(q))"],
    // Trino 476: 1 (integer).
    ['CASE t.d WHEN u.q', "(SELECT CASE t.d WHEN u.q THEN 1 ELSE 0 END FROM (VALUES REAL '16777218') u(q))"],
    // Trino 476: true (boolean).
    ['u.e IN (t.r)', "(SELECT u.e IN (t.r) FROM (VALUES DECIMAL '16777217.5') u(e))"],
    // Trino 476: true (boolean).
    ['t.r BETWEEN u.e AND u.e', "(SELECT t.r BETWEEN u.e AND u.e FROM (VALUES DECIMAL '16777217.5') u(e))"],
  ])('%s is refused', async (_name, subquery) => {
    await expect(engine.execute(`SELECT ${subquery} AS v ${OUTER}`)).rejects.toThrow(REFUSED);
  });

  it('answers other types as Trino 476', async () => {
    const sql = `SELECT (SELECT count(*) FROM (VALUES 5) u(k) WHERE u.k = t.i) AS a, (SELECT nullif(t.i, u.k) FROM (VALUES 5) u(k)) AS b,
      (SELECT CASE t.s WHEN u.k THEN 1 ELSE 0 END FROM (VALUES 'a') u(k)) AS c,
      (SELECT count(*) FROM (VALUES REAL '1.5') u(q) WHERE t.w = u.q) AS e, (SELECT u.k IN (t.i) FROM (VALUES 5) u(k)) AS f,
      (SELECT t.s BETWEEN u.k AND u.k FROM (VALUES 'a') u(k)) AS g, (SELECT count(*) FROM (VALUES 5) u(k) WHERE u.k IN (t.i, 7)) AS h ${OUTER}`;
    expect(await rowsAndTypes(engine, sql)).toEqual({
      rows: [[1, null, 1, 1, true, true, 1]],
      types: ['bigint', 'integer', 'integer', 'bigint', 'boolean', 'boolean', 'bigint'],
    });
  }, 120_000);
});
