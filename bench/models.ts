// Project scale (issue 9, part 2): a generated project of M models with layered dependencies, headers, contracts and
// unit tests, timed through the loader (read + headers + table references + DAG) and `lake lint` (syntax grammars +
// rules), in process and as the real CLI; and the CLI's cold start (`lake sql -e "SELECT 1"`).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { SeededRandom } from '../src/ingest/random.js';
import { lintProject } from '../src/lint/lint.js';
import { loadProject } from '../src/project/loader.js';
import { median } from './measure.js';
import { REPO_ROOT } from './project.js';

const pad = (n: number) => String(n).padStart(4, '0');
const modelName = (i: number) => `m${pad(i)}`;
const sourceName = (i: number) => `src_${pad(i)}`;

function sourceDdl(i: number): string {
  return `/*
description: Bench source ${i} - raw extract as it lands.
tags: [bench, source]
*/
CREATE EXTERNAL TABLE IF NOT EXISTS ${sourceName(i)} (
  id BIGINT,
  value DOUBLE,
  category STRING
)
PARTITIONED BY (dt STRING)
STORED AS PARQUET
LOCATION 's3://\${lake_bucket}/raw/${sourceName(i)}/'
`;
}

interface ModelSpec {
  index: number;
  layer: number;
  inputs: string[];
  kind: 'incremental' | 'table' | 'view';
}

function modelSql(spec: ModelSpec): string {
  const [first, ...others] = spec.inputs;
  const header = [
    `description: Bench model ${spec.index} (layer ${spec.layer}) - daily totals per id from ${spec.inputs.join(', ')}.`,
    `owner: team-${spec.index % 7}`,
    `tags: [bench, layer${spec.layer}]`,
    `materialized: ${spec.kind}`,
    ...(spec.kind === 'incremental' ? ['period: day', 'partitioned_by: [dt]', 'schedule: cron(15 2 * * ? *)'] : []),
    ...(spec.index % 5 === 0 ? ['contract:', '  primary_key: [id, dt]', '  not_null: [value]', '  row_count: { min: 1 }'] : []),
  ].join('\n');
  const window =
    spec.kind === 'incremental' ? `\n  WHERE dt >= CAST(CAST(\${period_start} AS DATE) AS VARCHAR) AND dt < CAST(CAST(\${period_end} AS DATE) AS VARCHAR)` : '';
  const ctes = [
    `base AS (\n  SELECT id, dt, value\n  FROM ${first}${window}\n)`,
    ...others.map((input, j) => `extra_${j} AS (\n  SELECT id, dt, sum(value) AS value, count(*) AS n\n  FROM ${input}\n  GROUP BY id, dt\n)`),
  ];
  const joins = others.map((_, j) => `LEFT JOIN extra_${j} AS e${j} ON e${j}.id = b.id AND e${j}.dt = b.dt`).join('\n');
  const value = ['b.value', ...others.map((_, j) => `coalesce(e${j}.value, 0)`)].join(' + ');
  return `/*
${header}
*/
WITH
${ctes.join(',\n')}
SELECT
  b.id,
  sum(${value}) AS value,
  count(*) AS n,
  CASE WHEN count(*) > 10 THEN 'busy' ELSE 'quiet' END AS activity,
  b.dt
FROM base AS b
${joins}
GROUP BY b.id, b.dt
`;
}

const unitTest = (spec: ModelSpec) => `model: ${modelName(spec.index)}
tests:
  - name: sums the value of one id and day
    vars: { period_start: "2025-03-01 00:00:00", period_end: "2025-03-02 00:00:00" }
    given:
      ${spec.inputs[0]}:
        - { id: 1, dt: "2025-03-01", value: 2.5 }
        - { id: 1, dt: "2025-03-01", value: 1.5 }
    expect:
      rows:
        - { id: 1, dt: "2025-03-01", n: 2 }
`;

