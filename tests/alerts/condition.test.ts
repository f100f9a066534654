// Alert conditions are SQL evaluated by the engine over the alert query's result (src/alerts/condition.ts): here the
// local engine, which answers as Athena (Trino) does. Trino semantics encoded: a comparison with NULL is NULL, and
// NULL is not true (NOT NULL is NULL too); integer division truncates (11 / 40 = 0); comparing varchar with a number
// is a type error (Trino docs, "Comparison functions and operators", "Mathematical operators").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conditionQuery, parseCondition } from '../../src/alerts/condition.js';
import { renderTemplate, templateFields } from '../../src/alerts/template.js';
import type { Column, SqlValue } from '../../src/engines/engine.js';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { tempDir } from './helpers.js';

let engine: AthenaLocalEngine;
beforeAll(async () => {
  engine = await AthenaLocalEngine.open({ lakeRoot: tempDir('conditions-'), inMemory: true, threads: 1 });
});
afterAll(() => engine.close());

const columns: Column[] = [
  { name: 'count', type: 'bigint' },
  { name: 'share', type: 'decimal(4,2)' },
  { name: 'status', type: 'varchar' },
  { name: 'big', type: 'bigint' },
  { name: 'missing', type: 'bigint' },
  { name: 'total', type: 'bigint' },
  { name: 'at', type: 'timestamp(3)' },
];
const row: SqlValue[] = [11, '0.25', 'FAILED', 9007199254740993n, null, 40, '2025-03-10 10:00:00.000'];

async function holds(text: string, rows: SqlValue[][] = [row], rowCount = rows.length): Promise<boolean[]> {
  const result = await engine.execute(conditionQuery(parseCondition(text), columns, rows, rowCount));
  return result.rows.map((r) => r[1] as boolean);
}

describe('alert conditions (SQL over the result)', () => {
  it.each([
    ['count > 10', true],
    ['count > 11', false],
    ['count >= 11 and share >= 0.2', true],
    ["count > 100 or status = 'FAILED'", true],
    ["status <> 'OK'", true],
    ["status != 'FAILED'", false],
    ['count == 11', true], // the earlier syntax's == is SQL's =
    ['not count > 10', false],
    ['count / total > 0.25', false], // bigint / bigint truncates in Trino: 11 / 40 = 0
    ['CAST(count AS double) / TOTAL > 0.25', true], // names are case-insensitive
    ['count * 2 - 1 = 21', true],
    ['-count < 0', true],
    ['(count > 10) and (rows = 1)', true],
    ['big > 9007199254740992', true], // exact beyond 2^53
    ['missing > 1', false],
    ['not missing > 1', false], // NULL stays NULL, never true
    ['missing is null', true],
    ['count is not null', true],
    ['missing > 1 or count > 1', true],
    ['missing > 1 and count > 1', false],
    ['"count" > 10', true],
    ["at >= TIMESTAMP '2025-03-10 10:00:00'", true],
    ["status LIKE 'FAIL%' AND coalesce(missing, 0) = 0", true],
    ['true', true],
  ])('%s → %s', async (text, expected) => {
    expect(await holds(text)).toEqual([expected]);
  });

  it('sees rows as the row count, and judges every row of a result in order', async () => {
    expect(await holds('rows > 0', [[null, null, null, null, null, null, null]], 0)).toEqual([false]);
    expect(await holds('rows > 2 AND count > 10', [row, [9, '0.1', 'OK', 1, null, 1, null], row])).toEqual([true, false, true]);
  });

  it.each([
    ['count ; 1', /';' at column 7: a condition is one SQL expression/],
    ['(count > 1', /a '\(' is not closed/],
    ['count > 1)', /unmatched '\)' at column 10/],
    ['count > (SELECT 1)', /'SELECT' at column 10/],
    ['', /the condition is empty/],
  ])('rejects %j before running anything', (text, message) => {
    expect(() => parseCondition(text)).toThrow(message);
  });

  it('names the columns it reads (for lint), not functions, keywords or rows', () => {
    expect(parseCondition('coalesce(missing, 0) > 1 AND "Share" IS NOT NULL OR rows = 0').names).toEqual(['missing', 'share']);
  });

  it("a comparison of a string with a number is the engine's type error", async () => {
    await expect(holds('status > 3')).rejects.toThrow(/varchar|VARCHAR|type|Cannot/);
  });
});

describe('message templates', () => {
  it('fills fields from the row, case-insensitively, with literal braces escaped', () => {
    expect(renderTemplate('Alert: {count} negative ({{rating}} <= 2) on {Channel}', { COUNT: 11, channel: 'email' })).toBe(
      'Alert: 11 negative ({rating} <= 2) on email',
    );
    expect(renderTemplate('{v} {n} {a}', { v: null, n: 12345678901234567890n, a: [1, 2] })).toBe('NULL 12345678901234567890 [1,2]');
  });

  it('names a missing field and an unbalanced brace', () => {
    expect(() => renderTemplate('{cnt}', { count: 1 })).toThrow(/message field \{cnt\} is neither a result column.*have: count/);
    expect(() => templateFields('oops {count')).toThrow(/unbalanced '\{' at column 6/);
  });
});
