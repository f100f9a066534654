// Query shapes where the differential hunt (issue 15, docs/issue-15-audit.md "Found by the query hunt") found the local
// engine answering differently from Trino 476: each case is the whole query, with the column names, types and rows
// (or the failure) Trino 476 gave for the same SQL.
import { describe, expect, it } from 'vitest';
import type { SqlValue } from '../../src/engines/engine.js';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

/** [what it shows, Athena query, Trino's `name type` of each column, Trino's rows]. */
type QueryCase = [construct: string, sql: string, columns: string[], rows: SqlValue[][]];
/** [what it shows, Athena query, message Trino's failure must match]. */
type FailureCase = [construct: string, sql: string, message: RegExp];

const run = (sql: string) => namedResult(engine, sql);

const answers = (cases: readonly QueryCase[]) =>
  it.each(cases)('%s: %s', async (_construct, sql, columns, rows) => {
    expect(await run(sql)).toEqual({ columns, rows });
  });

const failures = (cases: readonly FailureCase[]) =>
  it.each(cases)('%s fails as in Trino: %s', async (_construct, sql, message) => {
    await expect(engine.execute(sql)).rejects.toThrow(message);
  });

describe('grouping operations', () => {
  // https://trino.io/docs/current/sql/select.html#grouping-operation: grouping() "returns a bit set converted to
  // decimal"; its type in Trino 476 is integer.
  answers([
    [
      'grouping() is an integer',
      "SELECT a, b, count(*) c, grouping(a, b) g FROM (VALUES (1, 'x'), (1, 'y'), (2, 'x')) t(a, b) GROUP BY GROUPING SETS ((a, b), (a), ()) ORDER BY a, b",
      ['a integer', 'b varchar', 'c bigint', 'g integer'],
      [
        [1, 'x', 1, 0],
        [1, 'y', 1, 0],
        [1, null, 2, 1],
        [2, 'x', 1, 0],
        [2, null, 1, 1],
        [null, null, 3, 3],
      ],
    ],
    [
      'grouping() of one column in ROLLUP, unnamed',
      'SELECT a, grouping(a) FROM (VALUES 1, 2) t(a) GROUP BY ROLLUP (a) ORDER BY a',
      ['a integer', '_col1 integer'],
      [
        [1, 0],
        [2, 0],
        [null, 1],
      ],
    ],
  ]);
});

describe('casts of a text', () => {
  // https://trino.io/docs/current/functions/conversion.html#cast: Trino 476 reads an integer text as optional
  // whitespace, a sign and digits; a boolean text as true, false, t, f, 1 or 0 in any case; a double text as Java's
  // Double.parseDouble does (NaN and Infinity spelled so, no digit separators). DuckDB reads more of each.
  answers([
    [
      'integer texts with a sign and whitespace',
      "SELECT CAST(' -12 ' AS integer) a, CAST('+5' AS bigint) b, CAST('007' AS smallint) c, CAST('12' AS tinyint) d",
      ['a integer', 'b bigint', 'c smallint', 'd tinyint'],
      [[-12, 5, 7, 12]],
    ],
    [
      'TRY_CAST of a decimal text to integer is NULL',
      "SELECT TRY_CAST(x AS integer) v FROM (VALUES '2.5', '3', 'a') t(x)",
      ['v integer'],
      [[null], [3], [null]],
    ],
    [
      'boolean texts in any case',
      "SELECT CAST('TRUE' AS boolean) a, CAST('f' AS boolean) b, CAST('0' AS boolean) c, CAST('T' AS boolean) d",
      ['a boolean', 'b boolean', 'c boolean', 'd boolean'],
      [[true, false, false, true]],
    ],
    ['TRY_CAST of yes to boolean is NULL', "SELECT TRY_CAST(x AS boolean) v FROM (VALUES 'yes', 'true') t(x)", ['v boolean'], [[null], [true]]],
    [
      'double texts spelled as Java',
      "SELECT CAST(' NaN ' AS double) a, CAST('-Infinity' AS double) b, CAST('+Infinity' AS real) c, CAST(' 1.5 ' AS double) d",
      ['a double', 'b double', 'c real', 'd double'],
      [[Number.NaN, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, 1.5]],
    ],
    ['TRY_CAST of inf to double is NULL', "SELECT TRY_CAST(x AS double) v FROM (VALUES '1.5', 'inf', '1_0') t(x)", ['v double'], [[1.5], [null], [null]]],
  ]);
  failures([
    ['a decimal text to integer', "SELECT CAST('2.5' AS integer)", /Cannot cast '2\.5' to INT$/],
    ['a decimal text column to integer', "SELECT CAST(x AS integer) FROM (VALUES '2.5') t(x)", /Cannot cast '2\.5' to INT$/],
    ['an exponent text to smallint', "SELECT CAST('1e3' AS smallint)", /Cannot cast '1e3' to SMALLINT/],
    ['a hexadecimal text to bigint', "SELECT CAST('0x10' AS bigint)", /Cannot cast '0x10' to BIGINT/],
    ['a text with a digit separator to tinyint', "SELECT CAST('1_000' AS tinyint)", /Cannot cast '1_000' to TINYINT/],
    ['yes to boolean', "SELECT CAST('yes' AS boolean)", /Cannot cast 'yes' to BOOLEAN/],
    ['n to boolean', "SELECT CAST(x AS boolean) FROM (VALUES 'n') t(x)", /Cannot cast 'n' to BOOLEAN/],
    ['-inf to double', "SELECT CAST('-inf' AS double)", /Cannot cast '-inf' to DOUBLE/],
    ['nan to double', "SELECT CAST('nan' AS double)", /Cannot cast 'nan' to DOUBLE/],
    ['inf to real', "SELECT CAST('inf' AS real)", /Cannot cast 'inf' to REAL/],
    ['a digit separator to double', "SELECT CAST('1_0' AS double)", /Cannot cast '1_0' to DOUBLE/],
  ]);
});

