// The site's one stylesheet: a 12-column grid; card widths `w1`…`w12` and heights `h1`…`h4` come from visual layouts.
const widths = Array.from({ length: 12 }, (_, i) => `.w${i + 1}{grid-column:span ${i + 1}}`).join('');
const heights = Array.from({ length: 4 }, (_, i) => `.h${i + 1} .chart{height:${i * 300 + 260}px}`).join('');

export const DASHBOARD_CSS = `*{box-sizing:border-box}
body{margin:0;font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2733;background:#f3f5f8}
header{padding:16px 24px 4px}header a{font-size:13px;color:#3b6ea8}h1{margin:4px 0;font-size:22px}
.filters{display:flex;flex-wrap:wrap;gap:12px;align-items:center;padding:8px 24px}
.filters label{display:flex;gap:6px;align-items:center}
.filters input,.filters select,.filters button{font:inherit;padding:4px 8px;border:1px solid #c5cdd8;border-radius:4px;background:#fff}
.status{padding:0 24px;margin:4px 0;color:#5b6776;font-size:12px}
.grid{display:grid;grid-template-columns:repeat(12,1fr);gap:16px;padding:8px 24px 24px}
.card{align-self:start;background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12);padding:12px 16px;min-width:0}
.card h2{font-size:15px;margin:0 0 8px}.note{color:#5b6776;font-size:12px;margin:0 0 6px}
.chart{height:260px;overflow:auto}
.card[data-type=kpi] .chart{height:auto}
.kpi-value{font-size:36px;font-weight:600;padding:16px 0;color:#1f4e8c}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{padding:4px 8px;border-bottom:1px solid #e3e7ed;text-align:left}
th.num,td.num{text-align:right;font-variant-numeric:tabular-nums}
.dashboards{padding:0 24px;font-size:16px}.dashboards li{margin:8px 0}
@media (max-width:800px){.grid{grid-template-columns:1fr}.card{grid-column:1 / -1}}
${widths}${heights}
`;
