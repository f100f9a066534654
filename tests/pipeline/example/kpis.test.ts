// The example project's P1, P2, P4 and P5 models over seeded demo data, each KPI checked against a computation in
// TypeScript over the landed rows (P4 straight from Firehose's gzip files), plus record accounting and reruns.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { avg, BUCKET, cents, day, groupBy, isoDay, openExampleLake, snapshot, sum, type ExampleLake, type Row } from './harness.js';

let lake: ExampleLake;
let interactions: Row[];

beforeAll(async () => {
  lake = await openExampleLake();
  await lake.run('kind:ddl kind:model', day(0), day(3));
  interactions = await lake.query('SELECT customer_id, interaction_type, "timestamp", channel, rating FROM crm_data');
}, 120_000);
afterAll(async () => lake?.close());

const hourOf = (ts: unknown) => `${String(ts).slice(0, 13)}:00:00.000`;
const dateOf = (ts: unknown) => String(ts).slice(0, 10);
const close = (actual: unknown, expected: number | null) => {
  if (expected === null) expect(actual).toBeNull();
  else expect(Number(actual)).toBeCloseTo(expected, 9);
};

describe('P1 customer interactions', () => {
  it('hourly KPIs per channel and type match the interactions', async () => {
    expect(interactions.length).toBeGreaterThan(2_000);
    const expected = groupBy(interactions, (r) => `${hourOf(r.timestamp)}|${r.channel ?? 'unknown'}|${r.interaction_type}`);
    const rows = await lake.query('SELECT * FROM p1_interaction_kpis_hourly');
    expect(rows.length).toBe(expected.size);
    for (const row of rows) {
      const group = expected.get(`${row.hour_start}|${row.channel}|${row.interaction_type}`);
      expect(group, `${row.hour_start} ${row.channel} ${row.interaction_type}`).toBeDefined();
      const ratings = group!
        .map((r) => r.rating)
        .filter((r): r is number => r !== null)
        .map(Number);
      const negative = ratings.filter((r) => r <= 2).length;
      expect(row.interactions).toBe(group!.length);
      expect(row.rated_interactions).toBe(ratings.length);
      expect(row.negative_interactions).toBe(negative);
      close(row.avg_rating, avg(ratings));
      close(row.negative_share, ratings.length ? negative / ratings.length : null);
      expect(row.dt).toBe(dateOf(row.hour_start));
      expect(row.hour).toBe(Number(String(row.hour_start).slice(11, 13)));
    }
  });

  it('the daily rating distribution counts every interaction once', async () => {
    const expected = groupBy(interactions, (r) => `${dateOf(r.timestamp)}|${r.channel ?? 'unknown'}|${r.rating}`);
    const rows = await lake.query('SELECT * FROM p1_rating_distribution_daily');
    expect(rows.length).toBe(expected.size);
    for (const row of rows) expect(row.interactions).toBe(expected.get(`${row.dt}|${row.channel}|${row.rating}`)?.length);
  });

  it('records in = crm_data + producer-invalid + dead-lettered', async () => {
    const [{ curated }] = await lake.query('SELECT count(*) AS curated FROM crm_data');
    const [{ invalid }] = await lake.query('SELECT count(*) AS invalid FROM p1_invalid_interactions');
    const [{ dead }] = await lake.query('SELECT coalesce(sum(cardinality(records)), 0) AS dead FROM p1_dead_letter');
    const { producer } = lake.report.interactions;
    expect(Number(invalid)).toBeGreaterThan(0);
    expect(Number(dead)).toBeGreaterThan(0);
    expect(Number(curated) + Number(invalid) + Number(dead)).toBe(producer.received);
  });
});

describe('P5 daily customer features', () => {
  it('one row per customer and day, features computed from that day’s interactions', async () => {
    const expected = groupBy(interactions, (r) => `${r.customer_id}|${dateOf(r.timestamp)}`);
    const rows = await lake.query('SELECT * FROM p5_customer_features');
    expect(rows.length).toBe(expected.size);
    for (const row of rows) {
      const group = expected.get(`${row.customer_id}|${row.date}`)!;
      const ratings = group
        .map((r) => r.rating)
        .filter((r): r is number => r !== null)
        .map(Number);
      expect(row.interaction_count_1d).toBe(group.length);
      close(row.avg_rating_1d, avg(ratings));
      expect(row.negative_count_1d).toBe(ratings.filter((r) => r <= 2).length);
      expect(row.complaint_count_1d).toBe(group.filter((r) => r.interaction_type === 'complaint').length);
      expect(row.channel_count_1d).toBe(new Set(group.map((r) => r.channel).filter((c) => c !== null)).size);
      expect(row.last_interaction_at).toBe(
        group
          .map((r) => String(r.timestamp))
          .sort()
          .at(-1),
      );
    }
  });

  it('writes features/daily/date=YYYY-MM-DD/ as in the seed', () => {
    const folders = readdirSync(join(lake.lake, BUCKET, 'features', 'daily')).sort();
    expect(folders).toEqual([0, 1, 2].map((i) => `date=${isoDay(day(i))}`));
  });
});

