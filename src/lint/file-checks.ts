// The per-file checks of `lake lint`: syntax (the Trino subset, else dt-sql-parser's grammars) and then, on SQL that parses, the rules for
// constructs the local engine cannot run faithfully (src/dialect/lint). Runs in-process or in a worker thread.
import type { Diagnostic } from '../dialect/diagnostics.js';
import { checkFaithful, checkFaithfulEnclosed, type EnclosingStatement } from '../dialect/lint/index.js';
import type { QueryTranslation } from '../dialect/translate/query.js';
import type { ShapeTranslations } from './shape-translations.js';
import { checkSyntax } from './syntax.js';

export interface FileCheckItem {
  sql: string;
  file?: string;
  lineOffset?: number;
  /** False when the syntax result is known already (cached and clean): only the rules run. */
  parse: boolean;
  /** The CTAS the bind runs for this model: the rules translate it, once for both (checkFaithfulEnclosed). */
  enclosing?: EnclosingStatement;
  /** The tables the model reads in its own database (lower-case bare names): its query's shape (shape-translations.ts). */
  tables?: string[];
  /** False when nothing takes the enclosing statement's translations (`--no-bind`): the result leaves them out. */
  forBind?: boolean;
}

export interface FileCheckResult {
  /** Present when the item was parsed. */
  syntax?: Diagnostic[];
  rules: Diagnostic[];
  /** The enclosing statement's query translations, for the bind, when the rules were read from them. */
  translations?: QueryTranslation[];
}

/** `shapes`: translations of the run's queries shared between queries of one shape (shape-translations.ts). */
export async function checkFile(item: FileCheckItem, shapes?: ShapeTranslations): Promise<FileCheckResult> {
  const options = { file: item.file, lineOffset: item.lineOffset };
  const syntax = item.parse ? await checkSyntax(item.sql, options) : undefined;
  // The rules read the statement structure; after a syntax error their findings would be noise.
  if (syntax && syntax.length > 0) return { syntax, rules: [] };
  const shared = shapes && item.tables && item.tables.length > 0 ? shapes.forTables(item.tables) : undefined;
  const once = item.enclosing && checkFaithfulEnclosed(item.sql, item.enclosing, options, shared);
  if (!once) return { syntax, rules: checkFaithful(item.sql, options) };
  return item.forBind === false ? { syntax, rules: once.diagnostics } : { syntax, rules: once.diagnostics, translations: once.translations };
}
