import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluationWindow } from '../../src/alerts/definition.js';
import { runAlert, type AlertRunDependencies } from '../../src/alerts/service.js';
import { JsonFileKeyValueStore } from '../../src/storage/kv-store/json-file.js';
import { parseSchedule } from '../../src/project/schedule.js';
import { crmEngine, MemoryNotifier, ScriptedEngine, tempDir, testAlert } from './helpers.js';

function deps(engine: AlertRunDependencies['engine']) {
  const memory = new MemoryNotifier();
  const d: AlertRunDependencies = {
    engine,
    variables: {},
    state: new JsonFileKeyValueStore(join(tempDir(), 'state.json')),
    notifierFor: () => memory,
  };
  return { deps: d, memory };
}

describe('alert evaluation', () => {
  it('a broken alert query produces an evaluation-failed notice naming the file, not silence', async () => {
    const engine = await crmEngine();
    try {
      const alert = testAlert({ name: 'broken', sql: 'SELECT count(*) AS n FROM no_such_table' });
      const { deps: d, memory } = deps(engine);
      const report = await runAlert(alert, d, { at: new Date('2025-03-10T11:00:00Z') });
      expect(report.evaluation.ok).toBe(false);
      expect(memory.sent).toHaveLength(1);
      expect(memory.sent[0]).toMatchObject({ kind: 'evaluation_failed', alert: 'broken' });
      // The position is the table's in the file (the body starts on line 10), not in the SQL the engine ran.
      expect(memory.sent[0].message).toMatch(/^Alert evaluation failed: broken: sql\/alerts\/broken\.sql:10:27: .*no_such_table/);
      // Still broken ten minutes later: inside the cooldown, no second notice.
      await runAlert(alert, d, { at: new Date('2025-03-10T11:10:00Z') });
      expect(memory.sent).toHaveLength(1);
    } finally {
      await engine.close();
    }
  });

  it('an unknown column in the condition is an evaluation failure too', async () => {
    const alert = testAlert({ alert: { condition: 'cnt > 1' } });
    const { deps: d, memory } = deps(new ScriptedEngine(ScriptedEngine.rows(['n'], [[5]])));
    const report = await runAlert(alert, d, { at: new Date('2025-03-10T11:00:00Z') });
    expect(report.evaluation).toMatchObject({ ok: false, error: expect.stringMatching(/reads 'cnt', which is not a column of the result \(columns: n\)/) });
    expect(memory.sent.map((n) => n.kind)).toEqual(['evaluation_failed']);
  });

  it('binds ${now} and ${window_start} as TIMESTAMP literals of the evaluation window', async () => {
    const engine = new ScriptedEngine(ScriptedEngine.rows(['n'], [[0]]));
    const alert = testAlert({ sql: 'SELECT count(*) AS n FROM t WHERE ts >= ${window_start} AND ts < ${now}' });
    await runAlert(alert, deps(engine).deps, { at: new Date('2025-03-10T11:00:00Z'), dryRun: true });
    expect(engine.queries).toEqual([
      "SELECT count(*) AS n FROM t WHERE ts >= TIMESTAMP '2025-03-10 10:00:00.000' AND ts < TIMESTAMP '2025-03-10 11:00:00.000'",
    ]);
  });

  it('the window is one schedule interval', () => {
    const at = new Date('2025-03-10T02:00:00Z');
    const start = (expression?: string) => evaluationWindow({ schedule: expression ? parseSchedule(expression) : undefined }, at).windowStart.toISOString();
    expect(start('rate(15 minutes)')).toBe('2025-03-10T01:45:00.000Z');
    expect(start('cron(0 2 * * ? *)')).toBe('2025-03-09T02:00:00.000Z');
    expect(start()).toBe('2025-03-10T01:00:00.000Z');
    // Weekdays only: Monday's run looks back to Friday's.
    expect(evaluationWindow({ schedule: parseSchedule('0 2 * * 1-5') }, at).windowStart.toISOString()).toBe('2025-03-07T02:00:00.000Z');
  });

  it('"any row returned" with rows > 0', async () => {
    const alert = testAlert({ alert: { condition: 'rows > 0', message: '{rows} late feeds, first: {feed}' } });
    const engine = new ScriptedEngine(ScriptedEngine.rows(['feed'], [['crm'], ['orders']]));
    const { deps: d, memory } = deps(engine);
    await runAlert(alert, d, { at: new Date('2025-03-10T11:00:00Z') });
    expect(memory.sent.map((n) => n.message)).toEqual(['2 late feeds, first: crm']);
    // The condition reads only the values it carries: the engine may run it without its catalog.
    expect(engine.conditionOptions).toEqual([expect.objectContaining({ readsNoTables: true })]);
    const empty = deps(new ScriptedEngine(ScriptedEngine.rows(['feed'], [])));
    await runAlert(alert, empty.deps, { at: new Date('2025-03-10T11:00:00Z') });
    expect(empty.memory.sent).toEqual([]);
  });

  it('per-row alerts fire and recover per key', async () => {
    const engine = new ScriptedEngine(
      ScriptedEngine.rows(
        ['channel', 'failures'],
        [
          ['email', 12],
          ['phone', 3],
          ['chat', 20],
        ],
      ),
    );
    const alert = testAlert({ alert: { condition: 'failures > 10', key: 'channel', message: '{failures} failures on {key}', recovery: true } });
    const { deps: d, memory } = deps(engine);
    await runAlert(alert, d, { at: new Date('2025-03-10T11:00:00Z') });
    expect(memory.sent.map((n) => [n.kind, n.key, n.message])).toEqual([
      ['firing', 'email', '12 failures on email'],
      ['firing', 'chat', '20 failures on chat'],
    ]);
    engine.answer = ScriptedEngine.rows(
      ['channel', 'failures'],
      [
        ['email', 15],
        ['phone', 11],
      ],
    );
    memory.sent = [];
    await runAlert(alert, d, { at: new Date('2025-03-10T11:30:00Z') });
    expect(memory.sent.map((n) => [n.kind, n.key])).toEqual([
      ['firing', 'phone'],
      ['recovery', 'chat'],
    ]);
  });

  it('a dry run decides but changes nothing', async () => {
    const alert = testAlert();
    const { deps: d, memory } = deps(new ScriptedEngine(ScriptedEngine.rows(['n'], [[1]])));
    const dry = await runAlert(alert, d, { at: new Date('2025-03-10T11:00:00Z'), dryRun: true });
    expect(dry.notices).toHaveLength(1);
    expect(memory.sent).toEqual([]);
    expect(await d.state.get('alert/test_alert')).toBeUndefined();
    const real = await runAlert(alert, d, { at: new Date('2025-03-10T11:00:00Z') });
    expect(real.notices).toHaveLength(1);
  });
});
