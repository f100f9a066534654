import { describe, expect, it } from 'vitest';
import { fireTimesBetween, parseSchedule, toEventBridge } from '../../src/project/schedule.js';

describe('schedules', () => {
  it.each([
    ['rate(1 hour)', 'rate(1 hour)'],
    ['rate(15 minutes)', 'rate(15 minutes)'],
    ['rate(2 days)', 'rate(2 days)'],
    ['0 2 * * *', 'cron(0 2 * * ? *)'],
    ['cron(0 2 * * ? *)', 'cron(0 2 * * ? *)'],
    ['cron(0 8 ? * 2 *)', 'cron(0 8 ? * 2 *)'],
    ['30 6 * * 1', 'cron(30 6 ? * 2 *)'],
  ])('%s becomes the EventBridge expression %s', (input, expected) => {
    expect(toEventBridge(parseSchedule(input))).toBe(expected);
  });

  it('maps EventBridge weekdays (1 = Sunday) to cron weekdays (0 = Sunday)', () => {
    expect(parseSchedule('cron(0 8 ? * 2 *)')).toMatchObject({ kind: 'cron', fields: '0 8 * * 1' });
  });

  it.each(['rate(1 hours)', 'rate(0 minutes)', 'cron(0 2 * * * *)', 'every hour', '61 * * * *'])('rejects %s', (bad) => {
    expect(() => parseSchedule(bad)).toThrow();
  });

  it('lists fire times in a window, in UTC', () => {
    const after = new Date('2025-03-10T00:30:00Z');
    const until = new Date('2025-03-10T03:00:00Z');
    expect(fireTimesBetween(parseSchedule('0 * * * *'), after, until).map((d) => d.toISOString())).toEqual([
      '2025-03-10T01:00:00.000Z',
      '2025-03-10T02:00:00.000Z',
      '2025-03-10T03:00:00.000Z',
    ]);
    expect(fireTimesBetween(parseSchedule('rate(1 hour)'), after, until)).toHaveLength(3);
  });
});
