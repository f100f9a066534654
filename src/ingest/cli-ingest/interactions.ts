// `lake ingest` for P1: a file's records go the live way, producer (required fields → invalid/, stream refusals →
// producer dead-letter) → local stream → consumer (cleaning → dead-letter, Parquet under processed/). Lines that are
// not JSON never reach the producer (the API serves JSON); they are written to invalid/ as the producer writes
// its rejects (one object for the file's such lines), with the file and line in the error.
import { addCounts, emptyCounts, quarantine, type IngestCounts } from '../counts.js';
import { LocalDeadLetterQueue, type DeadLetterQueue } from '../dead-letter.js';
import { drainStream, InteractionConsumer } from '../interactions/consumer.js';
import { InteractionProducer } from '../interactions/producer.js';
import { writeInvalidRecords, type InvalidRecord } from '../interactions/invalid-records.js';
import { cleanInteraction, producerValidationError } from '../interactions/record.js';
import { INGEST_PREFIX } from '../layout.js';
import { LocalRecordStream } from '../stream/local-record-stream.js';
import type { JsonLine } from './read-file.js';
import type { IngestIssue, IngestTarget } from './types.js';

/** Records per producer call and per consumer invocation. */
const CHUNK = 5_000;
/** Kinesis' record limit (the local stream's too). */
const MAX_STREAM_RECORD_BYTES = 1024 * 1024;

export async function ingestInteractions(file: string, lines: JsonLine[], target: IngestTarget): Promise<{ counts: IngestCounts; issues: IngestIssue[] }> {
  const { store, bucket, clock } = target;
  const counts = emptyCounts();
  const issues: IngestIssue[] = [];
  const notJson: InvalidRecord[] = [];
  for (const line of lines) {
    if (line.ok) {
      const problem = diagnose(line.value, line.bytes);
      if (problem) issues.push({ file, line: line.line, ...problem });
      continue;
    }
    const error = `${file} line ${line.line}: ${line.error}`;
    notJson.push({ error, record: line.text });
    issues.push({ file, line: line.line, reason: 'not_json', error });
  }
  if (notJson.length > 0) {
    await writeInvalidRecords(store, bucket, INGEST_PREFIX.interactionsInvalid, notJson, clock.now());
    counts.received += notJson.length;
    quarantine(counts, 'not_json', notJson.length);
  }

  const stream = new LocalRecordStream({ clock });
  const producer = new InteractionProducer({
    apiUrl: `file://${file}`,
    stream,
    store,
    bucket,
    deadLetter: new LocalDeadLetterQueue(store, bucket, INGEST_PREFIX.interactionsProducerDeadLetter, clock),
    clock,
  });
  // Whole batches the consumer could not write (disk full, …) go to its dead-letter queue: the report names them too.
  const consumerDeadLetter = new LocalDeadLetterQueue(store, bucket, INGEST_PREFIX.interactionsDeadLetter, clock);
  const deadLetter: DeadLetterQueue = {
    send: async (message) => {
      if (message.source === 'consumer-batch')
        issues.push({
          file,
          reason: 'batch_write_failed',
          error: `${message.records.length} records dead-lettered under ${INGEST_PREFIX.interactionsDeadLetter}: ${message.error}`,
        });
      await consumerDeadLetter.send(message);
    },
  };
  const consumer = await InteractionConsumer.open({ store, bucket, deadLetter, clock });
  const consumed = emptyCounts();
  try {
    const records = lines.flatMap((l) => (l.ok ? [l.value] : []));
    for (let i = 0; i < records.length; i += CHUNK) {
      await producer.sendRecords(records.slice(i, i + CHUNK));
      addCounts(consumed, await drainStream(stream, consumer, { recordsPerInvocation: CHUNK }));
    }
  } finally {
    await consumer.close();
  }
  // What reached the stream is the consumer's to account for: received there = accepted by the producer.
  counts.received += producer.counts.received;
  counts.accepted += consumed.accepted;
  addCounts(counts, { received: 0, accepted: 0, quarantined: producer.counts.quarantined, reasons: producer.counts.reasons });
  addCounts(counts, { received: 0, accepted: 0, quarantined: consumed.quarantined, reasons: consumed.reasons });
  return { counts, issues };
}

/** The reason the live path will give a record, for the report's file:line messages (the counts come from the path itself). */
function diagnose(record: unknown, bytes: number): { reason: string; error: string } | undefined {
  const missing = producerValidationError(record);
  if (missing) return { reason: 'invalid_record', error: missing };
  if (bytes > MAX_STREAM_RECORD_BYTES) return { reason: 'stream_refused', error: `record of ${bytes} bytes exceeds the stream's 1 MiB record limit` };
  const cleaned = cleanInteraction(record);
  return cleaned.ok ? undefined : { reason: cleaned.reason, error: cleaned.error };
}
