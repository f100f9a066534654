import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { checkSyntax } from '../../src/lint/syntax.js';
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
    expect(io.err).toMatch(/statement 2 \(line 2:1: SELEC 2\) failed/);
    expect(io.out).toBe('');
  });

  it('--each runs every statement and reports each as a JSON line', async () => {
    const io = captureIo(lake());
    const code = await main(['sql', '--lake', io.cwd, '--each', '--format', 'jsonl', '-e', 'SELECT 1 AS a; SELEC 2; SELECT 3 AS c'], io);
    const lines = io.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({ ok: true, columns: [{ name: 'a', type: 'integer' }], rows: [[1]] });
    expect(lines[1].ok).toBe(false);
    expect(lines[1].error).toMatch(/^statement 2 \(line 1:16: SELEC 2\) failed: 'SELEC' is not valid at this position \(Trino grammar\)/);
    expect(lines[2].rows).toEqual([[3]]);
    expect(code).toBe(1);
  });

  // The local engine's DuckDB runs its own syntax, which Athena (Trino's grammar,
  // https://trino.io/docs/current/sql/select.html) rejects: `lake sql` checks each statement as `lake lint` does.
  it.each([
    ['SELECT 1::int', 9, "':' is not valid at this position"],
    ['SELECT x FROM (VALUES 1) t(x) QUALIFY x > 0', 31, "'QUALIFY' is not valid at this position"],
    ['SELECT * FROM range(3)', 21, "'3' is not valid at this position"],
    ["SELECT {'a': 1}", 8, 'rule columnRef failed predicate'],
  ])('refuses DuckDB-only syntax as lake lint does, at the line and column of the script: %s', async (sql, col, message) => {
    const io = captureIo(lake());
    expect(await main(['sql', '--lake', io.cwd, '-e', `SELECT 1;\n${sql}`], io)).toBe(1);
    expect(io.err).toContain(`statement 2 (line 2:${col}: ${sql}) failed: ${message}`);
    const [lint] = await checkSyntax(`SELECT 1;\n${sql}`);
    expect(lint).toMatchObject({ line: 2, col, message: expect.stringContaining(message) });
    expect(io.err).toContain(lint.message);
    expect(io.out).toBe('');
  });

  it('names the file and its position for a syntax error in --file', async () => {
    const io = captureIo(lake());
    writeFileSync(join(io.cwd, 'q.sql'), 'SELECT 1;\n\nSELECT 7 // 2');
    expect(await main(['sql', '--lake', io.cwd, '--file', 'q.sql'], io)).toBe(1);
    expect(io.err).toContain("statement 2 (q.sql:3:11: SELECT 7 // 2) failed: '/' is not valid at this position (Trino grammar)");
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

  it('reads the SQL from piped stdin, and from --file -', async () => {
    const piped = captureIo(lake());
    piped.stdin = { isTTY: false, read: async () => 'SELECT 41 + 1 AS answer\n' };
    expect(await main(['sql', '--lake', piped.cwd, '--format', 'csv'], piped)).toBe(0);
    expect(piped.out).toBe('answer\n42\n');
    const dash = captureIo(lake());
    dash.stdin = { isTTY: true, read: async () => 'SELECT 1;\nSELEC 2' };
    expect(await main(['sql', '--lake', dash.cwd, '--file', '-'], dash)).toBe(1);
    expect(dash.err).toMatch(/statement 2 \(<stdin>:2:1: SELEC 2\) failed/);
    const real = spawnSync(process.execPath, ['bin/lake.js', 'sql', '--lake', lake(), '--format', 'json'], { input: 'SELECT 7 AS seven', encoding: 'utf8' });
    expect(real.status).toBe(0);
    expect(JSON.parse(real.stdout).rows).toEqual([[7]]);
  });

  it('asks for SQL in one line (exit 2) when there is none', async () => {
    const io = captureIo(lake());
    io.stdin = { isTTY: true, read: async () => '' };
    expect(await main(['sql', '--lake', io.cwd], io)).toBe(2);
    expect(io.err).toBe('error: no SQL given\nhint: give -e "SQL", --file F, or pipe it in: echo "SELECT 1" | lake sql\n');
    const both = captureIo(lake());
    expect(await main(['sql', '--lake', both.cwd, '-e', 'SELECT 1', '--file', 'x.sql'], both)).toBe(2);
    expect(both.err).toBe('error: give either -e "SQL" or --file F, not both\n');
  });

  it('prints at most --limit rows as a table (default 1,000), says how many were cut, right-aligns numbers', async () => {
    const io = captureIo(lake());
    expect(
      await main(
        ['sql', '--lake', io.cwd, '--limit', '2', '-e', "SELECT x AS n, substr('aaaaaaaaaaaa', 1, x) AS s, x * 1.5 AS d FROM UNNEST(sequence(1, 12)) AS t(x)"],
        io,
      ),
    ).toBe(0);
    expect(io.out).toBe(
      'n | s  |   d\n' +
        '--+----+----\n' +
        '1 | a  | 1.5\n' +
        '2 | aa | 3.0\n' +
        '(12 rows; showing the first 2, 10 more not shown: raise --limit or use --format csv/json)\n',
    );
    const many = captureIo(lake());
    expect(await main(['sql', '--lake', many.cwd, '-e', 'SELECT x FROM UNNEST(sequence(1, 1500)) AS t(x)'], many)).toBe(0);
    const lines = many.out.split('\n');
    expect(lines.filter((l) => /^ *\d+$/.test(l))).toHaveLength(1000);
    // Numbers right-aligned: the widest value sets the column, shorter ones are padded on the left.
    expect(lines[2]).toBe('   1');
    expect(lines[1001]).toBe('1000');
    expect(many.out).toContain('(1500 rows; showing the first 1000, 500 more not shown');
    const bad = captureIo(lake());
    expect(await main(['sql', '--lake', bad.cwd, '--limit', 'ten', '-e', 'SELECT 1'], bad)).toBe(2);
    expect(bad.err).toBe("error: --limit must be a whole number ≥ 0, got 'ten'\n");
  });
});
