// Casts to double, real and decimal that bind their operand once (issue 18, docs/performance.md "casts to double, real
// and decimal that bind their operand once"): trino_to_double and trino_to_float mention their operand 8 times,
// trino_to_decimal 13, so a cast over a call made DuckDB bind the call's operands that many times over, and nested
// casts multiplied (CAST(CAST(… AS DOUBLE) AS DECIMAL(10, 2)): 8 × 13). An operand that holds a call now goes through
// the `_once` form, which binds it once as a lambda's parameter; a column keeps the plain macro. Every expected answer
// and failure is Trino 476's (value and type), asked of the shared Trino.
import { describe, expect, it } from 'vitest';
import { translateQuery } from '../../src/dialect/translate/query.js';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('a cast to double, real or decimal over an aggregate, a window or a cast binds its operand once', () => {
  it('an aggregate, a window or a nested cast goes through the _once form; a column or a per-row call keeps the plain macro', () => {
    expect(translateQuery('SELECT CAST(sum(x) AS DOUBLE) FROM t')).toContain('trino_to_double_once(trino_sum_checked(');
    expect(translateQuery('SELECT CAST(max(x) AS REAL) FROM t')).toContain('trino_to_float_once(');
    expect(translateQuery('SELECT CAST(lag(x) OVER (ORDER BY x) AS DECIMAL(4, 2)) FROM t')).toContain('trino_to_decimal_once(lag(x) OVER');
    const nested = translateQuery('SELECT CAST(CAST(CAST(CAST(abs(x) AS DOUBLE) AS DECIMAL(10, 2)) AS DOUBLE) AS DECIMAL(10, 2)) FROM t');
    expect(nested.match(/trino_to_(?:double|decimal)\(/g)).toEqual(['trino_to_double(']);
    expect(nested.match(/trino_to_(?:double|decimal)_once\(/g)).toHaveLength(3);
    expect(translateQuery('SELECT CAST(x AS DOUBLE), CAST(x AS REAL) FROM t')).toMatch(/trino_to_double\(x\)[\s\S]*trino_to_float\(x\)/);
    expect(translateQuery('SELECT CAST(x AS DECIMAL(4, 2)) FROM t')).toContain('trino_to_decimal(x, CAST(NULL AS DECIMAL(4, 2)))');
    // A per-row call: the lambda would run per row (slower on a large scan than binding abs(x) 8 or 13 times).
    expect(translateQuery('SELECT CAST(abs(x) AS REAL) FROM t')).toContain('trino_to_float(abs(x))');
    for (const sql of ['SELECT CAST(x AS DOUBLE) FROM t', 'SELECT CAST(abs(x) AS DOUBLE) FROM t', 'SELECT CAST(abs(x) AS DECIMAL(4, 2)) FROM t']) {
      expect(translateQuery(sql)).not.toContain('_once');
    }
  });
});

describe("casts to double, real and decimal over aggregates and windows answer as Trino 476's", () => {
  it.each<[string, string, string[], unknown[][]]>([
    ['an aggregate', 'SELECT CAST(sum(x) AS DOUBLE) AS a, CAST(sum(x) AS REAL) AS b FROM (VALUES 1, 2) t(x)', ['a double', 'b real'], [[3, 3]]],
    [
      'NULL aggregates',
      'SELECT CAST(max(x) AS DOUBLE) AS a, CAST(max(x) AS REAL) AS b, CAST(max(x) AS DECIMAL(5, 2)) AS c FROM (VALUES CAST(NULL AS integer)) t(x)',
      ['a double', 'b real', 'c decimal(5,2)'],
      [[null, null, null]],
    ],
    [
      'texts with spaces, exponents, NaN and infinities',
      "SELECT CAST(min(s) AS DOUBLE) AS a FROM (VALUES ' 1.5 ', '1e3', '-1E-2', 'NaN', '-Infinity', '+Infinity', ' NaN ') t(s) GROUP BY s ORDER BY a",
      ['a double'],
      [[Number.NEGATIVE_INFINITY], [-0.01], [1.5], [1000], [Number.POSITIVE_INFINITY], [Number.NaN], [Number.NaN]],
    ],
    [
      'TRY of a text Java does not read',
      "SELECT TRY_CAST(max(s) AS DOUBLE) AS a, TRY_CAST(max(s) AS REAL) AS b, TRY_CAST(max(s) AS DECIMAL(5, 2)) AS c FROM (VALUES '1_0') t(s)",
      ['a double', 'b real', 'c decimal(5,2)'],
      [[null, null, null]],
    ],
    [
      'a double to decimal, half up on its shortest text (aggregate and window)',
      'SELECT CAST(max(x) AS DECIMAL(4, 2)) AS a, CAST(max(x) OVER () AS DECIMAL(4, 2)) AS b FROM (VALUES 1.005E0) t(x) GROUP BY x',
      ['a decimal(4,2)', 'b decimal(4,2)'],
      [['1.01', '1.01']],
    ],
    [
      'windows',
      'SELECT x, CAST(lag(x) OVER (ORDER BY x) AS DOUBLE) AS a, CAST(sum(x) OVER (ORDER BY x) AS REAL) AS b FROM (VALUES 1, 2, 3) t(x) ORDER BY x',
      ['x integer', 'a double', 'b real'],
      [
        [1, null, 1],
        [2, 1, 3],
        [3, 2, 6],
      ],
    ],
    [
      'GROUP BY and HAVING on the cast',
      'SELECT g, CAST(sum(x) AS DOUBLE) AS a FROM (VALUES (1, 1), (1, 2), (2, 5)) t(g, x) GROUP BY g HAVING CAST(sum(x) AS DOUBLE) > 1 ORDER BY g',
      ['g integer', 'a double'],
      [
        [1, 3],
        [2, 5],
      ],
    ],
    [
      'an outer column in a subquery',
      'SELECT x, (SELECT CAST(max(y) + x AS DOUBLE) FROM (VALUES 1) u(y)) AS s FROM (VALUES 1, 2) t(x) ORDER BY x',
      ['x integer', 's double'],
      [
        [1, 2],
        [2, 3],
      ],
    ],
    [
      'nested casts',
      'SELECT CAST(CAST(CAST(CAST(abs(x) AS DOUBLE) AS DECIMAL(10, 2)) AS REAL) AS DECIMAL(10, 2)) AS a FROM (VALUES -1.5) t(x)',
      ['a decimal(10,2)'],
      [['1.50']],
    ],
  ])('%s', async (_name, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  it.each([
    ["SELECT CAST(max(s) AS DOUBLE) AS a FROM (VALUES 'inf') t(s)", "Cannot cast 'inf' to DOUBLE"],
    ["SELECT CAST(max(s) AS REAL) AS a FROM (VALUES 'nan') t(s)", "Cannot cast 'nan' to REAL"],
    ['SELECT CAST(max(sqrt(x)) AS DECIMAL(10, 2)) AS a FROM (VALUES -1.0E0) t(x)', "Cannot cast DOUBLE 'NaN' to DECIMAL(10, 2)"],
    ['SELECT CAST(max(x / 0.0E0) AS DECIMAL(10, 2)) AS a FROM (VALUES 1) t(x)', "Cannot cast DOUBLE 'Infinity' to DECIMAL(10, 2)"],
    ["SELECT CAST(max(s) AS DECIMAL(4, 2)) AS a FROM (VALUES '12345') t(s)", "Cannot cast VARCHAR '12345' to DECIMAL(4, 2). Value too large."],
  ])('fails as Trino 476 (INVALID_CAST_ARGUMENT): %s', async (sql, message) => {
    await expect(engine.execute(sql)).rejects.toThrow(message);
  });

  it("a conversion DuckDB refuses inside the lambda names no lambda parameter (the plain macro's message)", async () => {
    // Trino 476: INVALID_CAST_ARGUMENT "Cannot cast '1x' to DOUBLE"; locally DuckDB's conversion error, as before.
    const sql = "SELECT CAST(max(s) AS DOUBLE) AS a FROM (VALUES '1x') t(s)";
    await expect(engine.execute(sql)).rejects.toThrow("Could not convert string '1x' to DOUBLE");
    await expect(engine.execute(sql)).rejects.not.toThrow('source column');
  });
});
