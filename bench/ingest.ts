// Ingest path (issue 9, part 4): the product's generator → producer → Firehose writer, against writing the same
// records as gzip NDJSON hourly partitions the fastest ways we found. Every path writes the same records (same
// generator, same seed) into its own folder; the product's output is the pipeline's landing data.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { DuckDBDataChunk, DuckDBInstance, INTEGER, VARCHAR, type DuckDBValue } from '@duckdb/node-api';
import { LocalObjectStore } from '../src/storage/object-store/index.js';
import { LocalDeadLetterQueue } from '../src/ingest/dead-letter.js';
import { domainEventsStreamConfig, type DeliveryStreamConfig } from '../src/ingest/firehose/config.js';
import { LocalFirehose } from '../src/ingest/firehose/local-firehose.js';
import { InteractionGenerator, type InteractionGeneratorOptions } from '../src/ingest/interactions/generator.js';
import { InteractionProducer } from '../src/ingest/interactions/producer.js';
import { InteractionSimulator } from '../src/ingest/interactions/simulator.js';
import type { RawInteraction } from '../src/ingest/interactions/record.js';
import type { EntryFailure, RecordStream, StreamRecord } from '../src/ingest/stream/record-stream.js';
import { BENCH_BUCKET, LANDING_PREFIX } from './project.js';

export interface EventWindow {
  events: number;
  seed: number;
  startMs: number;
  endMs: number;
}

export interface IngestOutcome {
  records: number;
  /** Uncompressed NDJSON bytes written (where the path knows them): equal when two paths wrote the same lines. */
  bytes?: number;
  files: number;
}

const PAGE = 5_000;
/** Firehose's buffer size (5 MB) for the baselines too, so every path writes files of the same sizes. */
const BUFFER_BYTES = 5 * 1024 * 1024;

/** Clean records only: the pipeline's curated SQL has no cleaning steps (the P1 consumer does that in Node). */
export const generatorOptions = (w: EventWindow): InteractionGeneratorOptions => ({
  seed: w.seed,
  total: w.events,
  startMs: w.startMs,
  endMs: w.endMs,
  invalidShare: 0,
  corruptShare: 0,
  messyShare: 0,
});

/** A Firehose delivery stream for P1: partitioned by the hour of `timestamp`, one record per line, GZIP. */
export function interactionsFirehoseConfig(): DeliveryStreamConfig {
  const config = domainEventsStreamConfig({
    deliveryStreamName: 'interactions',
    bucket: BENCH_BUCKET,
    prefix: LANDING_PREFIX,
    errorPrefix: 'errors/interactions/',
    eventTimeField: 'timestamp',
  });
  config.ExtendedS3DestinationConfiguration.ProcessingConfiguration?.Processors.push({ Type: 'AppendDelimiterToRecord' });
  return config;
}

/** Kinesis as the Firehose's source: what the producer puts is delivered by the Firehose. */
function firehoseSource(firehose: LocalFirehose): RecordStream {
  return {
    async put(records: StreamRecord[]) {
      const byData = new Map(records.map((r) => [r.data, r]));
      const result = await firehose.put(records.map((r) => r.data));
      const failed: EntryFailure<StreamRecord>[] = result.failed.map((f) => ({ ...f, entry: byData.get(f.entry)! }));
      return { sent: result.sent, failed, requests: result.requests };
    },
  };
}

/** The product: the interaction API simulator (HTTP on 127.0.0.1) → producer → Firehose → gzip NDJSON objects. */
export async function ingestProduct(lakeRoot: string, w: EventWindow): Promise<IngestOutcome> {
  const store = new LocalObjectStore(lakeRoot);
  let bytes = 0;
  const firehose = new LocalFirehose(interactionsFirehoseConfig(), {
    store,
    onProgress: (event) => {
      if (event.type === 'delivered') bytes += event.bytes;
    },
  });
  const simulator = await InteractionSimulator.start({ ...generatorOptions(w), maxPageSize: PAGE });
  try {
    const producer = new InteractionProducer({
      apiUrl: simulator.url,
      stream: firehoseSource(firehose),
      store,
      bucket: BENCH_BUCKET,
      deadLetter: new LocalDeadLetterQueue(store, BENCH_BUCKET, 'dead-letter/interactions/'),
      pageSize: PAGE,
      pollIntervalMs: 0,
    });
    await producer.run({ stopWhenEmpty: true });
    await firehose.close();
  } finally {
    await simulator.close();
  }
  return { records: firehose.counts.accepted, bytes, files: firehose.objects.length };
}

