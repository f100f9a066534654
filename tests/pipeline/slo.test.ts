// Model SLOs (header `slo:`): how the header is read, and how runs are judged (met / missed / no data, last miss).
import { describe, expect, it } from 'vitest';
import { judgeSlos, type ModelRun } from '../../src/pipeline/slo.js';
import { sloMetricLines, SLO_NAMESPACE } from '../../src/pipeline/slo-metrics.js';
import { parseSqlFile } from '../../src/project/header-block.js';
import type { ProjectNode } from '../../src/project/model.js';
import type { RunRecord } from '../../src/pipeline/reporter.js';

const model = (id: string, header: string): ProjectNode => {
  const parsed = parseSqlFile(`/*\n${header}\n*/\nSELECT 1 AS x\n`, 'sql/transforms/m.sql', 'model');
  expect(parsed.diagnostics).toEqual([]);
  return {
    id,
    name: id.split('.')[1],
    kind: 'model',
    file: 'sql/transforms/m.sql',
    header: parsed.header,
    sql: parsed.sql,
    bodyLine: parsed.bodyLine,
    database: 'lakehouse',
    produces: [id],
    dependsOn: [],
    upstream: [],
    downstream: [],
  };
};
const at = (t: string) => new Date(`2025-03-10T${t}:00Z`);
const run = (status: ModelRun['status'], t: string, m = 'lakehouse.m'): ModelRun => ({ model: m, status, finishedAt: at(t) });

describe('slo header', () => {
  it('reads freshness and success, with a 24h default window', () => {
    expect(model('lakehouse.m', 'slo:\n  freshness: 2h\n  success: 99.5%').header.slo).toEqual({ freshness: '2h', success: '99.5%', window: '24h' });
  });

  it.each([
    ['slo:\n  freshness: 90m', /whole minutes under 1h, or whole hours/],
    ['slo:\n  freshness: 8d', /at most 7d/],
    ['slo:\n  success: 99', /percentage such as 99%/],
    ['slo:\n  success: 101%', /at most 100%/],
    ['slo:\n  success: 99%\n  window: 2d', /whole hours from 1h to 24h/],
    ['slo:\n  window: 1h', /needs a freshness or a success objective/],
    ['slo:\n  freshnes: 1h', /freshnes/],
  ])('refuses %j at the file and line of the header', (header, message) => {
    const { diagnostics } = parseSqlFile(`/*\ndescription: x\n${header}\n*/\nSELECT 1 AS x\n`, 'sql/transforms/m.sql', 'model');
    expect(diagnostics.map((d) => d.message).join('\n')).toMatch(message);
    expect(diagnostics[0].file).toBe('sql/transforms/m.sql');
    expect(diagnostics[0].line).toBeGreaterThanOrEqual(3);
  });

  it('is an error on anything but a model, at the line of the key', () => {
    const { diagnostics } = parseSqlFile(
      '/*\nschedule: rate(1 hour)\nslo:\n  freshness: 1h\nalert:\n  condition: "count > 1"\n  message: m\n*/\nSELECT 1 AS count\n',
      'sql/alerts/a.sql',
      'alert',
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({
        rule: 'header/unknown-key',
        line: 3,
        message: "unknown header key 'slo'",
        hint: expect.stringMatching(/^'slo' applies to models;/),
      }),
    ]);
  });
});

describe('judging SLOs over runs', () => {
  const m = model('lakehouse.m', 'slo:\n  freshness: 2h\n  success: 75%\n  window: 6h');

  it('freshness: met while the last success is at most the objective old, missed after, and when it went stale', () => {
    const runs = [run('success', '01:00'), run('success', '05:00'), run('failed', '06:00'), run('success', '06:30')];
    const [fresh] = judgeSlos([m], runs, at('08:00'));
    // 01:00 → 05:00 is a 4 h gap: stale from 03:00.
    expect(fresh).toMatchObject({ objective: 'freshness', state: 'met', measured: 90 * 60_000, lastMiss: at('03:00') });
    const [late] = judgeSlos([m], runs, at('09:00'));
    expect(late).toMatchObject({ state: 'missed', measured: 150 * 60_000, lastMiss: at('08:30') });
  });

  it('success: the share of succeeded runs in the window against the objective; the last failure is the last miss', () => {
    const runs = [run('failed', '00:30'), run('success', '03:00'), run('success', '04:00'), run('failed', '05:00'), run('success', '06:00')];
    const [, ok] = judgeSlos([m], runs, at('06:10')); // window 00:10-06:10: 3 of 5 = 60 % < 75 %
    expect(ok).toMatchObject({ objective: 'success', target: '75% of runs in 6h', state: 'missed', measured: 60, lastMiss: at('05:00') });
    const [, later] = judgeSlos([m], runs, at('07:00')); // window 01:00-07:00: 3 of 4 = 75 %
    expect(later).toMatchObject({ state: 'met', measured: 75 });
  });

  it("no runs: no data for both, and other models' runs do not count", () => {
    expect(judgeSlos([m], [run('success', '01:00', 'lakehouse.other')], at('02:00')).map((s) => [s.objective, s.state, s.lastMiss])).toEqual([
      ['freshness', 'no data', null],
      ['success', 'no data', null],
    ]);
  });
});

describe('SLO metrics (embedded metric format)', () => {
  it('one EMF line per run of a model with an slo: succeeded/failed counts under Deployment and Model', () => {
    const record = (node: string, status: RunRecord['status']): RunRecord => ({
      run_id: 'r',
      step: node,
      kind: 'model',
      node,
      file: 'f',
      period_start: null,
      period_end: null,
      status,
      attempts: 1,
      rows_written: 1,
      bytes_scanned: 1,
      duration_ms: 1,
      started_at: '',
      finished_at: '',
      error: null,
    });
    const plain = model('lakehouse.plain', 'description: no slo');
    const lines = sloMetricLines(
      [record('lakehouse.m', 'success'), record('lakehouse.m', 'failed'), record('lakehouse.plain', 'success'), record('lakehouse.m', 'skipped')],
      [m(), plain],
      'prod-sql-lakehouse',
      at('01:00'),
    );
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ Deployment: 'prod-sql-lakehouse', Model: 'lakehouse.m', ModelRunSucceeded: 1, ModelRunFailed: 0 }),
      expect.objectContaining({ Deployment: 'prod-sql-lakehouse', Model: 'lakehouse.m', ModelRunSucceeded: 0, ModelRunFailed: 1 }),
    ]);
    expect(JSON.parse(lines[0])._aws).toEqual({
      Timestamp: at('01:00').getTime(),
      CloudWatchMetrics: [
        {
          Namespace: SLO_NAMESPACE,
          Dimensions: [['Deployment', 'Model']],
          Metrics: [
            { Name: 'ModelRunSucceeded', Unit: 'Count' },
            { Name: 'ModelRunFailed', Unit: 'Count' },
          ],
        },
      ],
    });
  });
  const m = () => model('lakehouse.m', 'slo:\n  freshness: 1h');
});
