// Runs in the browser (bundled into the page script) AND in Node: filtering view rows, aggregating them into chart
// data and building ECharts options. Keep it free of Node APIs: esbuild bundles it for the browser.
import type { Column, SqlValue } from '../../engines/engine.js';
import type { FilterDefinition, VisualDefinition } from '../definition.js';
import { DATA_START_COLUMN } from './partial-periods.js';

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

/** Column titles a dashboard declares (`column_titles`), by column name. */
export type ColumnTitles = Record<string, string>;

const ACRONYMS: Record<string, string> = { id: 'ID', ids: 'IDs', aov: 'AOV', kpi: 'KPI', url: 'URL', sku: 'SKU' };

/** What readers see for a column: its declared title, else its name as words (`customer_id` → "Customer ID"). */
export function columnTitle(name: string, titles: ColumnTitles = {}): string {
  if (titles[name]) return titles[name];
  const words = name
    .split('_')
    .filter(Boolean)
    .map((word) => ACRONYMS[word.toLowerCase()] ?? word.toLowerCase());
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The measure's title as aggregated: "Revenue", "Rating (average)", "Customer ID (distinct)". */
export function measureTitle(visual: Pick<VisualDefinition, 'y' | 'aggregation'>, titles: ColumnTitles = {}): string {
  const title = columnTitle(visual.y ?? '', titles);
  const suffix = { sum: '', avg: ' (average)', min: ' (minimum)', max: ' (maximum)', count: ' (count)', count_distinct: ' (distinct)' }[visual.aggregation];
  return `${title}${suffix}`;
}

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
    // The data-start column is coverage metadata, not data: shown only when a table lists it.
    const names = visual.columns ?? view.columns.map((c) => c.name).filter((name) => name !== DATA_START_COLUMN);
    const indexes = names.map((name) => col(name));
    return { kind: 'table', columns: names, rows: rows.map((row) => indexes.map((i) => row[i])) };
  }
  if (visual.type === 'kpi' || visual.type === 'gauge') {
    return {
      kind: 'single',
      value: aggregateValues(
        rows.map((row) => row[y]),
        visual.aggregation,
      ),
    };
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

/** Data points a chart shows: non-empty values of every series, slices, one KPI value, or table rows (before the limit). */
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

/**
 * Axis tick labels: whole currency units and whole percents, large numbers compact ("$12K", "25%", "1.5M"), so ticks
 * stay short; tooltips and tiles keep the exact value (formatValue). `scale` is the axis's largest magnitude: one
 * axis is compact in all its ticks or none ("€5K, €10K", not "€5,000, €10K").
 */
export function formatAxisValue(value: number, visual: Pick<VisualDefinition, 'format' | 'currency'>, scale = Math.abs(value)): string {
  const compact = scale >= 10_000;
  if (visual.format === 'currency') {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: visual.currency,
      notation: compact ? 'compact' : 'standard',
      minimumFractionDigits: 0,
      maximumFractionDigits: compact ? 1 : 0,
    }).format(value);
  }
  if (visual.format === 'percent') return new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 }).format(value);
  return new Intl.NumberFormat('en-US', { notation: compact ? 'compact' : 'standard', maximumFractionDigits: compact ? 1 : 2 }).format(value);
}

/** The largest magnitude a chart's value axis shows: a stacked bar's tallest stack, else the largest value. */
function axisScale(visual: VisualDefinition, data: ChartData): number {
  if (data.kind === 'single') return Math.max(Math.abs(data.value ?? 0), visual.max ?? 0);
  if (data.kind !== 'xy') return 0;
  const magnitudes = data.series.flatMap((s) => s.values.map((v) => Math.abs(v ?? 0)));
  if (visual.type !== 'stacked_bar') return Math.max(0, ...magnitudes);
  const stacks = data.categories.map((_, i) => data.series.reduce((sum, s) => sum + Math.abs(s.values[i] ?? 0), 0));
  return Math.max(0, ...stacks);
}

/** The ECharts option of a chart visual (not tables or KPI tiles, which are plain HTML). */
export function echartsOption(visual: VisualDefinition, data: ChartData, titles: ColumnTitles = {}, partial: string[] = []): Record<string, unknown> {
  const format = (value: unknown) => formatValue(typeof value === 'number' ? value : null, visual);
  const scale = axisScale(visual, data);
  const axisFormat = (value: unknown) => (typeof value === 'number' ? formatAxisValue(value, visual, scale) : String(value));
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
          axisLabel: { fontSize: 10, distance: 16, formatter: axisFormat },
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
  // One series without a `series` column is the measure itself: its legend says what it is, not the column name.
  const seriesName = (name: string) => (visual.series === undefined ? measureTitle(visual, titles) : name);
  // Partial periods are shaded and labelled on the first series (one mark each is enough for the whole chart).
  // Lines put categories on points, so a shade spans the segment between the partial point and its neighbour inside
  // the data (the one before a last period, after a first one); bars fill a band.
  const last = data.categories.length - 1;
  const band = (category: string): [string, string] => {
    const index = data.categories.indexOf(category);
    if (visual.type !== 'line' || last < 1) return [category, category];
    return index === last ? [data.categories[last - 1], category] : [category, data.categories[index + 1]];
  };
  // Bars of a partial period are also drawn faded: a bar covers most of its band's shade.
  const partialIndexes = new Set(partial.map((category) => data.categories.indexOf(category)));
  const partialMark =
    partial.length === 0
      ? undefined
      : {
          silent: true,
          itemStyle: { color: 'rgba(120,130,145,0.14)' },
          label: { show: true, position: 'insideTop', formatter: 'partial', color: '#5b6776', fontSize: 11 },
          data: partial.map((category) => band(category).map((xAxis) => ({ xAxis }))),
        };
  return {
    ...base,
    legend: { type: 'scroll', top: 0 },
    grid: { left: 16, right: 20, top: 56, bottom: 40, containLabel: true },
    // A tick on every category: ECharts places a bar chart's mark area on the ticks, and with ticks thinned like the
    // labels (a narrow chart) the shade of the last category ends at its middle.
    xAxis: {
      type: 'category',
      data: data.categories,
      name: columnTitle(visual.x ?? '', titles),
      nameLocation: 'middle',
      nameGap: 26,
      axisTick: { interval: 0 },
    },
    yAxis: { type: 'value', name: measureTitle(visual, titles), nameLocation: 'end', nameTextStyle: { align: 'left' }, axisLabel: { formatter: axisFormat } },
    series: data.series.map((s, i) => ({
      type: visual.type === 'line' ? 'line' : 'bar',
      name: seriesName(s.name),
      stack: visual.type === 'stacked_bar' ? 'total' : undefined,
      connectNulls: true,
      data:
        visual.type === 'line'
          ? s.values
          : s.values.map((value, j) => (value !== null && partialIndexes.has(j) ? { value, itemStyle: { opacity: 0.5 } } : value)),
      ...(i === 0 && partialMark ? { markArea: partialMark } : {}),
    })),
  };
}

