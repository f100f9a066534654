// Decimals meeting reals and doubles where the local engine still left the conversion to DuckDB: a double-only
// aggregate or function over decimals of 16–18 digits (stddev, variance, skewness, kurtosis, corr…, power of an
// expression, of an aggregate, of a window call, of a subquery), the real forms of corr/covar/regr and geometric_mean
// over decimals of more than 7 digits, a decimal column compared with a real or double column (`d = r`, a join's keys),
// `REAL … BETWEEN d AND d`, and decimal values that are not a column name beside a real or double literal (`d + 0 =
// REAL …`, CASE, IN, nullif, `max(e) = DOUBLE …`), nullif and CASE x WHEN y of two columns; coalesce, CASE, ARRAY
// and IF of such columns are refused. Trino 476 converts a decimal of at most 18 digits by dividing its unscaled
// integer in the target type (DuckDB's cast gives the nearest value), and a longer one to the nearest value
// (docs/issue-15-audit.md, "… branch dec39"; macros.ts trino_floating_read, translate/floating-operands.ts). Every value
// and type below is Trino 476's answer, asked of the shared Trino with the same SQL (a memory-catalog table of the same
// column types for the table cases).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { describeFunctions } from './functions/harness.js';
import { openLake, rowsAndTypes } from './lake-helpers.js';

// Four decimal(17,5) values whose double by Trino's rule differs from the nearest one (525525334469.33716 is
// 525525334469.3371 in Trino 476, 525525334469.33716 the nearest).
const SEVENTEEN = "FROM (VALUES DECIMAL '525525334469.33716', DECIMAL '815631125310.23048', DECIMAL '570713345862.74869', DECIMAL '234860976170.24529') t(d)";
const BESIDE_DOUBLE =
  "FROM (VALUES (DECIMAL '525525334469.33716', DOUBLE '1'), (DECIMAL '815631125310.23048', DOUBLE '3'), (DECIMAL '570713345862.74869', DOUBLE '2')) t(d, c)";
const ONE = "FROM (VALUES DECIMAL '525525334469.33716') t(d)";

describeFunctions('a double-only aggregate or function converts decimals of 16–18 digits as Trino 476', [
  ['stddev', `stddev(d) ${SEVENTEEN}`, 238181407490.203, 'double'],
  ['stddev_pop', `stddev_pop(d) ${SEVENTEEN}`, 206271149595.649, 'double'],
  ['variance', `variance(d) ${SEVENTEEN}`, 5.673038287401414e22, 'double'],
  ['var_pop', `var_pop(d) ${SEVENTEEN}`, 4.2547787155510605e22, 'double'],
  ['skewness', `skewness(d) ${SEVENTEEN}`, -0.1638271289568539, 'double'],
  ['kurtosis', `kurtosis(d) ${SEVENTEEN}`, 1.3675617445839485, 'double'],
  ['corr beside a double column', `corr(d, c) ${BESIDE_DOUBLE}`, 0.9292789473435209, 'double'],
  ['covar_pop beside a double column', `covar_pop(c, d) ${BESIDE_DOUBLE}`, 96701930280.29774, 'double'],
  ['power of d + 0', `power(d + 0, 1) ${ONE}`, 525525334469.3371, 'double'],
  ['power of abs(d)', `power(abs(d), 1) ${ONE}`, 525525334469.3371, 'double'],
  ['power of max(d)', `power(max(d), 1) ${SEVENTEEN}`, 815631125310.2303, 'double'],
  ['power of a window call', `power(max(d) OVER (), 1) ${ONE}`, 525525334469.3371, 'double'],
  [
    'power of a scalar subquery',
    `WITH t(d) AS (VALUES DECIMAL '525525334469.33716') SELECT power((SELECT max(d) FROM t), 1) AS v`,
    525525334469.3371,
    'double',
  ],
  [
    'power of an outer column + 0 in a correlated subquery',
    `WITH t(d) AS (VALUES DECIMAL '525525334469.33716') SELECT (SELECT power(t.d + 0, 1) FROM (VALUES 1) u(k)) AS v FROM t`,
    525525334469.3371,
    'double',
  ],
]);

