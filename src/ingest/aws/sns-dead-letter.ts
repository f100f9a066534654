// The P1 dead-letter queue on AWS: every message is published to an SNS topic whose one subscriber is the SQS
// dead-letter queue (raw delivery, so the queue holds the JSON message itself). The project has the SNS client and not
// the SQS one; the queue, its depth alarm and its 14-day retention are the same either way. A message over SNS's
// 256 KiB limit is split into several, each carrying some of the records and the same error.
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { systemClock, type Clock } from '../clock.js';
import type { DeadLetterMessage, DeadLetterQueue } from '../dead-letter.js';

/** SNS (and SQS) message size limit. */
export const MAX_MESSAGE_BYTES = 256 * 1024;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

export class SnsDeadLetterQueue implements DeadLetterQueue {
  constructor(
    private readonly client: SNSClient,
    private readonly topicArn: string,
    private readonly clock: Clock = systemClock,
  ) {}

  async send(message: DeadLetterMessage): Promise<void> {
    const failedAt = new Date(this.clock.now()).toISOString();
    for (const body of splitMessage({ ...message, failedAt })) {
      await this.client.send(new PublishCommand({ TopicArn: this.topicArn, Message: body }));
    }
  }
}

/** The message as JSON texts of at most MAX_MESSAGE_BYTES each; a single record too large on its own is truncated. */
export function splitMessage(message: DeadLetterMessage & { failedAt: string }, limit = MAX_MESSAGE_BYTES): string[] {
  const whole = JSON.stringify(message);
  if (bytes(whole) <= limit) return [whole];
  const envelope = { ...message, records: [] as DeadLetterMessage['records'], part: 0 };
  const overhead = bytes(JSON.stringify(envelope)) + 16;
  const parts: DeadLetterMessage['records'][] = [[]];
  let size = overhead;
  for (const record of message.records) {
    let entry = record;
    let entrySize = bytes(JSON.stringify(entry)) + 1;
    if (overhead + entrySize > limit) {
      const text = JSON.stringify(record.record);
      entry = { ...record, record: `${text.slice(0, Math.max(0, limit - overhead - 1024))}…(truncated)` };
      entrySize = bytes(JSON.stringify(entry)) + 1;
    }
    if (size + entrySize > limit && parts[parts.length - 1].length) {
      parts.push([]);
      size = overhead;
    }
    parts[parts.length - 1].push(entry);
    size += entrySize;
  }
  return parts.map((records, i) => JSON.stringify({ ...message, records, part: i + 1, parts: parts.length }));
}
