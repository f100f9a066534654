// Alerts never lie about now. A past time evaluated on demand (`lake alert --at`) is shown, not applied: the live
// state, notices and alert_history change only with --record. Scheduler catch-up applies the missed fire times to the
// history in order but announces nothing for them and leaves the state as last announced: the evaluation for the
// latest fire time speaks for now.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAlert, type AlertRunDependencies } from '../../src/alerts/service.js';
import { alertStateKey } from '../../src/alerts/state.js';
import { JsonFileKeyValueStore } from '../../src/storage/kv-store/json-file.js';
import { MemoryNotifier, ScriptedEngine, tempDir, testAlert } from './helpers.js';

function setup() {
  const engine = new ScriptedEngine(ScriptedEngine.rows(['n'], [[11]]));
  const memory = new MemoryNotifier();
  const state = new JsonFileKeyValueStore(join(tempDir(), 'state.json'));
  const deps: AlertRunDependencies = { engine, variables: {}, state, notifierFor: () => memory };
  const alert = testAlert({ alert: { condition: 'n > 10', recovery: true, cooldown: '1h' } });
  const stored = async () => (await state.get(alertStateKey(alert.name)))?.value;
  const answer = (n: number) => (engine.answer = ScriptedEngine.rows(['n'], [[n]]));
  return { deps, memory, alert, answer, stored };
}

const at = (time: string) => new Date(`2025-03-10T${time}:00Z`);

describe('evaluating a past time', () => {
  it('--at without --record: what held then, from an empty state; no notice, no state change (no false "Resolved")', async () => {
    const { deps, memory, alert, answer, stored } = setup();
    await runAlert(alert, deps, { at: at('11:00') });
    expect(memory.sent.map((n) => n.kind)).toEqual(['firing']);
    const before = await stored();
    expect(before).toMatchObject({ firing: { '': { since: '2025-03-10T11:00:00.000Z' } } });
    answer(0);
    const report = await runAlert(alert, deps, { at: at('09:00'), past: true });
    expect(report.past).toBe(true);
    expect(report.outcomes.map((o) => o.status)).toEqual(['ok']);
    expect(report.notices).toEqual([]);
    expect(memory.sent.map((n) => n.kind)).toEqual(['firing']);
    expect(await stored()).toEqual(before);
    // And a past time when it did hold says so, still without sending.
    answer(12);
    const then = await runAlert(alert, deps, { at: at('08:00'), past: true });
    expect(then.outcomes.map((o) => o.status)).toEqual(['firing']);
    expect(then.notices.map((n) => n.kind)).toEqual(['firing']);
    expect(memory.sent).toHaveLength(1);
  });

  it('catch-up evaluates the missed times in order without announcing them; the latest fire time announces what holds now', async () => {
    const { deps, memory, alert, answer } = setup();
    await runAlert(alert, deps, { at: at('08:00') });
    expect(memory.sent.map((n) => n.kind)).toEqual(['firing']);
    // Down from 08:00; on restart: 09:00 (stopped holding) and 10:00 (holds again) are catch-up, 11:00 is on time.
    answer(0);
    const nine = await runAlert(alert, deps, { at: at('09:00'), catchUp: true });
    expect(nine.catchUp).toBe(true);
    expect(nine.outcomes.map((o) => o.status)).toEqual(['ok']);
    answer(12);
    await runAlert(alert, deps, { at: at('10:00'), catchUp: true });
    expect(memory.sent.map((n) => n.kind)).toEqual(['firing']);
    const eleven = await runAlert(alert, deps, { at: at('11:00') });
    // No stale "Resolved" from 09:00 nor "firing" from 10:00: at 11:00 it still holds, as users were told at 08:00.
    expect(eleven.notices.map((n) => n.kind)).toEqual(['reminder']);
    expect(memory.sent.map((n) => `${n.kind}@${n.at}`)).toEqual(['firing@2025-03-10T08:00:00.000Z', 'reminder@2025-03-10T11:00:00.000Z']);
  });

  it('catch-up leaves the state as announced: a key that stopped holding during the outage is resolved by the on-time run, once', async () => {
    const { deps, memory, alert, answer, stored } = setup();
    await runAlert(alert, deps, { at: at('08:00') });
    const announced = await stored();
    answer(0);
    await runAlert(alert, deps, { at: at('09:00'), catchUp: true });
    expect(await stored()).toEqual({ ...announced!, lastEvaluatedAt: '2025-03-10T09:00:00.000Z' });
    expect(memory.sent.map((n) => n.kind)).toEqual(['firing']);
    await runAlert(alert, deps, { at: at('10:00') });
    expect(memory.sent.map((n) => `${n.kind}@${n.at}`)).toEqual(['firing@2025-03-10T08:00:00.000Z', 'recovery@2025-03-10T10:00:00.000Z']);
  });

  it('a key that started firing during the outage gets its firing notice from the on-time run', async () => {
    const { deps, memory, alert, answer } = setup();
    answer(0);
    await runAlert(alert, deps, { at: at('08:00') });
    answer(12);
    await runAlert(alert, deps, { at: at('09:00'), catchUp: true });
    await runAlert(alert, deps, { at: at('10:00') });
    expect(memory.sent.map((n) => `${n.kind}@${n.at}`)).toEqual(['firing@2025-03-10T10:00:00.000Z']);
  });
});
