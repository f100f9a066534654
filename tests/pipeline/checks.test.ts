import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { checkRunner, compileChecks, runCheck, type CompiledCheck } from '../../src/pipeline/checks.js';
import type { Engine } from '../../src/engines/engine.js';
import { loadProject, type Project } from '../../src/project/loader.js';

const ROOT = join(import.meta.dirname, '../fixtures/sql-tests');
const NOW = new Date('2025-03-10T12:00:00Z');

let project: Project;
let engine: AthenaLocalEngine;

beforeAll(async () => {
  project = await loadProject(ROOT);
});

beforeEach(async () => {
  engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-checks-')), inMemory: true, threads: 1 });
  await engine.execute('CREATE DATABASE shop');
});

afterEach(async () => {
  await engine.close();
});

const checksOf = (id: string): CompiledCheck[] => compileChecks(project.node(id)!, project);
const checkOf = (id: string, checkId: string): CompiledCheck => {
  const found = checksOf(id).find((c) => c.id === checkId);
  if (!found)
    throw new Error(
      `no check ${checkId}: ${checksOf(id)
        .map((c) => c.id)
        .join(', ')}`,
    );
  return found;
};

/** A stand-in for a built table: same name and columns, rows as given. */
async function table(name: string, columns: string, rows: string[]): Promise<void> {
  await engine.execute(`CREATE TABLE shop.${name} (${columns}) LOCATION 's3://t/${name}/' TBLPROPERTIES ('table_type'='ICEBERG')`);
  if (rows.length > 0) await engine.execute(`INSERT INTO shop.${name} VALUES ${rows.join(', ')}`);
}

const ORDER_COLUMNS = 'order_id string, customer_id int, order_date date, total_amount double, status string';
const CUSTOMER_COLUMNS = 'customer_id int, email string, segment string, updated_at timestamp';
const goodOrders = ["('o1', 1, DATE '2025-03-01', 10.5, 'paid')", "('o2', 2, DATE '2025-03-02', 3.0, 'returned')"];
const goodCustomers = ["(1, 'a@x.com', 'vip', TIMESTAMP '2025-03-10 08:00:00')", "(2, 'b@x.com', 'new', TIMESTAMP '2025-03-09 20:00:00')"];

describe('compileChecks', () => {
  it('compiles every check of a contract to one query, with its file, line and severity', () => {
    const checks = checksOf('shop.orders');
    expect(checks.map((c) => c.id)).toEqual([
      'shop.orders:schema',
      'shop.orders:primary_key:order_id',
      'shop.orders:not_null:customer_id',
      'shop.orders:not_null:order_date',
      'shop.orders:accepted_values:status',
      'shop.orders:relationships:customer_id',
      'shop.orders:row_count',
    ]);
    expect(checks.every((c) => c.file === 'sql/ddl/orders.sql' && c.severity === 'error')).toBe(true);
    expect(checks.find((c) => c.kind === 'accepted_values')!.line).toBe(8);
    expect(checks.find((c) => c.kind === 'not_null')!.sql).toBe('SELECT * FROM "shop"."orders" WHERE "customer_id" IS NULL');
    expect(checks.find((c) => c.kind === 'relationships')!.sql).toContain('LEFT JOIN "shop"."customers" AS p');
  });

  it('takes a ddl contract for the first table of the file, keeps ${now} for freshness and per-check severity', () => {
    const checks = checksOf('shop.customers');
    expect(checks.every((c) => c.table === 'shop.customers')).toBe(true);
    expect(checks.find((c) => c.kind === 'freshness')!.sql).toContain("${now} - INTERVAL '1' DAY");
    expect(checks.find((c) => c.kind === 'assertion')!.severity).toBe('warn');
    expect(checks.find((c) => c.kind === 'schema')!.expectedColumns).toEqual([
      { name: 'customer_id', type: 'integer' },
      { name: 'email', type: 'varchar' },
      { name: 'segment', type: 'varchar' },
      { name: 'updated_at', type: 'timestamp(3)' },
    ]);
  });

  it('reads contract files: checks belong to the model that fills the table, with the file and line', () => {
    const hourly = checksOf('shop.interactions_hourly');
    expect(hourly.map((c) => [c.id, c.severity, c.file, c.line])).toEqual([
      ['shop.interactions_hourly:schema', 'error', 'sql/contracts/curated.yaml', 3],
      ['shop.interactions_hourly:unique:hr,channel', 'error', 'sql/contracts/curated.yaml', 4],
      ['shop.interactions_hourly:not_null:hr', 'error', 'sql/contracts/curated.yaml', 5],
      ['shop.interactions_hourly:not_null:channel', 'warn', 'sql/contracts/curated.yaml', 5],
    ]);
    const dim = checksOf('shop.dim_customer');
    expect(dim.map((c) => [c.id, c.severity, c.line])).toEqual([
      ['shop.dim_customer:relationships:customer_id', 'warn', 10],
      ['shop.dim_customer:assertion:one_current_row_per_customer', 'error', 12],
    ]);
    expect(checksOf('shop.customers').some((c) => c.table === 'shop.dim_customer')).toBe(false);
  });

  it('names the file and line of a bad contract file and of a table nothing creates', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lake-contracts-'));
    cpSync(ROOT, root, { recursive: true });
    writeFileSync(join(root, 'sql/contracts/bad.yaml'), 'orders:\n  primary_key: [order_id]\n  not_nul: [status]\n');
    const bad = await loadProject(root);
    expect(() => compileChecks(bad.node('shop.orders')!, bad)).toThrow("sql/contracts/bad.yaml:3:1: error [contract/schema] orders: unknown key 'not_nul'");
    writeFileSync(join(root, 'sql/contracts/bad.yaml'), 'orders:\n  row_count: { min: 1 }\nordres:\n  row_count: { min: 1 }\n');
    const unknown = await loadProject(root);
    expect(() => compileChecks(unknown.node('shop.orders')!, unknown)).toThrow(
      'sql/contracts/bad.yaml:3:1: error [contract/unknown-table] no SQL file creates shop.ordres',
    );
  });

  it('gives no checks for a node without a contract', () => {
    expect(checksOf('shop.segment_revenue')).toEqual([]);
  });
});

