// The records of a Lambda Kinesis event, decoded into what stream consumers take (ReceivedRecord), and the
// partial-batch response the event source mapping reads when `reportBatchItemFailures` is on.
import { LakeError } from '../../errors.js';
import type { ReceivedRecord } from '../stream/record-stream.js';

/** The fields of a Lambda Kinesis event this project reads (aws-lambda's KinesisStreamEvent, narrowed). */
export interface KinesisStreamEvent {
  Records: Array<{
    eventID?: string;
    kinesis: {
      partitionKey: string;
      /** Base64 of the record's bytes. */
      data: string;
      sequenceNumber: string;
      /** Seconds since the epoch, with fractions. */
      approximateArrivalTimestamp: number;
    };
  }>;
}

export interface KinesisBatchResponse {
  batchItemFailures: Array<{ itemIdentifier: string }>;
}

export class KinesisEventError extends LakeError {
  override readonly name: string = 'KinesisEventError';
}

/** `shardId-000000000000:4959…` → the shard id, as Lambda writes `eventID`. */
const shardOf = (eventId: string | undefined): string => eventId?.split(':')[0] ?? 'unknown';

export function receivedRecords(event: unknown): ReceivedRecord[] {
  const records = (event as Partial<KinesisStreamEvent> | undefined)?.Records;
  if (!Array.isArray(records)) throw new KinesisEventError(`expected a Kinesis event with Records, got ${JSON.stringify(event)?.slice(0, 200)}`);
  return records.map((r, i) => {
    const k = r?.kinesis;
    if (!k || typeof k.data !== 'string' || typeof k.sequenceNumber !== 'string') throw new KinesisEventError(`record ${i} has no kinesis data/sequenceNumber`);
    return {
      partitionKey: String(k.partitionKey ?? ''),
      data: new Uint8Array(Buffer.from(k.data, 'base64')),
      sequenceNumber: k.sequenceNumber,
      shardId: shardOf(r.eventID),
      approximateArrivalTimestamp: Math.round(Number(k.approximateArrivalTimestamp ?? 0) * 1000),
    };
  });
}
