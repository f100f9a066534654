// A lock file shared by processes on one machine: created with O_EXCL ('wx'), holding the owner's pid and the time it
// was taken. A lock whose owner process is gone, or that is older than `staleMs`, is broken, so a crash while holding
// it blocks nobody for long.
import { randomUUID } from 'node:crypto';
import { link, open, readFile, rename, unlink } from 'node:fs/promises';
import { KeyValueStoreError } from './key-value-store.js';

export interface FileLockOptions {
  /** Give up waiting after this long. */
  timeoutMs?: number;
  /** A lock held this long is taken to be left by a crashed process (holders keep it for milliseconds). */
  staleMs?: number;
}

interface LockContent {
  pid: number;
  takenAt: number;
  token: string;
}

const isErrno = (error: unknown, code: string): boolean =>
  typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === code;

const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return !isErrno(error, 'ESRCH');
  }
};

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function readLock(path: string): Promise<LockContent | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as LockContent;
  } catch {
    // Missing, or half-written by its creator this very moment: treat as "not ours to judge yet".
    return undefined;
  }
}

/** Runs `work` while holding the lock file at `path`. */
export async function withFileLock<T>(path: string, work: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const { timeoutMs = 10_000, staleMs = 30_000 } = options;
  const token = randomUUID();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(JSON.stringify({ pid: process.pid, takenAt: Date.now(), token } satisfies LockContent));
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if (!isErrno(error, 'EEXIST')) throw new KeyValueStoreError(`cannot create lock file ${path}: ${String(error)}`, { cause: error });
    }
    const holder = await readLock(path);
    if (holder && (!processAlive(holder.pid) || Date.now() - holder.takenAt > staleMs)) await breakLock(path, holder);
    if (Date.now() > deadline) {
      throw new KeyValueStoreError(`timed out after ${timeoutMs} ms waiting for lock ${path} (held by pid ${holder?.pid ?? '?'})`);
    }
    await pause(2 + Math.random() * 8);
  }
  try {
    return await work();
  } finally {
    const mine = await readLock(path);
    if (mine?.token === token) await unlink(path).catch(() => undefined);
  }
}

/**
 * Moves a stale lock aside atomically so that of two processes breaking it at once only one succeeds; if what was moved
 * turns out to be a fresh lock (someone re-took it in between), it is put back.
 */
async function breakLock(path: string, stale: LockContent): Promise<void> {
  const aside = `${path}.${randomUUID()}.broken`;
  try {
    await rename(path, aside);
  } catch {
    return;
  }
  const moved = await readLock(aside);
  // link() fails when the path exists, so putting a fresh lock back never overwrites a newer one.
  if (moved && moved.token !== stale.token) await link(aside, path).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}
