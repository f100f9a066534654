// Trino's numeric literals: `_` between digits and hex, octal and binary integers (Trino 476's lexer, SqlBase.g4;
// https://trino.io/docs/current/language/types.html#integer), each with Trino 476's value and type. DuckDB read
// `1_000` as 1 AS _000 and `0x10` as 0 AS x10: answers that Athena does not give.
import { describe, expect, it } from 'vitest';
import type { SqlValue } from '../../src/engines/engine.js';
import { checkFaithful } from '../../src/dialect/lint/index.js';
import { sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('numeric literals', () => {
  it.each<[string, SqlValue, string]>([
    ['1_000', 1000, 'integer'],
    ['1_2345678901', 12345678901, 'bigint'],
    ['0x10', 16, 'integer'],
    ['0X1f', 31, 'integer'],
    ['0x_10', 16, 'integer'],
    ['0b1_0', 2, 'integer'],
    ['0o17', 15, 'integer'],
    ['0xFFFFFFFF', 4294967295, 'bigint'],
    ['0x7FFFFFFFFFFFFFFF', 9223372036854775807n, 'bigint'],
    ['-0x80000000', -2147483648, 'integer'],
    ['-0x8000000000000000', -9223372036854775808n, 'bigint'],
    ['1_0.0_1', '10.01', 'decimal(4,2)'],
    ['.5_0', '0.50', 'decimal(2,2)'],
    ['1.5e3', 1500, 'double'],
  ])('SELECT %s is %s as %s (Trino 476)', async (literal, value, type) => {
    const result = await engine.execute(`SELECT ${literal} AS v`);
    expect({ value: result.rows[0][0], type: result.columns[0].type }).toEqual({ value, type });
  });

  it('a decimal run into letters is the literal and an alias: SELECT 1_0.5e1 names the column e1', async () => {
    const result = await engine.execute('SELECT 1_0.5e1');
    expect(result.columns).toEqual([{ name: 'e1', type: 'decimal(3,1)' }]);
    expect(result.rows).toEqual([['10.5']]);
  });

  // Trino 476 fails on each: SYNTAX_ERROR "identifiers must not start with a digit", "Invalid numeric literal", or a
  // literal after a literal. Found at lint time, at the literal's line and column.
  it.each<[string, number, RegExp]>([
    ['SELECT 10abc', 8, /10abc: identifiers must not start with a digit/],
    ['SELECT 1,\n  1_000e1', 3, /1_000e1: identifiers must not start with a digit/],
    ['SELECT 1__0', 8, /1__0: identifiers must not start with a digit/],
    ['SELECT 0x', 8, /0x: identifiers must not start with a digit/],
    ['SELECT 0x10.5', 8, /0x10\.5: two numeric literals in a row/],
    ['SELECT 9223372036854775808', 8, /Invalid numeric literal: 9223372036854775808/],
    ['SELECT 0xFFFFFFFFFFFFFFFF', 8, /Invalid numeric literal: 0xFFFFFFFFFFFFFFFF/],
  ])('%s fails as on Athena, at lint time', async (sql, col, message) => {
    const line = sql.split('\n').length;
    expect(checkFaithful(sql, { file: 'sql/transforms/m.sql' })).toEqual([
      expect.objectContaining({ file: 'sql/transforms/m.sql', line, col, message: expect.stringMatching(message) }),
    ]);
    await expect(engine.execute(sql)).rejects.toThrow(message);
  });

  it('the bigint bound folds with its minus sign, as in Trino', async () => {
    const result = await engine.execute('SELECT -9223372036854775808 AS v');
    expect(result.rows).toEqual([[-9223372036854775808n]]);
  });
});
