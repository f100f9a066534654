import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalObjectStore } from '../../../src/storage/object-store/index.js';
import { ManualClock } from '../../../src/ingest/clock.js';
import { countsBalance } from '../../../src/ingest/counts.js';
import { LocalDeadLetterQueue } from '../../../src/ingest/dead-letter.js';
import { ApiError, InteractionProducer } from '../../../src/ingest/interactions/producer.js';
import { producerValidationError } from '../../../src/ingest/interactions/record.js';
import { InteractionSimulator } from '../../../src/ingest/interactions/simulator.js';
import { LocalRecordStream } from '../../../src/ingest/stream/local-record-stream.js';
import { recordingSleep, tempLake } from '../helpers.js';

const BUCKET = 'lake';
const START = Date.UTC(2025, 2, 7, 0, 0, 0);
const NOW = Date.UTC(2025, 2, 10, 12, 0, 0);

describe('interaction simulator', () => {
  const simulators: InteractionSimulator[] = [];
  afterEach(async () => {
    await Promise.all(simulators.splice(0).map((s) => s.close()));
  });
  const start = async (options: Partial<Parameters<typeof InteractionSimulator.start>[0]> = {}) => {
    const simulator = await InteractionSimulator.start({ seed: 7, total: 2_000, startMs: START, endMs: NOW, invalidShare: 0.1, ...options });
    simulators.push(simulator);
    return simulator;
  };

  it('serves pages of seeded records on 127.0.0.1, the same for the same seed, with the configured invalid share', async () => {
    const a = await start();
    const b = await start();
    expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/customer-interaction\/$/);
    const pageA = (await (await fetch(`${a.url}?limit=2000`)).json()) as unknown[];
    const pageB = (await (await fetch(`${b.url}?limit=2000`)).json()) as unknown[];
    expect(pageA).toHaveLength(2_000);
    expect(pageB).toEqual(pageA);
    const invalid = pageA.filter((r) => producerValidationError(r) !== undefined).length;
    expect(invalid / pageA.length).toBeGreaterThan(0.07);
    expect(invalid / pageA.length).toBeLessThan(0.13);
    const valid = pageA.find((r) => producerValidationError(r) === undefined) as Record<string, unknown>;
    expect(Object.keys(valid).sort()).toEqual(['channel', 'customer_id', 'interaction_type', 'message_excerpt', 'rating', 'timestamp']);
    // Exhausted: an empty page.
    expect(await (await fetch(`${a.url}?limit=5`)).json()).toEqual([]);
  });

  it('fails the requested number of requests, then recovers', async () => {
    const sim = await start();
    sim.failNext(2, 503);
    expect((await fetch(sim.url)).status).toBe(503);
    expect((await fetch(sim.url)).status).toBe(503);
    const ok = await fetch(`${sim.url}?limit=3`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toHaveLength(3);
    expect((await fetch(`${sim.url}?limit=0`)).status).toBe(400);
  });
});

