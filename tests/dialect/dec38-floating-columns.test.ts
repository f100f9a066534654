// A decimal column meeting a value written as a real or double (=, <>, <, IN, NOT IN, BETWEEN, CASE d WHEN, nullif),
// and a decimal of more than 15 digits given to a function that takes doubles only (power, degrees, …): Trino 476
// makes the decimal the real or double nearest its exact value (one rounding), DuckDB's implicit cast rounded twice
// (docs/issue-15-audit.md, "Decimal columns meeting real or double … branch dec38"; translate/floating-operands.ts).
// Every value and type below is Trino 476's answer, asked of the shared Trino with the same columns (from VALUES, from
// a subquery, and from a memory-catalog table of the same column types for the table cases).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { describeFunctions } from './functions/harness.js';
import { openLake, rowsAndTypes } from './lake-helpers.js';

const REAL_COLUMN = "FROM (VALUES DECIMAL '16777217.5') t(d)";
const DOUBLE_COLUMN = "FROM (VALUES DECIMAL '9007199254740993.0000000001') t(e)";

describeFunctions('a decimal column compared with a real or double literal is the nearest real or double', [
  ['=', `d = REAL '16777218' ${REAL_COLUMN}`, true, 'boolean'],
  ['<>', `d <> REAL '16777218' ${REAL_COLUMN}`, false, 'boolean'],
  ['<', `d < REAL '16777218' ${REAL_COLUMN}`, false, 'boolean'],
  ['= with the real first', `REAL '16777218' = d ${REAL_COLUMN}`, true, 'boolean'],
  ['IN', `d IN (REAL '16777218', REAL '1') ${REAL_COLUMN}`, true, 'boolean'],
  ['NOT IN', `d NOT IN (REAL '16777218') ${REAL_COLUMN}`, false, 'boolean'],
  ['BETWEEN a real and an integer', `d BETWEEN REAL '16777218' AND 16777219 ${REAL_COLUMN}`, true, 'boolean'],
  ['CASE d WHEN', `CASE d WHEN REAL '16777218' THEN 1 ELSE 0 END ${REAL_COLUMN}`, 1, 'integer'],
  ['nullif(d, real)', `nullif(d, REAL '16777218') ${REAL_COLUMN}`, null, 'decimal(9,1)'],
  ['nullif(real, d)', `nullif(REAL '16777218', d) ${REAL_COLUMN}`, null, 'real'],
  ['a qualified column', `t.d = REAL '16777218' ${REAL_COLUMN}`, true, 'boolean'],
  ['a subquery column', "d = REAL '16777218' FROM (SELECT CAST('16777217.5' AS decimal(9,1)) AS d)", true, 'boolean'],
  ['a lambda parameter', `element_at(transform(ARRAY[d], x -> x = REAL '16777218'), 1) ${REAL_COLUMN}`, true, 'boolean'],
  ['an outer column in a correlated subquery', `(SELECT count(*) FROM (VALUES 1) u(k) WHERE t.d = REAL '16777218') ${REAL_COLUMN}`, 1, 'bigint'],
  ['= a double literal', `e = DOUBLE '9007199254740994' ${DOUBLE_COLUMN}`, true, 'boolean'],
  ['= a number with an exponent', `e = 9007199254740994e0 ${DOUBLE_COLUMN}`, true, 'boolean'],
  ['IN a double', `e IN (9007199254740994e0) ${DOUBLE_COLUMN}`, true, 'boolean'],
  // Unchanged: exact through DuckDB's cast, or not a decimal, or a value whose type the SQL does not show beside a real.
  ['a double column beside a real', "d = REAL '16777218' FROM (VALUES DOUBLE '16777217.5') t(d)", false, 'boolean'],
  ['IN beside a double column', "d IN (REAL '16777218', c) FROM (VALUES (DECIMAL '16777217.5', DOUBLE '16777217.5')) t(d, c)", true, 'boolean'],
  ['a decimal(7,1) column', "d = REAL '1.5' FROM (VALUES CAST(DECIMAL '1.5' AS decimal(7,1))) t(d)", true, 'boolean'],
  ['a decimal(15,1) column', "d = DOUBLE '90071992547409.3' FROM (VALUES DECIMAL '90071992547409.3') t(d)", true, 'boolean'],
]);

describeFunctions('a decimal of more than 15 digits given to a function of doubles is the nearest double', [
  ['power of a column', `power(e, 1) ${DOUBLE_COLUMN}`, 9007199254740994, 'double'],
  ['power of a literal', "power(DECIMAL '9007199254740993.0000000001', 1)", 9007199254740994, 'double'],
  ['pow of a number literal', 'pow(9007199254740993.0000000001, 1)', 9007199254740994, 'double'],
  ['power of a lambda parameter', `element_at(transform(ARRAY[e], x -> power(x, 1)), 1) ${DOUBLE_COLUMN}`, 9007199254740994, 'double'],
  ['nullif of a lambda parameter', `element_at(transform(ARRAY[e], x -> nullif(x, DOUBLE '9007199254740994')), 1) ${DOUBLE_COLUMN}`, null, 'decimal(26,10)'],
  ['power of a subquery column', "power(e, 1) FROM (SELECT CAST('9007199254740993.0000000001' AS decimal(26,10)) AS e)", 9007199254740994, 'double'],
]);

