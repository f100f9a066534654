// `lake lint`: everything that can be known about sql/ without running it. Header, variable and DAG problems come
// from the loader; each file's SQL then goes through the syntax grammars and the SQL lint rules.
import type { Diagnostic } from '../dialect/diagnostics.js';
import { SqlSyntaxError } from '../dialect/tokens.js';
import { sortDiagnostics } from './errors.js';
import { analyzeProject } from './loader.js';
import type { ProjectNode } from './model.js';
import { checkSyntax } from './syntax.js';

/** A check over one file's SQL body; positions are made file positions with `lineOffset`. */
export type SqlCheck = (sql: string, options: { file?: string; lineOffset?: number }) => Diagnostic[];

export interface LintOptions {
  stage?: string;
  /** Posix paths relative to the project root (files or folders); default: every SQL file. */
  paths?: string[];
  /** Checks run over every file's SQL body after the syntax check. */
  checks?: SqlCheck[];
}

export interface LintResult {
  /** Files linted, relative to the project root. */
  files: string[];
  diagnostics: Diagnostic[];
}

const within = (file: string, paths: string[] | undefined) =>
  !paths || paths.some((p) => p === '' || p === '.' || file === p || file.startsWith(`${p.replace(/\/+$/, '')}/`));

function lintNode(node: ProjectNode, checks: SqlCheck[]): Diagnostic[] {
  const options = { file: node.file, lineOffset: node.bodyLine - 1 };
  try {
    const syntax = checkSyntax(node.sql, options);
    // Rules read the statement structure; on a syntax error their findings would be noise.
    if (syntax.length > 0) return syntax;
    return checks.flatMap((check) => check(node.sql, options));
  } catch (error) {
    // The loader already reported what the tokenizer cannot read (unterminated quote or comment).
    if (error instanceof SqlSyntaxError) return [];
    throw error;
  }
}

export async function lintProject(root: string, options: LintOptions = {}): Promise<LintResult> {
  const { sources, diagnostics } = await analyzeProject(root, { stage: options.stage });
  const selected = sources.filter((n) => within(n.file, options.paths));
  const found = diagnostics.filter((d) => d.file === undefined || d.file === 'lakehouse.yaml' || within(d.file, options.paths));
  for (const node of selected) found.push(...lintNode(node, options.checks ?? []));
  return { files: selected.map((n) => n.file), diagnostics: sortDiagnostics(found) };
}
