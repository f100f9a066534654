// The project's one lock file (P2 runs, the lake's writer lock, key-value store writes): owner info, stale bounds for a
// dead owner and for a file whose owner cannot be read, and a heartbeat that keeps a long holder's lock.
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FileLock, LockTimeoutError } from '../../src/storage/file-lock.js';
import { ManualClock } from '../../src/ingest/clock.js';
import { PipelineLock } from '../../src/ingest/landing/pipeline-lock.js';

const MINUTE = 60_000;
const NOW = Date.parse('2026-01-01T00:00:00Z');

describe('FileLock', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'file-lock-'));
    path = join(dir, 'x.lock');
  });
  afterEach(() => {
    vi.useRealTimers();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes who holds it (pid, host, command) and names the holder when a waiter gives up', async () => {
    const held = await new FileLock(path, { command: 'lake run' }).tryAcquire();
    expect(held.acquired).toBe(true);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid, command: 'lake run' });
    const told: unknown[] = [];
    const waiting = new FileLock(path).acquire({ timeoutMs: 0, onWait: (holder) => told.push(holder?.command) });
    await expect(waiting).rejects.toThrow(LockTimeoutError);
    await expect(waiting).rejects.toThrow(`waiting for lake run (pid ${process.pid})`);
    expect(told).toEqual(['lake run']);
    if (held.acquired) await held.lock.release();
  });

  it('treats an empty lock file (a crash between create and write) as held while fresh and as stale after the bound', async () => {
    writeFileSync(path, '');
    const seconds = (ms: number) => ms / 1000;
    utimesSync(path, seconds(NOW - 20_000), seconds(NOW - 20_000));
    // The P2 run lock's bound for a readable owner is 2 h; an unreadable one is judged by its own, short bound (30 s).
    const lock = new PipelineLock(path, { clock: new ManualClock(NOW) });
    expect(await lock.tryAcquire()).toEqual({ acquired: false, heldBy: undefined });
    utimesSync(path, seconds(NOW - 40_000), seconds(NOW - 40_000));
    const attempt = await lock.tryAcquire();
    expect(attempt.acquired).toBe(true);
    expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(process.pid);
  });

  it('keeps a holder that runs longer than the stale bound, by its heartbeat, so the run is never entered twice', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const clock = new ManualClock(NOW);
    const options = { clock, staleAfterMs: 10 * MINUTE, heartbeatMs: 2 * MINUTE };
    const first = await new FileLock(path, options).tryAcquire();
    expect(first.acquired).toBe(true);
    // Half an hour of work, three times the stale bound, with the holder's timer beating all along.
    for (let beat = 0; beat < 15; beat++) {
      clock.advance(2 * MINUTE);
      await vi.advanceTimersByTimeAsync(2 * MINUTE);
      await until(() => JSON.parse(readFileSync(path, 'utf8') || '{}').heartbeatAt === clock.now());
    }
    const second = await new FileLock(path, options).tryAcquire();
    expect(second).toMatchObject({ acquired: false, heldBy: { pid: process.pid, takenAt: NOW } });
    if (first.acquired) await first.lock.release();
    // Once it stops beating (released or hung), the bound applies again.
    writeFileSync(path, JSON.stringify({ pid: process.pid, host: 'h', takenAt: NOW, heartbeatAt: clock.now() - 11 * MINUTE, token: 't' }));
    expect((await new FileLock(path, options).tryAcquire()).acquired).toBe(true);
  });
});

/** Waits for pending I/O until `done()` holds; the 20 s cap only turns a broken case into a failure, not a hang. */
async function until(done: () => boolean): Promise<void> {
  for (let poll = 0; poll < 2000 && !done(); poll++) await new Promise<void>((resolve) => setTimeout(resolve, 10));
  expect(done()).toBe(true);
}
