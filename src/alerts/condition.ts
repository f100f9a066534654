// Alert conditions are SQL: a boolean expression over the columns of one result row and `rows`, the number of rows the
// query returned, e.g.
//
//   count > 10            negative_share >= 0.2 AND total >= 50        rows > 0          status = 'FAILED'
//
// The engine that ran the alert's query evaluates it over that result (one SELECT over a VALUES list of the result's
// rows, typed as the engine reported them), so NULLs, types, comparisons and functions follow Athena (Trino) locally
// and on AWS alike: a comparison with NULL is not true, so a missing value never fires an alert, and comparing a
// string with a number is the engine's type error. `==` (the earlier syntax) is read as `=`.
import type { Column, SqlValue } from '../engines/engine.js';
import { LakeError } from '../errors.js';
import { keyword, identifierName, isTrivia, joinTokens, SqlSyntaxError, tokenize, type Token } from '../dialect/tokens.js';

export interface Condition {
  /** As written in the header. */
  readonly text: string;
  /** The expression as the engine receives it. */
  readonly sql: string;
  /** Columns the condition reads (besides `rows`), lower case. */
  readonly names: readonly string[];
}

export class ConditionError extends LakeError {
  override readonly name: string = 'ConditionError';
}

/** Words of an expression that are not column names. */
const NOT_NAMES = new Set([
  'AND',
  'OR',
  'NOT',
  'IS',
  'NULL',
  'TRUE',
  'FALSE',
  'IN',
  'BETWEEN',
  'LIKE',
  'ESCAPE',
  'CASE',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'CAST',
  'AS',
  'TRY_CAST',
  'DISTINCT',
  'FROM',
  'INTERVAL',
  'DATE',
  'TIMESTAMP',
  'DECIMAL',
  'DOUBLE',
  'BIGINT',
  'INTEGER',
  'VARCHAR',
  'BOOLEAN',
  'REAL',
  'YEAR',
  'MONTH',
  'DAY',
  'HOUR',
  'MINUTE',
  'SECOND',
  'CURRENT_DATE',
  'CURRENT_TIME',
  'CURRENT_TIMESTAMP',
  'LOCALTIME',
  'LOCALTIMESTAMP',
  'UNKNOWN',
]);
/** A condition is one expression over the row: no statement or query of its own. */
const NOT_IN_A_CONDITION = new Set(['SELECT', 'WITH', 'VALUES', 'INSERT', 'DELETE', 'UPDATE', 'MERGE', 'CREATE', 'DROP', 'ALTER', 'TABLE']);

export function parseCondition(text: string): Condition {
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch (error) {
    if (error instanceof SqlSyntaxError) throw new ConditionError(`condition '${text}': ${error.message}`);
    throw error;
  }
  const meaningful = tokens.filter((t) => !isTrivia(t));
  if (meaningful.length === 0) throw new ConditionError('the condition is empty');
  let depth = 0;
  for (const t of meaningful) {
    if (t.text === ';' || NOT_IN_A_CONDITION.has(keyword(t)) || t.kind === 'variable') {
      throw new ConditionError(`condition '${text}': '${t.text}' at column ${t.col}: a condition is one SQL expression over the result's columns and rows`);
    }
    if (t.text === '(') depth++;
    if (t.text === ')' && --depth < 0) throw new ConditionError(`condition '${text}': unmatched ')' at column ${t.col}`);
  }
  if (depth > 0) throw new ConditionError(`condition '${text}': a '(' is not closed`);
  // `a == b` (the earlier syntax) is SQL's `a = b`.
  const sqlTokens = tokens.filter((t, i) => !(t.kind === 'op' && t.text === '=' && tokens[i - 1]?.kind === 'op' && tokens[i - 1].text === '='));
  const names = new Set<string>();
  for (const [i, t] of meaningful.entries()) {
    const next = meaningful[i + 1];
    const previous = meaningful[i - 1];
    const isCall = next?.text === '(';
    const isField = previous?.text === '.';
    if ((t.kind === 'word' && !NOT_NAMES.has(keyword(t)) && !isCall && !isField) || t.kind === 'quoted') names.add(identifierName(t));
  }
  names.delete('rows');
  return { text, sql: joinTokens(sqlTokens), names: [...names] };
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteString = (text: string) => `'${text.replaceAll("'", "''")}'`;
const SCALAR = /^(boolean|tinyint|smallint|integer|bigint|real|double|decimal|varchar|char|date|time|timestamp|interval|uuid|varbinary|json)\b/;

/** A value of the result as an SQL literal of the column's type. */
function literal(value: SqlValue, column: Column): string {
  const type = column.type.toLowerCase();
  if (!SCALAR.test(type)) {
    // Arrays, maps and rows would need constructors per engine: a condition compares scalar columns.
    throw new ConditionError(`the condition reads column '${column.name}' of type ${column.type}: conditions compare scalar columns`);
  }
  if (value === null) return `CAST(NULL AS ${column.type})`;
  if (type === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (/^(var)?char\b/.test(type)) return quoteString(String(value));
  return `CAST(${quoteString(String(value))} AS ${column.type})`;
}

/** Marks the engine statements that evaluate alert conditions (test engines recognise them). */
export const CONDITION_QUERY_MARK = '/* lake: alert condition */';

/**
 * The statement that evaluates `condition` for each of `rows` (a result of `rowCount` rows): one row per input row,
 * in order, with `firing` true where the condition is true (false for false and NULL). Only the columns the condition
 * reads are carried; a name that is no column of the result is an error naming the columns.
 */
export function conditionQuery(condition: Condition, columns: readonly Column[], rows: readonly SqlValue[][], rowCount: number): string {
  const names = new Set(condition.names);
  const read = columns.filter((c) => names.has(c.name.toLowerCase()) && c.name.toLowerCase() !== 'rows');
  for (const name of condition.names) {
    if (!read.some((c) => c.name.toLowerCase() === name)) {
      throw new ConditionError(
        `condition '${condition.text}' reads '${name}', which is not a column of the result (columns: ${columns.map((c) => c.name).join(', ') || 'none'})`,
      );
    }
  }
  const values = rows.map((row, i) => `(${[...read.map((c) => literal(row[columns.indexOf(c)], c)), String(rowCount), String(i)].join(', ')})`);
  const aliases = [...read.map((c) => quoteIdent(c.name.toLowerCase())), 'rows', '"lake_row_index"'].join(', ');
  return (
    `${CONDITION_QUERY_MARK}\nSELECT "lake_row_index", CASE WHEN (${condition.sql}) THEN TRUE ELSE FALSE END AS "firing"\n` +
    `FROM (VALUES ${values.join(', ')}) AS "lake_result"(${aliases})\nORDER BY "lake_row_index"`
  );
}
