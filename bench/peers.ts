// The peers (issue 18, "Peers side by side"): the tools a user would pick instead of this project, running the same P1
// work on DuckDB over the same landing files — dbt-duckdb (incremental models, `delete+insert` on the hour) and SQLMesh
// (INCREMENTAL_BY_TIME_RANGE) — a backfill of the window, then one new hour. Both run from the pinned virtualenv that
// scripts/bench-peers.sh installs; each step is a Python process (bench/peers/run_peer.py) that times the tool's own
// work after its imports. Their curated and KPI tables must have the checksums of the hand-written baseline's.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { assertSameChecksums, pipelineChecksums, tableChecksums, type PipelineChecksums } from './checksums.js';
import { ingestNodeDirect } from './ingest.js';
import { round } from './measure.js';
import { linkLanding, runBaseline, type PipelineInput } from './pipeline.js';
import { BENCH_BUCKET, LANDING_PREFIX, REPO_ROOT } from './project.js';

export const PEERS = ['dbt', 'sqlmesh'] as const;
export type Peer = (typeof PEERS)[number];

const HOUR_MS = 3_600_000;
const PEERS_DIR = join(REPO_ROOT, '.cache', 'bench-peers');
const PYTHON = join(PEERS_DIR, 'venv', 'bin', 'python');
const REQUIREMENTS = join(REPO_ROOT, 'bench', 'peers', 'requirements.txt');
const DRIVER = join(REPO_ROOT, 'bench', 'peers', 'run_peer.py');
/** The DuckDB file each peer writes; both name their tables lakehouse.crm_data and lakehouse.p1_interaction_kpis_hourly. */
const DATABASE_FILE = 'peer.duckdb';

/** True when scripts/bench-peers.sh has installed exactly bench/peers/requirements.txt. */
export function peersInstalled(): boolean {
  const stamp = join(PEERS_DIR, 'installed');
  return existsSync(PYTHON) && existsSync(stamp) && readFileSync(stamp, 'utf8') === readFileSync(REQUIREMENTS, 'utf8');
}

/** `YYYY-MM-DD HH:MM:SS` (UTC), the form both tools' time variables take. */
const wallClock = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** The landing files as the baseline reads them (typed columns, hive folders as text). */
const landingScan = (landingDir: string) =>
  `read_json('${landingDir}/*/*/*/*/*.gz', format = 'newline_delimited', hive_partitioning = true,\n` +
  `  columns = {customer_id: 'INTEGER', interaction_type: 'VARCHAR', "timestamp": 'VARCHAR', channel: 'VARCHAR', rating: 'INTEGER', message_excerpt: 'VARCHAR'},\n` +
  `  hive_types = {year: 'VARCHAR', month: 'VARCHAR', day: 'VARCHAR', hour: 'VARCHAR'})`;

/** The curated step, given SQL for the period's first instant, its end and a predicate on `ts` for the period. */
const curatedSql = (landingDir: string, start: string, end: string, inPeriod: string) => `SELECT
  customer_id, interaction_type, ts AS "timestamp", channel, rating, message_excerpt, ${end} AS ingestion_time,
  year(ts) AS year, month(ts) AS month, day(ts) AS day, hour(ts) AS hour
FROM (
  SELECT *, CAST("timestamp" AS TIMESTAMP) AS ts
  FROM ${landingScan(landingDir)}
  WHERE concat(year, month, day, hour) BETWEEN strftime(${start}, '%Y%m%d%H') AND strftime(${end}, '%Y%m%d%H')
)
WHERE ${inPeriod}
`;

/** The KPI step over `crm` (count(*) FILTER: DuckDB's count_if is NULL over all-NULL ratings, Trino's is 0). */
const kpiSql = (crm: string, inPeriod: string) => `SELECT
  date_trunc('hour', "timestamp") AS hour_start, coalesce(channel, 'unknown') AS channel, interaction_type,
  count(*) AS interactions, count(rating) AS rated_interactions, avg(rating) AS avg_rating,
  count(*) FILTER (WHERE rating <= 2) AS negative_interactions,
  CAST(count(*) FILTER (WHERE rating <= 2) AS DOUBLE) / nullif(count(rating), 0) AS negative_share,
  CAST(CAST("timestamp" AS DATE) AS VARCHAR) AS dt, hour("timestamp") AS hour
FROM ${crm}
WHERE ${inPeriod}
GROUP BY ALL
`;

