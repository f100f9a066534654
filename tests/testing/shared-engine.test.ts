// Unit tests on a shared engine (`lake test --engine trino`: a cluster that may hold the project's real tables). A
// fixture whose table already exists cannot be created: the test errors, and the existing table, someone's data, is
// left as it was; only tables a test created are dropped after it.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engines/engine.js';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { runTests } from '../../src/testing/suite.js';
import { openLake, tempLake } from '../dialect/lake-helpers.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/sql-tests');

describe('SQL unit tests on a shared engine', () => {
  let engine: AthenaLocalEngine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  it('never drop a table that existed before the test: its fixture errors instead', async () => {
    engine = await openLake(tempLake());
    await engine.execute('CREATE DATABASE shop');
    await engine.execute(
      "CREATE TABLE shop.orders (order_date date, status string, total_amount double, customer_id bigint) LOCATION 's3://shop-local/orders/' TBLPROPERTIES ('table_type' = 'ICEBERG')",
    );
    await engine.execute("INSERT INTO shop.orders VALUES (DATE '2025-03-10', 'paid', 12.5, 7)");
    const shared = engine;
    // The suite closes the engines it was given; this one outlives it, as a cluster does.
    const unitEngine = async (): Promise<Engine> => ({
      ...shared,
      name: shared.name,
      capabilities: shared.capabilities,
      execute: (sql, o) => shared.execute(sql, o),
      close: async () => undefined,
    });

    const report = await runTests(FIXTURE, { checks: false, selector: 'daily_orders', unitEngine });

    expect(report.unit.map((u) => u.status)).toEqual(['error']);
    expect(report.unit[0].error).toMatch(/fixture shop\.orders could not be created: .*exists/i);
    expect((await engine.execute('SELECT status, customer_id FROM shop.orders')).rows).toEqual([['paid', 7]]);
  });
});
