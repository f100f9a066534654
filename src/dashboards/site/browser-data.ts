// Runs in the browser (bundled into the page script) AND in Node: filtering view rows, aggregating them into chart
// data and building ECharts options. Keep it free of Node APIs: esbuild bundles it for the browser.
import type { Column, SqlValue } from '../../engines/engine.js';
import type { FilterDefinition, VisualDefinition } from '../definition.js';

export interface ViewData {
  columns: Column[];
  rows: SqlValue[][];
}

/** Current filter state: date_range → from/to (`YYYY-MM-DD`, inclusive); select → value (absent: all). */
export type FilterValues = Record<string, { from?: string; to?: string; value?: string }>;

export type ChartData =
  | { kind: 'xy'; categories: string[]; series: Array<{ name: string; values: Array<number | null> }> }
  | { kind: 'slices'; slices: Array<{ name: string; value: number }> }
  | { kind: 'single'; value: number | null }
  | { kind: 'table'; columns: string[]; rows: SqlValue[][] };

/** The text a value shows as (and the key it groups under). */
export function cellText(value: SqlValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Rows of `view` that pass every filter whose column the view has. Dates compare on their `YYYY-MM-DD` prefix. */
export function filterRows(view: ViewData, filters: FilterDefinition[], values: FilterValues): SqlValue[][] {
  const tests: Array<(row: SqlValue[]) => boolean> = [];
  for (const filter of filters) {
    const index = view.columns.findIndex((c) => c.name === filter.column);
    const state = values[filter.id];
    if (index < 0 || !state) continue;
    if (filter.type === 'date_range') {
      const from = state.from;
      const to = state.to;
      if (from) tests.push((row) => row[index] !== null && cellText(row[index]).slice(0, 10) >= from);
      if (to) tests.push((row) => row[index] !== null && cellText(row[index]).slice(0, 10) <= to);
    } else if (state.value !== undefined && state.value !== '') {
      const wanted = state.value;
      tests.push((row) => cellText(row[index]) === wanted);
    }
  }
  return view.rows.filter((row) => tests.every((test) => test(row)));
}

/** SQL's aggregate semantics: NULLs are skipped; sum/avg/min/max of no values is NULL; count of none is 0. */
export function aggregateValues(values: SqlValue[], aggregation: VisualDefinition['aggregation']): number | null {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (aggregation === 'count') return present.length;
  if (aggregation === 'count_distinct') return new Set(present.map(cellText)).size;
  const numbers = present.map((v) => Number(v)).filter((n) => !Number.isNaN(n));
  if (numbers.length === 0) return null;
  if (aggregation === 'min') return Math.min(...numbers);
  if (aggregation === 'max') return Math.max(...numbers);
  const sum = numbers.reduce((a, b) => a + b, 0);
  return aggregation === 'avg' ? sum / numbers.length : sum;
}

/** Category order: numeric when every category is a number, otherwise text order (ISO dates sort correctly). */
export function sortCategories(categories: string[]): string[] {
  const numeric = categories.every((c) => c !== '' && !Number.isNaN(Number(c)));
  return [...categories].sort((a, b) => (numeric ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
}

/** What a visual plots: the view's (filtered) rows grouped by x and series, the measure aggregated per group. */
export function chartData(visual: VisualDefinition, view: ViewData, rows: SqlValue[][]): ChartData {
  const col = (name: string | undefined) => (name === undefined ? -1 : view.columns.findIndex((c) => c.name === name));
  const x = col(visual.x);
  const y = col(visual.y);
  const s = col(visual.series);
  if (visual.type === 'table') {
    const names = visual.columns ?? view.columns.map((c) => c.name);
    const indexes = names.map((name) => col(name));
    return { kind: 'table', columns: names, rows: rows.slice(0, visual.limit).map((row) => indexes.map((i) => row[i])) };
  }
  if (visual.type === 'kpi' || visual.type === 'gauge') {
    return { kind: 'single', value: aggregateValues(rows.map((row) => row[y]), visual.aggregation) };
  }
  // NULL is a group of its own, as in SQL's GROUP BY, and needs a visible name.
  const label = (value: SqlValue) => (value === null || value === undefined ? '(none)' : cellText(value));
  const groups = new Map<string, Map<string, SqlValue[]>>();
  for (const row of rows) {
    const seriesName = s >= 0 ? label(row[s]) : (visual.y ?? '');
    const category = label(row[x]);
    const bySeries = groups.get(seriesName) ?? new Map<string, SqlValue[]>();
    groups.set(seriesName, bySeries);
    const values = bySeries.get(category) ?? [];
    values.push(row[y]);
    bySeries.set(category, values);
  }
  const categories = sortCategories([...new Set([...groups.values()].flatMap((bySeries) => [...bySeries.keys()]))]);
  if (visual.type === 'pie' || visual.type === 'donut') {
    const only = groups.get(visual.y ?? '') ?? new Map<string, SqlValue[]>();
    const slices: Array<{ name: string; value: number }> = [];
    for (const name of categories) {
      const value = aggregateValues(only.get(name) ?? [], visual.aggregation);
      if (value !== null) slices.push({ name, value });
    }
    return { kind: 'slices', slices };
  }
  const series = sortCategories([...groups.keys()]).map((name) => {
    const bySeries = groups.get(name)!;
    return { name, values: categories.map((c) => (bySeries.has(c) ? aggregateValues(bySeries.get(c)!, visual.aggregation) : null)) };
  });
  return { kind: 'xy', categories, series };
}

/** Data points a chart shows: non-empty values of every series, slices, one KPI value, or table rows. */
export function pointCount(data: ChartData): number {
  if (data.kind === 'xy') return data.series.reduce((n, s) => n + s.values.filter((v) => v !== null).length, 0);
  if (data.kind === 'slices') return data.slices.length;
  if (data.kind === 'single') return data.value === null ? 0 : 1;
  return data.rows.length;
}

export function formatValue(value: number | null, visual: Pick<VisualDefinition, 'format' | 'currency'>): string {
  if (value === null || value === undefined) return '–';
  if (visual.format === 'currency') return new Intl.NumberFormat('en-US', { style: 'currency', currency: visual.currency }).format(value);
  if (visual.format === 'percent') return new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(value);
  if (visual.format === 'integer') return new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(value);
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(value);
}

/** The ECharts option of a chart visual (not tables or KPI tiles, which are plain HTML). */
export function echartsOption(visual: VisualDefinition, data: ChartData): Record<string, unknown> {
  const format = (value: unknown) => formatValue(typeof value === 'number' ? value : null, visual);
  const base = { animation: false, tooltip: { trigger: data.kind === 'xy' ? 'axis' : 'item', valueFormatter: format } };
  if (data.kind === 'single') {
    return {
      ...base,
      series: [
        {
          type: 'gauge',
          min: 0,
          max: visual.max,
          splitNumber: 5,
          progress: { show: true },
          axisLabel: { fontSize: 10, distance: 16, formatter: format },
          title: { show: false },
          detail: { formatter: format, fontSize: 20, offsetCenter: [0, '70%'] },
          data: data.value === null ? [] : [{ value: data.value, name: visual.title }],
        },
      ],
    };
  }
  if (data.kind === 'slices') {
    return {
      ...base,
      legend: { type: 'scroll', bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: visual.type === 'donut' ? ['45%', '70%'] : '70%',
          label: { formatter: '{d}%' },
          data: data.slices.map((slice) => ({ name: slice.name, value: slice.value })),
        },
      ],
    };
  }
  if (data.kind !== 'xy') return base;
  return {
    ...base,
    legend: { type: 'scroll', top: 0 },
    grid: { left: 60, right: 20, top: 36, bottom: 36 },
    xAxis: { type: 'category', data: data.categories },
    yAxis: { type: 'value', axisLabel: { formatter: format } },
    series: data.series.map((s) => ({
      type: visual.type === 'line' ? 'line' : 'bar',
      name: s.name,
      stack: visual.type === 'stacked_bar' ? 'total' : undefined,
      connectNulls: true,
      data: s.values,
    })),
  };
}
