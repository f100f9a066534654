// P3 Customer360: staging and quarantine account for every raw row, the SCD2 dimension after an initial snapshot and
// two rounds of changes equals the history computed in TypeScript from the extracts, reruns and batch backfills give
// the same dimension, and the contract checks flag exactly the injected violations.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineAlert } from '../../../src/alerts/definition.js';
import { evaluateAlert } from '../../../src/alerts/evaluate.js';
import { BUCKET, day, isoDay, NOW, openExampleLake, snapshot, type ExampleLake } from './harness.js';

const COLUMNS = ['customer_id', 'email', 'first_name', 'last_name', 'country', 'city', 'segment', 'is_active', 'signup_date', 'updated_at'] as const;
type Customer = Record<(typeof COLUMNS)[number], string>;
/** Every P3 model: staging, quarantine, the SCD2 dimension and the customer 360. */
const P3 = '+p3_customer_360 +p3_quarantine_customers';
const TRACKED = ['email', 'first_name', 'last_name', 'country', 'city', 'segment', 'is_active', 'signup_date'] as const;

const extractPath = (lake: ExampleLake, i: number) =>
  join(lake.lake, BUCKET, 'raw', 'customer360', 'customers', `extract_date=${isoDay(day(i))}`, 'customers.csv');
const readExtract = (lake: ExampleLake, i: number): Customer[] =>
  readFileSync(extractPath(lake, i), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => Object.fromEntries(line.split(',').map((v, j) => [COLUMNS[j], v])) as Customer);

/** Bad rows appended to the second extract: one per contract rule, plus an exact duplicate. */
const BAD_ROWS = [
  ',nobody@example.com,No,Id,DE,Berlin,gold,true,2024-01-01,2025-03-08T10:00:00.000Z',
  '900001,,No,Mail,DE,Berlin,gold,true,2024-01-01,2025-03-08T10:00:00.000Z',
  '900002,not-an-email,Bad,Mail,DE,Berlin,gold,true,2024-01-01,2025-03-08T10:00:00.000Z',
  '900003,ok3@example.com,Bad,Time,DE,Berlin,gold,true,2024-01-01,yesterday',
  '900004,ok4@example.com,Bad,Flag,DE,Berlin,gold,maybe,2024-01-01,2025-03-08T10:00:00.000Z',
  '900005,ok5@example.com,Bad,Date,DE,Berlin,gold,true,2024-02-30,2025-03-08T10:00:00.000Z',
];
const BAD_REASONS = ['missing_customer_id', 'missing_email', 'invalid_email', 'bad_updated_at', 'bad_is_active', 'bad_signup_date'];

/** The SCD2 history the extracts imply, computed without SQL: cleanse, keep the latest row per customer and extract, version on change. */
function expectedHistory(extracts: Customer[][]): Array<Record<string, unknown>> {
  const clean = (c: Customer) => ({ ...c, email: c.email.trim().toLowerCase() });
  const versions = new Map<string, Array<Record<string, unknown>>>();
  for (const [i, rows] of extracts.entries()) {
    const latest = new Map<string, ReturnType<typeof clean>>();
    for (const row of rows.map(clean)) {
      const seen = latest.get(row.customer_id);
      if (!seen || row.updated_at > seen.updated_at) latest.set(row.customer_id, row);
    }
    for (const row of [...latest.values()].sort((a, b) => (a.updated_at < b.updated_at ? -1 : 1))) {
      const history = versions.get(row.customer_id) ?? [];
      const current = history.at(-1);
      if (current && TRACKED.every((k) => current[k] === row[k])) continue;
      const from = `${row.updated_at.slice(0, 10)} ${row.updated_at.slice(11, 23)}`;
      if (current) Object.assign(current, { valid_to: from, is_current: false });
      history.push({
        ...Object.fromEntries(TRACKED.map((k) => [k, row[k]])),
        customer_id: row.customer_id,
        valid_from: from,
        valid_to: null,
        is_current: true,
        extract_date: isoDay(day(i)),
      });
      versions.set(row.customer_id, history);
    }
  }
  return [...versions.values()].flat();
}

const dimRows = async (lake: ExampleLake) =>
  (
    await lake.query(
      `SELECT CAST(customer_id AS VARCHAR) AS customer_id, email, first_name, last_name, country, city, segment, CAST(is_active AS VARCHAR) AS is_active,
        CAST(signup_date AS VARCHAR) AS signup_date, CAST(valid_from AS VARCHAR) AS valid_from, CAST(valid_to AS VARCHAR) AS valid_to, is_current,
        CAST(extract_date AS VARCHAR) AS extract_date
       FROM p3_customer_dim`,
    )
  )
    .map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)))))
    .sort();
const asRows = (history: Array<Record<string, unknown>>) =>
  history.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1))))).sort();

