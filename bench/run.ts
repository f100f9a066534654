// The whole benchmark: ingest, pipeline, dashboard queries, project scale, cold start. Baselines run in this process
// on the same data, interleaved with the product (the order alternates per round), and every ratio is product time
// over baseline time. Returns the results; index.ts prints and writes them.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { generateOnly, ingestDuckDbAppender, ingestNodeDirect, ingestProduct, type EventWindow, type IngestOutcome } from './ingest.js';
import { measure, median, processMaxRssMb, round, type Measured } from './measure.js';
import { timeCli, timeModels, writeModelsProject } from './models.js';
import { linkLanding, PIPELINE_STEPS, runBaseline, runProduct, type PipelineInput, type PipelineRun, type PipelineStep } from './pipeline.js';
import { BENCH_BUCKET, LANDING_PREFIX, REPO_ROOT, writeBenchProject } from './project.js';
import { timeDashboardQueries } from './queries.js';
import { timeLookups } from './lookup.js';
import { assertSameChecksums, pipelineChecksums, type PipelineChecksums } from './checksums.js';
import { productCuratedDir, productKpiDir, timeHourly, type HourlyMeasure } from './hourly.js';
import { timePeers, type PeersResult } from './peers.js';
import { growth, timeScalePoint, type ScalePoint } from './scale.js';

export interface BenchOptions {
  events: number;
  models: number;
  /** Rounds of the big measurements (ingest, pipeline), product and baselines interleaved; medians are reported. */
  rounds: number;
  /** Repetitions of the small ones (project load and lint, CLI runs); medians are reported. */
  smallRounds: number;
  /** Hours of event time the events are spread over (one landing and one curated partition per hour). */
  hours: number;
  queryIterations: number;
  coldStartRuns: number;
  seed: number;
  /** Folder for generated data; default a fresh temp folder, removed at the end unless `keep`. */
  workDir?: string;
  keep?: boolean;
  /** Requests to the local lookup API (`lake api`); default 10,000. */
  lookups?: number;
  /** History held by the lake in the hourly measure, in weeks (default 1 and 4). */
  hourlyWeeks?: number[];
  /** Events per hour in the hourly measure (default: events / hours, the pipeline measure's density). */
  hourlyEventsPerHour?: number;
  /** Rounds of the hourly measure at each size (default max(3, smallRounds)). */
  hourlyRounds?: number;
  /** Run the peers (dbt-duckdb, SQLMesh) from the virtualenv of scripts/bench-peers.sh, which must be installed. */
  peers?: boolean;
  /** More event counts for the pipeline measure (one round each), to print how its cost grows with events. */
  scale?: number[];
  log?: (line: string) => void;
}

export const DEFAULT_OPTIONS: BenchOptions = {
  events: 1_000_000,
  models: 1_000,
  rounds: 1,
  smallRounds: 3,
  hours: 168,
  queryIterations: 10,
  coldStartRuns: 5,
  seed: 42,
  scale: [3_000_000],
};

/** 2025-03-01T00:00Z: the event window starts here. */
const WINDOW_START = Date.UTC(2025, 2, 1);

const perSecond = (rows: number, ms: number) => Math.round((rows / ms) * 1000);
const mbOf = (values: number[]) => round(Math.max(...values));

interface Series<T> {
  runs: Measured<T>[];
  ms: number;
  peakRssMb: number;
}
const series = <T>(runs: Measured<T>[]): Series<T> => ({ runs, ms: median(runs.map((r) => r.ms)), peakRssMb: mbOf(runs.map((r) => r.peakRssMb)) });

