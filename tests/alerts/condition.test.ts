import { describe, expect, it } from 'vitest';
import { parseCondition } from '../../src/alerts/condition.js';
import { renderTemplate, templateFields } from '../../src/alerts/template.js';
import type { SqlValue } from '../../src/engines/engine.js';

describe('alert conditions', () => {
  const row: Record<string, SqlValue> = { count: 11, share: '0.25', status: 'FAILED', big: 9007199254740993n, missing: null, Total: 40 };
  it.each([
    ['count > 10', true],
    ['count > 11', false],
    ['count >= 11 and share >= 0.2', true],
    ['count > 100 or status = \'FAILED\'', true],
    ["status <> 'OK'", true],
    ["status != 'FAILED'", false],
    ['not count > 10', false],
    ['count / total > 0.25', true], // names are case-insensitive: Total
    ['count * 2 - 1 = 21', true],
    ['-count < 0', true],
    ['(count > 10) and (rows = 1)', true],
    ['big > 9007199254740990', true],
    ['missing > 1', false],
    ['not missing > 1', false], // NULL stays NULL, never true
    ['missing is null', true],
    ['count is not null', true],
    ['missing > 1 or count > 1', true],
    ['missing > 1 and count > 1', false],
    ['"count" > 10', true],
    ['true', true],
  ])('%s → %s', (text, expected) => {
    expect(parseCondition(text).holds(row, 1)).toBe(expected);
  });

  it('sees rows as the row count', () => {
    expect(parseCondition('rows > 0').holds({ a: null }, 0)).toBe(false);
    expect(parseCondition('rows > 0').holds({ a: 1 }, 3)).toBe(true);
  });

  it.each([
    ['count >', /expected a value at the end/],
    ['count > > 1', /unexpected '>' at column 9/],
    ['count ; 1', /unexpected ';' at column 7/],
    ['(count > 1', /expected '\)'/],
    ['count is 5', /expected NULL after IS/],
    ['', /empty condition/],
  ])('rejects %s', (text, message) => {
    expect(() => parseCondition(text)).toThrow(message);
  });

  it('rejects comparing a string with a number at evaluation', () => {
    expect(() => parseCondition("status > 3").holds({ status: 'FAILED' }, 1)).toThrow(/cannot compare string "FAILED" with number 3/);
  });

  it('never evaluates code', () => {
    expect(() => parseCondition('process.exit(1)')).toThrow(/unexpected '\.'/);
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
