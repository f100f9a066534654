// `lake run --dry-run` prints the plan and runs nothing; `lake run --no-alerts` leaves the alerts out.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo, FIXTURE, makeProject } from '../project/project-helpers.js';

describe('lake run --dry-run and --no-alerts', () => {
  it('--dry-run prints steps, periods and write batches in run order and creates no lake', async () => {
    const lake = join(mkdtempSync(join(tmpdir(), 'lake-plan-')), 'lake');
    const io = captureIo(FIXTURE);
    expect(await main(['run', 'crm_data+', '--from', '2025-03-10T00:00', '--to', '2025-03-10T03:00', '--per-period', '--dry-run', '--lake', lake], io)).toBe(0);
    expect(io.out).toBe(
      [
        "plan: 6 steps for stage local on the local engine (Athena's limit of 100 partitions per write); each model is followed by its contract checks",
        '  1. ddl       analytics.crm_data',
        '  2. model     analytics.interactions_hourly [2025-03-10 00:00 .. 2025-03-10 01:00) (1 hour) incremental, partitioned by hr: writes in batches of at most 100 partitions',
        '  3. model     analytics.interactions_hourly [2025-03-10 01:00 .. 2025-03-10 02:00) (1 hour) incremental, partitioned by hr: writes in batches of at most 100 partitions',
        '  4. model     analytics.interactions_hourly [2025-03-10 02:00 .. 2025-03-10 03:00) (1 hour) incremental, partitioned by hr: writes in batches of at most 100 partitions',
        '  5. alert     alert:negative_interactions',
        '  6. dashboard dashboard:support_overview    [2025-03-10 00:00 .. 2025-03-10 03:00) view',
        'nothing was run (--dry-run)',
        '',
      ].join('\n'),
    );
    expect(existsSync(lake)).toBe(false);
    const whole = captureIo(FIXTURE);
    expect(await main(['run', 'crm_data+', '--from', '2025-03-10T00:00', '--to', '2025-03-10T03:00', '--dry-run', '--no-alerts', '--lake', lake], whole)).toBe(
      0,
    );
    expect(whole.out).toContain('  2. model     analytics.interactions_hourly [2025-03-10 00:00 .. 2025-03-10 03:00) (3 hours) incremental');
    expect(whole.out).not.toContain('alert:');
  });

  it('--dry-run names the engine the run would go to', async () => {
    const io = captureIo(FIXTURE);
    expect(await main(['run', 'crm_data', '--dry-run', '--engine', 'trino', '--trino-url', 'http://127.0.0.1:9'], io)).toBe(0);
    expect(io.out).toMatch(/^plan: 1 step for stage local on the Trino engine at http:\/\/127\.0\.0\.1:9 /);
  });

  it('--no-alerts runs everything but the alerts', async () => {
    const root = makeProject({
      'sql/ddl/events.sql': "CREATE EXTERNAL TABLE IF NOT EXISTS events (id INT, rating INT)\nSTORED AS PARQUET\nLOCATION 's3://${lake_bucket}/events/'",
      'sql/transforms/counts.sql': 'SELECT rating, count(*) AS n FROM events GROUP BY rating',
      'sql/alerts/many.sql': '/*\nschedule: rate(1 hour)\nalert:\n  condition: rows > 0\n  message: "{n}"\n  channels: [console]\n*/\nSELECT n FROM counts',
    });
    const lake = join(root, '.lake');
    const io = captureIo(root);
    const code = await main(['run', '--no-alerts', '--verbose', '--lake', lake], io);
    expect(io.err).toBe('');
    expect(code).toBe(0);
    expect(io.out).toMatch(/^run \S+: 2 steps$/m);
    expect(io.out).toContain('ok   model     analytics.counts');
    expect(io.out).not.toMatch(/alert/);
    const all = captureIo(root);
    const withAlerts = await main(['run', '--verbose', '--lake', lake], all);
    expect(all.out).toContain('ok   alert     alert:many');
    expect(withAlerts).toBe(0);
  });
});
