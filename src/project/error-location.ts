// Where in a SQL file an engine error points. The engine sees SQL after the header was cut off, variables were filled,
// the statement was wrapped (CREATE TABLE … AS, INSERT …) and translated to DuckDB, so its "LINE 7:" counts lines of
// text the user never wrote. The error does name the token it stopped at (the echoed line and caret, or a quoted name
// in the message); that token is found again in the file's own SQL, on the line that looks most like the echoed one.
import { identifierName, isTrivia, keyword, tokenize, type Token } from '../dialect/tokens.js';

/** SQL as it stands in a file: `sql` starts at line `bodyLine` (column 1) of `file`. */
export interface SqlSource {
  file: string;
  sql: string;
  bodyLine: number;
}

export interface SourcePosition {
  line: number;
  col: number;
}

/** DuckDB's echo of the failing line and the caret under the failing token. */
const ECHO = /^LINE (\d+):(.*)\n( *)\^ *$/m;

/** Names errors quote: DuckDB binder/catalog messages and the lake's Athena-style TABLE_NOT_FOUND. */
const NAMED = [
  /Referenced column "([^"]+)" not found/,
  /Table with name ([^\s!]+) does not exist/,
  /Table '(?:[^'.]+\.)*([^'.]+)' does not exist/,
  /column "([^"]+)"/i,
  /function ([A-Za-z_][\w]*)\(/,
  /syntax error at or near "([^"]+)"/,
  // UNNEST's bind-time refusals (dialect/translate/unnest-columns.ts): the UNNEST.
  /^(UNNEST) of an array of rows/,
  /Cannot (unnest) type/,
  // A CTAS column of type unknown (dialect/translate/select-names.ts), refused in the wrapping `lake lint` binds: its name.
  /Column type is unknown: ([^:\s]+)/,
];

/**
 * Trino's FUNCTION_NOT_FOUND for a call over arguments of no overload (shims/error-messages.ts): the call, and for
 * concat the || operator first.
 */
const FUNCTION_TYPES = /Unexpected parameters \(.*\) for function (\w+)/;
/** Trino's TYPE_MISMATCH for `+`, `-`, `*` (shims/error-messages.ts): the operator. */
const OPERATOR_TYPES = /Cannot apply operator: .* ([-+*]) /;
/** Trino's errors for values meeting in no common type (shims/error-messages.ts): the construct's keyword. */
const COMMON_TYPES =
  /All (CASE|COALESCE|ARRAY) (?:results|operands|elements) must|Result types for (IF) must|comparable with (NULLIF)|^(?:TYPE_MISMATCH: )?(Values) rows|for function (greatest|least)\.|in (UNION|INTERSECT|EXCEPT) query has/;

/** shims/error-messages.ts's TYPE_MISMATCH for DuckDB's reading of a member or subscript of a json value. */
const JSON_MEMBER = /a member or subscript of a json value/;

/**
 * The start of the value of the first member (`j.foo`) or subscript (`j[1]`, `j['k']`) in the text whose value is
 * known to be json without the statement's types: a json_parse call, a `CAST(… AS json)`, a `JSON '…'` literal, or a
 * name in `inputNames` (the json columns of the node's inputs, from `lake lint`'s bind) or one the statement gives such a
 * value with AS, with its qualifiers (`x.j`).
 * That is where Trino 476 places its TYPE_MISMATCH ("line 1:8: Expression x.j is not of type ROW" for `SELECT
 * x.j.foo`). Undefined when none is known (then the error stays at the statement's start: a row field or a table
 * qualifier reads the same without the types).
 */
function jsonMemberValue(all: readonly Token[], inputNames: ReadonlySet<string>): Token | undefined {
  const tokens = all.filter((t) => !isTrivia(t));
  const isName = (t: Token | undefined) => t?.kind === 'word' || t?.kind === 'quoted';
  // The start of a json_parse call, a CAST to json or a JSON literal ending just before token i.
  const jsonCallStart = (i: number): Token | undefined => {
    const before = tokens[i - 1];
    if (before === undefined) return undefined;
    if (before.kind === 'string') return keyword(tokens[i - 2]) === 'JSON' ? tokens[i - 2] : undefined;
    if (before.text !== ')') return undefined;
    let depth = 0;
    let open = i - 1;
    for (; open >= 0; open--) {
      if (tokens[open].text === ')') depth++;
      else if (tokens[open].text === '(' && --depth === 0) break;
    }
    const callee = keyword(tokens[open - 1]);
    if (callee === 'JSON_PARSE') return tokens[open - 1];
    const cast = (callee === 'CAST' || callee === 'TRY_CAST') && keyword(tokens[i - 2]) === 'JSON' && keyword(tokens[i - 3]) === 'AS';
    return cast ? tokens[open - 1] : undefined;
  };
  // Besides the inputs' json columns: names the statement itself gives such a value (`json_parse(s) AS p` in a
  // subquery or WITH query; a name of another scope spelled the same would be taken too, the statement is refused anyway).
  const jsonNames = new Set(inputNames);
  tokens.forEach((t, i) => {
    if (keyword(t) === 'AS' && isName(tokens[i + 1]) && jsonCallStart(i)) jsonNames.add(identifierName(tokens[i + 1]));
  });
  const valueStart = (i: number): Token | undefined => {
    const before = tokens[i - 1];
    if (before?.kind === 'word' || before?.kind === 'quoted') {
      if (!jsonNames.has(identifierName(before))) return undefined;
      let k = i - 1;
      while (tokens[k - 1]?.text === '.' && isName(tokens[k - 2])) k -= 2;
      return tokens[k];
    }
    return jsonCallStart(i);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const member = t.text === '[' || (t.text === '.' && (tokens[i + 1]?.kind === 'word' || tokens[i + 1]?.kind === 'quoted'));
    const start = member ? valueStart(i) : undefined;
    if (start) return start;
  }
  return undefined;
}