describe('lag, lead and nth_value', () => {
  // https://trino.io/docs/current/functions/window.html#lag: lag(x[, offset[, default_value]]); "The offset can be any
  // scalar expression"; Trino 476's signature is lag(T, bigint, T), so x and the default meet in their common type.
  answers([
    [
      'a decimal default makes a decimal',
      'SELECT x, lag(x, 1, 1.5) OVER (ORDER BY x) AS l FROM (VALUES 1, 2, 3) t(x) ORDER BY x',
      ['x integer', 'l decimal(11,1)'],
      [
        [1, '1.5'],
        [2, '1.0'],
        [3, '2.0'],
      ],
    ],
    [
      'a double default of lead',
      'SELECT x, lead(x, 1, 2.5E0) OVER (ORDER BY x) AS l FROM (VALUES 1, 2) t(x) ORDER BY x',
      ['x integer', 'l double'],
      [
        [1, 2],
        [2, 2.5],
      ],
    ],
    [
      'a bigint default',
      "SELECT x, lag(x, 1, BIGINT '7') OVER (ORDER BY x) AS l FROM (VALUES 1, 2) t(x) ORDER BY x",
      ['x integer', 'l bigint'],
      [
        [1, 7],
        [2, 1],
      ],
    ],
    [
      'a default with a larger scale keeps its digits',
      'SELECT x, lag(x, 1, 1.25) OVER (ORDER BY x) AS l FROM (VALUES 1.5, 2.5) t(x) ORDER BY x',
      ['x decimal(2,1)', 'l decimal(3,2)'],
      [
        ['1.5', '1.25'],
        ['2.5', '1.50'],
      ],
    ],
    [
      'a NULL default keeps the type',
      'SELECT x, lag(x, 1, NULL) OVER (ORDER BY x) AS l FROM (VALUES 1, 2) t(x) ORDER BY x',
      ['x integer', 'l integer'],
      [
        [1, null],
        [2, 1],
      ],
    ],
    [
      'an offset from a column',
      'SELECT x, lag(x, y) OVER (ORDER BY x) AS l FROM (VALUES (1, 1), (2, 0), (3, 2)) t(x, y) ORDER BY x',
      ['x integer', 'l integer'],
      [
        [1, null],
        [2, 2],
        [3, 1],
      ],
    ],
    ['a negative offset over no rows', 'SELECT x, lag(x, -1) OVER (ORDER BY x) AS l FROM (VALUES 1, 2) t(x) WHERE x > 5', ['x integer', 'l integer'], []],
    [
      'nth_value with a NULL offset is NULL',
      'SELECT x, nth_value(x, NULL) OVER (ORDER BY x) AS l FROM (VALUES 1, 2) t(x) ORDER BY x',
      ['x integer', 'l integer'],
      [
        [1, null],
        [2, null],
      ],
    ],
  ]);
  failures([
    ['a negative lag offset', 'SELECT x, lag(x, -1) OVER (ORDER BY x) AS l FROM (VALUES 1, 2) t(x)', /Offset must be at least 0/],
    ['a negative lead offset', 'SELECT x, lead(x, -1) OVER (ORDER BY x) AS l FROM (VALUES 1, 2) t(x)', /Offset must be at least 0/],
    ['a NULL lag offset', 'SELECT x, lag(x, NULL) OVER (ORDER BY x) AS l FROM (VALUES 1, 2) t(x)', /Offset must not be null/],
    ['nth_value 0', 'SELECT x, nth_value(x, 0) OVER (ORDER BY x) AS l FROM (VALUES 1, 2) t(x)', /Offset must be at least 1/],
  ]);
});

