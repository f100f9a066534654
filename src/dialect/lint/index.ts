// Lint rules for constructs the local engine cannot run with Athena's answer. The translator reports the same
// findings (and refuses to run the SQL), so the rules and the translation never disagree.
import type { Diagnostic } from '../diagnostics.js';
import { translateExpressions } from '../translate/query.js';

export interface FaithfulOptions {
  /** File the SQL came from, relative to the project root. */
  file?: string;
  /** Lines before the SQL in its file (e.g. a header), added to every reported line. */
  lineOffset?: number;
}

export function checkFaithful(sql: string, options: FaithfulOptions = {}): Diagnostic[] {
  const offset = options.lineOffset ?? 0;
  const { diagnostics } = translateExpressions(sql, (t) => ({ line: t.line + offset, col: t.col }));
  return diagnostics.map((d) => (options.file ? { ...d, file: options.file } : d));
}
