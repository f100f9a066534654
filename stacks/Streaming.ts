// P1 customer interactions (seed 000): a Kinesis data stream, the producer that polls the interactions API into it (on
// a schedule; each run polls for most of a minute), and the consumer that turns batches into Parquet under processed/
// and registers the hour partitions in Glue. Failed records reach the SQS dead-letter queue through an SNS topic
// (functions publish; the queue is its only subscriber); batches that keep failing go there from the event source
// mapping. Alarms: consumer and producer errors, messages waiting on the dead-letter queue.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { use, type StackContext } from 'sst/constructs';
import { deadLetterAlarm, functionErrorsAlarm } from './Alarms.js';
import { Alerting } from './Alerting.js';
import { Catalog } from './Catalog.js';
import { PREFIX, stageConfig } from './config.js';
import { lakeFunction } from './lib/lake-function.js';
import { lakeStatements, METRIC_NAMESPACE, publishStatements, putMetricStatement } from './lib/permissions.js';
import { Storage } from './Storage.js';
import { acceptCheck } from './lib/checker-suppressions.js';

/** Seed 000's table name for the interactions the consumer writes. */
export const INTERACTIONS_TABLE = 'crm_data';

export function Streaming({ stack, app }: StackContext) {
  const config = stageConfig(app.stage).streaming;
  const lake = use(Storage);
  const { topic: alerts, topicKey } = use(Alerting);
  const { databaseName, glueArns } = use(Catalog);

  const stream = new kinesis.Stream(stack, 'Interactions', {
    shardCount: config.shardCount,
    retentionPeriod: Duration.hours(config.retentionHours),
    encryption: kinesis.StreamEncryption.MANAGED,
    removalPolicy: stageConfig(app.stage).retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });

  const deadLetters = new sqs.Queue(stack, 'InteractionsDlq', {
    retentionPeriod: Duration.days(14),
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
  });
  acceptCheck(deadLetters, 'CKV_AWS_27', 'encrypted at rest with SQS-managed SSE (SqsManagedSseEnabled), which the check does not recognise');
  // Dead letters carry customer records: encrypted at rest with the topics' key (Alerting), TLS-only in transit.
  const deadLetterTopic = new sns.Topic(stack, 'InteractionsDeadLetters', { enforceSSL: true, masterKey: topicKey });
  // Raw delivery: the queue holds the dead-letter JSON itself, not an SNS envelope. Adds the queue policy letting
  // this topic (only) send to it.
  deadLetterTopic.addSubscription(new subscriptions.SqsSubscription(deadLetters, { rawMessageDelivery: true }));

  const producer = lakeFunction(stack, 'Producer', {
    handler: 'producer',
    timeoutSeconds: config.producerRunSeconds + 10,
    // A missed minute is covered by the next one; retrying would poll the same minute twice.
    retryAttempts: 0,
    environment: {
      STREAM_ARN: stream.streamArn,
      LAKE_BUCKET: lake.bucket.bucketName,
      API_URL: config.producerApiUrl,
      RUN_SECONDS: String(config.producerRunSeconds),
      POLL_INTERVAL_MS: String(config.producerPollIntervalMs),
      METRIC_NAMESPACE,
      DEAD_LETTER_TOPIC_ARN: deadLetterTopic.topicArn,
    },
    statements: [
      new iam.PolicyStatement({ actions: ['kinesis:PutRecords'], resources: [stream.streamArn] }),
      ...lakeStatements(lake, { write: [PREFIX.invalid] }),
      ...publishStatements([deadLetterTopic.topicArn], topicKey),
      putMetricStatement(METRIC_NAMESPACE),
    ],
  });
  // Stream-managed encryption uses the AWS-owned key `alias/aws/kinesis`: no kms statement needed.
  new events.Rule(stack, 'ProducerSchedule', {
    description: 'P1 producer: poll the interactions API into Kinesis',
    schedule: events.Schedule.expression(config.producerSchedule),
    targets: [new targets.LambdaFunction(producer, { retryAttempts: 0 })],
  });

  const consumer = lakeFunction(stack, 'Consumer', {
    handler: 'consumer',
    // Writes Parquet with DuckDB: installed into the function, x86_64, 1024 MB (stacks/lib/lake-function.ts).
    duckdb: true,
    timeoutSeconds: 120,
    environment: {
      LAKE_BUCKET: lake.bucket.bucketName,
      GLUE_DATABASE: databaseName,
      TABLE_NAME: INTERACTIONS_TABLE,
      DEAD_LETTER_TOPIC_ARN: deadLetterTopic.topicArn,
    },
    statements: [
      ...lakeStatements(lake, { write: [PREFIX.processed] }),
      ...publishStatements([deadLetterTopic.topicArn], topicKey),
      new iam.PolicyStatement({
        actions: ['glue:GetTable', 'glue:BatchCreatePartition'],
        resources: [glueArns.catalog, glueArns.database, glueArns.table(INTERACTIONS_TABLE)],
      }),
    ],
  });
  // Grants the stream read actions (GetRecords, GetShardIterator, DescribeStream, ListShards) on this stream only,
  // plus SendMessage on the DLQ for the batches that still fail after the retries (their shard and sequence range).
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

  // The queue's messages go into the lake under dead-letter/ (as the local dead-letter queue writes them), where the
  // p1_dead_letter table and alert read them: the alert speaks about dead letters on AWS as it does locally.
  const deadLetterArchive = lakeFunction(stack, 'DeadLetterArchive', {
    handler: 'p1-dead-letters',
    timeoutSeconds: 30,
    environment: { LAKE_BUCKET: lake.bucket.bucketName },
    statements: lakeStatements(lake, { write: [PREFIX.deadLetter] }),
  });
  // Grants ReceiveMessage, DeleteMessage and GetQueueAttributes on this queue (and ChangeMessageVisibility); a message
  // that cannot be written stays on the queue for the depth alarm below.
  deadLetterArchive.addEventSource(new sources.SqsEventSource(deadLetters, { batchSize: 10, reportBatchItemFailures: true }));

  // Seed 000: ≥ 1 consumer error in 5 minutes, ≥ 1 message on the DLQ (now: one the archive could not write); the
  // producer's errors too.
  const alarms = [
    functionErrorsAlarm(stack, 'ConsumerErrors', consumer, alerts),
    functionErrorsAlarm(stack, 'ProducerErrors', producer, alerts),
    functionErrorsAlarm(stack, 'DeadLetterArchiveErrors', deadLetterArchive, alerts),
    deadLetterAlarm(stack, 'InteractionsDlqMessages', deadLetters, alerts),
  ];

  stack.addOutputs({ InteractionsStream: stream.streamName, InteractionsDlq: deadLetters.queueUrl });
  return { stream, deadLetters, deadLetterTopic, alarms, functions: { producer, consumer, deadLetterArchive } };
}
