// Where records that could not be processed go, with the reason: SQS in production (seed 000's `crm-dlq`), a folder
// of JSON messages in the lake locally. Nothing is dropped: a failed batch lands here whole.
import { randomUUID } from 'node:crypto';
import type { ObjectStore } from '../storage/object-store/index.js';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';

export interface DeadLetterRecord {
  /** The record as received (decoded text when it was not JSON). */
  record: unknown;
  error: string;
  /** Stream position, when it came from a stream. */
  sequenceNumber?: string;
}

export interface DeadLetterMessage {
  /** What failed: `consumer-batch`, `consumer-record`, `producer-stream`. */
  source: string;
  /** The batch, when a whole batch failed together. */
  batchId?: string;
  error: string;
  records: DeadLetterRecord[];
}

export interface DeadLetterQueue {
  send(message: DeadLetterMessage): Promise<void>;
}

/** One JSON object per message under `<prefix><message id>.json`, written whole through the object store. */
export class LocalDeadLetterQueue implements DeadLetterQueue {
  constructor(
    private readonly store: ObjectStore,
    private readonly bucket: string,
    private readonly prefix: string,
    private readonly clock: Clock = systemClock,
  ) {}

  async send(message: DeadLetterMessage): Promise<void> {
    const id = message.batchId ?? randomUUID();
    const body = { ...message, failedAt: new Date(this.clock.now()).toISOString() };
    await this.store.put(this.bucket, `${this.prefix}${message.source}-${id}.json`, `${JSON.stringify(body)}\n`);
  }
}
