// The local Firehose: accepts PutRecordBatch-sized puts, evaluates dynamic partition keys per record, buffers per
// destination prefix, and delivers a buffer as one object (GZIP or plain, records concatenated as sent) once it holds
// BufferingHints.SizeInMBs or its first record is IntervalInSeconds old. Records whose keys cannot be extracted go to
// the ErrorOutputPrefix as Firehose's error documents. Time comes from an injectable clock; `flushDue` is the timer
// tick (`start` runs it every second), `close` delivers everything left.
import { LakeError } from '../../errors.js';
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { ObjectStore } from '../../storage/object-store/index.js';
import { systemClock, type Clock } from '../clock.js';
import { emptyCounts, quarantine, type IngestCounts } from '../counts.js';
import type { DeliveryStream, EntryFailure, PutResult } from '../stream/record-stream.js';
import {
  bucketOfArn,
  DEFAULT_BUFFERING,
  FirehoseConfigError,
  parseMetadataExtractionQuery,
  type DeliveryStreamConfig,
  type PartitionKeyQuery,
} from './config.js';

/** PutRecordBatch limits. */
export const PUT_RECORD_BATCH_MAX_ENTRIES = 500;
export const PUT_RECORD_BATCH_MAX_BYTES = 4 * 1024 * 1024;
export const MAX_RECORD_BYTES = 1000 * 1024;

export const METADATA_EXTRACTION_FAILED = 'DynamicPartitioning.MetadataExtractionFailed';

interface PartitionBuffer {
  prefix: string;
  parts: Uint8Array[];
  bytes: number;
  records: number;
  firstArrival: number;
  /** Records here count as delivered (false: errors output). */
  delivered: boolean;
}

export type FirehoseEvent =
  | { type: 'delivered'; key: string; records: number; bytes: number; reason: 'size' | 'interval' | 'close' }
  | { type: 'delivery-failed'; prefix: string; records: number; error: string };

export interface LocalFirehoseOptions {
  store: ObjectStore;
  clock?: Clock;
  onProgress?: (event: FirehoseEvent) => void;
}

/** Records still buffered when the stream is closed: their delivery failed, for the reason in `cause`. */
export class FirehoseDeliveryError extends LakeError {
  override readonly name: string = 'FirehoseDeliveryError';
}

export class LocalFirehose implements DeliveryStream {
  /** received: records accepted by put; accepted: delivered under Prefix; quarantined: delivered under ErrorOutputPrefix. */
  readonly counts: IngestCounts = emptyCounts();
  readonly objects: string[] = [];
  private readonly buffers = new Map<string, PartitionBuffer>();
  private readonly bucket: string;
  private readonly keys: PartitionKeyQuery[];
  private readonly sizeLimit: number;
  private readonly intervalMs: number;
  private readonly gzip: boolean;
  private readonly appendDelimiter: boolean;
  private readonly clock: Clock;
  private timer: NodeJS.Timeout | undefined;
  /** Why the last delivery failed (reported by close when records are still buffered). */
  private lastDeliveryError: Error | undefined;