describe('P2 e-commerce KPIs', () => {
  let orders: Row[];
  let items: Row[];
  let category: Map<unknown, unknown>;
  beforeAll(async () => {
    orders = await lake.query('SELECT order_id, user_id, CAST(order_date AS VARCHAR) AS order_date, total_amount, status FROM p2_raw_orders');
    items = await lake.query('SELECT order_id, product_id, quantity, unit_price FROM p2_raw_order_items');
    category = new Map((await lake.query('SELECT product_id, category FROM p2_raw_products')).map((p) => [p.product_id, p.category]));
  });

  it('order KPIs per day (seed 001 OrderKPIs)', async () => {
    const byDay = groupBy(orders, (o) => o.order_date);
    const itemsOf = groupBy(items, (i) => i.order_id);
    const rows = await lake.query('SELECT *, CAST(order_date AS VARCHAR) AS day FROM p2_order_kpis');
    expect(rows.map((r) => r.day).sort()).toEqual([...byDay.keys()].sort());
    for (const row of rows) {
      const day = byDay.get(row.day)!;
      expect(row.total_orders).toBe(day.length);
      expect(cents(row.total_revenue)).toBe(sum(day.map((o) => cents(o.total_amount))));
      expect(row.total_items_sold).toBe(sum(day.flatMap((o) => (itemsOf.get(o.order_id) ?? []).map((i) => Number(i.quantity)))));
      close(row.return_rate, (100 * day.filter((o) => o.status === 'returned').length) / day.length);
      expect(row.unique_customers).toBe(new Set(day.map((o) => o.user_id)).size);
    }
  });

  it('category KPIs per day (seed 001 CategoryKPIs)', async () => {
    const orderById = new Map(orders.map((o) => [o.order_id, o]));
    const lines = items.map((i) => ({
      order_id: i.order_id,
      quantity: i.quantity,
      unit_price: i.unit_price,
      order: orderById.get(i.order_id)!,
      category: category.get(i.product_id),
    }));
    const expected = groupBy(lines, (l) => `${l.category}|${l.order.order_date}`);
    const rows = await lake.query('SELECT *, CAST(order_date AS VARCHAR) AS day FROM p2_category_kpis');
    expect(rows.length).toBe(expected.size);
    for (const row of rows) {
      const group = expected.get(`${row.category}|${row.day}`)!;
      const revenue = sum(group.map((l) => Number(l.quantity) * cents(l.unit_price)));
      const distinct = new Map(group.map((l) => [l.order_id, l.order]));
      expect(cents(row.daily_revenue)).toBe(revenue);
      close(row.avg_order_value, revenue / 100 / distinct.size);
      close(row.avg_return_rate, (100 * [...distinct.values()].filter((o) => o.status === 'returned').length) / distinct.size);
    }
  });
});

interface DomainEvent {
  event_id: string;
  event_type: string;
  event_time: string;
  customer_id?: number;
  order_id?: string;
  product_id?: number;
  amount?: number;
  stock_level?: number;
}

