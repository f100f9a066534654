// Integer arithmetic that overflows inside a comparison fails as in Trino 476 (NUMERIC_VALUE_OUT_OF_RANGE, e.g.
// "bigint addition overflow: 2 + 9223372036854775807"; integer types have fixed ranges and overflow is an error,
// https://trino.io/docs/current/language/types.html#integer). DuckDB 1.5.6's optimizer rule MoveConstantsRule
// (src/optimizer/rule/move_constants.cpp) rewrites `x + C1 > C2` into `x > C2 - C1`, so the overflowing sum was never
// computed and the comparison answered; the translator calls add(), subtract(), multiply() instead of `+`, `-`, `*`
// (translate/operators.ts, checkedArithmetic), which the rule does not match. Every message, answer and type below is
// the oracle's (`lake sql --engine trino`, Trino 476); the local message is Trino's without its error-code prefix.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';

let engine: AthenaLocalEngine;

beforeAll(async () => {
  engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-integer-overflow-')), inMemory: true, threads: 1 });
});
afterAll(async () => engine.close());

const BIGINT_TWO = '(VALUES CAST(2 AS bigint)) t(x)';
const BIGINT_MINUS_TWO = '(VALUES CAST(-2 AS bigint)) t(x)';
const INTEGER_MAX = '(VALUES 2147483647) t(x)';

