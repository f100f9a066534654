// Seeded application domain events for P4 (seed 003): customers register, orders are placed, paid (or the payment
// fails, sometimes retried), shipped, and stock moves with every order and restock. Events come out in event-time
// order as newline-terminated JSON, ready for a delivery stream. A small share lacks its event time, so the Firehose
// error prefix sees traffic.
import { SeededRandom } from '../random.js';

export const DOMAIN_EVENT_TYPES = ['CustomerRegistered', 'OrderPlaced', 'OrderPaid', 'PaymentFailed', 'OrderShipped', 'StockChanged'] as const;
export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];

/** One flat schema for every event type; fields a type does not use are absent (NULL in SQL). */
export interface DomainEvent {
  event_id: string;
  event_type: DomainEventType;
  /** ISO-8601 UTC with milliseconds; missing on the deliberately unpartitionable share. */
  event_time?: string;
  customer_id?: number;
  order_id?: string;
  product_id?: number;
  /** Order total or payment amount. */
  amount?: number;
  currency?: string;
  item_count?: number;
  payment_method?: string;
  failure_reason?: string;
  carrier?: string;
  /** Stock movement (negative for sales) and the level after it. */
  quantity_change?: number;
  stock_level?: number;
  country?: string;
  schema_version: number;
}

export interface DomainEventOptions {
  seed: number;
  /** Events up to this instant (exclusive), over `days` days before it. */
  nowMs: number;
  days?: number;
  ordersPerDay?: number;
  registrationsPerDay?: number;
  /** Customers that registered before the window. */
  existingCustomers?: number;
  products?: number;
  /** Share of events sent without event_time. */
  unpartitionableShare?: number;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Relative order volume per hour of day (UTC): quiet nights, busy evenings. */
const HOURLY_WEIGHT = [2, 1, 1, 1, 1, 2, 3, 5, 7, 8, 8, 9, 10, 9, 8, 8, 9, 10, 12, 13, 12, 9, 6, 3];
const COUNTRIES = ['DE', 'FR', 'NL', 'ES', 'IT', 'PL', 'SE', 'US', 'GB'];

export function generateDomainEvents(options: DomainEventOptions): DomainEvent[] {
  const r = new SeededRandom(options.seed);
  const days = options.days ?? 7;
  const end = options.nowMs;
  const start = end - days * 24 * HOUR;
  const productCount = options.products ?? 200;
  const events: Omit<DomainEvent, 'event_id' | 'schema_version'>[] = [];
  const at = (ms: number) => new Date(Math.floor(ms)).toISOString();
  const randomTime = () => {
    const day = r.int(0, days - 1);
    const hour = r.weighted(HOURLY_WEIGHT.map((w, h) => [h, w] as const));
    return start + day * 24 * HOUR + hour * HOUR + r.next() * HOUR;
  };

  let customers = options.existingCustomers ?? 2_000;
  const registrations = Math.round((options.registrationsPerDay ?? 40) * days);
  const registeredAt = new Map<number, number>();
  for (let i = 0; i < registrations; i++) {
    const id = ++customers;
    const t = randomTime();
    registeredAt.set(id, t);
    events.push({ event_type: 'CustomerRegistered', event_time: at(t), customer_id: id, country: r.pick(COUNTRIES) });
  }

  const prices = Array.from({ length: productCount }, () => r.amount(3, 400));
  const stock = Array.from({ length: productCount }, () => r.int(50, 500));
  const orderTimes = Array.from({ length: Math.round((options.ordersPerDay ?? 500) * days) }, randomTime).sort((a, b) => a - b);
  // Stock is walked in time order so levels stay consistent with the sequence of sales and restocks.
  const stockMoves: { t: number; product: number; change: number }[] = [];
  orderTimes.forEach((placed, n) => {
    let customer = r.int(1, customers);
    const registered = registeredAt.get(customer);
    if (registered !== undefined && registered > placed) customer = r.int(1, options.existingCustomers ?? 2_000);
    const orderId = `ORD-${String(n + 1).padStart(7, '0')}`;
    const lines = r.int(1, 4);
    let amount = 0;
    for (let i = 0; i < lines; i++) {
      const product = r.int(0, productCount - 1);
      const quantity = r.int(1, 3);
      amount += prices[product] * quantity;
      stockMoves.push({ t: placed, product, change: -quantity });
    }
    amount = Math.round(amount * 100) / 100;
    events.push({ event_type: 'OrderPlaced', event_time: at(placed), customer_id: customer, order_id: orderId, amount, currency: 'EUR', item_count: lines });
    const method = r.weighted([
      ['card', 6],
      ['paypal', 3],
      ['bank_transfer', 1],
    ] as const);
    let paidAt: number | undefined = placed + r.int(1, 10) * MINUTE;
    if (r.chance(0.08)) {
      const failedAt = placed + r.int(1, 5) * MINUTE;
      events.push({
        event_type: 'PaymentFailed',
        event_time: at(failedAt),
        customer_id: customer,
        order_id: orderId,
        amount,
        currency: 'EUR',
        payment_method: method,
        failure_reason: r.pick(['card_declined', 'insufficient_funds', 'timeout', 'fraud_suspected']),
      });
      paidAt = r.chance(0.5) ? failedAt + r.int(2, 30) * MINUTE : undefined;
    }
    if (paidAt === undefined || paidAt >= end) return;
    events.push({ event_type: 'OrderPaid', event_time: at(paidAt), customer_id: customer, order_id: orderId, amount, currency: 'EUR', payment_method: method });
    const shippedAt = paidAt + r.int(2, 48) * HOUR + r.next() * HOUR;
    if (shippedAt < end)
      events.push({
        event_type: 'OrderShipped',
        event_time: at(shippedAt),
        customer_id: customer,
        order_id: orderId,
        carrier: r.pick(['DHL', 'UPS', 'DPD', 'GLS']),
      });
  });

  for (const move of stockMoves) {
    const product = move.product;
    stock[product] += move.change;
    events.push({ event_type: 'StockChanged', event_time: at(move.t), product_id: product + 1, quantity_change: move.change, stock_level: stock[product] });
    if (stock[product] < 20 && move.t + 6 * HOUR < end) {
      stock[product] += 300;
      events.push({
        event_type: 'StockChanged',
        event_time: at(move.t + 6 * HOUR),
        product_id: product + 1,
        quantity_change: 300,
        stock_level: stock[product],
      });
    }
  }

  events.sort((a, b) => (a.event_time! < b.event_time! ? -1 : a.event_time! > b.event_time! ? 1 : 0));
  const broken = options.unpartitionableShare ?? 0.002;
  return events.map((event) => {
    const out: DomainEvent = { event_id: r.uuid(), ...event, schema_version: 1 };
    if (r.chance(broken)) delete out.event_time;
    return out;
  });
}

/** Newline-terminated JSON, the record form a delivery stream concatenates into NDJSON objects. */
export const toJsonLines = (events: readonly object[]): Uint8Array[] => {
  const encoder = new TextEncoder();
  return events.map((e) => encoder.encode(`${JSON.stringify(e)}\n`));
};