describe('runCheck detects each contract violation', () => {
  it('passes every check on clean data', async () => {
    await table('orders', ORDER_COLUMNS, goodOrders);
    await table('customers', CUSTOMER_COLUMNS, goodCustomers);
    for (const check of [...checksOf('shop.orders'), ...checksOf('shop.customers')]) {
      const result = await runCheck(engine, check, { now: NOW });
      expect({ id: check.id, passed: result.passed, error: result.error }).toEqual({ id: check.id, passed: true, error: undefined });
    }
  });

  it('duplicate primary key', async () => {
    await table('orders', ORDER_COLUMNS, [...goodOrders, "('o1', 2, DATE '2025-03-03', 1.0, 'paid')"]);
    const result = await runCheck(engine, checkOf('shop.orders', 'shop.orders:primary_key:order_id'));
    expect(result).toMatchObject({ passed: false, failures: 1, sample: [['o1', 2]], sampleColumns: ['order_id', 'row_count'] });
  });

  it('NULL primary key and NULL in a not_null column', async () => {
    await table('orders', ORDER_COLUMNS, [...goodOrders, "(NULL, NULL, DATE '2025-03-03', 1.0, 'paid')"]);
    expect((await runCheck(engine, checkOf('shop.orders', 'shop.orders:primary_key:order_id'))).failures).toBe(1);
    const notNull = await runCheck(engine, checkOf('shop.orders', 'shop.orders:not_null:customer_id'));
    expect(notNull).toMatchObject({ passed: false, failures: 1 });
    expect(notNull.sample[0]).toEqual([null, null, '2025-03-03', 1, 'paid']);
  });

  it('a sample of several failing rows is ordered by its columns, and is their first rows in that order', async () => {
    const nullCustomer = (id: string, day: number) => `('${id}', NULL, DATE '2025-03-0${day}', 1.0, 'paid')`;
    // Stored out of order: the engine hands them back as stored.
    await table('orders', ORDER_COLUMNS, [...goodOrders, nullCustomer('o9', 1), nullCustomer('o7', 2), nullCustomer('o8', 3)]);
    const few = await runCheck(engine, checkOf('shop.orders', 'shop.orders:not_null:customer_id'));
    expect({ failures: few.failures, ids: few.sample.map((row) => row[0]) }).toEqual({ failures: 3, ids: ['o7', 'o8', 'o9'] });
    await engine.execute('DROP TABLE shop.orders');
    const ids = ['o6', 'o5', 'o4', 'o3', 'o2', 'o1', 'o0'];
    await table(
      'orders',
      ORDER_COLUMNS,
      ids.map((id) => nullCustomer(id, 1)),
    );
    const many = await runCheck(engine, checkOf('shop.orders', 'shop.orders:not_null:customer_id'));
    expect({ failures: many.failures, ids: many.sample.map((row) => row[0]) }).toEqual({ failures: 7, ids: ['o0', 'o1', 'o2', 'o3', 'o4'] });
  });

  it('unknown status value', async () => {
    await table('orders', ORDER_COLUMNS, [...goodOrders, "('o3', 1, DATE '2025-03-03', 1.0, 'lost')", "('o4', 1, DATE '2025-03-03', 1.0, 'lost')"]);
    const result = await runCheck(engine, checkOf('shop.orders', 'shop.orders:accepted_values:status'));
    expect(result).toMatchObject({ passed: false, failures: 1, sample: [['lost', 2]] });
  });

  it('orphan foreign key', async () => {
    await table('orders', ORDER_COLUMNS, [...goodOrders, "('o3', 99, DATE '2025-03-03', 1.0, 'paid')"]);
    await table('customers', CUSTOMER_COLUMNS, goodCustomers);
    const result = await runCheck(engine, checkOf('shop.orders', 'shop.orders:relationships:customer_id'));
    expect(result).toMatchObject({ passed: false, failures: 1, sample: [[99, 1]] });
  });

  it('stale data, judged at the given now', async () => {
    await table('customers', CUSTOMER_COLUMNS, goodCustomers);
    const check = checkOf('shop.customers', 'shop.customers:freshness:updated_at');
    expect((await runCheck(engine, check, { now: NOW })).passed).toBe(true);
    const later = await runCheck(engine, check, { now: new Date('2025-03-12T00:00:00Z') });
    expect(later).toMatchObject({ passed: false, failures: 1 });
    expect(later.sample[0][0]).toBe('2025-03-10 08:00:00.000');
  });

  it('an empty table is stale and below its row-count minimum', async () => {
    await table('customers', CUSTOMER_COLUMNS, []);
    await table('orders', ORDER_COLUMNS, []);
    expect((await runCheck(engine, checkOf('shop.customers', 'shop.customers:freshness:updated_at'), { now: NOW })).passed).toBe(false);
    expect(await runCheck(engine, checkOf('shop.orders', 'shop.orders:row_count'))).toMatchObject({ passed: false, sample: [[0]] });
  });

  it('a column type changed, a column missing, a column added', async () => {
    await table('orders', 'order_id string, customer_id int, order_date date, total_amount string, channel string', [
      "('o1', 1, DATE '2025-03-01', '10.5', 'web')",
    ]);
    const result = await runCheck(engine, checkOf('shop.orders', 'shop.orders:schema'));
    expect(result.passed).toBe(false);
    expect(result.sample).toEqual([
      ['total_amount', 'double', 'varchar', 'type changed'],
      ['status', 'varchar', null, 'missing'],
      ['channel', null, 'varchar', 'not in contract'],
    ]);
  });

  it('duplicates in a unique column, ignoring NULLs', async () => {
    await table('customers', CUSTOMER_COLUMNS, [...goodCustomers, "(3, 'a@x.com', NULL, NULL)", '(4, NULL, NULL, NULL)', '(5, NULL, NULL, NULL)']);
    expect(await runCheck(engine, checkOf('shop.customers', 'shop.customers:unique:email'))).toMatchObject({
      passed: false,
      failures: 1,
      sample: [['a@x.com', 2]],
    });
    expect((await runCheck(engine, checkOf('shop.customers', 'shop.customers:unique:customer_id'))).passed).toBe(true);
  });

  it('completeness below its percentage', async () => {
    await table('customers', CUSTOMER_COLUMNS, [...goodCustomers, '(3, NULL, NULL, NULL)']);
    const result = await runCheck(engine, checkOf('shop.customers', 'shop.customers:completeness:email'));
    expect(result.passed).toBe(false);
    expect(result.sample[0].slice(0, 2)).toEqual([3, 2]);
    expect(result.sample[0][2]).toBeCloseTo(66.67, 1);
  });

  it('a custom SQL assertion: rows returned are failures', async () => {
    await table('customers', CUSTOMER_COLUMNS, [...goodCustomers, "(3, 'nobody', NULL, NULL)"]);
    const check = checkOf('shop.customers', 'shop.customers:assertion:email_has_at');
    expect(await runCheck(engine, check)).toMatchObject({ passed: false, failures: 1, sample: [[3, 'nobody']] });
  });

  it('reports a query that cannot run as a failed check with the engine error', async () => {
    const result = await runCheck(engine, checkOf('shop.orders', 'shop.orders:not_null:customer_id'));
    expect(result.passed).toBe(false);
    expect(result.error).toMatch(/orders/);
  });
});