describe('integer overflow inside a comparison', () => {
  it.each<[what: string, sql: string, message: string]>([
    ['bigint + literal, SELECT, left side', `SELECT x + 9223372036854775807 > 0 FROM ${BIGINT_TWO}`, 'bigint addition overflow: 2 + 9223372036854775807'],
    [
      'bigint + literal, WHERE, right side',
      `SELECT x FROM ${BIGINT_TWO} WHERE 0 < x + 9223372036854775807`,
      'bigint addition overflow: 2 + 9223372036854775807',
    ],
    [
      'bigint - literal, WHERE, right side',
      `SELECT x FROM ${BIGINT_MINUS_TWO} WHERE 0 < x - 9223372036854775807`,
      'bigint subtraction overflow: -2 - 9223372036854775807',
    ],
    [
      'bigint - bigint cast, SELECT',
      `SELECT x - CAST(9223372036854775807 AS bigint) > 0 FROM ${BIGINT_MINUS_TWO}`,
      'bigint subtraction overflow: -2 - 9223372036854775807',
    ],
    [
      'bigint + literal - literal (a chain), SELECT',
      `SELECT x + 9223372036854775807 - 1 > 0 FROM ${BIGINT_TWO}`,
      'bigint addition overflow: 2 + 9223372036854775807',
    ],
    ['bigint literals *, SELECT', 'SELECT CAST(2 AS bigint) * 9223372036854775807 > 0', 'bigint multiplication overflow: 2 * 9223372036854775807'],
    [
      'bigint *, BETWEEN',
      `SELECT x FROM ${BIGINT_TWO} WHERE x * 9223372036854775807 BETWEEN 0 AND 1`,
      'bigint multiplication overflow: 2 * 9223372036854775807',
    ],
    ['integer + literal, BETWEEN', `SELECT x FROM ${INTEGER_MAX} WHERE x + 1 BETWEEN 0 AND 10`, 'integer addition overflow: 2147483647 + 1'],
    ['integer + literal in parentheses, SELECT', `SELECT (x + 1) > 0 FROM ${INTEGER_MAX}`, 'integer addition overflow: 2147483647 + 1'],
    ['integer literals +, SELECT', 'SELECT 2147483647 + 1 > 0', 'integer addition overflow: 2147483647 + 1'],
    ['integer - literal, WHERE, left side', 'SELECT x FROM (VALUES -2147483648) t(x) WHERE x - 1 < 0', 'integer subtraction overflow: -2147483648 - 1'],
    ['integer * literal, WHERE, right side', `SELECT x FROM ${INTEGER_MAX} WHERE 0 > x * 2`, 'integer multiplication overflow: 2147483647 * 2'],
    ['integer * literal, IN', `SELECT x FROM ${INTEGER_MAX} WHERE x * 2 IN (1, 2)`, 'integer multiplication overflow: 2147483647 * 2'],
    [
      'integer + literal, JOIN condition',
      `SELECT a.x FROM (VALUES 2147483647) a(x) JOIN (VALUES 1) b(y) ON a.x + 1 = b.y`,
      'integer addition overflow: 2147483647 + 1',
    ],
    [
      'smallint + smallint, WHERE',
      'SELECT x FROM (VALUES CAST(32767 AS smallint)) t(x) WHERE x + CAST(1 AS smallint) > 0',
      'smallint addition overflow: 32767 + 1',
    ],
    ['tinyint + tinyint, SELECT', 'SELECT x + CAST(1 AS tinyint) > 0 FROM (VALUES CAST(127 AS tinyint)) t(x)', 'tinyint addition overflow: 127 + 1'],
  ])('%s fails as in Trino', async (_what, sql, message) => {
    await expect(engine.execute(sql)).rejects.toThrow(new RegExp(`^${message.replace(/[+*]/g, '\\$&')}$`));
  });

  it.each<[what: string, sql: string, row: unknown[], types: string[]]>([
    [
      'integer arithmetic in and beside comparisons',
      'SELECT x + 1 > 0, x - 1 = 4, x * 2 BETWEEN 0 AND 10, 2 * x + 1, -x * 3, x - -1, (x + 1) * 2, x + 1 IN (6, 7) FROM (VALUES 5) t(x)',
      [true, true, true, 11, -15, 6, 12, true],
      ['boolean', 'boolean', 'boolean', 'integer', 'integer', 'integer', 'integer', 'boolean'],
    ],
    [
      'bigint near its bound, in WHERE',
      'SELECT x + 1 > 0, x - 1, x FROM (VALUES CAST(9223372036854775806 AS bigint)) t(x) WHERE x + 1 > 0',
      [true, 9223372036854775805n, 9223372036854775806n],
      ['boolean', 'bigint', 'bigint'],
    ],
    ['tinyint + integer literal (an integer)', 'SELECT x + 1 > 0, x + 1 FROM (VALUES CAST(127 AS tinyint)) t(x)', [true, 128], ['boolean', 'integer']],
    ['decimal and double operands', 'SELECT x + 1.5 > 6, x * 2.5, x - 0.5E0 FROM (VALUES 5) t(x)', [true, '12.5', 4.5], ['boolean', 'decimal(12,1)', 'double']],
    ['a NULL operand', 'SELECT NULL + 1 > 0, x + NULL FROM (VALUES 5) t(x)', [null, null], ['boolean', 'integer']],
  ])('%s answer as in Trino', async (_what, sql, row, types) => {
    const result = await engine.execute(sql);
    expect(result.rows.map((r) => r.map((v) => (typeof v === 'object' && v !== null ? String(v) : v)))).toEqual([row]);
    expect(result.columns.map((c) => c.type)).toEqual(types);
  });
});

// Operands that no overload of add(), subtract(), multiply() takes read as Trino 476's TYPE_MISMATCH of the operator
// (the oracle's "Cannot apply operator: integer * varchar"), not as DuckDB's binder error about add().
describe('operands of no arithmetic overload', () => {
  it.each([
    ["SELECT x * y FROM (VALUES (1, CAST('a' AS varchar))) t(x, y)", 'Cannot apply operator: integer * varchar'],
    ["SELECT x - y FROM (VALUES (CAST('a' AS varchar), 2)) t(x, y)", 'Cannot apply operator: varchar - integer'],
    ["SELECT x + DATE '2020-01-01' FROM (VALUES 1.5) t(x)", 'Cannot apply operator: decimal(2,1) + date'],
  ])('%s fails as in Trino', async (sql, message) => {
    await expect(engine.execute(sql)).rejects.toThrow(new RegExp(`^${message.replace(/[+*()]/g, '\\$&')}$`));
  });
});