/** A dbt project on dbt-duckdb: both models incremental, `delete+insert` on the hour, the period given as --vars. */
function writeDbtProject(dir: string, landingDir: string): void {
  mkdirSync(join(dir, 'models'), { recursive: true });
  writeFileSync(join(dir, 'dbt_project.yml'), `name: p1_peer\nversion: '1.0'\nconfig-version: 2\nprofile: p1_peer\nmodel-paths: [models]\n`);
  writeFileSync(
    join(dir, 'profiles.yml'),
    `p1_peer:\n  target: bench\n  outputs:\n    bench:\n      type: duckdb\n      path: '${join(dir, DATABASE_FILE)}'\n      schema: lakehouse\n      threads: 1\n`,
  );
  const start = `CAST('{{ var("period_start") }}' AS TIMESTAMP)`;
  const end = `CAST('{{ var("period_end") }}' AS TIMESTAMP)`;
  writeFileSync(
    join(dir, 'models', 'crm_data.sql'),
    `{{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key=['year', 'month', 'day', 'hour']) }}\n` +
      curatedSql(landingDir, start, end, `ts >= ${start} AND ts < ${end}`),
  );
  writeFileSync(
    join(dir, 'models', 'p1_interaction_kpis_hourly.sql'),
    `{{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key='hour_start') }}\n` +
      kpiSql(`{{ ref('crm_data') }}`, `"timestamp" >= ${start} AND "timestamp" < ${end}`),
  );
}

/** A SQLMesh project on DuckDB: both models INCREMENTAL_BY_TIME_RANGE, hourly, from the window's start. */
function writeSqlMeshProject(dir: string, landingDir: string, startMs: number): void {
  mkdirSync(join(dir, 'models'), { recursive: true });
  writeFileSync(
    join(dir, 'config.yaml'),
    `gateways:\n  local:\n    connection:\n      type: duckdb\n      database: '${join(dir, DATABASE_FILE)}'\ndefault_gateway: local\nmodel_defaults:\n  dialect: duckdb\n`,
  );
  const model = (name: string, timeColumn: string) =>
    `MODEL (\n  name lakehouse.${name},\n  kind INCREMENTAL_BY_TIME_RANGE (time_column ${timeColumn}),\n  start '${wallClock(startMs)}',\n  cron '@hourly'\n);\n`;
  // @start_dt/@end_dt: the interval's first and last instant (SQLMesh's end is inclusive).
  writeFileSync(
    join(dir, 'models', 'crm_data.sql'),
    model('crm_data', '"timestamp"') + curatedSql(landingDir, '@start_dt', '@end_dt', 'ts BETWEEN @start_dt AND @end_dt'),
  );
  writeFileSync(
    join(dir, 'models', 'p1_interaction_kpis_hourly.sql'),
    model('p1_interaction_kpis_hourly', 'hour_start') + kpiSql('lakehouse.crm_data', '"timestamp" BETWEEN @start_dt AND @end_dt'),
  );
}

export interface PeerStepTime {
  /** The tool's own work in its process, after imports (comparable to the product's in-process time). */
  ms: number;
  /** The whole Python process as a user's command line would see it: interpreter start, imports, work. */
  process_ms: number;
  import_ms: number;
  cpu_ms: number;
}

