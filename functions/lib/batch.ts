// P2 on AWS (seed 001), the steps of the Step Functions state machine (stacks/Batch.ts) and the trigger that starts
// it. The lock is a KeyValueLock on DynamoDB taken by the trigger (token = the execution name) and released by the
// last step, so only one batch runs at a time; the threshold check and the batch processing are the local landing's
// (src/ingest/landing). Validation runs DuckDB and lives in its own file (batch-validate.ts) so no other step ships it.
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { DynamoDbKeyValueStore } from '../../src/storage/kv-store/dynamodb.js';
import { S3ObjectStore } from '../../src/storage/object-store/s3.js';
import { putCount } from '../../src/ingest/aws/metrics.js';
import { executionName, startExecutionOnce } from '../../src/ingest/aws/step-functions.js';
import { KeyValueLock } from '../../src/ingest/landing/kv-lock.js';
import { checkThreshold, landedFiles, type Thresholds, type ThresholdResult } from '../../src/ingest/landing/threshold.js';
import { ENV, logEvent, requireEnv } from './environment.js';

/** The lock's item key in the lock table. */
export const P2_LOCK_KEY = 'p2-pipeline';
/** Metric counted on every failed execution (seed: LogFailure). */
export const P2_FAILURE_METRIC = 'P2PipelineFailures';
const INCOMING = 'incoming/';

/** What every step receives: the trigger's input plus the results of earlier steps (ResultPath). */
export interface P2State {
  lockToken: string;
  /** `$$.Execution.StartTime`: batch ids sort by it (the KPI models keep the latest batch of an order). */
  startedAt?: string;
  threshold?: ThresholdResult;
}

let clients: { s3: S3Client; dynamodb: DynamoDBClient } | undefined;
const aws = () => (clients ??= { s3: new S3Client({}), dynamodb: new DynamoDBClient({}) });

export const p2Lock = (token?: string): KeyValueLock =>
  new KeyValueLock(new DynamoDbKeyValueStore({ client: aws().dynamodb, tableName: requireEnv(ENV.lockTable) }), {
    key: P2_LOCK_KEY,
    token,
    host: process.env.AWS_LAMBDA_FUNCTION_NAME,
  });

export const lakeStore = () => new S3ObjectStore(aws().s3);

export function parseState(event: unknown): P2State {
  const state = (event ?? {}) as Partial<P2State>;
  if (typeof state.lockToken !== 'string' || !state.lockToken)
    throw new Error(`expected the execution state with a lockToken, got ${JSON.stringify(event)?.slice(0, 300)}`);
  return state as P2State;
}

/**
 * EventBridge "Object Created" under incoming/ → take the lock and start one execution for the files landed now. The
 * execution name is derived from that file set, so a duplicate event starts nothing new; while a run holds the lock,
 * uploads only land (the running execution's next threshold check counts them).
 */
export async function trigger(): Promise<{ started: boolean; executionName?: string; heldBy?: string }> {
  const bucket = requireEnv(ENV.lakeBucket);
  const files = (await landedFiles(lakeStore(), bucket, INCOMING)).sort();
  if (!files.length) return { started: false };
  const name = executionName('p2', [bucket, ...files]);
  const attempt = await p2Lock(name).tryAcquire();
  if (!attempt.acquired) {
    logEvent('p2_locked', { heldBy: attempt.heldBy?.token });
    return { started: false, heldBy: attempt.heldBy?.token };
  }
  try {
    const execution = await startExecutionOnce(new SFNClient({}), requireEnv(ENV.stateMachineArn), name, { lockToken: name } satisfies P2State);
    logEvent('p2_started', { executionArn: execution.executionArn, started: execution.started, files: files.length });
    return { started: execution.started, executionName: name };
  } catch (error) {
    await attempt.lock.release();
    throw error;
  }
}

/** CheckFileThreshold: `due` (met or forced after FORCE_AFTER_MINUTES), `waiting`, or `empty`. */
export async function threshold(event: unknown): Promise<ThresholdResult> {
  parseState(event);
  const result = await checkThreshold({
    store: lakeStore(),
    bucket: requireEnv(ENV.lakeBucket),
    incomingPrefix: INCOMING,
    thresholds: JSON.parse(requireEnv(ENV.thresholds)) as Partial<Thresholds>,
    forceAfterMs: Number(requireEnv(ENV.forceAfterMinutes)) * 60_000,
  });
  logEvent('p2_threshold', result);
  return result;
}

/** ResetLock: removes the lock if this execution still holds it. */
export async function releaseLock(event: unknown): Promise<{ released: boolean }> {
  const { lockToken } = parseState(event);
  const released = await p2Lock().releaseToken(lockToken);
  logEvent('p2_lock_released', { lockToken, released });
  return { released };
}

/** NotifyFailure + LogFailure: the error to the alert topic and one failure to the metric. */
export async function notifyFailure(event: unknown): Promise<{ notified: boolean }> {
  const state = parseState(event) as P2State & { error?: { Error?: string; Cause?: string } };
  const error = state.error ?? {};
  const message = `P2 batch pipeline failed (execution ${state.lockToken}): ${error.Error ?? 'unknown error'}\n${error.Cause ?? ''}`.slice(0, 200_000);
  await new SNSClient({}).send(new PublishCommand({ TopicArn: requireEnv(ENV.failureTopicArn), Subject: 'P2 batch pipeline failed', Message: message }));
  await putCount(new CloudWatchClient({}), requireEnv(ENV.metricNamespace), P2_FAILURE_METRIC, 1);
  logEvent('p2_failed', { lockToken: state.lockToken, error: error.Error });
  return { notified: true };
}
