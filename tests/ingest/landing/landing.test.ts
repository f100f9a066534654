import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalObjectStore } from '../../../src/storage/object-store/index.js';
import { ManualClock } from '../../../src/ingest/clock.js';
import { countsBalance } from '../../../src/ingest/counts.js';
import { generateEcommerceFiles } from '../../../src/ingest/generators/ecommerce.js';
import { EcommerceLanding, landFiles } from '../../../src/ingest/landing/landing.js';
import { PipelineLock } from '../../../src/ingest/landing/pipeline-lock.js';
import { query, tempLake } from '../helpers.js';

const BUCKET = 'lake';
const NOW = Date.UTC(2025, 2, 10, 12, 0, 0);
const MINUTE = 60_000;

describe('P2 CSV landing', () => {
  let lake: ReturnType<typeof tempLake>;
  let store: LocalObjectStore;
  let clock: ManualClock;
  beforeEach(() => {
    lake = tempLake();
    store = new LocalObjectStore(lake.root);
    clock = new ManualClock(NOW);
  });
  afterEach(() => lake.cleanup());

  const landing = () => new EcommerceLanding({ store, bucket: BUCKET, lakeRoot: lake.root, clock });
  const keys = async (prefix: string) => (await store.list(BUCKET, prefix)).map((o) => o.key);

  it('waits while thresholds are unmet and forces processing once waiting has lasted 30 minutes', async () => {
    await landFiles(store, BUCKET, generateEcommerceFiles({ seed: 1, nowMs: NOW, days: 3, ordersPerDay: 20 }));
    const l = landing();
    const first = await l.check();
    expect(first).toEqual({ status: 'waiting', files: { orders: 3, order_items: 3, products: 1 }, waitingSince: NOW, forceAt: NOW + 30 * MINUTE });
    clock.advance(29 * MINUTE);
    expect((await l.check()).status).toBe('waiting');
    clock.advance(MINUTE);
    const forced = await l.check();
    expect(forced.status).toBe('processed');
    if (forced.status !== 'processed') return;
    expect(forced.batch.forced).toBe(true);
    expect(forced.batch.files).toHaveLength(7);
    expect(await keys('incoming/')).toEqual([]);
    expect(await keys('archive/incoming/')).toHaveLength(7);
    expect(await l.check()).toEqual({ status: 'empty' });
  });

  it('processes at the thresholds: typed Parquet for valid rows, every rejected row with its file, line and reason', async () => {
    const files = generateEcommerceFiles({
      seed: 2,
      nowMs: NOW,
      days: 5,
      ordersPerDay: 30,
      defects: { malformedRows: 2, unknownOrderItems: 3, unknownProductItems: 1 },
    });
    files[1].content += '100001,1001,2025-03-05\n'; // too few columns
    files[1].rows++;
    await landFiles(store, BUCKET, files);
    const result = await landing().check();
    expect(result.status).toBe('processed');
    if (result.status !== 'processed') return;
    const { counts, rejectedRows, objects } = result.batch;
    expect(result.batch.forced).toBe(false);
    const written = (prefix: string) => files.filter((f) => f.name.startsWith(prefix)).reduce((n, f) => n + f.rows, 0);
    expect(counts.orders.received).toBe(written('orders_'));
    expect(counts.order_items.received).toBe(written('order_items_'));
    expect(counts.products.received).toBe(written('products'));
    for (const table of ['orders', 'order_items', 'products'] as const) expect(countsBalance(counts[table])).toBe(true);
    expect(counts.orders.reasons).toEqual({ bad_value: 2, malformed_row: 1 });
    expect(counts.order_items.reasons).toEqual({ unknown_order: 3, unknown_product: 1 });

    const malformed = rejectedRows.find((r) => r.reason === 'malformed_row');
    expect(malformed?.file).toBe(files[1].name);
    expect(malformed?.line).toBe(files[1].rows + 1);
    expect(malformed?.record).toBe('100001,1001,2025-03-05');
    expect(rejectedRows.find((r) => r.reason === 'bad_value')?.error).toMatch(/^orders_.*\.csv line \d+: .*not-a-date/);
    expect(rejectedRows.find((r) => r.reason === 'unknown_product')?.error).toMatch(
      /order_items row \(order_id=100001, product_id=9000\): product_id not found in products.csv/,
    );

    const stored = readFileSync(join(lake.root, BUCKET, `rejected/ecommerce/batch_id=${result.batch.batchId}/rejected_rows.json`), 'utf8')
      .trimEnd()
      .split('\n');
    expect(stored).toHaveLength(rejectedRows.length);
    expect(objects.orders).toBe(`raw/ecommerce/orders/batch_id=${result.batch.batchId}/data.parquet`);
    const schema = await query(`DESCRIBE SELECT * FROM read_parquet('${join(lake.root, BUCKET, objects.order_items ?? '')}', hive_partitioning = false)`);
    expect(schema.map((c) => [c.column_name, c.column_type])).toEqual([
      ['order_id', 'BIGINT'],
      ['product_id', 'BIGINT'],
      ['quantity', 'INTEGER'],
      ['unit_price', 'DECIMAL(12,2)'],
    ]);
    const [{ n }] = await query(`SELECT count(*)::INT AS n FROM '${join(lake.root, BUCKET, objects.orders ?? '')}'`);
    expect(n).toBe(counts.orders.accepted);
  });

  it('rejects a file with a wrong header whole and keeps a copy with the error', async () => {
    const files = generateEcommerceFiles({ seed: 3, nowMs: NOW, days: 5, ordersPerDay: 10 });
    const broken = files.find((f) => f.name.startsWith('orders_'))!;
    broken.content = broken.content.replace('order_id,user_id', 'id,user_id');
    await landFiles(store, BUCKET, files);
    const result = await landing().check();
    if (result.status !== 'processed') throw new Error(`expected processed, got ${result.status}`);
    expect(result.batch.rejectedFiles).toEqual([
      { file: broken.name, reason: 'bad_header', rows: broken.rows, error: expect.stringContaining('missing order_id; unexpected id') },
    ]);
    expect(result.batch.counts.orders.reasons.bad_header).toBe(broken.rows);
    // Items of the rejected orders file now point at unknown orders.
    expect(result.batch.counts.order_items.reasons.unknown_order).toBeGreaterThan(0);
    expect(await keys(`rejected/ecommerce/batch_id=${result.batch.batchId}/files/`)).toEqual([
      `rejected/ecommerce/batch_id=${result.batch.batchId}/files/${broken.name}`,
      `rejected/ecommerce/batch_id=${result.batch.batchId}/files/${broken.name}.error.json`,
    ]);
  });

  it('re-checks after each wait until the batch is due', async () => {
    await landFiles(store, BUCKET, generateEcommerceFiles({ seed: 4, nowMs: NOW, days: 2, ordersPerDay: 5 }));
    const waits: number[] = [];
    const l = new EcommerceLanding({
      store,
      bucket: BUCKET,
      lakeRoot: lake.root,
      clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock.advance(ms);
      },
    });
    const result = await l.runUntilProcessed();
    expect(result.status).toBe('processed');
    expect(waits).toEqual([300_000, 300_000, 300_000, 300_000, 300_000, 300_000]);
  });

  it('does not run while another run holds the lock', async () => {
    await landFiles(store, BUCKET, generateEcommerceFiles({ seed: 5, nowMs: NOW, days: 5, ordersPerDay: 5 }));
    const l = landing();
    const other = await l.lock.tryAcquire();
    expect(other.acquired).toBe(true);
    const result = await l.check();
    expect(result).toEqual({ status: 'locked', heldBy: expect.objectContaining({ pid: process.pid }) });
    expect(await keys('incoming/')).toContain('incoming/products.csv');
    if (other.acquired) await other.lock.release();
    expect((await l.check()).status).toBe('processed');
  });
});

