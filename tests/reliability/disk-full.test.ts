// Disk full (ENOSPC) in the middle of `lake ingest`: the write layer (node:fs writeFileSync, which every lake object
// goes through) is made to fail the way a full disk fails it, after writing part of the bytes. The command says so
// plainly (exit 1, no "internal error", no stack), removes its temp files and the outputs it had already written,
// leaves the input in incoming/, and the rerun processes every row exactly once.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const disk = vi.hoisted(() => ({ fullUnder: undefined as string | undefined, failures: 0 }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeFileSync: typeof fs.writeFileSync = (file, data, options) => {
    if (disk.fullUnder !== undefined && String(file).includes(disk.fullUnder)) {
      // A full disk takes part of the data, then refuses the rest.
      const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data as Uint8Array);
      fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
      disk.failures++;
      throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    }
    fs.writeFileSync(file, data, options);
  };
  // A Parquet file DuckDB wrote in the temp folder is moved into the lake (ObjectStore.putFile): the temp folder is
  // taken to be on another disk (EXDEV), so the move is a copy onto the full one, which fails as a write does.
  const renameSync: typeof fs.renameSync = (from, to) => {
    if (disk.fullUnder !== undefined && String(to).includes(disk.fullUnder) && !String(from).includes(disk.fullUnder))
      throw Object.assign(new Error('EXDEV: cross-device link not permitted, rename'), { code: 'EXDEV', errno: -18, syscall: 'rename' });
    fs.renameSync(from, to);
  };
  const copyFileSync: typeof fs.copyFileSync = (from, to, mode) => {
    if (disk.fullUnder !== undefined && String(to).includes(disk.fullUnder)) {
      writeFileSync(to, fs.readFileSync(from));
      return;
    }
    fs.copyFileSync(from, to, mode);
  };
  const overrides = { writeFileSync, renameSync, copyFileSync };
  return { ...fs, ...overrides, default: { ...fs, ...overrides } };
});

// Test files share one module graph (vitest.config.ts, `isolate: false`): the modules under test may have been loaded
// by an earlier file without this file's mock, so they are loaded again here, and again after it without the mock.
vi.resetModules();
afterAll(() => {
  vi.doUnmock('node:fs');
  vi.resetModules();
});
const { main } = await import('../../src/cli/main.js');
const { reportError } = await import('../../src/cli/errors.js');
const { query } = await import('../ingest/helpers.js');
const { captureIo } = await import('../helpers/io.js');

const REPO = resolve('.');
const HEADER = 'order_id,user_id,order_date,total_amount,status';

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

