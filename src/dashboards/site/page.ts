// The HTML of the local site: index.html listing every dashboard, one page per dashboard, and the shared script and
// stylesheet. Pages use relative URLs only, so the folder works opened from disk and served.
import { widthOf, type Dashboard } from '../definition.js';
import { columnTitle } from './browser-data.js';
import type { PageConfig } from './browser-page.js';

export const ASSETS = { echarts: 'assets/echarts.min.js', script: 'assets/dashboard.js', style: 'assets/dashboard.css', live: 'live.js' } as const;

export const pageFile = (name: string): string => `${name}.html`;

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** JSON safe inside a <script> element: no `</script>`, no `<!--`. */
export const scriptJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? (Number.isSafeInteger(Number(v)) ? Number(v) : v.toString()) : v))
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** `live.js` of the static site; `lake dashboard serve` answers this path with `true`. */
export const liveScript = (live: boolean): string => `window.LAKE_LIVE = ${live};\n`;

const head = (title: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ASSETS.style}">
</head>`;

function filterForm(dashboard: Dashboard): string {
  const fields = dashboard.filters.map((filter) => {
    const label = escapeHtml(filter.label ?? columnTitle(filter.column, dashboard.column_titles));
    if (filter.type === 'date_range') {
      return `<label>${label} from <input type="date" name="${filter.id}.from"></label><label>to <input type="date" name="${filter.id}.to"></label>`;
    }
    return `<label>${label} <select name="${filter.id}"><option value="">All</option></select></label>`;
  });
  return `<form id="filters" class="filters">${fields.join('')}<button type="button" id="reset-filters">Reset</button><button type="button" id="refresh" hidden>Refresh</button></form>`;
}

export function dashboardPage(dashboard: Dashboard, data: PageConfig['data']): string {
  const config: PageConfig = {
    dashboard: { name: dashboard.name, title: dashboard.title, columnTitles: dashboard.column_titles, filters: dashboard.filters, visuals: dashboard.visuals },
    data,
  };
  const cards = dashboard.visuals.map(
    (v) => `<section class="card w${widthOf(v)} h${v.layout.height}" data-visual="${v.id}" data-type="${v.type}" data-view="${v.view}">
<h2>${escapeHtml(v.title)}</h2>${v.description ? `<p class="note">${escapeHtml(v.description)}</p>` : ''}<div class="chart"></div>
</section>`,
  );
  return `${head(dashboard.title)}
<body data-dashboard="${dashboard.name}">
<header><a href="index.html">All dashboards</a><h1>${escapeHtml(dashboard.title)}</h1>${dashboard.description ? `<p>${escapeHtml(dashboard.description)}</p>` : ''}</header>
${filterForm(dashboard)}
<p id="status" class="status"></p>
<main class="grid">
${cards.join('\n')}
</main>
<script type="application/json" id="dashboard-config">${scriptJson(config)}</script>
<script src="${ASSETS.live}"></script>
<script src="${ASSETS.echarts}"></script>
<script src="${ASSETS.script}"></script>
</body>
</html>
`;
}

export function indexPage(dashboards: Dashboard[], generatedAt: string): string {
  const items = dashboards.map(
    (d) => `<li><a href="${pageFile(d.name)}">${escapeHtml(d.title)}</a>${d.description ? ` <span class="note">${escapeHtml(d.description)}</span>` : ''}</li>`,
  );
  return `${head('Dashboards')}
<body>
<header><h1>Dashboards</h1><p class="status">Built ${escapeHtml(generatedAt)}</p></header>
<main><ul class="dashboards">
${items.join('\n')}
</ul></main>
</body>
</html>
`;
}
