// The P2 run lock (seed 001: `incoming/pipeline.lock`): a file created with O_EXCL holding the owner's pid, host and
// the time it was taken, so two runs never overlap. A lock whose owner process is gone (same host) or that is older
// than `staleAfterMs` is left by a crash: it is moved aside atomically (only one breaker wins), checked to still be
// the lock judged stale, and removed; then taking the lock is tried again.
import { randomUUID } from 'node:crypto';
import { link, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { systemClock, type Clock } from '../clock.js';

export interface LockOwner {
  pid: number;
  host: string;
  /** Epoch ms when it was taken. */
  takenAt: number;
  token: string;
}

export interface LockOptions {
  /** A lock older than this is stale whoever holds it (seed: runs finish well within the 30-min force window). */
  staleAfterMs?: number;
  clock?: Clock;
}

export interface HeldLock {
  owner: LockOwner;
  /** Removes the lock if it is still ours. */
  release(): Promise<void>;
}

export type LockAttempt = { acquired: true; lock: HeldLock; brokeStale?: LockOwner } | { acquired: false; heldBy: LockOwner | undefined };

/** What a P2 run needs of its lock: the lock file here, a conditional put on a key-value store on AWS (kv-lock.ts). */
export interface RunLock {
  /** Takes the lock if it is free or stale; never waits. */
  tryAcquire(): Promise<LockAttempt>;
  /** Who holds the lock now, if anyone. */
  holder(): Promise<LockOwner | undefined>;
}

const isErrno = (error: unknown, code: string) => typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === code;

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return !isErrno(error, 'ESRCH');
  }
}

async function readOwner(path: string): Promise<LockOwner | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as LockOwner;
  } catch {
    return undefined; // gone, or being written this instant
  }
}

export class PipelineLock implements RunLock {
  private readonly clock: Clock;

  constructor(
    readonly path: string,
    private readonly options: LockOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
  }

  /** Takes the lock if it is free or stale; never waits. */
  async tryAcquire(): Promise<LockAttempt> {
    await mkdir(dirname(this.path), { recursive: true });
    const first = await this.create();
    if (first) return { acquired: true, lock: first };
    const holder = await readOwner(this.path);
    if (!holder || !this.isStale(holder)) return { acquired: false, heldBy: holder };
    await this.breakStale(holder);
    const second = await this.create();
    return second ? { acquired: true, lock: second, brokeStale: holder } : { acquired: false, heldBy: await readOwner(this.path) };
  }

  /** Who holds the lock now, if anyone. */
  holder(): Promise<LockOwner | undefined> {
    return readOwner(this.path);
  }

  isStale(owner: LockOwner): boolean {
    if (this.clock.now() - owner.takenAt > (this.options.staleAfterMs ?? 2 * 3_600_000)) return true;
    return owner.host === hostname() && !processAlive(owner.pid);
  }

  private async create(): Promise<HeldLock | undefined> {
    const owner: LockOwner = { pid: process.pid, host: hostname(), takenAt: this.clock.now(), token: randomUUID() };
    let handle;
    try {
      handle = await open(this.path, 'wx');
    } catch (error) {
      if (isErrno(error, 'EEXIST')) return undefined;
      throw new Error(`cannot create lock file ${this.path}: ${(error as Error).message}`, { cause: error });
    }
    try {
      await handle.writeFile(JSON.stringify(owner));
    } finally {
      await handle.close();
    }
    return {
      owner,
      release: async () => {
        if ((await readOwner(this.path))?.token === owner.token) await unlink(this.path).catch(() => undefined);
      },
    };
  }

  private async breakStale(stale: LockOwner): Promise<void> {
    const aside = `${this.path}.${randomUUID()}.stale`;
    try {
      await rename(this.path, aside);
    } catch {
      return; // someone else broke or released it first
    }
    const moved = await readOwner(aside);
    // Between reading and moving, another run may have broken the stale lock and taken a fresh one: put that back,
    // with link() so a lock created in the meantime is never overwritten.
    if (moved && moved.token !== stale.token) await link(aside, this.path).catch(() => undefined);
    await unlink(aside).catch(() => undefined);
  }
}
