import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalObjectStore } from '../../src/storage/object-store/index.js';
import { ManualClock } from '../../src/ingest/clock.js';
import { countsBalance } from '../../src/ingest/counts.js';
import { generateDemoData } from '../../src/ingest/demo.js';
import { generateCustomer360Sources } from '../../src/ingest/generators/customer360.js';
import { query, tempLake } from './helpers.js';

const NOW = Date.UTC(2025, 2, 10, 0, 0, 0);

describe('demo data set', () => {
  it('fills every pipeline’s landing area through the real components, with nothing unaccounted for', async () => {
    const lake = tempLake();
    try {
      const report = await generateDemoData({
        lakeRoot: lake.root,
        bucket: 'lake',
        nowMs: NOW,
        days: 3,
        interactions: 4_000,
        ordersPerDay: 40,
        customers: 300,
        clock: new ManualClock(NOW),
      });
      const { producer, consumer } = report.interactions;
      expect(producer.received).toBe(4_000);
      expect(countsBalance(producer) && countsBalance(consumer)).toBe(true);
      expect(consumer.received).toBe(producer.accepted);
      expect(report.interactions.partitions.length).toBeGreaterThan(60);
      expect(countsBalance(report.domainEvents.counts)).toBe(true);
      expect(report.ecommerce.status).toBe('processed');
      if (report.ecommerce.status === 'processed') {
        for (const counts of Object.values(report.ecommerce.batch.counts)) expect(countsBalance(counts)).toBe(true);
      }
      const base = join(lake.root, 'lake');
      const [{ n }] = await query(`SELECT count(*)::INT AS n FROM read_parquet('${base}/processed/**/*.parquet')`);
      expect(n).toBe(consumer.accepted);
      const store = new LocalObjectStore(lake.root);
      expect((await store.list('lake', 'raw/customer360/customers/')).length).toBe(3);
      expect((await store.list('lake', 'domain-events/')).length).toBe(report.domainEvents.objects - (await store.list('lake', 'errors/')).length);
    } finally {
      lake.cleanup();
    }
  });

  it('generates Customer360 extracts with customer changes over time for SCD2', async () => {
    const files = generateCustomer360Sources({ seed: 9, nowMs: NOW, days: 4, customers: 200, ordersPerDay: 10, eventsPerDay: 10 });
    expect(generateCustomer360Sources({ seed: 9, nowMs: NOW, days: 4, customers: 200, ordersPerDay: 10, eventsPerDay: 10 })).toEqual(files);
    const customerFiles = files.filter((f) => f.key.startsWith('customers/'));
    expect(customerFiles.map((f) => f.key)).toEqual(
      ['2025-03-06', '2025-03-07', '2025-03-08', '2025-03-09'].map((d) => `customers/extract_date=${d}/customers.csv`),
    );
    // Later extracts carry changed rows of existing customers: same id, different attributes.
    const rowsOf = (content: string) =>
      new Map(
        content
          .trim()
          .split('\n')
          .slice(1)
          .map((l) => [l.split(',')[0], l]),
      );
    const first = rowsOf(customerFiles[0].content);
    const changed = [...rowsOf(customerFiles[1].content)].filter(([id, line]) => first.has(id) && first.get(id) !== line);
    expect(changed.length).toBeGreaterThan(0);
  });
});
