import { describe, expect, it } from 'vitest';
import { athenaCostUsd } from '../../src/pipeline/cost.js';
import { parsePeriodBound, periodsBetween } from '../../src/pipeline/periods.js';

describe('periods', () => {
  it('covers [from, to) with whole, aligned periods', () => {
    const periods = periodsBetween(parsePeriodBound('2025-03-10T07:30Z'), parsePeriodBound('2025-03-10T10'), 'hour');
    expect(periods.map((p) => p.start.toISOString())).toEqual(['2025-03-10T07:00:00.000Z', '2025-03-10T08:00:00.000Z', '2025-03-10T09:00:00.000Z']);
    expect(periods[2].end.toISOString()).toBe('2025-03-10T10:00:00.000Z');
    expect(periodsBetween(parsePeriodBound('2025-03-10'), parsePeriodBound('2025-03-12'), 'day')).toHaveLength(2);
  });

  it('reads bounds as UTC and rejects nonsense', () => {
    expect(parsePeriodBound('2025-03-10').toISOString()).toBe('2025-03-10T00:00:00.000Z');
    expect(parsePeriodBound('2025-03-10 07:15:00').toISOString()).toBe('2025-03-10T07:15:00.000Z');
    expect(parsePeriodBound('2025-03-10T09:00:00+02:00').toISOString()).toBe('2025-03-10T07:00:00.000Z');
    expect(() => parsePeriodBound('yesterday')).toThrow(/not a date/);
    expect(() => periodsBetween(new Date(10), new Date(5), 'day')).toThrow(/must be after/);
  });
});

describe('athenaCostUsd', () => {
  it('bills at least 10 MB per query at USD 5 per TB', () => {
    expect(athenaCostUsd([0])).toBeCloseTo((10 / 2 ** 20) * 5, 12);
    expect(athenaCostUsd([2 ** 40])).toBeCloseTo(5, 9);
    expect(athenaCostUsd([])).toBe(0);
  });
});