describe('interaction producer', () => {
  let lake: ReturnType<typeof tempLake>;
  let simulator: InteractionSimulator;
  beforeEach(async () => {
    lake = tempLake();
    simulator = await InteractionSimulator.start({ seed: 11, total: 500, startMs: START, endMs: NOW, invalidShare: 0.1 });
  });
  afterEach(async () => {
    await simulator.close();
    lake.cleanup();
  });

  const producer = (stream: LocalRecordStream, sleep = recordingSleep().sleep) => {
    const store = new LocalObjectStore(lake.root);
    return new InteractionProducer({
      apiUrl: simulator.url,
      stream,
      store,
      bucket: BUCKET,
      deadLetter: new LocalDeadLetterQueue(store, BUCKET, 'dead-letter/crm-producer/'),
      pageSize: 100,
      pollIntervalMs: 0,
      clock: new ManualClock(NOW),
      sleep,
      random: () => 0.5,
    });
  };

  it('sends valid records keyed by customer_id and writes invalid ones with the error under invalid/year=/month=/day=/, one object per poll and one line per record', async () => {
    const stream = new LocalRecordStream();
    const p = producer(stream);
    const counts = await p.run({ stopWhenEmpty: true });
    expect(counts.received).toBe(500);
    expect(countsBalance(counts)).toBe(true);
    expect(counts.reasons.invalid_record).toBe(counts.quarantined);
    expect(counts.quarantined).toBeGreaterThan(20);
    expect(stream.pending).toBe(counts.accepted);

    const sent = stream.take(1_000);
    const first = JSON.parse(new TextDecoder().decode(sent[0].data)) as Record<string, unknown>;
    expect(sent[0].partitionKey).toBe(String(first.customer_id));

    // 500 records in pages of 100: five polls, each with invalid records, each written as one object (the JSON
    // SerDe of p1_invalid_interactions reads one row per line).
    const invalid = await new LocalObjectStore(lake.root).list(BUCKET, 'invalid/');
    expect(invalid).toHaveLength(5);
    const lines: Record<string, unknown>[] = [];
    for (const object of invalid) {
      expect(object.key).toMatch(/^invalid\/year=2025\/month=03\/day=10\/[0-9a-f-]{36}\.json$/);
      const text = readFileSync(join(lake.root, BUCKET, object.key), 'utf8');
      expect(text.endsWith('\n')).toBe(true);
      lines.push(
        ...text
          .trimEnd()
          .split('\n')
          .map((line) => JSON.parse(line) as Record<string, unknown>),
      );
    }
    expect(lines).toHaveLength(counts.quarantined);
    for (const body of lines) {
      expect(body.error).toMatch(/^missing required field\(s\): (customer_id|interaction_type|timestamp)/);
      expect(body.timestamp).toBe('2025-03-10T12:00:00.000Z');
      expect(producerValidationError(body.record)).toBe(body.error);
    }
  });

  it('retries API failures with exponential backoff and carries on', async () => {
    simulator.failNext(3);
    const { sleep, delays } = recordingSleep();
    const p = producer(new LocalRecordStream(), sleep);
    const result = await p.pollOnce();
    expect(result.fetched).toBe(100);
    expect(simulator.stats.failedRequests).toBe(3);
    // Full jitter with random = 0.5: half of 100, 200, 400 ms.
    expect(delays).toEqual([50, 100, 200]);
  });

  it('gives up on a poll after 5 retries', async () => {
    simulator.failNext(10);
    const { sleep, delays } = recordingSleep();
    await expect(producer(new LocalRecordStream(), sleep).pollOnce()).rejects.toBeInstanceOf(ApiError);
    expect(simulator.stats.failedRequests).toBe(6);
    expect(delays).toHaveLength(5);
  });

  it('re-sends only the records the stream refused, after a backoff, and dead-letters what it still refuses', async () => {
    // A shard holding 30 unread records refuses the rest; a consumer drains it while the producer backs off.
    const stream = new LocalRecordStream({ shardCapacity: 30 });
    let drained = 0;
    const { sleep, delays } = recordingSleep(() => {
      drained += stream.take(30).length;
    });
    const p = producer(stream, sleep);
    const result = await p.pollOnce();
    expect(result.deadLettered).toBe(0);
    expect(drained + stream.pending).toBe(result.sent);
    expect(delays.length).toBeGreaterThan(0);

    // Nobody drains now: after 6 attempts the refused records go to the dead-letter queue, not away.
    const stuck = new LocalRecordStream({ shardCapacity: 10 });
    const p2 = producer(stuck);
    const r2 = await p2.pollOnce();
    expect(r2.sent).toBe(10);
    expect(r2.deadLettered).toBe(r2.fetched - r2.invalid - 10);
    expect(p2.counts.reasons.stream_refused).toBe(r2.deadLettered);
    expect(countsBalance(p2.counts)).toBe(true);
    const dlq = await new LocalObjectStore(lake.root).list(BUCKET, 'dead-letter/crm-producer/');
    expect(dlq).toHaveLength(1);
    const message = JSON.parse(readFileSync(join(lake.root, BUCKET, dlq[0].key), 'utf8')) as { records: { error: string }[] };
    expect(message.records).toHaveLength(r2.deadLettered);
    expect(message.records[0].error).toMatch(/^ProvisionedThroughputExceededException/);
  });
});
