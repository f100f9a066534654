// Runs in the browser only (bundled from browser-entry.ts): wires the filter form (its state kept in the page URL),
// renders every visual with ECharts (tables and KPI tiles as HTML) and, when served live, asks the server to re-query
// the views.
import type { Column } from '../../engines/engine.js';
import type { FilterDefinition, VisualDefinition } from '../definition.js';
import * as lib from './browser-data.js';
import * as periods from './partial-periods.js';
import type { ColumnTitles, FilterValues, TableState, ViewData } from './browser-data.js';

/** What the server embeds in each page (and what the live data endpoint returns, minus `dashboard`). */
export interface PageConfig {
  dashboard: { name: string; title: string; columnTitles: ColumnTitles; filters: FilterDefinition[]; visuals: VisualDefinition[] };
  data: PageData;
}

export interface PageData {
  generatedAt: string;
  /** When the views were queried (ISO, UTC): the period containing it is still incomplete. */
  asOf: string;
  views: Record<string, ViewData>;
  /** Rows of each view before any filter: 0 means the pipeline has not filled it (the empty state says what to run). */
  viewRows: Record<string, number>;
  /** Live only (the views above are filtered in SQL): each KPI view's rows of the previous period, for the change. */
  comparison?: Record<string, ViewData>;
  /** Choices of select filters; date bounds of date_range filters (over the unfiltered views). */
  filterOptions: Record<string, { values?: string[]; min?: string; max?: string }>;
}

interface EChartsInstance {
  setOption(option: unknown, notMerge: boolean): void;
  resize(): void;
}
interface EChartsLike {
  init(el: HTMLElement, theme?: string | null, options?: { renderer: 'svg' | 'canvas' }): EChartsInstance;
  getInstanceByDom(el: HTMLElement): EChartsInstance | undefined;
  dispose(el: HTMLElement): void;
}

const NUMERIC = /^(tinyint|smallint|integer|bigint|real|double|decimal)/;

/** URL query parameters of a filter state: `<id>.from`, `<id>.to`, `<id>` (the live data endpoint's too). */
function filterParams(values: FilterValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const [id, value] of Object.entries(values)) {
    for (const [key, v] of Object.entries(value)) if (v) params.set(key === 'value' ? id : `${id}.${key}`, v);
  }
  return params;
}

