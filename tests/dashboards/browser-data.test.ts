// The chart data the pages draw: SQL aggregate semantics over the view rows, filters, point counts.
import { describe, expect, it } from 'vitest';
import { VisualSchema, type FilterDefinition } from '../../src/dashboards/definition.js';
import {
  aggregateValues,
  chartData,
  columnTitle,
  comparisonWindows,
  echartsOption,
  filterRows,
  formatAxisValue,
  kpiChange,
  measureTitle,
  pointCount,
  sortCategories,
  tableRows,
  toCsv,
  type ViewData,
} from '../../src/dashboards/site/browser-data.js';

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
    expect(
      aggregateValues(
        view.rows.map((r) => r[2]),
        aggregation,
      ),
    ).toBe(expected);
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
    expect(table).toEqual({
      kind: 'table',
      columns: ['orders', 'day'],
      rows: [
        [2, '2024-03-02'],
        [1, '2024-03-01'],
        [3, '2024-03-01'],
        [1, '2024-03-02'],
        [1, '2024-03-02'],
      ],
    });
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
  it('titles columns from column_titles, else as words', () => {
    expect(columnTitle('customer_id')).toBe('Customer ID');
    expect(columnTitle('avg_order_value')).toBe('Avg order value');
    expect(columnTitle('revenue', { revenue: 'Net revenue' })).toBe('Net revenue');
    expect(measureTitle({ y: 'customer_id', aggregation: 'count_distinct' }, { customer_id: 'Customers' })).toBe('Customers (distinct)');
    expect(measureTitle({ y: 'rating', aggregation: 'sum' })).toBe('Rating');
  });

  it('formats axis ticks in whole currency units and percents, large ones compact', () => {
    const usd = { format: 'currency', currency: 'USD' } as const;
    expect([0, 250, 1234.5, 12_500, 2_400_000].map((v) => formatAxisValue(v, usd))).toEqual(['$0', '$250', '$1,235', '$12.5K', '$2.4M']);
    expect([0, 0.25, 0.125, 1].map((v) => formatAxisValue(v, { format: 'percent', currency: 'USD' }))).toEqual(['0%', '25%', '13%', '100%']);
    // One axis, one style: below 10K ticks are compact too when the axis reaches 10K.
    expect([0, 5000, 10_000, 35_000].map((v) => formatAxisValue(v, usd, 35_000))).toEqual(['$0', '$5K', '$10K', '$35K']);
    const option = (type: 'line' | 'stacked_bar') =>
      echartsOption(visual({ type, x: 'day', y: 'revenue', format: 'currency' }), {
        kind: 'xy',
        categories: ['a', 'b'],
        series: [
          { name: 's', values: [6000, 4000] },
          { name: 't', values: [5000, null] },
        ],
      }) as {
        yAxis: { axisLabel: { formatter: (value: number) => string } };
      };
    expect(option('line').yAxis.axisLabel.formatter(5000)).toBe('$5,000');
    // A stack of 11,000 reaches 10K.
    expect(option('stacked_bar').yAxis.axisLabel.formatter(5000)).toBe('$5K');
  });

  it('sorts tables numerically (decimals arrive as text) with NULLs last, searches any cell, limits after both', () => {
    const table = chartData(visual({ type: 'table', columns: ['channel', 'revenue'] }), view, view.rows);
    if (table.kind !== 'table') throw new Error('not a table');
    const ascending = tableRows(table, 10, { search: '', sort: { column: 'revenue', descending: false } });
    expect(ascending.shown.map((r) => r[1])).toEqual(['0.75', '1.25', '4.00', '10.50', null]);
    const descending = tableRows(table, 2, { search: 'AP', sort: { column: 'revenue', descending: true } });
    expect(descending).toEqual({
      columns: ['channel', 'revenue'],
      matching: [
        ['app', '1.25'],
        ['app', '0.75'],
        ['app', null],
      ],
      shown: [
        ['app', '1.25'],
        ['app', '0.75'],
      ],
    });
  });

  it('writes CSV with quoted fields where needed', () => {
    expect(
      toCsv(
        ['Name', 'Note'],
        [
          ['a, b', 'say "hi"'],
          [null, 3],
        ],
      ),
    ).toBe('Name,Note\r\n"a, b","say ""hi"""\r\n,3\r\n');
  });

  it('compares a KPI with the previous window of the same length', () => {
    expect(comparisonWindows({ from: '2024-03-01', to: '2024-03-07' }, undefined)).toEqual({
      current: { from: '2024-03-01', to: '2024-03-07' },
      previous: { from: '2024-02-23', to: '2024-02-29' },
      days: 7,
    });
    expect(comparisonWindows({}, { min: '2024-03-02', max: '2024-03-02' })?.previous).toEqual({ from: '2024-03-01', to: '2024-03-01' });
    const kpi = visual({ type: 'kpi', y: 'orders' });
    // 2024-03-01 has 4 orders (web 1 + app 3); 2024-03-02 has 4 (web 2, app 1 + 1).
    expect(kpiChange(kpi, view, filters, { period: { from: '2024-03-02', to: '2024-03-02' } }, {}, 4)).toEqual({
      previous: 4,
      change: 0,
      window: { from: '2024-03-01', to: '2024-03-01' },
      days: 1,
    });
    expect(kpiChange(kpi, view, filters, { period: { from: '2024-03-02', to: '2024-03-02' }, channel: { value: 'web' } }, {}, 2)?.change).toBe(1);
    expect(kpiChange(kpi, view, filters, { period: { from: '2024-03-01', to: '2024-03-01' } }, {}, 4)?.previous).toBeNull();
  });
});
