// A lossless tokenizer for Athena (Trino + Hive DDL) SQL. Joining every token's text gives the input back, so
// rewrites can splice token ranges and keep the user's formatting, comments and positions.
import { LakeError } from '../errors.js';

export type TokenKind =
  | 'ws'
  | 'comment'
  | 'word' // bare identifier or keyword
  | 'quoted' // "identifier" or `identifier`
  | 'string' // 'literal' (also U&'…', X'…')
  | 'number'
  | 'variable' // ${name} project variable, substituted before execution
  | 'dollar' // $$ … $$ or $tag$ … $tag$ body
  | 'op'
  | 'punct'
  | 'translated'; // DuckDB text a translator pass inserts into the tree, rendered as it is (never from the tokenizer)

export interface Token {
  kind: TokenKind;
  text: string;
  /** Offset of the first character in the input. */
  start: number;
  /** 1-based line and column of the first character. */
  line: number;
  col: number;
  /** keyword()'s upper-cased `upperOf`, kept on the token: a token copied with another text recomputes it. */
  upper?: string;
  upperOf?: string;
  /** The lambda parameter a substituted value stands for (lambda-rewrites.ts substitute; read by hash-orders.ts). */
  parameter?: string;
}

export class SqlSyntaxError extends LakeError {
  override readonly name: string = 'SqlSyntaxError';
  constructor(
    message: string,
    readonly line: number,
    readonly col: number,
  ) {
    super(`${message} at line ${line}, column ${col}`);
  }
}

const MULTI_CHAR_OPS = ['<=>', '->', '=>', '<=', '>=', '<>', '!=', '||', '::'];
const PUNCT = new Set(['(', ')', ',', ';', '.', '[', ']', '{', '}']);
// Character classes by code point: the tokenizer runs over every project file at load time, so no per-char regex.
const isDigitCode = (c: number) => c >= 48 && c <= 57;
const isLetterCode = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 0x80;
const isWordStart = (ch: string) => isLetterCode(ch.charCodeAt(0));
// Trino identifiers are letters, digits and `_`; `$` is not part of a word, so `tbl_${suffix}` is a word then a variable.
const isWordPartCode = (c: number) => isLetterCode(c) || isDigitCode(c);
const isDigit = (ch: string) => isDigitCode(ch.charCodeAt(0));
const isSpaceCode = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0xfeff;

/**
 * Trino's numeric literals (SqlBase.g4 of Trino 476): the longest of an integer (digits with single `_` between them,
 * or `0x…`, `0o…`, `0b…`), a decimal (`1_000.5`, `.5`) and a double (`1.5e3`; no `_`). https://trino.io/docs/current/language/types.html
 */
