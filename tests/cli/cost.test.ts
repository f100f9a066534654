// `lake cost`: bytes scanned and dollars per model and alert over the run log, on the example project's P1 files run
// locally (an estimate: what the local engine read), and the same report read through Athena from a recorded run_log
// (aws-sdk-client-mock). Athena pricing (Athena User Guide / pricing page): $5 per TB scanned, each query rounded up
// to the next MB with a 10 MB minimum (src/pipeline/cost.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runCost } from '../../src/cli/commands/cost-run.js';
import { athenaCostUsd } from '../../src/pipeline/cost.js';
import type { CostReport } from '../../src/pipeline/cost-report.js';
import { loadProject } from '../../src/project/loader.js';
import { projectVariables, substituteVariables } from '../../src/project/variables.js';
import { projectWith } from '../alerts/helpers.js';
import { fakeAthena } from '../functions/fakes.js';
import { captureIo as capture } from '../helpers/io.js';

const P1 = ['sql/ddl/p1_crm_data.sql', 'sql/transforms/p1_interaction_kpis_hourly.sql', 'sql/alerts/p1_negative_interactions.sql'];

/** The P1 files with 13 interactions on 2025-03-10 10:00-11:00, run for that hour (model, then alert). */
async function p1RunProject(): Promise<string> {
  const root = projectWith(P1);
  const project = await loadProject(root);
  const ddl = project.nodes.find((n) => n.kind === 'ddl')!;
  const rows = Array.from(
    { length: 13 },
    (_, i) =>
      `(${i}, 'complaint', TIMESTAMP '2025-03-10 10:${String(10 + i).padStart(2, '0')}:00', 'email', ${i < 11 ? 1 : 5}, 'm', TIMESTAMP '2025-03-10 10:59:00', 2025, 3, 10, 10)`,
  );
  const setup = capture(root);
  const script = [
    `CREATE DATABASE IF NOT EXISTS ${project.config.database}`,
    substituteVariables(ddl.sql, projectVariables(project.config, project.stage)),
    `INSERT INTO crm_data VALUES ${rows.join(', ')}`,
  ].join(';\n');
  expect(await main(['sql', '-e', script], setup)).toBe(0);
  const run = capture(root);
  expect(await main(['run', '--from', '2025-03-10T10:00:00Z', '--to', '2025-03-10T11:00:00Z'], run), run.err).toBe(0);
  return root;
}

