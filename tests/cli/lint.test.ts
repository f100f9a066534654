import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { isLakeFolder, LAKE_MARKER, resetLakeFolder } from '../../src/storage/lake-folder.js';
import { captureIo, FIXTURE, makeProject } from '../project/project-helpers.js';

const broken = () =>
  makeProject({
    'sql/ddl/raw.sql': "CREATE EXTERNAL TABLE raw.events (\n  a STRING\nLOCATION 's3://${lake_bucket}/e/'",
    'sql/transforms/a.sql': '/*\nmaterialised: table\n*/\nSELECT *\nFROM raw.events\nJOIN b ON true',
    'sql/transforms/b.sql': 'SELECT * FROM a',
    'sql/transforms/c.sql': 'SELECT x\nFROM raw.evnts\nWHERE x = ${missing}',
    'sql/transforms/d.sql': 'SELECT x\nFROM raw.events\nWHERE',
    'sql/transforms/ok.sql': 'SELECT 1 AS x',
  });

describe('lake lint', () => {
  it('passes the fixture project with exit code 0', async () => {
    const io = captureIo(FIXTURE);
    // --no-cache: nothing is written into the fixture's folder.
    expect(await main(['lint', '--no-cache'], io)).toBe(0);
    expect(io.out).toBe('7 files checked: 0 errors, 0 warnings\n');
  });

  it('prints file:line:col: severity [rule] message with hints, and exits 1', async () => {
    const io = captureIo(broken());
    expect(await main(['lint'], io)).toBe(1);
    const lines = io.out.split('\n').filter((l) => /^sql\//.test(l));
    expect(lines).toEqual([
      expect.stringMatching(/^sql\/ddl\/raw\.sql:3:1: error \[syntax\] .*\(Hive DDL grammar\)$/),
      "sql/transforms/a.sql:2:1: error [header/unknown-key] unknown header key 'materialised'",
      expect.stringMatching(
        /^sql\/transforms\/a\.sql:6:6: error \[dag\/cycle\] dependency cycle: analytics\.a \(sql\/transforms\/a\.sql:6 reads analytics\.b\) → analytics\.b \(sql\/transforms\/b\.sql:1 reads analytics\.a\) → analytics\.a$/,
      ),
      'sql/transforms/c.sql:2:6: error [dag/unknown-table] unknown table raw.evnts: no file under sql/ creates it',
      'sql/transforms/c.sql:3:11: error [variables/unknown] unknown variable ${missing}',
      expect.stringMatching(/^sql\/transforms\/d\.sql:3:6: error \[syntax\] .*\(Trino grammar\)$/),
    ]);
    expect(io.out).toContain("  hint: did you mean 'materialized'?");
    expect(io.out).toContain('6 files checked: 6 errors, 0 warnings');
  });

  it('reports only on the paths given, relative to the working directory', async () => {
    const root = broken();
    const io = captureIo(join(root, 'sql'));
    expect(await main(['lint', 'transforms/c.sql', 'transforms/ok.sql'], io)).toBe(1);
    const reported = io.out.split('\n').filter((l) => l.startsWith('sql/'));
    expect(reported.map((l) => l.split(':').slice(0, 2).join(':'))).toEqual(['sql/transforms/c.sql:2', 'sql/transforms/c.sql:3']);
    expect(io.out).toContain('2 files checked: 2 errors, 0 warnings');
    const clean = captureIo(root);
    expect(await main(['lint', 'sql/transforms/ok.sql'], clean)).toBe(0);
  });

  it('--select and --exclude report on the files of the selected nodes only', async () => {
    const root = broken();
    const io = captureIo(root);
    expect(await main(['lint', '--no-cache', '--select', 'c', 'ok', '--exclude', 'ok'], io)).toBe(1);
    expect(
      io.out
        .split('\n')
        .filter((l) => l.startsWith('sql/'))
        .map((l) => l.split(':').slice(0, 2).join(':')),
    ).toEqual(['sql/transforms/c.sql:2', 'sql/transforms/c.sql:3']);
    expect(io.out).toContain('1 file checked: 2 errors, 0 warnings');
    const clean = captureIo(root);
    expect(await main(['lint', '--no-cache', '--select', 'ok'], clean)).toBe(0);
    expect(clean.out).toBe('1 file checked: 0 errors, 0 warnings\n');
  });

  it('reports constructs the local engine cannot run faithfully, at their file position', async () => {
    const root = makeProject({
      'sql/ddl/raw.sql': 'CREATE TABLE raw.events (ts TIMESTAMP, fmt VARCHAR)',
      'sql/transforms/m.sql': '/*\ntags: [x]\n*/\nSELECT\n  date_format(ts, fmt) AS d\nFROM raw.events',
    });
    const io = captureIo(root);
    expect(await main(['lint', '--no-cache'], io)).toBe(1);
    expect(io.out).toMatch(/^sql\/transforms\/m\.sql:5:\d+: error \[unfaithful\/dynamic-format\] date_format\(\): .*\n {2}hint: /m);
  });

  it('reuses syntax results of unchanged files from the lake folder cache', async () => {
    const root = broken();
    const first = captureIo(root);
    expect(await main(['lint'], first)).toBe(1);
    const cacheFile = join(root, '.lake/.cache/lint-syntax.json');
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8'));
    expect(Object.keys(cached.entries).sort()).toEqual([
      'sql/ddl/raw.sql',
      'sql/transforms/a.sql',
      'sql/transforms/b.sql',
      'sql/transforms/c.sql',
      'sql/transforms/d.sql',
      'sql/transforms/ok.sql',
    ]);
    expect(cached.entries['sql/transforms/d.sql'].diagnostics).toEqual([expect.objectContaining({ rule: 'syntax', line: 3, col: 6 })]);
    const second = captureIo(root);
    expect(await main(['lint'], second)).toBe(1);
    expect(second.out).toBe(first.out);
    // A changed file is parsed again: fixing d.sql removes its syntax error.
    writeFileSync(join(root, 'sql/transforms/d.sql'), 'SELECT x\nFROM raw.events\nWHERE x > 1');
    const third = captureIo(root);
    await main(['lint'], third);
    expect(third.out).not.toContain('sql/transforms/d.sql');
    expect(JSON.parse(readFileSync(cacheFile, 'utf8')).entries['sql/transforms/d.sql'].diagnostics).toEqual([]);
  });

  it('marks the lake folder its cache creates as a lake, so a first `lake lint` does not block `npm start` (lake run --demo)', async () => {
    const root = broken();
    expect(existsSync(join(root, '.lake'))).toBe(false);
    await main(['lint'], captureIo(root));
    expect(existsSync(join(root, '.lake/.cache/lint-syntax.json'))).toBe(true);
    expect(isLakeFolder(join(root, '.lake'))).toBe(true);
    resetLakeFolder(join(root, '.lake'));
    expect(readdirSync(join(root, '.lake'))).toEqual([LAKE_MARKER]);
  });

  it('gives the same findings from the bundled CLI, which checks large projects in worker threads', async () => {
    const files: Record<string, string> = { 'sql/ddl/src.sql': 'CREATE TABLE src (a INT)' };
    for (let i = 0; i < 220; i++) files[`sql/transforms/m${i}.sql`] = `/*\ntags: [t]\n*/\nSELECT a, ${i} AS n\nFROM src\nWHERE a > ${i}`;
    files['sql/transforms/m7.sql'] = 'SELECT a\nFROM src\nWHERE a >';
    files['sql/transforms/m150.sql'] = 'SELECT a FROM src GROUP';
    const root = makeProject(files);
    // The subject is the syntax check in worker threads; binding runs in one engine and has its own tests (lint-bind).
    const cli = spawnSync(process.execPath, [join(process.cwd(), 'bin/lake.js'), 'lint', '--no-cache', '--no-bind', '--format', 'json'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(cli.status).toBe(1);
    const inProcess = captureIo(root);
    expect(await main(['lint', '--no-cache', '--no-bind', '--format', 'json'], inProcess)).toBe(1);
    expect(JSON.parse(cli.stdout)).toEqual(JSON.parse(inProcess.out));
    expect(JSON.parse(cli.stdout).diagnostics.map((d: { file: string; line: number }) => `${d.file}:${d.line}`)).toEqual([
      'sql/transforms/m150.sql:1',
      'sql/transforms/m7.sql:3',
    ]);
  });

  it('--format json gives counts and diagnostics', async () => {
    const io = captureIo(broken());
    expect(await main(['lint', '--format', 'json'], io)).toBe(1);
    const report = JSON.parse(io.out);
    expect(report).toMatchObject({ files: 6, errors: 6, warnings: 0 });
    expect(report.diagnostics[1]).toEqual({
      severity: 'error',
      rule: 'header/unknown-key',
      message: "unknown header key 'materialised'",
      hint: "did you mean 'materialized'?",
      file: 'sql/transforms/a.sql',
      line: 2,
      col: 1,
    });
  });

  it('validates the contract files in sql/contracts against the contract schema and the project tables', async () => {
    const root = makeProject({
      'sql/transforms/orders.sql': 'SELECT 1 AS order_id',
      'sql/contracts/good.yaml': 'orders:\n  primary_key: [order_id]\n',
      'sql/contracts/bad.yaml': 'orders:\n  not_null: [order_id]\n  primary_keys: [order_id]\nordrs:\n  unique: [order_id]\n',
    });
    const io = captureIo(root);
    expect(await main(['lint', '--no-cache'], io)).toBe(1);
    expect(io.out.split('\n').filter((l) => l.startsWith('sql/'))).toEqual([
      "sql/contracts/bad.yaml:3:1: error [contract/schema] orders: unknown key 'primary_keys'",
    ]);
    writeFileSync(join(root, 'sql/contracts/bad.yaml'), 'ordrs:\n  unique: [order_id]\n');
    const second = captureIo(root);
    expect(await main(['lint', '--no-cache'], second)).toBe(1);
    expect(second.out).toContain('sql/contracts/bad.yaml:1:1: error [contract/unknown-table] no SQL file creates analytics.ordrs');
    writeFileSync(join(root, 'sql/contracts/bad.yaml'), 'orders:\n  not_null: [order_id]\n');
    const fixed = captureIo(root);
    expect(await main(['lint', '--no-cache'], fixed)).toBe(0);
    expect(fixed.out).toBe('3 files checked: 0 errors, 0 warnings\n');
  });

  it('applies the chosen stage and rejects unknown ones', async () => {
    const io = captureIo(FIXTURE);
    expect(await main(['lint', '--no-cache', '--stage', 'prod'], io)).toBe(0);
    const bad = captureIo(FIXTURE);
    expect(await main(['lint', '--no-cache', '--stage', 'qa'], bad)).toBe(1);
    expect(bad.out).toContain("lakehouse.yaml:1:1: error [project/config] unknown stage 'qa'");
  });

  it('explains itself in --help and fails clearly outside a project', async () => {
    const help = captureIo(FIXTURE);
    expect(await main(['lint', '--help'], help)).toBe(0);
    expect(help.out).toMatch(/Usage: lake lint \[options\] \[paths\.\.\.\]/);
    expect(help.out).toContain('file:line:col: severity [rule] message');
    const outside = captureIo(mkdtempSync(join(tmpdir(), 'lake-none-')));
    expect(await main(['lint'], outside)).toBe(2);
    expect(outside.err).toMatch(/^error: no lakehouse\.yaml in .*\nhint: run the command inside a project/);
    const missing = captureIo(FIXTURE);
    expect(await main(['lint', '--no-cache', 'sql/nope.sql'], missing)).toBe(2);
    expect(missing.err).toContain('error: no such file or folder: sql/nope.sql');
    // A model's name where a path goes (as `lake run NAME` takes it): the hint says how to select by name.
    const byName = captureIo(FIXTURE);
    expect(await main(['lint', '--no-cache', 'daily_orders'], byName)).toBe(2);
    expect(byName.err).toBe(
      'error: no such file or folder: daily_orders\nhint: paths name files or folders; to pick models, views or alerts by name or selector use --select daily_orders\n',
    );
  });
});
