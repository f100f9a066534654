// `lake lint`: everything that can be known about sql/ without running it. Header, variable and DAG problems come
// from the loader; each file's SQL then goes through the syntax grammars and the SQL lint rules.
import type { Diagnostic } from '../dialect/diagnostics.js';
import { join } from 'node:path';
import { lakeRootOf } from './config.js';
import { sortDiagnostics } from './errors.js';
import { SyntaxCache } from './lint-cache.js';
import { analyzeProject } from './loader.js';
import { createSyntaxChecker } from './syntax-pool.js';

/** A check over one file's SQL body; positions are made file positions with `lineOffset`. */
export type SqlCheck = (sql: string, options: { file?: string; lineOffset?: number }) => Diagnostic[];

export interface LintOptions {
  stage?: string;
  /** Posix paths relative to the project root (files or folders); default: every SQL file. */
  paths?: string[];
  /** Checks run over every file's SQL body that passed the syntax check. */
  checks?: SqlCheck[];
  /** Reuse syntax results of unchanged files from `<lake>/.cache/` (default true). */
  cache?: boolean;
}

export interface LintResult {
  /** Files linted, relative to the project root. */
  files: string[];
  diagnostics: Diagnostic[];
}

const within = (file: string, paths: string[] | undefined) =>
  !paths || paths.some((p) => p === '' || p === '.' || file === p || file.startsWith(`${p.replace(/\/+$/, '')}/`));

export async function lintProject(root: string, options: LintOptions = {}): Promise<LintResult> {
  const { project, sources, diagnostics } = await analyzeProject(root, { stage: options.stage });
  const selected = sources.filter((n) => within(n.file, options.paths));
  const found = diagnostics.filter((d) => d.file === undefined || d.file === 'lakehouse.yaml' || within(d.file, options.paths));
  // Files the tokenizer could not read (unterminated quote or comment) were reported by the loader already.
  const unreadable = new Set(diagnostics.filter((d) => d.rule === 'syntax').map((d) => d.file));
  const items = selected
    .filter((n) => !unreadable.has(n.file))
    .map((n) => ({ sql: n.sql, file: n.file, lineOffset: n.bodyLine - 1, key: SyntaxCache.key(n.sql, n.bodyLine - 1) }));

  const cache = options.cache === false ? undefined : SyntaxCache.open(join(lakeRootOf({ root, config: project.config }), '.cache', 'lint-syntax.json'));
  const syntaxErrors = items.map((item) => cache?.get(item.file, item.key));
  const pending = items.flatMap((_, i) => (syntaxErrors[i] === undefined ? [i] : []));
  const syntax = createSyntaxChecker(pending.length);
  try {
    const parsed = await syntax.check(pending.map((i) => ({ sql: items[i].sql, file: items[i].file, lineOffset: items[i].lineOffset })));
    pending.forEach((i, k) => {
      syntaxErrors[i] = parsed[k];
      cache?.set(items[i].file, items[i].key, parsed[k]);
    });
  } finally {
    await syntax.close();
  }
  cache?.save(new Set(sources.map((n) => n.file)));

  items.forEach((item, i) => {
    const errors = syntaxErrors[i]!;
    found.push(...errors);
    // Rules read the statement structure; after a syntax error their findings would be noise.
    if (errors.length === 0) for (const check of options.checks ?? []) found.push(...check(item.sql, item));
  });
  return { files: selected.map((n) => n.file), diagnostics: sortDiagnostics(found) };
}