describe('checkRunner', () => {
  /** The engine, with the SQL of every statement sent to it. */
  const recording = (sent: string[]): Engine =>
    new Proxy(engine, {
      get(target, property) {
        if (property === 'execute')
          return (sql: string, options?: object) => {
            sent.push(sql);
            return target.execute(sql, options);
          };
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  const outcome = (r: Awaited<ReturnType<typeof runCheck>>) => ({ id: r.check.id, passed: r.passed, failures: r.failures, sample: r.sample, error: r.error });

  it('answers every check as runCheck does, with one statement counting the failing rows of every countable check of a table', async () => {
    await table('customers', CUSTOMER_COLUMNS, goodCustomers);
    const nullCustomer = "('o3', NULL, DATE '2025-03-03', 1.0, 'paid')";
    const unknownStatus = "('o4', 1, DATE '2025-03-04', 2.0, 'lost')";
    const duplicateKey = "('o1', 2, DATE '2025-03-05', 4.0, 'paid')";
    const unknownCustomer = "('o5', 9, DATE '2025-03-05', 5.0, 'paid')";
    for (const [rows, failing] of [
      [goodOrders, []],
      [[...goodOrders, nullCustomer], ['not_null:customer_id']],
      [[...goodOrders, unknownStatus], ['accepted_values:status']],
      [
        [...goodOrders, nullCustomer, unknownStatus],
        ['not_null:customer_id', 'accepted_values:status'],
      ],
      [[...goodOrders, duplicateKey], ['primary_key:order_id']],
      [[...goodOrders, unknownCustomer], ['relationships:customer_id']],
      [[], ['row_count']],
    ] as const) {
      await engine.execute('DROP TABLE IF EXISTS shop.orders');
      await table('orders', ORDER_COLUMNS, [...rows]);
      const checks = checksOf('shop.orders');
      const shared = checks.filter((c) => c.failingRows !== undefined || c.rowsCountable);
      expect(shared.map((c) => c.id)).toEqual([
        'shop.orders:primary_key:order_id',
        'shop.orders:not_null:customer_id',
        'shop.orders:not_null:order_date',
        'shop.orders:accepted_values:status',
        'shop.orders:relationships:customer_id',
        'shop.orders:row_count',
      ]);
      const sent: string[] = [];
      const run = checkRunner(recording(sent), checks);
      const failed: string[] = [];
      for (const check of checks) {
        const before = sent.length;
        const result = await run(check, { now: NOW });
        // The same outcome, its failing rows' count and sample included, as the check's own query gives.
        expect(outcome(result)).toEqual(outcome(await runCheck(engine, check, { now: NOW })));
        if (!result.passed) failed.push(check.id.replace('shop.orders:', ''));
        // A passing check after the first shared one is answered by the statement made for that one.
        if (shared.indexOf(check) > 0 && result.passed) expect(sent.length).toBe(before);
      }
      expect(failed).toEqual(failing);
      // One statement per check but the shared ones: one statement, and the query of each failing one (its sample).
      expect(sent).toHaveLength(checks.length - shared.length + 1 + failing.length);
    }
  });

  it('runs each shared check on its own when the shared scan fails, each with its own error', async () => {
    const checks = checksOf('shop.orders').filter((c) => c.failingRows !== undefined);
    expect(checks.map((c) => c.kind)).toEqual(['not_null', 'not_null', 'accepted_values']);
    const run = checkRunner(engine, checks);
    for (const check of checks) {
      const result = await run(check);
      expect(result.passed).toBe(false);
      expect(result.error).toMatch(/orders/);
    }
  });
});
