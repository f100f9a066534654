// Fills a local lake with the seeded example data set for all five pipelines, through the same components the
// pipelines use: P1 simulator → producer → stream → consumer → Parquet; P4 domain events → local Firehose; P2 CSVs
// landed and processed; P3 source extracts; P5 reads P1's Parquet. Deterministic for a given seed and `nowMs`
// (apart from generated object names and ingestion_time, which follow the clock).
import { LocalObjectStore, type ObjectStore } from '../storage/object-store/index.js';
import { systemClock, type Clock } from './clock.js';
import { addCounts, emptyCounts, type IngestCounts } from './counts.js';
import { LocalDeadLetterQueue } from './dead-letter.js';
import { domainEventsStreamConfig } from './firehose/config.js';
import { LocalFirehose } from './firehose/local-firehose.js';
import { generateCustomer360Sources } from './generators/customer360.js';
import { generateDomainEvents, toJsonLines } from './generators/domain-events.js';
import { generateEcommerceFiles } from './generators/ecommerce.js';
import { drainStream, InteractionConsumer } from './interactions/consumer.js';
import { InteractionProducer } from './interactions/producer.js';
import { InteractionSimulator } from './interactions/simulator.js';
import { EcommerceLanding, landFiles, type CheckResult } from './landing/landing.js';
import { INGEST_PREFIX } from './layout.js';
import { LocalRecordStream } from './stream/local-record-stream.js';

export interface DemoDataOptions {
  lakeRoot: string;
  bucket: string;
  seed?: number;
  /** End of the generated history; data covers `days` days before it. */
  nowMs: number;
  days?: number;
  /** P1 interaction events (≥100k for the full demo). */
  interactions?: number;
  /** P2 and P4 orders per day. */
  ordersPerDay?: number;
  customers?: number;
  store?: ObjectStore;
  clock?: Clock;
  onProgress?: (event: DemoProgress) => void;
}

export type DemoProgress = { pipeline: 'P1' | 'P2' | 'P3' | 'P4'; step: string; done?: number; total?: number };

export interface DemoDataReport {
  interactions: { producer: IngestCounts; consumer: IngestCounts; partitions: string[][]; apiFailures: number };
  domainEvents: { counts: IngestCounts; objects: number };
  ecommerce: CheckResult;
  customer360: { files: number; rows: number };
}

export async function generateDemoData(options: DemoDataOptions): Promise<DemoDataReport> {
  const seed = options.seed ?? 42;
  const days = options.days ?? 7;
  const store = options.store ?? new LocalObjectStore(options.lakeRoot);
  const clock = options.clock ?? systemClock;
  const progress = options.onProgress ?? (() => undefined);
  const { bucket, nowMs } = options;

  const interactions = await runInteractions({ ...options, seed, days, store, clock, progress });

  progress({ pipeline: 'P4', step: 'domain events → Firehose' });
  const events = generateDomainEvents({
    seed: seed + 4,
    nowMs,
    days,
    ordersPerDay: options.ordersPerDay ?? 500,
    existingCustomers: options.customers ?? 5_000,
  });
  const firehose = new LocalFirehose(
    domainEventsStreamConfig({ deliveryStreamName: 'domain-events', bucket, prefix: INGEST_PREFIX.domainEvents, errorPrefix: INGEST_PREFIX.domainEventErrors }),
    { store, clock },
  );
  const lines = toJsonLines(events);
  for (let i = 0; i < lines.length; i += 500) await firehose.put(lines.slice(i, i + 500));
  await firehose.close();

  progress({ pipeline: 'P2', step: 'CSV landing' });
  const files = generateEcommerceFiles({
    seed: seed + 2,
    nowMs,
    days,
    ordersPerDay: options.ordersPerDay ?? 500,
    customers: options.customers ?? 5_000,
    defects: { malformedRows: 2, unknownOrderItems: 3, unknownProductItems: 2 },
  });
  await landFiles(store, bucket, files);
  // One orders and one items file per day: a history shorter than the seed's 5-file threshold lowers it to fit.
  const minFiles = Math.min(5, days);
  const thresholds = { minOrderFiles: minFiles, minItemFiles: minFiles };
  const ecommerce = await new EcommerceLanding({ store, bucket, lakeRoot: options.lakeRoot, clock, thresholds }).check();

  progress({ pipeline: 'P3', step: 'Customer360 sources' });
  const sources = generateCustomer360Sources({ seed: seed + 3, nowMs, days, customers: options.customers ?? 5_000 });
  for (const file of sources) await store.put(bucket, `${INGEST_PREFIX.customer360Raw}${file.key}`, file.content);

  return {
    interactions,
    domainEvents: { counts: firehose.counts, objects: firehose.objects.length },
    ecommerce,
    customer360: { files: sources.length, rows: sources.reduce((n, f) => n + f.rows, 0) },
  };
}

async function runInteractions(
  options: DemoDataOptions & { seed: number; days: number; store: ObjectStore; clock: Clock; progress: (e: DemoProgress) => void },
) {
  const total = options.interactions ?? 100_000;
  const { store, bucket, clock, progress } = options;
  const simulator = await InteractionSimulator.start({
    seed: options.seed + 1,
    total,
    startMs: options.nowMs - options.days * 86_400_000,
    endMs: options.nowMs,
    customers: options.customers ?? 5_000,
    maxPageSize: 5_000,
  });
  const stream = new LocalRecordStream({ clock });
  const consumer = await InteractionConsumer.open({
    store,
    bucket,
    deadLetter: new LocalDeadLetterQueue(store, bucket, INGEST_PREFIX.interactionsDeadLetter, clock),
    clock,
  });
  try {
    const producer = new InteractionProducer({
      apiUrl: simulator.url,
      stream,
      store,
      bucket,
      deadLetter: new LocalDeadLetterQueue(store, bucket, INGEST_PREFIX.interactionsProducerDeadLetter, clock),
      pageSize: 5_000,
      pollIntervalMs: 0,
      clock,
    });
    const consumed = emptyCounts();
    // Consume as the producer goes, as a stream consumer would, so the stream never holds the whole data set.
    let served = 0;
    for (;;) {
      const poll = await producer.pollOnce();
      served += poll.fetched;
      progress({ pipeline: 'P1', step: 'simulator → producer → stream → consumer', done: served, total });
      const counts = await drainStream(stream, consumer, { recordsPerInvocation: 5_000 });
      addCounts(consumed, counts);
      if (poll.fetched === 0) break;
    }
    return { producer: producer.counts, consumer: consumed, partitions: consumer.partitions, apiFailures: producer.apiFailures };
  } finally {
    await consumer.close();
    await simulator.close();
  }
}