// Trino 476 makes a decimal of at most 18 digits a real as (float) unscaled / (float) 10^scale, which rounds twice
// (DECIMAL '400149.50' is 400149.53 where the nearest real is 400149.5), and a double as (double) unscaled / 10^scale
// (912312924575.21800 is 912312924575.2179, the nearest 912312924575.218); more digits give the nearest value. The
// start of this branch read the decimal's text (the nearest value) in CAST, arithmetic and beside literals.
const SHORT_REAL = "FROM (VALUES DECIMAL '400149.50') t(d)";
const SHORT_DOUBLE = "FROM (VALUES DECIMAL '914328587508674.1') t(d)";
describeFunctions('a decimal of at most 18 digits becomes a real or double as Trino divides its unscaled value', [
  ['CAST to real', "CAST(DECIMAL '400149.50' AS real)", 400149.53, 'real'],
  ['CAST to real of a decimal(9,1)', "CAST(DECIMAL '16777218.5' AS real)", 16777220, 'real'],
  ['CAST of a column to real', `CAST(d AS real) ${SHORT_REAL}`, 400149.53, 'real'],
  ['a literal = a real', "DECIMAL '400149.50' = REAL '400149.5'", false, 'boolean'],
  ['a decimal(9,1) literal = a real', "DECIMAL '16777218.5' = REAL '16777218'", false, 'boolean'],
  ['a literal + a real', "DECIMAL '400149.50' + REAL '0'", 400149.53, 'real'],
  ['ARRAY[…] of a real and a literal', "element_at(ARRAY[REAL '1', DECIMAL '400149.50'], 2)", 400149.53, 'real'],
  ['coalesce of a literal and a real', "coalesce(DECIMAL '400149.50', REAL '1')", 400149.53, 'real'],
  ['a column + a real', `d + REAL '0' ${SHORT_REAL}`, 400149.53, 'real'],
  ['a column * a real', `d * REAL '1' ${SHORT_REAL}`, 400149.53, 'real'],
  ['a column = a real', `d = REAL '400149.5' ${SHORT_REAL}`, false, 'boolean'],
  ['CASE d WHEN a real', `CASE d WHEN REAL '400149.5' THEN 1 ELSE 0 END ${SHORT_REAL}`, 0, 'integer'],
  ['an outer column = a real', `(SELECT count(*) FROM (VALUES 1) u(k) WHERE t.d = REAL '400149.53125') ${SHORT_REAL}`, 1, 'bigint'],
  ['CAST of a decimal(17,5) to double', "CAST(DECIMAL '912312924575.21800' AS double)", 912312924575.2179, 'double'],
  ['a decimal(17,5) literal + a double', "DECIMAL '912312924575.21800' + DOUBLE '0'", 912312924575.2179, 'double'],
  ['a decimal(17,5) literal = a double', "DECIMAL '912312924575.21800' = DOUBLE '912312924575.218'", false, 'boolean'],
  ['CAST of a decimal(16,1) to double', "CAST(DECIMAL '914328587508674.1' AS double)", 914328587508674, 'double'],
  ['a decimal(16,1) column = a double', `d = DOUBLE '914328587508674.1' ${SHORT_DOUBLE}`, false, 'boolean'],
  ['power of a decimal(16,1) column', `power(d, 1) ${SHORT_DOUBLE}`, 914328587508674, 'double'],
]);

describe('decimal columns of a lake table beside a real or double literal', () => {
  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await openLake();
    await engine.execute("CREATE TABLE f (d decimal(9,1), e decimal(26,10)) LOCATION 's3://b/f/' TBLPROPERTIES ('table_type' = 'ICEBERG')");
    await engine.execute('INSERT INTO f VALUES (16777217.5, 9007199254740993.0000000001)');
  });
  afterAll(async () => engine.close());

  it('compares and converts as Trino 476 (a memory table of the same types)', async () => {
    const sql = `SELECT d = REAL '16777218' AS a, d IN (REAL '16777218') AS b, d BETWEEN REAL '16777218' AND REAL '16777218' AS c,
      CASE d WHEN REAL '16777218' THEN 1 ELSE 0 END AS g, nullif(d, REAL '16777218') AS h, e = DOUBLE '9007199254740994' AS i,
      power(e, 1) AS j FROM f`;
    expect(await rowsAndTypes(engine, sql)).toEqual({
      rows: [[true, true, true, 1, null, true, 9007199254740994]],
      types: ['boolean', 'boolean', 'boolean', 'integer', 'decimal(9,1)', 'boolean', 'double'],
    });
  }, 120_000);
});
