// The P1 dead-letter queue on AWS: every message is published to an SNS topic whose one subscriber is the SQS
// dead-letter queue (raw delivery, so the queue holds the JSON message itself). The project has the SNS client and not
// the SQS one; the queue, its depth alarm and its 14-day retention are the same either way. A message over SNS's
// 256 KiB limit is split into several, each carrying some of the records and the same error.
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { systemClock, type Clock } from '../clock.js';
import type { DeadLetterMessage, DeadLetterQueue } from '../dead-letter.js';

/**
 * SNS (and SQS) message size limit, in UTF-8 bytes: "at most 256 KB in size (262,144 bytes, not 262,144 characters)"
 * (SNS API Reference, Publish, Message).
 */
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
      entry = truncatedRecord(record, limit - overhead);
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

const TRUNCATED = '…(truncated)';

/**
 * The record with its text cut so the entry's JSON takes at most `budget` UTF-8 bytes (escapes included: a
 * character can take 1–6 bytes in JSON), found by bisection on the number of characters kept.
 */
function truncatedRecord(record: DeadLetterMessage['records'][number], budget: number): DeadLetterMessage['records'][number] {
  const text = JSON.stringify(record.record) ?? '';
  const entryOf = (chars: number) => {
    // Never split a surrogate pair: half of one is not UTF-8.
    const end = chars > 0 && /[\uD800-\uDBFF]/.test(text[chars - 1]) ? chars - 1 : chars;
    return { ...record, record: `${text.slice(0, end)}${TRUNCATED}` };
  };
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (bytes(JSON.stringify(entryOf(mid))) + 1 <= budget) low = mid;
    else high = mid - 1;
  }
  return entryOf(low);
}
