// src/dialect is a pure translator and linter (Athena SQL in, DuckDB SQL and lake actions out): it imports no engine.
// Engines import the dialect, never the other way round, so the dialect can be read, tested and reused on its own.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });

/**
 * Every module specifier a file names: `import … from`, `export … from`, `import '…'`, `import('…')` (also in types).
 * Read from the text (TypeScript 7 has no JavaScript compiler API); a specifier inside a comment only makes it stricter.
 */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const patterns = [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]/g];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1] as string));
}

/** `file: specifier` for each import of a file under `from` that resolves into the folder `into`. */
function importsInto(from: string, into: string): string[] {
  return sourceFiles(join(SRC, from)).flatMap((file) =>
    specifiers(file)
      .filter((spec) => spec.startsWith('.') && !relative(join(SRC, into), resolve(dirname(file), spec)).startsWith('..'))
      .map((spec) => `${relative(SRC, file)}: ${spec}`),
  );
}

describe('src/dialect imports no engine', () => {
  it('no module under src/dialect imports from src/engines', () => {
    expect(importsInto('dialect', 'engines')).toEqual([]);
  });

  it('the check sees an engine import when there is one (the local engine imports the dialect)', () => {
    expect(importsInto('engines/local', 'dialect')).toContain('engines/local/engine.ts: ../../dialect/translate/index.js');
  });
});
