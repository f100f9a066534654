// P1 producer (seed 000's ECS task): polls the interaction API, checks required fields, sends valid records to the
// stream keyed by customer_id, and writes invalid ones with their error to invalid/year=/month=/day=/<uuid>.json (one
// object per poll, one line per record: invalid-records.ts). API
// calls and stream puts retry with capped exponential backoff (5 retries by default); records the stream still refuses
// after that go to the producer dead-letter queue, so nothing fetched is ever dropped.
import { LakeError } from '../../errors.js';
import type { ObjectStore } from '../../storage/object-store/index.js';
import { abortableSleep, fullJitterDelay, retry, type Sleep } from '../../retry/retry.js';
import { systemClock, type Clock } from '../clock.js';
import { emptyCounts, quarantine, type IngestCounts } from '../counts.js';
import type { DeadLetterQueue } from '../dead-letter.js';
import { INGEST_PREFIX } from '../layout.js';
import { PUT_RECORDS_MAX_ENTRIES } from '../stream/local-record-stream.js';
import type { EntryFailure, RecordStream, StreamRecord } from '../stream/record-stream.js';
import { writeInvalidRecords, type InvalidRecord } from './invalid-records.js';
import { producerValidationError, type RawInteraction } from './record.js';

export interface ProducerOptions {
  /** The API to poll, e.g. the simulator's `url`. */
  apiUrl: string;
  stream: RecordStream;
  store: ObjectStore;
  bucket: string;
  /** Records the stream refused after every retry. */
  deadLetter: DeadLetterQueue;
  invalidPrefix?: string;
  /** Records asked for per poll (`?limit=`). */
  pageSize?: number;
  /** Pause between polls; seed: 0.5 s. 0 polls back to back (bulk loads). */
  pollIntervalMs?: number;
  /** Retries after the first attempt, for API calls and for stream puts (seed: 5). */
  maxRetries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Consecutive polls that fail after all retries before `run` gives up. */
  maxConsecutiveFailedPolls?: number;
  clock?: Clock;
  sleep?: Sleep;
  random?: () => number;
  fetch?: typeof fetch;
  onProgress?: (event: ProducerEvent) => void;
}

export type ProducerEvent =
  | { type: 'poll'; fetched: number; sent: number; invalid: number; deadLettered: number }
  | { type: 'retry'; operation: 'api' | 'stream'; attempt: number; delayMs: number; error: string }
  | { type: 'poll-failed'; error: string };

export interface PollResult {
  fetched: number;
  sent: number;
  invalid: number;
  deadLettered: number;
}

export interface RunOptions {
  /** Stop after this many polls. */
  maxPolls?: number;
  /** Stop at the first empty page (a historic data set is exhausted). */
  stopWhenEmpty?: boolean;
  signal?: AbortSignal;
}

