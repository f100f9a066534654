// `lake run --format json` and `lake test --format json`: stdout is one object, like dbt's run_results.json.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo, makeProject } from '../project/project-helpers.js';

const project = () =>
  makeProject({
    'sql/ddl/events.sql': "CREATE EXTERNAL TABLE IF NOT EXISTS events (id INT, rating INT)\nSTORED AS PARQUET\nLOCATION 's3://${lake_bucket}/events/'",
    'sql/transforms/counts.sql': 'SELECT rating, count(*) AS n FROM events GROUP BY rating',
    'sql/transforms/bad.sql': 'SELECT ratng FROM events',
    'tests/sql/counts.yaml':
      'model: counts\ntests:\n  - name: counts per rating\n    given:\n      events: [{ id: 1, rating: 4 }]\n    expect:\n      rows: [{ rating: 4, n: 1 }]\n' +
      '  - name: a wrong expectation\n    given:\n      events: [{ id: 1, rating: 4 }]\n    expect:\n      rows: [{ rating: 4, n: 2 }]\n',
  });

describe('--format json', () => {
  it('lake run: one object with success, elapsed time and a result per step', async () => {
    const root = project();
    const io = captureIo(root);
    expect(await main(['run', '--format', 'json', '--lake', join(root, '.lake')], io)).toBe(1);
    const results = JSON.parse(io.out);
    expect(results).toMatchObject({ kind: 'run', success: false, rows_written: 0 });
    expect(typeof results.elapsed_time).toBe('number');
    expect(results.results.map((r: { unique_id: string; status: string }) => `${r.unique_id} ${r.status}`)).toEqual([
      'analytics.events success',
      'analytics.bad failed',
      'analytics.counts success',
    ]);
    expect(results.results[1].message).toMatch(/^sql\/transforms\/bad\.sql:1:8: Binder Error: Referenced column "ratng" not found/);
  });

  it('lake test: one object with every unit test and its status', async () => {
    const io = captureIo(project());
    expect(await main(['test', 'counts', '--no-checks', '--format', 'json'], io)).toBe(1);
    const results = JSON.parse(io.out);
    expect(results).toMatchObject({ kind: 'test', success: false });
    expect(results.results.map((r: { unique_id: string; status: string }) => `${r.unique_id} ${r.status}`)).toEqual([
      'unit:analytics.counts:counts per rating pass',
      'unit:analytics.counts:a wrong expectation fail',
    ]);
    expect(results.results[1].message).toContain('n: expected 2, got 1');
  });
});
