import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalObjectStore, ObjectExistsError, ObjectNotFoundError, parseS3Uri, s3Folder } from '../../src/storage/object-store/index.js';

describe('LocalObjectStore', () => {
  it('puts, lists by prefix in key order, gets and deletes like S3', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lake-os-'));
    const store = new LocalObjectStore(root);
    await store.put('b', 't/dt=2025-01-02/a.json', '{"a":1}\n');
    await store.put('b', 't/dt=2025-01-01/b.json', Buffer.from('{"a":2}\n'));
    await store.put('b', 't/dt=2025-01-01/a.json', 'x');
    await store.put('b', 'tother/c.json', 'y');
    expect(existsSync(join(root, 'b/t/dt=2025-01-01/a.json'))).toBe(true);

    expect((await store.list('b', 't/')).map((o) => o.key)).toEqual(['t/dt=2025-01-01/a.json', 't/dt=2025-01-01/b.json', 't/dt=2025-01-02/a.json']);
    expect((await store.list('b', 't')).map((o) => o.key)).toHaveLength(4);
    expect((await store.list('b', 't/dt=2025-01-01/b')).map((o) => [o.key, o.size])).toEqual([['t/dt=2025-01-01/b.json', 8]]);
    expect((await store.get('b', 't/dt=2025-01-02/a.json')).toString()).toBe('{"a":1}\n');
    await expect(store.get('b', 'nope')).rejects.toBeInstanceOf(ObjectNotFoundError);

    expect(await store.deletePrefix('b', 't/dt=2025-01-01/')).toBe(2);
    expect(existsSync(join(root, 'b/t/dt=2025-01-01'))).toBe(false); // empty folders go, as S3 has none
    await store.delete('b', ['t/dt=2025-01-02/a.json', 'never-there']);
    expect((await store.list('b', '')).map((o) => o.key)).toEqual(['tother/c.json']);
    expect(await store.list('missing-bucket', '')).toEqual([]);
    await expect(store.put('b', '../../escape', 'x')).rejects.toThrow(/leaves bucket/);
  });

  it('creates only with ifNoneMatch: an existing object stays as it was, and no temp file is left', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lake-os-'));
    const store = new LocalObjectStore(root);
    await store.put('b', 'incoming/a.csv', 'first', { ifNoneMatch: '*' });
    await expect(store.put('b', 'incoming/a.csv', 'second', { ifNoneMatch: '*' })).rejects.toBeInstanceOf(ObjectExistsError);
    expect((await store.get('b', 'incoming/a.csv')).toString()).toBe('first');
    expect(readdirSync(join(root, 'b', 'incoming'))).toEqual(['a.csv']);
  });

  it('puts a local file by moving it into place: the object has its bytes, the file and no temp file are left', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lake-os-'));
    const store = new LocalObjectStore(root);
    const file = join(mkdtempSync(join(tmpdir(), 'lake-os-file-')), 'data.parquet');
    writeFileSync(file, 'PAR1…');
    await store.putFile('b', 'p/hour=1/x.parquet', file);
    expect(readFileSync(join(root, 'b/p/hour=1/x.parquet'), 'utf8')).toBe('PAR1…');
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(join(root, 'b/p/hour=1'))).toEqual(['x.parquet']);
    writeFileSync(file, 'x');
    await expect(store.putFile('b', '../../escape', file)).rejects.toThrow(/leaves bucket/);
  });

  it('parses s3 locations', () => {
    expect(parseS3Uri('s3://bucket/a/b/')).toEqual({ bucket: 'bucket', key: 'a/b/' });
    expect(parseS3Uri('s3a://bucket')).toEqual({ bucket: 'bucket', key: '' });
    expect(s3Folder('s3://bucket/a/b')).toBe('s3://bucket/a/b/');
    expect(() => parseS3Uri('/local/path')).toThrow(/not an S3 location/);
  });
});