export async function runBench(options: BenchOptions) {
  const log = options.log ?? (() => undefined);
  const work = options.workDir ?? mkdtempSync(join(tmpdir(), 'lake-bench-'));
  mkdirSync(work, { recursive: true });
  const window: EventWindow = { events: options.events, seed: options.seed, startMs: WINDOW_START, endMs: WINDOW_START + options.hours * 3_600_000 };
  try {
    // ---- 4. Ingest (first: its product output is the pipeline's landing data) --------------------------------------
    log(`ingest: ${options.events} events × ${options.rounds} rounds`);
    const generator = series([await measure(async () => generateOnly(window))]);
    const ingestRuns = { product: [] as Measured<IngestOutcome>[], node: [] as Measured<IngestOutcome>[], duckdb: [] as Measured<IngestOutcome>[] };
    let landingLake = '';
    for (let r = 0; r < options.rounds; r++) {
      const order = (['product', 'node', 'duckdb'] as const).map((_, i, all) => all[(i + r) % all.length]);
      for (const path of order) {
        const dir = join(work, `ingest-${path}-${r}`);
        const run =
          path === 'product'
            ? await measure(() => ingestProduct(dir, window))
            : await measure(() => (path === 'node' ? ingestNodeDirect(dir, window) : ingestDuckDbAppender(dir, window)));
        ingestRuns[path].push(run);
        if (path === 'product' && !landingLake) landingLake = dir;
        else rmSync(dir, { recursive: true, force: true });
        log(`  ingest ${path}: ${round(run.ms)} ms`);
      }
    }
    const ingest = { product: series(ingestRuns.product), node: series(ingestRuns.node), duckdb: series(ingestRuns.duckdb) };
    for (const [name, s] of Object.entries(ingest)) {
      if (s.runs.some((r) => r.value.records !== options.events))
        throw new Error(`ingest ${name} wrote ${s.runs.map((r) => r.value.records).join('/')} records, expected ${options.events}`);
    }
    if (ingest.product.runs[0].value.bytes !== ingest.node.runs[0].value.bytes) {
      throw new Error(`ingest paths wrote different data: product ${ingest.product.runs[0].value.bytes} bytes, node ${ingest.node.runs[0].value.bytes} bytes`);
    }
    const fastestIngest = ingest.node.ms <= ingest.duckdb.ms ? 'node_direct' : 'duckdb_appender';
    const fastestIngestMs = Math.min(ingest.node.ms, ingest.duckdb.ms);

    // ---- 1. Pipeline ---------------------------------------------------------------------------------------------
    const projectRoot = join(work, 'project');
    writeBenchProject(projectRoot);
    const input: PipelineInput = {
      landingDir: join(landingLake, BENCH_BUCKET, ...LANDING_PREFIX.split('/').filter(Boolean)),
      startMs: window.startMs,
      endMs: window.endMs,
    };
    // Both paths read the landing files from the OS cache: read them once before timing anything.
    await warmFiles(input.landingDir);
    log(`pipeline: ${options.rounds} rounds, product and baseline alternating`);
    const productRuns: Measured<PipelineRun>[] = [];
    const baselineRuns: Measured<PipelineRun>[] = [];
    let lastProductLake = '';
    let productChecksums: PipelineChecksums | undefined;
    let baselineChecksums: PipelineChecksums | undefined;
    for (let r = 0; r < options.rounds; r++) {
      for (const path of r % 2 === 0 ? (['baseline', 'product'] as const) : (['product', 'baseline'] as const)) {
        const dir = join(work, `pipeline-${path}-${r}`);
        if (path === 'product') {
          linkLanding(dir, input.landingDir);
          const run = await measure(() => runProduct(projectRoot, dir, input));
          productRuns.push(run);
          if (r === 0) productChecksums = await pipelineChecksums(productCuratedDir(dir), productKpiDir(dir));
          if (lastProductLake) rmSync(lastProductLake, { recursive: true, force: true });
          lastProductLake = dir;
        } else {
          const run = await measure(() => runBaseline(dir, input));
          baselineRuns.push(run);
          if (r === 0) baselineChecksums = await pipelineChecksums(join(dir, 'processed'), join(dir, 'kpi'));
          rmSync(dir, { recursive: true, force: true });
        }
        log(`  pipeline ${path}: ${round((path === 'product' ? productRuns : baselineRuns).at(-1)!.ms)} ms`);
      }
    }
    const product = series(productRuns);
    const baseline = series(baselineRuns);
    const p0 = productRuns[0].value;
    const b0 = baselineRuns[0].value;
    if (p0.curatedRows !== b0.curatedRows || p0.kpiRows !== b0.kpiRows || p0.alertCount !== b0.alertCount) {
      throw new Error(
        `product and baseline disagree: curated ${p0.curatedRows}/${b0.curatedRows}, kpi ${p0.kpiRows}/${b0.kpiRows}, alert ${p0.alertCount}/${b0.alertCount}`,
      );
    }
    assertSameChecksums('pipeline', productChecksums!, baselineChecksums!);
    const productCpuMs = median(productRuns.map((run) => run.value.cpuMs));
    const baselineCpuMs = median(baselineRuns.map((run) => run.value.cpuMs));
    const stepRows: Record<PipelineStep, number> = { curated: options.events, kpi: p0.curatedRows, alert: p0.curatedRows };
    const steps = Object.fromEntries(
      PIPELINE_STEPS.map((step) => {
        const p = median(productRuns.map((run) => run.value.stepMs[step]));
        const b = median(baselineRuns.map((run) => run.value.stepMs[step]));
        return [
          step,
          {
            product_ms: round(p),
            baseline_ms: round(b),
            ratio: round(p / b, 2),
            product_rows_per_s: perSecond(stepRows[step], p),
            baseline_rows_per_s: perSecond(stepRows[step], b),
          },
        ];
      }),
    );
    const stepsProductMs = median(productRuns.map((run) => PIPELINE_STEPS.reduce((n, s) => n + run.value.stepMs[s], 0)));

    // ---- 1b. Hourly: one new hour into a lake holding 1 and 4 weeks --------------------------------------------------
    const eventsPerHour = hourlyEventsPerHour(options);
    const hourlyRuns = await timeHourlySizes(work, projectRoot, options);

    // ---- 1c. Peers: the same backfill and hour on dbt-duckdb and SQLMesh ---------------------------------------------
    let peers: PeersResult | undefined;
    if (options.peers) {
      log('peers: dbt-duckdb and SQLMesh, backfill and one new hour');
      peers = await timePeers(work, input, { baselineBackfillMs: baseline.ms, baselineChecksums: baselineChecksums!, eventsPerHour, seed: options.seed, log });
    }

    // ---- 1d. Scale: the pipeline at other event counts ------------------------------------------------------------
    const scalePoints: ScalePoint[] = [
      {
        events: options.events,
        product_ms: round(product.ms),
        baseline_ms: round(baseline.ms),
        ratio: round(product.ms / baseline.ms, 2),
        product_cpu_ms: round(productCpuMs),
        baseline_cpu_ms: round(baselineCpuMs),
        cpu_ratio: round(productCpuMs / baselineCpuMs, 2),
      },
    ];
    for (const events of new Set((options.scale ?? []).filter((n) => n !== options.events))) {
      log(`scale: pipeline at ${events} events`);
      scalePoints.push(await timeScalePoint(work, projectRoot, events, { startMs: window.startMs, endMs: window.endMs, seed: options.seed }));
      log(`  scale ${events}: product ${scalePoints.at(-1)!.product_ms} ms, baseline ${scalePoints.at(-1)!.baseline_ms} ms`);
    }
    const scale = growth(scalePoints);

    // ---- 3. Dashboard queries over the last product run's lake ------------------------------------------------------
    log('queries: customer-support dashboard');
    await runProduct(projectRoot, lastProductLake, input, 'kind:dashboard');
    const queries = await timeDashboardQueries(projectRoot, lastProductLake, options.queryIterations);

    // ---- 2. Project scale and cold start -------------------------------------------------------------------------
    log(`models: ${options.models}`);
    const modelsRoot = join(work, 'models');
    const generated = writeModelsProject(modelsRoot, options.models);
    const models = await timeModels(modelsRoot, options.smallRounds);
    if (models.lintDiagnostics > 0) throw new Error(`the generated project has ${models.lintDiagnostics} lint errors`);
    const cliRuns = options.smallRounds;
    const cliLint = timeCli(['lint', '--no-cache'], modelsRoot, cliRuns);
    const cliGraph = timeCli(['graph', '--format', 'json'], modelsRoot, cliRuns);
    // Syntax and rules only: what binding (every query over empty typed inputs, in a scratch engine) adds is the rest.
    const cliLintNoBind = timeCli(['lint', '--no-cache', '--no-bind'], modelsRoot, cliRuns);

    // ---- 2b. The example project as a user meets it: `npm start` (= lake run --demo), then `lake test` -------------
    // In a lake folder of the bench's own, so the repository's .lake is left alone.
    log('example: lake run --demo, lake test');
    const exampleLake = join(work, 'example-lake');
    const demo = timeCli(['run', '--demo', '--lake', exampleLake], REPO_ROOT, cliRuns);
    const exampleTest = timeCli(['test', '--lake', exampleLake], REPO_ROOT, cliRuns);
    log('cold start: lake sql -e "SELECT 1"');
    timeCli(['sql', '-e', 'SELECT 1'], projectRoot, 1); // creates the project's catalog; not timed
    const coldStart = timeCli(['sql', '-e', 'SELECT 1'], projectRoot, options.coldStartRuns);

    // ---- 5. Lookup API ---------------------------------------------------------------------------------------------
    log(`lookups: ${options.lookups ?? 10_000} GETs on the local lookup API`);
    const lookups = await timeLookups(options.lookups ?? 10_000);

    return {
      machine: {
        cpus: cpus().length,
        cpu_model: cpus()[0]?.model ?? 'unknown',
        memory_gb: round(totalmem() / 2 ** 30),
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
      },
      config: {
        events: options.events,
        models: options.models,
        rounds: options.rounds,
        small_rounds: options.smallRounds,
        hours: options.hours,
        seed: options.seed,
      },
      pipeline: {
        ratio: round(product.ms / baseline.ms, 3),
        /** CPU time (process.cpuUsage, DuckDB's threads included): steadier than wall time on a shared machine. */
        cpu_ratio: round(productCpuMs / baselineCpuMs, 3),
        product_cpu_ms: round(productCpuMs),
        baseline_cpu_ms: round(baselineCpuMs),
        rows_per_s: perSecond(options.events, product.ms),
        peak_rss_mb: product.peakRssMb,
        peak_rss_ratio: round(product.peakRssMb / baseline.peakRssMb, 2),
        checksums: productChecksums!,
        baseline_rows_per_s: perSecond(options.events, baseline.ms),
        baseline_peak_rss_mb: baseline.peakRssMb,
        product_ms: round(product.ms),
        baseline_ms: round(baseline.ms),
        /** Product time outside the three steps: project load, engine open, DDL, run records, close. */
        product_overhead_ms: round(product.ms - stepsProductMs),
        steps,
        rows: { landing: options.events, curated: p0.curatedRows, kpi: p0.kpiRows, alert_count: p0.alertCount },
        runs_ms: { product: productRuns.map((r) => round(r.ms)), baseline: baselineRuns.map((r) => round(r.ms)) },
      },
      models: {
        count: generated.models,
        sources: generated.sources,
        unit_tests: generated.tests,
        nodes: models.nodes,
        load_ms: round(models.loadMs),
        lint_ms: round(models.lintMs),
        lint_cached_ms: round(models.lintCachedMs),
        total_ms: round(models.loadMs + models.lintMs),
        cli_lint_ms: round(cliLint.medianMs),
        cli_graph_ms: round(cliGraph.medianMs),
        cli_lint_cpu_ms: round(cliLint.medianCpuMs),
        cli_lint_no_bind_ms: round(cliLintNoBind.medianMs),
        cli_lint_no_bind_cpu_ms: round(cliLintNoBind.medianCpuMs),
      },
      /** `npm start` (lake run --demo, without npm's own start-up) and `lake test` on the example, as CLI processes. */
      example: {
        npm_start_ms: round(demo.medianMs),
        npm_start_cpu_ms: round(demo.medianCpuMs),
        lake_test_ms: round(exampleTest.medianMs),
        lake_test_cpu_ms: round(exampleTest.medianCpuMs),
      },
      /** The first point (1 week unless hourlyWeeks says otherwise); by_weeks holds every point. */
      hourly: { ...hourlyRuns[0], by_weeks: hourlyRuns },
      /** Absent without a second event count (--scale). */
      ...(scale ? { scale } : {}),
      /** Absent when the peers did not run (no virtualenv: see scripts/bench-peers.sh). */
      ...(peers ? { peers } : {}),
      cold_start_ms: round(coldStart.medianMs),
      cold_start_runs_ms: coldStart.runsMs.map((ms) => round(ms)),
      cold_start_cpu_ms: round(coldStart.medianCpuMs),
      queries: {
        count: queries.queries,
        iterations: options.queryIterations,
        p50_ms: round(queries.p50Ms),
        p95_ms: round(queries.p95Ms),
        max_ms: round(queries.maxMs),
        page_ms: round(queries.pageMs),
        slowest: { sql: queries.slowest.sql, p50_ms: round(queries.slowest.p50Ms) },
      },
      lookups: {
        count: lookups.count,
        items: lookups.items,
        p50_ms: round(lookups.p50Ms, 2),
        p95_ms: round(lookups.p95Ms, 2),
        max_ms: round(lookups.maxMs, 2),
      },
      ingest: {
        ratio: round(ingest.product.ms / fastestIngestMs, 3),
        baseline: fastestIngest,
        product: { ms: round(ingest.product.ms), rows_per_s: perSecond(options.events, ingest.product.ms), peak_rss_mb: ingest.product.peakRssMb },
        node_direct: { ms: round(ingest.node.ms), rows_per_s: perSecond(options.events, ingest.node.ms), peak_rss_mb: ingest.node.peakRssMb },
        duckdb_appender: { ms: round(ingest.duckdb.ms), rows_per_s: perSecond(options.events, ingest.duckdb.ms), peak_rss_mb: ingest.duckdb.peakRssMb },
        generator_only: { ms: round(generator.ms), rows_per_s: perSecond(options.events, generator.ms) },
        files: ingest.product.runs[0].value.files,
        bytes_uncompressed: ingest.product.runs[0].value.bytes ?? 0,
      },
      process_max_rss_mb: round(processMaxRssMb()),
    };
  } finally {
    if (!options.keep && !options.workDir) rmSync(work, { recursive: true, force: true });
  }
}

