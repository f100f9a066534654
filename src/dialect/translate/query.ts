// Trino query/expression SQL → DuckDB SQL with Trino's semantics (function shims, operator and literal rewrites).
// Constructs that cannot be made faithful are refused with a DialectError rather than run with a different answer.
import { DialectError, type Diagnostic } from '../diagnostics.js';
import { tokenize, type Token } from '../tokens.js';
import { ExpressionRewriter } from './expressions.js';
import type { TranslateContext } from './index.js';
import { buildTree } from './tree.js';

export interface ExpressionTranslation {
  sql: string;
  diagnostics: Diagnostic[];
}

/** Rewrites every expression in `sql`; diagnostics list what could not be made faithful. */
export function translateExpressions(
  sql: string,
  position?: (t: Token) => { line: number; col: number },
): ExpressionTranslation {
  const rewriter = new ExpressionRewriter(position);
  const out = rewriter.render(buildTree(tokenize(sql)));
  return { sql: out, diagnostics: rewriter.diagnostics };
}

export function translateQuery(sql: string, _ctx?: TranslateContext): string {
  const { sql: out, diagnostics } = translateExpressions(sql);
  if (diagnostics.some((d) => d.severity === 'error')) throw new DialectError(diagnostics);
  return out;
}
