// Syntax checking with dt-sql-parser's ANTLR grammars: Trino for queries, CTAS, views and DML; Hive for Athena DDL.
// Only `lake lint` loads this module (the grammars are ~3.5 MB); its ESM build needs a bundler (scripts/build.mjs,
// vitest), which is also why it stays out of the loader used by Lambda handlers and stacks.
import { HiveSQL, TrinoSQL } from 'dt-sql-parser';
import type { Diagnostic } from '../dialect/diagnostics.js';
import { splitStatements } from '../dialect/statements.js';
import { DialectError } from '../dialect/diagnostics.js';
import { isTrivia, keyword, tokenize } from '../dialect/tokens.js';
import { translateCatalogStatement } from '../dialect/translate/ddl.js';
import { parseUnload } from '../dialect/translate/unload.js';
import { maskHiveDdl } from './hive-mask.js';
import { hasPartitionTransforms, statementGrammar } from './statement-grammar.js';

export interface SyntaxOptions {
  file?: string;
  /** Line of the SQL text in its file, minus one. */
  lineOffset?: number;
}

interface ParseError {
  startLine: number;
  startColumn: number;
  message: string;
}

let grammars: { trino: TrinoSQL; hive: HiveSQL } | undefined;

/** Parses without building a tree (about 40% faster than dt-sql-parser's validate) and returns the first error. */
function firstError(parser: TrinoSQL | HiveSQL, text: string): ParseError | undefined {
  let error: ParseError | undefined;
  const p = parser.createParser(text, (e) => {
    error ??= e;
  });
  p.buildParseTrees = false;
  p.program();
  return error;
}

/**
 * `${name}` placeholders become identifiers of the same length (`${period_start}` → `__period_start_`), so the
 * grammars see valid SQL and error positions still match the file.
 */
const maskVariables = (text: string): string =>
  tokenize(text)
    .map((t) => (t.kind === 'variable' ? `__${t.text.slice(2, -1)}_` : t.text))
    .join('');

/** A syntax error of one statement, positioned in the statement text (1-based). */
interface StatementError {
  line: number;
  col: number;
  message: string;
  grammar: 'hive' | 'trino' | 'athena';
}

const GRAMMAR_LABEL = { hive: 'Hive DDL grammar', trino: 'Trino grammar', athena: 'Athena statement' } as const;

/** Blanks everything but `[start, end)`, keeping line breaks, so positions in the part stay positions in `text`. */
const only = (text: string, start: number, end: number): string =>
  text.slice(0, start).replace(/[^\n]/g, ' ') + text.slice(start, end) + text.slice(end).replace(/[^\n]/g, ' ');

function grammarError(grammar: 'hive' | 'trino', text: string): StatementError | undefined {
  const parser = grammars![grammar];
  if (grammar === 'trino') {
    const error = firstError(parser, maskVariables(text));
    return error && { line: error.startLine, col: error.startColumn, message: error.message, grammar };
  }
  const masked = maskHiveDdl(maskVariables(text));
  const error = firstError(parser, masked.text);
  return error && { line: error.startLine, col: masked.originalColumn(error.startLine, error.startColumn), message: error.message, grammar };
}

/** Athena's own statements: parsed by the engine's parsers, their queries by the Trino grammar. */
function athenaStatementError(text: string): StatementError | undefined {
  const first = keyword(tokenize(text).find((t) => !isTrivia(t)));
  if (first === 'OPTIMIZE' || first === 'VACUUM') return undefined;
  try {
    if (first === 'UNLOAD') {
      const unload = parseUnload(text);
      return grammarError('trino', only(text, unload.queryStart, unload.queryEnd));
    }
    translateCatalogStatement(text, { lakeRoot: '', database: 'default' });
    return undefined;
  } catch (error) {
    const d = error instanceof DialectError ? error.diagnostics[0] : undefined;
    if (!d) throw error;
    return { line: d.line, col: d.col, message: d.message, grammar: 'athena' };
  }
}

/** Syntax errors in `sql`, one per failing statement, positioned in the file. */
export function checkSyntax(sql: string, options: SyntaxOptions = {}): Diagnostic[] {
  grammars ??= { trino: new TrinoSQL(), hive: new HiveSQL() };
  const lineOffset = options.lineOffset ?? 0;
  const diagnostics: Diagnostic[] = [];
  for (const statement of splitStatements(sql)) {
    const grammar = statementGrammar(statement.text);
    // Iceberg partition transforms are in neither grammar.
    if (grammar === 'hive' && hasPartitionTransforms(statement.text)) continue;
    const error = grammar === 'athena' ? athenaStatementError(statement.text) : grammarError(grammar, statement.text);
    if (!error) continue;
    diagnostics.push({
      severity: 'error',
      rule: 'syntax',
      message: `${error.message.replace(/__([A-Za-z_][A-Za-z0-9_]*)_\b/g, '${$1}')} (${GRAMMAR_LABEL[error.grammar]})`,
      hint: error.grammar === 'hive' ? 'Athena runs CREATE TABLE (without AS SELECT), ALTER, MSCK and DROP TABLE as Hive DDL' : undefined,
      file: options.file,
      line: statement.line + error.line - 1 + lineOffset,
      col: error.line === 1 ? statement.col + error.col - 1 : error.col,
    });
  }
  return diagnostics;
}
