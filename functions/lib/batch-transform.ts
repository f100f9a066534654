// P2 TransformFiles: the models a batch triggers (every unscheduled model downstream of the raw P2 tables,
// src/pipeline/scheduled-selection.ts: the KPI models and the order-status mix) run on Athena for the order days the
// batch touched, through the same runner as `lake run`, then those days' KPI rows are written to the DynamoDB serving
// tables (seed 001: OrderKPIs by order_date, CategoryKPIs by category and order_date).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbItemTable } from '../../src/ingest/aws/dynamodb-item-table.js';
import { runPipeline } from '../../src/pipeline/runner.js';
import { triggeredModels } from '../../src/pipeline/scheduled-selection.js';
import { serveQuery } from '../../src/pipeline/serving.js';
import { ENV, logEvent, requireEnv, type EnvName } from './environment.js';
import { lake } from './lake.js';
import { findNode, pipelineContext } from './scheduled.js';
import { parseState } from './batch.js';

/** The models the transform runs and the table each one's rows are served from. */
export const P2_SERVED: ReadonlyArray<{ model: string; tableEnv: EnvName; key: readonly string[] }> = [
  { model: 'p2_order_kpis', tableEnv: ENV.orderKpisTable, key: ['order_date'] },
  { model: 'p2_category_kpis', tableEnv: ENV.categoryKpisTable, key: ['category', 'order_date'] },
];

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

let dynamodb: DynamoDBClient | undefined;

export async function transform(event: unknown): Promise<{ batchId: string; days: number; rowsWritten: number; served: Record<string, number> }> {
  const state = parseState(event) as ReturnType<typeof parseState> & { batch?: { batchId?: string } };
  const batchId = state.batch?.batchId;
  if (!batchId) throw new Error('transform needs the validated batch ($.batch.batchId)');
  const lakehouse = await lake();
  const range = await lakehouse.engine.execute(
    `SELECT CAST(min(order_date) AS VARCHAR) AS first_day, CAST(max(order_date) AS VARCHAR) AS last_day FROM ${quote(lakehouse.database)}.${quote('p2_raw_orders')} WHERE batch_id = ${literal(batchId)}`,
    { database: lakehouse.database },
  );
  const [first, last] = (range.rows[0] ?? []) as Array<string | null>;
  if (!first || !last) {
    logEvent('p2_transform_skipped', { batchId, reason: 'the batch has no valid orders' });
    return { batchId, days: 0, rowsWritten: 0, served: {} };
  }
  const end = nextDay(last);
  const nodes = P2_SERVED.map((s) => findNode(lakehouse, 'model', s.model));
  const summary = await runPipeline(pipelineContext(lakehouse), {
    selector: triggeredModels(lakehouse.project)
      .map((n) => n.id)
      .join(' '),
    from: new Date(`${first}T00:00:00Z`),
    to: new Date(`${end}T00:00:00Z`),
  });
  if (!summary.ok) {
    const failed = summary.records.filter((r) => r.status === 'failed').map((r) => `${r.step}: ${r.error}`);
    throw new Error(`run ${summary.runId} failed: ${failed.join('; ')}`);
  }
  dynamodb ??= new DynamoDBClient({});
  const served: Record<string, number> = {};
  for (const [i, s] of P2_SERVED.entries()) {
    const node = nodes[i];
    const sql = `SELECT * FROM ${quote(node.database)}.${quote(node.name)} WHERE order_date >= DATE ${literal(first)} AND order_date < DATE ${literal(end)}`;
    const store = new DynamoDbItemTable({ client: dynamodb, tableName: requireEnv(s.tableEnv), key: s.key });
    served[s.model] = (await serveQuery(lakehouse.engine, sql, store, { key: s.key, database: node.database })).rows;
  }
  const days = Math.round((Date.parse(end) - Date.parse(first)) / 86_400_000);
  logEvent('p2_transformed', { batchId, runId: summary.runId, days, rowsWritten: summary.rowsWritten, served });
  return { batchId, days, rowsWritten: summary.rowsWritten, served };
}
