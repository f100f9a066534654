// `npm run soak`: the P1 path (simulator on 127.0.0.1 → producer → local stream → consumer → Parquet) at 10× the
// seed's poll rate (a poll every 50 ms instead of 500 ms) for a bounded time (SOAK_SECONDS, default 15), with the
// consumer draining as a Lambda event source would. Prints throughput and memory; exits 1 when records went missing
// or memory grew without bound (RSS growth over the second half of the run above SOAK_MAX_GROWTH_MB, default 64).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalObjectStore } from '../../src/storage/object-store/index.js';
import { systemClock } from '../../src/ingest/clock.js';
import { addCounts, countsBalance, emptyCounts } from '../../src/ingest/counts.js';
import { LocalDeadLetterQueue } from '../../src/ingest/dead-letter.js';
import { drainStream, InteractionConsumer } from '../../src/ingest/interactions/consumer.js';
import { InteractionProducer } from '../../src/ingest/interactions/producer.js';
import { InteractionSimulator } from '../../src/ingest/interactions/simulator.js';
import { INGEST_PREFIX } from '../../src/ingest/layout.js';
import { LocalRecordStream } from '../../src/ingest/stream/local-record-stream.js';

const seconds = Number(process.env.SOAK_SECONDS ?? 15);
const maxGrowthMb = Number(process.env.SOAK_MAX_GROWTH_MB ?? 64);
const SEED_POLL_MS = 500;
const pollMs = SEED_POLL_MS / 10;
const bucket = 'soak';
const lake = mkdtempSync(join(tmpdir(), 'lake-soak-'));
const store = new LocalObjectStore(lake);
const simulator = await InteractionSimulator.start({ seed: 7, live: systemClock, maxPageSize: 1_000 });
const stream = new LocalRecordStream({ shardCount: 2, shardCapacity: 50_000 });
const consumer = await InteractionConsumer.open({ store, bucket, deadLetter: new LocalDeadLetterQueue(store, bucket, INGEST_PREFIX.interactionsDeadLetter) });
const producer = new InteractionProducer({
  apiUrl: simulator.url,
  stream,
  store,
  bucket,
  deadLetter: new LocalDeadLetterQueue(store, bucket, INGEST_PREFIX.interactionsProducerDeadLetter),
  pageSize: 200,
  pollIntervalMs: pollMs,
});
const consumed = emptyCounts();
const stop = new AbortController();
const rss: number[] = [];
const sampler = setInterval(() => rss.push(process.memoryUsage().rss), 250);
const started = performance.now();
setTimeout(() => stop.abort(), seconds * 1000);

const consuming = (async () => {
  while (!stop.signal.aborted || stream.pending > 0) {
    addCounts(consumed, await drainStream(stream, consumer, { recordsPerInvocation: 500 }));
    await new Promise((r) => setTimeout(r, 100));
  }
})();
await producer.run({ signal: stop.signal });
await consuming;
addCounts(consumed, await drainStream(stream, consumer));
clearInterval(sampler);
const elapsed = (performance.now() - started) / 1000;
await consumer.close();
await simulator.close();
rmSync(lake, { recursive: true, force: true });

const mb = (b: number) => Math.round(b / 1024 / 1024);
const half = rss.slice(Math.floor(rss.length / 2));
const growth = Math.max(...half) - half[0];
const p = producer.counts;
const inFlightOk = p.accepted === consumed.received;
const balanced = countsBalance(p) && countsBalance(consumed) && inFlightOk;
console.log(
  JSON.stringify(
    {
      seconds: Number(elapsed.toFixed(1)),
      pollIntervalMs: pollMs,
      polls: simulator.stats.requests,
      fetched: p.received,
      recordsPerSecond: Math.round(p.received / elapsed),
      producer: p,
      consumer: consumed,
      rssMb: { start: mb(rss[0]), max: mb(Math.max(...rss)), end: mb(rss[rss.length - 1]), growthSecondHalf: mb(growth) },
      balanced,
    },
    null,
    1,
  ),
);
if (!balanced) {
  console.error('soak: records went missing (received ≠ accepted + quarantined, or producer accepted ≠ consumer received)');
  process.exitCode = 1;
} else if (mb(growth) > maxGrowthMb) {
  console.error(`soak: RSS grew ${mb(growth)} MB over the second half of the run (limit ${maxGrowthMb} MB)`);
  process.exitCode = 1;
}
