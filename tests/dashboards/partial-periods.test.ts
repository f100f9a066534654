// Which periods of a time axis the data covers only partly: the first when the data starts inside it (the view's
// `data_start`), the last while the as-of time is inside it; and how a chart marks them.
import { describe, expect, it } from 'vitest';
import { VisualSchema } from '../../src/dashboards/definition.js';
import { chartData, echartsOption, type ChartData } from '../../src/dashboards/site/browser-data.js';
import { dataStartOf, partialPeriods, timeGrain } from '../../src/dashboards/site/partial-periods.js';

const days = ['2024-03-01', '2024-03-02', '2024-03-03'];
const over = '2024-03-10T00:00:00.000Z';

describe('partial periods', () => {
  it('marks the last category while the as-of time falls inside it', () => {
    expect(partialPeriods('date', ['2024-03-04', '2024-03-05'], '2024-03-05T23:59:59.000Z')).toEqual(['2024-03-05']);
    expect(partialPeriods('date', ['2024-03-04', '2024-03-05'], '2024-03-06T00:00:00.000Z')).toEqual([]);
    const hours = ['2024-03-05 09:00:00.000', '2024-03-05 10:00:00.000'];
    expect(partialPeriods('timestamp(3)', hours, '2024-03-05T10:30:00.000Z')).toEqual(['2024-03-05 10:00:00.000']);
    expect(partialPeriods('timestamp(3)', hours, '2024-03-05T11:00:00.000Z')).toEqual([]);
    expect(partialPeriods('varchar', ['a'], '2024-03-05T10:30:00.000Z')).toEqual([]);
  });

  it('marks the first category when the data starts inside it, not when it starts at its beginning or before', () => {
    // A daily chart whose data starts at 14:00 on its first day.
    expect(partialPeriods('date', days, over, '2024-03-01T14:00:00.000Z')).toEqual(['2024-03-01']);
    expect(
      partialPeriods(
        'timestamp(3)',
        days.map((d) => `${d} 00:00:00.000`),
        over,
        '2024-03-01T14:00:00.000Z',
      ),
    ).toEqual(['2024-03-01 00:00:00.000']);
    expect(partialPeriods('date', days, over, '2024-03-01T00:00:00.000Z')).toEqual([]);
    // Filtered to later days: the first one shown is whole.
    expect(partialPeriods('date', days.slice(1), over, '2024-03-01T14:00:00.000Z')).toEqual([]);
    // An hourly chart starting at 09:30.
    expect(partialPeriods('timestamp(3)', ['2024-03-05 09:00:00.000', '2024-03-05 10:00:00.000'], over, '2024-03-05T09:30:00.000Z')).toEqual([
      '2024-03-05 09:00:00.000',
    ]);
    // Both ends at once, in axis order; one category that is both is listed once.
    expect(partialPeriods('date', days, '2024-03-03T08:00:00.000Z', '2024-03-01T14:00:00.000Z')).toEqual(['2024-03-01', '2024-03-03']);
    expect(partialPeriods('date', ['2024-03-03'], '2024-03-03T18:00:00.000Z', '2024-03-03T14:00:00.000Z')).toEqual(['2024-03-03']);
  });

  it('reads several first-of-month categories as months: a monthly chart starting on the 12th, and the current month', () => {
    const months = ['2024-01-01', '2024-02-01', '2024-03-01'];
    expect(timeGrain('date', months)).toBe('month');
    expect(timeGrain('date', ['2024-03-01'])).toBe('day');
    expect(timeGrain('date', ['2024-03-01', '2024-03-02'])).toBe('day');
    expect(partialPeriods('date', months, '2024-03-20T00:00:00.000Z', '2024-01-12T00:00:00.000Z')).toEqual(['2024-01-01', '2024-03-01']);
    expect(partialPeriods('date', months, '2024-04-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')).toEqual([]);
    // December rolls over into the next year.
    expect(partialPeriods('date', ['2023-11-01', '2023-12-01'], '2023-12-31T23:00:00.000Z')).toEqual(['2023-12-01']);
  });

  it('takes the data start from the view, the earliest value of its data_start column', () => {
    const columns = [
      { name: 'day', type: 'date' },
      { name: 'data_start', type: 'timestamp(3)' },
    ];
    expect(
      dataStartOf({
        columns,
        rows: [
          ['2024-03-02', '2024-03-01 14:00:00.000'],
          ['2024-03-01', '2024-03-01 14:00:00.000'],
        ],
      }),
    ).toBe('2024-03-01T14:00:00.000Z');
    expect(
      dataStartOf({
        columns: [
          { name: 'day', type: 'date' },
          { name: 'data_start', type: 'date' },
        ],
        rows: [['2024-03-02', '2024-03-02']],
      }),
    ).toBe('2024-03-02T00:00:00.000Z');
    expect(dataStartOf({ columns, rows: [['2024-03-02', null]] })).toBeUndefined();
    expect(dataStartOf({ columns: columns.slice(0, 1), rows: [['2024-03-02']] })).toBeUndefined();
  });

  it('shades each partial period on the first series: a line the segment inside the data, a bar its band', () => {
    const chart: ChartData = {
      kind: 'xy',
      categories: days,
      series: [
        { name: 'orders', values: [1, 2, 3] },
        { name: 'other', values: [1, 1, 1] },
      ],
    };
    const option = (type: 'line' | 'bar', partial: string[]) => {
      const visual = VisualSchema.parse({ id: 'v', type, title: 'V', view: 'x', x: 'day', y: 'orders' });
      return echartsOption(visual, chart, {}, partial) as { series: Array<{ markArea?: { data: unknown; label: { formatter: string } } }> };
    };
    const line = option('line', ['2024-03-01', '2024-03-03']);
    expect(line.series[0].markArea!.data).toEqual([
      [{ xAxis: '2024-03-01' }, { xAxis: '2024-03-02' }],
      [{ xAxis: '2024-03-02' }, { xAxis: '2024-03-03' }],
    ]);
    expect(line.series[0].markArea!.label.formatter).toBe('partial');
    expect(line.series[1].markArea).toBeUndefined();
    expect(option('bar', ['2024-03-01']).series[0].markArea!.data).toEqual([[{ xAxis: '2024-03-01' }, { xAxis: '2024-03-01' }]]);
    expect(option('line', []).series[0].markArea).toBeUndefined();
  });

  it('leaves data_start out of a table that does not list it (it is coverage, not data)', () => {
    const view = {
      columns: [
        { name: 'day', type: 'date' },
        { name: 'data_start', type: 'date' },
        { name: 'n', type: 'bigint' },
      ],
      rows: [['2024-03-01', '2024-03-01', 1]],
    };
    const table = (columns?: string[]) => chartData(VisualSchema.parse({ id: 't', type: 'table', title: 'T', view: 'v', columns }), view, view.rows);
    expect(table()).toEqual({ kind: 'table', columns: ['day', 'n'], rows: [['2024-03-01', 1]] });
    expect(table(['data_start'])).toEqual({ kind: 'table', columns: ['data_start'], rows: [['2024-03-01']] });
  });
});
