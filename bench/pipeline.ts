// Pipeline throughput (issue 9, part 1): the product's `lake run` machinery (project, dialect translation, runner,
// run records) against the same steps written by hand as DuckDB SQL through @duckdb/node-api, over the same landing
// files. Each run writes into its own fresh folder.
import { linkSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { AthenaLocalEngine } from '../src/engines/local/engine.js';
import { openPipelineSession } from '../src/cli/pipeline-session.js';
import type { Io } from '../src/cli/io.js';
import { runPipeline, type RunSummary } from '../src/pipeline/runner.js';
import { silentReporter } from '../src/pipeline/reporter.js';
import { loadProject } from '../src/project/loader.js';
import { BENCH_BUCKET, LANDING_PREFIX } from './project.js';

/** The steps both paths run, in order. */
export const PIPELINE_STEPS = ['curated', 'kpi', 'alert'] as const;
export type PipelineStep = (typeof PIPELINE_STEPS)[number];

/** Project node id of each step in the bench project. */
const STEP_NODES: Record<PipelineStep, string> = {
  curated: 'lakehouse.crm_data',
  kpi: 'lakehouse.p1_interaction_kpis_hourly',
  alert: 'alert:p1_negative_interactions',
};
const SELECTOR = 'p1_interactions_landing crm_data p1_interaction_kpis_hourly p1_negative_interactions';

export interface PipelineRun {
  totalMs: number;
  /** CPU time of this process over the same span (user + system; DuckDB's threads included). */
  cpuMs: number;
  /** The system part of cpuMs (page faults, file operations). */
  sysMs: number;
  stepMs: Record<PipelineStep, number>;
  /** What each step produced, to check that both paths did the same work. */
  curatedRows: number;
  kpiRows: number;
  alertCount: number;
}

export interface PipelineInput {
  /** Folder holding the landing files (`year=…/month=…/day=…/hour=…/*.gz`). */
  landingDir: string;
  startMs: number;
  endMs: number;
}

const quietIo = (cwd: string): Io => ({ stdout: () => undefined, stderr: () => undefined, isTTY: false, cwd });

/**
 * Puts the shared landing files into a fresh lake folder, where the landing table's LOCATION points, as hard links:
 * no copying, and the files really are inside the lake (the local engine reads nothing outside it, symlinks included).
 */
export function linkLanding(lakeRoot: string, landingDir: string): void {
  const target = join(lakeRoot, BENCH_BUCKET, ...LANDING_PREFIX.split('/').filter(Boolean));
  for (const entry of readdirSync(landingDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const from = join(entry.parentPath, entry.name);
    const to = join(target, relative(landingDir, from));
    mkdirSync(dirname(to), { recursive: true });
    linkSync(from, to);
  }
}

/** The product path: load the project, open the local engine, run the pipeline for the window, write run records. */
export async function runProduct(
  projectRoot: string,
  lakeRoot: string,
  input: PipelineInput,
  selector = SELECTOR,
): Promise<PipelineRun & { summary: RunSummary }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const project = await loadProject(projectRoot);
  const session = await openPipelineSession(quietIo(projectRoot), project, { lake: lakeRoot, reporter: silentReporter, writeConsole: () => undefined });
  // The run happens at the end of the event window (the alert looks at its last hour); the clock then advances in
  // real time, so run records still time each step.
  let clockStart: number | undefined;
  session.context.now = () => {
    const t = performance.now();
    clockStart ??= t;
    return new Date(input.endMs + Math.floor(t - clockStart));
  };
  let summary: RunSummary;
  try {
    // As `lake run` does (src/cli/commands/run-pipeline.ts): the whole run under the lake's writer lock.
    summary = await session.engine.exclusive(() => runPipeline(session.context, { selector, from: new Date(input.startMs), to: new Date(input.endMs) }));
  } finally {
    await session.close();
  }
  const totalMs = performance.now() - started;
  const cpuMs = cpuSince(cpu);
  const sysMs = sysSince(cpu);
  const failed = summary.records.filter((r) => r.status !== 'success');
  if (failed.length > 0) throw new Error(`product pipeline failed: ${failed.map((r) => `${r.step}: ${r.error}`).join('; ')}`);
  const record = (step: PipelineStep) => summary.records.find((r) => r.kind !== 'check' && r.node === STEP_NODES[step]);
  const stepMs = Object.fromEntries(PIPELINE_STEPS.map((s) => [s, record(s)?.duration_ms ?? Number.NaN])) as Record<PipelineStep, number>;
  return {
    totalMs,
    cpuMs,
    sysMs,
    stepMs,
    curatedRows: record('curated')?.rows_written ?? 0,
    kpiRows: record('kpi')?.rows_written ?? 0,
    alertCount: await alertValue(lakeRoot, project.config.database),
    summary,
  };
}

/** What the product's alert evaluation found, from its alert_history row (read after the timed run). */
async function alertValue(lakeRoot: string, database: string): Promise<number> {
  const engine = await AthenaLocalEngine.open({ lakeRoot, database });
  try {
    const result = await engine.execute(`SELECT value FROM alert_history WHERE alert = 'p1_negative_interactions' ORDER BY recorded_at DESC LIMIT 1`);
    const value = result.rows[0]?.[0];
    return typeof value === 'string' ? Number((JSON.parse(value) as { count?: unknown }).count) : Number.NaN;
  } finally {
    await engine.close();
  }
}

const ts = (ms: number) => `TIMESTAMP '${new Date(ms).toISOString().replace('T', ' ').replace('Z', '')}'`;
/** The hour as the number yyyymmddhh, as the KPI model's partition predicate computes it. */
const hourNumber = (ms: number) => Number(new Date(ms).toISOString().slice(0, 13).replace(/[-T]/g, ''));
const hourKey = (ms: number) => new Date(ms).toISOString().slice(0, 13).replace(/[-T]/g, '');

async function scalar(connection: DuckDBConnection, sql: string): Promise<number> {
  const reader = await connection.runAndReadAll(sql);
  return Number(reader.getRows()[0][0]);
}

const cpuSince = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const sysSince = (start: NodeJS.CpuUsage): number => process.cpuUsage(start).system / 1000;

/**
 * The same steps by hand: one DuckDB statement each, no project, no translation, no catalog, no run records.
 * `append`: the output folders already hold earlier hours (the hourly measure), so the COPYs add files to them.
 */
export async function runBaseline(outDir: string, input: PipelineInput, append = false): Promise<PipelineRun> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const appending = append ? ', APPEND' : '';
  mkdirSync(outDir, { recursive: true });
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false' });
  const connection = await instance.connect();
  const stepMs = {} as Record<PipelineStep, number>;
  const step = async (name: PipelineStep, sql: string) => {
    const t = performance.now();
    const n = await scalar(connection, sql);
    stepMs[name] = performance.now() - t;
    return n;
  };
  try {
    await connection.run("SET TimeZone = 'UTC'");
    const { startMs, endMs } = input;
    const landing =
      `read_json('${input.landingDir}/*/*/*/*/*.gz', format = 'newline_delimited', hive_partitioning = true, ` +
      `columns = {customer_id: 'INTEGER', interaction_type: 'VARCHAR', "timestamp": 'VARCHAR', channel: 'VARCHAR', rating: 'INTEGER', message_excerpt: 'VARCHAR'}, ` +
      `hive_types = {year: 'VARCHAR', month: 'VARCHAR', day: 'VARCHAR', hour: 'VARCHAR'})`;
    const processed = join(outDir, 'processed');
    const curatedRows = await step(
      'curated',
      `COPY (
        SELECT customer_id, interaction_type, ts AS "timestamp", channel, rating, message_excerpt, ${ts(endMs)} AS ingestion_time,
               year(ts) AS year, month(ts) AS month, day(ts) AS day, hour(ts) AS hour
        FROM (SELECT *, CAST("timestamp" AS TIMESTAMP) AS ts FROM ${landing}
              WHERE concat(year, month, day, hour) BETWEEN '${hourKey(startMs)}' AND '${hourKey(endMs)}')
        WHERE ts >= ${ts(startMs)} AND ts < ${ts(endMs)}
      ) TO '${processed}' (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (year, month, day, hour)${appending})`,
    );
    const crm = `read_parquet('${processed}/*/*/*/*/*.parquet', hive_partitioning = true)`;
    // count(*) FILTER, not DuckDB's count_if: that is NULL over a group whose ratings are all NULL (Trino's is 0).
    const kpiRows = await step(
      'kpi',
      `COPY (
        SELECT date_trunc('hour', "timestamp") AS hour_start, coalesce(channel, 'unknown') AS channel, interaction_type,
               count(*) AS interactions, count(rating) AS rated_interactions, avg(rating) AS avg_rating,
               count(*) FILTER (WHERE rating <= 2) AS negative_interactions,
               CAST(count(*) FILTER (WHERE rating <= 2) AS DOUBLE) / nullif(count(rating), 0) AS negative_share,
               CAST(CAST("timestamp" AS DATE) AS VARCHAR) AS dt, hour("timestamp") AS hour
        FROM ${crm}
        WHERE "timestamp" >= ${ts(startMs)} AND "timestamp" < ${ts(endMs)}
          AND year * 1000000 + month * 10000 + day * 100 + hour BETWEEN ${hourNumber(startMs)} AND ${hourNumber(endMs)}
        GROUP BY ALL
      ) TO '${join(outDir, 'kpi')}' (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (dt, hour)${appending})`,
    );
    const from = endMs - 3_600_000;
    const partition = (ms: number) => {
      const d = new Date(ms);
      return `(year = ${d.getUTCFullYear()} AND month = ${d.getUTCMonth() + 1} AND day = ${d.getUTCDate()} AND hour = ${d.getUTCHours()})`;
    };
    const alertCount = await step(
      'alert',
      `SELECT count(*) FROM ${crm} WHERE "timestamp" >= ${ts(from)} AND "timestamp" < ${ts(endMs)} AND rating <= 2 AND (${partition(from)} OR ${partition(endMs)})`,
    );
    connection.closeSync();
    instance.closeSync();
    // The total includes opening and closing DuckDB, as the product's includes its engine.
    return { totalMs: performance.now() - started, cpuMs: cpuSince(cpu), sysMs: sysSince(cpu), stepMs, curatedRows, kpiRows, alertCount };
  } catch (error) {
    connection.closeSync();
    instance.closeSync();
    throw error;
  }
}
