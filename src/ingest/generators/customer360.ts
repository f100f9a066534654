// Seeded P3 (Customer360) source extracts, one folder per feed and extract day under raw/customer360/: CRM customer
// extracts (a full snapshot on the first day, then the rows changed that day, as a CDC export sends them, so the
// SCD2 dimension sees real history: moves, e-mail changes, segment upgrades, deactivations), orders, and web events
// as NDJSON. A little mess (padded and upper-cased e-mails, repeated rows) is left in for staging to clean.
import { isoDate } from '../partitions.js';
import { SeededRandom } from '../random.js';
import { toCsv } from './csv.js';

export interface Customer360Options {
  seed: number;
  nowMs: number;
  days?: number;
  customers?: number;
  /** Share of customers changed per day. */
  dailyChangeShare?: number;
  ordersPerDay?: number;
  eventsPerDay?: number;
}

export interface SourceFile {
  /** Key relative to the feed prefix: `<feed>/extract_date=YYYY-MM-DD/<file>`. */
  key: string;
  content: string;
  rows: number;
}

export const CUSTOMER_COLUMNS = [
  'customer_id',
  'email',
  'first_name',
  'last_name',
  'country',
  'city',
  'segment',
  'is_active',
  'signup_date',
  'updated_at',
] as const;
export const C360_ORDER_COLUMNS = ['order_id', 'customer_id', 'order_ts', 'amount', 'currency', 'status'] as const;

const FIRST = ['Anna', 'Ben', 'Carla', 'David', 'Eva', 'Felix', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Klara', 'Leo', 'Mia', 'Noah', 'Olga', 'Paul'];
const LAST = ['Schmidt', 'Martin', 'Rossi', 'Garcia', 'Nowak', 'Jansen', 'Berg', 'Dubois', 'Novak', 'Silva', 'Kowalski', 'Weber'];
const CITIES: Record<string, readonly string[]> = {
  DE: ['Berlin', 'Hamburg', 'Munich'],
  FR: ['Paris', 'Lyon'],
  NL: ['Amsterdam', 'Utrecht'],
  ES: ['Madrid', 'Valencia'],
  PL: ['Warsaw', 'Krakow'],
};
const SEGMENTS = ['bronze', 'silver', 'gold', 'platinum'];

interface Customer {
  customer_id: number;
  email: string;
  first_name: string;
  last_name: string;
  country: string;
  city: string;
  segment: string;
  is_active: boolean;
  signup_date: string;
  updated_at: string;
}

export function generateCustomer360Sources(options: Customer360Options): SourceFile[] {
  const r = new SeededRandom(options.seed);
  const days = options.days ?? 7;
  const start = options.nowMs - days * 86_400_000;
  const customers: Customer[] = [];
  const newCustomer = (id: number, at: number): Customer => {
    const first = r.pick(FIRST);
    const last = r.pick(LAST);
    const country = r.pick(Object.keys(CITIES));
    return {
      customer_id: id,
      email: `${first}.${last}${id}@example.com`.toLowerCase(),
      first_name: first,
      last_name: last,
      country,
      city: r.pick(CITIES[country]),
      segment: r.weighted(SEGMENTS.map((s, i) => [s, 8 - 2 * i] as const)),
      is_active: true,
      signup_date: isoDate(at - r.int(1, 900) * 86_400_000),
      updated_at: new Date(at).toISOString(),
    };
  };
  for (let id = 1; id <= (options.customers ?? 2_000); id++) customers.push(newCustomer(id, start));

  const files: SourceFile[] = [];
  for (let d = 0; d < days; d++) {
    const dayStart = start + d * 86_400_000;
    const date = isoDate(dayStart);
    const changed: Customer[] = [];
    if (d === 0) {
      changed.push(...customers);
    } else {
      const count = Math.round(customers.length * (options.dailyChangeShare ?? 0.02));
      for (let i = 0; i < count; i++) {
        const c = r.pick(customers);
        applyChange(c, r);
        c.updated_at = new Date(dayStart + r.int(0, 86_399) * 1000).toISOString();
        changed.push(c);
      }
      for (let i = r.int(5, 20); i > 0; i--) {
        const c = newCustomer(customers.length + 1, dayStart + r.int(0, 86_399) * 1000);
        c.signup_date = date;
        customers.push(c);
        changed.push(c);
      }
    }
    const rows = changed.map((c) => customerRow(c, r));
    // CDC exports repeat rows now and then: staging must dedupe them.
    for (let i = Math.floor(rows.length * 0.005); i > 0; i--) rows.push(r.pick(rows));
    files.push({ key: `customers/extract_date=${date}/customers.csv`, content: toCsv(CUSTOMER_COLUMNS, rows), rows: rows.length });

    const orders: (string | number)[][] = [];
    for (let i = 0; i < (options.ordersPerDay ?? 300); i++) {
      const c = r.pick(customers);
      const ts = new Date(dayStart + r.int(0, 86_399_999)).toISOString();
      orders.push([
        `C360-${date.replaceAll('-', '')}-${String(i + 1).padStart(5, '0')}`,
        c.customer_id,
        ts,
        r.amount(5, 600).toFixed(2),
        'EUR',
        r.weighted([
          ['completed', 85],
          ['returned', 7],
          ['cancelled', 8],
        ] as const),
      ]);
    }
    files.push({ key: `orders/extract_date=${date}/orders.csv`, content: toCsv(C360_ORDER_COLUMNS, orders), rows: orders.length });

    const events: string[] = [];
    for (let i = 0; i < (options.eventsPerDay ?? 1_500); i++) {
      const c = r.pick(customers);
      events.push(
        JSON.stringify({
          event_id: r.uuid(),
          customer_id: c.customer_id,
          event_type: r.weighted([
            ['page_view', 60],
            ['search', 15],
            ['add_to_cart', 12],
            ['checkout', 5],
            ['login', 8],
          ] as const),
          event_ts: new Date(dayStart + r.int(0, 86_399_999)).toISOString(),
          session_id: `s-${c.customer_id}-${r.int(1, 9_999)}`,
          device: r.pick(['web', 'ios', 'android']),
        }),
      );
    }
    files.push({ key: `events/extract_date=${date}/events.json`, content: `${events.join('\n')}\n`, rows: events.length });
  }
  return files;
}

function applyChange(c: Customer, r: SeededRandom): void {
  const kind = r.weighted([
    ['move', 4],
    ['email', 3],
    ['segment', 3],
    ['deactivate', 1],
  ] as const);
  if (kind === 'move') {
    c.country = r.pick(Object.keys(CITIES));
    c.city = r.pick(CITIES[c.country]);
  } else if (kind === 'email') {
    c.email = `${c.first_name}.${c.last_name}.${r.int(1, 99)}@mail.example.org`.toLowerCase();
  } else if (kind === 'segment') {
    c.segment = SEGMENTS[Math.min(SEGMENTS.length - 1, SEGMENTS.indexOf(c.segment) + 1)];
  } else {
    c.is_active = false;
  }
}

function customerRow(c: Customer, r: SeededRandom): (string | number)[] {
  const email = r.chance(0.03) ? `  ${c.email.toUpperCase()} ` : c.email;
  return [c.customer_id, email, c.first_name, c.last_name, c.country, c.city, c.segment, String(c.is_active), c.signup_date, c.updated_at];
}
