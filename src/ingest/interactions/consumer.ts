// P1 consumer (seed 000's Lambda): decodes stream records, cleans them, splits them into batches of at most 100 and
// writes each batch as SNAPPY Parquet with millisecond timestamps under
// processed/year=/month=/day=/hour=/<batch_id>.parquet (a batch spanning two hours writes one file per hour).
// Records that fail cleaning and batches whose write fails go to the dead-letter queue with the error. It reports the
// partitions it wrote; the runner registers them (ALTER TABLE ADD PARTITION / MSCK REPAIR, folders locally).
import { randomUUID } from 'node:crypto';
import {
  DuckDBTimestampMillisecondsValue,
  INTEGER,
  TIMESTAMP_MS,
  VARCHAR,
  type DuckDBConnection,
  type DuckDBInstance,
  type DuckDBValue,
} from '@duckdb/node-api';
import { openDuckDb } from '../../engines/duckdb/connection.js';
import type { ObjectStore } from '../../storage/object-store/index.js';
import { systemClock, type Clock } from '../clock.js';
import { addCounts, emptyCounts, quarantine, type IngestCounts } from '../counts.js';
import type { DeadLetterQueue, DeadLetterRecord } from '../dead-letter.js';
import { TOO_DEEP_ERROR, tooDeep } from '../json-depth.js';
import { INGEST_PREFIX } from '../layout.js';
import { writeParquetObjects, type ParquetColumn, type ParquetObject } from '../parquet-objects.js';
import { hourPartitionOf, hourPartitionPathOf, hourPartitionValues } from '../partitions.js';
import type { LocalRecordStream } from '../stream/local-record-stream.js';
import type { ReceivedRecord } from '../stream/record-stream.js';
import { cleanInteraction, type Interaction } from './record.js';

/** `crm_data` columns as stored in the files (partition columns year/month/day/hour live in the path). */
export const CRM_DATA_COLUMNS: ParquetColumn[] = [
  { name: 'customer_id', sqlType: 'INTEGER', type: INTEGER },
  { name: 'interaction_type', sqlType: 'VARCHAR', type: VARCHAR },
  { name: 'timestamp', sqlType: 'TIMESTAMP_MS', type: TIMESTAMP_MS },
  { name: 'channel', sqlType: 'VARCHAR', type: VARCHAR },
  { name: 'rating', sqlType: 'INTEGER', type: INTEGER },
  { name: 'message_excerpt', sqlType: 'VARCHAR', type: VARCHAR },
  { name: 'ingestion_time', sqlType: 'TIMESTAMP_MS', type: TIMESTAMP_MS },
];

export const CRM_DATA_PARTITION_KEYS = ['year', 'month', 'day', 'hour'] as const;

export interface ConsumerOptions {
  store: ObjectStore;
  bucket: string;
  deadLetter: DeadLetterQueue;
  processedPrefix?: string;
  /** Records per batch (seed: 100). */
  maxBatchSize?: number;
  clock?: Clock;
}

export interface ConsumerResult {
  counts: IngestCounts;
  /** Keys of the Parquet objects written. */
  objects: string[];
  /** Partition values in key order (year, month, day, hour), each once. */
  partitions: string[][];
  failedBatches: number;
}

interface Row {
  interaction: Interaction;
  source: ReceivedRecord;
}

