// Engines sharing one lake (in one process here; tests/reliability/concurrency.test.ts runs real processes): a writer
// holding the lake (`exclusive`, as `lake run` does) lets no other writer in between its statements, while readers go on.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
import { LakeBusyError, readersWaitingPath, writerLockPath } from '../../../src/engines/local/catalog-access.js';
import { lakeCatalogPath } from '../../../src/engines/duckdb/connection.js';
import { recordDuckDBStatements } from '../../helpers/duckdb-statements.js';

describe('catalog access', () => {
  const opened: AthenaLocalEngine[] = [];
  const lakes: string[] = [];
  afterEach(async () => {
    for (const engine of opened.splice(0)) await engine.close();
    for (const lake of lakes.splice(0)) rmSync(lake, { recursive: true, force: true });
  });
  const open = async (lakeRoot: string, command: string, told: string[] = []) => {
    const engine = await AthenaLocalEngine.open({ lakeRoot, command, waitMs: 300, onWait: (m) => told.push(m) });
    opened.push(engine);
    return engine;
  };

  it('keeps other writers out between the statements of an exclusive run, not readers; releases the lock after', async () => {
    const lake = mkdtempSync(join(tmpdir(), 'lake-access-'));
    lakes.push(lake);
    const run = await open(lake, 'lake run');
    const told: string[] = [];
    const other = await open(lake, 'lake sql', told);
    await run.execute('CREATE TABLE t AS SELECT 1 AS a');
    await run.exclusive(async () => {
      await run.execute('INSERT INTO t VALUES (2)');
      await expect(other.execute('INSERT INTO t VALUES (3)')).rejects.toThrow(LakeBusyError);
      expect(told).toEqual([expect.stringContaining(`waiting for lake run (pid ${process.pid})`)]);
      expect((await other.execute('SELECT count(*) FROM t')).rows).toEqual([[2]]);
      await run.execute('INSERT INTO t VALUES (4)');
    });
    expect(existsSync(writerLockPath(lake))).toBe(false);
    await other.execute('INSERT INTO t VALUES (5)');
    expect((await run.execute('SELECT array_agg(a ORDER BY a) FROM t')).rows).toEqual([[[1, 2, 4, 5]]]);
  });

  describe('under an exclusive run, the catalog file stays attached between statements (a DETACH of a written file is a checkpoint)', () => {
    const count = (sent: string[], word: string) => sent.filter((sql) => sql.startsWith(word)).length;
    const holding = async (lake: string, holdIdleMs: number) => {
      const engine = await AthenaLocalEngine.open({ lakeRoot: lake, command: 'lake run', waitMs: 5_000, holdIdleMs });
      opened.push(engine);
      await engine.execute('CREATE TABLE t AS SELECT 1 AS a');
      return engine;
    };
    const newLake = () => {
      const lake = mkdtempSync(join(tmpdir(), 'lake-access-'));
      lakes.push(lake);
      return lake;
    };

    it('is attached once for the whole run and detached when it ends, when other processes may write again', async () => {
      const lake = newLake();
      const run = await holding(lake, 60_000);
      const { sent, restore } = recordDuckDBStatements();
      await run.exclusive(async () => {
        for (let a = 2; a <= 4; a++) await run.execute(`INSERT INTO t VALUES (${a})`);
        expect((await run.execute('SELECT count(*) FROM t')).rows).toEqual([[4]]);
        expect(count(sent, 'DETACH')).toBe(0);
      });
      expect([count(sent, 'ATTACH'), count(sent, 'DETACH')]).toEqual([1, 1]);
      restore();
      const other = await open(lake, 'lake sql');
      await other.execute('INSERT INTO t VALUES (5)');
      expect((await other.execute('SELECT array_agg(a ORDER BY a) FROM t')).rows).toEqual([[[1, 2, 3, 4, 5]]]);
    });

    it('is handed back after the statement under way while a reader of another process waits (its file in readers-waiting/)', async () => {
      const lake = newLake();
      const run = await holding(lake, 60_000);
      const { sent, restore } = recordDuckDBStatements();
      await run.exclusive(async () => {
        await run.execute('INSERT INTO t VALUES (2)');
        expect(count(sent, 'DETACH')).toBe(0);
        mkdirSync(readersWaitingPath(lake), { recursive: true });
        const reader = join(readersWaitingPath(lake), '12345-waiting');
        writeFileSync(reader, '');
        await run.execute('INSERT INTO t VALUES (3)');
        expect(count(sent, 'DETACH')).toBe(1);
        rmSync(reader);
        await run.execute('INSERT INTO t VALUES (4)');
        await run.execute('INSERT INTO t VALUES (5)');
        expect([count(sent, 'ATTACH'), count(sent, 'DETACH')]).toEqual([2, 1]);
      });
      restore();
    });

    it("is handed back to another engine of this process before it reads (DuckDB's file lock does not keep it out)", async () => {
      const lake = newLake();
      const run = await holding(lake, 60_000);
      const other = await open(lake, 'lake sql');
      const { sent, restore } = recordDuckDBStatements();
      const writerAttaches = () => sent.filter((sql) => sql.startsWith('ATTACH') && !sql.includes('READ_ONLY')).length;
      await run.exclusive(async () => {
        await run.execute('INSERT INTO t VALUES (2)');
        expect((await other.execute('SELECT count(*) FROM t')).rows).toEqual([[2]]);
        await run.execute('INSERT INTO t VALUES (3)');
        expect(writerAttaches()).toBe(2);
      });
      restore();
    });

    it('stays attached while a run is idle and no reader waits; is detached within the idle bound once one waits, and attached again by the next statement', async () => {
      const lake = newLake();
      const run = await holding(lake, 10);
      const { sent, restore } = recordDuckDBStatements();
      await run.exclusive(async () => {
        await run.execute('INSERT INTO t VALUES (2)');
        // Idle for many times the bound: nobody waits, so no checkpoint and no attach again.
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(count(sent, 'DETACH')).toBe(0);
        mkdirSync(readersWaitingPath(lake), { recursive: true });
        const reader = join(readersWaitingPath(lake), '12345-waiting');
        writeFileSync(reader, '');
        await vi.waitFor(() => expect(count(sent, 'DETACH')).toBe(1), { timeout: 10_000 });
        rmSync(reader);
        await run.execute('INSERT INTO t VALUES (3)');
        expect(count(sent, 'ATTACH')).toBe(2);
      });
      restore();
      expect((await run.execute('SELECT array_agg(a ORDER BY a) FROM t')).rows).toEqual([[[1, 2, 3]]]);
    });

    it('a reader that finds the file attached by another process says so in readers-waiting/ while it waits, and clears it after', async () => {
      const lake = newLake();
      const reader = await holding(lake, 60_000);
      // Another process attaches the catalog read-write (as a run holding it does) until the test lets it go, once the
      // reader is seen waiting (a fixed 1.5 s hold lost the race on a loaded CI machine: the reader came after it).
      const script = `import { DuckDBInstance } from '@duckdb/node-api';
        const c = await (await DuckDBInstance.create(':memory:')).connect();
        await c.run(${JSON.stringify(`ATTACH '${lakeCatalogPath(lake)}' AS held`)});
        console.log('attached');
        setTimeout(() => process.exit(0), 30_000);`;
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
        cwd: join(import.meta.dirname, '../../..'),
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      await new Promise<void>((resolve) => child.stdout.on('data', () => resolve()));
      const read = reader.execute('SELECT count(*) FROM t');
      await vi.waitFor(() => expect(readdirSync(readersWaitingPath(lake))).toHaveLength(1), { timeout: 10_000, interval: 5 });
      child.kill();
      expect((await read).rows).toEqual([[1]]);
      expect(readdirSync(readersWaitingPath(lake))).toEqual([]);
      await exited;
    });
  });
});
