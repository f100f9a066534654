// The local Kinesis: an in-process set of shards. Records go to a shard by the MD5 of their partition key, as in
// Kinesis, keep their per-shard order, and get increasing sequence numbers. A shard holds at most `shardCapacity`
// unread records; past that a put fails per entry with ProvisionedThroughputExceededException, so producers meet the
// same back-pressure (and must retry the failed entries) as on AWS.
import { createHash } from 'node:crypto';
import { systemClock, type Clock } from '../clock.js';
import type { EntryFailure, PutResult, ReceivedRecord, RecordStream, StreamRecord } from './record-stream.js';

export interface LocalRecordStreamOptions {
  shardCount?: number;
  /** Unread records a shard holds before refusing more. */
  shardCapacity?: number;
  clock?: Clock;
}

/** Kinesis PutRecords limits: a request with more entries is refused as a whole. */
export const PUT_RECORDS_MAX_ENTRIES = 500;
const MAX_RECORD_BYTES = 1024 * 1024;

interface Shard {
  id: string;
  records: ReceivedRecord[];
  /** Index of the first unread record; read records are dropped in bulk to keep memory flat. */
  head: number;
}

export class LocalRecordStream implements RecordStream {
  private readonly shards: Shard[];
  private readonly capacity: number;
  private readonly clock: Clock;
  private sequence = 0n;

  constructor(options: LocalRecordStreamOptions = {}) {
    const count = options.shardCount ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`shardCount must be a positive integer, got ${count}`);
    this.shards = Array.from({ length: count }, (_, i) => ({ id: `shardId-${String(i).padStart(12, '0')}`, records: [], head: 0 }));
    this.capacity = options.shardCapacity ?? 1_000_000;
    this.clock = options.clock ?? systemClock;
  }

  get shardIds(): string[] {
    return this.shards.map((s) => s.id);
  }

  /** Unread records across all shards. */
  get pending(): number {
    return this.shards.reduce((n, s) => n + s.records.length - s.head, 0);
  }

  async put(records: StreamRecord[]): Promise<PutResult<StreamRecord>> {
    if (records.length > PUT_RECORDS_MAX_ENTRIES) {
      throw new RangeError(`PutRecords takes at most ${PUT_RECORDS_MAX_ENTRIES} records per request, got ${records.length}`);
    }
    const failed: EntryFailure<StreamRecord>[] = [];
    const arrival = this.clock.now();
    for (const entry of records) {
      if (entry.data.byteLength > MAX_RECORD_BYTES) {
        failed.push({ entry, errorCode: 'InvalidArgumentException', errorMessage: `record of ${entry.data.byteLength} bytes exceeds 1 MiB` });
        continue;
      }
      const shard = this.shardFor(entry.partitionKey);
      if (shard.records.length - shard.head >= this.capacity) {
        failed.push({ entry, errorCode: 'ProvisionedThroughputExceededException', errorMessage: `${shard.id} holds ${this.capacity} unread records` });
        continue;
      }
      this.sequence += 1n;
      shard.records.push({
        partitionKey: entry.partitionKey,
        data: entry.data,
        sequenceNumber: this.sequence.toString().padStart(20, '0'),
        shardId: shard.id,
        approximateArrivalTimestamp: arrival,
      });
    }
    return { sent: records.length - failed.length, failed, requests: 1 };
  }

  /**
   * Takes up to `limit` unread records from one shard, in order: the batch a Kinesis event source mapping hands one
   * consumer invocation. Without `shardId`, the first shard with records is used.
   */
  take(limit: number, shardId?: string): ReceivedRecord[] {
    const shard = shardId ? this.shards.find((s) => s.id === shardId) : this.shards.find((s) => s.records.length > s.head);
    if (!shard) return [];
    const batch = shard.records.slice(shard.head, shard.head + limit);
    shard.head += batch.length;
    if (shard.head > 4096 && shard.head * 2 > shard.records.length) {
      shard.records = shard.records.slice(shard.head);
      shard.head = 0;
    }
    return batch;
  }

  private shardFor(partitionKey: string): Shard {
    if (this.shards.length === 1) return this.shards[0];
    // Kinesis maps the 128-bit MD5 of the key onto evenly split hash-key ranges; the top 32 bits decide the same way.
    const top = createHash('md5').update(partitionKey).digest().readUInt32BE(0);
    return this.shards[Math.floor((top / 2 ** 32) * this.shards.length)];
  }
}