export function bootDashboard(config: PageConfig, live: boolean): void {
  const echarts = (window as unknown as { echarts: EChartsLike }).echarts;
  const form = document.getElementById('filters') as HTMLFormElement;
  const status = document.getElementById('status') as HTMLElement;
  const titles = config.dashboard.columnTitles;
  let data = config.data;
  let renders = 0;
  const tables = new Map<string, TableState>();

  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;

  function filterState(): FilterValues {
    const values: FilterValues = {};
    for (const filter of config.dashboard.filters) {
      const value = (suffix: string) => field(filter.id + suffix)?.value || undefined;
      values[filter.id] = filter.type === 'date_range' ? { from: value('.from'), to: value('.to') } : { value: value('') };
    }
    return values;
  }

  /** Sets the form from the page URL (a shared or bookmarked link); unknown parameters are ignored. */
  function applyUrlState(): void {
    for (const [key, value] of new URLSearchParams(location.search)) {
      const input = field(key);
      if (!input) continue;
      // A value the data no longer has stays selected (and shows the empty state) rather than silently becoming All.
      if (input instanceof HTMLSelectElement && ![...input.options].some((o) => o.value === value)) input.append(new Option(value, value));
      input.value = value;
    }
  }

  /** Keeps the filter state in the URL (replace, not push: the back button leaves the dashboard, as readers expect). */
  function saveUrlState(): void {
    const query = filterParams(filterState()).toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  }

  function fillFilterOptions(): void {
    for (const filter of config.dashboard.filters) {
      const options = data.filterOptions[filter.id] ?? {};
      if (filter.type === 'select') {
        const select = field(filter.id) as HTMLSelectElement;
        const current = select.value;
        select.replaceChildren(new Option('All', ''), ...(options.values ?? []).map((v) => new Option(v, v)));
        select.value = (options.values ?? []).includes(current) ? current : '';
      } else {
        for (const end of ['.from', '.to']) {
          const input = field(filter.id + end) as HTMLInputElement;
          if (options.min) input.min = options.min;
          if (options.max) input.max = options.max;
        }
      }
    }
  }

  function emptyState(el: HTMLElement, visual: VisualDefinition): void {
    const box = document.createElement('div');
    box.className = 'empty';
    if ((data.viewRows[visual.view] ?? 0) === 0) {
      box.dataset.empty = 'no-data';
      const command = document.createElement('code');
      command.textContent = `lake run +${visual.view}`;
      box.append(`No data yet: the view ${visual.view} has no rows. Run `, command, ' (it and everything upstream of it), then reload this page.');
    } else {
      box.dataset.empty = 'filtered';
      box.textContent = 'No rows match these filters. Widen the dates or press Reset.';
    }
    el.replaceChildren(box);
  }

  function renderTable(el: HTMLElement, visual: VisualDefinition, chart: Extract<lib.ChartData, { kind: 'table' }>, types: Column[]): number {
    const state = tables.get(visual.id) ?? { search: '', sort: lib.initialSort(visual, chart.columns) };
    tables.set(visual.id, state);
    const { matching, shown } = lib.tableRows(chart, visual.limit, state);
    const isNumeric = (name: string) => NUMERIC.test(types.find((c) => c.name === name)?.type ?? '');
    const headers = chart.columns.map((name) => lib.columnTitle(name, titles));

    const tools = document.createElement('div');
    tools.className = 'table-tools';
    const search = document.createElement('input');
    search.type = 'search';
    search.placeholder = 'Search';
    search.setAttribute('aria-label', `Search ${visual.title}`);
    search.value = state.search;
    search.addEventListener('input', () => {
      state.search = search.value;
      render();
      (document.querySelector(`[data-visual="${visual.id}"] input[type=search]`) as HTMLInputElement | null)?.focus();
    });
    const download = document.createElement('button');
    download.type = 'button';
    download.className = 'csv';
    download.textContent = 'Download CSV';
    download.title = `All ${matching.length} matching rows, in this order`;
    download.addEventListener('click', () => {
      const url = URL.createObjectURL(new Blob([lib.toCsv(headers, matching)], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `${config.dashboard.name}-${visual.id}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    });
    const count = document.createElement('span');
    count.className = 'note';
    count.textContent = matching.length > shown.length ? `first ${shown.length} of ${matching.length} rows` : `${matching.length} rows`;
    tools.append(search, download, count);

    const table = document.createElement('table');
    const head = table.createTHead().insertRow();
    chart.columns.forEach((name, i) => {
      const th = head.appendChild(document.createElement('th'));
      const button = th.appendChild(document.createElement('button'));
      button.type = 'button';
      button.textContent = headers[i];
      th.dataset.column = name;
      th.setAttribute('aria-sort', state.sort.column !== name ? 'none' : state.sort.descending ? 'descending' : 'ascending');
      if (isNumeric(name)) th.className = 'num';
      button.addEventListener('click', () => {
        state.sort = { column: name, descending: state.sort.column === name ? !state.sort.descending : false };
        render();
      });
    });
    const body = table.createTBody();
    for (const row of shown) {
      const tr = body.insertRow();
      row.forEach((value, i) => {
        const numeric = isNumeric(chart.columns[i]);
        const cell = tr.insertCell();
        cell.textContent = numeric && value !== null ? lib.formatValue(Number(value), { ...visual, format: 'number' }) : lib.cellText(value);
        if (numeric) cell.className = 'num';
      });
    }
    const scroller = document.createElement('div');
    scroller.className = 'table-scroll';
    scroller.append(table);
    el.replaceChildren(tools, scroller);
    return shown.length;
  }

  function renderKpi(el: HTMLElement, visual: VisualDefinition, view: ViewData, state: FilterValues, value: number | null): void {
    const tile = document.createElement('div');
    tile.className = 'kpi-value';
    tile.textContent = lib.formatValue(value, visual);
    el.replaceChildren(tile);
    const comparisonView = data.comparison?.[visual.view] ?? view;
    const change = lib.kpiChange(visual, comparisonView, config.dashboard.filters, state, data.filterOptions, value);
    if (!change) return;
    const line = document.createElement('div');
    line.className = 'kpi-change';
    const span = `previous ${change.days === 1 ? 'day' : `${change.days} days`} (${change.window.from === change.window.to ? change.window.from : `${change.window.from} – ${change.window.to}`})`;
    if (change.previous === null) {
      line.dataset.direction = 'none';
      line.textContent = `No data for the ${span}`;
    } else {
      const direction = change.change === null || change.change === 0 ? 'flat' : change.change > 0 ? 'up' : 'down';
      line.dataset.direction = direction;
      const arrow = { up: '▲', down: '▼', flat: '■' }[direction];
      const percent =
        change.change === null
          ? ''
          : `${new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(change.change)} `;
      line.textContent = `${arrow} ${percent}vs ${lib.formatValue(change.previous, visual)} in the ${span}`;
    }
    el.append(line);
  }

  function render(): void {
    const state = filterState();
    for (const visual of config.dashboard.visuals) {
      const card = document.querySelector(`[data-visual="${visual.id}"]`) as HTMLElement;
      const el = card.querySelector('.chart') as HTMLElement;
      const view = data.views[visual.view];
      const rows = lib.filterRows(view, config.dashboard.filters, state);
      const chart = lib.chartData(visual, view, rows);
      card.dataset.rows = String(rows.length);
      delete card.dataset.partial;
      let points = lib.pointCount(chart);
      if (rows.length === 0 && visual.type !== 'kpi') {
        echarts.dispose(el);
        emptyState(el, visual);
      } else if (chart.kind === 'table') points = renderTable(el, visual, chart, view.columns);
      else if (visual.type === 'kpi' && chart.kind === 'single') renderKpi(el, visual, view, state, chart.value);
      else {
        const xType = view.columns.find((c) => c.name === visual.x)?.type ?? '';
        const partial = chart.kind === 'xy' ? periods.partialPeriods(xType, chart.categories, data.asOf, periods.dataStartOf(view)) : [];
        if (partial.length > 0) card.dataset.partial = partial.join(', ');
        if (!echarts.getInstanceByDom(el)) el.replaceChildren();
        (echarts.getInstanceByDom(el) ?? echarts.init(el, null, { renderer: 'svg' })).setOption(lib.echartsOption(visual, chart, titles, partial), true);
      }
      card.dataset.points = String(points);
    }
    status.textContent = `Data as of ${data.generatedAt}${live ? ' (live)' : ''}`;
    document.body.dataset.renders = String(++renders);
  }

  async function requery(): Promise<void> {
    document.body.dataset.loading = 'true';
    try {
      const response = await fetch(`api/dashboards/${encodeURIComponent(config.dashboard.name)}/data?${filterParams(filterState())}`, { cache: 'no-store' });
      if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
      data = (await response.json()) as PageData;
      fillFilterOptions();
      render();
    } catch (error) {
      status.textContent = `Could not refresh: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      delete document.body.dataset.loading;
    }
  }

  fillFilterOptions();
  // A link with filters: static pages filter their embedded rows; the live server already pushed them down.
  applyUrlState();
  render();
  // Live: filters are pushed down to the engine; static: the embedded rows are filtered here.
  form.addEventListener('change', () => {
    saveUrlState();
    if (live) void requery();
    else render();
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  // Not id="reset": a form control's id shadows the form's own reset() method.
  document.getElementById('reset-filters')?.addEventListener('click', () => {
    form.reset();
    saveUrlState();
    if (live) void requery();
    else render();
  });
  const refresh = document.getElementById('refresh') as HTMLButtonElement;
  refresh.hidden = !live;
  refresh.addEventListener('click', () => void requery());
  window.addEventListener('resize', () => {
    for (const el of document.querySelectorAll<HTMLElement>('.chart')) echarts.getInstanceByDom(el)?.resize();
  });
}
