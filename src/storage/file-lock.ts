// The one lock file of the project, shared by processes on one machine (the P2 run lock, the lake's writer lock, the
// key-value store's short write lock). Created with O_EXCL ('wx') and holding its owner: pid, host, the command that
// took it, when, and a token. It is stale, and broken, when
// - its owner is a process of this host that is gone, or
// - its last heartbeat is older than `staleAfterMs` (holders rewrite `heartbeatAt` every `heartbeatMs`, so a run longer
//   than the bound keeps its lock and is never entered twice), or
// - its owner cannot be read (an empty file left by a crash or a full disk between create and write) and the file was
//   last written more than `unreadableStaleAfterMs` (30 s) ago: a lock being written this very moment is fresh, and a
//   real holder rewrites it within milliseconds.
// Breaking moves the file aside atomically (only one breaker wins), checks it is still the lock judged stale, and
// removes it; a fresh lock moved by mistake is put back with link(), which never overwrites a newer one.
import { LakeError } from '../errors.js';
import { randomUUID } from 'node:crypto';
import { link, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

export interface LockOwner {
  pid: number;
  /** Absent in locks written by older versions, which were all local. */
  host?: string;
  /** What holds it, for people: `lake run`, `P2 landing`… */
  command?: string;
  /** Epoch ms when it was taken. */
  takenAt: number;
  /** Epoch ms of the holder's last sign of life (absent: `takenAt`). */
  heartbeatAt?: number;
  token: string;
}

export interface HeldLock {
  owner: LockOwner;
  /** Stops the heartbeat and removes the lock if it is still ours. */
  release(): Promise<void>;
}

export type LockAttempt = { acquired: true; lock: HeldLock; brokeStale?: LockOwner } | { acquired: false; heldBy: LockOwner | undefined };

export interface FileLockOptions {
  /** A lock without a heartbeat for this long (or unreadable for this long) was left by a crash. */
  staleAfterMs?: number;
  /** An unreadable lock (empty, half-written) older than this is stale; default 30 s, or `staleAfterMs` if shorter. */
  unreadableStaleAfterMs?: number;
  /** How often a holder proves it is alive; default a quarter of `staleAfterMs`. */
  heartbeatMs?: number;
  /** Written into the lock for whoever waits: `lake run`, `P2 landing`. */
  command?: string;
  clock?: { now(): number };
}

export interface WaitOptions {
  /** Give up after this long. */
  timeoutMs: number;
  /** Called once when the lock is found held by someone else, with who holds it. */
  onWait?: (holder: LockOwner | undefined) => void;
  /** Pause between attempts (default 20–120 ms with jitter). */
  pauseMs?: () => number;
}

/** A lock file could not be created or written (a read-only or full disk): a clear error, not a crash. */
export class LockError extends LakeError {
  override readonly name: string = 'LockError';
}

/** Waiting for a lock took longer than the caller's bound. The message names the holder. */
export class LockTimeoutError extends LockError {
  override readonly name: string = 'LockTimeoutError';
  constructor(
    message: string,
    readonly holder: LockOwner | undefined,
  ) {
    super(message);
  }
}

const isErrno = (error: unknown, code: string): boolean => typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === code;

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return !isErrno(error, 'ESRCH');
  }
}