describe('comparisons of a text with another type', () => {
  // Trino has no implicit cast from varchar to other types (https://trino.io/docs/current/functions/conversion.html:
  // "Trino will implicitly convert numeric and character values to the correct type if such a conversion is possible"
  // holds between numeric types only); Trino 476 fails with TYPE_MISMATCH "Cannot apply operator: date = varchar(10)".
  const mismatch = /TYPE_MISMATCH: Cannot apply operator: a varchar compared with another type/;
  failures([
    ['a date column = a text', "SELECT x FROM (VALUES DATE '2025-01-01') t(x) WHERE x = '2025-01-01'", mismatch],
    ['a timestamp column > a text', "SELECT x FROM (VALUES TIMESTAMP '2025-01-01 00:00:00') t(x) WHERE x > '2024-01-01'", mismatch],
    ['a text = an integer column, text first', "SELECT * FROM (VALUES 1) t(x) WHERE '1' = x", mismatch],
    ['an integer column IN texts', "SELECT * FROM (VALUES 1, 2) t(x) WHERE x IN ('1')", mismatch],
    ['an integer column NOT IN texts', "SELECT * FROM (VALUES 1) t(x) WHERE x NOT IN ('1', '2')", mismatch],
    ['a text column IN integers', "SELECT * FROM (VALUES 'a') t(x) WHERE 'a' IN (x, 1)", mismatch],
    ['a text literal = an integer', "SELECT '1' = 1", mismatch],
    ['a date literal = a text', "SELECT DATE '2025-01-01' = '2025-01-01'", mismatch],
    ['an integer BETWEEN texts', "SELECT x FROM (VALUES 1) t(x) WHERE x BETWEEN '0' AND '2'", mismatch],
    ['a date NOT BETWEEN texts', "SELECT x FROM (VALUES DATE '2025-01-02') t(x) WHERE x NOT BETWEEN '2025-01-01' AND '2025-01-03'", mismatch],
    ['a join of an integer and a text column', "SELECT a.x FROM (VALUES 1) a(x) JOIN (VALUES '1') b(y) ON a.x = b.y", mismatch],
    ['an integer column = a text column', "SELECT x = y FROM (VALUES (1, '1')) t(x, y)", mismatch],
  ]);
  answers([
    ['a text column = a text', "SELECT x FROM (VALUES 'a', 'b') t(x) WHERE x = 'a'", ['x varchar'], [['a']]],
    ['a text column NOT IN texts', "SELECT x FROM (VALUES 'a', 'b') t(x) WHERE x NOT IN ('a')", ['x varchar'], [['b']]],
    ['a text column BETWEEN texts', "SELECT x FROM (VALUES 'b', 'd') t(x) WHERE x BETWEEN 'a' AND 'c'", ['x varchar'], [['b']]],
    ['texts and NULL', "SELECT 'a' = 'a' a, 'a' < 'b' b, NULL = 'a' c", ['a boolean', 'b boolean', 'c boolean'], [[true, true, null]]],
    ['a text in a lambda', "SELECT filter(ARRAY['a', 'b'], s -> s = 'a') v", ['v array(varchar)'], [[['a']]]],
    ['a cast to varchar = a text', "SELECT k FROM (VALUES 1) t(k) WHERE CAST(k AS varchar) = '1'", ['k integer'], [[1]]],
    ['a scalar subquery of a text', "SELECT (SELECT 'a') = 'a' v", ['v boolean'], [[true]]],
    ['an unknown-typed column = a text', "SELECT * FROM (SELECT NULL AS x) WHERE x = 'a'", ['x unknown'], []],
    ['a text = ANY (subquery)', "SELECT 'a' = ANY (SELECT 'a') v", ['v boolean'], [[true]]],
  ]);
});

describe('NATURAL JOIN', () => {
  // Trino 476 parses NATURAL JOIN and fails: NOT_SUPPORTED "Natural join not supported" (DuckDB joins on the
  // columns of the same name).
  failures([
    ['NATURAL JOIN', "SELECT * FROM (VALUES (1, 'a')) t(k, v) NATURAL JOIN (VALUES (1, 'b')) s(k, w)", /natural-join.*NATURAL JOIN is not supported on Athena/],
    [
      'NATURAL LEFT JOIN in a subquery',
      'SELECT count(*) FROM (SELECT * FROM (VALUES 1) t(k) NATURAL LEFT JOIN (VALUES 1) s(k))',
      /NATURAL JOIN is not supported/,
    ],
  ]);
  answers([
    ['a quoted column named natural', 'SELECT "natural", \'natural\' w FROM (VALUES 1) t("natural")', ['natural integer', 'w varchar'], [[1, 'natural']]],
  ]);
});
