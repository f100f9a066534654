import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadProject } from '../../src/project/loader.js';
import { projectVariables, substituteVariables } from '../../src/project/variables.js';
import { projectWith } from '../alerts/helpers.js';
import { captureIo as capture } from '../helpers/io.js';

const MESSAGE = 'Alert: 11 negative interactions (rating <= 2) detected in the last hour';

/** A project with the shipped P1 DDL and alert, and 11 negative ratings between 10:00 and 11:00 on 2025-03-10. */
async function p1Project(): Promise<string> {
  const root = projectWith(['sql/ddl/p1_crm_data.sql', 'sql/alerts/p1_negative_interactions.sql']);
  const project = await loadProject(root);
  const ddl = project.nodes.find((n) => n.kind === 'ddl')!;
  const rows = Array.from(
    { length: 13 },
    (_, i) =>
      `(${i}, 'complaint', TIMESTAMP '2025-03-10 10:${String(10 + i).padStart(2, '0')}:00', 'email', ${i < 11 ? 1 : 5}, 'm', TIMESTAMP '2025-03-10 10:59:00', 2025, 3, 10, 10)`,
  );
  const script = [
    `CREATE DATABASE IF NOT EXISTS ${project.config.database}`,
    substituteVariables(ddl.sql, projectVariables(project.config, project.stage)),
    `INSERT INTO crm_data VALUES ${rows.join(', ')}`,
  ].join(';\n');
  const io = capture(root);
  expect(await main(['sql', '-e', script], io)).toBe(0);
  return root;
}

describe('lake alert', () => {
  it('--dry-run shows what would be sent and changes nothing', async () => {
    const root = await p1Project();
    const io = capture(root);
    const code = await main(['alert', 'p1_negative_interactions', '--at', '2025-03-10 11:00', '--record', '--dry-run'], io);
    expect(io.err).toBe('');
    expect(code).toBe(0);
    expect(io.out).toBe(
      [
        'p1_negative_interactions at 2025-03-10 11:00:00.000 UTC (window from 2025-03-10 10:00:00.000) [dry run]',
        '  firing: count = 11',
        `  would send (firing, critical): ${MESSAGE}`,
        '    → console',
        `    → file ${join(root, '.lake', '.alerts', 'notifications.jsonl')}`,
        '',
      ].join('\n'),
    );
    // Nothing was sent: a real run afterwards still fires.
    const real = capture(root);
    await main(['alert', '--record', '--at', '2025-03-10T11:00:00Z'], real);
    expect(real.out).toContain(`notice (firing, critical): ${MESSAGE}`);
  });

  it('sends, dedupes inside the cooldown, and leaves alert_history queryable with lake sql', async () => {
    const root = await p1Project();
    const first = capture(root);
    expect(await main(['alert', '--record', '--at', '2025-03-10T11:00:00Z'], first)).toBe(0);
    expect(first.out).toContain(`2025-03-10T11:00:00.000Z [CRITICAL] p1_negative_interactions: ${MESSAGE}\n`);
    expect(first.out).toContain('    console: delivered\n    file: delivered\n');

    const second = capture(root);
    expect(await main(['alert', '--record', '--at', '2025-03-10T11:05:00Z'], second)).toBe(0);
    expect(second.out).toContain('firing: count = 11 (notified already, inside the cooldown)');
    expect(second.out).not.toContain('[CRITICAL]');

    const file = readFileSync(join(root, '.lake', '.alerts', 'notifications.jsonl'), 'utf8')
      .trim()
      .split('\n');
    expect(file.map((l) => JSON.parse(l).message)).toEqual([MESSAGE]);

    const sql = capture(root);
    expect(
      await main(
        ['sql', '--format', 'json', '-e', 'SELECT alert, evaluated_at, status, fired, delivery, message FROM alert_history ORDER BY evaluated_at'],
        sql,
      ),
    ).toBe(0);
    expect(JSON.parse(sql.out).rows).toEqual([
      ['p1_negative_interactions', '2025-03-10 11:00:00.000', 'firing', true, 'delivered', MESSAGE],
      ['p1_negative_interactions', '2025-03-10 11:05:00.000', 'firing', false, 'suppressed', null],
    ]);
  });

  it('--format json prints one report per alert, console notices going to stderr', async () => {
    const root = await p1Project();
    const io = capture(root);
    await main(['alert', '--record', '--at', '2025-03-10T11:00:00Z', '--format', 'json'], io);
    const report = JSON.parse(io.out);
    expect(report).toMatchObject({ alert: 'p1_negative_interactions', at: '2025-03-10T11:00:00.000Z', notices: [{ message: MESSAGE }] });
    expect(io.err).toContain('[CRITICAL]');
  });

  it('--at without --record shows what held then and changes nothing: no notice, no state, no alert_history', async () => {
    const root = await p1Project();
    // Firing now (recorded at 11:00); then a look at 09:00, when it did not hold.
    expect(await main(['alert', '--record', '--at', '2025-03-10T11:00:00Z'], capture(root))).toBe(0);
    const stateFile = join(root, '.lake', '.state', 'alerts.json');
    const notifications = join(root, '.lake', '.alerts', 'notifications.jsonl');
    const before = [readFileSync(stateFile, 'utf8'), readFileSync(notifications, 'utf8')];
    const past = capture(root);
    expect(await main(['alert', 'p1_negative_interactions', '--at', '2025-03-10T09:00:00Z'], past)).toBe(0);
    expect(past.out).toBe(
      'p1_negative_interactions at 2025-03-10 09:00:00.000 UTC (window from 2025-03-10 08:00:00.000) ' +
        '[past time: what held then; live state unchanged, nothing sent or recorded; --record applies it]\n  ok: count = 0\n',
    );
    expect([readFileSync(stateFile, 'utf8'), readFileSync(notifications, 'utf8')]).toEqual(before);
    const history = capture(root);
    expect(await main(['sql', '--format', 'csv', '-e', 'SELECT evaluated_at FROM alert_history'], history)).toBe(0);
    expect(history.out).toBe('evaluated_at\n2025-03-10 11:00:00.000\n');
    const bad = capture(root);
    expect(await main(['alert', '--record'], bad)).toBe(2);
  });

  it('names an unknown alert and a bad --at', async () => {
    const root = await p1Project();
    const unknown = capture(root);
    expect(await main(['alert', 'nope'], unknown)).toBe(1);
    expect(unknown.err).toMatch(/no alert named nope \(alerts: p1_negative_interactions\)/);
    const badTime = capture(root);
    expect(await main(['alert', '--at', 'yesterday'], badTime)).toBe(2);
    expect(badTime.err).toMatch(/--at 'yesterday' is not a time/);
  });
});

