// `lake test` keeps its engines' translations in the lake folder's .cache/ (translation-cache.ts): the
// next run of the same text in the same context reads the stored steps instead of translating, a changed text or
// context translates again, a file written by other code is not read, and a statement that fails to translate stores
// nothing. The key leaves out the engine's lake root (lake test's engines have a new scratch root each run), which is
// right only while the translator's output does not depend on it.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
import { TranslationCache, translationCachePath } from '../../../src/engines/local/translation-cache.js';
import { translateStatement } from '../../../src/dialect/translate/index.js';

interface StoredFile {
  key: string;
  entries: [string, string][];
}

const QUERY = 'SELECT 40 + 2 AS answer';

/** One run: an engine on `engineRoot` (the lake itself by default) with the lake's translations, closed after. */
async function answerOf(lakeRoot: string, sql: string, cached = true, engineRoot = lakeRoot): Promise<unknown> {
  const translations = cached ? TranslationCache.load(lakeRoot) : undefined;
  const engine = await AthenaLocalEngine.open({ lakeRoot: engineRoot, inMemory: engineRoot !== lakeRoot, translations });
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
    const engine = await AthenaLocalEngine.open({ lakeRoot: lake, translations: TranslationCache.load(lake), database: 'other' });
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

  it('serves engines on other lake roots (lake test: a new scratch folder per run)', async () => {
    const lake = mkdtempSync(join(tmpdir(), 'translation-cache-'));
    expect(await answerOf(lake, QUERY, true, mkdtempSync(join(tmpdir(), 'scratch-')))).toBe(42);
    tamper(lake);
    expect(await answerOf(lake, QUERY, true, mkdtempSync(join(tmpdir(), 'scratch-')))).toBe(7);
  });

  it('rests on a translator that does not read the lake root', () => {
    const statements = [
      "CREATE EXTERNAL TABLE t (a int) PARTITIONED BY (dt string) STORED AS PARQUET LOCATION 's3://bucket/t/'",
      "CREATE TABLE c WITH (external_location = 's3://bucket/c/', format = 'PARQUET', partitioned_by = ARRAY['b']) AS SELECT 1 AS a, 2 AS b",
      "UNLOAD (SELECT 1 AS a) TO 's3://bucket/out/' WITH (format = 'JSON')",
      "INSERT INTO t SELECT 1, '2024-01-01'",
      "ALTER TABLE t ADD PARTITION (dt = '2024-01-02') LOCATION 's3://bucket/t/dt=2024-01-02/'",
      'SELECT "$path", a FROM t WHERE dt = \'2024-01-01\'',
    ];
    for (const sql of statements) {
      const here = translateStatement(sql, { lakeRoot: '/lake/one', database: 'db' });
      expect(translateStatement(sql, { lakeRoot: '/elsewhere/two', database: 'db' }), sql).toEqual(here);
    }
  });
});
