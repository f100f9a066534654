// P1 customer interactions: a Kinesis data stream, the producer that polls the interactions API into it (on a
// schedule; each run polls for most of a minute), and the consumer that turns batches into Parquet under processed/
// with failed records on an SQS dead-letter queue.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { use, type StackContext } from 'sst/constructs';
import { Catalog } from './Catalog.js';
import { PREFIX, stageConfig } from './config.js';
import { lakeFunction } from './lib/lake-function.js';
import { lakeStatements, METRIC_NAMESPACE, putMetricStatement } from './lib/permissions.js';
import { Storage } from './Storage.js';

/** Seed 000's table name for the interactions the consumer writes. */
export const INTERACTIONS_TABLE = 'crm_data';

export function Streaming({ stack, app }: StackContext) {
  const config = stageConfig(app.stage).streaming;
  const lake = use(Storage);
  const { databaseName, glueArns } = use(Catalog);

  const stream = new kinesis.Stream(stack, 'Interactions', {
    shardCount: config.shardCount,
    retentionPeriod: Duration.hours(config.retentionHours),
    encryption: kinesis.StreamEncryption.MANAGED,
    removalPolicy: RemovalPolicy.DESTROY,
  });

  const deadLetters = new sqs.Queue(stack, 'InteractionsDlq', {
    retentionPeriod: Duration.days(14),
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
  });

  const producer = lakeFunction(stack, 'Producer', {
    handler: 'producer',
    timeoutSeconds: config.producerRunSeconds + 10,
    environment: {
      STREAM_ARN: stream.streamArn,
      LAKE_BUCKET: lake.bucket.bucketName,
      API_URL: config.producerApiUrl,
      RUN_SECONDS: String(config.producerRunSeconds),
      POLL_INTERVAL_MS: String(config.producerPollIntervalMs),
      METRIC_NAMESPACE,
    },
    statements: [
      new iam.PolicyStatement({ actions: ['kinesis:PutRecords', 'kinesis:DescribeStreamSummary'], resources: [stream.streamArn] }),
      ...lakeStatements(lake, { write: [PREFIX.invalid] }),
      putMetricStatement(METRIC_NAMESPACE),
    ],
  });
  // Stream-managed encryption uses the AWS-owned key `alias/aws/kinesis`: no kms statement needed.
  new events.Rule(stack, 'ProducerSchedule', {
    schedule: events.Schedule.expression(config.producerSchedule),
    targets: [new targets.LambdaFunction(producer, { retryAttempts: 0 })],
  });

  const consumer = lakeFunction(stack, 'Consumer', {
    handler: 'consumer',
    timeoutSeconds: 120,
    memorySize: 1024,
    environment: {
      LAKE_BUCKET: lake.bucket.bucketName,
      GLUE_DATABASE: databaseName,
      TABLE_NAME: INTERACTIONS_TABLE,
      DLQ_URL: deadLetters.queueUrl,
    },
    statements: [
      ...lakeStatements(lake, { write: [PREFIX.processed] }),
      new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [deadLetters.queueArn] }),
      new iam.PolicyStatement({
        actions: ['glue:GetTable', 'glue:BatchCreatePartition'],
        resources: [glueArns.catalog, glueArns.database, glueArns.table(INTERACTIONS_TABLE)],
      }),
    ],
  });
  // Grants the stream read actions (GetRecords, GetShardIterator, DescribeStream, ListShards) on this stream only,
  // plus SendMessage on the DLQ for batches that still fail after the retries.
  consumer.addEventSource(
    new sources.KinesisEventSource(stream, {
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      batchSize: config.consumerBatchSize,
      maxBatchingWindow: Duration.seconds(config.consumerMaxBatchingWindowSeconds),
      bisectBatchOnError: true,
      retryAttempts: config.consumerRetryAttempts,
      reportBatchItemFailures: true,
      onFailure: new sources.SqsDlq(deadLetters),
    }),
  );

  stack.addOutputs({ InteractionsStream: stream.streamName, InteractionsDlq: deadLetters.queueUrl });
  return { stream, deadLetters, functions: { producer, consumer } };
}
