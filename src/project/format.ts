// `lake fmt`: formats the SQL body of a file with sql-formatter (Trino), keeping the header block byte-for-byte and
// `${var}` placeholders intact. A statement is only replaced when its formatted tokens equal the original tokens
// (whitespace aside), so formatting can never change what runs; Hive DDL is left as written (sql-formatter has no
// Hive grammar for ROW FORMAT, SERDE, STORED AS…).
import { format, type FormatOptionsWithLanguage } from 'sql-formatter';
import { isTrivia, tokenize, type Token } from '../dialect/tokens.js';
import { positionAt } from './errors.js';
import { headerBlockEnd } from './header-block.js';
import { statementGrammar } from '../lint/statement-grammar.js';

const FORMAT_OPTIONS: FormatOptionsWithLanguage = {
  language: 'trino',
  // Upper-casing would also shout identifiers that look like keywords (year, hour, timestamp).
  keywordCase: 'preserve',
  tabWidth: 2,
  paramTypes: { custom: [{ regex: String.raw`\$\{[^{}]+\}` }] },
};

export interface FormatResult {
  text: string;
  /** Statements left as written because sql-formatter could not format them faithfully. */
  unformatted: Array<{ line: number; reason: string }>;
}

const meaningful = (text: string): string[] =>
  tokenize(text)
    .filter((t) => t.kind !== 'ws')
    .map((t) => (t.kind === 'comment' ? t.text.replace(/\s+/g, ' ').trim() : t.text));

const sameTokens = (a: string, b: string): boolean => {
  const x = meaningful(a);
  const y = meaningful(b);
  return x.length === y.length && x.every((t, i) => t === y[i]);
};

/** Splits on top-level `;`, keeping comments with the statement that follows them. */
function segments(body: string, tokens: Token[]): Array<{ text: string; offset: number; terminated: boolean }> {
  const out: Array<{ text: string; offset: number; terminated: boolean }> = [];
  let start = 0;
  const push = (end: number, terminated: boolean) => {
    const raw = body.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    if (raw.trim()) out.push({ text: raw.trim(), offset: start + lead, terminated });
  };
  for (const t of tokens) {
    if (t.kind === 'punct' && t.text === ';') {
      push(t.start, true);
      start = t.start + 1;
    }
  }
  push(body.length, false);
  return out;
}

/** A `;` appended after a trailing `-- comment` would be commented out. */
const endsWithLineComment = (text: string): boolean => {
  const last = tokenize(text)
    .filter((t) => t.kind !== 'ws')
    .pop();
  return last !== undefined && last.kind === 'comment' && last.text.startsWith('--');
};

export function formatSqlFile(text: string): FormatResult {
  const end = headerBlockEnd(text);
  const header = text.slice(0, end);
  const body = text.slice(end);
  let tokens: Token[];
  try {
    tokens = tokenize(body);
  } catch (error) {
    return { text, unformatted: [{ line: 1, reason: (error as Error).message }] };
  }
  if (tokens.every(isTrivia) && !tokens.some((t) => t.kind === 'comment')) return { text, unformatted: [] };
  const unformatted: FormatResult['unformatted'] = [];
  const parts = segments(body, tokens).map((segment) => {
    const onlyComments = tokenize(segment.text).every(isTrivia);
    if (onlyComments || statementGrammar(segment.text) !== 'trino') return segment;
    const line = positionAt(text, end + segment.offset).line;
    let formatted: string;
    try {
      formatted = format(segment.text, FORMAT_OPTIONS);
    } catch (error) {
      unformatted.push({ line, reason: (error as Error).message.split('\n')[0] });
      return segment;
    }
    if (!sameTokens(segment.text, formatted)) {
      unformatted.push({ line, reason: 'sql-formatter would change tokens, not only layout' });
      return segment;
    }
    return { ...segment, text: formatted };
  });
  const formattedBody = parts.map((p) => p.text + (p.terminated ? (endsWithLineComment(p.text) ? '\n;' : ';') : '')).join('\n\n');
  return { text: `${header}${header ? '\n' : ''}${formattedBody}\n`, unformatted };
}
