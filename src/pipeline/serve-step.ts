// A served model's step after its checks passed (header `serve`): the rows the step wrote, copied to the model's
// key-value table by src/pipeline/serving.ts, recorded as one `serve` run record.
import type { Engine } from '../engines/engine.js';
import type { KeyValueStore } from '../storage/kv-store/key-value-store.js';
import { logTimestamp } from '../storage/record-log.js';
import type { ServeSection } from '../project/header.js';
import type { ProjectNode } from '../project/model.js';
import type { Period } from './periods.js';
import type { RunRecord, RunReporter } from './reporter.js';
import { serveQueries, servingQueries } from './serving.js';

/** Copies the rows the model's step wrote (its period's partitions, or the whole table) to its serving table. */
export async function serveModel(
  ctx: { engine: Engine; store: KeyValueStore; signal?: AbortSignal },
  node: ProjectNode,
  serve: ServeSection,
  period: Period | undefined,
  runId: string,
  reporter: RunReporter,
): Promise<RunRecord> {
  const column = node.header.partitioned_by[0];
  const queries = servingQueries(node.database, node.name, serve.key, period && node.header.period && column ? { ...period, column } : undefined);
  const started = new Date();
  const serveAll = async () => {
    const served = await serveQueries(ctx.engine, queries, ctx.store, { key: serve.key, database: node.database, signal: ctx.signal });
    return { rows: served.rows, bytes: served.bytesScanned ?? null, error: null };
  };
  const outcome = await serveAll().catch((error: unknown) => ({
    rows: null,
    bytes: null,
    error: `serving to ${serve.table}: ${error instanceof Error ? error.message : String(error)}`,
  }));
  const finished = new Date();
  const record: RunRecord = {
    run_id: runId,
    step: `serve:${serve.table}`,
    kind: 'serve',
    node: node.id,
    file: node.file,
    period_start: period ? logTimestamp(period.start) : null,
    period_end: period ? logTimestamp(period.end) : null,
    status: outcome.error ? 'failed' : 'success',
    attempts: 1,
    rows_written: outcome.rows,
    bytes_scanned: outcome.bytes,
    duration_ms: finished.getTime() - started.getTime(),
    started_at: logTimestamp(started),
    finished_at: logTimestamp(finished),
    error: outcome.error,
  };
  reporter.stepFinished(record);
  return record;
}
