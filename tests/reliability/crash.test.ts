// Crash and rerun: a real child process is SIGKILLed in the middle of writing partitions, between an incremental
// batch's delete and its insert, in the middle of an Iceberg MERGE, and while holding the P2 lock. After each kill
// the lake must hold no half-written file a query can see, and a rerun must leave no duplicated and no missing rows.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { LocalObjectStore } from '../../src/storage/object-store/index.js';
import { STRATEGIES } from '../../src/pipeline/materialize/index.js';
import { bundleChild, type ChildBundle } from '../helpers/child-bundle.js';
import { captureIo } from '../helpers/io.js';
import { BIG_MERGE, DIM_ROWS, INCREMENTAL_PARTITIONS, INCREMENTAL_ROWS, incrementalRequest } from './crash-sql.js';

const work = mkdtempSync(join(tmpdir(), 'crash-'));
let childBundle: ChildBundle | undefined;
let child: string;
const running = new Set<ChildProcess>();

beforeAll(async () => {
  childBundle = await bundleChild('tests/reliability/crash-child.ts');
  child = childBundle.file;
});
afterAll(() => {
  for (const p of running) p.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
  childBundle?.remove();
});

/** Starts the child and SIGKILLs it once `killWhen` matches a line it printed (after `delayMs`). Resolves to its output. */
function runAndKill(args: string[], killWhen: RegExp, delayMs = 0): Promise<{ lines: string[]; signal: NodeJS.Signals | null }> {
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'inherit'], cwd: resolve('.') });
    running.add(p);
    const lines: string[] = [];
    const guard = setTimeout(() => p.kill('SIGKILL'), 60_000);
    let buffer = '';
    p.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (killWhen.test(line)) setTimeout(() => p.kill('SIGKILL'), delayMs);
      }
    });
    p.on('error', fail);
    p.on('exit', (_code, signal) => {
      clearTimeout(guard);
      running.delete(p);
      done({ lines, signal });
    });
  });
}

const visibleFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));

async function checkIncremental(lake: string): Promise<void> {
  const engine = await AthenaLocalEngine.open({ lakeRoot: lake, database: 'mart' });
  try {
    // Whatever the kill left, every file in the table folder is whole: a full scan reads them all without error.
    const tableDir = join(lake, 'warehouse/mart/events');
    expect(visibleFiles(tableDir).filter((f) => /[/\\][._]/.test(f.slice(tableDir.length)))).toEqual([]);
    await engine.execute('SELECT count(*), sum(length(payload)) FROM mart.events');
    // The rerun restores exactly the source: every row once, every partition whole.
    await STRATEGIES.incremental(incrementalRequest, { engine, objectStore: new LocalObjectStore(lake) });
    const [[rows, ids, partitions]] = (await engine.execute('SELECT count(*), count(DISTINCT id), count(DISTINCT dt) FROM mart.events')).rows;
    expect([Number(rows), Number(ids), Number(partitions)]).toEqual([INCREMENTAL_ROWS, INCREMENTAL_ROWS, INCREMENTAL_PARTITIONS]);
    const perPartition = (await engine.execute('SELECT DISTINCT count(*) FROM mart.events GROUP BY dt')).rows;
    expect(perPartition.map((r) => Number(r[0]))).toEqual([INCREMENTAL_ROWS / INCREMENTAL_PARTITIONS]);
  } finally {
    await engine.close();
  }
}

// Each test spawns child processes that write and rewrite thousands of rows; on two shared cores under CI's load a
// run has taken longer than the default 30 s, so these get room without any timing assertion.
const SPAWNED_RUN_TIMEOUT_MS = 120_000;

describe('SIGKILL while materializing an incremental model', { timeout: SPAWNED_RUN_TIMEOUT_MS }, () => {
  it('mid-write of a partition batch: no half-written file visible, the rerun has every row exactly once', async () => {
    const lake = join(work, 'mid-write');
    // A first complete run, so the kill hits a rerun that replaces partitions holding data.
    expect((await runAndKill(['incremental', lake], /^$/)).lines).toContain('done');
    const killed = await runAndKill(['incremental', lake], /^statement INSERT/, 150);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.lines).not.toContain('done');
    await checkIncremental(lake);
  });

  it('between deleting a batch’s partitions and inserting them: the rerun restores them', async () => {
    const lake = join(work, 'after-delete');
    expect((await runAndKill(['incremental', lake], /^$/)).lines).toContain('done');
    const killed = await runAndKill(['incremental', lake, 'pause-after-delete'], /^deleted$/);
    expect(killed.signal).toBe('SIGKILL');
    const engine = await AthenaLocalEngine.open({ lakeRoot: lake, database: 'mart' });
    // The crash really lost the second batch's partitions (100 of them) until the rerun.
    const [[partitions]] = (await engine.execute('SELECT count(DISTINCT dt) FROM mart.events')).rows;
    await engine.close();
    expect(Number(partitions)).toBe(INCREMENTAL_PARTITIONS - 100);
    await checkIncremental(lake);
  });
});

