// The local engine's translations kept between runs (issue 18): `lake test` translates the same fixtures and models
// each run (~0.6 s of its CPU on the example, most of it first-use compilation of the translator in a fresh process).
// Not `lake run`: a scheduled run's texts carry its window's timestamps, new every hour, so it would only miss. A translation is a function of the statement's text, its default database, the zoned
// views it reads (and json_parse columns, hash-ordered columns, catalog column types of a set operation's tables) and the code (the translator never reads the lake root: locations are mapped by the engine), so it
// is kept under a hash of the first three in the lake folder's .cache/translations.json (code-stamped-cache.ts),
// shared by every engine of a run (lake test's scratch engines too).
import type { TranslateContext, TranslationStep } from '../../dialect/translate/index.js';
import { CodeStampedCache, inputsHash, stampedCachePath } from '../../storage/code-stamped-cache.js';

export const translationCachePath = (lakeRoot: string): string => stampedCachePath(lakeRoot, 'translations');

export class TranslationCache {
  private constructor(private readonly cache: CodeStampedCache) {}

  /** The cache of the lake folder `lakeRoot` (what a run's engines translated before, with this code). */
  static load(lakeRoot: string): TranslationCache {
    return new TranslationCache(CodeStampedCache.load(lakeRoot, 'translations'));
  }

  /** `translate(sql, ctx)`'s steps, from the cache when this code translated the same text in the same context. */
  translate(sql: string, ctx: TranslateContext, translate: (sql: string, ctx: TranslateContext) => TranslationStep[]): TranslationStep[] {
    const hash = inputsHash([
      sql,
      ctx.database,
      ctx.zonedViews ? [...ctx.zonedViews].sort() : null,
      ctx.jsonParsedColumns ? [...ctx.jsonParsedColumns].sort() : null,
      ctx.hashOrderedColumns ? [...ctx.hashOrderedColumns].sort() : null,
      ctx.columnTypes ? [...ctx.columnTypes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : null,
    ]);
    const known = this.cache.get(hash);
    if (known !== undefined) return JSON.parse(known) as TranslationStep[];
    const steps = translate(sql, ctx);
    this.cache.set(hash, JSON.stringify(steps));
    return steps;
  }

  /** Writes the file when this process translated something new. */
  save(): void {
    this.cache.save();
  }
}
