import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unitFailureText } from '../../src/testing/format.js';
import { runTests, type TestReport } from '../../src/testing/suite.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/sql-tests');

/** A copy of the fixture project to change. */
function copyProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'lake-unit-'));
  cpSync(FIXTURE, root, { recursive: true });
  return root;
}

function edit(root: string, file: string, from: string, to: string): void {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no '${from}'`);
  writeFileSync(path, text.replace(from, to));
}

const summary = (report: TestReport) => report.unit.map((u) => [u.test.name, u.status]);

describe('SQL unit tests', () => {
  it('run every model, merge and alert of the fixture project on fixtures and pass', async () => {
    const report = await runTests(FIXTURE, { checks: false });
    expect(summary(report)).toEqual([
      ['counts negative ratings per hour and channel inside the period', 'passed'],
      ['counts ratings of 2 or less in the hour before now', 'passed'],
      ['a changed email closes the current row and a new customer is inserted', 'passed'],
      ['returned orders count as orders but not as revenue', 'passed'],
      ["segment revenue joins customers and the daily model's fixture", 'passed'],
    ]);
    expect(report.unit.map((u) => u.node?.id)).toEqual([
      'shop.interactions_hourly',
      'alert:negative_interactions',
      'shop.dim_customer',
      'shop.daily_orders',
      'shop.segment_revenue',
    ]);
  });

  it('fail with a diff naming the model and the rows when a KPI changes (<= 2 becomes < 2)', async () => {
    const root = copyProject();
    edit(root, 'sql/transforms/interactions_hourly.sql', 'rating <= ${negative_rating}', 'rating < ${negative_rating}');
    const report = await runTests(root, { selector: 'interactions_hourly', checks: false });
    expect(report.unit).toHaveLength(1);
    const [result] = report.unit;
    expect(result.status).toBe('failed');
    expect(unitFailureText(result).split('\n')).toEqual([
      'model shop.interactions_hourly (sql/transforms/interactions_hourly.sql) returned other rows than sql/transforms/interactions_hourly.test.yaml:14 expects',
      '2 expected rows, 2 rows returned; compared columns: hr, channel, interactions, negative, avg_rating',
      '~ changed    {hr: 2025-03-10 10:00:00, channel: web, interactions: 3, avg_rating: 2.667}: negative: expected 2, got 1',
    ]);
  });

  it('catch a changed filter in a model read through a selector of its downstream', async () => {
    const root = copyProject();
    edit(root, 'sql/transforms/daily_orders.sql', "WHERE status <> 'returned'", "WHERE status = 'paid'");
    const report = await runTests(root, { selector: 'daily_orders+', checks: false });
    expect(summary(report)).toEqual([
      ['returned orders count as orders but not as revenue', 'failed'],
      ["segment revenue joins customers and the daily model's fixture", 'passed'],
    ]);
    expect(unitFailureText(report.unit[0])).toContain(
      '~ changed    {order_date: 2025-03-02, orders: 1, return_rate: 0, customers: 1}: revenue: expected 7, got NULL',
    );
  });

  it('give the input tables their real column types, from DDL and from upstream models', async () => {
    const root = copyProject();
    // total_amount is DOUBLE in the DDL: 1 / 4 sums to 0.25 only if the fixture is typed, not inferred as BIGINT.
    writeFileSync(
      join(root, 'tests/sql/types.yaml'),
      [
        'tests:',
        '  - name: typed fixtures',
        '    model: segment_revenue',
        '    given:',
        '      orders: [{ order_id: a, customer_id: 1, order_date: 2025-03-01, total_amount: 1, status: paid }]',
        '      customers: [{ customer_id: 1, segment: "007" }]',
        '      daily_orders: [{ order_date: 2025-03-01, orders: 5 }]',
        '    expect:',
        '      rows: [{ segment: "007", revenue: 1.0, orders_that_day: 5 }]',
      ].join('\n'),
    );
    const report = await runTests(root, { selector: 'segment_revenue', checks: false });
    expect(report.unit.map((u) => [u.test.name, u.status, u.error])).toContainEqual(['typed fixtures', 'passed', undefined]);
  });

  it('report setup mistakes as errors naming the test file and line', async () => {
    const root = copyProject();
    writeFileSync(
      join(root, 'tests/sql/mistakes.yaml'),
      [
        'tests:',
        '  - name: table not read',
        '    model: daily_orders',
        '    given:',
        '      customers: [{ customer_id: 1 }]',
        '    expect: { rows: [] }',
        '  - name: unknown column',
        '    model: daily_orders',
        '    given:',
        '      orders: [{ order_id: a, amount: 1 }]',
        '    expect: { rows: [] }',
        '  - name: missing variable',
        '    model: interactions_hourly',
        '    expect: { rows: [] }',
        '  - name: no such model',
        '    model: nothing_here',
        '    expect: { rows: [] }',
        '  - name: wrong expected column',
        '    model: daily_orders',
        '    expect: { rows: [{ revnue: 1 }] }',
      ].join('\n'),
    );
    const report = await runTests(root, { checks: false });
    const errors = Object.fromEntries(
      report.unit.filter((u) => u.test.file === 'tests/sql/mistakes.yaml').map((u) => [u.test.name, `${u.status}: ${u.error}`]),
    );
    expect(errors).toEqual({
      'table not read': 'error: tests/sql/mistakes.yaml:5: sql/transforms/daily_orders.sql does not read shop.customers (it reads: shop.orders)',
      'unknown column':
        "error: tests/sql/mistakes.yaml:10: row 1 of shop.orders: no column 'amount' (columns: order_id, customer_id, order_date, total_amount, status)",
      'missing variable': 'error: sql/transforms/interactions_hourly.sql:10: unknown variable ${period_start}: give it under vars: in the test',
      'no such model': "error: tests/sql/mistakes.yaml:15: no model, alert or dashboard named 'nothing_here' in the project",
      'wrong expected column':
        "error: tests/sql/mistakes.yaml:20: expected column 'revnue' is not in the output (columns: order_date, orders, revenue, return_rate, customers)",
    });
  });
});