describe('pipeline lock', () => {
  let lake: ReturnType<typeof tempLake>;
  beforeEach(() => {
    lake = tempLake();
    mkdirSync(join(lake.root, 'incoming'), { recursive: true });
  });
  afterEach(() => lake.cleanup());
  const path = () => join(lake.root, 'incoming', 'pipeline.lock');

  it('lets exactly one of two concurrent runs in, and frees the lock on release', async () => {
    const [a, b] = await Promise.all([new PipelineLock(path()).tryAcquire(), new PipelineLock(path()).tryAcquire()]);
    expect([a.acquired, b.acquired].sort()).toEqual([false, true]);
    const winner = a.acquired ? a : b;
    const owner = JSON.parse(readFileSync(path(), 'utf8')) as { pid: number; takenAt: number };
    expect(owner.pid).toBe(process.pid);
    if (winner.acquired) await winner.lock.release();
    expect(existsSync(path())).toBe(false);
  });

  it('breaks a lock left by a process that is gone', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(path(), JSON.stringify({ pid: dead, host: hostname(), takenAt: NOW, token: 'crashed' }));
    const attempt = await new PipelineLock(path(), { clock: new ManualClock(NOW + MINUTE) }).tryAcquire();
    expect(attempt.acquired).toBe(true);
    if (attempt.acquired) expect(attempt.brokeStale?.token).toBe('crashed');
  });

  it('keeps a live owner’s lock until it is older than the stale timeout', async () => {
    writeFileSync(path(), JSON.stringify({ pid: process.pid, host: hostname(), takenAt: NOW, token: 'live' }));
    const clock = new ManualClock(NOW + 59 * MINUTE);
    const lock = new PipelineLock(path(), { clock, staleAfterMs: 60 * MINUTE });
    expect(await lock.tryAcquire()).toEqual({ acquired: false, heldBy: expect.objectContaining({ token: 'live' }) });
    clock.advance(2 * MINUTE);
    const attempt = await lock.tryAcquire();
    expect(attempt.acquired).toBe(true);
  });
});