describe('SIGKILL while the local engine replaces an incremental model’s partitions in one write', { timeout: SPAWNED_RUN_TIMEOUT_MS }, () => {
  // Kills land anywhere in a run: in the COPY to staging (nothing visible yet), or between publishing a partition's
  // new files and deleting its older ones (the partition briefly holds both; never a partial or temp file).
  it.each([[60], [250], [700]])('after %i ms: no half-written file visible, the rerun has every row exactly once', async (delayMs) => {
    const lake = join(work, `native-${delayMs}`);
    expect((await runAndKill(['incremental-native', lake], /^$/)).lines).toContain('done');
    const killed = await runAndKill(['incremental-native', lake, 'loop'], /^incremental 2 start$/, delayMs);
    expect(killed.signal).toBe('SIGKILL');
    await checkIncremental(lake);
  });
});

describe('SIGKILL in the middle of an Iceberg MERGE', { timeout: SPAWNED_RUN_TIMEOUT_MS }, () => {
  it('leaves the table as before or after the statement, never between; a rerun completes it without duplicates', async () => {
    const lake = join(work, 'merge');
    expect((await runAndKill(['merge', lake, 'setup'], /^$/)).lines).toContain('ready');
    const killed = await runAndKill(['merge', lake], /^merge 2 start$/, 40);
    expect(killed.signal).toBe('SIGKILL');
    const engine = await AthenaLocalEngine.open({ lakeRoot: lake, database: 'mart' });
    try {
      const state = async () =>
        (await engine.execute('SELECT count(*), count(DISTINCT id), count(DISTINCT version), min(version) FROM mart.dim')).rows[0].map(Number);
      const [rows, ids, versions, version] = await state();
      expect([rows, ids, versions]).toEqual([DIM_ROWS, DIM_ROWS, 1]);
      expect([1, 2]).toContain(version);
      await engine.execute(BIG_MERGE);
      expect(await state()).toEqual([DIM_ROWS, DIM_ROWS, 1, version + 1]);
      expect((await engine.execute("SELECT count(*) FROM mart.dim WHERE note <> concat('v', CAST(version AS varchar))")).rows).toEqual([[0]]);
    } finally {
      await engine.close();
    }
  });
});

describe('SIGKILL while holding the P2 lock', { timeout: SPAWNED_RUN_TIMEOUT_MS }, () => {
  it('a live holder blocks `lake ingest`; once it is killed the stale lock is detected and released safely', async () => {
    const lake = join(work, 'lock');
    const lockPath = join(lake, 'lakehouse-local', 'incoming', 'pipeline.lock');
    const file = join(work, 'orders_lock.csv');
    writeFileSync(file, 'order_id,user_id,order_date,total_amount,status\n1,1001,2025-03-07,20.00,completed\n');
    const holder = spawn(process.execPath, [child, 'lock', lake, lockPath], { stdio: ['ignore', 'pipe', 'inherit'] });
    running.add(holder);
    await new Promise<void>((ready) => holder.stdout!.once('data', () => ready()));

    const blocked = captureIo(resolve('.'));
    expect(await main(['ingest', 'orders', '--file', file, '--lake', lake], blocked)).toBe(1);
    expect(blocked.err).toMatch(new RegExp(`P2 landing is locked by pid ${holder.pid}`));

    const exited = new Promise((gone) => holder.on('exit', gone));
    holder.kill('SIGKILL');
    await exited;
    running.delete(holder);
    const io = captureIo(resolve('.'));
    expect(await main(['ingest', 'orders', '--file', file, '--lake', lake], io), io.err).toBe(0);
    expect(JSON.parse(io.out)).toEqual({ received: 1, accepted: 1, quarantined: 0, reasons: {} });
    // The file that waited while the lock was held is processed once, in the same batch: no duplicate row.
    const engine = await AthenaLocalEngine.open({ lakeRoot: lake, database: 'lakehouse' });
    try {
      expect(readdirSync(join(lake, 'lakehouse-local', 'incoming'))).toEqual([]);
      const archived = await new LocalObjectStore(lake).list('lakehouse-local', 'archive/incoming/');
      expect(archived.map((o) => o.key.split('/').pop())).toEqual(['orders_lock.csv']);
    } finally {
      await engine.close();
    }
  });
});
