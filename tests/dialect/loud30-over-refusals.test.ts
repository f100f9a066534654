// Over-refusals and loud failures (docs/issue-15-audit.md "Over-refusals and loud failures (session of 2026-12-06,
// branch loud30)"): forms the local engine refused or failed on where Trino 476 answers. Every expectation is Trino
// 476's answer (value, type and column name) or its error, asked of the shared Trino.
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('a select item ending in an operand is not an alias (ORDER BY x is not ambiguous)', () => {
  // Was refused as unfaithful/ambiguous-order-by: `NOT x` and `-x` were read as the alias x of NOT and -.
  it.each<[string, string[], unknown[][]]>([
    [
      'SELECT x, NOT x FROM (VALUES true, false) t(x) ORDER BY x',
      ['x boolean', '_col1 boolean'],
      [
        [false, true],
        [true, false],
      ],
    ],
    [
      'SELECT x, -x FROM (VALUES 1, 2) t(x) ORDER BY x',
      ['x integer', '_col1 integer'],
      [
        [1, -1],
        [2, -2],
      ],
    ],
    [
      'SELECT x, x IS NULL FROM (VALUES 1, NULL) t(x) ORDER BY x',
      ['x integer', '_col1 boolean'],
      [
        [1, false],
        [null, true],
      ],
    ],
    [
      'SELECT DISTINCT -x, x FROM (VALUES 1, 2, 2) t(x) ORDER BY x',
      ['_col0 integer', 'x integer'],
      [
        [-1, 1],
        [-2, 2],
      ],
    ],
    // FETCH … WITH TIES read `NOT x` as the alias x of the expression NOT.
    ['SELECT NOT x, x FROM (VALUES true, false) t(x) ORDER BY x FETCH FIRST 1 ROWS WITH TIES', ['_col0 boolean', 'x boolean'], [[true, false]]],
    [
      'SELECT -x, x FROM (VALUES 1, 2, 2) t(x) ORDER BY x DESC FETCH FIRST 1 ROWS WITH TIES',
      ['_col0 integer', 'x integer'],
      [
        [-2, 2],
        [-2, 2],
      ],
    ],
  ])('%s', async (sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  it.each([
    // Trino 476: AMBIGUOUS_NAME "Column 'x' is ambiguous".
    'SELECT x, y x FROM (VALUES (1, 2)) t(x, y) ORDER BY x',
    'SELECT x, -y AS x FROM (VALUES (1, 2)) t(x, y) ORDER BY x',
    'SELECT x, (NOT y) x FROM (VALUES (true, false)) t(x, y) ORDER BY x',
  ])('%s is still refused', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(/unfaithful\/ambiguous-order-by.*Column 'x' is ambiguous/);
  });
});

describe('a row type with unnamed fields is refused with a message that says so', () => {
  // Trino 476 answers each (VALUES: _col0 double 1.0, _col1 boolean true; the IS NULL: true); the local engine's
  // structs need field names. The message was "not a type: " (empty).
  it.each([
    'VALUES CAST(ROW(1, true) AS row(double, boolean))',
    'SELECT CAST(NULL AS row(double, boolean)) IS NULL',
    'SELECT CAST(NULL AS row(decimal(10,2), timestamp with time zone)) IS NULL',
    'SELECT CAST(NULL AS row(double precision)) IS NULL',
  ])('%s', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(/unfaithful\/type\] a row type with unnamed fields \(ROW\(.*\)\) is not supported locally/);
  });

  it('named fields still answer', async () => {
    // Trino 476: _col0 boolean true.
    expect(await namedResult(engine, 'SELECT CAST(NULL AS row(a decimal(10,2), b timestamp with time zone, c double precision)) IS NULL')).toEqual({
      columns: ['_col0 boolean'],
      rows: [[true]],
    });
  });
});

