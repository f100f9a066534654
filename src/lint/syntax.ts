// Syntax checking: queries in the common subset of Trino's grammar and the common CREATE EXTERNAL TABLE are
// recognized without a grammar (trino-subset.ts, hive-subset.ts); every other statement goes to dt-sql-parser's ANTLR
// grammars — Trino for queries, CTAS, views and DML, Hive for Athena DDL — which also give the exact message of every
// syntax error. The grammars (~3.5 MB) are loaded on first need only: loading and warming them up costs more than a
// thousand files of the subsets. Their ESM build needs a bundler (scripts/build.mjs, vitest).
import type { HiveSQL, TrinoSQL } from 'dt-sql-parser';
import type { Diagnostic } from '../dialect/diagnostics.js';
import { splitStatements, type Statement } from '../dialect/statements.js';
import { DialectError } from '../dialect/diagnostics.js';
import { isTrivia, keyword, tokenize } from '../dialect/tokens.js';
import { translateCatalogStatement } from '../dialect/translate/ddl.js';
import { parseUnload } from '../dialect/translate/unload.js';
import { maskHiveDdl } from './hive-mask.js';
import { hasPartitionTransforms, statementGrammar } from './statement-grammar.js';
import { inTrinoSubset } from './trino-subset.js';
import { inHiveDdlSubset } from './hive-subset.js';

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

let grammars: Promise<{ trino: TrinoSQL; hive: HiveSQL }> | undefined;

/** The grammars, loaded once per thread. */
export const loadGrammars = (): Promise<{ trino: TrinoSQL; hive: HiveSQL }> =>
  (grammars ??= import('dt-sql-parser').then(({ HiveSQL, TrinoSQL }) => ({ trino: new TrinoSQL(), hive: new HiveSQL() })));

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

/** A statement (or the part of it in `text`, positions kept) that only a grammar can check. */
interface GrammarCheck {
  parse: 'hive' | 'trino';
  text: string;
}

async function grammarError({ parse: grammar, text }: GrammarCheck): Promise<StatementError | undefined> {
  const parser = (await loadGrammars())[grammar];
  if (grammar === 'trino') {
    const error = firstError(parser, maskVariables(text));
    return error && { line: error.startLine, col: error.startColumn, message: error.message, grammar };
  }
  const masked = maskHiveDdl(maskVariables(text));
  const error = firstError(parser, masked.text);
  return error && { line: error.startLine, col: masked.originalColumn(error.startLine, error.startColumn), message: error.message, grammar };
}

/** A query: valid when in the Trino subset, else for the Trino grammar to check. */
const queryCheck = (text: string): GrammarCheck | undefined => (inTrinoSubset(text) ? undefined : { parse: 'trino', text });

/** Athena's own statements: parsed by the engine's parsers, their queries checked as queries. */
function athenaStatementCheck(text: string): StatementError | GrammarCheck | undefined {
  const first = keyword(tokenize(text).find((t) => !isTrivia(t)));
  if (first === 'OPTIMIZE' || first === 'VACUUM') return undefined;
  try {
    if (first === 'UNLOAD') {
      const unload = parseUnload(text);
      return queryCheck(only(text, unload.queryStart, unload.queryEnd));
    }
    translateCatalogStatement(text, { lakeRoot: '', database: 'default' });
    return undefined;
  } catch (error) {
    const d = error instanceof DialectError ? error.diagnostics[0] : undefined;
    if (!d) throw error;
    return { line: d.line, col: d.col, message: d.message, grammar: 'athena' };
  }
}

/** What can be known of a statement without the grammars: its error, that it is valid, or which grammar must tell. */
function checkWithoutGrammars(text: string): StatementError | GrammarCheck | undefined {
  const grammar = statementGrammar(text);
  if (grammar === 'athena') return athenaStatementCheck(text);
  if (grammar === 'trino') return queryCheck(text);
  // Iceberg partition transforms are in neither grammar.
  if (hasPartitionTransforms(text) || inHiveDdlSubset(maskHiveDdl(maskVariables(text)).text)) return undefined;
  return { parse: grammar, text };
}

/** A statement's error as a diagnostic positioned in the file. */
function diagnostic(statement: Statement, error: StatementError, options: SyntaxOptions): Diagnostic {
  return {
    severity: 'error',
    rule: 'syntax',
    message: `${error.message.replace(/__([A-Za-z_][A-Za-z0-9_]*)_\b/g, '${$1}')} (${GRAMMAR_LABEL[error.grammar]})`,
    hint: error.grammar === 'hive' ? 'Athena runs CREATE TABLE (without AS SELECT), ALTER, MSCK and DROP TABLE as Hive DDL' : undefined,
    file: options.file,
    line: statement.line + error.line - 1 + (options.lineOffset ?? 0),
    col: error.line === 1 ? statement.col + error.col - 1 : error.col,
  };
}

const needsGrammar = (found: StatementError | GrammarCheck | undefined): found is GrammarCheck => found !== undefined && 'parse' in found;

/**
 * The syntax errors of `sql` when they can be known without the grammars (every statement a query of the Trino
 * subset, an Iceberg table with partition transforms or one of Athena's own), else undefined.
 */
export function checkSyntaxWithoutGrammars(sql: string, options: SyntaxOptions = {}): Diagnostic[] | undefined {
  const diagnostics: Diagnostic[] = [];
  for (const statement of splitStatements(sql)) {
    const found = checkWithoutGrammars(statement.text);
    if (needsGrammar(found)) return undefined;
    if (found) diagnostics.push(diagnostic(statement, found, options));
  }
  return diagnostics;
}

/**
 * Athena's syntax errors in a project file's SQL, positioned in the file: the commands that run a project check it
 * first, as `lake lint` does, since DuckDB would run its own syntax (`1::int`, PIVOT, QUALIFY) that Athena rejects.
 */
export const fileSyntaxErrors = (node: { sql: string; file: string; bodyLine: number }): Promise<Diagnostic[]> =>
  checkSyntax(node.sql, { file: node.file, lineOffset: node.bodyLine - 1 });

/** Syntax errors in `sql`, one per failing statement, positioned in the file. */
export async function checkSyntax(sql: string, options: SyntaxOptions = {}): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  for (const statement of splitStatements(sql)) {
    const found = checkWithoutGrammars(statement.text);
    const error = needsGrammar(found) ? await grammarError(found) : found;
    if (error) diagnostics.push(diagnostic(statement, error, options));
  }
  return diagnostics;
}
