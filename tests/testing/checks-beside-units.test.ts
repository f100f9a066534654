// `lake test` runs the contract checks (over the local lake, on an engine of their own) beside the unit tests (on
// in-memory engines), not after them: the two share nothing, and on two cores the checks' queries then use the core
// the unit tests leave idle. Shown without timing: the unit tests' engine holds its first statement until a check has
// run, which only happens when the checks do not wait for the unit tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../src/engines/engine.js';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { runTests } from '../../src/testing/suite.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/sql-tests');

describe('lake test', () => {
  const folders: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  const folder = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    folders.push(dir);
    return dir;
  };

  it('runs the contract checks beside the unit tests, not after them', async () => {
    const lakeRoot = folder('lake-test-beside-');
    const lake = await AthenaLocalEngine.open({ lakeRoot });
    try {
      await lake.execute('CREATE DATABASE shop');
      await lake.execute(
        "CREATE TABLE shop.orders (order_id string, customer_id int, order_date date, total_amount double, status string) LOCATION 's3://t/o/' TBLPROPERTIES ('table_type'='ICEBERG')",
      );
      await lake.execute("INSERT INTO shop.orders VALUES ('o1', 1, DATE '2025-03-01', 1.0, 'paid')");
    } finally {
      await lake.close();
    }

    let opened: (by: string) => void = () => undefined;
    const gate = new Promise<string>((resolve) => {
      opened = resolve;
    });
    // A safety valve only: were the checks to wait for the unit tests, the gate would open here, and the test fail.
    const valve = setTimeout(() => opened('no check ran while the unit tests waited'), 20_000);
    const execute = AthenaLocalEngine.prototype.execute;
    vi.spyOn(AthenaLocalEngine.prototype, 'execute').mockImplementation(function (this: AthenaLocalEngine, sql, options) {
      if (sql.includes('"__lake_failures"')) opened('a check');
      return execute.call(this, sql, options);
    });
    const unitEngine = async (database: string): Promise<Engine> => {
      const engine = await AthenaLocalEngine.open({ lakeRoot: folder('lake-test-units-'), inMemory: true, threads: 1, database });
      const run = engine.execute.bind(engine);
      let first = true;
      return Object.assign(engine, {
        execute: async (sql: string, options?: Parameters<Engine['execute']>[1]) => {
          if (first) await gate;
          first = false;
          return run(sql, options);
        },
      });
    };

    try {
      const report = await runTests(FIXTURE, { lakeRoot, unitEngine });
      expect(await gate).toBe('a check');
      expect(report.unit.length).toBeGreaterThan(0);
      expect(report.unit.every((u) => u.status === 'passed')).toBe(true);
      expect(report.checks.some((c) => c.result?.passed)).toBe(true);
    } finally {
      clearTimeout(valve);
    }
  }, 60_000);
});
