// The local engine's translations kept between runs of a lake (issue 18): a scheduled `lake run` translates the same
// model and alert texts every hour, ~45 ms of CPU of a ~300 ms hourly run, nearly all of it first-use compilation of
// the translator's code in a fresh process; `lake test` translates the same fixtures and models each run (~0.6 s of
// its CPU on the example). A translation is a function of the statement's text, its default database, the zoned
// views it reads and the code (the translator never reads the lake root: locations are mapped by the engine), so the
// file holds it under a hash of the first three and is read only by the same code (codeStamp). Kept in the lake
// folder's .cache/ like lake test's table types, and shared by every engine of a run (lake test's scratch engines
// too); a read or write problem just means translating again.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TranslateContext, TranslationStep } from '../../dialect/translate/index.js';
import { codeStamp } from '../../storage/code-stamp.js';
import { claimLakeFolder } from '../../storage/lake-folder.js';

/** Bump when what is stored changes shape. */
const FORMAT = 1;
/** Entries kept in the file: the ones this process used first, then the most recently used before it. */
export const TRANSLATION_CACHE_ENTRIES = 512;

interface CacheFile {
  key: string;
  /** [hash of text and context, the steps as JSON], most recently used first. */
  entries: [string, string][];
}

export const translationCachePath = (lakeRoot: string): string => join(lakeRoot, '.cache', 'translations.json');

const hashOf = (sql: string, ctx: TranslateContext): string =>
  createHash('sha1')
    .update(JSON.stringify([sql, ctx.database, ctx.zonedViews ? [...ctx.zonedViews].sort() : null]))
    .digest('hex');

export class TranslationCache {
  /** Steps as JSON (parsed per use: callers get their own objects). */
  private readonly stored = new Map<string, string>();
  private readonly used = new Set<string>();
  private added = false;

  private constructor(
    private readonly lakeRoot: string,
    private readonly key: string,
  ) {}

  /** The cache of the lake folder `lakeRoot` (what a run's engines translated before, with this code). */
  static load(lakeRoot: string): TranslationCache {
    const path = translationCachePath(lakeRoot);
    const cache = new TranslationCache(lakeRoot, createHash('sha1').update(`${FORMAT}\n${codeStamp()}`).digest('hex'));
    try {
      const file = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
      if (file.key === cache.key) for (const [hash, steps] of file.entries) cache.stored.set(hash, steps);
    } catch {
      // No file yet, or one that does not parse: start empty.
    }
    return cache;
  }

  /** `translate(sql, ctx)`'s steps, from the cache when this code translated the same text in the same context. */
  translate(sql: string, ctx: TranslateContext, translate: (sql: string, ctx: TranslateContext) => TranslationStep[]): TranslationStep[] {
    const hash = hashOf(sql, ctx);
    const known = this.stored.get(hash);
    this.used.add(hash);
    if (known !== undefined) return JSON.parse(known) as TranslationStep[];
    const steps = translate(sql, ctx);
    this.stored.set(hash, JSON.stringify(steps));
    this.added = true;
    return steps;
  }

  /** Writes the file when this process translated something new (a run that only hit the cache writes nothing). */
  save(): void {
    if (!this.added) return;
    const recent = [...this.used, ...[...this.stored.keys()].filter((hash) => !this.used.has(hash))].slice(0, TRANSLATION_CACHE_ENTRIES);
    const entries = recent.flatMap((hash): [string, string][] => {
      const steps = this.stored.get(hash);
      return steps === undefined ? [] : [[hash, steps]];
    });
    const file: CacheFile = { key: this.key, entries };
    const path = translationCachePath(this.lakeRoot);
    try {
      // A lake folder this creates is marked as one, so `lake run --demo` (npm start) may reset it later.
      claimLakeFolder(this.lakeRoot);
      mkdirSync(dirname(path), { recursive: true });
      const temp = `${path}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(file));
      renameSync(temp, path);
      this.added = false;
    } catch {
      // A read-only lake runs without a cache.
    }
  }
}