const hourFolder = (timestamp: string) =>
  `year=${timestamp.slice(0, 4)}/month=${timestamp.slice(5, 7)}/day=${timestamp.slice(8, 10)}/hour=${timestamp.slice(11, 13)}`;

/** The generator alone: the floor under every path. */
export function generateOnly(w: EventWindow): number {
  const generator = new InteractionGenerator(generatorOptions(w));
  let n = 0;
  for (let page = generator.nextPage(PAGE); page.length > 0; page = generator.nextPage(PAGE)) n += page.length;
  return n;
}

const gzipAsync = promisify(gzip);

/**
 * Baseline 1, plain Node: JSON lines appended to one string buffer per hour, gzipped on libuv's thread pool (several
 * at once), written with one call per file.
 */
export async function ingestNodeDirect(dir: string, w: EventWindow): Promise<IngestOutcome> {
  const generator = new InteractionGenerator(generatorOptions(w));
  const buffers = new Map<string, { lines: string[]; bytes: number }>();
  const pending: Promise<void>[] = [];
  let records = 0;
  let bytes = 0;
  let files = 0;
  const flush = (folder: string, lines: string[]) => {
    const body = lines.join('');
    bytes += Buffer.byteLength(body);
    const file = join(dir, folder, `part-${files++}.json.gz`);
    pending.push(
      gzipAsync(body).then((compressed) => {
        mkdirSync(join(dir, folder), { recursive: true });
        writeFileSync(file, compressed);
      }),
    );
  };
  for (let page = generator.nextPage(PAGE); page.length > 0; page = generator.nextPage(PAGE)) {
    for (const record of page) {
      const line = `${JSON.stringify(record)}\n`;
      const folder = hourFolder(String(record.timestamp));
      let buffer = buffers.get(folder);
      if (!buffer) buffers.set(folder, (buffer = { lines: [], bytes: 0 }));
      buffer.lines.push(line);
      buffer.bytes += line.length;
      records++;
      if (buffer.bytes >= BUFFER_BYTES) {
        flush(folder, buffer.lines);
        buffers.delete(folder);
      }
    }
  }
  for (const [folder, buffer] of buffers) flush(folder, buffer.lines);
  await Promise.all(pending);
  return { records, bytes, files };
}

const COLUMNS = ['customer_id', 'interaction_type', 'timestamp', 'channel', 'rating', 'message_excerpt'] as const;
const CHUNK_ROWS = 2048;

/**
 * Baseline 2, DuckDB: rows pushed through the Appender in DataChunk batches (the fastest way into DuckDB, see
 * athena-on-duckdb.md), then one gzip JSON COPY per hour (DuckDB's JSON COPY has no PARTITION_BY).
 */
export async function ingestDuckDbAppender(dir: string, w: EventWindow): Promise<IngestOutcome> {
  const generator = new InteractionGenerator(generatorOptions(w));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(
      'CREATE TABLE rows (customer_id INTEGER, interaction_type VARCHAR, "timestamp" VARCHAR, channel VARCHAR, rating INTEGER, message_excerpt VARCHAR, folder VARCHAR)',
    );
    const appender = await connection.createAppender('rows');
    const types = [INTEGER, VARCHAR, VARCHAR, VARCHAR, INTEGER, VARCHAR, VARCHAR];
    let records = 0;
    for (let page = generator.nextPage(PAGE); page.length > 0; page = generator.nextPage(PAGE)) {
      for (let start = 0; start < page.length; start += CHUNK_ROWS) {
        const slice = page.slice(start, start + CHUNK_ROWS);
        const chunk = DuckDBDataChunk.create(types, slice.length);
        const columns = COLUMNS.map((c) => slice.map((r: RawInteraction) => (r[c] ?? null) as DuckDBValue));
        chunk.setColumns([...columns, slice.map((r) => hourFolder(String(r.timestamp)))]);
        appender.appendDataChunk(chunk);
      }
      records += page.length;
    }
    appender.flushSync();
    appender.closeSync();
    const folders = (await connection.runAndReadAll('SELECT DISTINCT folder FROM rows ORDER BY 1')).getRows().map((r) => String(r[0]));
    for (const folder of folders) {
      mkdirSync(join(dir, folder), { recursive: true });
      const file = join(dir, folder, 'part-0.json.gz').replaceAll("'", "''");
      await connection.run(
        `COPY (SELECT ${COLUMNS.map((c) => `"${c}"`).join(', ')} FROM rows WHERE folder = '${folder}') TO '${file}' (FORMAT json, COMPRESSION gzip)`,
      );
    }
    return { records, files: folders.length };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
