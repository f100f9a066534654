// Shared batching for AWS "put many" APIs that report per-entry failures in a successful response (Kinesis
// PutRecords, Firehose PutRecordBatch): split into requests within the service's count and size limits, then re-send
// only the entries that failed, with backoff, until they succeed or attempts run out.
import { retry, type Sleep } from '../../retry/retry.js';

export interface BatchLimits {
  maxEntries: number;
  maxBytes: number;
}

export interface EntryFailure<T> {
  entry: T;
  errorCode: string;
  errorMessage: string;
}

export interface SendResult<T> {
  sent: number;
  failed: EntryFailure<T>[];
  /** Requests made, retries included. */
  requests: number;
}

/** One request's outcome: per entry, undefined for success or the error it got. */
export type RequestOutcome = ({ errorCode: string; errorMessage: string } | undefined)[];

export interface BatchSendOptions {
  /** Total attempts per entry, the first included. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: Sleep;
  random?: () => number;
}

class PartialFailure extends Error {}

/** Splits entries into consecutive chunks that respect both limits; an entry larger than maxBytes is an error. */
export function chunkEntries<T>(entries: T[], sizeOf: (entry: T) => number, limits: BatchLimits): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = sizeOf(entry);
    if (size > limits.maxBytes) throw new RangeError(`entry of ${size} bytes exceeds the request limit of ${limits.maxBytes}`);
    if (current.length === limits.maxEntries || bytes + size > limits.maxBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

export async function sendInBatches<T>(
  entries: T[],
  send: (chunk: T[]) => Promise<RequestOutcome>,
  sizeOf: (entry: T) => number,
  limits: BatchLimits,
  options: BatchSendOptions = {},
): Promise<SendResult<T>> {
  let sent = 0;
  let requests = 0;
  const failed: EntryFailure<T>[] = [];
  for (const chunk of chunkEntries(entries, sizeOf, limits)) {
    let pending = chunk;
    let lastErrors: RequestOutcome = [];
    try {
      await retry(
        async () => {
          requests++;
          const outcome = await send(pending);
          const stillFailing = pending.filter((_, i) => outcome[i] !== undefined);
          sent += pending.length - stillFailing.length;
          lastErrors = outcome.filter((o) => o !== undefined);
          pending = stillFailing;
          if (pending.length) throw new PartialFailure(`${pending.length} entries failed`);
        },
        {
          maxAttempts: options.maxAttempts ?? 5,
          baseDelayMs: options.baseDelayMs ?? 100,
          maxDelayMs: options.maxDelayMs ?? 5_000,
          sleep: options.sleep,
          random: options.random,
          // Throttling arrives as per-entry failures; whole-request errors (access denied, missing stream) do not
          // get better by waiting, so only partial failures are retried here (the SDK already retries throttled calls).
          shouldRetry: (error) => error instanceof PartialFailure,
        },
      );
    } catch (error) {
      if (!(error instanceof PartialFailure)) throw error;
      pending.forEach((entry, i) => failed.push({ entry, ...(lastErrors[i] ?? { errorCode: 'Unknown', errorMessage: 'no error reported' }) }));
    }
  }
  return { sent, failed, requests };
}
