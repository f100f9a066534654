// Results kept between runs in a lake folder's .cache/<name>.json, each under a hash of what it was computed from, and
// read only by the code that wrote them (codeStamp): the local engine's translations, lake test's parsed test files.
// A read or write problem just means computing again.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { codeStamp } from './code-stamp.js';
import { claimLakeFolder } from './lake-folder.js';

/** Bump when what is stored changes shape. */
const FORMAT = 1;
/**
 * Entries kept in a file: the ones this process used first, then the most recently used before it, up to this many
 * and this much JSON (reading the file is paid by every run: the example's lake test keeps ~0.5 MB).
 */
export const CACHE_ENTRIES = 512;
export const CACHE_CHARS = 4_000_000;

interface CacheFile {
  key: string;
  /** [hash of the inputs, the result as JSON], most recently used first. */
  entries: [string, string][];
}

export const stampedCachePath = (lakeRoot: string, name: string): string => join(lakeRoot, '.cache', `${name}.json`);

/** The hash an entry is kept under: of `inputs` as JSON. */
export const inputsHash = (inputs: unknown): string => createHash('sha1').update(JSON.stringify(inputs)).digest('hex');

export class CodeStampedCache {
  /** Results as JSON (parsed per use: callers get their own objects). */
  private readonly stored = new Map<string, string>();
  private readonly used = new Set<string>();
  private added = false;

  private constructor(
    private readonly lakeRoot: string,
    private readonly name: string,
    private readonly key: string,
  ) {}

  /** The cache `name` of the lake folder `lakeRoot` (what runs of this code stored before). */
  static load(lakeRoot: string, name: string): CodeStampedCache {
    const cache = new CodeStampedCache(lakeRoot, name, inputsHash([FORMAT, codeStamp()]));
    try {
      const file = JSON.parse(readFileSync(stampedCachePath(lakeRoot, name), 'utf8')) as CacheFile;
      if (file.key === cache.key) for (const [hash, value] of file.entries) cache.stored.set(hash, value);
    } catch {
      // No file yet, or one that does not parse: start empty.
    }
    return cache;
  }

  /** The result stored under `hash`, as JSON text. */
  get(hash: string): string | undefined {
    const value = this.stored.get(hash);
    if (value !== undefined) this.used.add(hash);
    return value;
  }

  set(hash: string, json: string): void {
    this.stored.set(hash, json);
    this.used.add(hash);
    this.added = true;
  }

  /** Writes the file when this process stored something new (a run that only read the cache writes nothing). */
  save(): void {
    if (!this.added) return;
    const recent = [...this.used, ...[...this.stored.keys()].filter((hash) => !this.used.has(hash))].slice(0, CACHE_ENTRIES);
    const entries: [string, string][] = [];
    let chars = 0;
    for (const hash of recent) {
      const value = this.stored.get(hash);
      if (value === undefined) continue;
      chars += value.length;
      if (chars > CACHE_CHARS) break;
      entries.push([hash, value]);
    }
    const path = stampedCachePath(this.lakeRoot, this.name);
    try {
      // A lake folder this creates is marked as one, so `lake run --demo` (npm start) may reset it later.
      claimLakeFolder(this.lakeRoot);
      mkdirSync(dirname(path), { recursive: true });
      const temp = `${path}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify({ key: this.key, entries } satisfies CacheFile));
      renameSync(temp, path);
      this.added = false;
    } catch {
      // A read-only lake runs without a cache.
    }
  }
}