function firehoseRecords(prefix: string): unknown[] {
  const root = join(lake.lake, BUCKET, prefix);
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
  return files.flatMap((f) =>
    gunzipSync(readFileSync(join(f.parentPath, f.name)))
      .toString('utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as unknown),
  );
}

describe('P4 domain events', () => {
  let events: DomainEvent[];
  const dayOf = (e: DomainEvent) => e.event_time.slice(0, 10);
  beforeAll(() => {
    events = firehoseRecords('domain-events/') as DomainEvent[];
  });

  it('records in = curated events + Firehose errors; one curated row per event', async () => {
    const errors = firehoseRecords('errors/domain-events/');
    expect(errors.length).toBeGreaterThan(0);
    expect(events.length + errors.length).toBe(lake.report.domainEvents.counts.received);
    const [{ curated, ids }] = await lake.query('SELECT count(*) AS curated, count(DISTINCT event_id) AS ids FROM p4_events');
    const [{ failed }] = await lake.query('SELECT count(*) AS failed FROM p4_domain_event_errors');
    expect(Number(curated)).toBe(new Set(events.map((e) => e.event_id)).size);
    expect(ids).toBe(curated);
    expect(Number(failed)).toBe(errors.length);
  });

  it('executive metrics per day', async () => {
    const byDay = groupBy(events, dayOf);
    const rows = await lake.query('SELECT * FROM p4_executive_daily ORDER BY dt');
    expect(rows.map((r) => r.dt)).toEqual([...byDay.keys()].sort());
    for (const row of rows) {
      const day = byDay.get(String(row.dt))!;
      const paid = day.filter((e) => e.event_type === 'OrderPaid');
      const active = new Set(day.map((e) => e.customer_id).filter((c) => c !== undefined));
      const paying = new Set(paid.map((e) => e.customer_id));
      expect(cents(row.revenue)).toBe(sum(paid.map((e) => cents(e.amount))));
      expect(row.orders_placed).toBe(day.filter((e) => e.event_type === 'OrderPlaced').length);
      expect(row.orders_paid).toBe(paid.length);
      close(row.avg_order_value, sum(paid.map((e) => cents(e.amount))) / 100 / paid.length);
      expect(row.new_customers).toBe(day.filter((e) => e.event_type === 'CustomerRegistered').length);
      expect(row.active_customers).toBe(active.size);
      expect(row.paying_customers).toBe(paying.size);
      close(row.conversion_rate, paying.size / active.size);
    }
  });

  it('order status distribution: each day’s orders by their last status that day', async () => {
    const rank: Record<string, [number, string]> = {
      OrderPlaced: [1, 'placed'],
      PaymentFailed: [2, 'payment_failed'],
      OrderPaid: [3, 'paid'],
      OrderShipped: [4, 'shipped'],
    };
    const placedOn = new Map(events.filter((e) => e.event_type === 'OrderPlaced').map((e) => [e.order_id, dayOf(e)]));
    const last = new Map<string, DomainEvent>();
    for (const e of events) {
      if (!(e.event_type in rank) || placedOn.get(e.order_id) !== dayOf(e)) continue;
      const seen = last.get(e.order_id!);
      if (!seen || e.event_time > seen.event_time || (e.event_time === seen.event_time && rank[e.event_type][0] > rank[seen.event_type][0]))
        last.set(e.order_id!, e);
    }
    const expected = groupBy([...last.values()], (e) => `${dayOf(e)}|${rank[e.event_type][1]}`);
    const rows = await lake.query('SELECT * FROM p4_order_status_daily');
    expect(rows.length).toBe(expected.size);
    for (const row of rows) expect(row.orders).toBe(expected.get(`${row.dt}|${row.status}`)?.length);
    expect(sum(rows.map((r) => Number(r.orders)))).toBe(placedOn.size);
  });

  it('operations metrics per day: processing times and payment success rate', async () => {
    const placedAt = new Map(events.filter((e) => e.event_type === 'OrderPlaced').map((e) => [e.order_id, Date.parse(e.event_time)]));
    const since = (e: DomainEvent) => Date.parse(e.event_time) - placedAt.get(e.order_id)!;
    const byDay = groupBy(events, dayOf);
    const rows = await lake.query('SELECT * FROM p4_operations_daily ORDER BY dt');
    expect(rows.length).toBe(byDay.size);
    for (const row of rows) {
      const day = byDay.get(String(row.dt))!;
      const shipped = day.filter((e) => e.event_type === 'OrderShipped' && placedAt.has(e.order_id));
      const paid = day.filter((e) => e.event_type === 'OrderPaid');
      const failed = day.filter((e) => e.event_type === 'PaymentFailed');
      expect(row.orders_shipped).toBe(day.filter((e) => e.event_type === 'OrderShipped').length);
      close(row.avg_hours_to_ship, avg(shipped.map((e) => since(e) / 3_600_000)));
      close(row.max_hours_to_ship, shipped.length ? Math.max(...shipped.map((e) => since(e) / 3_600_000)) : null);
      close(row.avg_minutes_to_pay, avg(paid.filter((e) => placedAt.has(e.order_id)).map((e) => since(e) / 60_000)));
      expect(row.payments_succeeded).toBe(paid.length);
      expect(row.payments_failed).toBe(failed.length);
      close(row.payment_success_rate, paid.length / (paid.length + failed.length));
    }
  });

  it('stock levels: the latest level per product, low below 50', async () => {
    const latest = new Map<number, DomainEvent>();
    for (const e of events.filter((x) => x.event_type === 'StockChanged')) {
      const seen = latest.get(e.product_id!);
      if (!seen || e.event_time > seen.event_time || (e.event_time === seen.event_time && e.stock_level! < seen.stock_level!)) latest.set(e.product_id!, e);
    }
    const rows = await lake.query('SELECT * FROM p4_stock_levels');
    expect(rows.length).toBe(latest.size);
    for (const row of rows) {
      const e = latest.get(Number(row.product_id))!;
      expect(row.stock_level).toBe(e.stock_level);
      expect(row.is_low_stock).toBe(e.stock_level! < 50);
    }
    expect(rows.some((r) => r.is_low_stock)).toBe(true);
  });
});

describe('reruns', () => {
  it('running the same period again (the whole range at once, then one day period by period) gives identical curated tables', async () => {
    const tables = lake.project.nodes.filter((n) => n.kind === 'model' && n.header.materialized !== 'view').map((n) => n.name);
    expect(tables.length).toBeGreaterThan(15);
    const before = await Promise.all(tables.map((t) => snapshot(lake, t)));
    expect(before.flat().length).toBeGreaterThan(5_000);
    await lake.run('kind:ddl kind:model', day(0), day(3));
    expect(await Promise.all(tables.map((t) => snapshot(lake, t)))).toEqual(before);
    await lake.run('kind:ddl kind:model', day(1), day(2), { perPeriod: true });
    expect(await Promise.all(tables.map((t) => snapshot(lake, t)))).toEqual(before);
  }, 120_000);
});
