// The example project's alerts on the demo lake: the P1 negative-interactions alert fires exactly when the hour's
// count crosses 10, the dead-letter alert sees the consumer's DLQ, freshness names exactly the stale sources.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineAlert } from '../../../src/alerts/definition.js';
import { evaluateAlert } from '../../../src/alerts/evaluate.js';
import { BUCKET, NOW, openExampleLake, type ExampleLake } from './harness.js';

const HOUR = 3_600_000;
let lake: ExampleLake;

beforeAll(async () => {
  lake = await openExampleLake();
  await lake.run('kind:ddl');
}, 60_000);
afterAll(async () => lake?.close());

async function evaluate(name: string, at: Date) {
  const evaluation = await evaluateAlert(defineAlert(lake.project.node(`alert:${name}`)!), {
    engine: lake.engine,
    variables: lake.ctx.variables,
    at,
    database: 'lakehouse',
  });
  if (!evaluation.ok) throw new Error(evaluation.error);
  return evaluation;
}
const firingKeys = async (name: string, at: Date) =>
  (await evaluate(name, at)).instances
    .filter((i) => i.firing)
    .map((i) => i.key)
    .sort();

/** Adds interactions to crm_data through the engine, in the partition of their hour (as the consumer writes them). */
async function addInteractions(rows: Array<{ at: string; rating: number | null }>) {
  const values = rows.map(({ at, rating }) => {
    const [y, m, d, h] = [at.slice(0, 4), at.slice(5, 7), at.slice(8, 10), at.slice(11, 13)].map(Number);
    return `(7, 'complaint', TIMESTAMP '${at}', 'phone', ${rating ?? 'NULL'}, 'test', TIMESTAMP '${at}', ${y}, ${m}, ${d}, ${h})`;
  });
  await lake.engine.execute(`INSERT INTO crm_data VALUES ${values.join(', ')}`, { database: 'lakehouse' });
}

describe('P1 negative interactions (rating <= 2) in the last hour', () => {
  // An hour after the demo data: only the rows added here.
  const at = new Date(NOW + 2 * 24 * HOUR + 11 * HOUR); // 2025-03-12 11:00, window 10:00 .. 11:00
  it('does not fire at 10 and fires at 11, counting only the window', async () => {
    await addInteractions([
      ...Array.from({ length: 10 }, (_, i) => ({ at: `2025-03-12 10:${String(5 * i).padStart(2, '0')}:00.000`, rating: 1 + (i % 2) })),
      { at: '2025-03-12 10:30:00.000', rating: 3 }, // not negative
      { at: '2025-03-12 10:31:00.000', rating: null }, // not rated
      { at: '2025-03-12 09:59:59.999', rating: 1 }, // before the window
      { at: '2025-03-12 11:00:00.000', rating: 1 }, // the window is half-open
    ]);
    const ten = await evaluate('p1_negative_interactions', at);
    expect(ten.instances).toMatchObject([{ firing: false, values: { count: 10 } }]);
    await addInteractions([{ at: '2025-03-12 10:59:59.999', rating: 2 }]);
    const eleven = await evaluate('p1_negative_interactions', at);
    expect(eleven.instances).toMatchObject([
      { firing: true, values: { count: 11 }, message: 'Alert: 11 negative interactions (rating <= 2) detected in the last hour' },
    ]);
  });
});

describe('P1 dead-letter queue', () => {
  it('fires for the hour the consumer dead-lettered records in, with their number', async () => {
    const dlq = join(lake.lake, BUCKET, 'dead-letter', 'crm');
    const records = readdirSync(dlq).reduce((n, f) => n + (JSON.parse(readFileSync(join(dlq, f), 'utf8')) as { records: unknown[] }).records.length, 0);
    expect(records).toBeGreaterThan(0);
    // The demo's clock stands at NOW, so every message was dead-lettered at NOW: in the window [NOW, NOW + 1h).
    expect(await evaluate('p1_dead_letter', new Date(NOW + HOUR))).toMatchObject({ instances: [{ firing: true, values: { records } }] });
    expect(await evaluate('p1_dead_letter', new Date(NOW))).toMatchObject({ instances: [{ firing: false, values: { records: 0 } }] });
  });
});

describe('freshness', () => {
  it('names exactly the sources whose latest data is too old', async () => {
    const [{ latest }] = await lake.query(`SELECT max("timestamp") AS latest FROM crm_data WHERE "timestamp" < TIMESTAMP '2025-03-10 00:00:00'`);
    const root = join(lake.lake, BUCKET, 'domain-events');
    const eventTimes = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile())
      .flatMap((f) =>
        gunzipSync(readFileSync(join(f.parentPath, f.name)))
          .toString('utf8')
          .trim()
          .split('\n'),
      )
      .map((line) => Date.parse((JSON.parse(line) as { event_time: string }).event_time));
    const stale = (latestMs: number) => NOW - latestMs > 60 * 60_000;
    const expected = [
      ...(stale(Date.parse(`${String(latest).replace(' ', 'T')}Z`)) ? ['p1.crm_data'] : []),
      ...(stale(Math.max(...eventTimes)) ? ['p4.domain_events'] : []),
    ];
    // P2's latest order day and P3's latest extract (2025-03-09) end at NOW: on time.
    expect(await firingKeys('freshness', new Date(NOW))).toEqual(expected);
    // Three days later nothing new has arrived: every source is stale, the daily ones 72 h after their day ended.
    const later = await evaluate('freshness', new Date(NOW + 3 * 24 * HOUR));
    expect(
      later.instances
        .filter((i) => i.firing)
        .map((i) => i.key)
        .sort(),
    ).toEqual(['p1.crm_data', 'p2.orders', 'p3.customers', 'p4.domain_events']);
    expect(later.instances.find((i) => i.key === 'p3.customers')?.values).toMatchObject({ lag_minutes: 3 * 24 * 60, max_lag_minutes: 1500 });
  });
});
