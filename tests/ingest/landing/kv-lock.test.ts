// The AWS P2 lock behind the same interface as the lock file: a conditional put on a key-value store (here the JSON-file
// store, the same putIf contract DynamoDB's ConditionExpression implements).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JsonFileKeyValueStore } from '../../../src/storage/kv-store/json-file.js';
import { ManualClock } from '../../../src/ingest/clock.js';
import { KeyValueLock } from '../../../src/ingest/landing/kv-lock.js';

const HOUR = 3_600_000;
let dir: string;
let store: JsonFileKeyValueStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kv-lock-'));
  store = new JsonFileKeyValueStore(join(dir, 'locks.json'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('KeyValueLock', () => {
  it('lets exactly one of two concurrent runs take it', async () => {
    const [a, b] = await Promise.all([
      new KeyValueLock(store, { key: 'p2', token: 'a' }).tryAcquire(),
      new KeyValueLock(store, { key: 'p2', token: 'b' }).tryAcquire(),
    ]);
    expect([a.acquired, b.acquired].filter(Boolean)).toHaveLength(1);
    const loser = a.acquired ? b : a;
    expect(loser.acquired ? undefined : loser.heldBy?.token).toBe(a.acquired ? 'a' : 'b');
  });

  it('is released by its token only, from another invocation', async () => {
    await new KeyValueLock(store, { key: 'p2', token: 'run-1' }).tryAcquire();
    const other = new KeyValueLock(store, { key: 'p2' });
    expect(await other.releaseToken('run-2')).toBe(false);
    expect((await other.holder())?.token).toBe('run-1');
    expect(await other.releaseToken('run-1')).toBe(true);
    expect(await other.holder()).toBeUndefined();
    expect((await new KeyValueLock(store, { key: 'p2', token: 'run-3' }).tryAcquire()).acquired).toBe(true);
  });

  it('takes over a lock left by a run that died, once it is stale', async () => {
    const clock = new ManualClock(Date.UTC(2025, 0, 1));
    await new KeyValueLock(store, { key: 'p2', token: 'dead', clock }).tryAcquire();
    clock.advance(HOUR);
    expect((await new KeyValueLock(store, { key: 'p2', token: 'new', clock, staleAfterMs: 2 * HOUR }).tryAcquire()).acquired).toBe(false);
    clock.advance(2 * HOUR);
    const attempt = await new KeyValueLock(store, { key: 'p2', token: 'new', clock, staleAfterMs: 2 * HOUR }).tryAcquire();
    expect(attempt).toMatchObject({ acquired: true, brokeStale: { token: 'dead' } });
  });
});
