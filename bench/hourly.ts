// The scheduled case: one new hour of events into a lake that already holds `weeks` weeks of curated and KPI data,
// product (`lake run` for that hour: curated, KPI, alert) against the same three steps by hand for that hour (one
// DuckDB statement each, appending to the baseline's own week of files). A ratio that grows with the weeks held means
// the product's cost follows history, not the hour's data.
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
  /** Each round's CPU time in the order run (product and baseline alternate which goes first), to see warm-up. */
  runs_cpu_ms: { product: number[]; baseline: number[] };
  /** The system part of each round's CPU time. */
  runs_sys_ms: { product: number[]; baseline: number[] };
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
 * Lands `weeks` weeks of events (eventsPerHour each hour) and backfills them on both paths (not timed), then times
 * `rounds` hourly runs on each path, alternating which goes first, each round landing and running the next hour;
 * medians. Both must end with the same curated and KPI tables.
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
  await ingestNodeDirect(history, { events: eventsPerHour * weeks * 168, seed: options.seed, startMs, endMs });
  linkLanding(lake, history);
  const week: PipelineInput = { landingDir: landingOf(lake), startMs, endMs };
  agree(`hourly ${weeks}w backfill`, await runProduct(projectRoot, lake, week), await runBaseline(baselineDir, week));
  const product: PipelineRun[] = [];
  const baseline: PipelineRun[] = [];
  // Each round is the next hour, on both paths: as a scheduled run meets its hour, new to the lake and to the
  // baseline's folder (the baseline appends). Until 2026-12-08 every round reran the one new hour: the product
  // replaced the partitions its round 0 had written (a rerun's deletes, a catalog already holding the hour), while the
  // baseline appended to a fresh copy of its history each round, so the two sides did not do the same work. The hour's
  // landing files are linked in just before its round (untimed), as the Firehose delivers them. Both lakes then end
  // holding the same hours, compared by checksums.
  // The rounds' hours are generated before any round (generating them between rounds left garbage that the next timed
  // run collected: the product's CPU grew round by round at 1 week, 282 → 392 ms).
  const extras: string[] = [];
  for (let r = 0; r < options.rounds; r++) {
    extras.push(join(work, `hourly-${weeks}w-extra-${r}`));
    const hourStart = endMs + r * HOUR_MS;
    await ingestNodeDirect(extras[r], { events: eventsPerHour, seed: options.seed + 1 + r, startMs: hourStart, endMs: hourStart + HOUR_MS });
  }
  for (let r = 0; r < options.rounds; r++) {
    const hourStart = endMs + r * HOUR_MS;
    linkLanding(lake, extras[r]);
    const hour: PipelineInput = { landingDir: landingOf(lake), startMs: hourStart, endMs: hourStart + HOUR_MS };
    const runBaselineHour = async () => void baseline.push(await runBaseline(baselineDir, hour, true));
    const runProductHour = async () => void product.push(await runProduct(projectRoot, lake, hour));
    if (r % 2 === 0) {
      await runBaselineHour();
      await runProductHour();
    } else {
      await runProductHour();
      await runBaselineHour();
    }
    agree(`hourly ${weeks}w, hour ${r}`, product[r], baseline[r]);
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
    runs_cpu_ms: { product: product.map((run) => round(run.cpuMs)), baseline: baseline.map((run) => round(run.cpuMs)) },
    runs_sys_ms: { product: product.map((run) => round(run.sysMs)), baseline: baseline.map((run) => round(run.sysMs)) },
  };
}