const NINE = "FROM (VALUES (DECIMAL '16777217.5', REAL '16777218'), (DECIMAL '16777219.5', REAL '1'), (DECIMAL '400149.50', REAL '7')) t(d, r)";
describeFunctions('the real forms of corr, covar, regr and geometric_mean convert decimals of more than 7 digits as Trino 476', [
  ['corr', `corr(d, r) ${NINE}`, 0.49999964, 'real'],
  ['covar_pop', `covar_pop(d, r) ${NINE}`, 30529045000000, 'real'],
  ['regr_intercept', `regr_intercept(r, d) ${NINE}`, -204955.06, 'real'],
  ['geometric_mean', "geometric_mean(d) FROM (VALUES DECIMAL '16777217.5', DECIMAL '16777219.5', DECIMAL '400149.50') t(d)", 4829336, 'real'],
]);

const REAL_PAIR = "FROM (VALUES (DECIMAL '16777217.5', REAL '16777218')) t(d, r)";
const DOUBLE_PAIR = "FROM (VALUES (DECIMAL '912312924575.21800', DOUBLE '912312924575.2179')) t(e, c)";
describeFunctions('a decimal column compared with a real or double column', [
  ['d = r', `d = r ${REAL_PAIR}`, true, 'boolean'],
  ['r = d', `r = d ${REAL_PAIR}`, true, 'boolean'],
  ['d <> r', `d <> r ${REAL_PAIR}`, false, 'boolean'],
  ['d < r', `d < r ${REAL_PAIR}`, false, 'boolean'],
  ['a decimal(17,5) = a double', `e = c ${DOUBLE_PAIR}`, true, 'boolean'],
  ['a decimal(26,10) = a double', "e = c FROM (VALUES (DECIMAL '9007199254740993.0000000001', DOUBLE '9007199254740994')) t(e, c)", true, 'boolean'],
  ['qualified columns of two relations', "t.d = u.r FROM (VALUES DECIMAL '16777217.5') t(d) CROSS JOIN (VALUES REAL '16777218') u(r)", true, 'boolean'],
  ['subquery columns', "d = r FROM (SELECT CAST('400149.50' AS decimal(8,2)) AS d, REAL '400149.53' AS r)", true, 'boolean'],
  [
    "a join's keys",
    "count(*) FROM (VALUES (DECIMAL '16777217.5', DECIMAL '912312924575.21800')) t(d, e) JOIN (VALUES (REAL '16777218', DOUBLE '912312924575.2179')) u(r, c) ON t.d = u.r AND t.e = u.c",
    1,
    'bigint',
  ],
  ['WHERE', "count(*) FROM (VALUES (DECIMAL '16777217.5', REAL '16777218'), (DECIMAL '2.5', REAL '2')) t(d, r) WHERE d = r", 1, 'bigint'],
  // Unchanged: exact through DuckDB's cast, or no decimal beside a floating type.
  ['a decimal(7,1) = a real', "d = r FROM (VALUES (CAST(DECIMAL '1.5' AS decimal(7,1)), REAL '1.5')) t(d, r)", true, 'boolean'],
  ['a decimal(15,1) = a double', "d = c FROM (VALUES (DECIMAL '90071992547409.3', DOUBLE '90071992547409.3')) t(d, c)", true, 'boolean'],
  ['two decimals', "d = e FROM (VALUES (DECIMAL '16777217.5', DECIMAL '16777217.50')) t(d, e)", true, 'boolean'],
  ['a real = a double', "r = c FROM (VALUES (REAL '16777218', DOUBLE '16777217.5')) t(r, c)", false, 'boolean'],
  ['e >= c', `e >= c ${DOUBLE_PAIR}`, true, 'boolean'],
]);

