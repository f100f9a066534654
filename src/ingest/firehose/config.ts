// The Firehose settings the local writer honours, under Firehose's own names (CreateDeliveryStream's
// ExtendedS3DestinationConfiguration), so one configuration object describes both the AWS stream and the local one.
// Prefix expressions: `!{partitionKeyFromQuery:KEY}`, `!{timestamp:yyyy-MM-dd-HH}` (arrival time, UTC) and
// `!{firehose:error-output-type}` / `!{firehose:random-string}`. MetadataExtraction queries are evaluated locally for
// the jq subset `{key: .field.path, key2: .field[start:end], …}`, which covers partitioning by parts of a timestamp.
import { LakeError } from '../../errors.js';

export interface ProcessorParameter {
  ParameterName: string;
  ParameterValue: string;
}

export interface FirehoseProcessor {
  Type: 'MetadataExtraction' | 'AppendDelimiterToRecord' | 'RecordDeAggregation' | 'Lambda';
  Parameters?: ProcessorParameter[];
}

export interface ExtendedS3DestinationConfiguration {
  BucketARN: string;
  Prefix: string;
  ErrorOutputPrefix: string;
  BufferingHints?: { SizeInMBs?: number; IntervalInSeconds?: number };
  CompressionFormat?: 'UNCOMPRESSED' | 'GZIP';
  DynamicPartitioningConfiguration?: { Enabled: boolean };
  ProcessingConfiguration?: { Enabled: boolean; Processors: FirehoseProcessor[] };
}

export interface DeliveryStreamConfig {
  DeliveryStreamName: string;
  ExtendedS3DestinationConfiguration: ExtendedS3DestinationConfiguration;
}

/** Firehose defaults when BufferingHints are absent (and the seed's values: 5 MB or 300 s). */
export const DEFAULT_BUFFERING = { SizeInMBs: 5, IntervalInSeconds: 300 };

/** One partition key extracted from a JSON record: a path of fields, optionally sliced as a string. */
export interface PartitionKeyQuery {
  name: string;
  path: string[];
  slice?: [number, number];
}

export class FirehoseConfigError extends LakeError {
  override readonly name: string = 'FirehoseConfigError';
}

const KEY_QUERY = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:\s*((?:\.[A-Za-z_][A-Za-z0-9_]*)+)(?:\[(\d+):(\d+)\])?\s*$/;

/** Parses the supported jq subset; anything else is refused up front rather than evaluated differently from AWS. */
export function parseMetadataExtractionQuery(query: string): PartitionKeyQuery[] {
  const body = /^\s*\{(.*)\}\s*$/s.exec(query);
  if (!body) throw new FirehoseConfigError(`MetadataExtractionQuery must be a jq object '{key: .field, …}', got '${query}'`);
  return body[1].split(',').map((part) => {
    const m = KEY_QUERY.exec(part);
    if (!m)
      throw new FirehoseConfigError(`MetadataExtractionQuery: '${part.trim()}' is outside the locally supported jq subset (key: .a.b or key: .a[start:end])`);
    return { name: m[1], path: m[2].slice(1).split('.'), ...(m[3] !== undefined ? { slice: [Number(m[3]), Number(m[4])] as [number, number] } : {}) };
  });
}

/** Renders a query back to jq, e.g. for the deployed stream's MetadataExtraction processor. */
export const toJq = (keys: PartitionKeyQuery[]): string =>
  `{${keys.map((k) => `${k.name}:.${k.path.join('.')}${k.slice ? `[${k.slice[0]}:${k.slice[1]}]` : ''}`).join(',')}}`;

/** `arn:aws:s3:::bucket` → `bucket`. */
export function bucketOfArn(arn: string): string {
  const m = /^arn:aws[a-z-]*:s3:::([^/]+)$/.exec(arn);
  if (!m) throw new FirehoseConfigError(`BucketARN '${arn}' is not an S3 bucket ARN (arn:aws:s3:::NAME)`);
  return m[1];
}

/** Partition keys of an ISO-8601 UTC timestamp field: year, month, day, hour by string slices. */
export const hourKeysOf = (field: string): PartitionKeyQuery[] => [
  { name: 'year', path: [field], slice: [0, 4] },
  { name: 'month', path: [field], slice: [5, 7] },
  { name: 'day', path: [field], slice: [8, 10] },
  { name: 'hour', path: [field], slice: [11, 13] },
];

/**
 * Seed 003's delivery stream: GZIP, 5 MB / 300 s, dynamic partitioning by the event time's year/month/day/hour, and
 * records that cannot be partitioned under the error prefix. Producers send newline-terminated JSON.
 */
export function domainEventsStreamConfig(options: {
  deliveryStreamName: string;
  bucket: string;
  prefix: string;
  errorPrefix: string;
  eventTimeField?: string;
  bufferSizeMb?: number;
  bufferIntervalSeconds?: number;
}): DeliveryStreamConfig {
  const keys = hourKeysOf(options.eventTimeField ?? 'event_time');
  return {
    DeliveryStreamName: options.deliveryStreamName,
    ExtendedS3DestinationConfiguration: {
      BucketARN: `arn:aws:s3:::${options.bucket}`,
      Prefix: `${options.prefix}${keys.map((k) => `${k.name}=!{partitionKeyFromQuery:${k.name}}`).join('/')}/`,
      ErrorOutputPrefix: `${options.errorPrefix}!{firehose:error-output-type}/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/`,
      BufferingHints: {
        SizeInMBs: options.bufferSizeMb ?? DEFAULT_BUFFERING.SizeInMBs,
        IntervalInSeconds: options.bufferIntervalSeconds ?? DEFAULT_BUFFERING.IntervalInSeconds,
      },
      CompressionFormat: 'GZIP',
      DynamicPartitioningConfiguration: { Enabled: true },
      ProcessingConfiguration: {
        Enabled: true,
        Processors: [
          {
            Type: 'MetadataExtraction',
            Parameters: [
              { ParameterName: 'MetadataExtractionQuery', ParameterValue: toJq(keys) },
              { ParameterName: 'JsonParsingEngine', ParameterValue: 'JQ-1.6' },
            ],
          },
        ],
      },
    },
  };
}
