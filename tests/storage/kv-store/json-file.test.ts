import { fork } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { JsonFileKeyValueStore } from '../../../src/storage/kv-store/json-file.js';
import { updateKey } from '../../../src/storage/kv-store/key-value-store.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'kv-'));

describe('JsonFileKeyValueStore', () => {
  it('puts, gets, versions and deletes values', async () => {
    const store = new JsonFileKeyValueStore(join(tempDir(), 'state', 'kv.json'));
    expect(await store.get('a')).toBeUndefined();
    expect(await store.put('a', { n: 1, tags: ['x'] })).toBe(1);
    expect(await store.put('a', { n: 2, tags: [] })).toBe(2);
    expect(await store.get('a')).toEqual({ value: { n: 2, tags: [] }, version: 2 });
    await store.delete('a');
    expect(await store.get('a')).toBeUndefined();
  });

  it('puts many items in one write, each versioned as a put would be', async () => {
    const store = new JsonFileKeyValueStore(join(tempDir(), 'kv.json'));
    await store.put('a', 'old');
    await store.putMany([
      ['a', { n: 1 }],
      ['b', { n: 2 }],
    ]);
    expect(await store.get('a')).toEqual({ value: { n: 1 }, version: 2 });
    expect(await store.get('b')).toEqual({ value: { n: 2 }, version: 1 });
    await expect(store.putMany([['c', () => 1]])).rejects.toThrow(/key 'c': value is not JSON-serializable/);
    expect(await store.get('c')).toBeUndefined();
  });

  it('conditional put succeeds only against the expected version', async () => {
    const store = new JsonFileKeyValueStore(join(tempDir(), 'kv.json'));
    expect(await store.putIf('k', 'first', undefined)).toBe(1);
    expect(await store.putIf('k', 'again', undefined)).toBeUndefined();
    expect(await store.putIf('k', 'stale', 7)).toBeUndefined();
    expect(await store.putIf('k', 'second', 1)).toBe(2);
    expect((await store.get('k'))?.value).toBe('second');
  });

  it('leaves no temp or lock files behind and keeps the file valid JSON', async () => {
    const dir = tempDir();
    const store = new JsonFileKeyValueStore(join(dir, 'kv.json'));
    await store.put('a', 1);
    await store.put('b', 'two');
    expect(readdirSync(dir)).toEqual(['kv.json']);
    expect(JSON.parse(readFileSync(join(dir, 'kv.json'), 'utf8')).items.b).toEqual({ value: 'two', version: 1 });
  });

  it('names the file when it is corrupt', async () => {
    const path = join(tempDir(), 'kv.json');
    writeFileSync(path, '{ not json');
    await expect(new JsonFileKeyValueStore(path).get('a')).rejects.toThrow(path);
  });

  it('breaks a lock left by a process that no longer exists', async () => {
    const path = join(tempDir(), 'kv.json');
    // pid 2^22 + 1 is above Linux's pid_max default, so no live process has it.
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: 4_194_305, takenAt: Date.now(), token: 'dead' }));
    const store = new JsonFileKeyValueStore(path, { timeoutMs: 2000 });
    expect(await store.put('a', 1)).toBe(1);
  });

  it('loses no update when many store instances increment one counter concurrently', async () => {
    const path = join(tempDir(), 'kv.json');
    const stores = Array.from({ length: 4 }, () => new JsonFileKeyValueStore(path));
    await Promise.all(stores.flatMap((store) => Array.from({ length: 10 }, () => updateKey<number>(store, 'counter', (n) => (n ?? 0) + 1, 200))));
    expect(await stores[0].get('counter')).toEqual({ value: 40, version: 40 });
  });

  it('is safe across processes', async () => {
    const dir = tempDir();
    await build({
      entryPoints: [resolve('src/storage/kv-store/json-file.ts'), resolve('src/storage/kv-store/key-value-store.ts')],
      outdir: dir,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'silent',
    });
    const worker = join(dir, 'worker.mjs');
    writeFileSync(
      worker,
      `import { JsonFileKeyValueStore } from './json-file.mjs';
import { updateKey } from './key-value-store.mjs';
const store = new JsonFileKeyValueStore(process.argv[2]);
for (let i = 0; i < 15; i++) await updateKey(store, 'counter', (n) => (n ?? 0) + 1, 500);
`,
    );
    const path = join(dir, 'shared.json');
    const exits = await Promise.all(
      [1, 2, 3].map(
        () =>
          new Promise<number | null>((done) => {
            fork(worker, [path], { stdio: 'ignore' }).on('exit', done);
          }),
      ),
    );
    expect(exits).toEqual([0, 0, 0]);
    expect(await new JsonFileKeyValueStore(path).get('counter')).toEqual({ value: 45, version: 45 });
  });
});
