// `npm test` runs the example project's SQL unit tests (tests/sql/) through `lake test`, in-process.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { contractFilesOf } from '../../src/pipeline/checks.js';
import { loadProject } from '../../src/project/loader.js';
import { resolveModel } from '../../src/testing/run-unit.js';
import { findTestFiles, parseTestFile } from '../../src/testing/spec.js';
import { captureIo } from '../project/project-helpers.js';

const REPO = join(import.meta.dirname, '../..');

describe('the example project', () => {
  it('passes its SQL unit tests', async () => {
    const io = captureIo(REPO);
    const code = await main(['test', '--no-checks'], io);
    expect(io.err).toBe('');
    expect(io.out).not.toMatch(/^\s+(FAIL|ERR)/m);
    expect(io.out).toMatch(/^(\d+) unit tests: \1 passed, 0 failed;/m);
    expect(code).toBe(0);
  });

  it('has a unit test for every transform, alert and dashboard view, and a contract for every table a transform writes', async () => {
    const project = await loadProject(REPO);
    const tests = (await findTestFiles(REPO, project.config.sql)).flatMap((file) => parseTestFile(readFileSync(join(REPO, file), 'utf8'), file));
    const tested = new Set(tests.map((t) => resolveModel(project, t.model)?.id));
    const untested = project.nodes.filter((n) => (n.kind === 'model' || n.kind === 'alert' || n.kind === 'dashboard') && !tested.has(n.id)).map((n) => n.file);
    expect(untested).toEqual([]);
    expect(project.nodes.filter((n) => n.kind === 'dashboard').length).toBeGreaterThan(10);
    const contracted = new Set([...contractFilesOf(project).map((c) => c.table), ...project.nodes.filter((n) => n.header.contract).flatMap((n) => n.produces)]);
    const models = project.nodes.filter((n) => n.kind === 'model');
    expect(models.length).toBeGreaterThan(15);
    expect(models.flatMap((n) => n.produces).filter((t) => !contracted.has(t))).toEqual([]);
  });

  it('fails with a diff naming the model and the rows when a KPI changes (<= 2 becomes < 2)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lake-example-'));
    for (const path of ['lakehouse.yaml', 'sql', 'tests/sql']) cpSync(join(REPO, path), join(root, path), { recursive: true });
    const model = join(root, 'sql/transforms/p1_interaction_kpis_hourly.sql');
    const text = readFileSync(model, 'utf8');
    expect(text).toContain('count_if(rating <= 2) AS negative_interactions');
    writeFileSync(model, text.replace('count_if(rating <= 2) AS negative_interactions', 'count_if(rating < 2) AS negative_interactions'));
    const io = captureIo(root);
    expect(await main(['test', 'p1_interaction_kpis_hourly', '--no-checks'], io)).toBe(1);
    expect(io.out).toContain('  FAIL p1_interaction_kpis_hourly › hourly KPIs count ratings of 2 or less as negative');
    expect(io.out).toContain(
      'model lakehouse.p1_interaction_kpis_hourly (sql/transforms/p1_interaction_kpis_hourly.sql) returned other rows than tests/sql/p1.yaml',
    );
    expect(io.out).toMatch(
      /~ changed {4}\{hour_start: 2025-03-10 10:00:00, channel: phone, interaction_type: call, .*\}: negative_interactions: expected 2, got 1/,
    );
  });

  it('fails when a dashboard view changes what it counts (the negative interactions of the support views)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lake-example-'));
    for (const path of ['lakehouse.yaml', 'sql', 'tests/sql']) cpSync(join(REPO, path), join(root, path), { recursive: true });
    const mutate = (file: string, from: string, to: string) => {
      const path = join(root, file);
      const text = readFileSync(path, 'utf8');
      expect(text).toContain(from);
      writeFileSync(path, text.replace(from, to));
    };
    mutate(
      'sql/dashboards/support_interactions_daily.sql',
      'sum(negative_interactions) AS negative_interactions',
      'max(negative_interactions) AS negative_interactions',
    );
    mutate('sql/dashboards/support_negative_share.sql', 'sum(rated_interactions) > 0', 'sum(rated_interactions) >= 0');
    const io = captureIo(root);
    expect(await main(['test', 'kind:dashboard', '--no-checks'], io)).toBe(1);
    expect(io.out).toContain('  FAIL support_interactions_daily › support interactions are the hourly KPIs summed per day, channel and type');
    expect(io.out).toContain('  FAIL support_negative_share › the negative share is negative over rated interactions per day and channel');
    expect(io.out).toMatch(/^19 unit tests: 17 passed, 2 failed;/m);
  });
});