const NUMBER_FORMS = [
  /^(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|\d(?:_?\d)*)/,
  /^(?:\d(?:_?\d)*\.(?:\d(?:_?\d)*)?|\.\d(?:_?\d)*)/,
  /^(?:\d+(?:\.\d*)?|\.\d+)[eE][+-]?\d+/,
];
const numberLength = (text: string): number => Math.max(1, ...NUMBER_FORMS.map((form) => form.exec(text)?.[0].length ?? 0));

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;

  const push = (kind: TokenKind, end: number) => {
    const text = sql.slice(i, end);
    tokens.push({ kind, text, start: i, line, col: i - lineStart + 1, upper: undefined, upperOf: undefined });
    for (let k = i; k < end; k++) {
      if (sql.charCodeAt(k) === 10) {
        line++;
        lineStart = k + 1;
      }
    }
    i = end;
  };
  const fail = (message: string): never => {
    throw new SqlSyntaxError(message, line, i - lineStart + 1);
  };
  const closeQuoted = (quote: string, from: number, what: string): number => {
    let j = from;
    for (;;) {
      const k = sql.indexOf(quote, j);
      if (k < 0) fail(`unterminated ${what}`);
      if (sql[k + 1] === quote) {
        j = k + 2; // doubled quote is an escaped quote
        continue;
      }
      return k + 1;
    }
  };

  while (i < sql.length) {
    const c = sql[i];
    const next = sql[i + 1];
    if (isSpaceCode(sql.charCodeAt(i))) {
      let j = i + 1;
      while (j < sql.length && isSpaceCode(sql.charCodeAt(j))) j++;
      push('ws', j);
    } else if (c === '-' && next === '-') {
      const k = sql.indexOf('\n', i);
      push('comment', k < 0 ? sql.length : k);
    } else if (c === '/' && next === '*') {
      const k = sql.indexOf('*/', i + 2);
      if (k < 0) fail('unterminated /* comment');
      push('comment', k + 2);
    } else if (c === "'") {
      push('string', closeQuoted("'", i + 1, 'string literal'));
    } else if ((c === 'U' || c === 'u') && next === '&' && sql[i + 2] === "'") {
      push('string', closeQuoted("'", i + 3, 'string literal'));
    } else if ((c === 'X' || c === 'x') && next === "'") {
      push('string', closeQuoted("'", i + 2, 'binary literal'));
    } else if (c === '"') {
      push('quoted', closeQuoted('"', i + 1, 'quoted identifier'));
    } else if (c === '`') {
      push('quoted', closeQuoted('`', i + 1, 'quoted identifier'));
    } else if (c === '$' && next === '{') {
      const k = sql.indexOf('}', i);
      if (k < 0) fail('unterminated ${variable}');
      push('variable', k + 1);
    } else if (c === '$' && (next === '$' || (next !== undefined && isWordStart(next)))) {
      const m = /^\$[A-Za-z_]*\$/.exec(sql.slice(i, i + 64));
      if (!m) {
        push('op', i + 1);
        continue;
      }
      const k = sql.indexOf(m[0], i + m[0].length);
      if (k < 0) fail(`unterminated ${m[0]} body`);
      push('dollar', k + m[0].length);
    } else if (isDigit(c) || (c === '.' && next !== undefined && isDigit(next))) {
      push('number', i + numberLength(sql.slice(i, i + 400)));
    } else if (isWordStart(c)) {
      let j = i + 1;
      while (j < sql.length && isWordPartCode(sql.charCodeAt(j))) j++;
      push('word', j);
    } else if (PUNCT.has(c)) {
      push('punct', i + 1);
    } else {
      const op = MULTI_CHAR_OPS.find((o) => sql.startsWith(o, i));
      push('op', i + (op ? op.length : 1));
    }
  }
  return tokens;
}

/** True for tokens that carry no meaning (whitespace and comments). */
export const isTrivia = (t: Token): boolean => t.kind === 'ws' || t.kind === 'comment';

/** Upper-cased text of a bare word, '' for anything else: for keyword tests. */
export function keyword(t: Token | undefined): string {
  if (t?.kind !== 'word') return '';
  // The translator's passes ask each token's keyword many times: it is kept on the token (a map by text was ~6 % of
  // the rules' time, the largest self time in `lake lint`'s profile).
  if (t.upperOf === t.text && t.upper !== undefined) return t.upper;
  const upper = t.text.toUpperCase();
  t.upper = upper;
  t.upperOf = t.text;
  return upper;
}

/** Identifier value: unquoted and case-folded the way Athena folds names (to lower case). */
export function identifierName(t: Token): string {
  if (t.kind === 'quoted')
    return t.text
      .slice(1, -1)
      .replaceAll(t.text[0] + t.text[0], t.text[0])
      .toLowerCase();
  return t.text.toLowerCase();
}

/** Value of a 'string' token without quotes and escapes. */
export function stringValue(t: Token): string {
  return t.text.slice(t.text.indexOf("'") + 1, -1).replaceAll("''", "'");
}

export const joinTokens = (tokens: readonly Token[]): string => tokens.map((t) => t.text).join('');
