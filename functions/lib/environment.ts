// What a function is told by its stack, read once from the environment. Only handlers and this folder read
// process.env; the core (src/) gets everything as arguments.
import { LakeError } from '../../src/errors.js';

/** Environment variable names the stacks set (stacks/lib/lake-function.ts passes them). */
export const ENV = {
  lakeBucket: 'LAKE_BUCKET',
  workgroup: 'ATHENA_WORKGROUP',
  database: 'GLUE_DATABASE',
  /** The lakehouse.yaml stage whose variables apply. */
  stage: 'LAKE_STAGE',
  alertStateTable: 'ALERT_STATE_TABLE',
  alertTopicArn: 'ALERT_TOPIC_ARN',
  featureTable: 'FEATURE_TABLE',
  /** Key columns of the feature table items, comma-separated. */
  featureKey: 'FEATURE_KEY',
  /** The served model's date column (its daily partition). */
  featureDateColumn: 'FEATURE_DATE_COLUMN',
  /** P1 (Streaming stack). */
  streamArn: 'STREAM_ARN',
  apiUrl: 'API_URL',
  runSeconds: 'RUN_SECONDS',
  pollIntervalMs: 'POLL_INTERVAL_MS',
  metricNamespace: 'METRIC_NAMESPACE',
  tableName: 'TABLE_NAME',
  /** SNS topic whose subscriber is the SQS dead-letter queue. */
  deadLetterTopicArn: 'DEAD_LETTER_TOPIC_ARN',
  /** P2 (Batch stack). */
  lockTable: 'LOCK_TABLE',
  stateMachineArn: 'STATE_MACHINE_ARN',
  orderKpisTable: 'ORDER_KPIS_TABLE',
  categoryKpisTable: 'CATEGORY_KPIS_TABLE',
  thresholds: 'P2_THRESHOLDS',
  forceAfterMinutes: 'FORCE_AFTER_MINUTES',
  failureTopicArn: 'FAILURE_TOPIC_ARN',
  /** LookupApi stack: the served tables as JSON (functions/lib/lookup.ts `ServedTableConfig[]`). */
  servedTables: 'SERVED_TABLES',
  /** Dashboards stack: the custom resource's properties as JSON (QuickSight target, dashboards), for a manual publish. */
  quickSightDeployment: 'QUICKSIGHT_DEPLOYMENT',
} as const;

export type EnvName = (typeof ENV)[keyof typeof ENV];

export class MissingEnvironmentError extends LakeError {
  override readonly name: string = 'MissingEnvironmentError';
  constructor(name: string) {
    super(`environment variable ${name} is not set (the stack that creates this function sets it)`);
  }
}

export function requireEnv(name: EnvName, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (!value) throw new MissingEnvironmentError(name);
  return value;
}

/** One JSON log line per event, as CloudWatch Logs Insights reads them. */
export const writeLog = (line: string): void => {
  process.stdout.write(line.endsWith('\n') ? line : `${line}\n`);
};

export const logEvent = (event: string, body: object): void => writeLog(JSON.stringify({ event, ...body }));
