// Service level objectives of models (header `slo:`), judged over their runs in the run log: freshness (the last
// successful run finished at most X ago) and success (at least P % of the runs in a window succeeded). The same
// objectives become CloudWatch alarms on AWS (stacks/Alarms.ts) over the metrics each run emits (functions/lib/slo-metrics.ts).
import type { Engine, SqlValue } from '../engines/engine.js';
import { durationMs, type SloSection } from '../project/header.js';
import type { ProjectNode } from '../project/model.js';
import { runLogRows } from './run-log.js';

export interface ModelRun {
  model: string;
  status: 'success' | 'failed';
  finishedAt: Date;
}

export type SloState = 'met' | 'missed' | 'no data';

export interface SloStatus {
  model: string;
  file: string;
  objective: 'freshness' | 'success';
  /** As declared: `2h`, `99%` (with its window: `99% of runs in 24h`). */
  target: string;
  state: SloState;
  /** What was measured: the age of the last success (ms) or the success share (%). */
  measured: number | null;
  /**
   * When the objective was last missed: for freshness, the moment the data went stale (a success older than the
   * objective with none after it); for success, the last failed run. null: no miss in the history read.
   */
  lastMiss: Date | null;
}

export const sloModels = (nodes: readonly ProjectNode[]): Array<ProjectNode & { header: { slo: SloSection } }> =>
  nodes.filter((n): n is ProjectNode & { header: { slo: SloSection } } => n.kind === 'model' && n.header.slo !== undefined);

export function judgeSlos(models: readonly ProjectNode[], runs: readonly ModelRun[], now: Date): SloStatus[] {
  const out: SloStatus[] = [];
  for (const model of sloModels(models)) {
    const own = runs.filter((r) => r.model === model.id && r.finishedAt <= now).sort((a, b) => a.finishedAt.getTime() - b.finishedAt.getTime());
    const { freshness, success, window } = model.header.slo;
    if (freshness)
      out.push({ model: model.id, file: model.file, objective: 'freshness', target: freshness, ...judgeFreshness(own, durationMs(freshness), now) });
    if (success) {
      out.push({
        model: model.id,
        file: model.file,
        objective: 'success',
        target: `${success} of runs in ${window}`,
        ...judgeSuccess(own, Number.parseFloat(success), durationMs(window), now),
      });
    }
  }
  return out;
}

function judgeFreshness(runs: readonly ModelRun[], maxAgeMs: number, now: Date): Pick<SloStatus, 'state' | 'measured' | 'lastMiss'> {
  const successes = runs.filter((r) => r.status === 'success').map((r) => r.finishedAt.getTime());
  if (successes.length === 0) return { state: 'no data', measured: null, lastMiss: null };
  const age = now.getTime() - successes[successes.length - 1];
  let lastMiss: Date | null = null;
  // Each success older than the objective with the next one (or now) further away left the data stale from then on.
  for (const [i, t] of successes.entries()) {
    const next = i + 1 < successes.length ? successes[i + 1] : now.getTime();
    if (next - t > maxAgeMs) lastMiss = new Date(t + maxAgeMs);
  }
  return { state: age <= maxAgeMs ? 'met' : 'missed', measured: age, lastMiss };
}

function judgeSuccess(runs: readonly ModelRun[], targetPercent: number, windowMs: number, now: Date): Pick<SloStatus, 'state' | 'measured' | 'lastMiss'> {
  const failures = runs.filter((r) => r.status === 'failed');
  const lastMiss = failures.length ? failures[failures.length - 1].finishedAt : null;
  const inWindow = runs.filter((r) => r.finishedAt.getTime() > now.getTime() - windowMs);
  if (inWindow.length === 0) return { state: 'no data', measured: null, lastMiss };
  const share = (100 * inWindow.filter((r) => r.status === 'success').length) / inWindow.length;
  return { state: share >= targetPercent ? 'met' : 'missed', measured: share, lastMiss };
}

/** Model runs (success or failure; skipped steps ran nothing) of the last `days` from the run log. */
export async function modelRuns(engine: Engine, options: { database: string; bucket: string; days: number; now: Date }): Promise<ModelRun[]> {
  const since = new Date(options.now.getTime() - options.days * 86_400_000);
  const rows = await runLogRows(engine, {
    ...options,
    since,
    until: options.now,
    columns: ['node', 'status', 'finished_at'],
    where: "kind = 'model' AND status IN ('success', 'failed')",
  });
  return rows.map(([node, status, finished]: SqlValue[]) => ({
    model: String(node),
    status: status === 'success' ? 'success' : 'failed',
    finishedAt: new Date(`${String(finished).replace(' ', 'T')}Z`),
  }));
}
