// The project loader's one error type: every problem found while loading sql/ (headers, variables, DAG) is a
// Diagnostic with file:line:col, and loading fails with all of them at once rather than the first.
import { LakeError } from '../errors.js';
import { formatDiagnostic, type Diagnostic } from '../dialect/diagnostics.js';

export class ProjectError extends LakeError {
  override readonly name: string = 'ProjectError';
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
  }
}

export const errorCount = (diagnostics: readonly Diagnostic[]): number => diagnostics.filter((d) => d.severity === 'error').length;

/** Orders diagnostics by file, line, column, so output is stable whatever order the checks ran in. */
export const sortDiagnostics = (diagnostics: Diagnostic[]): Diagnostic[] =>
  diagnostics.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || a.line - b.line || a.col - b.col || a.rule.localeCompare(b.rule));

/** 1-based line and column of `offset` in `text`. */
export function positionAt(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: offset - lineStart + 1 };
}
