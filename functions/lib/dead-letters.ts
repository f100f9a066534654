// P1 dead letters on AWS land in the SQS queue `InteractionsDlq` from two writers: the functions' SnsDeadLetterQueue
// (the topic's raw delivery: one DeadLetterMessage JSON per message) and the consumer's event source mapping (an
// invocation record naming the Kinesis batch it gave up on). This drain writes each message into the lake where the
// local dead-letter queue writes them (src/ingest/dead-letter.ts, INGEST_PREFIX), so the p1_dead_letter table and its
// alert (sql/alerts/p1_dead_letter.sql) read the same files on AWS as locally.
import { S3Client } from '@aws-sdk/client-s3';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { S3ObjectStore } from '../../src/storage/object-store/s3.js';
import type { DeadLetterMessage } from '../../src/ingest/dead-letter.js';
import { INGEST_PREFIX } from '../../src/ingest/layout.js';
import { ENV, logEvent, requireEnv } from './environment.js';

let store: S3ObjectStore | undefined;

/** Lambda's record of a Kinesis batch it discarded (Lambda Developer Guide, "Kinesis on-failure destination"). */
interface KinesisFailureRecord {
  requestContext?: { condition?: string; functionArn?: string };
  timestamp?: string;
  KinesisBatchInfo: { shardId: string; startSequenceNumber: string; endSequenceNumber: string; batchSize: number; streamArn?: string };
}

type Archived = DeadLetterMessage & { failedAt: string };

/** The message as the lake keeps it: a dead-letter message as sent, or one describing what Lambda gave up on. */
export function archivedMessage(record: Pick<SQSRecord, 'body' | 'attributes'>): Archived {
  const sentAt = new Date(Number(record.attributes.SentTimestamp)).toISOString();
  let parsed: unknown;
  try {
    parsed = JSON.parse(record.body);
  } catch {
    parsed = undefined;
  }
  const message = parsed as Partial<Archived & KinesisFailureRecord> | undefined;
  if (message && typeof message.source === 'string' && typeof message.error === 'string' && Array.isArray(message.records)) {
    return { ...(message as Archived), failedAt: message.failedAt ?? sentAt };
  }
  const batch = message?.KinesisBatchInfo;
  if (batch) {
    return {
      source: 'consumer-discarded-batch',
      batchId: `${batch.shardId}:${batch.startSequenceNumber}-${batch.endSequenceNumber}`,
      error: `Lambda gave up on a batch of ${batch.batchSize} records (${message?.requestContext?.condition ?? 'unknown condition'}); they stay readable in the stream until its retention ends`,
      records: [],
      failedAt: message?.timestamp ?? sentAt,
    };
  }
  return {
    source: 'unreadable',
    error: 'the dead-letter queue received a message that is neither a dead-letter message nor a Lambda failure record',
    records: [{ record: record.body, error: 'not a dead-letter message' }],
    failedAt: sentAt,
  };
}

/** Where the local dead-letter queue of the message's writer keeps it. */
const prefixOf = (message: Archived) =>
  message.source.startsWith('producer') ? INGEST_PREFIX.interactionsProducerDeadLetter : INGEST_PREFIX.interactionsDeadLetter;

/**
 * Each message to `<prefix><source>-<message id>.json` (a redelivered message rewrites the same object); messages that
 * could not be written are returned for SQS to deliver again (reportBatchItemFailures).
 */
export async function archiveDeadLetters(event: SQSEvent): Promise<SQSBatchResponse> {
  const bucket = requireEnv(ENV.lakeBucket);
  store ??= new S3ObjectStore(new S3Client({}));
  const failures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    const message = archivedMessage(record);
    try {
      await store.put(bucket, `${prefixOf(message)}${message.source}-${record.messageId}.json`, `${JSON.stringify(message)}\n`);
    } catch (error) {
      logEvent('dead_letter_not_archived', { messageId: record.messageId, error: error instanceof Error ? error.message : String(error) });
      failures.push({ itemIdentifier: record.messageId });
    }
  }
  logEvent('dead_letters_archived', { messages: event.Records.length, failed: failures.length });
  return { batchItemFailures: failures };
}
