// The chart data the pages draw: SQL aggregate semantics over the view rows, filters, point counts.
import { describe, expect, it } from 'vitest';
import { VisualSchema, type FilterDefinition } from '../../src/dashboards/definition.js';
import { aggregateValues, chartData, filterRows, pointCount, sortCategories, type ViewData } from '../../src/dashboards/site/browser-data.js';

const view: ViewData = {
  columns: [
    { name: 'day', type: 'date' },
    { name: 'channel', type: 'varchar' },
    { name: 'revenue', type: 'decimal(10,2)' },
    { name: 'orders', type: 'bigint' },
  ],
  rows: [
    ['2024-03-02', 'web', '10.50', 2],
    ['2024-03-01', 'web', '4.00', 1],
    ['2024-03-01', 'app', null, 3],
    ['2024-03-02', 'app', '1.25', 1],
    ['2024-03-02', 'app', '0.75', 1],
  ],
};
const visual = (fields: Record<string, unknown>) => VisualSchema.parse({ id: 'v', title: 'V', view: 'v', ...fields });
const filters: FilterDefinition[] = [
  { id: 'period', type: 'date_range', column: 'day' },
  { id: 'channel', type: 'select', column: 'channel' },
  { id: 'absent', type: 'select', column: 'region' },
];

describe('chart data', () => {
  it.each([
    ['sum', 16.5],
    ['avg', 4.125],
    ['min', 0.75],
    ['max', 10.5],
    ['count', 4],
    ['count_distinct', 4],
  ] as const)('%s skips NULLs like SQL', (aggregation, expected) => {
    expect(aggregateValues(view.rows.map((r) => r[2]), aggregation)).toBe(expected);
  });

  it('NULL-only groups are NULL for sums and 0 for counts', () => {
    expect(aggregateValues([null], 'sum')).toBeNull();
    expect(aggregateValues([], 'count')).toBe(0);
  });

  it('groups by x and series, sorted, with gaps where a group has no value', () => {
    const data = chartData(visual({ type: 'line', x: 'day', y: 'revenue', series: 'channel' }), view, view.rows);
    expect(data).toEqual({
      kind: 'xy',
      categories: ['2024-03-01', '2024-03-02'],
      series: [
        { name: 'app', values: [null, 2] },
        { name: 'web', values: [4, 10.5] },
      ],
    });
    expect(pointCount(data)).toBe(3);
  });

  it('NULL categories and series are groups of their own, named (none)', () => {
    const rows = [...view.rows, ['2024-03-01', null, '2.00', 1]];
    const data = chartData(visual({ type: 'bar', x: 'day', y: 'orders', series: 'channel' }), view, rows);
    expect(data.kind === 'xy' && data.series.map((s) => [s.name, s.values])).toEqual([
      ['(none)', [1, null]],
      ['app', [3, 2]],
      ['web', [1, 2]],
    ]);
  });

  it('pie slices, KPI values and table rows', () => {
    expect(chartData(visual({ type: 'pie', x: 'channel', y: 'orders' }), view, view.rows)).toEqual({
      kind: 'slices',
      slices: [
        { name: 'app', value: 5 },
        { name: 'web', value: 3 },
      ],
    });
    expect(chartData(visual({ type: 'kpi', y: 'orders', aggregation: 'max' }), view, view.rows)).toEqual({ kind: 'single', value: 3 });
    const table = chartData(visual({ type: 'table', columns: ['orders', 'day'], limit: 2 }), view, view.rows);
    expect(table).toEqual({ kind: 'table', columns: ['orders', 'day'], rows: [[2, '2024-03-02'], [1, '2024-03-01']] });
  });

  it('filters on date prefixes and exact values, ignoring filters whose column the view lacks', () => {
    expect(filterRows(view, filters, { period: { from: '2024-03-02' }, channel: { value: 'app' }, absent: { value: 'x' } })).toEqual([
      ['2024-03-02', 'app', '1.25', 1],
      ['2024-03-02', 'app', '0.75', 1],
    ]);
    expect(filterRows(view, filters, { period: { to: '2024-03-01' }, channel: { value: '' } })).toHaveLength(2);
  });

  it('sorts numeric categories as numbers', () => {
    expect(sortCategories(['10', '9', '1'])).toEqual(['1', '9', '10']);
    expect(sortCategories(['b', 'a', '10'])).toEqual(['10', 'a', 'b']);
  });
});