async function runPeerStep(peer: Peer, dir: string, step: 'backfill' | 'hour', startMs: number, endMs: number): Promise<PeerStepTime> {
  const out = join(dir, `result-${step}.json`);
  const started = performance.now();
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(PYTHON, [DRIVER, peer, dir, step, wallClock(startMs), wallClock(endMs), out], {
      cwd: dir,
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', DBT_SEND_ANONYMOUS_USAGE_STATS: 'False', SQLMESH__DISABLE_ANONYMIZED_ANALYTICS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('error', reject);
    child.on('close', resolve);
  });
  const processMs = performance.now() - started;
  if (code !== 0) throw new Error(`peer ${peer} ${step} exited ${code}:\n${output.join('').slice(-4000)}`);
  const result = JSON.parse(readFileSync(out, 'utf8')) as { ms: number; import_ms: number; cpu_ms: number };
  return { ms: round(result.ms), process_ms: round(processMs), import_ms: round(result.import_ms), cpu_ms: round(result.cpu_ms) };
}

export interface PeerMeasure {
  peer: Peer;
  backfill: PeerStepTime & { ratio: number };
  hourly: PeerStepTime & { ratio: number };
  checksums: PipelineChecksums;
}

export interface PeersResult {
  baseline_backfill_ms: number;
  baseline_hourly_ms: number;
  events_per_hour: number;
  peers: PeerMeasure[];
}

const peerChecksums = (dir: string) => tableChecksums(join(dir, DATABASE_FILE), 'lakehouse.crm_data', 'lakehouse.p1_interaction_kpis_hourly');

/**
 * Backfills the pipeline measure's window on each peer (ratio to the pipeline baseline's median time, which ran on the
 * same files), checks its tables against the baseline's checksums; then lands one more hour (the hourly measure's
 * density) and runs it on the baseline (appending to its own backfill) and on each peer, and checks again.
 */
export async function timePeers(
  work: string,
  input: PipelineInput,
  options: { baselineBackfillMs: number; baselineChecksums: PipelineChecksums; eventsPerHour: number; seed: number; log: (line: string) => void },
): Promise<PeersResult> {
  const root = join(work, 'peers');
  const landing = join(root, 'lake');
  linkLanding(landing, input.landingDir);
  const landingDir = join(landing, BENCH_BUCKET, ...LANDING_PREFIX.split('/').filter(Boolean));
  const backfills = new Map<Peer, PeerStepTime>();
  for (const peer of PEERS) {
    const dir = join(root, peer);
    if (peer === 'dbt') writeDbtProject(dir, landingDir);
    else writeSqlMeshProject(dir, landingDir, input.startMs);
    backfills.set(peer, await runPeerStep(peer, dir, 'backfill', input.startMs, input.endMs));
    options.log(`  peer ${peer} backfill: ${backfills.get(peer)!.ms} ms`);
    assertSameChecksums(`peer ${peer} backfill`, await peerChecksums(dir), options.baselineChecksums);
  }
  const hour: PipelineInput = { landingDir, startMs: input.endMs, endMs: input.endMs + HOUR_MS };
  const extra = join(root, 'extra-hour');
  await ingestNodeDirect(extra, { events: options.eventsPerHour, seed: options.seed + 1, startMs: hour.startMs, endMs: hour.endMs });
  linkLanding(landing, extra);
  const baselineDir = join(root, 'baseline');
  await runBaseline(baselineDir, { ...input, landingDir });
  const baselineHour = await runBaseline(baselineDir, hour, true);
  const hourChecksums = await pipelineChecksums(join(baselineDir, 'processed'), join(baselineDir, 'kpi'));
  const peers: PeerMeasure[] = [];
  for (const peer of PEERS) {
    const dir = join(root, peer);
    const hourly = await runPeerStep(peer, dir, 'hour', hour.startMs, hour.endMs);
    options.log(`  peer ${peer} hourly: ${hourly.ms} ms`);
    const checksums = await peerChecksums(dir);
    assertSameChecksums(`peer ${peer} hourly`, checksums, hourChecksums);
    const backfill = backfills.get(peer)!;
    peers.push({
      peer,
      backfill: { ...backfill, ratio: round(backfill.ms / options.baselineBackfillMs, 2) },
      hourly: { ...hourly, ratio: round(hourly.ms / baselineHour.totalMs, 2) },
      checksums,
    });
  }
  return {
    baseline_backfill_ms: round(options.baselineBackfillMs),
    baseline_hourly_ms: round(baselineHour.totalMs),
    events_per_hour: options.eventsPerHour,
    peers,
  };
}
