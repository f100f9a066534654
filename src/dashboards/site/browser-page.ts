// Runs in the browser only (bundled from browser-entry.ts): wires the filter form, renders every visual with ECharts
// (tables and KPI tiles as HTML) and, when served live, asks the server to re-query the views.
import type { Column, SqlValue } from '../../engines/engine.js';
import type { FilterDefinition, VisualDefinition } from '../definition.js';
import * as lib from './browser-data.js';
import type { FilterValues, ViewData } from './browser-data.js';

/** What the server embeds in each page (and what the live data endpoint returns, minus `dashboard`). */
export interface PageConfig {
  dashboard: { name: string; title: string; filters: FilterDefinition[]; visuals: VisualDefinition[] };
  data: PageData;
}

export interface PageData {
  generatedAt: string;
  views: Record<string, ViewData>;
  /** Choices of select filters; date bounds of date_range filters (over the unfiltered views). */
  filterOptions: Record<string, { values?: string[]; min?: string; max?: string }>;
}

interface EChartsLike {
  init(el: HTMLElement): { setOption(option: unknown, notMerge: boolean): void; resize(): void };
  getInstanceByDom(el: HTMLElement): { setOption(option: unknown, notMerge: boolean): void; resize(): void } | undefined;
}

export function bootDashboard(config: PageConfig, live: boolean): void {
  const echarts = (window as unknown as { echarts: EChartsLike }).echarts;
  const form = document.getElementById('filters') as HTMLFormElement;
  const status = document.getElementById('status') as HTMLElement;
  let data = config.data;
  let renders = 0;

  function filterState(): FilterValues {
    const values: FilterValues = {};
    for (const filter of config.dashboard.filters) {
      const field = (suffix: string) => (form.elements.namedItem(filter.id + suffix) as HTMLInputElement | null)?.value || undefined;
      values[filter.id] = filter.type === 'date_range' ? { from: field('.from'), to: field('.to') } : { value: field('') };
    }
    return values;
  }

  function fillFilterOptions(): void {
    for (const filter of config.dashboard.filters) {
      const options = data.filterOptions[filter.id] ?? {};
      if (filter.type === 'select') {
        const select = form.elements.namedItem(filter.id) as HTMLSelectElement;
        const current = select.value;
        select.replaceChildren(new Option('All', ''), ...(options.values ?? []).map((v) => new Option(v, v)));
        select.value = (options.values ?? []).includes(current) ? current : '';
      } else {
        for (const end of ['.from', '.to']) {
          const input = form.elements.namedItem(filter.id + end) as HTMLInputElement;
          if (options.min) input.min = options.min;
          if (options.max) input.max = options.max;
        }
      }
    }
  }

  function renderTable(el: HTMLElement, visual: VisualDefinition, columns: string[], rows: SqlValue[][], types: Column[]): void {
    const table = document.createElement('table');
    const isNumeric = (name: string) => /^(tinyint|smallint|integer|bigint|real|double|decimal)/.test(types.find((c) => c.name === name)?.type ?? '');
    const head = table.createTHead().insertRow();
    for (const name of columns) {
      const th = head.appendChild(document.createElement('th'));
      th.textContent = name;
      if (isNumeric(name)) th.className = 'num';
    }
    const body = table.createTBody();
    for (const row of rows) {
      const tr = body.insertRow();
      row.forEach((value, i) => {
        const numeric = isNumeric(columns[i]);
        const cell = tr.insertCell();
        cell.textContent = numeric && value !== null ? lib.formatValue(Number(value), { ...visual, format: 'number' }) : lib.cellText(value);
        if (numeric) cell.className = 'num';
      });
    }
    el.replaceChildren(table);
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
      card.dataset.points = String(lib.pointCount(chart));
      if (chart.kind === 'table') renderTable(el, visual, chart.columns, chart.rows, view.columns);
      else if (visual.type === 'kpi' && chart.kind === 'single') {
        const value = document.createElement('div');
        value.className = 'kpi-value';
        value.textContent = lib.formatValue(chart.value, visual);
        el.replaceChildren(value);
      } else (echarts.getInstanceByDom(el) ?? echarts.init(el)).setOption(lib.echartsOption(visual, chart), true);
    }
    status.textContent = `Data as of ${data.generatedAt}${live ? ' (live)' : ''}`;
    document.body.dataset.renders = String(++renders);
  }

  async function requery(): Promise<void> {
    const params = new URLSearchParams();
    for (const [id, value] of Object.entries(filterState())) {
      for (const [key, v] of Object.entries(value)) if (v) params.set(key === 'value' ? id : `${id}.${key}`, v);
    }
    document.body.dataset.loading = 'true';
    try {
      const response = await fetch(`api/dashboards/${encodeURIComponent(config.dashboard.name)}/data?${params}`, { cache: 'no-store' });
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
  render();
  // Live: filters are pushed down to the engine; static: the embedded rows are filtered here.
  form.addEventListener('change', () => (live ? void requery() : render()));
  form.addEventListener('submit', (event) => event.preventDefault());
  document.getElementById('reset')?.addEventListener('click', () => {
    form.reset();
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
