// What the project spent on queries: bytes scanned and dollars per model, alert and dashboard over the last N days,
// read from the run_log table (one row per step, bytes_scanned as the engine reported it) through whatever engine
// holds it: the local engine locally (its bytes are what DuckDB read from the lake folder, an estimate of Athena's),
// Athena on AWS (DataScannedInBytes, what Athena bills).
import type { Engine, SqlValue } from '../engines/engine.js';
import { athenaCostUsd } from './cost.js';
import { runLogRows } from './run-log.js';

/** Step kinds that run queries of their own (a check's or serving copy's query is counted with nothing). */
export const COSTED_KINDS = ['ddl', 'model', 'serve', 'alert', 'dashboard'] as const;

export interface CostLine {
  kind: string;
  node: string;
  /** Steps of this node in the window (every status). */
  steps: number;
  bytesScanned: number;
  /**
   * Athena's price for those bytes, each step counted as one query (10 MB minimum, rounded up to the MB); DDL steps
   * are free (Amazon Athena pricing: no charge for DDL statements or failed queries), as are steps without bytes.
   */
  usd: number;
}

export interface CostReport {
  since: Date;
  until: Date;
  /** true when the bytes come from an engine that does not bill them (the local engine): an estimate. */
  estimate: boolean;
  lines: CostLine[];
  total: { steps: number; bytesScanned: number; usd: number };
}

export interface CostOptions {
  /** Database of the run_log table (the project's). */
  database: string;
  /** Lake bucket of the stage whose run log is read. */
  bucket: string;
  days: number;
  now: Date;
  estimate: boolean;
}

const DAY_MS = 86_400_000;
const asNumber = (value: SqlValue): number | null => (value === null ? null : Number(value));

export async function costReport(engine: Engine, options: CostOptions): Promise<CostReport> {
  const since = new Date(options.now.getTime() - options.days * DAY_MS);
  const kinds = COSTED_KINDS.map((k) => `'${k}'`).join(', ');
  const rows = await runLogRows(engine, { ...options, since, until: options.now, columns: ['kind', 'node', 'bytes_scanned'], where: `kind IN (${kinds})` });
  const byNode = new Map<string, { kind: string; node: string; steps: number; bytes: number[] }>();
  for (const [kind, node, bytes] of rows) {
    const key = `${String(kind)}\u0000${String(node)}`;
    const entry = byNode.get(key) ?? { kind: String(kind), node: String(node), steps: 0, bytes: [] };
    entry.steps++;
    const scanned = asNumber(bytes);
    if (scanned !== null) entry.bytes.push(scanned);
    byNode.set(key, entry);
  }
  const lines = [...byNode.values()]
    .map(({ kind, node, steps, bytes }) => ({
      kind,
      node,
      steps,
      bytesScanned: bytes.reduce((a, b) => a + b, 0),
      usd: kind === 'ddl' ? 0 : athenaCostUsd(bytes),
    }))
    .sort((a, b) => b.bytesScanned - a.bytesScanned || a.node.localeCompare(b.node));
  const total = {
    steps: lines.reduce((sum, l) => sum + l.steps, 0),
    bytesScanned: lines.reduce((sum, l) => sum + l.bytesScanned, 0),
    usd: lines.reduce((sum, l) => sum + l.usd, 0),
  };
  return { since, until: options.now, estimate: options.estimate, lines, total };
}
