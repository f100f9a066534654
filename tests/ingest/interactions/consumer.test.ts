import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocalObjectStore } from '../../../src/storage/object-store/index.js';
import { ManualClock } from '../../../src/ingest/clock.js';
import { countsBalance } from '../../../src/ingest/counts.js';
import { LocalDeadLetterQueue, type DeadLetterMessage } from '../../../src/ingest/dead-letter.js';
import { drainStream, InteractionConsumer } from '../../../src/ingest/interactions/consumer.js';
import { InteractionProducer } from '../../../src/ingest/interactions/producer.js';
import { InteractionSimulator } from '../../../src/ingest/interactions/simulator.js';
import { INGEST_PREFIX } from '../../../src/ingest/layout.js';
import { LocalRecordStream } from '../../../src/ingest/stream/local-record-stream.js';
import { query, recordingSleep, tempLake } from '../helpers.js';

const BUCKET = 'lake';
const NOW = Date.UTC(2025, 2, 10, 12, 0, 0);
const encoder = new TextEncoder();

describe('interaction consumer', () => {
  let lake: ReturnType<typeof tempLake>;
  let consumer: InteractionConsumer;
  let store: LocalObjectStore;
  beforeEach(async () => {
    lake = tempLake();
    store = new LocalObjectStore(lake.root);
    consumer = await InteractionConsumer.open({
      store,
      bucket: BUCKET,
      deadLetter: new LocalDeadLetterQueue(store, BUCKET, 'dead-letter/crm/'),
      clock: new ManualClock(NOW),
    });
  });
  afterEach(async () => {
    await consumer.close();
    lake.cleanup();
  });

  const stream = (records: unknown[]) => {
    const s = new LocalRecordStream();
    void s.put(records.map((r, i) => ({ partitionKey: String(i), data: encoder.encode(typeof r === 'string' ? r : JSON.stringify(r)) })));
    return s;
  };
  const deadLetters = async (): Promise<DeadLetterMessage[]> =>
    (await store.list(BUCKET, 'dead-letter/crm/')).map((o) => JSON.parse(readFileSync(join(lake.root, BUCKET, o.key), 'utf8')) as DeadLetterMessage);

  it('moves the Parquet files it writes into the lake instead of reading each one and writing it again', async () => {
    const put = vi.spyOn(store, 'put');
    const putFile = vi.spyOn(store, 'putFile');
    const records = [0, 1, 2].map((i) => ({ customer_id: i, interaction_type: 'call', timestamp: `2025-03-07T0${i}:00:00Z` }));
    const counts = await drainStream(stream(records), consumer);
    expect(counts.accepted).toBe(3);
    expect(putFile.mock.calls.map(([, key]) => key.replace(/[^/]+\.parquet$/, '*.parquet'))).toEqual(
      [0, 1, 2].map((i) => `${INGEST_PREFIX.interactionsProcessed}year=2025/month=03/day=07/hour=0${i}/*.parquet`),
    );
    expect(put).not.toHaveBeenCalled();
    const [row] = await query(`SELECT count(*) AS n FROM read_parquet('${join(lake.root, BUCKET, INGEST_PREFIX.interactionsProcessed)}**/*.parquet')`);
    expect(Number(row.n)).toBe(3);
  });

  it('writes its Parquet on one DuckDB thread (an invocation is a few thousand rows: more threads only coordinate)', async () => {
    const { connection } = consumer as unknown as { connection: DuckDBConnection };
    const reader = await connection.runAndReadAll("SELECT current_setting('threads')");
    expect(Number(reader.getRows()[0][0])).toBe(1);
  });

  it('dead-letters a record nested 100,000 levels deep as its text, and writes the rest of the batch', async () => {
    const deep = `{"customer_id": 1, "interaction_type": "call", "timestamp": "2025-03-07T05:00:00Z", "channel": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const ok = { customer_id: 2, interaction_type: 'call', timestamp: '2025-03-07T05:00:00Z' };
    const counts = await drainStream(stream([deep, ok]), consumer);
    expect(counts).toEqual({ received: 2, accepted: 1, quarantined: 1, reasons: { not_json: 1 } });
    const [message] = await deadLetters();
    expect(message.records).toEqual([{ record: deep, error: expect.stringContaining('nested deeper than 1000 levels'), sequenceNumber: expect.any(String) }]);
  });

  it('cleans records and writes SNAPPY Parquet per batch and hour that DuckDB reads with the crm_data types', async () => {
    const records = [
      { customer_id: '42 ', interaction_type: '  complaint ', timestamp: '2025-03-07 05:10:00', channel: 'N/A', rating: '2', message_excerpt: '  late  ' },
      { customer_id: 7, interaction_type: 'inquiry', timestamp: '2025-03-07T05:59:59.123Z', channel: 'email', rating: null, message_excerpt: '' },
      { customer_id: 8, interaction_type: 'feedback', timestamp: '2025-03-07T06:00:00.000Z', channel: ' phone', rating: 5, message_excerpt: 'null' },
    ];
    const counts = await drainStream(stream(records), consumer);
    expect(counts).toEqual({ received: 3, accepted: 3, quarantined: 0, reasons: {} });
    expect(consumer.partitions.sort()).toEqual([
      ['2025', '03', '07', '05'],
      ['2025', '03', '07', '06'],
    ]);
    const objects = await store.list(BUCKET, 'processed/');
    expect(objects.map((o) => o.key)).toEqual([
      expect.stringMatching(/^processed\/year=2025\/month=03\/day=07\/hour=05\/[0-9a-f-]{36}\.parquet$/),
      expect.stringMatching(/^processed\/year=2025\/month=03\/day=07\/hour=06\/[0-9a-f-]{36}\.parquet$/),
    ]);
    const glob = join(lake.root, BUCKET, 'processed/**/*.parquet');
    const schema = await query(
      `SELECT name, type, logical_type::VARCHAR AS logical FROM parquet_schema('${glob}') WHERE name <> 'duckdb_schema' AND file_name LIKE '%hour=05%'`,
    );
    expect(schema.map((c) => [c.name, c.type])).toEqual([
      ['customer_id', 'INT32'],
      ['interaction_type', 'BYTE_ARRAY'],
      ['timestamp', 'INT64'],
      ['channel', 'BYTE_ARRAY'],
      ['rating', 'INT32'],
      ['message_excerpt', 'BYTE_ARRAY'],
      ['ingestion_time', 'INT64'],
    ]);
    expect(String(schema[2].logical)).toContain('MILLIS');
    const meta = await query(`SELECT DISTINCT compression FROM parquet_metadata('${glob}')`);
    expect(meta).toEqual([{ compression: 'SNAPPY' }]);
    const rows = await query(
      `SELECT customer_id, interaction_type, strftime("timestamp", '%Y-%m-%d %H:%M:%S.%g') AS ts, channel, rating, message_excerpt,
              strftime(ingestion_time, '%Y-%m-%d %H:%M:%S') AS ingested, year, month, day, hour
       FROM read_parquet('${glob}', hive_partitioning = true, hive_types = {'year': VARCHAR, 'month': VARCHAR, 'day': VARCHAR, 'hour': VARCHAR})
       ORDER BY "timestamp"`,
    );
    expect(rows).toEqual([
      {
        customer_id: 42,
        interaction_type: 'complaint',
        ts: '2025-03-07 05:10:00.000',
        channel: null,
        rating: 2,
        message_excerpt: 'late',
        ingested: '2025-03-10 12:00:00',
        year: '2025',
        month: '03',
        day: '07',
        hour: '05',
      },
      {
        customer_id: 7,
        interaction_type: 'inquiry',
        ts: '2025-03-07 05:59:59.123',
        channel: 'email',
        rating: null,
        message_excerpt: null,
        ingested: '2025-03-10 12:00:00',
        year: '2025',
        month: '03',
        day: '07',
        hour: '05',
      },
      {
        customer_id: 8,
        interaction_type: 'feedback',
        ts: '2025-03-07 06:00:00.000',
        channel: 'phone',
        rating: 5,
        message_excerpt: null,
        ingested: '2025-03-10 12:00:00',
        year: '2025',
        month: '03',
        day: '07',
        hour: '06',
      },
    ]);
  });

  it('splits into batches of at most 100 records', async () => {
    const records = Array.from({ length: 250 }, (_, i) => ({ customer_id: i, interaction_type: 'inquiry', timestamp: '2025-03-07T05:00:00Z', rating: 3 }));
    const counts = await drainStream(stream(records), consumer);
    expect(counts.accepted).toBe(250);
    const sizes = await query(
      `SELECT count(*)::INT AS n FROM read_parquet('${join(lake.root, BUCKET, 'processed/**/*.parquet')}', filename = true) GROUP BY filename ORDER BY n DESC`,
    );
    expect(sizes.map((s) => s.n)).toEqual([100, 100, 50]);
  });

  it('sends records that fail cleaning to the dead-letter queue with the reason', async () => {
    const records = [
      { customer_id: 1, interaction_type: 'inquiry', timestamp: '2025-03-07T05:00:00Z', rating: 9 },
      { customer_id: 2, interaction_type: 'inquiry', timestamp: 'yesterday' },
      { customer_id: 'N/A', interaction_type: 'inquiry', timestamp: '2025-03-07T05:00:00Z' },
      '{not json',
      { customer_id: 3, interaction_type: 'inquiry', timestamp: '2025-03-07T05:00:00Z', rating: 4 },
    ];
    const counts = await drainStream(stream(records), consumer);
    expect(counts).toEqual({
      received: 5,
      accepted: 1,
      quarantined: 4,
      reasons: { rating_out_of_range: 1, bad_timestamp: 1, missing_required: 1, not_json: 1 },
    });
    const [message] = await deadLetters();
    expect(message.source).toBe('consumer-record');
    expect(message.records.map((r) => r.error)).toEqual([
      'rating 9 is outside 1–5',
      'timestamp "yesterday" is not an ISO-8601 date-time',
      'required field(s) null after cleaning: customer_id',
      expect.stringMatching(/^record 0+4 is not JSON/),
    ]);
    expect(message.records[3].record).toBe('{not json');
  });

  it('dead-letters a batch whose write fails, whole and with the error, and keeps the other batches', async () => {
    // A file where the hour=05 folder must go: the object store cannot create the folder.
    mkdirSync(join(lake.root, BUCKET, 'processed/year=2025/month=03/day=07'), { recursive: true });
    writeFileSync(join(lake.root, BUCKET, 'processed/year=2025/month=03/day=07/hour=05'), 'in the way');
    const records = [
      ...Array.from({ length: 3 }, (_, i) => ({ customer_id: i, interaction_type: 'inquiry', timestamp: '2025-03-07T05:30:00Z' })),
      ...Array.from({ length: 2 }, (_, i) => ({ customer_id: i, interaction_type: 'inquiry', timestamp: '2025-03-07T06:30:00Z' })),
    ];
    const result = await consumer.process(stream(records).take(100));
    expect(result.failedBatches).toBe(1);
    expect(result.counts).toEqual({ received: 5, accepted: 2, quarantined: 3, reasons: { batch_write_failed: 3 } });
    expect(result.partitions).toEqual([['2025', '03', '07', '06']]);
    const [message] = await deadLetters();
    expect(message.source).toBe('consumer-batch');
    expect(message.error).toMatch(/^writing s3:\/\/lake\/processed\/year=2025\/month=03\/day=07\/hour=05\/.*\.parquet failed: /);
    expect(message.records.map((r) => (r.record as { customer_id: number }).customer_id)).toEqual([0, 1, 2]);
  });
});

describe('P1 end to end: simulator → producer → stream → consumer → Parquet', () => {
  it('accounts for every record the API served', async () => {
    const lake = tempLake();
    const simulator = await InteractionSimulator.start({
      seed: 3,
      total: 3_000,
      startMs: Date.UTC(2025, 2, 7),
      endMs: NOW,
      invalidShare: 0.05,
      corruptShare: 0.02,
    });
    const store = new LocalObjectStore(lake.root);
    const stream = new LocalRecordStream({ shardCount: 2 });
    const consumer = await InteractionConsumer.open({
      store,
      bucket: BUCKET,
      deadLetter: new LocalDeadLetterQueue(store, BUCKET, 'dead-letter/crm/'),
      clock: new ManualClock(NOW),
    });
    try {
      const producer = new InteractionProducer({
        apiUrl: simulator.url,
        stream,
        store,
        bucket: BUCKET,
        deadLetter: new LocalDeadLetterQueue(store, BUCKET, 'dead-letter/crm-producer/'),
        pageSize: 1_000,
        pollIntervalMs: 0,
        sleep: recordingSleep().sleep,
      });
      const produced = await producer.run({ stopWhenEmpty: true });
      const consumed = await drainStream(stream, consumer, { recordsPerInvocation: 500 });
      expect(produced.received).toBe(3_000);
      expect(countsBalance(produced)).toBe(true);
      expect(consumed.received).toBe(produced.accepted);
      expect(countsBalance(consumed)).toBe(true);
      expect(consumed.reasons.rating_out_of_range ?? 0).toBeGreaterThan(0);
      const [{ n }] = await query(`SELECT count(*)::INT AS n FROM read_parquet('${join(lake.root, BUCKET, 'processed/**/*.parquet')}')`);
      expect(n).toBe(consumed.accepted);
      // Every record served is in Parquet or in a quarantine, and every quarantined one is stored where the counts
      // say: the consumer's rejects in its dead-letter queue, the producer's in invalid/ or its dead-letter queue.
      expect(consumed.accepted + consumed.quarantined + produced.quarantined).toBe(3_000);
      const storedRecords = async (prefix: string) => {
        let n = 0;
        for (const o of await store.list(BUCKET, prefix)) {
          // A dead-letter message lists its records; an invalid/ object holds one record per line.
          for (const line of readFileSync(join(lake.root, BUCKET, o.key), 'utf8')
            .trimEnd()
            .split('\n')) {
            const stored = JSON.parse(line) as DeadLetterMessage | { record: unknown };
            n += 'records' in stored ? stored.records.length : 1;
          }
        }
        return n;
      };
      expect(consumed.quarantined).toBeGreaterThan(0);
      expect(await storedRecords('dead-letter/crm/')).toBe(consumed.quarantined);
      expect(produced.quarantined).toBeGreaterThan(0);
      expect((await storedRecords(INGEST_PREFIX.interactionsInvalid)) + (await storedRecords('dead-letter/crm-producer/'))).toBe(produced.quarantined);
    } finally {
      await consumer.close();
      await simulator.close();
      lake.cleanup();
    }
  });
});