/** `lake run (pid 123)`, `pid 123 on host-b`: who holds a lock, for messages. */
export function describeOwner(owner: LockOwner | undefined): string {
  if (!owner) return 'an unknown process (the lock file cannot be read)';
  const who = `${owner.command ? `${owner.command} ` : ''}(pid ${owner.pid}${owner.host === undefined || owner.host === hostname() ? '' : ` on ${owner.host}`})`;
  return owner.command ? who : who.slice(1, -1);
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function parseOwner(text: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.token === 'string' && typeof owner.takenAt === 'number' ? (owner as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

export class FileLock {
  private readonly clock: { now(): number };
  readonly staleAfterMs: number;
  readonly unreadableStaleAfterMs: number;

  constructor(
    readonly path: string,
    private readonly options: FileLockOptions = {},
  ) {
    this.clock = options.clock ?? { now: () => Date.now() };
    this.staleAfterMs = options.staleAfterMs ?? 2 * 3_600_000;
    this.unreadableStaleAfterMs = options.unreadableStaleAfterMs ?? Math.min(30_000, this.staleAfterMs);
  }

  /** Takes the lock if it is free or stale; never waits. */
  async tryAcquire(): Promise<LockAttempt> {
    await mkdir(dirname(this.path), { recursive: true });
    const first = await this.create();
    if (first) return { acquired: true, lock: first };
    const found = await this.inspect();
    if (!found.stale) return { acquired: false, heldBy: found.owner };
    await this.breakStale(found.owner);
    const second = await this.create();
    return second ? { acquired: true, lock: second, ...(found.owner ? { brokeStale: found.owner } : {}) } : { acquired: false, heldBy: await this.holder() };
  }

  /** Waits for the lock (breaking a stale one) up to `timeoutMs`; a LockTimeoutError names the holder. */
  async acquire(wait: WaitOptions): Promise<HeldLock> {
    const deadline = Date.now() + wait.timeoutMs;
    let told = false;
    for (;;) {
      const attempt = await this.tryAcquire();
      if (attempt.acquired) return attempt.lock;
      if (!told) {
        told = true;
        wait.onWait?.(attempt.heldBy);
      }
      if (Date.now() >= deadline) {
        throw new LockTimeoutError(
          `gave up after ${Math.round(wait.timeoutMs / 1000)} s waiting for ${describeOwner(attempt.heldBy)} to release ${this.path}`,
          attempt.heldBy,
        );
      }
      await pause(Math.min(wait.pauseMs?.() ?? 20 + Math.random() * 100, Math.max(1, deadline - Date.now())));
    }
  }

  /** Who holds the lock now, if anyone can be read. */
  async holder(): Promise<LockOwner | undefined> {
    try {
      return parseOwner(await readFile(this.path, 'utf8'));
    } catch {
      return undefined;
    }
  }

  isStale(owner: LockOwner): boolean {
    if (this.clock.now() - (owner.heartbeatAt ?? owner.takenAt) > this.staleAfterMs) return true;
    return this.onThisHost(owner) && !processAlive(owner.pid);
  }

  /** Locks written without a host (older versions) were written on this machine. */
  private onThisHost(owner: LockOwner): boolean {
    return owner.host === undefined || owner.host === hostname();
  }

  /** The current lock file: its owner and whether it is stale (an unreadable one by the age of the file). */
  private async inspect(): Promise<{ owner: LockOwner | undefined; stale: boolean }> {
    const owner = await this.holder();
    if (owner) return { owner, stale: this.isStale(owner) };
    try {
      const { mtimeMs } = await stat(this.path);
      return { owner: undefined, stale: this.clock.now() - mtimeMs > this.unreadableStaleAfterMs };
    } catch {
      return { owner: undefined, stale: false }; // released this instant: the next attempt takes it
    }
  }

  private async create(): Promise<HeldLock | undefined> {
    const now = this.clock.now();
    const owner: LockOwner = {
      pid: process.pid,
      host: hostname(),
      ...(this.options.command ? { command: this.options.command } : {}),
      takenAt: now,
      heartbeatAt: now,
      token: randomUUID(),
    };
    let handle;
    try {
      handle = await open(this.path, 'wx');
    } catch (error) {
      if (isErrno(error, 'EEXIST')) return undefined;
      throw new LockError(`cannot create lock file ${this.path}: ${(error as Error).message}`, { cause: error });
    }
    try {
      await handle.writeFile(JSON.stringify(owner));
    } catch (error) {
      // Nothing readable may be left behind as a lock that looks held (e.g. ENOSPC after the create).
      await handle.close();
      await unlink(this.path).catch(() => undefined);
      throw new LockError(`cannot write lock file ${this.path}: ${(error as Error).message}`, { cause: error });
    }
    await handle.close();
    return this.held(owner);
  }

  private held(owner: LockOwner): HeldLock {
    const every = this.options.heartbeatMs ?? this.staleAfterMs / 4;
    let beating: Promise<void> = Promise.resolve();
    const timer = setInterval(() => {
      beating = beating.then(() => this.heartbeat(owner));
    }, every);
    // A heartbeat must never keep a finished process alive.
    timer.unref();
    return {
      owner,
      release: async () => {
        clearInterval(timer);
        await beating;
        if ((await this.holder())?.token === owner.token) await unlink(this.path).catch(() => undefined);
      },
    };
  }

  /**
   * Rewrites the lock in place with a new `heartbeatAt`, through the handle whose content was checked to be ours (a
   * lock moved aside by a breaker is never recreated). A reader catching the write half-done sees an unreadable lock,
   * fresh by its file time, so it waits.
   */
  private async heartbeat(owner: LockOwner): Promise<void> {
    let handle;
    try {
      handle = await open(this.path, 'r+');
    } catch {
      return;
    }
    try {
      const current = parseOwner(await handle.readFile('utf8'));
      if (current?.token !== owner.token) return;
      const text = JSON.stringify({ ...owner, heartbeatAt: this.clock.now() });
      await handle.truncate(0);
      await handle.write(text, 0, 'utf8');
    } catch {
      // A missed heartbeat is retried at the next beat; the stale bound is several beats long.
    } finally {
      await handle.close();
    }
  }

  private async breakStale(stale: LockOwner | undefined): Promise<void> {
    const aside = `${this.path}.${randomUUID()}.stale`;
    try {
      await rename(this.path, aside);
    } catch {
      return; // someone else broke or released it first
    }
    const moved = parseOwner(await readFile(aside, 'utf8').catch(() => ''));
    // Between judging and moving, another process may have broken the stale lock and taken a fresh one: put that back.
    if (moved && moved.token !== stale?.token) await link(aside, this.path).catch(() => undefined);
    await unlink(aside).catch(() => undefined);
  }
}

/** Runs `work` while holding the lock file at `path` (waiting up to `timeoutMs`). */
export async function withFileLock<T>(path: string, work: () => Promise<T>, options: FileLockOptions & { timeoutMs?: number } = {}): Promise<T> {
  const { timeoutMs = 10_000, ...lockOptions } = options;
  const lock = await new FileLock(path, { staleAfterMs: 30_000, ...lockOptions }).acquire({ timeoutMs, pauseMs: () => 2 + Math.random() * 8 });
  try {
    return await work();
  } finally {
    await lock.release();
  }
}
