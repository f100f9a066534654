// Syntax results of `lake lint` by file content, so a re-run only parses files that changed (cf. eslint --cache).
// Kept in the local lake folder's .cache/; any read or write problem just means no cache.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../dialect/diagnostics.js';
import { claimLakeFolder } from '../storage/lake-folder.js';

/** Bump when syntax.ts changes what it reports. */
const RULES_VERSION = 2;

interface CacheFile {
  version: string;
  entries: Record<string, { key: string; diagnostics: Diagnostic[] }>;
}

/** The grammar package's version, so upgrading it invalidates the cache; undefined when it cannot be known. */
function grammarVersion(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    return `dt-sql-parser@${(require('dt-sql-parser/package.json') as { version: string }).version}/rules@${RULES_VERSION}`;
  } catch {
    return undefined;
  }
}

export class SyntaxCache {
  private constructor(
    private readonly lakeRoot: string,
    private readonly path: string | undefined,
    private readonly version: string,
    private readonly entries: CacheFile['entries'],
  ) {}

  /** Opens the cache of the lake folder `lakeRoot`; without a known grammar version it stays empty and is never written. */
  static open(lakeRoot: string): SyntaxCache {
    const path = join(lakeRoot, '.cache', 'lint-syntax.json');
    const version = grammarVersion();
    if (!version) return new SyntaxCache(lakeRoot, undefined, '', {});
    try {
      const stored = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
      return new SyntaxCache(lakeRoot, path, version, stored.version === version ? stored.entries : {});
    } catch {
      return new SyntaxCache(lakeRoot, path, version, {});
    }
  }

  /** Number of files with a stored result. */
  get size(): number {
    return Object.keys(this.entries).length;
  }

  static key(sql: string, lineOffset: number): string {
    return createHash('sha1').update(`${lineOffset}\0${sql}`).digest('hex');
  }

  get(file: string, key: string): Diagnostic[] | undefined {
    const entry = this.entries[file];
    return entry?.key === key ? entry.diagnostics : undefined;
  }

  set(file: string, key: string, diagnostics: Diagnostic[]): void {
    this.entries[file] = { key, diagnostics };
  }

  /** Writes the cache, dropping files that no longer exist. */
  save(existingFiles: ReadonlySet<string>): void {
    if (!this.path) return;
    const entries = Object.fromEntries(Object.entries(this.entries).filter(([file]) => existingFiles.has(file)));
    try {
      // A lake folder this creates is marked as one, so `lake run --demo` (npm start) may reset it after a first lint.
      claimLakeFolder(this.lakeRoot);
      mkdirSync(dirname(this.path), { recursive: true });
      const temp = `${this.path}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify({ version: this.version, entries } satisfies CacheFile));
      renameSync(temp, this.path);
    } catch {
      // A read-only checkout lints fine without a cache.
    }
  }
}
