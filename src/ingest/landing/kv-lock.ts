// The P2 run lock on a KeyValueStore (DynamoDB on AWS): taking it is a conditional put that succeeds only when the key
// is absent, or when the holder is stale and still the one we read (version check), so of two runs at most one wins.
// Steps of one Step Functions execution run in different invocations, so the lock is released by its token
// (`releaseToken`) rather than through the HeldLock of the invocation that took it.
import { randomUUID } from 'node:crypto';
import type { KeyValueStore } from '../../storage/kv-store/key-value-store.js';
import { systemClock, type Clock } from '../clock.js';
import type { LockAttempt, LockOwner, RunLock } from './pipeline-lock.js';

export interface KeyValueLockOptions {
  /** Item key, e.g. `p2-pipeline`. */
  key: string;
  /** A lock older than this was left by a run that died (default 2 h, as the lock file). */
  staleAfterMs?: number;
  /** Who takes it (`host`), e.g. the function name; the token defaults to a random UUID. */
  host?: string;
  token?: string;
  clock?: Clock;
}

export class KeyValueLock implements RunLock {
  private readonly clock: Clock;

  constructor(
    private readonly store: KeyValueStore,
    private readonly options: KeyValueLockOptions,
  ) {
    this.clock = options.clock ?? systemClock;
  }

  async tryAcquire(): Promise<LockAttempt> {
    const owner: LockOwner = { pid: process.pid, host: this.options.host ?? 'aws', takenAt: this.clock.now(), token: this.options.token ?? randomUUID() };
    const current = await this.store.get<LockOwner>(this.options.key);
    if (current && !this.isStale(current.value)) return { acquired: false, heldBy: current.value };
    const version = await this.store.putIf(this.options.key, owner, current?.version);
    if (version === undefined) return { acquired: false, heldBy: await this.holder() };
    return {
      acquired: true,
      lock: { owner, release: async () => void (await this.releaseToken(owner.token)) },
      ...(current ? { brokeStale: current.value } : {}),
    };
  }

  async holder(): Promise<LockOwner | undefined> {
    return (await this.store.get<LockOwner>(this.options.key))?.value;
  }

  isStale(owner: LockOwner): boolean {
    return this.clock.now() - owner.takenAt > (this.options.staleAfterMs ?? 2 * 3_600_000);
  }

  /**
   * Removes the lock if `token` still holds it; false when someone else does (ours went stale and was taken over).
   * Between the read and the delete only a stale takeover could slip in, which the stale age rules out in practice.
   */
  async releaseToken(token: string): Promise<boolean> {
    const current = await this.store.get<LockOwner>(this.options.key);
    if (current?.value.token !== token) return false;
    await this.store.delete(this.options.key);
    return true;
  }
}
