// Lint rules for constructs the local engine cannot run with Athena's answer. The translator reports the same
// findings (and refuses to run the SQL), so the rules and the translation never disagree.
import type { Diagnostic } from '../diagnostics.js';
import { isTrivia, keyword, tokenize, type Token } from '../tokens.js';
import { translateStatement } from '../translate/index.js';
import { QueryTranslations, translateExpressions, type QueryTranslation } from '../translate/query.js';

export interface FaithfulOptions {
  /** File the SQL came from, relative to the project root. */
  file?: string;
  /** Lines before the SQL in its file (e.g. a header), added to every reported line. */
  lineOffset?: number;
}

export function checkFaithful(sql: string, options: FaithfulOptions = {}): Diagnostic[] {
  const offset = options.lineOffset ?? 0;
  const position = (t: Token) => ({ line: t.line + offset, col: t.col });
  const { text, transforms } = withoutPartitionClauses(sql, position);
  const { diagnostics } = translateExpressions(text, position);
  return [...transforms, ...diagnostics].map((d) => (options.file ? { ...d, file: options.file } : d));
}

/** A statement that holds the checked SQL's query on lines of its own, e.g. `…AS SELECT * FROM (\n<query>\n) AS m…`. */
export interface EnclosingStatement {
  text: string;
  /** Its default database. */
  database: string;
  /** The query as it is in the checked SQL (without the comments and `;` around it) and where it starts there. */
  query: { text: string; line: number; col: number };
}

/**
 * checkFaithful's findings for `sql`, read from the translation of a statement that encloses its query (`lake lint`
 * binds each model as such a CTAS, src/testing/schemas.ts), and that translation, which the bind then reads instead of
 * translating the model a second time (issue 18). Undefined where the findings are not shown to be checkFaithful's:
 * a `PARTITIONED` word (checkFaithful blanks DDL partition clauses first), a `;` outside the query, a statement that does not translate one
 * query enclosing the SQL's on lines of its own, or a finding outside the SQL's lines (the enclosing text's own).
 * tests/lint/translate-once.test.ts compares the two on every example and generated model and on edge cases.
 */
export function checkFaithfulEnclosed(
  sql: string,
  statement: EnclosingStatement,
  options: FaithfulOptions = {},
): { diagnostics: Diagnostic[]; translations: QueryTranslation[] } | undefined {
  // checkFaithful reads a `;` after the query as part of it (`ORDER BY a;` is not `ORDER BY a`): such SQL is checked as before.
  const semicolons = (text: string) => text.split(';').length - 1;
  if (/partitioned/i.test(sql) || semicolons(sql) !== semicolons(statement.query.text)) return undefined;
  const queries = new QueryTranslations();
  try {
    translateStatement(statement.text, { lakeRoot: '', database: statement.database, queries });
  } catch {
    // A refusal is the translation's diagnostics (kept in `queries`); anything else leaves nothing to read.
  }
  const translations = queries.entries();
  if (translations.length !== 1) return undefined;
  const [{ sql: query, at = { line: 1, col: 1 }, translation }] = translations;
  const inner = `\n${statement.query.text}\n`;
  const start = query.indexOf(inner);
  // The enclosing text before and after the SQL's query is one line each: the query's lines are the SQL's.
  if (start < 0 || query.slice(0, start).includes('\n') || query.slice(start + inner.length).includes('\n')) return undefined;
  const lines = statement.query.text.split('\n').length;
  const offset = options.lineOffset ?? 0;
  const diagnostics: Diagnostic[] = [];
  for (const d of translation.diagnostics) {
    // Statement line → the enclosed query's line k (1-based) → the SQL's line; only its first line's columns move.
    const k = d.line - at.line;
    if (k < 1 || k > lines) return undefined;
    const line = k + statement.query.line - 1 + offset;
    const col = k === 1 ? d.col + statement.query.col - 1 : d.col;
    diagnostics.push({ ...d, line, col, ...(options.file ? { file: options.file } : {}) });
  }
  return { diagnostics, translations };
}

/** Athena's Iceberg partition transforms (https://docs.aws.amazon.com/athena/latest/ug/querying-iceberg-creating-tables.html). */
const ICEBERG_TRANSFORMS = new Set(['year', 'month', 'day', 'hour', 'bucket', 'truncate']);

/**
 * A DDL `PARTITIONED BY (…)` holds Hive columns (`k int`) or Iceberg transforms (`day(ts)`, `bucket(16, id)`), no
 * expression: it is blanked (lines and columns kept) before the expression rules, and a transform Athena does not
 * know is reported here instead of as an unknown function.
 */
function withoutPartitionClauses(sql: string, position: (t: Token) => { line: number; col: number }): { text: string; transforms: Diagnostic[] } {
  const tokens = tokenize(sql).filter((t) => !isTrivia(t));
  const transforms: Diagnostic[] = [];
  let text = sql;
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (keyword(tokens[i]) !== 'PARTITIONED' || keyword(tokens[i + 1]) !== 'BY' || tokens[i + 2].text !== '(') continue;
    let depth = 0;
    let end = i + 2;
    for (; end < tokens.length; end++) {
      if (tokens[end].text === '(') depth++;
      else if (tokens[end].text === ')' && --depth === 0) break;
      else if (depth === 1 && tokens[end + 1]?.text === '(' && tokens[end].kind === 'word') {
        const name = tokens[end].text.toLowerCase();
        if (!ICEBERG_TRANSFORMS.has(name))
          transforms.push({
            ...position(tokens[end]),
            severity: 'error',
            rule: 'unfaithful/partition-transform',
            message: `${name}() is not an Iceberg partition transform Athena knows`,
            hint: 'write year(ts), month(ts), day(ts), hour(ts), bucket(n, col), truncate(n, col) or a column',
          });
      }
    }
    if (end >= tokens.length) break;
    const from = tokens[i + 2].start + 1;
    const to = tokens[end].start;
    text = text.slice(0, from) + text.slice(from, to).replace(/[^\n]/g, ' ') + text.slice(to);
    i = end;
  }
  return { text, transforms };
}