/** A table visual's rows as shown: searched (any cell contains the text, case-insensitive), sorted, then limited. */
export interface TableState {
  search: string;
  sort: { column: string; descending: boolean };
}

export interface TableRows {
  columns: string[];
  /** Every row matching the search, in sort order (what the CSV download holds). */
  matching: SqlValue[][];
  /** The first `limit` of them (what the page shows). */
  shown: SqlValue[][];
}

/** Values compare as numbers when both are numbers (decimals arrive as text), else as text; NULLs sort last. */
export function compareCells(a: SqlValue, b: SqlValue): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
  if (b === null || b === undefined) return -1;
  const x = Number(a);
  const y = Number(b);
  if (typeof a !== 'boolean' && typeof b !== 'boolean' && cellText(a) !== '' && cellText(b) !== '' && !Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  const [s, t] = [cellText(a), cellText(b)];
  return s < t ? -1 : s > t ? 1 : 0;
}

/** The initial order of a table: its `sort`, else its first column ascending. */
export function initialSort(visual: Pick<VisualDefinition, 'sort'>, columns: string[]): TableState['sort'] {
  return visual.sort ? { column: visual.sort.column, descending: visual.sort.descending } : { column: columns[0], descending: false };
}

export function tableRows(data: Extract<ChartData, { kind: 'table' }>, limit: number, state: TableState): TableRows {
  const needle = state.search.trim().toLowerCase();
  const matching = needle === '' ? [...data.rows] : data.rows.filter((row) => row.some((value) => cellText(value).toLowerCase().includes(needle)));
  const index = data.columns.indexOf(state.sort.column);
  if (index >= 0) {
    // NULLs stay last in either direction.
    matching.sort((a, b) => {
      const nulls = Number(a[index] === null || a[index] === undefined) - Number(b[index] === null || b[index] === undefined);
      if (nulls !== 0) return nulls;
      const order = compareCells(a[index], b[index]);
      return state.sort.descending ? -order : order;
    });
  }
  return { columns: data.columns, matching, shown: matching.slice(0, limit) };
}

/** RFC 4180 CSV with a header of column titles; a field with a comma, quote or line break is quoted. */
export function toCsv(header: string[], rows: SqlValue[][]): string {
  const field = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return [header, ...rows.map((row) => row.map(cellText))].map((fields) => fields.map(field).join(',')).join('\r\n') + '\r\n';
}

/** Inclusive date window `YYYY-MM-DD`. */
export interface DateWindow {
  from: string;
  to: string;
}

const dayMs = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

/**
 * The window a KPI shows (the date filter's from/to, open ends at the data's bounds) and the previous window of the
 * same number of days just before it, which its change is measured against.
 */
export function comparisonWindows(
  state: { from?: string; to?: string } | undefined,
  bounds: { min?: string; max?: string } | undefined,
): { current: DateWindow; previous: DateWindow; days: number } | undefined {
  const from = state?.from ?? bounds?.min;
  const to = state?.to ?? bounds?.max;
  if (!from || !to || from > to) return undefined;
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs) + 1;
  return { current: { from, to }, previous: { from: addDays(from, -days), to: addDays(from, -1) }, days };
}

export interface KpiChange {
  previous: number | null;
  /** (current - previous) / |previous|; null when there is no previous value or it is 0. */
  change: number | null;
  window: DateWindow;
  days: number;
}

/**
 * A KPI's value over the previous window of the dashboard's first date filter that applies to its view, with the
 * other filters as they are; undefined when no date filter applies.
 */
export function kpiChange(
  visual: VisualDefinition,
  view: ViewData,
  filters: FilterDefinition[],
  values: FilterValues,
  bounds: Record<string, { min?: string; max?: string }>,
  current: number | null,
): KpiChange | undefined {
  const filter = filters.find((f) => f.type === 'date_range' && view.columns.some((c) => c.name === f.column));
  if (!filter) return undefined;
  const windows = comparisonWindows(values[filter.id], bounds[filter.id]);
  if (!windows) return undefined;
  const rows = filterRows(view, filters, { ...values, [filter.id]: windows.previous });
  const y = view.columns.findIndex((c) => c.name === visual.y);
  const previous =
    rows.length === 0
      ? null
      : aggregateValues(
          rows.map((row) => row[y]),
          visual.aggregation,
        );
  const change = previous === null || current === null || previous === 0 ? null : (current - previous) / Math.abs(previous);
  return { previous, change, window: windows.previous, days: windows.days };
}
