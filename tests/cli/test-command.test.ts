import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { timestampText } from '../../src/project/variables.js';
import { captureIo } from '../project/project-helpers.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/sql-tests');
const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

function copyProject(): string {
  const root = temp('lake-test-cli-');
  cpSync(FIXTURE, root, { recursive: true });
  return root;
}

/** A local lake holding shop.orders and shop.customers with the given rows. */
async function buildLake(orders: string[], customers: string[]): Promise<string> {
  const lakeRoot = temp('lake-test-lake-');
  const engine = await AthenaLocalEngine.open({ lakeRoot });
  try {
    await engine.execute('CREATE DATABASE shop');
    await engine.execute(
      "CREATE TABLE shop.orders (order_id string, customer_id int, order_date date, total_amount double, status string) LOCATION 's3://t/o/' TBLPROPERTIES ('table_type'='ICEBERG')",
    );
    await engine.execute(
      "CREATE TABLE shop.customers (customer_id int, email string, segment string, updated_at timestamp) LOCATION 's3://t/c/' TBLPROPERTIES ('table_type'='ICEBERG')",
    );
    await engine.execute(`INSERT INTO shop.orders VALUES ${orders.join(', ')}`);
    await engine.execute(`INSERT INTO shop.customers VALUES ${customers.join(', ')}`);
  } finally {
    await engine.close();
  }
  return lakeRoot;
}

const fresh = () => `TIMESTAMP '${timestampText(new Date())}'`;

describe('lake test', () => {
  it('runs the unit tests and exits 0 when they pass', async () => {
    const io = captureIo(FIXTURE);
    const code = await main(['test', '--no-checks'], io);
    expect(io.err).toBe('');
    expect(code).toBe(0);
    expect(io.out).toContain('  ok   daily_orders › returned orders count as orders but not as revenue  (tests/sql/orders.yaml:3)');
    expect(io.out).toMatch(/^5 unit tests: 5 passed, 0 failed; 0 checks: /m);
  });

  it('exits 1 on a broken model, prints the diff and writes JUnit XML', async () => {
    const root = copyProject();
    const model = join(root, 'sql/transforms/daily_orders.sql');
    writeFileSync(model, readFileSync(model, 'utf8').replace("FILTER (WHERE status <> 'returned')", "FILTER (WHERE status = 'paid')"));
    const io = captureIo(root);
    const code = await main(['test', 'daily_orders', '--no-checks', '--junit', 'reports/sql.xml'], io);
    expect(code).toBe(1);
    expect(io.out).toContain('  FAIL daily_orders › returned orders count as orders but not as revenue');
    expect(io.out).toContain('~ changed    {order_date: 2025-03-02, orders: 1, return_rate: 0, customers: 1}: revenue: expected 7, got NULL');
    const xml = readFileSync(join(root, 'reports/sql.xml'), 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="lake test" tests="1" failures="1" errors="0" skipped="0"/);
    expect(xml).toContain(
      '<testcase name="returned orders count as orders but not as revenue" classname="shop.daily_orders" file="tests/sql/orders.yaml" line="3"',
    );
    expect(xml).toContain(
      '<failure message="model shop.daily_orders (sql/transforms/daily_orders.sql) returned other rows than tests/sql/orders.yaml:10 expects">',
    );
  });

  it('runs contract checks over the lake: an error check fails the run, a warn check does not', async () => {
    const customers = [`(1, 'a@x.com', 'vip', ${fresh()})`, `(2, 'no-at-sign', 'new', ${fresh()})`];
    const clean = await buildLake(["('o1', 1, DATE '2025-03-01', 1.0, 'paid')"], customers);
    let io = captureIo(FIXTURE);
    expect(await main(['test', 'orders', 'customers', '--lake', clean, '--junit', join(clean, 'r.xml')], io)).toBe(0);
    expect(io.out).toContain('  ok   shop.orders primary_key: (order_id) is a primary key: never NULL, never duplicated  (sql/ddl/orders.sql:5)');
    expect(io.out).toContain('  WARN shop.customers assertion: email_has_at: the query returns no rows  (sql/ddl/customers.sql:9)');
    expect(io.out).toContain('customer_id: 2, email: no-at-sign');
    expect(readFileSync(join(clean, 'r.xml'), 'utf8')).toContain('<system-out>warning: 1 failing row, e.g.');

    const broken = await buildLake(["('o1', 1, DATE '2025-03-01', 1.0, 'paid')", "('o1', 3, DATE '2025-03-01', 1.0, 'lost')"], customers);
    io = captureIo(FIXTURE);
    expect(await main(['test', 'orders', '--lake', broken], io)).toBe(1);
    expect(io.out).toContain('  FAIL shop.orders primary_key: (order_id) is a primary key: never NULL, never duplicated  (sql/ddl/orders.sql:5)');
    expect(io.out).toContain('  FAIL shop.orders accepted_values: status is one of placed, paid, shipped, returned  (sql/ddl/orders.sql:8)');
    expect(io.out).toContain('  FAIL shop.orders relationships: every customer_id exists in shop.customers.customer_id  (sql/ddl/orders.sql:10)');
  });

  it('skips checks of tables the lake does not hold', async () => {
    const io = captureIo(FIXTURE);
    const lake = await buildLake(["('o1', 1, DATE '2025-03-01', 1.0, 'paid')"], [`(1, 'a@x.com', 'vip', ${fresh()})`]);
    expect(await main(['test', 'daily_orders', '--lake', lake], io)).toBe(0);
    expect(io.out).toContain('  skip 3 checks of shop.daily_orders: shop.daily_orders is not in the local lake yet');
  });

  it('exits 2 outside a project and 1 on a selector that matches nothing', async () => {
    const outside = captureIo(temp('lake-test-none-'));
    expect(await main(['test'], outside)).toBe(2);
    expect(outside.err).toMatch(/no lakehouse.yaml/);
    const io = captureIo(FIXTURE);
    expect(await main(['test', 'nothing_here'], io)).toBe(1);
    expect(io.err).toMatch(/^error: selector 'nothing_here' matches no node in the project\nhint: /);
    expect(io.err).not.toContain('<sql>:1:1');
  });
});