describe('P3 Customer360, one day at a time', () => {
  let lake: ExampleLake;
  let extracts: Customer[][];
  beforeAll(async () => {
    lake = await openExampleLake();
    writeFileSync(extractPath(lake, 1), `${readFileSync(extractPath(lake, 1), 'utf8')}${BAD_ROWS.join('\n')}\n`);
    const second = readFileSync(extractPath(lake, 1), 'utf8').trim().split('\n');
    writeFileSync(extractPath(lake, 1), `${second.join('\n')}\n${second[1]}\n`); // an exact duplicate of the first row
    extracts = [0, 1, 2].map((i) => readExtract(lake, i));
  }, 60_000);
  afterAll(async () => lake?.close());

  it('the initial snapshot: one current version per customer', async () => {
    await lake.run(P3, day(0), day(1));
    expect(await dimRows(lake)).toEqual(asRows(expectedHistory(extracts.slice(0, 1))));
    const [{ current, customers }] = await lake.query('SELECT count_if(is_current) AS current, count(DISTINCT customer_id) AS customers FROM p3_customer_dim');
    expect(current).toBe(customers);
  }, 60_000);

  it('after two rounds of changes the history has closed and current versions as the extracts imply', async () => {
    await lake.run(P3, day(1), day(2));
    await lake.run(P3, day(2), day(3));
    const valid = extracts.map((rows) => rows.filter((r) => !BAD_ROWS.some((bad) => bad.startsWith(`${r.customer_id},${r.email},`))));
    const history = expectedHistory(valid);
    expect(await dimRows(lake)).toEqual(asRows(history));
    // real history: customers with several versions, each closed where the next begins
    const [{ changed, closed }] = await lake.query(
      'SELECT count(DISTINCT CASE WHEN NOT is_current THEN customer_id END) AS changed, count_if(NOT is_current) AS closed FROM p3_customer_dim',
    );
    expect(Number(changed)).toBeGreaterThan(3);
    expect(closed).toBe(history.filter((v) => !v.is_current).length);
  }, 60_000);

  it('records in = staged + quarantined, each bad row with its reason', async () => {
    const rows = await lake.query('SELECT CAST(extract_date AS VARCHAR) AS d, count(*) AS n FROM p3_raw_customers GROUP BY 1');
    const staged = await lake.query('SELECT CAST(extract_date AS VARCHAR) AS d, count(*) AS n FROM p3_stg_customers GROUP BY 1');
    const quarantined = await lake.query('SELECT CAST(extract_date AS VARCHAR) AS d, count(*) AS n FROM p3_quarantine_customers GROUP BY 1');
    const count = (list: typeof rows, d: string) => Number(list.find((r) => r.d === d)?.n ?? 0);
    for (const [i, extract] of extracts.entries()) {
      const d = isoDay(day(i));
      expect(count(rows, d)).toBe(extract.length);
      expect(count(staged, d) + count(quarantined, d)).toBe(extract.length);
    }
    const reasons = (await lake.query('SELECT quarantine_reason FROM p3_quarantine_customers')).map((r) => r.quarantine_reason);
    expect(reasons.filter((r) => r !== 'duplicate').sort()).toEqual([...BAD_REASONS].sort());
    expect(reasons.filter((r) => r === 'duplicate').length).toBe(
      extracts[1].length - new Set(extracts[1].map((r) => r.customer_id)).size - BAD_ROWS.filter((b) => b.startsWith(',')).length + 1,
    );
  });

  it('rerunning a day, or an older day after a newer one, leaves the dimension as it is', async () => {
    const before = await snapshot(lake, 'p3_customer_dim');
    await lake.run(P3, day(1), day(2));
    await lake.run(P3, day(0), day(3));
    expect(await snapshot(lake, 'p3_customer_dim')).toEqual(before);
  }, 60_000);

  it('the contract check reports each violated rule of the window’s extract, and nothing for a clean one', async () => {
    const definition = defineAlert(lake.project.node('alert:p3_contract_violations')!);
    const evaluate = (at: Date) => evaluateAlert(definition, { engine: lake.engine, variables: lake.ctx.variables, at, database: 'lakehouse' });
    const dirty = await evaluate(new Date(day(2).getTime() + 3 * 3_600_000)); // window covers extract day 1
    expect(dirty.ok).toBe(true);
    if (!dirty.ok) return;
    expect(
      dirty.instances
        .filter((i) => i.firing)
        .map((i) => i.key)
        .sort(),
    ).toEqual(
      BAD_REASONS.map((r) => `customers.${r}`)
        .concat('customers.completeness')
        .sort(),
    );
    const clean = await evaluate(new Date(day(3).getTime() + 3 * 3_600_000)); // extract day 2
    expect(clean.ok && clean.instances.filter((i) => i.firing)).toEqual([]);
  });

  it('the curated customer 360 has one row per current customer', async () => {
    await lake.run(P3, day(0), day(3));
    const [{ n, customers }] = await lake.query(
      'SELECT count(*) AS n, (SELECT count(*) FROM p3_customer_dim WHERE is_current) AS customers FROM p3_customer_360',
    );
    expect(n).toBe(customers);
    expect(NOW).toBeGreaterThan(day(2).getTime());
  });
});

describe('P3 Customer360, backfilled in one batch', () => {
  it('gives the same dimension as one day at a time', async () => {
    const lake = await openExampleLake();
    try {
      const extracts = [0, 1, 2].map((i) => readExtract(lake, i));
      await lake.run(P3, day(0), day(3));
      expect(await dimRows(lake)).toEqual(asRows(expectedHistory(extracts)));
    } finally {
      await lake.close();
    }
  }, 60_000);
});
