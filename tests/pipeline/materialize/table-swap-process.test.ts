// The `ha` swap against a reader in another process: the writer rebuilds `dim` on the lake's catalog file (the
// catalog attached per statement, as `lake run` does) and, after every statement and after the swap, asks a child
// process with its own local engine to read the table. The reader sees the old rows or the new ones, never a missing
// table, whatever changed (rows, columns, format, partitioning).
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engines/engine.js';
import { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
import { STRATEGIES, type MaterializeRequest } from '../../../src/pipeline/materialize/index.js';
import { LocalObjectStore } from '../../../src/storage/object-store/index.js';
import { tempLake } from '../../dialect/lake-helpers.js';
import { bundleChild, type ChildBundle } from '../../helpers/child-bundle.js';

let readerBundle: ChildBundle | undefined;
let reader: ChildProcess | undefined;

beforeAll(async () => {
  readerBundle = await bundleChild('tests/pipeline/materialize/table-reader-child.ts');
});
afterAll(() => {
  reader?.kill('SIGKILL');
  readerBundle?.remove();
});

/** Starts the reader process; `read()` asks it for one read of `dim` and resolves to what it saw. */
async function startReader(lake: string): Promise<{ read: () => Promise<string>; stop: () => Promise<void> }> {
  const p = spawn(process.execPath, [readerBundle!.file, lake], { stdio: ['pipe', 'pipe', 'inherit'] });
  reader = p;
  const waiting: Array<(line: string) => void> = [];
  let buffer = '';
  p.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) waiting.shift()?.(line);
  });
  const next = () => new Promise<string>((done) => waiting.push(done));
  expect(await next()).toBe('ready');
  return {
    read: () => {
      const answer = next();
      p.stdin!.write('read\n');
      return answer;
    },
    stop: () =>
      new Promise((done) => {
        p.on('exit', () => done());
        p.stdin!.write('stop\n');
      }),
  };
}

describe('table: a reader in another process never misses the table during the ha swap', () => {
  it('sees the old or the new table after every step of a rebuild that changes the columns, the format and the partitioning', async () => {
    const lake = tempLake();
    const engine = await AthenaLocalEngine.open({ lakeRoot: lake, threads: 1, command: 'writer' });
    const objectStore = new LocalObjectStore(lake);
    const request = (selectSql: string, extra: Partial<MaterializeRequest> = {}): MaterializeRequest => ({
      database: 'default',
      name: 'dim',
      selectSql,
      location: 's3://w/dim/',
      ...extra,
    });
    await STRATEGIES.table(request('SELECT 1 AS id'), { engine, objectStore, runId: 'run1' });
    const { read, stop } = await startReader(lake);
    const seen: string[] = [];
    const observed: Engine = {
      name: engine.name,
      capabilities: engine.capabilities,
      close: () => engine.close(),
      execute: async (sql, options) => {
        const result = await engine.execute(sql, options);
        seen.push(await read());
        return result;
      },
      swapTable: async (source, target, properties) => {
        await engine.swapTable(source, target, properties);
        seen.push(await read());
      },
    };
    try {
      // New columns, another format and partitioning at once: before the swap, a DROP and CREATE.
      await STRATEGIES.table(request("SELECT 2 AS id, 'x' AS name, 'y' AS k", { format: 'JSON', partitionedBy: ['k'] }), {
        engine: observed,
        objectStore,
        runId: 'run2',
      });
    } finally {
      await stop();
      await engine.close();
    }
    expect(seen.length).toBeGreaterThan(3);
    expect(new Set(seen)).toEqual(new Set(['1', '2']));
    expect(seen.at(-1)).toBe('2');
  }, 60_000); // two processes, each opening an engine, on a loaded 2-core machine
});
