// P1 consumer on AWS: each Kinesis batch becomes Parquet under processed/ (written by the local component with DuckDB,
// src/ingest/interactions/consumer.ts) and the hour partitions are registered in Glue.
import { GlueClient } from '@aws-sdk/client-glue';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { S3ObjectStore } from '../../src/storage/object-store/s3.js';
import { GlueCatalog, type CatalogTable } from '../../src/ingest/aws/glue-catalog.js';
import { receivedRecords, type KinesisBatchResponse } from '../../src/ingest/aws/kinesis-event.js';
import { SnsDeadLetterQueue } from '../../src/ingest/aws/sns-dead-letter.js';
import { InteractionConsumer, type ConsumerResult } from '../../src/ingest/interactions/consumer.js';
import { ENV, logEvent, requireEnv } from './environment.js';

let clients: { s3: S3Client; sns: SNSClient; glue: GlueClient } | undefined;
const aws = () => (clients ??= { s3: new S3Client({}), sns: new SNSClient({}), glue: new GlueClient({}) });

let consumer: Promise<InteractionConsumer> | undefined;
let table: Promise<CatalogTable> | undefined;

/** Forgets the per-container consumer and table (tests switch environments between cases). */
export async function resetConsumer(): Promise<void> {
  const open = consumer;
  consumer = undefined;
  table = undefined;
  if (open) await (await open).close();
}

/**
 * One Kinesis batch: bad records and failed writes go to the dead-letter queue inside `process`; the partitions
 * written are registered in Glue (a failed registration is dead-lettered too: the files are in place and partition
 * projection still finds them, so re-running the batch would only duplicate rows). Throws only when the dead-letter
 * queue itself is unreachable, so the event source mapping retries and bisects.
 */
export async function consume(event: unknown): Promise<KinesisBatchResponse & { result: ConsumerResult }> {
  const records = receivedRecords(event);
  const { s3, sns, glue } = aws();
  const bucket = requireEnv(ENV.lakeBucket);
  const deadLetter = new SnsDeadLetterQueue(sns, requireEnv(ENV.deadLetterTopicArn));
  consumer ??= InteractionConsumer.open({ store: new S3ObjectStore(s3), bucket, deadLetter });
  const result = await (await consumer).process(records);
  if (result.partitions.length) {
    const catalog = new GlueCatalog(glue);
    table ??= catalog.getTable(requireEnv(ENV.database), requireEnv(ENV.tableName)).catch((error: unknown) => {
      table = undefined;
      throw error;
    });
    const registered = await catalog.addPartitions(await table, result.partitions);
    if (registered.failed.length) {
      await deadLetter.send({
        source: 'consumer-partitions',
        error: `Glue BatchCreatePartition failed for ${registered.failed.length} partitions: ${registered.failed.map((f) => `${f.values.join('/')} ${f.errorCode}`).join('; ')}`,
        records: [],
      });
    }
    logEvent('partitions_registered', { created: registered.created, alreadyExisted: registered.alreadyExisted, failed: registered.failed.length });
  }
  logEvent('consumer_batch', { ...result.counts, objects: result.objects.length, failedBatches: result.failedBatches });
  return { batchItemFailures: [], result };
}