describe('lake schedule --once', () => {
  it('starts the schedule on first run, then runs missed hours up to --catch-up', async () => {
    const root = await p1Project();
    const first = capture(root);
    expect(await main(['schedule', '--once'], first)).toBe(0);
    expect(first.err).toMatch(/scheduling alert:p1_negative_interactions \(rate\(1 hour\)\)/);
    expect(first.err).toMatch(/alert:p1_negative_interactions: first start, scheduled from/);
    expect(first.out).toBe('');

    // Pretend the scheduler last ran on 2025-03-10 at 09:00 (it was down since): the restart catches up.
    const statePath = join(root, '.lake', '.state', 'scheduler.json');
    const state = JSON.parse(readFileSync(statePath, 'utf8'));
    state.items['scheduler/alert:p1_negative_interactions'].value.lastFireTime = '2025-03-10T09:00:00.000Z';
    const { writeFileSync } = await import('node:fs');
    writeFileSync(statePath, JSON.stringify(state));

    const again = capture(root);
    expect(await main(['schedule', '--once', '--catch-up', '2'], again)).toBe(0);
    expect(again.err).toMatch(/skipped \d+ missed fire time\(s\) 2025-03-10 10:00:00.000 UTC/);
    // Three runs: two catch-up hours (recorded, not announced) and the current one; all after the data: nothing fires.
    expect(again.out.match(/^p1_negative_interactions at /gm)).toHaveLength(3);
    expect(again.out.match(/\[catch-up: applied to the state, notices not sent; the latest fire time speaks for now\]$/gm)).toHaveLength(2);
  });
});
