import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notifierFactory } from '../../src/alerts/channels.js';
import type { AlertDefinition } from '../../src/alerts/definition.js';
import { runAlert, type AlertRunDependencies } from '../../src/alerts/service.js';
import type { Notice } from '../../src/alerts/state.js';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { JsonFileKeyValueStore } from '../../src/storage/kv-store/json-file.js';
import { addInteractions, crmEngine, p1Alert, tempDir } from './helpers.js';

const MESSAGE = (n: number) => `Alert: ${n} negative interactions (rating <= 2) detected in the last hour`;

describe('P1 negative interactions alert', () => {
  let engine: AthenaLocalEngine;
  let alert: AlertDefinition;
  let deps: AlertRunDependencies;
  let consoleText: string;
  let notificationsFile: string;

  beforeEach(async () => {
    engine = await crmEngine();
    alert = await p1Alert();
    const dir = tempDir();
    consoleText = '';
    notificationsFile = join(dir, 'notifications.jsonl');
    deps = {
      engine,
      variables: { lake_bucket: 'lakehouse-local' },
      state: new JsonFileKeyValueStore(join(dir, 'state.json')),
      notifierFor: notifierFactory({
        variables: {},
        writeConsole: (text) => (consoleText += text),
        defaultFile: notificationsFile,
        baseDir: dir,
      }),
    };
  });
  afterEach(async () => engine.close());

  const fileNotices = (): Notice[] =>
    readFileSync(notificationsFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Notice);

  it('is defined as the seed says: hourly, count > 10, critical, with recovery', () => {
    expect(alert.schedule).toEqual({ kind: 'rate', minutes: 60, expression: 'rate(1 hour)' });
    expect(alert.condition.text).toBe('count > 10');
    expect(alert.message).toBe('Alert: {count} negative interactions (rating <= 2) detected in the last hour');
    expect(alert.severity).toBe('critical');
  });

  it('fires at 11 negative ratings in the last hour, on every channel, with the seed message', async () => {
    await addInteractions(engine, '2025-03-10T10:15:00Z', [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 3, 4, 5]);
    const report = await runAlert(alert, deps, { at: new Date('2025-03-10T11:00:00Z') });
    expect(report.evaluation).toMatchObject({ ok: true, rowCount: 1 });
    expect(report.notices.map((n) => [n.kind, n.message])).toEqual([['firing', MESSAGE(11)]]);
    expect(report.deliveries.map((d) => [d.channel, d.ok])).toEqual([
      ['console', true],
      ['file', true],
    ]);
    expect(report.pending).toEqual([]);
    expect(consoleText).toBe(`2025-03-10T11:00:00.000Z [CRITICAL] p1_negative_interactions: ${MESSAGE(11)}\n`);
    expect(fileNotices()).toMatchObject([{ alert: 'p1_negative_interactions', kind: 'firing', message: MESSAGE(11), values: { count: 11 } }]);
  });

  it('does not fire at 10', async () => {
    await addInteractions(engine, '2025-03-10T10:15:00Z', [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 3, 4, 5]);
    const report = await runAlert(alert, deps, { at: new Date('2025-03-10T11:00:00Z') });
    expect(report.outcomes).toEqual([{ key: '', status: 'ok', suppressed: false, values: { count: 10 } }]);
    expect(report.notices).toEqual([]);
    expect(consoleText).toBe('');
  });

  it('counts only the hour before the evaluation time, so a past hour is reproducible', async () => {
    await addInteractions(engine, '2025-03-10T09:59:59Z', Array(20).fill(1));
    await addInteractions(engine, '2025-03-10T10:30:00Z', Array(12).fill(2));
    await addInteractions(engine, '2025-03-10T11:00:00Z', Array(20).fill(1));
    const at = new Date('2025-03-10T11:00:00Z');
    const first = await runAlert(alert, deps, { at, dryRun: true });
    expect(first.notices.map((n) => n.message)).toEqual([MESSAGE(12)]);
    // Later data elsewhere does not change the answer for that hour.
    await addInteractions(engine, '2025-03-10T12:10:00Z', Array(30).fill(1));
    const again = await runAlert(alert, deps, { at, dryRun: true });
    expect(again.notices.map((n) => n.message)).toEqual([MESSAGE(12)]);
  });

  it('fires once across three consecutive evaluations inside the cooldown, and sends a recovery notice', async () => {
    await addInteractions(engine, '2025-03-10T10:05:00Z', Array(11).fill(1));
    await addInteractions(engine, '2025-03-10T10:35:00Z', Array(11).fill(1));
    const at = ['2025-03-10T10:30:00Z', '2025-03-10T10:45:00Z', '2025-03-10T11:00:00Z'];
    const reports = [];
    for (const t of at) reports.push(await runAlert(alert, deps, { at: new Date(t) }));
    expect(reports.map((r) => r.outcomes[0].status)).toEqual(['firing', 'firing', 'firing']);
    expect(reports.map((r) => r.notices.length)).toEqual([1, 0, 0]);
    expect(reports.map((r) => r.outcomes[0].suppressed)).toEqual([false, true, true]);
    expect(fileNotices()).toHaveLength(1);

    // The next hour is quiet: the alert recovers and says so (recovery: true).
    const quiet = await runAlert(alert, deps, { at: new Date('2025-03-10T12:00:00Z') });
    expect(quiet.notices).toMatchObject([{ kind: 'recovery', severity: 'info', message: "Resolved: p1_negative_interactions: 'count > 10' no longer holds" }]);
    expect(fileNotices().map((n) => n.kind)).toEqual(['firing', 'recovery']);
  });

  it('reminds once the cooldown has passed while the condition still holds', async () => {
    await addInteractions(engine, '2025-03-10T10:30:00Z', Array(11).fill(1));
    await addInteractions(engine, '2025-03-10T11:30:00Z', Array(11).fill(1));
    const first = await runAlert(alert, deps, { at: new Date('2025-03-10T11:00:00Z') });
    const second = await runAlert(alert, deps, { at: new Date('2025-03-10T12:00:00Z') });
    expect([...first.notices, ...second.notices].map((n) => n.kind)).toEqual(['firing', 'reminder']);
  });
});