  constructor(
    private readonly config: DeliveryStreamConfig,
    private readonly options: LocalFirehoseOptions,
  ) {
    const destination = config.ExtendedS3DestinationConfiguration;
    this.bucket = bucketOfArn(destination.BucketARN);
    this.clock = options.clock ?? systemClock;
    this.sizeLimit = (destination.BufferingHints?.SizeInMBs ?? DEFAULT_BUFFERING.SizeInMBs) * 1024 * 1024;
    this.intervalMs = (destination.BufferingHints?.IntervalInSeconds ?? DEFAULT_BUFFERING.IntervalInSeconds) * 1000;
    this.gzip = (destination.CompressionFormat ?? 'UNCOMPRESSED') === 'GZIP';
    const processors = destination.ProcessingConfiguration?.Enabled ? destination.ProcessingConfiguration.Processors : [];
    this.appendDelimiter = processors.some((p) => p.Type === 'AppendDelimiterToRecord');
    const query = processors
      .find((p) => p.Type === 'MetadataExtraction')
      ?.Parameters?.find((p) => p.ParameterName === 'MetadataExtractionQuery')?.ParameterValue;
    const dynamic = destination.DynamicPartitioningConfiguration?.Enabled ?? false;
    this.keys = dynamic && query ? parseMetadataExtractionQuery(query) : [];
    const unsupported = processors.find((p) => p.Type === 'Lambda' || p.Type === 'RecordDeAggregation');
    if (unsupported) throw new FirehoseConfigError(`${config.DeliveryStreamName}: processor ${unsupported.Type} has no local implementation`);
    for (const [, name] of destination.Prefix.matchAll(/!\{partitionKeyFromQuery:([^}]+)\}/g)) {
      if (!this.keys.some((k) => k.name === name)) {
        throw new FirehoseConfigError(
          `${config.DeliveryStreamName}: Prefix uses partition key '${name}' that no MetadataExtractionQuery (with dynamic partitioning on) defines`,
        );
      }
    }
  }

  get deliveryStreamName(): string {
    return this.config.DeliveryStreamName;
  }

  /** Records waiting in buffers. */
  get buffered(): number {
    let n = 0;
    for (const b of this.buffers.values()) n += b.records;
    return n;
  }

  async put(records: Uint8Array[]): Promise<PutResult<Uint8Array>> {
    if (records.length > PUT_RECORD_BATCH_MAX_ENTRIES) {
      throw new RangeError(`PutRecordBatch takes at most ${PUT_RECORD_BATCH_MAX_ENTRIES} records, got ${records.length}`);
    }
    const total = records.reduce((n, r) => n + r.byteLength, 0);
    if (total > PUT_RECORD_BATCH_MAX_BYTES) throw new RangeError(`PutRecordBatch takes at most 4 MiB, got ${total} bytes`);
    const failed: EntryFailure<Uint8Array>[] = [];
    const arrival = this.clock.now();
    const decoder = new TextDecoder();
    for (const record of records) {
      if (record.byteLength > MAX_RECORD_BYTES) {
        failed.push({ entry: record, errorCode: 'InvalidArgumentException', errorMessage: `record of ${record.byteLength} bytes exceeds 1000 KiB` });
        continue;
      }
      this.counts.received++;
      const data = this.appendDelimiter ? concat(record, NEWLINE) : record;
      const keys = this.keys.length ? extractKeys(decoder.decode(record), this.keys) : { ok: true as const, values: {} };
      if (keys.ok) {
        await this.append(this.resolvePrefix(this.config.ExtendedS3DestinationConfiguration.Prefix, keys.values, arrival), data, arrival, true);
      } else {
        const document = {
          attemptsMade: 1,
          arrivalTimestamp: arrival,
          errorCode: METADATA_EXTRACTION_FAILED,
          errorMessage: keys.error,
          attemptEndingTimestamp: arrival,
          rawData: Buffer.from(record).toString('base64'),
        };
        const prefix = this.resolvePrefix(this.config.ExtendedS3DestinationConfiguration.ErrorOutputPrefix, {}, arrival, 'processing-failed');
        await this.append(prefix, new TextEncoder().encode(`${JSON.stringify(document)}\n`), arrival, false);
      }
    }
    await this.flushDue();
    return { sent: records.length - failed.length, failed, requests: 1 };
  }

  /** Delivers every buffer whose first record is IntervalInSeconds old. */
  async flushDue(): Promise<void> {
    const now = this.clock.now();
    for (const buffer of [...this.buffers.values()]) {
      if (now - buffer.firstArrival >= this.intervalMs) await this.deliver(buffer, 'interval');
    }
  }

  /** Runs `flushDue` every second of real time until `close`. */
  start(): void {
    this.timer ??= setInterval(() => void this.flushDue().catch(() => undefined), 1000);
    this.timer.unref();
  }

  /** Delivers everything buffered; rejects if some buffer could not be delivered (it stays buffered). */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (const buffer of [...this.buffers.values()]) await this.deliver(buffer, 'close');
    if (this.buffers.size) {
      const cause = this.lastDeliveryError;
      throw new FirehoseDeliveryError(`${this.deliveryStreamName}: ${this.buffered} records could not be delivered${cause ? `: ${cause.message}` : ''}`, {
        cause,
      });
    }
  }

  private async append(prefix: string, data: Uint8Array, arrival: number, delivered: boolean): Promise<void> {
    let buffer = this.buffers.get(prefix);
    if (!buffer) {
      buffer = { prefix, parts: [], bytes: 0, records: 0, firstArrival: arrival, delivered };
      this.buffers.set(prefix, buffer);
    }
    buffer.parts.push(data);
    buffer.bytes += data.byteLength;
    buffer.records++;
    if (buffer.bytes >= this.sizeLimit) await this.deliver(buffer, 'size');
  }

  private async deliver(buffer: PartitionBuffer, reason: 'size' | 'interval' | 'close'): Promise<void> {
    const body = Buffer.concat(buffer.parts);
    const name = `${this.deliveryStreamName}-1-${formatTime(buffer.firstArrival, 'yyyy-MM-dd-HH-mm-ss')}-${randomUUID()}${this.gzip ? '.gz' : ''}`;
    const key = `${buffer.prefix}${name}`;
    try {
      await this.options.store.put(this.bucket, key, this.gzip ? gzipSync(body) : body);
    } catch (error) {
      // Firehose keeps retrying S3 delivery; so does this buffer, at the next tick or close.
      this.lastDeliveryError = error instanceof Error ? error : new Error(String(error));
      this.options.onProgress?.({
        type: 'delivery-failed',
        prefix: buffer.prefix,
        records: buffer.records,
        error: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    this.buffers.delete(buffer.prefix);
    this.objects.push(key);
    if (buffer.delivered) this.counts.accepted += buffer.records;
    else quarantine(this.counts, METADATA_EXTRACTION_FAILED, buffer.records);
    this.options.onProgress?.({ type: 'delivered', key, records: buffer.records, bytes: body.byteLength, reason });
  }

  private resolvePrefix(template: string, keys: Record<string, string>, arrival: number, errorType?: string): string {
    return template.replace(/!\{([a-zA-Z]+):([^}]+)\}/g, (expression, namespace: string, name: string) => {
      if (namespace === 'partitionKeyFromQuery') return keys[name];
      if (namespace === 'timestamp') return formatTime(arrival, name);
      if (namespace === 'firehose' && name === 'error-output-type' && errorType) return errorType;
      if (namespace === 'firehose' && name === 'random-string') return randomUUID().slice(0, 11);
      throw new FirehoseConfigError(`${this.deliveryStreamName}: unsupported prefix expression ${expression}`);
    });
  }
}

const NEWLINE = new Uint8Array([10]);

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a);
  out.set(b, a.byteLength);
  return out;
}

