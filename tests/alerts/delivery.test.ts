import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { notifierFactory } from '../../src/alerts/channels.js';
import type { Notifier } from '../../src/alerts/notifiers/notifier.js';
import { WebhookNotifier } from '../../src/alerts/notifiers/webhook.js';
import { runAlert, type AlertRunDependencies } from '../../src/alerts/service.js';
import { alertStateKey, type AlertState } from '../../src/alerts/state.js';
import { JsonFileKeyValueStore } from '../../src/storage/kv-store/json-file.js';
import { ScriptedEngine, tempDir, testAlert, webhookServer } from './helpers.js';

const noWait = async () => undefined;
const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function setUp(script: number[]) {
  const server = await webhookServer(script);
  servers.push(server);
  const dir = tempDir();
  const alert = testAlert({ alert: { condition: 'n > 10', message: '{n} bad things', channels: ['webhook:${oncall_url}'] } });
  const engine = new ScriptedEngine(ScriptedEngine.rows(['n'], [[11]]));
  const state = new JsonFileKeyValueStore(join(dir, 'state.json'));
  const deps: AlertRunDependencies = {
    engine,
    variables: { oncall_url: server.url },
    state,
    notifierFor: notifierFactory({
      variables: { oncall_url: server.url },
      writeConsole: () => undefined,
      defaultFile: join(dir, 'n.jsonl'),
      baseDir: dir,
      webhook: { sleep: noWait, retry: { maxAttempts: 3 } },
    }),
  };
  return { server, alert, engine, state, deps };
}

describe('webhook delivery', () => {
  it('retries an endpoint that fails twice and delivers exactly once', async () => {
    const { server, alert, deps } = await setUp([503, 500]);
    const report = await runAlert(alert, deps, { at: new Date('2025-03-10T11:00:00Z') });
    expect(server.requests.map((r) => r.status)).toEqual([503, 500, 200]);
    expect(report.deliveries).toMatchObject([{ channel: 'webhook:${oncall_url}', ok: true }]);
    expect(report.pending).toEqual([]);
    // Same notice each attempt, carrying its id for receivers that dedupe.
    const ids = new Set(server.requests.map((r) => r.headers['idempotency-key']));
    expect([...ids]).toEqual([report.notices[0].id]);
    expect(server.requests[2].body).toMatchObject({ alert: 'test_alert', kind: 'firing', message: '11 bad things', values: { n: 11 } });

    // A later run inside the cooldown sends nothing more.
    await runAlert(alert, deps, { at: new Date('2025-03-10T11:10:00Z') });
    expect(server.requests.filter((r) => r.status === 200)).toHaveLength(1);
  });

  it('keeps the notice when the endpoint is down and delivers it on the next run', async () => {
    const { server, alert, deps, state } = await setUp([503, 503, 503]);
    const down = await runAlert(alert, deps, { at: new Date('2025-03-10T11:00:00Z') });
    expect(down.deliveries).toMatchObject([{ ok: false, error: expect.stringMatching(/HTTP 503.*after 3 attempts/) }]);
    expect(down.pending).toMatchObject([{ attempts: 1, notice: { message: '11 bad things' } }]);
    expect((await state.get<AlertState>(alertStateKey('test_alert')))?.value.pending).toHaveLength(1);

    // Next run: still firing inside the cooldown (no new notice), but the queued one goes out.
    const next = await runAlert(alert, deps, { at: new Date('2025-03-10T11:15:00Z') });
    expect(next.notices).toEqual([]);
    expect(next.deliveries).toMatchObject([{ ok: true, carriedOver: true, notice: { id: down.notices[0].id } }]);
    expect(next.pending).toEqual([]);
    const delivered = server.requests.filter((r) => r.status === 200);
    expect(delivered).toHaveLength(1);
    expect(delivered[0].body).toMatchObject({ id: down.notices[0].id, message: '11 bad things' });
  });

  it('does not retry a request the endpoint rejects as wrong (4xx), and keeps it pending', async () => {
    const { server, alert, deps } = await setUp([400]);
    const report = await runAlert(alert, deps, { at: new Date('2025-03-10T11:00:00Z') });
    expect(server.requests).toHaveLength(1);
    expect(report.pending).toMatchObject([{ lastError: expect.stringMatching(/HTTP 400/) }]);
  });

  it('gives up an attempt after its timeout', async () => {
    // A server that accepts the request and never answers: the attempt must time out, not hang.
    const { createServer } = await import('node:http');
    const hanging = createServer(() => undefined);
    await new Promise<void>((done) => hanging.listen(0, '127.0.0.1', done));
    servers.push({
      close: () =>
        new Promise<void>((done) => {
          hanging.closeAllConnections();
          hanging.close(() => done());
        }),
    });
    const { port } = hanging.address() as { port: number };
    const notifier = new WebhookNotifier({ url: `http://127.0.0.1:${port}/`, timeoutMs: 50, retry: { maxAttempts: 2 }, sleep: noWait });
    const notice = {
      id: 'x',
      alert: 'a',
      key: null,
      kind: 'firing' as const,
      severity: 'info' as const,
      message: 'm',
      at: '',
      windowStart: '',
      file: 'f',
      values: {},
    };
    await expect(notifier.send(notice)).rejects.toThrow(/timed out after 2 attempts/);
  });

  it('reports only the origin of a webhook URL (paths often hold tokens)', () => {
    expect(new WebhookNotifier({ url: 'https://hooks.slack.com/services/T000/B000/SECRET' }).target).toBe('webhook https://hooks.slack.com');
  });
});

describe('crash safety of the outbox', () => {
  it('a crash between committing the decision and delivering loses nothing: the next run sends it once', async () => {
    const { server, alert, deps, state } = await setUp([]);
    const crashingNotifier: Notifier = {
      target: 'crash',
      send: async () => {
        throw new Error('process killed before the request left');
      },
    };
    // Run 1 "crashes" at delivery: the decision and the outbox entry are already committed.
    await runAlert(alert, { ...deps, notifierFor: () => crashingNotifier }, { at: new Date('2025-03-10T11:00:00Z') });
    expect((await state.get<AlertState>(alertStateKey('test_alert')))?.value.pending).toHaveLength(1);
    expect(server.requests).toHaveLength(0);

    await runAlert(alert, deps, { at: new Date('2025-03-10T11:20:00Z') });
    await runAlert(alert, deps, { at: new Date('2025-03-10T11:40:00Z') });
    expect(server.requests).toHaveLength(1);
  });

  it('a crash after sending but before the outbox is cleared re-sends at most once, with the same id', async () => {
    const { server, alert, deps, state } = await setUp([]);
    // The state store dies right after the delivery (the write that clears the outbox fails).
    let writes = 0;
    const dyingStore = {
      get: state.get.bind(state),
      put: state.put.bind(state),
      delete: state.delete.bind(state),
      putIf: async (key: string, value: unknown, expected: number | undefined) => {
        if (++writes === 2) throw new Error('killed');
        return state.putIf(key, value, expected);
      },
    };
    await expect(runAlert(alert, { ...deps, state: dyingStore }, { at: new Date('2025-03-10T11:00:00Z') })).rejects.toThrow(
      /notices were sent but the outbox could not be updated/,
    );
    expect(server.requests).toHaveLength(1);
    await runAlert(alert, deps, { at: new Date('2025-03-10T11:20:00Z') });
    await runAlert(alert, deps, { at: new Date('2025-03-10T11:40:00Z') });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0].headers['idempotency-key']).toBe(server.requests[1].headers['idempotency-key']);
  });
});