describe('a scalar subquery without FROM reads the outer row as its expression would (scalar-selects.ts)', () => {
  // Trino 476 plans `(SELECT e)` as e. Locally DuckDB bound it as a correlated subquery: typed macro overloads failed
  // on outer columns ("Unimplemented type for cast", "has multiple overloads"), a lambda could not read them
  // ("Referenced table t not found"), and it was evaluated where Trino's CASE skips it ("Division by zero").
  it.each<[string, string[], unknown[][]]>([
    ['SELECT (SELECT filter(ARRAY[true], e -> e AND t.b)) FROM (VALUES true) t(b)', ['_col0 array(boolean)'], [[[true]]]],
    ["SELECT (SELECT month(t.x)) FROM (VALUES DATE '2024-03-05') t(x)", ['_col0 bigint'], [[3]]],
    [
      "SELECT k, (SELECT month(t.x)), (SELECT year(t.x)) FROM (VALUES (1, TIMESTAMP '2024-12-31 23:59:59.999'), (2, NULL)) t(k, x) ORDER BY k",
      ['k integer', '_col1 bigint', '_col2 bigint'],
      [
        [1, 12, 2024],
        [2, null, null],
      ],
    ],
    [
      "SELECT k, (SELECT to_iso8601(t.z)) FROM (VALUES (1, TIMESTAMP '2024-03-05 01:02:03.456 America/New_York'), (2, NULL), (3, TIMESTAMP '2024-03-05 01:02:03 +05:30')) t(k, z) ORDER BY k",
      ['k integer', '_col1 varchar'],
      [
        [1, '2024-03-05T01:02:03.456-05:00'],
        [2, null],
        [3, '2024-03-05T01:02:03.000+05:30'],
      ],
    ],
    [
      'SELECT k, (SELECT a || b) FROM (VALUES (1, ARRAY[1], ARRAY[2]), (2, NULL, ARRAY[3]), (3, ARRAY[NULL], ARRAY[])) t(k, a, b) ORDER BY k',
      ['k integer', '_col1 array(integer)'],
      [
        [1, [1, 2]],
        [2, null],
        [3, [null]],
      ],
    ],
    [
      "SELECT k, (SELECT a || b) FROM (VALUES (1, 'x', 'y'), (2, NULL, 'z')) t(k, a, b) ORDER BY k",
      ['k integer', '_col1 varchar'],
      [
        [1, 'xy'],
        [2, null],
      ],
    ],
    [
      'SELECT y, CASE WHEN y = 0 THEN 0 ELSE (SELECT 5 / y) END FROM (VALUES 0, 1) t(y) ORDER BY y',
      ['y integer', '_col1 integer'],
      [
        [0, 0],
        [1, 5],
      ],
    ],
    ['SELECT x IN (3, (SELECT 5 / y)) FROM (VALUES (CAST(NULL AS integer), 0)) t(x, y)', ['_col0 boolean'], [[null]]],
    ['SELECT x FROM (VALUES 1, 2, 3) t(x) WHERE (SELECT x > 1) ORDER BY x', ['x integer'], [[2], [3]]],
    ['SELECT (SELECT t.x AS y) y FROM (VALUES 1) t(x)', ['y integer'], [[1]]],
    ['SELECT (SELECT x) FROM (VALUES 1) t(x)', ['_col0 integer'], [[1]]],
  ])('%s', async (sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  it.each([
    // Trino 476: DIVISION_BY_ZERO and NUMERIC_VALUE_OUT_OF_RANGE where the value is read.
    ['SELECT (SELECT 5 / y) FROM (VALUES 0) t(y)', /Division by zero/],
    ['SELECT x, x IN (3, (SELECT 5 / y)) FROM (VALUES (4, 0)) t(x, y) ORDER BY x', /Division by zero/],
    ['SELECT (SELECT t.x + 1) FROM (VALUES 2147483647) t(x)', /integer addition overflow/],
    // Trino 476: NOT_SUPPORTED "Given correlated subquery is not supported" (an aggregate stays a subquery).
    ['SELECT x, (SELECT max(t.x)) FROM (VALUES 1, 2) t(x) ORDER BY x', /unfaithful\/correlated-subquery/],
    // Trino 476: TYPE_MISMATCH "WHERE clause must evaluate to a boolean: actual type integer" (answered before: the
    // condition check did not look inside a subquery).
    ['SELECT x FROM (VALUES 1, 2) t(x) WHERE (SELECT 1)', /WHERE clause must evaluate to a boolean: actual type integer/],
    ['SELECT x FROM (VALUES 1, 2) t(x) WHERE (SELECT t.x)', /WHERE clause must evaluate to a boolean: actual type integer/],
    // Trino 476: NOT_SUPPORTED "Lambda expression cannot contain subqueries" (a subquery in a lambda stays one).
    ['SELECT transform(ARRAY[1, 2], x -> (SELECT x + t.k)) FROM (VALUES 10) t(k)', /unfaithful\/lambda-subquery/],
    ['SELECT transform(ARRAY[1, 2], x -> x + (SELECT 1)), (SELECT t.k) FROM (VALUES 10) t(k)', /unfaithful\/lambda-subquery/],
  ])('%s fails', async (sql, error) => {
    await expect(engine.execute(sql)).rejects.toThrow(error);
  });
});

describe('GROUP BY AUTO groups by every select item that is not an aggregate call (group-by-auto.ts)', () => {
  // DuckDB read AUTO as a column ("Referenced column AUTO not found"); Trino 476 answers each of these.
  it.each<[string, string[], unknown[][]]>([
    [
      'SELECT k, count(*) FROM (VALUES 1, 1, 2) t(k) GROUP BY AUTO ORDER BY k',
      ['k integer', '_col1 bigint'],
      [
        [1, 2],
        [2, 1],
      ],
    ],
    // A constant is a key (no row over no input); no key at all is a global aggregation (one row).
    ["SELECT 'a', count(*) FROM (VALUES 1) t(k) WHERE false GROUP BY AUTO", ['_col0 varchar', '_col1 bigint'], []],
    ['SELECT count(*) FROM (VALUES 1) t(k) WHERE false GROUP BY AUTO', ['_col0 bigint'], [[0]]],
    [
      'SELECT k, 5, sum(v) FILTER (WHERE v > 1) AS s FROM (VALUES (1, 1), (1, 2), (NULL, 3)) t(k, v) GROUP BY AUTO ORDER BY k',
      ['k integer', '_col1 integer', 's bigint'],
      [
        [1, 5, 2],
        [null, 5, 3],
      ],
    ],
    ['SELECT k, count(*) FROM (VALUES 1, 1, 2) t(k) GROUP BY AUTO HAVING count(*) > 1', ['k integer', '_col1 bigint'], [[1, 2]]],
    [
      'SELECT k + 1 AS j, max(v) m FROM (VALUES (1, 1), (1, 2), (2, nan())) t(k, v) GROUP BY AUTO ORDER BY j',
      ['j integer', 'm double'],
      [
        [2, 2],
        [3, Number.NaN],
      ],
    ],
    ['SELECT (SELECT count(*) FROM (VALUES 1, 2) u(v) GROUP BY AUTO)', ['_col0 bigint'], [[2]]],
  ])('%s', async (sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  it.each([
    // Trino 476: EXPRESSION_NOT_SCALAR (k * count(*) is a key).
    ['SELECT k * count(*) FROM (VALUES 1, 1, 2) t(k) GROUP BY AUTO', /GROUP BY clause cannot contain aggregates/],
    // Trino 476 groups one instant in two zones as one; refused locally as GROUP BY 1 is.
    [
      "SELECT z, count(*) FROM (VALUES TIMESTAMP '2024-01-01 01:00:00 UTC', TIMESTAMP '2024-01-01 02:00:00 +01:00') t(z) GROUP BY AUTO",
      /GROUP BY of timestamp with time zone values is refused locally/,
    ],
  ])('%s fails', async (sql, error) => {
    await expect(engine.execute(sql)).rejects.toThrow(error);
  });
});