const REAL_ONE = "FROM (VALUES DECIMAL '16777217.5') t(d)";
describeFunctions('BETWEEN of two decimal columns, and decimal values that are not a column beside a real or double', [
  ['REAL … BETWEEN d AND d', `REAL '16777218' BETWEEN d AND d ${REAL_ONE}`, true, 'boolean'],
  ['REAL … BETWEEN d AND e', "REAL '16777218' BETWEEN d AND e FROM (VALUES (DECIMAL '16777217.5', DECIMAL '16777219.5')) t(d, e)", true, 'boolean'],
  ['REAL … BETWEEN d AND a double', "REAL '16777218' BETWEEN d AND c FROM (VALUES (DECIMAL '16777217.5', DOUBLE '16777219')) t(d, c)", true, 'boolean'],
  ['d + 0 = REAL …', `d + 0 = REAL '16777218' ${REAL_ONE}`, true, 'boolean'],
  ['d * 1 = REAL …', "d * 1 = REAL '400149.53' FROM (VALUES DECIMAL '400149.50') t(d)", true, 'boolean'],
  ['CASE d + 0 WHEN REAL …', `CASE d + 0 WHEN REAL '16777218' THEN 1 ELSE 0 END ${REAL_ONE}`, 1, 'integer'],
  ['d + 0 IN (REAL …)', `d + 0 IN (REAL '16777218', REAL '1') ${REAL_ONE}`, true, 'boolean'],
  ['nullif(d + 0, REAL …)', `nullif(d + 0, REAL '16777218') ${REAL_ONE}`, null, 'decimal(12,1)'],
  ['abs(e) = DOUBLE …', `abs(e) = DOUBLE '912312924575.2179' FROM (VALUES DECIMAL '912312924575.21800') t(e)`, true, 'boolean'],
  ['max(e) = DOUBLE …', `max(e) = DOUBLE '912312924575.2179' FROM (VALUES DECIMAL '912312924575.21800') t(e)`, true, 'boolean'],
  // sum of a decimal(17,5) is a decimal(38,5): more than 18 digits, the nearest double (unchanged).
  ['sum(e) = DOUBLE …', `sum(e) = DOUBLE '912312924575.2179' FROM (VALUES DECIMAL '912312924575.21800') t(e)`, false, 'boolean'],
]);

// A decimal column beside a real or double column in one common type (coalesce, CASE, ARRAY, IF) with every value a
// column name or a literal: Trino 476 makes the decimal a real or double by its rule (coalesce(d, r) 16777218 real,
// coalesce(f, c) 912312924575.2179 double); refused while DuckDB binds (`floating <construct>`), where the local cast
// gave 16777216 and 912312924575.218. Exact conversions and no floating type still answer.
const MIXED =
  "FROM (VALUES (DECIMAL '16777217.5', REAL '16777218', CAST(DECIMAL '1.5' AS decimal(7,1)), DECIMAL '2.5', DOUBLE '3', DECIMAL '912312924575.21800')) t(d, r, s, e, c, f)";
const REFUSED = /a decimal of more than 7 digits meets a real \(or of more than 15 a double\)/;
describeFunctions(
  'a decimal column beside a real or double column in one common type',
  [
    ['if of a decimal(7,1) and a real', `IF(s > 0, s, r) ${MIXED}`, 1.5, 'real'],
    ['if of two decimals', `IF(d > 0, d, e) ${MIXED}`, '16777217.5', 'decimal(9,1)'],
    ['coalesce of a decimal(7,1) and a real', `coalesce(s, r) ${MIXED}`, 1.5, 'real'],
    ['coalesce of two decimals', `coalesce(d, e) ${MIXED}`, '16777217.5', 'decimal(9,1)'],
    ['coalesce of a real and a double', `coalesce(r, c) ${MIXED}`, 16777218, 'double'],
    ['CASE of two decimals', `CASE WHEN d > 0 THEN d ELSE e END ${MIXED}`, '16777217.5', 'decimal(9,1)'],
    ['coalesce of a decimal and an integer', `coalesce(d, 1) ${MIXED}`, '16777217.5', 'decimal(11,1)'],
  ],
  [
    ['coalesce(d, r)', `coalesce(d, r) ${MIXED}`, REFUSED],
    ['coalesce(t.d, t.r)', `coalesce(t.d, t.r) ${MIXED}`, REFUSED],
    ['coalesce of a decimal literal and a real column', `coalesce(DECIMAL '16777217.5', r) ${MIXED}`, REFUSED],
    ['coalesce(f, c) of a decimal(17,5) and a double', `coalesce(f, c) ${MIXED}`, REFUSED],
    ['CASE … THEN d ELSE r', `CASE WHEN d > 0 THEN d ELSE r END ${MIXED}`, REFUSED],
    ['ARRAY[d, r]', `ARRAY[d, r] ${MIXED}`, REFUSED],
    ['IF(…, d, r)', `IF(d > 0, d, r) ${MIXED}`, REFUSED],
  ],
);

// nullif of two columns compares them as Trino does (a decimal beside a real or double made that type by its rule);
// the result keeps the first argument's type.
const NULLIF_COLUMNS =
  "FROM (VALUES (DECIMAL '16777217.5', REAL '16777218', DECIMAL '912312924575.21800', DOUBLE '912312924575.2179', CAST(DECIMAL '1.5' AS decimal(7,1)), REAL '1.5')) t(d, r, e, c, s, q)";
