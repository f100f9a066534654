// P1 producer on AWS: polls the interactions API for most of a scheduled minute into Kinesis, the local component
// (src/ingest/interactions/producer.ts) with the AWS adapters plugged in. No DuckDB here: it only moves JSON.
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { KinesisClient } from '@aws-sdk/client-kinesis';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { S3ObjectStore } from '../../src/storage/object-store/s3.js';
import { KinesisStreamWriter } from '../../src/ingest/aws/kinesis-writer.js';
import { putCount } from '../../src/ingest/aws/metrics.js';
import { SnsDeadLetterQueue } from '../../src/ingest/aws/sns-dead-letter.js';
import { InteractionProducer } from '../../src/ingest/interactions/producer.js';
import { ENV, logEvent, requireEnv } from './environment.js';

let clients: { s3: S3Client; sns: SNSClient } | undefined;
const aws = () => (clients ??= { s3: new S3Client({}), sns: new SNSClient({}) });

/** The producer's seed metric (`APIFailures`): polls that failed after every retry. */
export const API_FAILURES_METRIC = 'APIFailures';

export interface ProduceResult {
  received: number;
  accepted: number;
  quarantined: number;
  apiFailures: number;
}

/** Polls until RUN_SECONDS have passed (the next scheduled invocation takes over). An empty API_URL sends nothing. */
export async function produce(options: { fetch?: typeof fetch } = {}): Promise<ProduceResult> {
  const apiUrl = process.env[ENV.apiUrl] ?? '';
  if (!apiUrl) {
    logEvent('producer_idle', { reason: `${ENV.apiUrl} is empty for this stage (stacks/config.ts streaming.producerApiUrl)` });
    return { received: 0, accepted: 0, quarantined: 0, apiFailures: 0 };
  }
  const bucket = requireEnv(ENV.lakeBucket);
  const { s3, sns } = aws();
  const producer = new InteractionProducer({
    apiUrl,
    stream: new KinesisStreamWriter(new KinesisClient({}), requireEnv(ENV.streamArn)),
    store: new S3ObjectStore(s3),
    bucket,
    deadLetter: new SnsDeadLetterQueue(sns, requireEnv(ENV.deadLetterTopicArn)),
    pollIntervalMs: Number(process.env[ENV.pollIntervalMs] ?? 500),
    fetch: options.fetch,
    onProgress: (event) => {
      if (event.type !== 'poll' || event.fetched > 0) logEvent(`producer_${event.type}`, event);
    },
  });
  const signal = AbortSignal.timeout(Number(requireEnv(ENV.runSeconds)) * 1000);
  try {
    await producer.run({ signal });
  } finally {
    if (producer.apiFailures > 0) await putCount(new CloudWatchClient({}), requireEnv(ENV.metricNamespace), API_FAILURES_METRIC, producer.apiFailures);
  }
  const { received, accepted, quarantined } = producer.counts;
  logEvent('producer_run', { received, accepted, quarantined, apiFailures: producer.apiFailures });
  return { received, accepted, quarantined, apiFailures: producer.apiFailures };
}
