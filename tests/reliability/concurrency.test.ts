// One lake, many processes: real `lake` processes (bin/lake.js, built by the global setup) share one lake folder.
// Long-lived ones (`lake dashboard serve`, `lake schedule`) hold nothing while idle, readers never block each other, a
// writer that must wait names whom it waits for and gives up after LAKE_WAIT_SECONDS with exit 1, and a lake the user
// cannot write to still answers SELECT.
import { spawn, spawnSync, type ChildProcess, type SpawnSyncOptions } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

const LAKE_JS = resolve('bin/lake.js');
const work = mkdtempSync(join(tmpdir(), 'lake-concur-'));
const running = new Set<ChildProcess>();
afterEach(() => {
  for (const p of running) p.kill('SIGKILL');
  running.clear();
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const event = (id: number) => `${JSON.stringify({ order_id: id, ts: '2025-01-01 00:00:00' })}\n`;

/** A project with a landing table, a scheduled model over it, a dashboard view and a dashboard; one event landed. */
function project(name: string): { root: string; lake: string; land: (partition: string, id: number) => void } {
  const root = join(work, name);
  const files: Record<string, string> = {
    'lakehouse.yaml': 'name: s\ndatabase: shop\nstages:\n  local:\n    variables:\n      lake_bucket: lk\n',
    'sql/ddl/events.sql': `CREATE EXTERNAL TABLE IF NOT EXISTS events (order_id INT, ts TIMESTAMP)
PARTITIONED BY (dt STRING)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
LOCATION 's3://\${lake_bucket}/events/'`,
    'sql/transforms/order_totals.sql':
      '/*\nmaterialized: table\nschedule: rate(1 hour)\n*/\nSELECT count(*) AS orders, max(order_id) AS last_order FROM events',
    'sql/dashboards/ops_totals.sql': 'SELECT orders, last_order FROM order_totals',
    'sql/dashboards/ops.dashboard.yaml': 'title: Ops\nvisuals:\n  - { id: orders, type: kpi, title: Orders, view: ops_totals, y: orders, format: integer }\n',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const lake = join(root, '.lake');
  const land = (partition: string, id: number) => {
    const dir = join(lake, 'lk', 'events', `dt=${partition}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `part-${id}.json`), event(id));
  };
  land('a', 1);
  return { root, lake, land };
}

interface Done {
  code: number | null;
  out: string;
  err: string;
}

/** Runs `lake …` to its end without blocking the test's event loop (the servers it talks to may be in this process). */
function lake(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Done> {
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, [LAKE_JS, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(p);
    let out = '';
    let err = '';
    p.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    p.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    p.on('error', fail);
    p.on('close', (code) => {
      running.delete(p);
      done({ code, out, err });
    });
  });
}

/** Starts a long-lived `lake …` and resolves once its output matches `ready` (with that output). */
function startLake(cwd: string, args: string[], ready: RegExp): Promise<{ process: ChildProcess; text: () => string }> {
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, [LAKE_JS, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(p);
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      if (ready.test(text)) done({ process: p, text: () => text });
    };
    p.stdout!.on('data', onData);
    p.stderr!.on('data', onData);
    p.on('error', fail);
    p.on('exit', (code) => fail(new Error(`lake ${args.join(' ')} exited with ${code} before it was ready:\n${text}`)));
  });
}

const json = (done: Done) => JSON.parse(done.out) as { rows: unknown[][] };

/** A live holder of the lake's writer lock, as `lake run` writes it (this test process is its live owner). */
function holdWriterLock(lakeRoot: string, command: string): void {
  mkdirSync(join(lakeRoot, '.duckdb'), { recursive: true });
  const now = Date.now();
  writeFileSync(
    join(lakeRoot, '.duckdb', 'writer.lock'),
    JSON.stringify({ pid: process.pid, host: hostname(), command, takenAt: now, heartbeatAt: now, token: randomUUID() }),
  );
}

describe('one lake shared by many processes', () => {
  it('`lake dashboard serve` + `lake schedule` + `lake run` + `lake sql` work on one lake at the same time, and a refresh shows new data', async () => {
    const { root, land } = project('together');
    expect((await lake(root, ['run'])).code).toBe(0);
    const serve = await startLake(root, ['dashboard', 'serve', '--port', '0'], /Serving dashboards at (http:\S+)/);
    const url = /Serving dashboards at (http:\S+)/.exec(serve.text())![1];
    // The scheduler catches up, then sleeps until the next hour: idle, it must hold nothing.
    await startLake(root, ['schedule'], /next fire time/);

    land('a', 2);
    land('b', 3);
    const [select, run] = await Promise.all([lake(root, ['sql', '--format', 'json', '-e', 'SELECT count(*), max(order_id) FROM events']), lake(root, ['run'])]);
    // It may have waited for one of the run's statements (and said so), never failed.
    expect(select.err).not.toMatch(/error|Could not set lock/);
    expect(select.code).toBe(0);
    expect(json(select).rows).toEqual([[3, 3]]);
    expect(run.err).not.toMatch(/Could not set lock|internal error/);
    expect(run.code).toBe(0);

    // The open dashboard shows what the run just wrote.
    const data = (await (await fetch(`${url}api/dashboards/ops/data`)).json()) as { views: { ops_totals: { rows: unknown[][] } } };
    expect(data.views.ops_totals.rows).toEqual([[3, 3]]);
    const after = await lake(root, ['sql', '--format', 'json', '-e', 'SELECT orders FROM order_totals']);
    expect(json(after).rows).toEqual([[3]]);
  });

  it('two `lake run`s at once both finish: the second waits for the first instead of failing', async () => {
    const { root, land } = project('two-runs');
    land('b', 2);
    const runs = await Promise.all([lake(root, ['run']), lake(root, ['run'])]);
    for (const run of runs) {
      expect(run.err).not.toMatch(/Could not set lock|internal error/);
      expect(run.code).toBe(0);
    }
    const totals = await lake(root, ['sql', '--format', 'json', '-e', 'SELECT orders, last_order FROM order_totals']);
    expect(json(totals).rows).toEqual([[2, 2]]);
  });

  it('a writer that must wait says whom it waits for and gives up after the bound with exit 1, while readers go on', async () => {
    const { root, lake: lakeRoot } = project('busy');
    expect((await lake(root, ['run'])).code).toBe(0);
    holdWriterLock(lakeRoot, 'lake run');

    const run = await lake(root, ['run'], { LAKE_WAIT_SECONDS: '1' });
    expect(run.err).toContain(`waiting for lake run (pid ${process.pid})`);
    expect(run.err).toMatch(/error: .*gave up after 1 s waiting for lake run/);
    expect(run.code).toBe(1);
    // The run waits for the lake before its first step: no step started, none half-done.
    expect(run.out).toBe('');
    const write = await lake(root, ['sql', '-e', 'CREATE TABLE shop.t AS SELECT 1 AS a'], { LAKE_WAIT_SECONDS: '1' });
    expect(write.err).toContain(`waiting for lake run (pid ${process.pid})`);
    expect(write.code).toBe(1);

    // Readers do not wait for the writer lock: only for a statement that is writing the catalog this instant.
    const read = await lake(root, ['sql', '--format', 'json', '-e', 'SELECT orders FROM order_totals'], { LAKE_WAIT_SECONDS: '1' });
    expect(read).toMatchObject({ code: 0, err: '' });
    expect(json(read).rows).toEqual([[1]]);
  });

  it('a reader waits for a statement writing the catalog, names it, and gives up after the bound with exit 1', async () => {
    const { root, lake: lakeRoot } = project('writing');
    expect((await lake(root, ['run'])).code).toBe(0);
    // This process plays a `lake run` in the middle of a statement: the writer lock and the catalog attached read-write.
    holdWriterLock(lakeRoot, 'lake run');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`ATTACH '${join(lakeRoot, '.duckdb', 'catalog.duckdb')}' AS c`);
    try {
      const read = await lake(root, ['sql', '-e', 'SELECT orders FROM order_totals'], { LAKE_WAIT_SECONDS: '2' });
      expect(read.err).toContain(`waiting for lake run (pid ${process.pid}) to finish writing to the lake catalog`);
      expect(read.err).toMatch(/gave up after 2 s/);
      expect(read.code).toBe(1);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it('a lake the user cannot write to answers SELECT (with files landed since the last run) and refuses writes with exit 1', async () => {
    const { root, lake: lakeRoot, land } = project('read-only');
    expect((await lake(root, ['run'])).code).toBe(0);
    land('a', 2);
    land('c', 3);
    const before = listing(lakeRoot);
    chmodSync(work, 0o755);
    makeReadOnly(root);
    // Root may write anywhere: the reader runs as an unprivileged user then, so the lake really is read-only to it.
    const asReader: Pick<SpawnSyncOptions, 'uid' | 'gid'> = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const sql = (statement: string) =>
      spawnSync(process.execPath, [LAKE_JS, 'sql', '--lake', lakeRoot, '--format', 'json', '-e', statement], { cwd: tmpdir(), encoding: 'utf8', ...asReader });
    const select = sql('SELECT count(*), max(order_id) FROM shop.events');
    expect(select.stderr).toBe('');
    expect(select.status).toBe(0);
    expect(JSON.parse(select.stdout).rows).toEqual([[3, 3]]);
    const write = sql('CREATE TABLE shop.t AS SELECT 1 AS a');
    expect(write.stderr).toMatch(/error: .*cannot write to the lake/);
    expect(write.status).toBe(1);
    expect(listing(lakeRoot)).toEqual(before);
    makeWritable(root);
  });
});

/** Every file under `dir` with its size and modification time. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((path) => {
      const s = statSync(join(dir, path));
      return `${path} ${s.size} ${s.mtimeMs}`;
    })
    .sort();
}

function makeWritable(dir: string): void {
  chmodSync(dir, 0o755);
  for (const path of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const full = join(dir, path);
    chmodSync(full, statSync(full).isDirectory() ? 0o755 : 0o644);
  }
}

/** Files read-only for everyone, folders enterable and listable by everyone but writable by no one. */
function makeReadOnly(dir: string): void {
  chmodSync(dir, 0o555);
  for (const path of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const full = join(dir, path);
    chmodSync(full, statSync(full).isDirectory() ? 0o555 : 0o444);
  }
}
