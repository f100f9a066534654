// The site's one stylesheet: a 12-column grid; card widths `w1`…`w12` and heights `h1`…`h4` come from visual layouts.
// Narrow screens (media queries, after the widths so they win) stack the cards in one column.
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
.card[data-type=table] .chart{height:auto;max-height:560px}
.card[data-type=kpi] .chart{height:auto}
.kpi-value{font-size:36px;font-weight:600;padding:16px 0 4px;color:#1f4e8c;overflow-wrap:anywhere}
.kpi-change{font-size:12px;color:#5b6776;padding-bottom:8px}
.kpi-change[data-direction=up]{color:#1d7a46}.kpi-change[data-direction=down]{color:#b3261e}
.empty{display:flex;align-items:center;justify-content:center;text-align:center;height:100%;min-height:80px;padding:12px;color:#5b6776}
.empty code{background:#eef1f5;padding:1px 4px;border-radius:3px}
.table-tools{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin-bottom:6px}
.table-tools input,.table-tools button{font:inherit;padding:3px 8px;border:1px solid #c5cdd8;border-radius:4px;background:#fff;min-width:0}
.table-scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{padding:4px 8px;border-bottom:1px solid #e3e7ed;text-align:left;white-space:nowrap}
th button{font:inherit;font-weight:600;border:0;background:none;padding:0;cursor:pointer;color:inherit}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
th.num,td.num{text-align:right;font-variant-numeric:tabular-nums}
.dashboards{padding:0 24px;font-size:16px}.dashboards li{margin:8px 0}
${widths}${heights}
@media (max-width:800px){.grid{grid-template-columns:minmax(0,1fr)}.card{grid-column:1 / -1}}
@media (max-width:480px){header,.filters,.status{padding-left:12px;padding-right:12px}.grid{padding:8px 12px 16px;gap:12px}
.filters label{flex:1 1 100%;justify-content:space-between}.filters input,.filters select{flex:1;min-width:0}}
`;