describe('disk full during `lake ingest`', () => {
  const work = mkdtempSync(join(tmpdir(), 'disk-full-'));
  const lake = join(work, 'lake');
  const bucket = join(lake, 'lakehouse-local');
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('fails with a clear error, keeps no temp file or partial output, and the rerun is exact', async () => {
    const first = join(work, 'orders_day1.csv');
    writeFileSync(first, `${HEADER}\n1,7,2025-03-01,10.00,delivered\n2,7,2025-03-01,12.50,delivered\n`);
    // Scratch files of the batch go to the OS temp folder: give this run its own, to see that it is left empty.
    const scratch = join(work, 'tmp');
    mkdirSync(scratch);
    const previousTmp = process.env.TMPDIR;
    process.env.TMPDIR = scratch;
    disk.fullUnder = `${join('lakehouse-local', 'archive')}`;
    const io = captureIo(REPO);
    let code: number;
    try {
      code = await main(['ingest', 'orders', '--file', first, '--lake', lake], io);
    } finally {
      disk.fullUnder = undefined;
      if (previousTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previousTmp;
    }
    expect(disk.failures).toBe(1);
    expect(code).toBe(1);
    expect(io.err).toMatch(/^error: the disk is full \(no space left on device\): ENOSPC: no space left on device, write\nhint: free some space/);
    expect(io.err).not.toMatch(/internal error|\n\s+at /);
    expect(io.out).toBe('');
    // Only the input is left, waiting in incoming/ (the lock is gone, no hidden temp, no raw or archived copy).
    expect(filesUnder(bucket)).toEqual([join('incoming', 'orders_day1.csv')]);
    expect(filesUnder(scratch)).toEqual([]);

    const second = join(work, 'orders_day2.csv');
    writeFileSync(second, `${HEADER}\n3,8,2025-03-02,5.00,delivered\n`);
    const rerun = captureIo(REPO);
    expect(await main(['ingest', 'orders', '--file', second, '--lake', lake], rerun), rerun.err).toBe(0);
    expect(JSON.parse(rerun.out)).toEqual({ received: 3, accepted: 3, quarantined: 0, reasons: {} });
    const rows = await query(`SELECT order_id FROM read_parquet('${join(bucket, 'raw/ecommerce/orders')}/*/*.parquet') ORDER BY order_id`);
    expect(rows.map((r) => Number(r.order_id))).toEqual([1, 2, 3]);
    expect(filesUnder(join(bucket, 'incoming')).filter((f) => f.endsWith('.csv'))).toEqual([]);
  });

  it.each([
    // P1's consumer dead-letters the batch it cannot write (counted, exit 1); P4's delivery stops with the disk-full error.
    ['interactions', 'processed', JSON.stringify({ customer_id: 1, interaction_type: 'call', timestamp: '2025-03-10T10:00:00Z' })],
    ['domain_events', 'domain-events', JSON.stringify({ event_id: 'd1', event_type: 'OrderPlaced', event_time: '2025-03-10T10:00:00Z' })],
  ])('%s: the same clear error, and no temp file left in the lake or the temp folder', async (source, zone, record) => {
    const file = join(work, `${source}.jsonl`);
    writeFileSync(file, `${record}\n`);
    const scratch = join(work, `tmp-${source}`);
    mkdirSync(scratch);
    const previousTmp = process.env.TMPDIR;
    process.env.TMPDIR = scratch;
    disk.fullUnder = join('lakehouse-local', zone);
    const io = captureIo(REPO);
    let code: number;
    try {
      code = await main(['ingest', source, '--file', file, '--lake', lake], io);
    } finally {
      disk.fullUnder = undefined;
      if (previousTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previousTmp;
    }
    expect(code).toBe(1);
    expect(io.err).not.toMatch(/internal error|\n\s+at /);
    if (source === 'interactions') {
      // The consumer dead-letters a batch it cannot write, as on AWS: counted, named on stderr with the cause.
      expect(JSON.parse(io.out)).toEqual({ received: 1, accepted: 0, quarantined: 1, reasons: { batch_write_failed: 1 } });
      expect(io.err).toMatch(
        /: batch_write_failed: 1 records dead-lettered under dead-letter\/crm\/: writing s3:\/\/.* failed: ENOSPC: no space left on device/,
      );
    } else {
      expect(io.err).toMatch(/^error: the disk is full \(no space left on device\): domain-events: 1 records could not be delivered: ENOSPC/);
    }
    expect(filesUnder(bucket).filter((f) => f.split('/').some((part) => part.startsWith('.')))).toEqual([]);
    expect(filesUnder(join(bucket, zone))).toEqual([]);
    expect(filesUnder(scratch)).toEqual([]);
  });

  it('reports DuckDB’s disk-full IO error the same way', () => {
    const io = captureIo(REPO);
    const duckdb = new Error('IO Error: Could not write file "/lake/.duckdb/catalog.duckdb.wal": No space left on device\nLINE 1: …');
    expect(reportError(duckdb, io)).toBe(1);
    expect(io.err).toBe(
      'error: the disk is full (no space left on device): IO Error: Could not write file "/lake/.duckdb/catalog.duckdb.wal": No space left on device\nhint: free some space and run the command again\n',
    );
  });
});
