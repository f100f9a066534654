// Casts to double, real and decimal that bind their operand once (issue 18, docs/performance.md "casts to double, real
// and decimal that bind their operand once"): trino_to_double and trino_to_float mention their operand 8 times,
// trino_to_decimal 13, so a cast over a call made DuckDB bind the call's operands that many times over, and nested
// casts multiplied (CAST(CAST(… AS DOUBLE) AS DECIMAL(10, 2)): 8 × 13). An operand that holds a call now goes through
// the `_once` form, which binds it once as a lambda's parameter; a column keeps the plain macro. Every expected answer
// and failure is Trino 476's (value and type), asked of the shared Trino.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translateQuery } from '../../src/dialect/translate/query.js';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { namedResult, openLake } from './lake-helpers.js';

let engine: AthenaLocalEngine;
beforeAll(async () => {
  engine = await openLake();
});
afterAll(async () => engine.close());

describe('a cast to double, real or decimal over a call binds its operand once', () => {
  it('an operand holding a call goes through the _once form; a column keeps the plain macro', () => {
    expect(translateQuery('SELECT CAST(sum(x) AS DOUBLE) FROM t')).toContain('trino_to_double_once(trino_sum_checked(');
    expect(translateQuery('SELECT CAST(abs(x) AS REAL) FROM t')).toContain('trino_to_float_once(abs(x))');
    expect(translateQuery('SELECT CAST(abs(x) AS DECIMAL(4, 2)) FROM t')).toContain('trino_to_decimal_once(abs(x), CAST(NULL AS DECIMAL(4, 2)))');
    const nested = translateQuery('SELECT CAST(CAST(CAST(CAST(abs(x) AS DOUBLE) AS DECIMAL(10, 2)) AS DOUBLE) AS DECIMAL(10, 2)) FROM t');
    expect(nested.match(/trino_to_(?:double|decimal)\(/g)).toBeNull();
    expect(nested.match(/trino_to_(?:double|decimal)_once\(/g)).toHaveLength(4);
    expect(translateQuery('SELECT CAST(x AS DOUBLE), CAST(x AS REAL) FROM t')).toMatch(/trino_to_double\(x\)[\s\S]*trino_to_float\(x\)/);
    expect(translateQuery('SELECT CAST(x AS DECIMAL(4, 2)) FROM t')).toContain('trino_to_decimal(x, CAST(NULL AS DECIMAL(4, 2)))');
    for (const sql of ['SELECT CAST(x AS DOUBLE) FROM t', 'SELECT CAST(x AS REAL) FROM t', 'SELECT CAST(x AS DECIMAL(4, 2)) FROM t']) {
      expect(translateQuery(sql)).not.toContain('_once');
    }
  });
});

describe("casts to double, real and decimal over calls answer as Trino 476's", () => {
  it.each<[string, string, string[], unknown[][]]>([
    ['an aggregate', 'SELECT CAST(sum(x) AS DOUBLE) AS a, CAST(sum(x) AS REAL) AS b FROM (VALUES 1, 2) t(x)', ['a double', 'b real'], [[3, 3]]],
    [
      'typed NULLs',
      'SELECT CAST(nullif(1, 1) AS DOUBLE) AS a, CAST(nullif(1, 1) AS REAL) AS b, CAST(nullif(1, 1) AS DECIMAL(5, 2)) AS c',
      ['a double', 'b real', 'c decimal(5,2)'],
      [[null, null, null]],
    ],
    [
      'texts with spaces, exponents, NaN and infinities',
      "SELECT CAST(concat(s, '') AS DOUBLE) AS a FROM (VALUES ' 1.5 ', '1e3', '-1E-2', 'NaN', '-Infinity', '+Infinity', ' NaN ') t(s) ORDER BY a",
      ['a double'],
      [[Number.NEGATIVE_INFINITY], [-0.01], [1.5], [1000], [Number.POSITIVE_INFINITY], [Number.NaN], [Number.NaN]],
    ],
    [
      'TRY of texts Java does not read',
      "SELECT TRY_CAST(concat('1', 'x') AS DOUBLE) AS a, TRY_CAST(concat('1', '_0') AS REAL) AS b, TRY_CAST(concat('x', '') AS DECIMAL(5, 2)) AS c",
      ['a double', 'b real', 'c decimal(5,2)'],
      [[null, null, null]],
    ],
    [
      'a double to decimal, half up on its shortest text',
      'SELECT CAST(abs(x) AS DECIMAL(4, 2)) AS a FROM (VALUES 1.005E0) t(x)',
      ['a decimal(4,2)'],
      [['1.01']],
    ],
  ])('%s', async (_name, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  it.each([
    ["SELECT CAST(concat('in', 'f') AS DOUBLE) AS a", "Cannot cast 'inf' to DOUBLE"],
    ["SELECT CAST(concat('nan', '') AS REAL) AS a", "Cannot cast 'nan' to REAL"],
    ['SELECT CAST(sqrt(x) AS DECIMAL(10, 2)) AS a FROM (VALUES -1.0E0) t(x)', "Cannot cast DOUBLE 'NaN' to DECIMAL(10, 2)"],
    ['SELECT CAST(x / 0.0E0 AS DECIMAL(10, 2)) AS a FROM (VALUES 1) t(x)', "Cannot cast DOUBLE 'Infinity' to DECIMAL(10, 2)"],
  ])('fails as Trino 476 (INVALID_CAST_ARGUMENT): %s', async (sql, message) => {
    await expect(engine.execute(sql)).rejects.toThrow(message);
  });

  it("a conversion DuckDB refuses inside the lambda names no lambda parameter (the plain macro's message)", async () => {
    // Trino 476: INVALID_CAST_ARGUMENT "Cannot cast '1x' to DOUBLE"; locally DuckDB's conversion error, as before.
    const failure = engine.execute("SELECT CAST(concat('1', 'x') AS DOUBLE) AS a");
    await expect(failure).rejects.toThrow("Could not convert string '1x' to DOUBLE");
    await expect(engine.execute("SELECT CAST(concat('1', 'x') AS DOUBLE) AS a")).rejects.not.toThrow('source column');
  });
});
