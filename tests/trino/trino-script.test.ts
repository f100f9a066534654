// scripts/trino.sh stop, without Java: the Trino the tier started is stopped even when it was interrupted while
// starting (Ctrl-C during `npm run test:trino`), before it wrote its URL. A `sleep` stands in for the JVM.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, '../../scripts/trino.sh');

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('scripts/trino.sh stop', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it.each([
    ['a Trino still starting (no URL yet)', false],
    ['a Trino that answers', true],
  ])('stops %s', (_what, answered) => {
    const cache = mkdtempSync(join(tmpdir(), 'trino-stop-'));
    // Not this process's child (a child stopped here would stay a zombie that `kill -0` still finds until Node reaps it).
    const pid = Number(execFileSync('bash', ['-c', 'sleep 60 >/dev/null 2>&1 & echo $!'], { encoding: 'utf8' }).trim());
    cleanups.push(() => {
      if (alive(pid)) process.kill(pid, 'SIGKILL');
      rmSync(cache, { recursive: true, force: true });
    });
    writeFileSync(join(cache, 'trino.pid'), `${pid}\n`);
    if (answered) writeFileSync(join(cache, 'trino.url'), 'http://127.0.0.1:1\n');

    execFileSync('bash', [SCRIPT, 'stop'], { env: { ...process.env, TRINO_CACHE: cache }, stdio: 'pipe' });

    expect(alive(pid)).toBe(false);
  });
});
