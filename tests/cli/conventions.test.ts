// CLI conventions every command follows: --version, bad arguments as one line with exit 2.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo, FIXTURE } from '../project/project-helpers.js';

const REPO = join(import.meta.dirname, '..', '..');
const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };

describe('lake CLI conventions', () => {
  it('--version prints the package version and exits 0, in-process and as the bundled CLI', async () => {
    const io = captureIo(FIXTURE);
    expect(await main(['--version'], io)).toBe(0);
    expect(io.out).toBe(`${version}\n`);
    const real = spawnSync(process.execPath, [join(REPO, 'bin', 'lake.js'), '--version'], { encoding: 'utf8' });
    expect(real.status).toBe(0);
    expect(real.stdout).toBe(`${version}\n`);
  });

  it('--from after --to is one line with exit 2, not a stack trace', async () => {
    const io = captureIo(FIXTURE);
    expect(await main(['run', '--from', '2025-03-11', '--to', '2025-03-10', '--lake', join(FIXTURE, '.never-created')], io)).toBe(2);
    expect(io.err).toBe('error: --from 2025-03-11 must be before --to 2025-03-10 (the range is [from, to))\n');
    const same = captureIo(FIXTURE);
    expect(await main(['run', '--from', '2025-03-10', '--to', '2025-03-10'], same)).toBe(2);
    expect(same.err.split('\n')).toHaveLength(2);
  });
});
