// The printed table: one line per measurement, product next to its baseline and the ratio.
import type { BenchResult } from './run.js';

const n = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 1 });
const ms = (value: number) => `${n(value)} ms`;

export function formatReport(r: BenchResult): string {
  const rows: string[][] = [['measure', 'product', 'baseline', 'ratio', 'target']];
  const p = r.pipeline;
  rows.push([
    'pipeline end to end',
    `${ms(p.product_ms)} (${n(p.rows_per_s)} rows/s)`,
    `${ms(p.baseline_ms)} (${n(p.baseline_rows_per_s)} rows/s)`,
    n(p.ratio),
    '≤ 1.15',
  ]);
  for (const [step, s] of Object.entries(p.steps)) {
    rows.push([
      `  ${step}`,
      `${ms(s.product_ms)} (${n(s.product_rows_per_s)} rows/s)`,
      `${ms(s.baseline_ms)} (${n(s.baseline_rows_per_s)} rows/s)`,
      n(s.ratio),
      '',
    ]);
  }
  rows.push(['  product overhead (load, open, DDL, run log)', ms(p.product_overhead_ms), '', '', '']);
  rows.push(['  CPU time', ms(p.product_cpu_ms), ms(p.baseline_cpu_ms), n(p.cpu_ratio), '≤ 1.5']);
  rows.push(['  peak RSS', `${n(p.peak_rss_mb)} MB`, `${n(p.baseline_peak_rss_mb)} MB`, n(p.peak_rss_ratio), '≤ 1.3']);
  rows.push(['  checksums (curated / KPI, both paths agree)', `${p.checksums.curated.sum} / ${p.checksums.kpi.sum}`, '', '', '']);
  for (const h of r.hourly.by_weeks) {
    rows.push([`hourly: 1 new hour, lake holding ${h.weeks} week(s)`, ms(h.product_ms), ms(h.baseline_ms), n(h.ratio), '≤ 3']);
    rows.push(['  CPU time', ms(h.product_cpu_ms), ms(h.baseline_cpu_ms), n(h.cpu_ratio), '']);
  }
  if (r.scale) {
    for (const point of r.scale.points) {
      rows.push([`  pipeline at ${n(point.events)} events`, ms(point.product_ms), ms(point.baseline_ms), `${n(point.ratio)} (CPU ${n(point.cpu_ratio)})`, '']);
    }
    const [first, last] = [r.scale.points[0], r.scale.points.at(-1)!];
    rows.push([
      `  growth ${n(first.events)} → ${n(last.events)} events (cost ∝ events^k)`,
      `×${n(last.product_ms / first.product_ms)}, k = ${r.scale.product_exponent} (CPU ${r.scale.product_cpu_exponent})`,
      `×${n(last.baseline_ms / first.baseline_ms)}, k = ${r.scale.baseline_exponent} (CPU ${r.scale.baseline_cpu_exponent})`,
      '',
      '',
    ]);
  }
  if (r.peers) {
    // A peer's time is its own work in its Python process after imports; "ours" is the product's ratio to its baseline.
    const names = { dbt: 'dbt-duckdb', sqlmesh: 'SQLMesh' } as const;
    const ourHour = r.hourly.by_weeks[0];
    for (const peer of r.peers.peers) {
      rows.push([
        `peer ${names[peer.peer]}: backfill`,
        `${ms(peer.backfill.ms)} (process ${ms(peer.backfill.process_ms)})`,
        ms(r.peers.baseline_backfill_ms),
        n(peer.backfill.ratio),
        `ours ${n(p.ratio)}`,
      ]);
      rows.push([
        `  one new hour (1 week held)`,
        `${ms(peer.hourly.ms)} (process ${ms(peer.hourly.process_ms)})`,
        ms(r.peers.baseline_hourly_ms),
        n(peer.hourly.ratio),
        `ours ${n(ourHour.ratio)}`,
      ]);
      rows.push(['  checksums (curated / KPI, agree with the baseline)', `${peer.checksums.curated.sum} / ${peer.checksums.kpi.sum}`, '', '', '']);
    }
  }
  const i = r.ingest;
  rows.push([
    'ingest (generator→producer→Firehose)',
    `${ms(i.product.ms)} (${n(i.product.rows_per_s)} rows/s)`,
    `${ms(Math.min(i.node_direct.ms, i.duckdb_appender.ms))} (${i.baseline})`,
    n(i.ratio),
    '',
  ]);
  rows.push([
    '  node direct / DuckDB Appender / generator only',
    '',
    `${ms(i.node_direct.ms)} / ${ms(i.duckdb_appender.ms)} / ${ms(i.generator_only.ms)}`,
    '',
    '',
  ]);
  const m = r.models;
  rows.push([`${n(m.count)} models: load + parse + DAG`, ms(m.load_ms), '', '', '']);
  rows.push(['  lint (no cache / cached)', `${ms(m.lint_ms)} / ${ms(m.lint_cached_ms)}`, '', '', '']);
  rows.push(['  load + lint', ms(m.total_ms), '', '', '< 2,000 ms']);
  rows.push([
    '  `lake lint --no-cache` / `lake graph` (CLI)',
    `${ms(m.cli_lint_ms)} (CPU ${ms(m.cli_lint_cpu_ms)}) / ${ms(m.cli_graph_ms)}`,
    '',
    '',
    '< 2,000 ms',
  ]);
  rows.push(['  `lake lint --no-cache --no-bind` (syntax and rules only)', `${ms(m.cli_lint_no_bind_ms)} (CPU ${ms(m.cli_lint_no_bind_cpu_ms)})`, '', '', '']);
  const e = r.example;
  rows.push(['`npm start` (lake run --demo)', `${ms(e.npm_start_ms)} (CPU ${ms(e.npm_start_cpu_ms)})`, '', '', '< 6,000 ms']);
  rows.push(['`lake test` on the example', `${ms(e.lake_test_ms)} (CPU ${ms(e.lake_test_cpu_ms)})`, '', '', '< 1,500 ms']);
  rows.push(['cold start `lake sql -e "SELECT 1"`', `${ms(r.cold_start_ms)} (CPU ${ms(r.cold_start_cpu_ms)})`, '', '', '< 500 ms']);
  const q = r.queries;
  rows.push([`dashboard queries (${q.count} × ${q.iterations})`, `p50 ${ms(q.p50_ms)}, p95 ${ms(q.p95_ms)}`, '', '', '']);
  rows.push(['  dashboard page (all queries)', ms(q.page_ms), '', '', '']);
  const l = r.lookups;
  rows.push([`lookup API \`lake api\` (${n(l.count)} GETs, ${n(l.items)} items)`, `p50 ${ms(l.p50_ms)}, p95 ${ms(l.p95_ms)}`, '', '', 'p95 < 5 ms']);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row: string[]) =>
    row
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd();
  const header = `${r.config.events.toLocaleString('en-US')} events over ${r.config.hours} h, ${r.config.rounds} rounds (medians); ${r.machine.cpus} cores, ${r.machine.cpu_model}, Node ${r.machine.node}`;
  return [
    header,
    '',
    line(rows[0]),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map(line),
    '',
    `process peak RSS ${n(r.process_max_rss_mb)} MB`,
  ].join('\n');
}
