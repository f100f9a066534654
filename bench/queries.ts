// Local query speed (issue 9, part 3): the example customer-support dashboard's queries (view schemas, one query
// per view, filter choices), as `lake dashboard build`/`serve` run them, over the lake a product pipeline run built.
import { performance } from 'node:perf_hooks';
import { loadDashboards } from '../src/dashboards/load.js';
import { queryDashboardData } from '../src/dashboards/query.js';
import { AthenaLocalEngine } from '../src/engines/local/engine.js';
import type { Engine } from '../src/engines/engine.js';
import { median, percentile } from './measure.js';
import { BENCH_DATABASE } from './project.js';

export interface QueryTimings {
  queries: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** One whole dashboard page (all its queries), median (ms). */
  pageMs: number;
  /** The slowest query text (whitespace folded) and its p50. */
  slowest: { sql: string; p50Ms: number };
}

/** Runs every dashboard of the project `iterations` times after one warm-up page load; latency per query. */
export async function timeDashboardQueries(projectRoot: string, lakeRoot: string, iterations: number): Promise<QueryTimings> {
  const dashboards = loadDashboards(projectRoot, { database: BENCH_DATABASE });
  const engine = await AthenaLocalEngine.open({ lakeRoot, database: BENCH_DATABASE });
  const samples = new Map<string, number[]>();
  let recording = false;
  const timing: Engine = {
    name: engine.name,
    capabilities: engine.capabilities,
    close: () => engine.close(),
    async execute(sql, options) {
      const t = performance.now();
      const result = await engine.execute(sql, options);
      if (recording) {
        const list = samples.get(sql) ?? [];
        list.push(performance.now() - t);
        samples.set(sql, list);
      }
      return result;
    },
  };
  const pages: number[] = [];
  try {
    for (const dashboard of dashboards) await queryDashboardData(timing, dashboard); // warm-up
    recording = true;
    for (let i = 0; i < iterations; i++) {
      for (const dashboard of dashboards) {
        const t = performance.now();
        await queryDashboardData(timing, dashboard);
        pages.push(performance.now() - t);
      }
    }
  } finally {
    await engine.close();
  }
  const all = [...samples.values()].flat();
  const [slowSql, slowTimes] = [...samples.entries()].sort((a, b) => median(b[1]) - median(a[1]))[0];
  return {
    queries: samples.size,
    p50Ms: percentile(all, 50),
    p95Ms: percentile(all, 95),
    maxMs: Math.max(...all),
    pageMs: median(pages),
    slowest: { sql: slowSql.replace(/\s+/g, ' ').slice(0, 160), p50Ms: median(slowTimes) },
  };
}
