// A lake folder the user may not create, list or enter is the user's setup, not a crash: every command that opens the
// lake says which folder and why, and exits 1 (it was `internal error: EACCES … mkdir` with a stack, exit 2).
import { type SpawnSyncOptions, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const LAKE_JS = resolve('bin/lake.js');
const work = mkdtempSync(join(tmpdir(), 'lake-folder-access-'));
chmodSync(work, 0o755);
afterAll(() => {
  chmodSync(join(work, 'locked'), 0o755);
  chmodSync(join(work, 'read-only'), 0o755);
  rmSync(work, { recursive: true, force: true });
});
const locked = join(work, 'locked');
mkdirSync(locked, { mode: 0o700 });
chmodSync(locked, 0o000);
const readOnly = join(work, 'read-only');
mkdirSync(readOnly);
chmodSync(readOnly, 0o555);

// Root may enter anything: the CLI runs as an unprivileged user then, so the folders really are closed to it.
const asUser: Pick<SpawnSyncOptions, 'uid' | 'gid'> = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
const lake = (...args: string[]) => spawnSync(process.execPath, [LAKE_JS, ...args], { cwd: resolve('.'), encoding: 'utf8', ...asUser });

describe('a lake folder the user cannot use', () => {
  it.each([
    ['inside a folder it cannot enter', join(locked, 'lake'), /EACCES: permission denied, mkdir/],
    ['a folder it cannot list', locked, /EACCES: permission denied, scandir/],
    ['a new folder in a read-only folder', join(readOnly, 'lake'), /EACCES: permission denied, mkdir/],
  ])('%s: lake sql exits 1 naming the folder', (_, folder, cause) => {
    const result = lake('sql', '--lake', folder, '-e', 'SELECT 1');
    expect(result.stderr).toContain(`error: cannot use ${folder} as the lake folder: `);
    expect(result.stderr).toMatch(cause);
    expect(result.stderr).toContain('hint: check the permissions of that folder and its parents');
    expect(result.stderr).not.toContain('internal error');
    expect(result.status).toBe(1);
  });

  it('lake run --demo (the example project) into such a folder exits 1 naming it', () => {
    const folder = join(locked, 'demo');
    const result = lake('run', '--demo', '--lake', folder);
    expect(result.stderr).toContain(`error: cannot use ${folder} as the lake folder: `);
    expect(result.status).toBe(1);
  });
});
