import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../helpers/io.js';


const lake = () => mkdtempSync(join(tmpdir(), 'lake-sql-'));

describe('lake sql', () => {
  it('prints the last statement result as one JSON object', async () => {
    const io = captureIo(lake());
    const code = await main(['sql', '--lake', io.cwd, '--format', 'json', '-e', "SELECT 1 AS a; SELECT 7 / 2 AS q, 'x' AS s"], io);
    expect(code).toBe(0);
    expect(JSON.parse(io.out)).toEqual({
      columns: [
        { name: 'q', type: 'integer' },
        { name: 's', type: 'varchar' },
      ],
      rows: [[3, 'x']],
    });
  });

  it('names the failing statement on stderr and exits non-zero', async () => {
    const io = captureIo(lake());
    const code = await main(['sql', '--lake', io.cwd, '-e', 'SELECT 1;\nSELEC 2'], io);
    expect(code).toBe(1);
    expect(io.err).toMatch(/statement 2 \(line 2: SELEC 2\) failed/);
    expect(io.out).toBe('');
  });

  it('--each runs every statement and reports each as a JSON line', async () => {
    const io = captureIo(lake());
    const code = await main(['sql', '--lake', io.cwd, '--each', '--format', 'jsonl', '-e', 'SELECT 1 AS a; SELEC 2; SELECT 3 AS c'], io);
    const lines = io.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({ ok: true, columns: [{ name: 'a', type: 'integer' }], rows: [[1]] });
    expect(lines[1].ok).toBe(false);
    expect(lines[1].error).toMatch(/syntax error/);
    expect(lines[2].rows).toEqual([[3]]);
    expect(code).toBe(1);
  });

  it('keeps state across invocations in the lake folder', async () => {
    const dir = lake();
    expect(await main(['sql', '--lake', dir, '-e', 'CREATE TABLE t AS SELECT 42 AS v'], captureIo(dir))).toBe(0);
    const io = captureIo(dir);
    await main(['sql', '--lake', dir, '--format', 'csv', '-e', 'SELECT v FROM t'], io);
    expect(io.out).toBe('v\n42\n');
  });

  it('runs as a real process through bin/lake.js', () => {
    const dir = lake();
    const out = execFileSync(process.execPath, ['bin/lake.js', 'sql', '--lake', dir, '--format', 'json', '-e', 'SELECT 1 AS one'], {
      encoding: 'utf8',
    });
    expect(JSON.parse(out).rows).toEqual([[1]]);
    const help = spawnSync(process.execPath, ['bin/lake.js', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: lake/);
  });
});