describeFunctions('nullif of a decimal column and a real or double column', [
  ['nullif(d, r)', `nullif(d, r) ${NULLIF_COLUMNS}`, null, 'decimal(9,1)'],
  ['nullif(r, d)', `nullif(r, d) ${NULLIF_COLUMNS}`, null, 'real'],
  ['nullif(e, c) of a decimal(17,5) and a double', `nullif(e, c) ${NULLIF_COLUMNS}`, null, 'decimal(17,5)'],
  ['nullif(c, e)', `nullif(c, e) ${NULLIF_COLUMNS}`, null, 'double'],
  ['nullif of a decimal(7,1) and a real (unchanged)', `nullif(s, q) ${NULLIF_COLUMNS}`, null, 'decimal(7,1)'],
  ['nullif of two decimals (unchanged)', `nullif(d, e) ${NULLIF_COLUMNS}`, '16777217.5', 'decimal(9,1)'],
]);

describeFunctions('CASE x WHEN y of a decimal column and a real or double column', [
  ['CASE d WHEN r', `CASE d WHEN r THEN 1 ELSE 0 END ${NULLIF_COLUMNS}`, 1, 'integer'],
  ['CASE r WHEN d', `CASE r WHEN d THEN 1 ELSE 0 END ${NULLIF_COLUMNS}`, 1, 'integer'],
  ['CASE e WHEN c of a decimal(17,5) and a double', `CASE e WHEN c THEN 1 ELSE 0 END ${NULLIF_COLUMNS}`, 1, 'integer'],
  ['CASE c WHEN e', `CASE c WHEN e THEN 1 ELSE 0 END ${NULLIF_COLUMNS}`, 1, 'integer'],
  ['CASE t.d WHEN t.r … WHEN 5', `CASE t.d WHEN t.r THEN 1 WHEN 5 THEN 2 ELSE 0 END ${NULLIF_COLUMNS}`, 1, 'integer'],
  ['CASE of a decimal(7,1) and a real (unchanged)', `CASE s WHEN q THEN 1 ELSE 0 END ${NULLIF_COLUMNS}`, 1, 'integer'],
  ['CASE of two decimals (unchanged)', `CASE d WHEN e THEN 1 ELSE 0 END ${NULLIF_COLUMNS}`, 0, 'integer'],
]);

describe('decimal columns of a lake table beside real and double columns', () => {
  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await openLake();
    await engine.execute("CREATE TABLE f (d decimal(9,1), r real, e decimal(17,5), c double) LOCATION 's3://b/f/' TBLPROPERTIES ('table_type' = 'ICEBERG')");
    await engine.execute(
      "INSERT INTO f VALUES (DECIMAL '16777217.5', REAL '16777218', DECIMAL '912312924575.21800', DOUBLE '912312924575.2179'), (DECIMAL '2.5', REAL '2', DECIMAL '815631125310.23048', DOUBLE '1'), (DECIMAL '16777219.5', REAL '16777220', DECIMAL '570713345862.74869', DOUBLE '2')",
    );
  });
  afterAll(async () => engine.close());

  it('compares as Trino 476 (a memory table of the same types)', async () => {
    const sql = "SELECT d = r AS a, e = c AS b, d < r AS g, REAL '16777218' BETWEEN d AND d AS h FROM f ORDER BY d";
    expect(await rowsAndTypes(engine, sql)).toEqual({
      rows: [
        [false, false, false, false],
        [true, true, false, true],
        [true, false, false, false],
      ],
      types: ['boolean', 'boolean', 'boolean', 'boolean'],
    });
  }, 120_000);

  it('aggregates and joins as Trino 476', async () => {
    expect(await rowsAndTypes(engine, 'SELECT covar_pop(d, r) AS p, count_if(d = r) AS n FROM f')).toEqual({
      rows: [[62550000000000, 2]],
      types: ['real', 'bigint'],
    });
    expect(await rowsAndTypes(engine, 'SELECT count(*) AS n FROM f x JOIN f y ON x.d = y.r')).toEqual({ rows: [[2]], types: ['bigint'] });
    expect(await rowsAndTypes(engine, 'SELECT count(*) AS n FROM f x JOIN f y ON x.e = y.c')).toEqual({ rows: [[1]], types: ['bigint'] });
  }, 120_000);
});
