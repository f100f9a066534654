// `lake slo` on the example project: the P1 files run for one hour, then the SLOs judged from the local run log at
// several times (met, then freshness missed with the moment it went stale), and P3's declared SLOs with no run: no data.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { SloStatus } from '../../src/pipeline/slo.js';
import { loadProject } from '../../src/project/loader.js';
import { projectVariables, substituteVariables } from '../../src/project/variables.js';
import { projectWith } from '../alerts/helpers.js';
import { captureIo as capture } from '../helpers/io.js';

const FILES = [
  ...['sql/ddl', 'sql/transforms'].flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => /^p[13]_/.test(f))
      .map((f) => `${dir}/${f}`),
  ),
];

async function p1Ran(): Promise<{ root: string; finished: Date }> {
  const root = projectWith(FILES);
  const project = await loadProject(root);
  const ddl = project.nodes.find((n) => n.kind === 'ddl' && n.file.endsWith('p1_crm_data.sql'))!;
  const setup = capture(root);
  const script = [
    `CREATE DATABASE IF NOT EXISTS ${project.config.database}`,
    substituteVariables(ddl.sql, projectVariables(project.config, project.stage)),
    `INSERT INTO crm_data VALUES (1, 'complaint', TIMESTAMP '2025-03-10 10:10:00', 'email', 1, 'm', TIMESTAMP '2025-03-10 10:59:00', 2025, 3, 10, 10)`,
  ].join(';\n');
  expect(await main(['sql', '-e', script], setup), setup.err).toBe(0);
  const run = capture(root);
  expect(await main(['run', 'p1_interaction_kpis_hourly', '--from', '2025-03-10T10:00:00Z', '--to', '2025-03-10T11:00:00Z'], run), run.err + run.out).toBe(0);
  return { root, finished: new Date() };
}

const slos = async (root: string, at: Date, extra: string[] = []) => {
  const io = capture(root);
  const code = await main(['slo', '--json', '--at', at.toISOString(), ...extra], io);
  return { code, err: io.err, slos: (JSON.parse(io.out) as { slos: Array<SloStatus & { lastMiss: string | null }> }).slos };
};

describe('lake slo on the example project', () => {
  it('P1 met after its run, freshness missed 2 h later (stale since the last success + 2 h), P3 no data', async () => {
    const { root, finished } = await p1Ran();
    const soon = await slos(root, new Date(finished.getTime() + 30 * 60_000));
    expect(soon.code, soon.err).toBe(0);
    expect(soon.slos.map((s) => [s.model, s.objective, s.target, s.state])).toEqual([
      ['lakehouse.p1_interaction_kpis_hourly', 'freshness', '2h', 'met'],
      ['lakehouse.p1_interaction_kpis_hourly', 'success', '99% of runs in 24h', 'met'],
      ['lakehouse.p3_customer_360', 'freshness', '26h', 'no data'],
      ['lakehouse.p3_customer_360', 'success', '95% of runs in 24h', 'no data'],
    ]);
    expect(soon.slos[1].measured).toBe(100);
    expect(soon.slos[0].lastMiss).toBeNull();

    const late = await slos(root, new Date(finished.getTime() + 3 * 3_600_000), ['--fail-on-miss']);
    expect(late.code).toBe(1);
    const [freshness] = late.slos;
    expect(freshness.state).toBe('missed');
    expect(freshness.measured).toBeGreaterThan(3 * 3_600_000 - 60_000);
    // The run log keeps milliseconds: the data went stale exactly 2 h after the run's step finished.
    const stale = new Date(freshness.lastMiss!).getTime();
    expect(stale).toBeGreaterThan(finished.getTime() - 60_000 + 2 * 3_600_000);
    expect(stale).toBeLessThanOrEqual(finished.getTime() + 2 * 3_600_000);
  });

  it('prints a table with every objective, its state, and the count of misses', async () => {
    const { root, finished } = await p1Ran();
    const io = capture(root);
    expect(await main(['slo', '--at', new Date(finished.getTime() + 3 * 3_600_000).toISOString()], io), io.err).toBe(0);
    expect(io.out).toMatch(/^SLOs as of .* UTC: 3 not missed, 1 missed\n/);
    expect(io.out).toMatch(
      /\nlakehouse\.p1_interaction_kpis_hourly \| freshness +\| 2h +\| missed +\| last success 3h ago +\| \d{4}-\d\d-\d\d \d\d:\d\d UTC\n/,
    );
    expect(io.out).toMatch(/\nlakehouse\.p3_customer_360 +\| success +\| 95% of runs in 24h \| no data \| - +\| -\n/);
  });
});
