// Engines sharing one lake (in one process here; tests/reliability/concurrency.test.ts runs real processes): a writer
// holding the lake (`exclusive`, as `lake run` does) lets no other writer in between its statements, while readers go on.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
import { LakeBusyError, writerLockPath } from '../../../src/engines/local/catalog-access.js';

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
});
