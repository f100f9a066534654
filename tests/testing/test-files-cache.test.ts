// `lake test` keeps its parsed test files in the lake folder's .cache/test-files.json (code-stamped-cache.ts): a file
// with the same text is read from there, not parsed again; a changed file is parsed again; a file whose tests JSON
// would change (a NaN) is parsed every time.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CodeStampedCache, stampedCachePath } from '../../src/storage/code-stamped-cache.js';
import { loadUnitTests, type UnitTest } from '../../src/testing/spec.js';
import { makeProject } from '../project/project-helpers.js';

const TESTS = `model: totals
tests:
  - name: sums the daily amounts
    given:
      daily:
        - { order_id: 1, amount: 2.5 }
    expect:
      rows:
        - { total: 2.5 }
`;

interface StoredFile {
  key: string;
  entries: [string, string][];
}

async function load(root: string, lake: string): Promise<UnitTest[]> {
  const cache = CodeStampedCache.load(lake, 'test-files');
  const tests = await loadUnitTests(root, 'sql', cache);
  cache.save();
  return tests;
}

const stored = (lake: string): StoredFile => JSON.parse(readFileSync(stampedCachePath(lake, 'test-files'), 'utf8')) as StoredFile;

describe('the test-files cache of lake test', () => {
  it('reads a file with the same text from the cache and parses a changed one', async () => {
    const root = makeProject({ 'tests/sql/totals.yaml': TESTS });
    const lake = mkdtempSync(join(tmpdir(), 'test-files-cache-'));
    const parsed = await loadUnitTests(root, 'sql');
    expect(await load(root, lake)).toEqual(parsed);
    expect(stored(lake).entries).toHaveLength(1);
    // The stored tests are what a later run gets: renamed there, renamed in the answer.
    const file = stored(lake);
    const renamed = file.entries.map(([hash, json]): [string, string] => [hash, json.replace('sums the daily amounts', 'from the cache')]);
    writeFileSync(stampedCachePath(lake, 'test-files'), JSON.stringify({ ...file, entries: renamed }));
    expect((await load(root, lake)).map((t) => t.name)).toEqual(['from the cache']);
    // A changed file is parsed again.
    writeFileSync(join(root, 'tests/sql/totals.yaml'), TESTS.replace('sums the daily amounts', 'sums them'));
    expect((await load(root, lake)).map((t) => t.name)).toEqual(['sums them']);
  });

  it('parses every time a file whose tests do not carry through JSON', async () => {
    const root = makeProject({ 'tests/sql/totals.yaml': TESTS.replace('amount: 2.5', 'amount: .nan') });
    const lake = mkdtempSync(join(tmpdir(), 'test-files-cache-'));
    const tests = await load(root, lake);
    expect(tests[0].given[0].rows[0].amount).toBeNaN();
    expect(() => stored(lake)).toThrow();
    expect((await load(root, lake))[0].given[0].rows[0].amount).toBeNaN();
  });
});
