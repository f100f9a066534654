import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalObjectStore } from '../../../src/storage/object-store/index.js';
import { ManualClock } from '../../../src/ingest/clock.js';
import { countsBalance } from '../../../src/ingest/counts.js';
import { domainEventsStreamConfig, FirehoseConfigError, parseMetadataExtractionQuery, toJq } from '../../../src/ingest/firehose/config.js';
import { LocalFirehose } from '../../../src/ingest/firehose/local-firehose.js';
import { generateDomainEvents, toJsonLines } from '../../../src/ingest/generators/domain-events.js';
import { query, tempLake } from '../helpers.js';

const BUCKET = 'lake';
const ARRIVAL = Date.UTC(2025, 2, 10, 12, 0, 0);
const encoder = new TextEncoder();
const line = (value: unknown) => encoder.encode(`${JSON.stringify(value)}\n`);

describe('local Firehose', () => {
  let lake: ReturnType<typeof tempLake>;
  let store: LocalObjectStore;
  let clock: ManualClock;
  beforeEach(() => {
    lake = tempLake();
    store = new LocalObjectStore(lake.root);
    clock = new ManualClock(ARRIVAL);
  });
  afterEach(() => lake.cleanup());

  const firehose = (overrides: { bufferSizeMb?: number; bufferIntervalSeconds?: number } = {}) =>
    new LocalFirehose(
      domainEventsStreamConfig({
        deliveryStreamName: 'domain-events',
        bucket: BUCKET,
        prefix: 'domain-events/',
        errorPrefix: 'errors/domain-events/',
        ...overrides,
      }),
      { store, clock },
    );
  const read = (key: string) => gunzipSync(readFileSync(join(lake.root, BUCKET, key))).toString('utf8');

  it('holds records until the buffer interval has passed since the first record, then delivers GZIP NDJSON per event-time hour', async () => {
    const f = firehose();
    const events = [
      { event_id: 'a', event_type: 'OrderPlaced', event_time: '2025-03-07T05:10:00.000Z' },
      { event_id: 'b', event_type: 'OrderPaid', event_time: '2025-03-07T05:20:00.000Z' },
      { event_id: 'c', event_type: 'OrderShipped', event_time: '2025-03-08T23:59:59.999Z' },
    ];
    const result = await f.put(events.map(line));
    expect(result).toEqual({ sent: 3, failed: [], requests: 1 });
    clock.advance(299_000);
    await f.flushDue();
    expect(await store.list(BUCKET, '')).toEqual([]);
    expect(f.buffered).toBe(3);

    clock.advance(1_000);
    await f.flushDue();
    const keys = (await store.list(BUCKET, '')).map((o) => o.key);
    expect(keys).toEqual([
      expect.stringMatching(/^domain-events\/year=2025\/month=03\/day=07\/hour=05\/domain-events-1-2025-03-10-12-00-00-[0-9a-f-]{36}\.gz$/),
      expect.stringMatching(/^domain-events\/year=2025\/month=03\/day=08\/hour=23\/domain-events-1-2025-03-10-12-00-00-[0-9a-f-]{36}\.gz$/),
    ]);
    expect(read(keys[0])).toBe(`${JSON.stringify(events[0])}\n${JSON.stringify(events[1])}\n`);
    expect(f.counts).toEqual({ received: 3, accepted: 3, quarantined: 0, reasons: {} });
  });

  it('delivers a buffer as soon as it reaches SizeInMBs', async () => {
    const f = firehose({ bufferSizeMb: 1 });
    const padding = 'x'.repeat(100 * 1024);
    const records = Array.from({ length: 12 }, (_, i) => line({ event_id: String(i), event_time: '2025-03-07T05:00:00Z', padding }));
    await f.put(records);
    // 10 records of ~100 KiB reach 1 MiB: one object; the rest waits.
    expect(f.objects).toHaveLength(1);
    expect(read(f.objects[0]).trimEnd().split('\n')).toHaveLength(11);
    expect(f.buffered).toBe(1);
    await f.close();
    expect(f.objects).toHaveLength(2);
    expect(countsBalance(f.counts)).toBe(true);
    expect(f.counts.accepted).toBe(12);
  });

  it('sends records whose partition keys cannot be extracted to the error prefix, raw data kept', async () => {
    const f = firehose();
    const bad = [line({ event_id: 'no-time', event_type: 'OrderPaid' }), encoder.encode('{not json\n'), line({ event_id: 'n', event_time: null })];
    await f.put([line({ event_id: 'ok', event_time: '2025-03-07T05:00:00Z' }), ...bad]);
    await f.close();
    expect(f.counts).toEqual({ received: 4, accepted: 1, quarantined: 3, reasons: { 'DynamicPartitioning.MetadataExtractionFailed': 3 } });
    const errors = (await store.list(BUCKET, 'errors/')).map((o) => o.key);
    expect(errors).toEqual([expect.stringMatching(/^errors\/domain-events\/processing-failed\/year=2025\/month=03\/day=10\/hour=12\/domain-events-1-.*\.gz$/)]);
    const documents = read(errors[0])
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(documents.map((d) => d.errorCode)).toEqual(Array(3).fill('DynamicPartitioning.MetadataExtractionFailed'));
    expect(documents.map((d) => Buffer.from(String(d.rawData), 'base64').toString('utf8'))).toEqual(bad.map((b) => new TextDecoder().decode(b)));
    expect(documents[1].errorMessage).toBe('Non JSON record provided');
  });

  it('refuses what PutRecordBatch refuses', async () => {
    const f = firehose();
    await expect(f.put(Array.from({ length: 501 }, () => line({})))).rejects.toThrow(/at most 500/);
    const result = await f.put([encoder.encode('x'.repeat(1000 * 1024 + 1))]);
    expect(result.sent).toBe(0);
    expect(result.failed[0].errorCode).toBe('InvalidArgumentException');
  });

  it('takes Firehose configuration names and refuses jq it cannot evaluate like AWS', () => {
    const config = domainEventsStreamConfig({ deliveryStreamName: 's', bucket: 'b', prefix: 'p/', errorPrefix: 'e/' });
    const destination = config.ExtendedS3DestinationConfiguration;
    expect(destination.BufferingHints).toEqual({ SizeInMBs: 5, IntervalInSeconds: 300 });
    expect(destination.CompressionFormat).toBe('GZIP');
    expect(destination.Prefix).toBe(
      'p/year=!{partitionKeyFromQuery:year}/month=!{partitionKeyFromQuery:month}/day=!{partitionKeyFromQuery:day}/hour=!{partitionKeyFromQuery:hour}/',
    );
    const jq = destination.ProcessingConfiguration?.Processors[0].Parameters?.[0].ParameterValue ?? '';
    expect(jq).toBe('{year:.event_time[0:4],month:.event_time[5:7],day:.event_time[8:10],hour:.event_time[11:13]}');
    expect(toJq(parseMetadataExtractionQuery(jq))).toBe(jq);
    expect(() => parseMetadataExtractionQuery('{year: .t | strftime("%Y")}')).toThrow(FirehoseConfigError);
  });

  it('delivers generated domain events that DuckDB reads back by partition', async () => {
    const events = generateDomainEvents({ seed: 5, nowMs: ARRIVAL, days: 2, ordersPerDay: 100, unpartitionableShare: 0.01 });
    expect(new Set(events.map((e) => e.event_type))).toEqual(
      new Set(['CustomerRegistered', 'OrderPlaced', 'OrderPaid', 'PaymentFailed', 'OrderShipped', 'StockChanged']),
    );
    expect(generateDomainEvents({ seed: 5, nowMs: ARRIVAL, days: 2, ordersPerDay: 100, unpartitionableShare: 0.01 })).toEqual(events);
    const f = firehose();
    const records = toJsonLines(events);
    for (let i = 0; i < records.length; i += 500) await f.put(records.slice(i, i + 500));
    await f.close();
    const withoutTime = events.filter((e) => e.event_time === undefined).length;
    expect(withoutTime).toBeGreaterThan(0);
    expect(f.counts).toEqual({
      received: events.length,
      accepted: events.length - withoutTime,
      quarantined: withoutTime,
      reasons: { 'DynamicPartitioning.MetadataExtractionFailed': withoutTime },
    });
    const rows = await query(
      `SELECT count(*)::INT AS n, count(*) FILTER (WHERE strftime(event_time::TIMESTAMP, '%Y%m%d%H') <> year || month || day || hour)::INT AS misplaced
       FROM read_json('${join(lake.root, BUCKET, 'domain-events/**/*.gz')}', format = 'newline_delimited', hive_partitioning = true,
                      hive_types = {'year': VARCHAR, 'month': VARCHAR, 'day': VARCHAR, 'hour': VARCHAR})`,
    );
    expect(rows).toEqual([{ n: events.length - withoutTime, misplaced: 0 }]);
  });
});
