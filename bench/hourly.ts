// The scheduled case: one new hour of events into a lake that already holds `weeks` weeks of curated and KPI data,
// product (`lake run` for that hour: curated, KPI, alert) against the same three steps by hand for that hour (one
// DuckDB statement each, appending to the baseline's own week of files). A ratio that grows with the weeks held means
// the product's cost follows history, not the hour's data.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { ingestNodeDirect } from './ingest.js';
import { linkLanding, runBaseline, runProduct, type PipelineInput, type PipelineRun } from './pipeline.js';
import { assertSameChecksums, pipelineChecksums } from './checksums.js';
import { median, round } from './measure.js';
import { BENCH_BUCKET, CURATED_PREFIX, LANDING_PREFIX } from './project.js';

const HOUR_MS = 3_600_000;

export interface HourlyMeasure {
  weeks: number;
  events_per_hour: number;
  product_ms: number;
  baseline_ms: number;
  ratio: number;
  product_cpu_ms: number;
  baseline_cpu_ms: number;
  cpu_ratio: number;
}

const landingOf = (lake: string) => join(lake, BENCH_BUCKET, ...LANDING_PREFIX.split('/').filter(Boolean));
export const productCuratedDir = (lake: string) => join(lake, BENCH_BUCKET, ...CURATED_PREFIX.split('/').filter(Boolean));
export const productKpiDir = (lake: string) => join(lake, BENCH_BUCKET, 'curated', 'lakehouse', 'p1_interaction_kpis_hourly');

function agree(what: string, product: PipelineRun, baseline: PipelineRun): void {
  if (product.curatedRows !== baseline.curatedRows || product.kpiRows !== baseline.kpiRows || product.alertCount !== baseline.alertCount) {
    throw new Error(
      `${what}: product and baseline disagree: curated ${product.curatedRows}/${baseline.curatedRows}, kpi ${product.kpiRows}/${baseline.kpiRows}, alert ${product.alertCount}/${baseline.alertCount}`,
    );
  }
}

/**
 * Lands `weeks` weeks of events (eventsPerHour each hour) and backfills them on both paths (not timed), then lands
 * one more hour and times `rounds` hourly runs of it on each path, alternating; medians. Both must end with the same
 * curated and KPI tables.
 */
export async function timeHourly(
  work: string,
  projectRoot: string,
  options: { weeks: number; eventsPerHour: number; seed: number; startMs: number; rounds: number },
): Promise<HourlyMeasure> {
  const { weeks, eventsPerHour, startMs } = options;
  const endMs = startMs + weeks * 168 * HOUR_MS;
  const lake = join(work, `hourly-${weeks}w-product`);
  const baselineDir = join(work, `hourly-${weeks}w-baseline`);
  const history = join(work, `hourly-${weeks}w-landing`);
  const extra = join(work, `hourly-${weeks}w-extra`);
  await ingestNodeDirect(history, { events: eventsPerHour * weeks * 168, seed: options.seed, startMs, endMs });
  await ingestNodeDirect(extra, { events: eventsPerHour, seed: options.seed + 1, startMs: endMs, endMs: endMs + HOUR_MS });
  linkLanding(lake, history);
  const week: PipelineInput = { landingDir: landingOf(lake), startMs, endMs };
  agree(`hourly ${weeks}w backfill`, await runProduct(projectRoot, lake, week), await runBaseline(baselineDir, week));
  linkLanding(lake, extra);
  const hour: PipelineInput = { landingDir: landingOf(lake), startMs: endMs, endMs: endMs + HOUR_MS };
  const product: PipelineRun[] = [];
  const baseline: PipelineRun[] = [];
  // The product replaces the hour's partitions on a rerun; the baseline appends, so each later round appends to a copy
  // of the history as it was before the first (not to an empty folder: its KPI step reads what the folder holds, as
  // the product's reads its table, so an empty one made the baseline look cheaper). Only the first round's output is
  // compared.
  const baselineHistory = join(work, `hourly-${weeks}w-baseline-history`);
  cpSync(baselineDir, baselineHistory, { recursive: true });
  for (let r = 0; r < options.rounds; r++) {
    const runBaselineHour = async () => {
      const dir = r === 0 ? baselineDir : join(work, `hourly-${weeks}w-baseline-${r}`);
      if (r > 0) cpSync(baselineHistory, dir, { recursive: true });
      const run = await runBaseline(dir, hour, true);
      baseline.push(run);
    };
    const runProductHour = async () => void product.push(await runProduct(projectRoot, lake, hour));
    if (r % 2 === 0) {
      await runBaselineHour();
      await runProductHour();
    } else {
      await runProductHour();
      await runBaselineHour();
    }
    agree(`hourly ${weeks}w`, product[r], baseline[r]);
  }
  assertSameChecksums(
    `hourly ${weeks}w`,
    await pipelineChecksums(productCuratedDir(lake), productKpiDir(lake)),
    await pipelineChecksums(join(baselineDir, 'processed'), join(baselineDir, 'kpi')),
  );
  const med = (runs: PipelineRun[], key: 'totalMs' | 'cpuMs') => median(runs.map((x) => x[key]));
  const p = med(product, 'totalMs');
  const b = med(baseline, 'totalMs');
  const pc = med(product, 'cpuMs');
  const bc = med(baseline, 'cpuMs');
  return {
    weeks,
    events_per_hour: eventsPerHour,
    product_ms: round(p),
    baseline_ms: round(b),
    ratio: round(p / b, 2),
    product_cpu_ms: round(pc),
    baseline_cpu_ms: round(bc),
    cpu_ratio: round(pc / bc, 2),
  };
}