const normalize = (text: string) => text.replace(/^"(.*)"$/, '$1').toLowerCase();

/** The token DuckDB's caret sits under, and the echoed line's text. */
function echoed(message: string): { word: string; lineText: string } | undefined {
  const match = ECHO.exec(message);
  if (!match) return undefined;
  const echoLine = `LINE ${match[1]}:${match[2]}`;
  const rest = echoLine.slice(match[3].length);
  const word = /^("[^"]*"|'[^']*'|[A-Za-z_][\w$]*|\d+|\S)/.exec(rest)?.[1];
  return word ? { word, lineText: match[2].trim().replace(/^\.\.\.|\.\.\.$/g, '') } : undefined;
}

function similarity(a: string, b: string): number {
  const x = a.trim();
  const y = b.trim();
  if (x === y) return 1_000;
  let same = 0;
  while (same < x.length && same < y.length && x[same] === y[same]) same++;
  return same + (x.includes(y) || y.includes(x) ? 100 : 0);
}

/**
 * The file position of the token an engine error stopped at; undefined when the error names nothing found there.
 * `jsonNames`: lower-case names of json columns the statement reads (places a json member or subscript refusal).
 */
export function locateEngineError(message: string, source: SqlSource, jsonNames: ReadonlySet<string> = new Set()): SourcePosition | undefined {
  let tokens: Token[];
  try {
    tokens = tokenize(source.sql);
  } catch {
    return undefined;
  }
  if (JSON_MEMBER.test(message)) {
    const value = jsonMemberValue(tokens, jsonNames);
    return value && { line: value.line + source.bodyLine - 1, col: value.col };
  }
  const lines = source.sql.split('\n');
  const echo = echoed(message);
  const called = FUNCTION_TYPES.exec(message)?.[1];
  const calls = called === 'concat' ? ['||', 'concat'] : called ? [called] : [];
  const operator = OPERATOR_TYPES.exec(message)?.[1];
  const construct = COMMON_TYPES.exec(message)?.slice(1).find(Boolean);
  const words = [...calls, operator, construct, echo?.word, ...NAMED.map((pattern) => pattern.exec(message)?.[1])].filter((w): w is string => Boolean(w));
  for (const word of words) {
    const wanted = normalize(word);
    const found = tokens.filter((t) => t.kind !== 'comment' && normalize(t.text) === wanted);
    if (found.length === 0) continue;
    const best = echo
      ? found.reduce((a, b) => (similarity(lines[b.line - 1], echo.lineText) > similarity(lines[a.line - 1], echo.lineText) ? b : a))
      : found[0];
    return { line: best.line + source.bodyLine - 1, col: best.col };
  }
  return undefined;
}

/** The message with DuckDB's echo of its own (translated) SQL replaced by the file's line and a caret under `at`. */
export function withSourceExcerpt(message: string, source: SqlSource, at: SourcePosition): string {
  const text = source.sql.split('\n')[at.line - source.bodyLine] ?? '';
  const gutter = String(at.line);
  const excerpt = `${gutter} | ${text}\n${' '.repeat(gutter.length)} | ${' '.repeat(at.col - 1)}^`;
  const body = ECHO.test(message) ? message.replace(ECHO, excerpt).replace(/\n{3,}/g, '\n\n') : `${message.trimEnd()}\n\n${excerpt}`;
  return body.trimEnd();
}

/** The error as `file:line:col: message` with the file's line under it. Without a position: `file: message`. */
export function engineErrorAt(message: string, source: SqlSource): string {
  // Already placed (an alert's evaluation error reaching the runner).
  if (message.startsWith(`${source.file}:`)) return message;
  const at = locateEngineError(message, source);
  return at ? `${source.file}:${at.line}:${at.col}: ${withSourceExcerpt(message, source, at)}` : `${source.file}: ${message}`;
}
