// P4 domain events: a Firehose delivery stream into domain-events/ with dynamic partitioning by the event's own time
// (year/month/day/hour), GZIP, 64 MB / 300 s buffering and failed records under a separate error prefix.
import * as iam from 'aws-cdk-lib/aws-iam';
import * as firehose from 'aws-cdk-lib/aws-kinesisfirehose';
import * as logs from 'aws-cdk-lib/aws-logs';
import { use, type StackContext } from 'sst/constructs';
import { hourKeysOf, toJq } from '../src/ingest/firehose/config.js';
import { PREFIX, stageConfig } from './config.js';
import { lakeStatements } from './lib/permissions.js';
import { Storage } from './Storage.js';

/**
 * jq over each event: year/month/day/hour sliced from its `event_time` (ISO-8601, UTC), the same query the local
 * Firehose evaluates (src/ingest/firehose/config.ts), so both lakes get the same folders. An event without
 * `event_time` yields no keys and goes to the error prefix (read by the p4_domain_event_errors table).
 */
export const PARTITION_KEYS_QUERY = toJq(hourKeysOf('event_time'));

/** Firehose's minimum buffer size when dynamic partitioning is enabled. */
export const MIN_PARTITIONED_BUFFER_MB = 64;

export function Firehose({ stack, app }: StackContext) {
  const config = stageConfig(app.stage).firehose;
  if (config.bufferSizeMb < MIN_PARTITIONED_BUFFER_MB) {
    throw new Error(
      `stacks/config.ts firehose.bufferSizeMb for stage ${app.stage} is ${config.bufferSizeMb}: Firehose needs at least ${MIN_PARTITIONED_BUFFER_MB} MB with dynamic partitioning`,
    );
  }
  const lake = use(Storage);

  const logGroup = new logs.LogGroup(stack, 'DomainEventsDeliveryLogs', { retention: logs.RetentionDays.TWO_WEEKS });
  const logStream = new logs.LogStream(stack, 'DomainEventsDeliveryErrors', { logGroup });

  const role = new iam.Role(stack, 'DomainEventsDeliveryRole', { assumedBy: new iam.ServicePrincipal('firehose.amazonaws.com') });
  const statements = [
    // Firehose's S3 destination role needs GetObject too (Firehose Developer Guide, "Grant Firehose access to an Amazon
    // S3 destination": AbortMultipartUpload, GetBucketLocation, GetObject, ListBucket, ListBucketMultipartUploads, PutObject).
    ...lakeStatements(lake, { read: [PREFIX.domainEvents, PREFIX.firehoseErrors], write: [PREFIX.domainEvents, PREFIX.firehoseErrors] }),
    // Firehose checks multipart uploads it started when it resumes a delivery.
    new iam.PolicyStatement({
      actions: ['s3:AbortMultipartUpload', 's3:ListBucketMultipartUploads'],
      resources: [lake.bucket.bucketArn, lake.bucket.arnForObjects(`${PREFIX.domainEvents}*`), lake.bucket.arnForObjects(`${PREFIX.firehoseErrors}*`)],
    }),
    new iam.PolicyStatement({ actions: ['logs:PutLogEvents'], resources: [logGroup.logGroupArn] }),
  ];
  for (const statement of statements) role.addToPolicy(statement);

  const deliveryStream = new firehose.CfnDeliveryStream(stack, 'DomainEvents', {
    deliveryStreamType: 'DirectPut',
    deliveryStreamEncryptionConfigurationInput: { keyType: 'AWS_OWNED_CMK' },
    extendedS3DestinationConfiguration: {
      bucketArn: lake.bucket.bucketArn,
      roleArn: role.roleArn,
      prefix: `${PREFIX.domainEvents}year=!{partitionKeyFromQuery:year}/month=!{partitionKeyFromQuery:month}/day=!{partitionKeyFromQuery:day}/hour=!{partitionKeyFromQuery:hour}/`,
      // Arrival-time hour folders, as the p4_domain_event_errors table (sql/ddl) and the local Firehose lay them out.
      errorOutputPrefix: `${PREFIX.firehoseErrors}!{firehose:error-output-type}/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/`,
      compressionFormat: 'GZIP',
      // 64 MB (the minimum with dynamic partitioning) or 300 s, whichever comes first (stacks/config.ts).
      bufferingHints: { sizeInMBs: config.bufferSizeMb, intervalInSeconds: config.bufferIntervalSeconds },
      encryptionConfiguration: lake.key ? { kmsEncryptionConfig: { awskmsKeyArn: lake.key.keyArn } } : { noEncryptionConfig: 'NoEncryption' },
      cloudWatchLoggingOptions: { enabled: true, logGroupName: logGroup.logGroupName, logStreamName: logStream.logStreamName },
      dynamicPartitioningConfiguration: { enabled: true, retryOptions: { durationInSeconds: 300 } },
      processingConfiguration: {
        enabled: true,
        processors: [
          {
            type: 'MetadataExtraction',
            parameters: [
              { parameterName: 'MetadataExtractionQuery', parameterValue: PARTITION_KEYS_QUERY },
              { parameterName: 'JsonParsingEngine', parameterValue: 'JQ-1.6' },
            ],
          },
          // One JSON document per line in the delivered objects, so Athena's JSON SerDe reads every event.
          { type: 'AppendDelimiterToRecord', parameters: [{ parameterName: 'Delimiter', parameterValue: '\\n' }] },
        ],
      },
    },
  });
  deliveryStream.node.addDependency(role);

  stack.addOutputs({ DomainEventsFirehose: deliveryStream.ref });
  return { deliveryStream, deliveryStreamName: deliveryStream.ref };
}
