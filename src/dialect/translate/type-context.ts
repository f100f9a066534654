// Where a `>` closes a type and where `>>` is DuckDB's shift operator, read from the statement's type positions.
// Trino 476 has no `>>` (bitwise_right_shift is a function; `SELECT 8 >> 2` fails SYNTAX_ERROR at the second `>`), but
// its types close with one: `CAST(x AS array<array<integer>>)`, Hive DDL's `ARRAY<STRUCT<a: STRING>>`. A `>` is a
// type's only inside a type position: the type of CAST(… AS …) / TRY_CAST, a column list of CREATE TABLE (and its
// PARTITIONED BY, ALTER TABLE … ADD/REPLACE COLUMNS), the type after ADD COLUMN name, CHANGE [COLUMN] a b, SET DATA
// TYPE and RETURNING. Everywhere else two adjacent `>` are the shift (`SELECT map < 3, 8 >> 2`, where a column named
// map compared with `<` made the earlier heuristic read a type).
//
// Trino's legacy type forms `array<T>` and `map<K, V>` (SqlBase.g4's legacyArrayType / legacyMapType) are its
// `array(T)` and `map(K, V)`: inside a CAST's type they are given to the translator written so. `row<…>` and
// `struct<…>` are not Trino's (SYNTAX_ERROR at the `<`) and stay as written, refused as not a type.
import { isTrivia, keyword, type Token } from '../tokens.js';

export interface TypeContext {
  /** The second `>` of each run of adjacent `>` outside a type: DuckDB's shift operator, where Trino fails. */
  shifts: Token[];
  /** The `(` of a type's parameters inside a type position (`DECIMAL(10,2)`, `varchar(3)`): no call. */
  typeParens: ReadonlySet<Token>;
  /** The tokens, with the `<…>` of array<T> and map<K, V> inside a CAST's or TRY_CAST's type written as `(…)`. */
  tokens: readonly Token[];
}

/** A CAST's or TRY_CAST's parenthesis: its type after AS, the `<` of it still open, the `<…>` pairs to write as `(…)`. */
interface CastParen {
  kind: 'cast';
  afterAs: boolean;
  /** Open `<` and the depth of parentheses each was opened at. */
  angles: { token: Token; depth: number }[];
  pairs: [Token, Token][];
  /** False once a `<` opens after another word than ARRAY or MAP, or a bracket does not pair at its own depth. */
  clean: boolean;
}
/** An open parenthesis: a CAST's, one inside a type (of a CAST, when `cast`) or a DDL column list, any other. */
type Paren = CastParen | { kind: 'type'; cast?: CastParen } | { kind: 'other' };

const isWord = (t: Token | undefined, word: string): boolean => t !== undefined && keyword(t) === word;
const isName = (t: Token | undefined): boolean => t !== undefined && (t.kind === 'word' || t.kind === 'quoted');

/** Whether the `(` at m[k] opens a column list of DDL: `CREATE [EXTERNAL] TABLE [IF NOT EXISTS] a.b (`, `PARTITIONED BY (`, `ADD COLUMNS (`. */
function opensColumnList(m: readonly Token[], k: number, statementStart: number): boolean {
  const before = m[k - 1];
  if (isWord(before, 'COLUMNS')) return true;
  if (!isWord(m[statementStart], 'CREATE')) return false;
  if (isWord(before, 'BY') && isWord(m[k - 2], 'PARTITIONED')) return true;
  let j = k - 1;
  if (!isName(m[j])) return false;
  while (m[j - 1]?.text === '.' && isName(m[j - 2])) j -= 2;
  j--;
  if (isWord(m[j], 'EXISTS') && isWord(m[j - 1], 'NOT') && isWord(m[j - 2], 'IF')) j -= 3;
  return isWord(m[j], 'TABLE');
}

/**
 * Where a single type starts after m[k] (not in a parenthesised list): `ALTER TABLE … ADD COLUMN c <type>`, `CHANGE
 * [COLUMN] a b <type>`, `SET DATA TYPE <type>`, `RETURNING <type>`. Returns the index of its first token, or -1.
 */
function typeStartAfter(m: readonly Token[], k: number, statementStart: number, inParens: boolean): number {
  const word = keyword(m[k]);
  // RETURNING inside a call's parentheses (json_value, json_query); the others in ALTER TABLE only, so a column named
  // change or returning is still read as a name.
  if (word === 'RETURNING') return inParens ? k + 1 : -1;
  if (!isWord(m[statementStart], 'ALTER')) return -1;
  if (word === 'TYPE' && isWord(m[k - 1], 'DATA') && isWord(m[k - 2], 'SET')) return k + 1;
  if (word === 'COLUMN' && isWord(m[k - 1], 'ADD')) return isName(m[k + 1]) ? k + 2 : -1;
  if (word === 'CHANGE') {
    const first = isWord(m[k + 1], 'COLUMN') ? k + 2 : k + 1;
    return isName(m[first]) && isName(m[first + 1]) ? first + 2 : -1;
  }
  return -1;
}

