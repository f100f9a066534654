import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AlertHistoryWriter, alertHistoryLocation, ensureAlertHistoryTable } from '../../src/alerts/history.js';
import { runAlert, type AlertRunDependencies } from '../../src/alerts/service.js';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { JsonFileKeyValueStore } from '../../src/storage/kv-store/json-file.js';
import { LocalObjectStore } from '../../src/storage/object-store/index.js';
import { MemoryNotifier, ScriptedEngine, tempDir, testAlert } from './helpers.js';

describe('alert_history', () => {
  it('records every evaluation as NDJSON under system/alert_history/dt=…, queryable as a table', async () => {
    const lake = tempDir('alerts-history-');
    const location = alertHistoryLocation('lakehouse-local');
    const memory = new MemoryNotifier();
    memory.failuresLeft = 1;
    const engine = new ScriptedEngine(ScriptedEngine.rows(['n'], [[11]]));
    const deps: AlertRunDependencies = {
      engine,
      variables: {},
      state: new JsonFileKeyValueStore(join(lake, '.state', 'alerts.json')),
      notifierFor: () => memory,
      history: new AlertHistoryWriter(new LocalObjectStore(lake), location),
      now: () => new Date('2025-03-10T11:00:05Z'),
      newId: (() => {
        let n = 0;
        return () => `e${++n}`;
      })(),
    };
    const alert = testAlert({ alert: { condition: 'n > 10', message: '{n} bad' } });
    const first = await runAlert(alert, deps, { at: new Date('2025-03-10T11:00:00Z') }); // channel down: pending
    const second = await runAlert(alert, deps, { at: new Date('2025-03-10T11:15:00Z') }); // suppressed, queued one delivered
    engine.answer = new Error('HIVE_CURSOR_ERROR: boom');
    await runAlert(alert, deps, { at: new Date('2025-03-11T00:00:00Z') });
    expect(first.historyUri).toBe('s3://lakehouse-local/system/alert_history/dt=2025-03-10/20250310110000000-test_alert-e1.json');
    expect(second.historyError).toBeUndefined();
    const folder = join(lake, 'lakehouse-local', 'system', 'alert_history');
    expect(readdirSync(folder)).toEqual(['dt=2025-03-10', 'dt=2025-03-11']);
    const firstLine = JSON.parse(readFileSync(join(folder, 'dt=2025-03-10', '20250310110000000-test_alert-e1.json'), 'utf8'));
    expect(firstLine).toMatchObject({ status: 'firing', fired: true, delivery: 'pending', value: '{"n":11}', evaluated_at: '2025-03-10 11:00:00.000' });

    const local = await AthenaLocalEngine.open({ lakeRoot: lake, inMemory: true });
    try {
      await ensureAlertHistoryTable(local, location);
      await ensureAlertHistoryTable(local, location); // idempotent
      const result = await local.execute('SELECT dt, evaluated_at, status, fired, notice, delivery, error FROM alert_history ORDER BY evaluated_at, status');
      expect(result.rows).toEqual([
        ['2025-03-10', '2025-03-10 11:00:00.000', 'firing', true, 'firing', 'pending', null],
        ['2025-03-10', '2025-03-10 11:15:00.000', 'firing', false, null, 'suppressed', null],
        ['2025-03-10', '2025-03-10 11:15:00.000', 'redelivery', true, 'firing', 'delivered', null],
        ['2025-03-11', '2025-03-11 00:00:00.000', 'error', true, 'evaluation_failed', 'delivered', expect.stringMatching(/HIVE_CURSOR_ERROR: boom/)],
      ]);
    } finally {
      await local.close();
    }
  });
});
