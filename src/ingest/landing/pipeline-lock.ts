// The P2 run lock (seed 001: `incoming/pipeline.lock`) so two runs never overlap: the project's one lock file
// (src/storage/file-lock.ts: owner pid/host/command, heartbeat, stale after a bound), or on AWS a conditional put on a
// key-value store (kv-lock.ts). Both answer the same RunLock interface.
import { FileLock, type FileLockOptions, type LockAttempt, type LockOwner } from '../../storage/file-lock.js';

export type { HeldLock, LockAttempt, LockOwner } from '../../storage/file-lock.js';

/** What a P2 run needs of its lock: the lock file here, a conditional put on a key-value store on AWS (kv-lock.ts). */
export interface RunLock {
  /** Takes the lock if it is free or stale; never waits. */
  tryAcquire(): Promise<LockAttempt>;
  /** Who holds the lock now, if anyone. */
  holder(): Promise<LockOwner | undefined>;
}

export type LockOptions = Omit<FileLockOptions, 'command'>;

/** The lock file of a P2 run. Default stale bound 2 h (seed: runs finish well within the 30-min force window). */
export class PipelineLock extends FileLock implements RunLock {
  constructor(path: string, options: LockOptions = {}) {
    super(path, { ...options, command: 'P2 landing' });
  }
}
