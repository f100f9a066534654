// A `lake run` engine keeps its translations in the lake folder's .cache/ (translation-cache.ts): the next run of the
// same text in the same context reads the stored steps instead of translating, a changed text or context translates
// again, a file written by other code is not read, and a statement that fails to translate stores nothing.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
import { translationCachePath } from '../../../src/engines/local/translation-cache.js';

interface StoredFile {
  key: string;
  entries: [string, string][];
}

const QUERY = 'SELECT 40 + 2 AS answer';

async function answerOf(lakeRoot: string, sql: string, cacheTranslations = true): Promise<unknown> {
  const engine = await AthenaLocalEngine.open({ lakeRoot, cacheTranslations });
  try {
    return (await engine.execute(sql)).rows[0]?.[0];
  } finally {
    await engine.close();
  }
}

const stored = (lakeRoot: string): StoredFile => JSON.parse(readFileSync(translationCachePath(lakeRoot), 'utf8')) as StoredFile;

/** Replaces the stored steps of every entry by a query answering 7: what a later run answers shows whether it read the file. */
function tamper(lakeRoot: string, change: (file: StoredFile) => StoredFile = (f) => f): void {
  const file = change(stored(lakeRoot));
  const seven = JSON.stringify([{ kind: 'sql', sql: 'SELECT 7 AS answer', result: true }]);
  const entries = file.entries.map(([hash]): [string, string] => [hash, seven]);
  writeFileSync(translationCachePath(lakeRoot), JSON.stringify({ ...file, entries }));
}

describe('the translation cache of the local engine', () => {
  it('answers a repeated statement from the stored translation', async () => {
    const lake = mkdtempSync(join(tmpdir(), 'translation-cache-'));
    expect(await answerOf(lake, QUERY)).toBe(42);
    expect(stored(lake).entries).toHaveLength(1);
    expect(JSON.parse(stored(lake).entries[0][1])).toEqual([expect.objectContaining({ kind: 'sql', result: true })]);
    tamper(lake);
    // Read from the file: the tampered steps answer.
    expect(await answerOf(lake, QUERY)).toBe(7);
    // An engine without the cache translates.
    expect(await answerOf(lake, QUERY, false)).toBe(42);
  });

  it('translates again for another text or another default database, and keeps both', async () => {
    const lake = mkdtempSync(join(tmpdir(), 'translation-cache-'));
    expect(await answerOf(lake, QUERY)).toBe(42);
    tamper(lake);
    expect(await answerOf(lake, `${QUERY} -- changed`)).toBe(42);
    const engine = await AthenaLocalEngine.open({ lakeRoot: lake, cacheTranslations: true, database: 'other' });
    try {
      expect((await engine.execute(QUERY)).rows[0]?.[0]).toBe(42);
    } finally {
      await engine.close();
    }
    expect(stored(lake).entries).toHaveLength(3);
  });

  it('does not read a file written by other code', async () => {
    const lake = mkdtempSync(join(tmpdir(), 'translation-cache-'));
    expect(await answerOf(lake, QUERY)).toBe(42);
    tamper(lake, (file) => ({ ...file, key: 'other code' }));
    expect(await answerOf(lake, QUERY)).toBe(42);
    expect(stored(lake).key).not.toBe('other code');
  });

  it('stores nothing for a statement that does not translate, and writes nothing when every translation was stored', async () => {
    const lake = mkdtempSync(join(tmpdir(), 'translation-cache-'));
    await expect(answerOf(lake, 'SELECT 1 FROM t1 NATURAL JOIN t2')).rejects.toThrow();
    expect(existsSync(translationCachePath(lake))).toBe(false);
    expect(await answerOf(lake, QUERY)).toBe(42);
    const before = readFileSync(translationCachePath(lake), 'utf8');
    tamper(lake);
    const tampered = readFileSync(translationCachePath(lake), 'utf8');
    expect(tampered).not.toBe(before);
    expect(await answerOf(lake, QUERY)).toBe(7);
    expect(readFileSync(translationCachePath(lake), 'utf8')).toBe(tampered);
  });
});
