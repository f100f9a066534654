// The P5 feature job: the daily feature model runs like any scheduled model, then the rows of the period it wrote
// are copied to the feature table (DynamoDB) for real-time lookup by key.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbKeyValueStore } from '../../src/storage/kv-store/dynamodb.js';
import { serveQuery, type ServeResult } from '../../src/pipeline/serving.js';
import type { RunSummary } from '../../src/pipeline/runner.js';
import { ENV, requireEnv } from './environment.js';
import { lake } from './lake.js';
import { findNode, parseScheduledEvent, runScheduledModel } from './scheduled.js';

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Rows of the days the run covered: `date >= first day AND date < day after the last`. */
export function servedRowsSql(database: string, table: string, dateColumn: string, summary: RunSummary): string {
  const periods = summary.records.filter((r) => r.kind === 'model' && r.period_start && r.period_end);
  if (periods.length === 0) throw new Error(`run ${summary.runId} covered no period: the served model needs \`period: day\``);
  const first = periods.map((r) => (r.period_start as string).slice(0, 10)).sort()[0];
  const end = periods
    .map((r) => (r.period_end as string).slice(0, 10))
    .sort()
    .at(-1) as string;
  const column = quoteIdentifier(dateColumn);
  return `SELECT * FROM ${quoteIdentifier(database)}.${quoteIdentifier(table)} WHERE ${column} >= DATE '${first}' AND ${column} < DATE '${end}'`;
}

let dynamodb: DynamoDBClient | undefined;

export async function runFeatureJob(event: unknown): Promise<{ summary: RunSummary; served: ServeResult }> {
  const summary = await runScheduledModel(event);
  const { name } = parseScheduledEvent(event, 'model');
  const lakehouse = await lake();
  const node = findNode(lakehouse, 'model', name);
  dynamodb ??= new DynamoDBClient({});
  const store = new DynamoDbKeyValueStore({ client: dynamodb, tableName: requireEnv(ENV.featureTable) });
  const key = requireEnv(ENV.featureKey).split(',').filter(Boolean);
  const sql = servedRowsSql(node.database, node.name, requireEnv(ENV.featureDateColumn), summary);
  const served = await serveQuery(lakehouse.engine, sql, store, { key, database: node.database });
  return { summary, served };
}