/** Writes a project of `count` models (10 layers; each model reads 1–3 tables of earlier layers or sources). */
export function writeModelsProject(root: string, count: number, seed = 7): { models: number; sources: number; tests: number } {
  const random = new SeededRandom(seed);
  const sources = Math.max(3, Math.ceil(count / 50));
  const layers = 10;
  const perLayer = Math.max(1, Math.ceil(count / layers));
  mkdirSync(join(root, 'sql', 'ddl'), { recursive: true });
  writeFileSync(
    join(root, 'lakehouse.yaml'),
    'name: models-bench\ndatabase: bench\nlake: .lake\nsql: sql\ndefault_stage: local\nstages:\n  local:\n    variables:\n      lake_bucket: bench-models\n',
  );
  for (let i = 0; i < sources; i++) writeFileSync(join(root, 'sql', 'ddl', `${sourceName(i)}.sql`), sourceDdl(i));
  let tests = 0;
  for (let i = 0; i < count; i++) {
    const layer = Math.floor(i / perLayer);
    const earlier = layer === 0 ? [] : Array.from({ length: layer * perLayer }, (_, j) => modelName(j));
    const pool = [...earlier.slice(-perLayer * 2), ...Array.from({ length: sources }, (_, j) => sourceName(j))];
    const inputs = new Set<string>();
    // The first input is from the layer just below when there is one, so the DAG is as deep as it has layers.
    inputs.add(layer === 0 ? random.pick(pool) : random.pick(earlier.slice(-perLayer)));
    const wanted = 1 + Math.floor(random.next() * 3);
    while (inputs.size < wanted) inputs.add(random.pick(pool));
    const roll = random.next();
    const spec: ModelSpec = { index: i, layer, inputs: [...inputs], kind: roll < 0.5 ? 'incremental' : roll < 0.85 ? 'table' : 'view' };
    const folder = join(root, 'sql', 'transforms', `layer${layer}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${modelName(i)}.sql`), modelSql(spec));
    if (i % 10 === 0) {
      writeFileSync(join(folder, `${modelName(i)}.test.yaml`), unitTest(spec));
      tests++;
    }
  }
  return { models: count, sources, tests };
}

export interface ModelsTimings {
  /** loadProject: read, headers, table references, DAG (ms). */
  loadMs: number;
  nodes: number;
  /** lintProject without the syntax cache: everything parsed (ms). */
  lintMs: number;
  /** lintProject with the syntax cache warm (ms). */
  lintCachedMs: number;
  lintDiagnostics: number;
}

/** In-process timings, `rounds` times each; medians. */
export async function timeModels(root: string, rounds: number): Promise<ModelsTimings> {
  const load: number[] = [];
  const lint: number[] = [];
  const cached: number[] = [];
  let nodes = 0;
  let diagnostics = 0;
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    const project = await loadProject(root);
    load.push(performance.now() - t);
    nodes = project.nodes.length;
    t = performance.now();
    const result = await lintProject(root, { cache: false });
    lint.push(performance.now() - t);
    diagnostics = result.diagnostics.filter((d) => d.severity === 'error').length;
    await lintProject(root, { cache: true }); // fills the cache
    t = performance.now();
    await lintProject(root, { cache: true });
    cached.push(performance.now() - t);
  }
  return { loadMs: median(load), nodes, lintMs: median(lint), lintCachedMs: median(cached), lintDiagnostics: diagnostics };
}

/** A module preloaded into each timed CLI process: it writes the process's CPU time (DuckDB's threads included) at exit. */
let cpuHook: { module: string; dir: string } | undefined;
function cpuHookModule(): string {
  if (!cpuHook) {
    const dir = mkdtempSync(join(tmpdir(), 'lake-bench-cpu-'));
    const module = join(dir, 'cpu-at-exit.mjs');
    writeFileSync(
      module,
      `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { const u = process.cpuUsage(); writeFileSync(process.env.LAKE_BENCH_CPU_FILE, String((u.user + u.system) / 1000)); });\n`,
    );
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    cpuHook = { module, dir };
  }
  return cpuHook.module;
}

/**
 * Wall and CPU time of `lake <args>` as a fresh child process, `runs` times; medians (ms). Fails if the command fails.
 * CPU time is steadier than wall time on a shared machine.
 */
export function timeCli(args: string[], cwd: string, runs: number, expectExit = 0): { medianMs: number; runsMs: number[]; medianCpuMs: number } {
  const lake = join(REPO_ROOT, 'bin', 'lake.js');
  const hook = cpuHookModule();
  const cpuFile = join(cpuHook!.dir, 'cpu-ms');
  const runsMs: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const child = spawnSync(process.execPath, ['--import', pathToFileURL(hook).href, lake, ...args], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', LAKE_BENCH_CPU_FILE: cpuFile },
    });
    runsMs.push(performance.now() - t);
    if (child.status !== expectExit) throw new Error(`lake ${args.join(' ')} exited ${child.status}: ${child.stderr || child.stdout}`);
    cpuMs.push(Number(readFileSync(cpuFile, 'utf8')));
  }
  return { medianMs: median(runsMs), runsMs, medianCpuMs: median(cpuMs) };
}
