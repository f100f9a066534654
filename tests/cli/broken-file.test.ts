// One broken file does not stop the on-call: the load errors are reported, the broken node and what depends on it
// are skipped (and make the exit code 1 when they were asked for), everything else runs as usual.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadPartialProject } from '../../src/project/partial.js';
import { captureIo, makeProject } from '../project/project-helpers.js';

const alert = (name: string, table: string) => `/*
schedule: rate(1 hour)
alert:
  condition: n > 1000
  message: "${name}: {n}"
  channels: [console]
*/
SELECT count(*) AS n FROM ${table}
`;

const project = () =>
  makeProject({
    'sql/ddl/events.sql': "CREATE EXTERNAL TABLE events (id INT, rating INT)\nSTORED AS PARQUET\nLOCATION 's3://${lake_bucket}/events/'",
    'sql/transforms/good.sql': 'SELECT rating, count(*) AS n FROM events GROUP BY rating',
    'sql/transforms/broken.sql': 'SELECT id\nFROM missing_table',
    'sql/transforms/after_broken.sql': 'SELECT id FROM broken',
    'sql/alerts/good_alert.sql': alert('good_alert', 'good'),
    'sql/alerts/broken_alert.sql': alert('broken_alert', 'after_broken'),
    'tests/sql/good.yaml':
      'model: good\ntests:\n  - name: counts per rating\n    given:\n      events: [{ id: 1, rating: 4 }, { id: 2, rating: 4 }]\n    expect:\n      rows: [{ rating: 4, n: 2 }]\n',
  });

const WARNING = 'warning: 1 SQL file did not load; 3 nodes (the broken ones and their downstream) will not run, everything else does';
const PROBLEM = '  sql/transforms/broken.sql:2:6: error [dag/unknown-table] unknown table analytics.missing_table: no file under sql/ creates it\n';

describe('a broken file blocks only itself and its downstream', () => {
  it('loadPartialProject: broken node, its downstream, and nothing else', async () => {
    const { blocked, broken } = await loadPartialProject(project());
    expect([...broken]).toEqual(['analytics.broken']);
    expect(Object.fromEntries(blocked)).toEqual({
      'analytics.broken': 'sql/transforms/broken.sql:2:6: unknown table analytics.missing_table: no file under sql/ creates it',
      'analytics.after_broken': 'upstream analytics.broken does not load',
      'alert:broken_alert': 'upstream analytics.after_broken does not load',
    });
  });

  it('lake run other_model runs it (exit 0) and reports the load error', async () => {
    const root = project();
    const io = captureIo(root);
    expect(await main(['run', '+good', '--lake', join(root, '.lake')], io)).toBe(0);
    expect(io.err).toContain(WARNING);
    expect(io.err).toContain(PROBLEM);
    expect(io.out).toMatch(/2 ok, 0 failed, 0 skipped/);
  });

  it('lake run (everything): the broken node fails, its downstream is skipped, the rest runs; exit 1', async () => {
    const root = project();
    const io = captureIo(root);
    expect(await main(['run', '--lake', join(root, '.lake')], io)).toBe(1);
    expect(io.out).toMatch(/FAIL model +analytics\.broken .*\n +does not load: sql\/transforms\/broken\.sql:2:6: unknown table/);
    expect(io.out).toMatch(/skip model +analytics\.after_broken/);
    expect(io.out).toMatch(/skip alert +alert:broken_alert/);
    expect(io.out).toMatch(/3 ok, 1 failed, 2 skipped/);
  });

  it('lake test other_model passes; lake test names the nodes it could not test and exits 1', async () => {
    const root = project();
    const one = captureIo(root);
    expect(await main(['test', 'good', '--no-checks'], one)).toBe(0);
    expect(one.out).toContain('ok   good › counts per rating');
    const all = captureIo(root);
    expect(await main(['test', '--no-checks'], all)).toBe(1);
    expect(all.out).toContain('Not loaded (not tested)\n  ERR  analytics.broken: sql/transforms/broken.sql:2:6: unknown table');
    expect(all.out).toContain('ok   good › counts per rating');
  });

  it('lake alert evaluates the alerts that load and names the one it skipped; exit 1 only when a skipped one was asked for', async () => {
    const root = project();
    const lake = join(root, '.lake');
    expect(await main(['run', '+good', '--lake', lake], captureIo(root))).toBe(0);
    const all = captureIo(root);
    expect(await main(['alert', '--lake', lake], all)).toBe(1);
    expect(all.err).toContain('error: alert broken_alert not evaluated: upstream analytics.after_broken does not load\n');
    expect(all.out).toMatch(/^good_alert at .*\n {2}ok: n = 0/m);
    const one = captureIo(root);
    expect(await main(['alert', 'good_alert', '--lake', lake], one)).toBe(0);
    expect(one.err).toContain(WARNING);
  });

  it('lake schedule --once schedules every job that loads and names the one it does not', async () => {
    const root = project();
    const io = captureIo(root);
    expect(await main(['schedule', '--once', '--lake', join(root, '.lake')], io)).toBe(1);
    expect(io.err).toContain('error: not scheduling alert:broken_alert: upstream analytics.after_broken does not load\n');
    expect(io.err).toContain('scheduling alert:good_alert (rate(1 hour))');
  });
});