export class ApiError extends LakeError {
  override readonly name: string = 'ApiError';
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export class InteractionProducer {
  /** received: records fetched; accepted: sent to the stream; quarantined: invalid or dead-lettered. */
  readonly counts: IngestCounts = emptyCounts();
  apiFailures = 0;
  private readonly clock: Clock;
  private readonly sleep: Sleep;

  constructor(private readonly options: ProducerOptions) {
    this.clock = options.clock ?? systemClock;
    this.sleep = options.sleep ?? abortableSleep;
  }

  /** Polls until told to stop; resolves to the counts of the whole run. */
  async run(runOptions: RunOptions = {}): Promise<IngestCounts> {
    let failedInARow = 0;
    for (let polls = 0; runOptions.maxPolls === undefined || polls < runOptions.maxPolls; polls++) {
      if (runOptions.signal?.aborted) break;
      if (polls > 0 && (this.options.pollIntervalMs ?? 500) > 0) {
        try {
          await this.sleep(this.options.pollIntervalMs ?? 500, runOptions.signal);
        } catch {
          break; // aborted while waiting
        }
      }
      let result: PollResult;
      try {
        result = await this.pollOnce(runOptions.signal);
        failedInARow = 0;
      } catch (error) {
        if (runOptions.signal?.aborted) break;
        this.apiFailures++;
        this.options.onProgress?.({ type: 'poll-failed', error: message(error) });
        if (++failedInARow >= (this.options.maxConsecutiveFailedPolls ?? 10)) {
          throw new ApiError(`${this.options.apiUrl}: ${failedInARow} polls in a row failed after retries; last: ${message(error)}`, false);
        }
        continue;
      }
      if (runOptions.stopWhenEmpty && result.fetched === 0) break;
    }
    return this.counts;
  }

  /** One poll: fetch a page (with retries), validate, write invalid records, send the rest to the stream. */
  async pollOnce(signal?: AbortSignal): Promise<PollResult> {
    return this.sendRecords(await this.fetchPage(signal), signal);
  }

  /**
   * What a poll does with a page, for records from elsewhere too (`lake ingest` pushes a file's records through here):
   * validate, write invalid records, send the rest to the stream, dead-letter what the stream still refuses.
   */
  async sendRecords(page: readonly unknown[], signal?: AbortSignal): Promise<PollResult> {
    this.counts.received += page.length;
    const valid: StreamRecord[] = [];
    const invalid: InvalidRecord[] = [];
    const encoder = new TextEncoder();
    for (const record of page) {
      const error = producerValidationError(record);
      if (error) invalid.push({ record, error });
      else valid.push({ partitionKey: String((record as RawInteraction).customer_id), data: encoder.encode(JSON.stringify(record)) });
    }
    await this.writeInvalid(invalid);
    const failures = await this.sendToStream(valid, signal);
    if (failures.length) await this.deadLetterRefused(failures);
    const sent = valid.length - failures.length;
    this.counts.accepted += sent;
    const result = { fetched: page.length, sent, invalid: invalid.length, deadLettered: failures.length };
    this.options.onProgress?.({ type: 'poll', ...result });
    return result;
  }

  private async fetchPage(signal?: AbortSignal): Promise<unknown[]> {
    const url = new URL(this.options.apiUrl);
    url.searchParams.set('limit', String(this.options.pageSize ?? 100));
    const doFetch = this.options.fetch ?? fetch;
    return retry(
      async () => {
        let response: Response;
        try {
          response = await doFetch(url, { signal });
        } catch (error) {
          throw new ApiError(`GET ${url}: ${message(error)}`, true);
        }
        const text = await response.text();
        if (!response.ok) {
          const retryable = response.status >= 500 || response.status === 429 || response.status === 408;
          throw new ApiError(`GET ${url}: HTTP ${response.status} ${text.slice(0, 200)}`, retryable);
        }
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch (error) {
          throw new ApiError(`GET ${url}: response is not JSON (${message(error)}): ${text.slice(0, 200)}`, true);
        }
        if (!Array.isArray(body)) throw new ApiError(`GET ${url}: expected a JSON array of records, got ${typeof body}`, false);
        return body;
      },
      {
        ...this.backoff(),
        signal,
        shouldRetry: (error) => error instanceof ApiError && error.retryable,
        onRetry: ({ error, attempt, delayMs }) => this.options.onProgress?.({ type: 'retry', operation: 'api', attempt, delayMs, error: message(error) }),
      },
    );
  }

  /** Sends in PutRecords-sized chunks, re-sending only refused entries; returns what was still refused at the end. */
  private async sendToStream(records: StreamRecord[], signal?: AbortSignal): Promise<EntryFailure<StreamRecord>[]> {
    const refused: EntryFailure<StreamRecord>[] = [];
    const { maxAttempts, baseDelayMs, maxDelayMs, random } = this.backoff();
    for (let i = 0; i < records.length; i += PUT_RECORDS_MAX_ENTRIES) {
      let pending = records.slice(i, i + PUT_RECORDS_MAX_ENTRIES);
      let lastFailures: EntryFailure<StreamRecord>[] = [];
      // A record the stream refuses for what it is (too large, malformed) would be refused again on every retry.
      const permanent: EntryFailure<StreamRecord>[] = [];
      for (let attempt = 1; pending.length > 0; attempt++) {
        let failures: EntryFailure<StreamRecord>[];
        try {
          failures = (await this.options.stream.put(pending)).failed;
        } catch (error) {
          // The whole request failed: every entry is still pending.
          failures = pending.map((entry) => ({ entry, errorCode: 'RequestFailed', errorMessage: message(error) }));
        }
        permanent.push(...failures.filter((f) => PERMANENT_ENTRY_ERRORS.has(f.errorCode)));
        lastFailures = failures.filter((f) => !PERMANENT_ENTRY_ERRORS.has(f.errorCode));
        pending = lastFailures.map((f) => f.entry);
        if (!pending.length || attempt >= maxAttempts) break;
        const delayMs = fullJitterDelay(attempt - 1, { baseDelayMs, maxDelayMs }, random);
        this.options.onProgress?.({
          type: 'retry',
          operation: 'stream',
          attempt,
          delayMs,
          error: `${pending.length} records refused: ${lastFailures[0].errorCode}`,
        });
        await this.sleep(delayMs, signal);
      }
      refused.push(...permanent, ...lastFailures);
    }
    return refused;
  }

  private async writeInvalid(invalid: InvalidRecord[]): Promise<void> {
    if (invalid.length === 0) return;
    const prefix = this.options.invalidPrefix ?? INGEST_PREFIX.interactionsInvalid;
    await writeInvalidRecords(this.options.store, this.options.bucket, prefix, invalid, this.clock.now());
    quarantine(this.counts, 'invalid_record', invalid.length);
  }

  private async deadLetterRefused(failures: EntryFailure<StreamRecord>[]): Promise<void> {
    const decoder = new TextDecoder();
    await this.options.deadLetter.send({
      source: 'producer-stream',
      error: `stream refused ${failures.length} records after ${this.backoff().maxAttempts} attempts`,
      records: failures.map((f) => ({ record: JSON.parse(decoder.decode(f.entry.data)) as unknown, error: `${f.errorCode}: ${f.errorMessage}` })),
    });
    quarantine(this.counts, 'stream_refused', failures.length);
  }

  private backoff() {
    return {
      maxAttempts: (this.options.maxRetries ?? 5) + 1,
      baseDelayMs: this.options.baseDelayMs ?? 100,
      maxDelayMs: this.options.maxDelayMs ?? 5_000,
      sleep: this.sleep,
      random: this.options.random,
    };
  }
}

/** PutRecords entry error codes that no retry can cure. */
const PERMANENT_ENTRY_ERRORS = new Set(['InvalidArgumentException', 'ValidationException']);

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));
