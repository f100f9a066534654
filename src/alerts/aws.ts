// Wiring for running alerts in a Lambda function: state in DynamoDB, history in the lake bucket on S3, notifiers from
// channel specs. The counterpart of local.ts. A function has no console to watch and no file anyone reads, so the
// two local channels change meaning on AWS:
//   console → one JSON line in the function's log (CloudWatch Logs), with the whole notice;
//   file    → the stage's alert topic (SNS, with the stage's e-mail subscriptions): the durable place notices go.
// webhook, slack and sns channels are delivered as written.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { Engine } from '../engines/engine.js';
import { DynamoDbKeyValueStore } from '../storage/kv-store/dynamodb.js';
import { S3ObjectStore } from '../storage/object-store/s3.js';
import type { Variables } from '../project/variables.js';
import { notifierFactory, parseChannel } from './channels.js';
import { AlertHistoryWriter, alertHistoryLocation } from './history.js';
import type { Notifier } from './notifiers/notifier.js';
import { SnsNotifier } from './notifiers/sns.js';
import type { AlertRunDependencies } from './service.js';
import type { Notice } from './state.js';

export interface AwsAlertOptions {
  engine: Engine;
  database: string;
  /** Stage variables, with `lake_bucket` set to the deployed bucket. */
  variables: Variables;
  lakeBucket: string;
  /** DynamoDB table (string partition key `pk`) holding alert state and outbox. */
  stateTable: string;
  /** The stage's alert topic: where `file` channels deliver. */
  alertTopicArn: string;
  clients: { dynamodb: DynamoDBClient; s3: S3Client; sns: SNSClient };
  /** One log line (the function's stdout). */
  writeLog: (line: string) => void;
}

/** Notices as structured log events: searchable with CloudWatch Logs Insights, one JSON object per line. */
export class LogNotifier implements Notifier {
  readonly target = 'log';
  constructor(private readonly write: (line: string) => void) {}

  async send(notice: Notice): Promise<void> {
    this.write(`${JSON.stringify({ event: 'alert_notice', ...notice })}\n`);
  }
}

export function awsAlertDependencies(options: AwsAlertOptions): AlertRunDependencies & { historyLocation: string } {
  const historyLocation = alertHistoryLocation(options.lakeBucket);
  const delegate = notifierFactory({
    variables: options.variables,
    writeConsole: options.writeLog,
    // Never used: `file` channels are resolved below before the factory sees them.
    defaultFile: '/dev/null',
    baseDir: '/tmp',
    snsClient: () => options.clients.sns,
  });
  const log = new LogNotifier(options.writeLog);
  const topic = new SnsNotifier(options.clients.sns, options.alertTopicArn);
  const notifierFor = (spec: string): Notifier => {
    const target = parseChannel(spec, options.variables);
    if (target.kind === 'console') return log;
    if (target.kind === 'file') return topic;
    return delegate(spec);
  };
  return {
    engine: options.engine,
    database: options.database,
    variables: options.variables,
    state: new DynamoDbKeyValueStore({ client: options.clients.dynamodb, tableName: options.stateTable }),
    notifierFor,
    history: new AlertHistoryWriter(new S3ObjectStore(options.clients.s3), historyLocation),
    historyLocation,
  };
}
