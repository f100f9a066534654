// A temporary lake filled with the seeded demo data (src/ingest/demo.ts) and the example project (sql/ at the repo
// root) run on the local engine by the pipeline runner: what the integration tests of the five pipelines share.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
import type { SqlValue } from '../../../src/engines/engine.js';
import { LocalObjectStore } from '../../../src/storage/object-store/index.js';
import { ManualClock } from '../../../src/ingest/clock.js';
import { generateDemoData, type DemoDataReport } from '../../../src/ingest/demo.js';
import { runPipeline, type PipelineContext, type RunSummary } from '../../../src/pipeline/runner.js';
import { loadProject } from '../../../src/project/loader.js';
import type { Project } from '../../../src/project/model.js';
import { projectVariables } from '../../../src/project/variables.js';

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
/** The local stage's lake bucket (lakehouse.yaml). */
export const BUCKET = 'lakehouse-local';
/** End of the generated history: data covers the DAYS days before it. */
export const NOW = Date.UTC(2025, 2, 10, 0, 0, 0);
export const DAYS = 3;
export const FIRST_DAY = new Date(NOW - DAYS * 86_400_000);
export const day = (i: number): Date => new Date(FIRST_DAY.getTime() + i * 86_400_000);
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

export type Row = Record<string, SqlValue>;

export interface ExampleLake {
  root: string;
  lake: string;
  report: DemoDataReport;
  project: Project;
  engine: AthenaLocalEngine;
  ctx: PipelineContext;
  /** Runs the selected nodes for the periods in [from, to); fails the test when a step failed. */
  run(selector: string, from?: Date, to?: Date, options?: { perPeriod?: boolean }): Promise<RunSummary>;
  query(sql: string): Promise<Row[]>;
  close(): Promise<void>;
}

/** Small data: a few thousand rows per pipeline, so a whole pipeline runs in seconds. */
export async function openExampleLake(): Promise<ExampleLake> {
  const root = mkdtempSync(join(tmpdir(), 'example-pipelines-'));
  const lake = join(root, 'lake');
  const report = await generateDemoData({
    lakeRoot: lake,
    bucket: BUCKET,
    nowMs: NOW,
    days: DAYS,
    interactions: 2_500,
    ordersPerDay: 40,
    customers: 150,
    clock: new ManualClock(NOW),
  });
  const project = await loadProject(REPO_ROOT);
  const engine = await AthenaLocalEngine.open({ lakeRoot: lake, inMemory: true, database: project.config.database });
  const ctx: PipelineContext = {
    project,
    engine,
    objectStore: new LocalObjectStore(lake),
    variables: projectVariables(project.config, 'local'),
    retry: { maxAttempts: 1, sleep: async () => {} },
    now: () => new Date(NOW),
  };
  return {
    root,
    lake,
    report,
    project,
    engine,
    ctx,
    async run(selector, from, to, options = {}) {
      const summary = await runPipeline(ctx, { selector, from, to, ...options });
      const failed = summary.records.filter((r) => r.status !== 'success');
      if (failed.length > 0)
        throw new Error(`pipeline steps did not succeed:\n${failed.map((r) => `${r.step} ${r.period_start ?? ''}: ${r.error}`).join('\n')}`);
      return summary;
    },
    async query(sql) {
      const result = await engine.execute(sql, { database: project.config.database });
      return result.rows.map((row) => Object.fromEntries(result.columns.map((c, i) => [c.name, row[i]])));
    },
    async close() {
      await engine.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Every row of a table, ordered by all its columns, as JSON text: for comparing a table before and after a rerun. */
export async function snapshot(lake: ExampleLake, table: string): Promise<string[]> {
  const rows = await lake.query(`SELECT * FROM ${table}`);
  return rows.map((r) => JSON.stringify(r)).sort();
}

/** Groups rows by a key and folds each group. */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
export const avg = (values: readonly number[]): number | null => (values.length === 0 ? null : sum(values) / values.length);
/** Money as integer cents, so sums are exact. */
export const cents = (value: unknown): number => Math.round(Number(value) * 100);
