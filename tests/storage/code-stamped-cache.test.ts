// A lake folder's cache file (code-stamped-cache.ts) is read by every run that uses it, so what it keeps is bounded:
// the entries this run used first, then older ones, while the JSON stays under CACHE_CHARS.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_CHARS, CodeStampedCache, stampedCachePath } from '../../src/storage/code-stamped-cache.js';

describe('a code-stamped cache file', () => {
  it('keeps the entries this run used first and stops at CACHE_CHARS of JSON', () => {
    const lake = mkdtempSync(join(tmpdir(), 'stamped-cache-'));
    const big = (c: string) => JSON.stringify(c.repeat(Math.ceil(CACHE_CHARS / 3)));
    const first = CodeStampedCache.load(lake, 'things');
    for (const name of ['a', 'b', 'c']) first.set(name, big(name));
    first.save();
    const kept = () => (JSON.parse(readFileSync(stampedCachePath(lake, 'things'), 'utf8')) as { entries: [string, string][] }).entries.map(([h]) => h);
    expect(kept()).toEqual(['a', 'b']);
    const second = CodeStampedCache.load(lake, 'things');
    expect(second.get('b')).toBe(big('b'));
    second.set('d', big('d'));
    second.save();
    expect(kept()).toEqual(['b', 'd']);
  });
});