describe('lake cost on the example project (local: an estimate)', () => {
  it('reports bytes scanned and dollars per model and alert, each a positive amount, and totals them', async () => {
    const root = await p1RunProject();
    const io = capture(root);
    expect(await main(['cost', '--json'], io), io.err).toBe(0);
    const report = JSON.parse(io.out) as CostReport & { since: string; until: string };
    expect(report.estimate).toBe(true);
    const byNode = Object.fromEntries(report.lines.map((l) => [`${l.kind} ${l.node}`, l]));
    const model = byNode['model lakehouse.p1_interaction_kpis_hourly'];
    const alert = byNode['alert alert:p1_negative_interactions'];
    expect(model.steps).toBe(1);
    expect(model.bytesScanned).toBeGreaterThan(0);
    expect(alert.steps).toBe(1);
    expect(alert.bytesScanned).toBeGreaterThan(0);
    // One step is one query at least: below 10 MB it is billed as 10 MB.
    expect(model.usd).toBe(athenaCostUsd([model.bytesScanned]));
    expect(model.usd).toBeCloseTo((10 / 1024 / 1024) * 5, 12);
    expect(report.total.bytesScanned).toBe(report.lines.reduce((s, l) => s + l.bytesScanned, 0));
    expect(report.total.steps).toBe(report.lines.reduce((s, l) => s + l.steps, 0));
    expect(Date.parse(report.until) - Date.parse(report.since)).toBe(30 * 86_400_000);
  });

  it('prints a table labelled as an estimate, and nothing from before the window', async () => {
    const root = await p1RunProject();
    const io = capture(root);
    expect(await main(['cost', '--days', '7'], io), io.err).toBe(0);
    expect(io.out).toMatch(/^Query cost of stage local from .* UTC \(estimate: bytes the local engine read from the lake/);
    expect(io.out).toMatch(/\nkind +\| node +\| steps \| bytes_scanned \| +usd\n/);
    expect(io.out).toMatch(/\nmodel +\| lakehouse\.p1_interaction_kpis_hourly +\| +1 \| +[1-9]\d* \| 0\.0000\n/);
    expect(io.out).toMatch(/\ntotal +\| +\| +\d+ \| +[1-9]\d* \| 0\.0001\n$/);
    // A window that ended before the run holds nothing.
    const before = capture(root);
    expect(await runCost({ days: '1' }, before, new Date('2020-01-02T00:00:00Z'))).toBe(0);
    expect(before.out).toContain('no steps in the run log in this window');
  });

  it('refuses a --days that is not a whole number of days', async () => {
    const io = capture(projectWith(P1));
    expect(await main(['cost', '--days', '1.5'], io)).toBe(2);
    expect(io.err).toContain("--days must be a whole number of days ≥ 1 (got '1.5')");
  });
});

describe('lake cost --workgroup (the run log on Athena)', () => {
  let athena: ReturnType<typeof fakeAthena> | undefined;
  afterEach(() => athena?.mock.restore());

  it("reads the stage's run_log through Athena, only the window's partitions, and prices Athena's bytes per step", async () => {
    const MB = 2 ** 20;
    athena = fakeAthena((sql) =>
      /^\s*SELECT/i.test(sql)
        ? {
            columns: [
              { name: 'kind', type: 'varchar' },
              { name: 'node', type: 'varchar' },
              { name: 'bytes_scanned', type: 'bigint' },
            ],
            rows: [
              ['model', 'lakehouse.p2_order_kpis', String(300 * MB)],
              ['model', 'lakehouse.p2_order_kpis', String(5 * MB)],
              ['alert', 'lakehouse.p1_negative_interactions', String(MB)],
              ['model', 'lakehouse.p3_customer_360', null],
              ['ddl', 'lakehouse.p1_crm_data', '0'],
            ],
          }
        : { statementType: 'DDL' },
    );
    const io = capture(projectWith(P1));
    const code = await runCost(
      { stage: 'prod', days: '7', json: true, workgroup: 'prod-sql-lakehouse', region: 'us-east-1' },
      io,
      new Date('2025-03-10T12:00:00Z'),
    );
    expect(code, io.err).toBe(0);
    const [ddl, select] = athena.statements;
    expect(ddl).toContain("LOCATION 's3://lakehouse-prod-data/system/run_log/'");
    expect(select).toContain("dt >= '2025-03-03'");
    expect(select).toContain("started_at >= TIMESTAMP '2025-03-03 12:00:00.000'");
    const report = JSON.parse(io.out) as CostReport;
    expect(report.estimate).toBe(false);
    expect(report.lines.map((l) => [l.kind, l.node, l.steps, l.bytesScanned])).toEqual([
      ['model', 'lakehouse.p2_order_kpis', 2, 305 * MB],
      ['alert', 'lakehouse.p1_negative_interactions', 1, MB],
      ['ddl', 'lakehouse.p1_crm_data', 1, 0],
      ['model', 'lakehouse.p3_customer_360', 1, 0],
    ]);
    // 300 MB + 10 MB (the 5 MB step's minimum) at $5/TB; the 1 MB alert is billed 10 MB; DDL is free (Athena pricing:
    // no charge for DDL statements or failed queries); a step without bytes (it failed) costs nothing.
    expect(report.lines[0].usd).toBeCloseTo((310 / 1024 / 1024) * 5, 12);
    expect(report.lines[1].usd).toBeCloseTo((10 / 1024 / 1024) * 5, 12);
    expect(report.lines[2].usd).toBe(0);
    expect(report.lines[3].usd).toBe(0);
  });
});
