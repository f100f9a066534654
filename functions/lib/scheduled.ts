// What the EventBridge rules of the ScheduledSql stack send, and the two things they start: a model run for the
// period that just ended, and an alert evaluation at the fire time. Both go through the same core as `lake run` and
// `lake alert` (runPipeline, runAlert); only the wiring differs.
import { LakeError } from '../../src/errors.js';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { awsAlertDependencies } from '../../src/alerts/aws.js';
import { defineAlert } from '../../src/alerts/definition.js';
import { runAlert, type AlertRunReport } from '../../src/alerts/service.js';
import { floorToGrain } from '../../src/pipeline/periods.js';
import { scheduledSelection, selectionGrain } from '../../src/pipeline/scheduled-selection.js';
import { jsonLinesReporter } from '../../src/pipeline/reporter.js';
import { sloMetricLines } from '../../src/pipeline/slo-metrics.js';
import { runPipeline, type PipelineContext, type RunOptions, type RunSummary } from '../../src/pipeline/runner.js';
import type { NodeKind, ProjectNode } from '../../src/project/model.js';
import { ENV, requireEnv, writeLog } from './environment.js';
import { lake, type Lake } from './lake.js';

/** The rule's input: the node's name and the scheduled time (EventBridge's `$.time`, UTC). */
export interface ScheduledSqlEvent {
  kind: Extract<NodeKind, 'model' | 'alert'>;
  name: string;
  time: string;
}

export class ScheduledEventError extends LakeError {
  override readonly name: string = 'ScheduledEventError';
}

export function parseScheduledEvent(event: unknown, kind: ScheduledSqlEvent['kind']): { name: string; at: Date } {
  const e = (event ?? {}) as Partial<ScheduledSqlEvent>;
  if (e.kind !== kind || typeof e.name !== 'string' || typeof e.time !== 'string') {
    throw new ScheduledEventError(`expected {"kind":"${kind}","name":…,"time":…}, got ${JSON.stringify(event)}`);
  }
  const at = new Date(e.time);
  if (Number.isNaN(at.getTime())) throw new ScheduledEventError(`time '${e.time}' is not a timestamp`);
  return { name: e.name, at };
}

export function findNode(lakehouse: Lake, kind: NodeKind, name: string): ProjectNode {
  const node = lakehouse.project.nodes.find((n) => n.kind === kind && n.name === name);
  if (!node) throw new ScheduledEventError(`no ${kind} named '${name}' in the bundled project`);
  return node;
}

/**
 * The period a fire at `at` covers: for a model with `period: hour|day` (or, without one, the period of the models its
 * run takes along), the last whole period that ended at or before `at` (a 02:00 daily fire runs yesterday). A retried
 * or late invocation therefore rewrites the same period. Runs without any period rebuild as of now.
 */
export function scheduledRange(node: ProjectNode, at: Date, selection: readonly ProjectNode[] = [node]): Pick<RunOptions, 'to'> {
  const grain = selectionGrain(selection, node);
  return grain ? { to: floorToGrain(at, grain) } : {};
}

export function pipelineContext(lakehouse: Lake): PipelineContext {
  return {
    project: lakehouse.project,
    engine: lakehouse.engine,
    objectStore: lakehouse.objectStore,
    variables: lakehouse.variables,
    reporter: jsonLinesReporter(writeLog),
  };
}

/**
 * Runs one scheduled model with what its run takes along (src/pipeline/scheduled-selection.ts: the unscheduled models
 * upstream, and the DDL of Iceberg tables, which only Athena can create); rejects when a step failed, so the invocation
 * counts as an error (the function-errors alarm).
 */
export async function runScheduledModel(event: unknown): Promise<RunSummary> {
  const { name, at } = parseScheduledEvent(event, 'model');
  const lakehouse = await lake();
  const node = findNode(lakehouse, 'model', name);
  const selection = scheduledSelection(lakehouse.project, node, 'iceberg');
  const summary = await runPipeline(pipelineContext(lakehouse), { selector: selection.map((n) => n.id).join(' '), ...scheduledRange(node, at, selection) });
  // The SLO alarms' data points (embedded metric format) for every model of the selection, failed runs included,
  // before a failure rejects.
  for (const line of sloMetricLines(summary.records, lakehouse.project.nodes, requireEnv(ENV.workgroup), new Date())) writeLog(line);
  if (!summary.ok) {
    const failed = summary.records.filter((r) => r.status === 'failed').map((r) => `${r.step}: ${r.error}`);
    throw new Error(`run ${summary.runId} failed: ${failed.join('; ')}`);
  }
  return summary;
}

let alertClients: { dynamodb: DynamoDBClient; sns: SNSClient } | undefined;

/** Evaluates one alert at its fire time; rejects when the evaluation itself failed (after sending that notice). */
export async function evaluateScheduledAlert(event: unknown): Promise<AlertRunReport> {
  const { name, at } = parseScheduledEvent(event, 'alert');
  const lakehouse = await lake();
  const node = findNode(lakehouse, 'alert', name);
  alertClients ??= { dynamodb: new DynamoDBClient({}), sns: new SNSClient({}) };
  const deps = awsAlertDependencies({
    engine: lakehouse.engine,
    database: lakehouse.database,
    variables: lakehouse.variables,
    lakeBucket: lakehouse.bucket,
    stateTable: requireEnv(ENV.alertStateTable),
    alertTopicArn: requireEnv(ENV.alertTopicArn),
    clients: { ...alertClients, s3: lakehouse.s3 },
    writeLog,
  });
  const report = await runAlert(defineAlert(node), deps, { at });
  writeLog(
    JSON.stringify({
      event: 'alert_evaluated',
      alert: report.alert,
      at: report.at.toISOString(),
      ok: report.evaluation.ok,
      notices: report.notices.length,
      deliveries: report.deliveries.map((d) => ({ channel: d.channel, ok: d.ok, error: d.error })),
      pending: report.pending.length,
      history: report.historyUri ?? report.historyError,
    }),
  );
  if (!report.evaluation.ok) throw new Error(`alert ${name} at ${at.toISOString()}: ${report.evaluation.error}`);
  return report;
}
