// CLI conventions every command follows: --version, bad arguments as one line with exit 2.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { wantsColor } from '../../src/cli/color.js';
import { captureIo, FIXTURE, makeProject } from '../project/project-helpers.js';

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

  it('colours only on a terminal and never with NO_COLOR set (no-color.org)', async () => {
    expect(wantsColor(true, {})).toBe(true);
    expect(wantsColor(true, { NO_COLOR: '1' })).toBe(false);
    expect(wantsColor(true, { NO_COLOR: '' })).toBe(true);
    expect(wantsColor(false, {})).toBe(false);
    const root = makeProject({
      'sql/transforms/one.sql': 'SELECT 1 AS n',
      'tests/sql/one.yaml': 'model: one\ntests:\n  - name: one row\n    expect:\n      rows: [{ n: 1 }]\n',
    });
    const colored = captureIo(root);
    colored.color = true;
    const plain = captureIo(root);
    for (const io of [colored, plain]) expect(await main(['test', '--no-checks'], io)).toBe(0);
    expect(colored.out).toContain('  \u001b[32mok  \u001b[0m one › one row');
    expect(plain.out).toContain('  ok   one › one row');
    expect(plain.out).not.toContain('\u001b[');
  });

  it("the run summary counts the same steps as the run's header; checks are counted apart", async () => {
    const root = makeProject({
      'sql/transforms/one.sql': '/*\ncontract:\n  not_null: [n]\n*/\nSELECT 1 AS n',
      'sql/transforms/two.sql': 'SELECT n FROM one',
    });
    const io = captureIo(root);
    expect(await main(['run', '--lake', join(root, '.lake')], io)).toBe(0);
    const steps = /^run \S+: (\d+) steps$/m.exec(io.out)![1];
    expect(io.out).toMatch(new RegExp(`: 2 ok, 0 failed, 0 skipped of ${steps} steps; 1 check: 1 passed, 0 failed;`));
  });
});