export type BenchResult = Awaited<ReturnType<typeof runBench>>;

const hourlyEventsPerHour = (options: BenchOptions) => options.hourlyEventsPerHour ?? Math.max(1, Math.round(options.events / options.hours));

/** The hourly measure at each size of `hourlyWeeks`, in that order. */
async function timeHourlySizes(work: string, projectRoot: string, options: BenchOptions): Promise<HourlyMeasure[]> {
  const log = options.log ?? (() => undefined);
  const eventsPerHour = hourlyEventsPerHour(options);
  const rounds = options.hourlyRounds ?? Math.max(3, options.smallRounds);
  const runs: HourlyMeasure[] = [];
  for (const [i, weeks] of (options.hourlyWeeks ?? [1, 4]).entries()) {
    log(`hourly: one new hour into ${weeks} week(s) of ${eventsPerHour} events per hour, ${rounds} rounds`);
    // Each point in its own folder, so one size may be timed twice (e.g. 1,4,1: does the order decide?).
    const folder = join(work, `hourly-${i}`);
    mkdirSync(folder, { recursive: true });
    runs.push(await timeHourly(folder, projectRoot, { weeks, eventsPerHour, seed: options.seed, startMs: WINDOW_START, rounds }));
    const m = runs.at(-1)!;
    log(`  hourly ${weeks} week(s): product ${m.product_ms} ms (CPU ${m.product_cpu_ms}), baseline ${m.baseline_ms} ms (CPU ${m.baseline_cpu_ms})`);
  }
  return runs;
}

/** `--hourly-only`: the hourly measure alone, in a process that has run nothing else (no pipeline before it). */
export async function runHourlyOnly(options: BenchOptions): Promise<HourlyMeasure[]> {
  const work = options.workDir ?? mkdtempSync(join(tmpdir(), 'lake-bench-'));
  mkdirSync(work, { recursive: true });
  try {
    const projectRoot = join(work, 'project');
    writeBenchProject(projectRoot);
    return await timeHourlySizes(work, projectRoot, options);
  } finally {
    if (!options.keep && !options.workDir) rmSync(work, { recursive: true, force: true });
  }
}

/** Reads every landing file once (through DuckDB), so no path pays for the first read from disk. */
async function warmFiles(dir: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`SELECT count(*) FROM read_json('${dir}/*/*/*/*/*.gz', format = 'newline_delimited', columns = {customer_id: 'INTEGER'})`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