export class InteractionConsumer {
  /** Totals over every `process` call. */
  readonly counts: IngestCounts = emptyCounts();
  private readonly partitionSet = new Map<string, string[]>();
  private readonly clock: Clock;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly options: ConsumerOptions,
  ) {
    this.clock = options.clock ?? systemClock;
  }

  /**
   * Opens the consumer's own in-memory DuckDB (offline, UTC) used to write Parquet, on one thread: an invocation's
   * COPY writes a few thousand rows into small files, where more threads only coordinate (issue 18, `npm start`: the
   * 20 COPYs of its P1 chain took 429-546 ms of CPU on the machine's threads, 314-397 ms on one).
   */
  static async open(options: ConsumerOptions): Promise<InteractionConsumer> {
    const { instance, connection } = await openDuckDb({ path: ':memory:', threads: 1 });
    return new InteractionConsumer(instance, connection, options);
  }

  /** Every partition written since the consumer opened. */
  get partitions(): string[][] {
    return [...this.partitionSet.values()];
  }

  /**
   * One invocation: the records a stream hands over (a Lambda event's records, decoded). Never throws for bad data or
   * a failed write; such records end up in the dead-letter queue and in the counts.
   */
  async process(records: ReceivedRecord[]): Promise<ConsumerResult> {
    const counts = emptyCounts();
    counts.received = records.length;
    const ingestionTime = this.clock.now();
    const batchSize = this.options.maxBatchSize ?? 100;
    const prefix = this.options.processedPrefix ?? INGEST_PREFIX.interactionsProcessed;
    const objects: ParquetObject[] = [];
    const objectRows: Row[][] = [];
    const objectBatch: string[] = [];
    const partitions = new Map<string, string[]>();

    for (let start = 0; start < records.length; start += batchSize) {
      const batchId = randomUUID();
      const rejected: DeadLetterRecord[] = [];
      const byHour = new Map<string, Row[]>();
      for (const source of records.slice(start, start + batchSize)) {
        const decoded = decode(source);
        const cleaned = decoded.ok ? cleanInteraction(decoded.value) : decoded;
        if (!cleaned.ok) {
          rejected.push({ record: decoded.ok ? decoded.value : decoded.text, error: cleaned.error, sequenceNumber: source.sequenceNumber });
          quarantine(counts, cleaned.reason);
          continue;
        }
        const path = hourPartitionPathOf(cleaned.record.timestamp);
        const rows = byHour.get(path) ?? [];
        if (!rows.length) byHour.set(path, rows);
        rows.push({ interaction: cleaned.record, source });
      }
      if (rejected.length) {
        await this.options.deadLetter.send({ source: 'consumer-record', batchId, error: `${rejected.length} records failed cleaning`, records: rejected });
      }
      for (const [path, rows] of byHour) {
        objects.push({ key: `${prefix}${path}/${batchId}.parquet`, columns: toColumns(rows, ingestionTime) });
        objectRows.push(rows);
        objectBatch.push(batchId);
        partitions.set(path, hourPartitionValues(hourPartitionOf(rows[0].interaction.timestamp)));
      }
    }

    const outcomes = await writeParquetObjects(this.connection, this.options.store, this.options.bucket, CRM_DATA_COLUMNS, objects);
    const written: string[] = [];
    let failedBatches = 0;
    for (const [i, outcome] of outcomes.entries()) {
      if (!outcome.error) {
        written.push(outcome.key);
        counts.accepted += outcome.rows;
        const path = outcome.key.slice(prefix.length, outcome.key.lastIndexOf('/'));
        const values = partitions.get(path);
        if (values) this.partitionSet.set(path, values);
        continue;
      }
      failedBatches++;
      await this.options.deadLetter.send({
        source: 'consumer-batch',
        batchId: `${objectBatch[i]}-${i}`,
        error: `writing s3://${this.options.bucket}/${outcome.key} failed: ${outcome.error.message}`,
        records: objectRows[i].map(({ source }) => ({
          record: decodeForDeadLetter(source),
          error: outcome.error?.message ?? '',
          sequenceNumber: source.sequenceNumber,
        })),
      });
      quarantine(counts, 'batch_write_failed', outcome.rows);
    }
    addCounts(this.counts, counts);
    const writtenPartitions = [...new Set(written.map((key) => key.slice(prefix.length, key.lastIndexOf('/'))))].map((p) => partitions.get(p) ?? []);
    return { counts, objects: written, partitions: writtenPartitions, failedBatches };
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/**
 * Runs the consumer over a local stream until it is empty, `recordsPerInvocation` at a time (a Lambda event source
 * mapping's batch); resolves to the totals.
 */
export async function drainStream(
  stream: LocalRecordStream,
  consumer: InteractionConsumer,
  options: { recordsPerInvocation?: number; onBatch?: (result: ConsumerResult) => void } = {},
): Promise<IngestCounts> {
  const totals = emptyCounts();
  for (;;) {
    const records = stream.take(options.recordsPerInvocation ?? 10_000);
    if (!records.length) return totals;
    const result = await consumer.process(records);
    addCounts(totals, result.counts);
    options.onBatch?.(result);
  }
}

type Decoded = { ok: true; value: unknown } | { ok: false; reason: string; error: string; text: string };

const decoder = new TextDecoder();

function decode(record: ReceivedRecord): Decoded {
  const text = decoder.decode(record.data);
  try {
    const value = JSON.parse(text) as unknown;
    // Kept as text: the dead-letter writer could not stringify it back.
    if (tooDeep(value)) return { ok: false, reason: 'not_json', error: `record ${record.sequenceNumber} is ${TOO_DEEP_ERROR}`, text };
    return { ok: true, value };
  } catch (error) {
    return { ok: false, reason: 'not_json', error: `record ${record.sequenceNumber} is not JSON: ${(error as Error).message}`, text };
  }
}

function decodeForDeadLetter(record: ReceivedRecord): unknown {
  const decoded = decode(record);
  return decoded.ok ? decoded.value : decoded.text;
}

function toColumns(rows: Row[], ingestionTime: number): DuckDBValue[][] {
  const ingestion = new DuckDBTimestampMillisecondsValue(BigInt(ingestionTime));
  const columns: DuckDBValue[][] = CRM_DATA_COLUMNS.map(() => new Array<DuckDBValue>(rows.length));
  rows.forEach(({ interaction: r }, i) => {
    columns[0][i] = r.customer_id;
    columns[1][i] = r.interaction_type;
    columns[2][i] = new DuckDBTimestampMillisecondsValue(BigInt(r.timestamp));
    columns[3][i] = r.channel;
    columns[4][i] = r.rating;
    columns[5][i] = r.message_excerpt;
    columns[6][i] = ingestion;
  });
  return columns;
}
