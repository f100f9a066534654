// Lint rules for constructs the local engine cannot run with Athena's answer. The translator reports the same
// findings (and refuses to run the SQL), so the rules and the translation never disagree.
import type { Diagnostic } from '../diagnostics.js';
import { isTrivia, keyword, tokenize, type Token } from '../tokens.js';
import { translateStatement } from '../translate/index.js';
import { QueryTranslations, translateExpressions, type QueryTranslation, type SharedTranslations } from '../translate/query.js';

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
  /**
   * The checked SQL with its `${…}` variables substituted, when it has any: the query is this text's (the values the
   * bind gives them), and the rules still check the SQL as written (see checkFaithfulEnclosed).
   */
  substituted?: string;
}

/**
 * checkFaithful's findings for `sql`, read from the translation of a statement that encloses its query (`lake lint`
 * binds each model as such a CTAS, src/testing/schemas.ts), and that translation, which the bind then reads instead of
 * translating the model a second time (issue 18). Undefined where the findings are not shown to be checkFaithful's:
 * a `PARTITIONED` word (checkFaithful blanks DDL partition clauses first), a `;` outside the query, a statement that does not translate one
 * query enclosing the SQL's on lines of its own, or a finding outside the SQL's lines (the enclosing text's own).
 * tests/lint/translate-once.test.ts compares the two on every example and generated model and on edge cases.
 *
 * A model with variables (`statement.substituted`): the rules check the SQL as written, `${…}` an opaque operand,
 * where the statement holds the values. When that translation has no finding and every variable is a whole operand
 * of a CAST, a comparison or year()/month()/day()/hour() (variablesAsOperands), checkFaithful has none either
 * (tests/lint/lint30-variables-once.test.ts compares the two on ~4,800 uses of every kind of value, the example's and
 * the bench's models); otherwise checkFaithful runs on the SQL as written, and the statement's translation still
 * goes to the bind.
 *
 * `shared`: where the statement's query is asked for first (`lake lint`: a translation of a query of the same shape,
 * src/lint/shape-translations.ts), which gives what translating it would.
 */
export function checkFaithfulEnclosed(
  sql: string,
  statement: EnclosingStatement,
  options: FaithfulOptions = {},
  shared?: SharedTranslations,
): { diagnostics: Diagnostic[]; translations: QueryTranslation[] } | undefined {
  // checkFaithful reads a `;` after the query as part of it (`ORDER BY a;` is not `ORDER BY a`): such SQL is checked as before.
  const semicolons = (text: string) => text.split(';').length - 1;
  const enclosed = statement.substituted ?? sql;
  if (/partitioned/i.test(sql) || /partitioned/i.test(enclosed) || semicolons(enclosed) !== semicolons(statement.query.text)) return undefined;
  const queries = new QueryTranslations([], shared);
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
  if (statement.substituted !== undefined) {
    const none = translation.diagnostics.length === 0 && variablesAsOperands(sql);
    if (none) return { diagnostics: [], translations };
    const found = checkFaithful(sql, options);
    // A `${…}` standing for a format pattern (`date_format(ts, ${fmt})`) is refused as written, but the statement that
    // runs holds its value: where that translation's findings on formats are the other formats' (as many), the
    // values are patterns the local engine reads.
    const offset = options.lineOffset ?? 0;
    const tokens = tokenize(sql).filter((t) => !isTrivia(t));
    const kept = found.filter((d) => !(d.rule === 'unfaithful/dynamic-format' && variableFormatAt(tokens, d.line - offset, d.col)));
    const formats = (list: readonly Diagnostic[]) => list.filter((d) => FORMAT_RULES.has(d.rule)).length;
    return { diagnostics: formats(translation.diagnostics) === formats(kept) ? kept : found, translations };
  }
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

const COMPARISONS = new Set(['=', '<>', '!=', '<', '<=', '>', '>=']);
/** Words after which an operand ends: a condition's `AND`/`OR`, a clause. */
const OPERAND_END = new Set(['AND', 'OR', 'THEN', 'ELSE', 'END', 'GROUP', 'ORDER', 'HAVING', 'LIMIT', 'UNION', 'EXCEPT', 'INTERSECT', 'WINDOW']);
/** Words before a condition's first operand. */
const CONDITION_START = new Set(['WHERE', 'AND', 'OR', 'ON', 'WHEN', 'HAVING', 'NOT']);
/** Functions of one timestamp or date argument (the period filters of models: `year(${period_start})`). */
const DATE_PARTS = new Set(['YEAR', 'MONTH', 'DAY', 'HOUR']);

/**
 * Whether every `${…}` of `sql` is a whole operand where a literal and an opaque operand are checked alike: the
 * operand of a CAST, the argument of year()/month()/day()/hour(), or a side of a comparison. Elsewhere a value can
 * satisfy what a variable cannot (a format pattern must be a string literal: `date_format(ts, ${fmt})` is refused as
 * written, not with its value), and inside a string literal the value changes the literal's text.
 */
function variablesAsOperands(sql: string): boolean {
  const tokens = tokenize(sql).filter((t) => !isTrivia(t));
  const word = (t: Token | undefined) => (t === undefined ? '' : t.kind === 'word' ? keyword(t) : t.text);
  return tokens.every((t, i) => {
    if (t.kind === 'string' || t.kind === 'quoted') return !t.text.includes('${');
    if (t.kind !== 'variable') return true;
    const [before, prev, next] = [word(tokens[i - 2]), word(tokens[i - 1]), word(tokens[i + 1])];
    if (prev === '(' && (before === 'CAST' || before === 'TRY_CAST') && next === 'AS') return true;
    if (prev === '(' && DATE_PARTS.has(before) && next === ')') return true;
    const ends = next === '' || next === ')' || OPERAND_END.has(next);
    return (COMPARISONS.has(prev) && ends) || ((prev === '(' || CONDITION_START.has(prev)) && COMPARISONS.has(next));
  });
}

const FORMAT_RULES = new Set(['unfaithful/dynamic-format', 'unfaithful/format-pattern']);

/** Whether the call named at `line`:`col` has a lone `${…}` as its second argument, the format of date_format & co. */
function variableFormatAt(tokens: readonly Token[], line: number, col: number): boolean {
  const at = tokens.findIndex((t) => t.line === line && t.col === col);
  if (at < 0 || tokens[at].kind !== 'word' || tokens[at + 1]?.text !== '(') return false;
  const args: Token[][] = [[]];
  let depth = 0;
  for (let i = at + 1; i < tokens.length; i++) {
    const text = tokens[i].text;
    if (text === '(' || text === '[') depth++;
    else if (text === ')' || text === ']') depth--;
    if (depth === 0) break;
    if (depth === 1 && text === ',') args.push([]);
    else if (i > at + 1) args[args.length - 1].push(tokens[i]);
  }
  const format = args[1] ?? [];
  return format.length === 1 && format[0].kind === 'variable';
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