/**
 * The end (exclusive) of one type starting at m[k]: its words, a `<…>` and `(…)` balanced, so every `>` before the end
 * is the type's. Stops at a comma, `)` or anything else outside its brackets.
 */
function typeEnd(m: readonly Token[], k: number): number {
  let angles = 0;
  let parens = 0;
  let j = k;
  for (; j < m.length; j++) {
    const t = m[j];
    if (t.text === '<') angles++;
    else if (t.text === '>') {
      if (angles === 0) break;
      angles--;
    } else if (t.text === '(') parens++;
    else if (t.text === ')') {
      if (parens === 0) break;
      parens--;
    } else if (angles === 0 && parens === 0 && t.kind !== 'word' && t.kind !== 'quoted') break;
    else if (t.text === ';') break;
  }
  return j;
}

export function readTypeContext(tokens: readonly Token[]): TypeContext {
  const m = tokens.filter((t) => !isTrivia(t));
  const inType = new Set<Token>();
  const stack: Paren[] = [];
  const renamed = new Map<Token, string>();
  const typeParens = new Set<Token>();
  let statementStart = 0;
  let singleTypeEnd = -1;
  for (let k = 0; k < m.length; k++) {
    const t = m[k];
    const top = stack[stack.length - 1];
    const here = k < singleTypeEnd || top?.kind === 'type' || (top?.kind === 'cast' && top.afterAs);
    if (here) inType.add(t);
    const cast = top?.kind === 'cast' ? top : top?.kind === 'type' ? top.cast : undefined;
    if (t.text === ';' && stack.length === 0) statementStart = k + 1;
    if (t.text === '(' || t.text === '[') {
      const opensCast = t.text === '(' && !here && (isWord(m[k - 1], 'CAST') || isWord(m[k - 1], 'TRY_CAST'));
      if (opensCast) stack.push({ kind: 'cast', afterAs: false, angles: [], pairs: [], clean: true });
      else if (here) {
        stack.push({ kind: 'type', cast });
        if (m[k - 1]?.kind === 'word') typeParens.add(t);
      } else stack.push(t.text === '(' && opensColumnList(m, k, statementStart) ? { kind: 'type' } : { kind: 'other' });
      continue;
    }
    if (t.text === ')' || t.text === ']') {
      const closed = stack.pop();
      if (closed?.kind === 'cast' && closed.clean && closed.angles.length === 0)
        for (const [open, close] of closed.pairs) {
          renamed.set(open, '(');
          renamed.set(close, ')');
        }
      continue;
    }
    if (top?.kind === 'cast' && !top.afterAs) top.afterAs = isWord(t, 'AS');
    else if (cast && here && (t.text === '<' || t.text === '>')) {
      const depth = stack.length;
      if (t.text === '<') {
        if (!isWord(m[k - 1], 'ARRAY') && !isWord(m[k - 1], 'MAP')) cast.clean = false;
        cast.angles.push({ token: t, depth });
      } else {
        const open = cast.angles.pop();
        if (open?.depth === depth) cast.pairs.push([open.token, t]);
        else cast.clean = false;
      }
    }
    if (!here && singleTypeEnd <= k) {
      const start = typeStartAfter(m, k, statementStart, stack.length > 0);
      if (start >= 0) singleTypeEnd = typeEnd(m, start);
    }
  }
  const shifts: Token[] = [];
  for (let k = 1; k < m.length; k++) {
    const [before, t] = [m[k - 1], m[k]];
    const adjacent = before.text === '>' && t.text === '>' && t.kind === 'op' && before.kind === 'op' && t.start === before.start + 1;
    // The second `>` of a run (Trino's syntax error is there), once per run (`8 >>> 2`).
    const run = k >= 2 && m[k - 2].text === '>' && m[k - 2].start === before.start - 1;
    if (adjacent && !run && !inType.has(t)) shifts.push(t);
  }
  if (renamed.size === 0) return { shifts, typeParens, tokens };
  return {
    shifts,
    typeParens,
    tokens: tokens.map((t) => {
      const text = renamed.get(t);
      return text === undefined ? t : { kind: 'punct', text, start: t.start, line: t.line, col: t.col };
    }),
  };
}