type Extracted = { ok: true; values: Record<string, string> } | { ok: false; error: string };

/** Evaluates the partition keys as jq would: a missing value or a non-JSON record fails the record. */
export function extractKeys(text: string, keys: PartitionKeyQuery[]): Extracted {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'Non JSON record provided' };
  }
  const values: Record<string, string> = {};
  for (const key of keys) {
    let current: unknown = value;
    for (const field of key.path)
      current = typeof current === 'object' && current !== null && !Array.isArray(current) ? (current as Record<string, unknown>)[field] : undefined;
    if (key.slice) current = typeof current === 'string' ? current.slice(key.slice[0], key.slice[1]) : undefined;
    if (current === undefined || current === null || current === '' || typeof current === 'object') {
      return { ok: false, error: `partitionKeyFromQuery '${key.name}' (.${key.path.join('.')}) evaluated to null or an empty string` };
    }
    values[key.name] = String(current);
  }
  return { ok: true, values };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Java DateTimeFormatter subset Firehose uses in prefixes: yyyy, MM, dd, HH, mm, ss; UTC. */
export function formatTime(epochMs: number, pattern: string): string {
  const d = new Date(epochMs);
  return pattern
    .replace('yyyy', String(d.getUTCFullYear()))
    .replace('MM', pad(d.getUTCMonth() + 1))
    .replace('dd', pad(d.getUTCDate()))
    .replace('HH', pad(d.getUTCHours()))
    .replace('mm', pad(d.getUTCMinutes()))
    .replace('ss', pad(d.getUTCSeconds()));
}
