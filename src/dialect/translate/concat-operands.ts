// `'x' || 1`, `concat('x', 1)`: Trino's || and concat() take varchar (or array) operands only and fail on a number,
// boolean, date or decimal (FUNCTION_NOT_FOUND: "Unexpected parameters (varchar(1), integer) for function concat",
// https://trino.io/docs/current/functions/string.html#concat); DuckDB converts the number to text. The translator
// knows no column types, so it refuses what it can see: literals of another type concatenated with a literal. Other
// operands are checked by their bound types: `||` and concat() run as the trino_concat shim (operators.ts,
// function-macros.ts), which DuckDB's binder refuses for a number, date or boolean, so `lake lint` finds them too.
import type { Token } from '../tokens.js';
import { TYPED_LITERAL_KEYWORDS } from './types.js';
import { unknownArrayLiteral } from './lambda-rewrites.js';
import { meaningful, nodeKeyword, nodeText, type Node } from './tree.js';

const TEXT_TYPES = new Set(['VARCHAR', 'CHAR']);

export type LiteralKind = 'varchar' | 'other';

const isToken = (n: Node | undefined, kind: Token['kind']) => n?.kind === 'token' && n.token.kind === kind;

/** The kind of literal an operand is, from its meaningful nodes; undefined when it is not a plain literal. */
export function literalKind(nodes: readonly Node[]): LiteralKind | undefined {
  const m = meaningful(nodes);
  const unsigned = m.length === 2 && m[0].kind === 'token' && (m[0].token.text === '-' || m[0].token.text === '+') ? m.slice(1) : m;
  if (unsigned.length === 1) {
    if (isToken(unsigned[0], 'string')) return 'varchar';
    if (isToken(unsigned[0], 'number') || ['TRUE', 'FALSE'].includes(nodeKeyword(unsigned[0]))) return 'other';
  }
  if (unsigned.length === 2 && isToken(unsigned[1], 'string')) {
    const type = nodeKeyword(unsigned[0]);
    if (TEXT_TYPES.has(type)) return 'varchar';
    if (TYPED_LITERAL_KEYWORDS.has(type)) return 'other';
  }
  return undefined;
}

/** The literal just before index k of `m` (a typed literal is two nodes). */
function literalBefore(m: readonly Node[], k: number): LiteralKind | undefined {
  if (k < 1) return undefined;
  if (isToken(m[k - 1], 'string') && k >= 2) {
    const typed = literalKind(m.slice(k - 2, k));
    if (typed) return typed;
  }
  return literalKind(m.slice(k - 1, k));
}

/** The literal just after index k of `m` (an optional sign, a typed literal's type word). */
function literalAfter(m: readonly Node[], k: number): LiteralKind | undefined {
  for (const length of [1, 2]) {
    const kind = literalKind(m.slice(k + 1, k + 1 + length));
    if (kind && (length === 1 || !isToken(m[k + 1], 'string'))) return kind;
  }
  return undefined;
}

/** The `||` tokens of a sibling sequence between two literals, one of them not a string (`'x' || 1`, `2 || 3`). */
export function mismatchedConcatOperators(items: readonly Node[]): Token[] {
  const m = meaningful(items);
  const found: Token[] = [];
  m.forEach((n, k) => {
    if (n.kind !== 'token' || n.token.text !== '||') return;
    const [left, right] = [literalBefore(m, k), literalAfter(m, k)];
    if ((left === 'other' && right !== undefined) || (right === 'other' && left !== undefined)) found.push(n.token);
  });
  return found;
}

/** Whether concat()'s arguments mix a string literal with a literal of another type. */
export function mismatchedConcatArguments(args: readonly (readonly Node[])[]): boolean {
  const kinds = new Set(args.map(literalKind));
  return kinds.has('varchar') && kinds.has('other');
}

/**
 * `ARRAY[]` (or an array of only NULLs) joined with another value: Trino 476 cannot choose between concatenating two
 * arrays and appending an element, `concat(ARRAY[], ARRAY[1])` and `ARRAY[NULL] || ARRAY[1]` are
 * AMBIGUOUS_FUNCTION_CALL there, where DuckDB joins them. The `||` tokens with such an array on one side and
 * something else on the other.
 */
export function unknownArrayConcatOperators(items: readonly Node[]): Token[] {
  const m = meaningful(items);
  const appends = unknownArrayAppendOperators(items);
  const arrayAt = (k: number) => k >= 0 && k + 1 < m.length && unknownArrayLiteral(m.slice(k, k + 2));
  return m.flatMap((n, k) => {
    if (n.kind !== 'token' || n.token.text !== '||' || appends.has(n.token)) return [];
    const [left, right] = [arrayAt(k - 2), arrayAt(k + 1)];
    return left !== right && k > 0 && k + 1 < m.length ? [n.token] : [];
  });
}

/** Which side of an append the unknown-typed array is on: `ARRAY[] || 1` appends, `1 || ARRAY[]` prepends. */
export type ArrayAppend = 'append' | 'prepend';

/**
 * `ARRAY[] || 1`, `ARRAY[NULL] || 'a'`, `DATE '…' || ARRAY[]`: an unknown-typed array beside a literal of another
 * kind is not ambiguous in Trino 476, which appends (or prepends) the element and types the array by it
 * (`ARRAY[] || 1` is array(integer) [1]). The literal must be the whole operand (`ARRAY[] || 1 + 2` adds first, a
 * chain `ARRAY[] || 1 || 2` is left refused). The `||` tokens, with the side the array is on.
 */
export function unknownArrayAppendOperators(items: readonly Node[]): Map<Token, ArrayAppend> {
  const m = meaningful(items);
  const isOperator = (n: Node | undefined) => n?.kind === 'token' && n.token.kind === 'op';
  const arrayAt = (k: number) => k >= 0 && k + 1 < m.length && unknownArrayLiteral(m.slice(k, k + 2));
  /** The length of the literal operand starting (after) or ending (before) at k, 0 when there is none. */
  const literalLength = (from: number, step: 1 | -1) => {
    for (const length of [1, 2, 3]) {
      const [start, end] = step === 1 ? [from, from + length] : [from - length + 1, from + 1];
      if (start < 0 || end > m.length || literalKind(m.slice(start, end)) === undefined) continue;
      if (!isOperator(step === 1 ? m[end] : m[start - 1])) return length;
    }
    return 0;
  };
  const found = new Map<Token, ArrayAppend>();
  m.forEach((n, k) => {
    if (n.kind !== 'token' || n.token.text !== '||') return;
    if (arrayAt(k - 2) && !isOperator(m[k - 3]) && literalLength(k + 1, 1) > 0) found.set(n.token, 'append');
    else if (arrayAt(k + 1) && !isOperator(m[k + 3]) && literalLength(k - 1, -1) > 0) found.set(n.token, 'prepend');
  });
  return found;
}

/** Whether concat()'s arguments join `ARRAY[]` (or an array of only NULLs) with another value. */
export function unknownArrayConcatArguments(args: readonly (readonly Node[])[]): boolean {
  const unknown = args.map(unknownArrayLiteral);
  return unknown.includes(true) && unknown.includes(false) && unknownArrayAppendArguments(args) === undefined;
}

/** concat(ARRAY[], 1) and concat(1, ARRAY[]): an element appended or prepended (see unknownArrayAppendOperators). */
export function unknownArrayAppendArguments(args: readonly (readonly Node[])[]): ArrayAppend | undefined {
  if (args.length !== 2) return undefined;
  if (unknownArrayLiteral(args[0]) && literalKind(args[1]) !== undefined) return 'append';
  return unknownArrayLiteral(args[1]) && literalKind(args[0]) !== undefined ? 'prepend' : undefined;
}

/** The refusal of both. */
export const UNKNOWN_ARRAY_CONCAT = {
  message:
    'ARRAY[] (or an array of only NULLs) joined with another value: Athena types its elements unknown and cannot always choose between joining arrays and appending an element (concat(ARRAY[], ARRAY[1]) is AMBIGUOUS_FUNCTION_CALL), which the local engine does not follow',
  hint: 'give the empty array its type: CAST(ARRAY[] AS array(integer)) || ARRAY[1]',
};

/** A bare NULL literal, or one in parentheses. */
const isBareNull = (n: Node | undefined): boolean =>
  n !== undefined &&
  (nodeKeyword(n) === 'NULL' || (n.kind === 'group' && n.open.text === '(' && meaningful(n.items).length === 1 && isBareNull(meaningful(n.items)[0])));

const NULL_OPERATORS = new Set(['+', '-', '*', '/', '||']);
/** What an operator token follows when it is a sign: nothing, another operator, a comma. */
const SIGN_AFTER_WORDS = new Set(['SELECT', 'WHEN', 'THEN', 'ELSE', 'AND', 'OR', 'NOT', 'WHERE', 'HAVING', 'ON', 'BY', 'RETURN']);
const isSignPosition = (before: Node | undefined) =>
  before === undefined || SIGN_AFTER_WORDS.has(nodeKeyword(before)) || (before.kind === 'token' && /^(?:[-+*/%,=<>(]|\|\||<>|<=|>=)$/.test(before.token.text));

/**
 * `NULL + NULL`, `NULL / NULL`, `NULL || NULL`, `-NULL`: both operands are `unknown` in Trino 476, which cannot choose
 * the operator (AMBIGUOUS_FUNCTION_CALL), where DuckDB answers a NULL bigint. The operator tokens.
 */
export function ambiguousNullOperators(items: readonly Node[]): Token[] {
  const m = meaningful(items);
  return m.flatMap((n, k) => {
    if (n.kind !== 'token' || !NULL_OPERATORS.has(n.token.text) || !isBareNull(m[k + 1])) return [];
    const sign = n.token.text === '-' && isSignPosition(m[k - 1]);
    return sign || isBareNull(m[k - 1]) ? [n.token] : [];
  });
}

/** The `+` and `-` tokens between a bare NULL and an INTERVAL or TIMESTAMP literal that Trino cannot resolve. */
export function ambiguousNullDatetimeOperators(items: readonly Node[]): Token[] {
  const m = meaningful(items);
  return m.flatMap((n, k) => (n.kind === 'token' && ambiguousNullDatetime(m, k) ? [n.token] : []));
}

/** The datetime literal kinds whose + and - with a bare NULL Trino cannot resolve. */
type DatetimeLiteral = 'INTERVAL' | 'TIMESTAMP';

/** `INTERVAL 'n' UNIT` or `TIMESTAMP '…'` starting at m[k]. */
function datetimeLiteralAt(m: readonly Node[], k: number): DatetimeLiteral | undefined {
  const word = nodeKeyword(m[k]);
  if (!isToken(m[k + 1], 'string')) return undefined;
  if (word === 'TIMESTAMP') return 'TIMESTAMP';
  return word === 'INTERVAL' && isToken(m[k + 2], 'word') ? 'INTERVAL' : undefined;
}

/** The datetime literal ending at m[k], when it is the whole left operand of the operator after it. */
function datetimeLiteralBefore(m: readonly Node[], k: number): DatetimeLiteral | undefined {
  for (const start of [k - 3, k - 2]) {
    const kind = start >= 0 ? datetimeLiteralAt(m, start) : undefined;
    if (kind === undefined || start + (kind === 'INTERVAL' ? 3 : 2) !== k) continue;
    // `DATE '…' + INTERVAL '1' DAY + NULL` adds NULL to a date: a binary + or - before the literal takes it first.
    const before = m[start - 1];
    const binary = before?.kind === 'token' && (before.token.text === '+' || before.token.text === '-') && !isSignPosition(m[start - 2]);
    return binary ? undefined : kind;
  }
  return undefined;
}

/**
 * `NULL + INTERVAL '1' DAY`, `NULL - INTERVAL '1' DAY`, `INTERVAL '1' DAY + NULL`, `NULL + TIMESTAMP '…'`,
 * `TIMESTAMP '…' ± NULL`: Trino 476 cannot choose among the date, time, timestamp and interval overloads of + and -
 * for an `unknown` operand (AMBIGUOUS_FUNCTION_CALL), where DuckDB answers a NULL date or timestamp. `INTERVAL … -
 * NULL`, `NULL - TIMESTAMP …` and the DATE overloads resolve in Trino and locally alike. The operator is at m[k].
 */
function ambiguousNullDatetime(m: readonly Node[], k: number): boolean {
  const op = nodeText(m[k]);
  if (op !== '+' && op !== '-') return false;
  // A bare NULL operand, not taken first by the operator before it (`DATE '…' + NULL + …`, `2 * NULL`; `-NULL` is
  // refused itself) or by a tighter one after it (`NULL * 2`).
  const operator = (n: Node | undefined, ops: RegExp) => n?.kind === 'token' && ops.test(n.token.text);
  if (isBareNull(m[k - 1]) && !operator(m[k - 2], /^[-+*/%]$/)) {
    const right = datetimeLiteralAt(m, k + 1);
    return right === 'INTERVAL' || (right === 'TIMESTAMP' && op === '+');
  }
  if (isBareNull(m[k + 1]) && !operator(m[k + 2], /^[*/%]$/)) {
    const left = datetimeLiteralBefore(m, k);
    return left === 'TIMESTAMP' || (left === 'INTERVAL' && op === '+');
  }
  return false;
}

/** The refusal of NULL ± INTERVAL and TIMESTAMP ± NULL. */
export const AMBIGUOUS_NULL_DATETIME = {
  message:
    'NULL + INTERVAL, NULL - INTERVAL, INTERVAL + NULL, NULL + TIMESTAMP and TIMESTAMP ± NULL are ambiguous on Athena (AMBIGUOUS_FUNCTION_CALL: NULL has no type there)',
  hint: "CAST the NULL: CAST(NULL AS timestamp) + INTERVAL '1' DAY",
};

/** The refusal of NULL op NULL. */
export const AMBIGUOUS_NULL_OPERATOR = {
  message: 'an arithmetic or || operator over NULL alone is ambiguous on Athena (AMBIGUOUS_FUNCTION_CALL: NULL has no type there)',
  hint: 'CAST one operand: CAST(NULL AS integer) / NULL',
};

/**
 * `NULL || x` and `concat(NULL, x)` (two operands, one a bare NULL): Trino 476 picks its array form, so the result is
 * a NULL array of x's type (`NULL || 'a'` is array(varchar), `NULL || 1` array(integer)), and fails where x is an
 * array, varbinary or NULL too (AMBIGUOUS_FUNCTION_CALL); DuckDB gave a varchar NULL. The rendered call, or undefined
 * when no operand of two (already rendered) is a bare NULL.
 */
export function concatWithUnknown(operands: readonly string[]): string | undefined {
  const bare = operands.map((o) => /^\s*NULL\s*$/i.test(o));
  if (operands.length !== 2 || !(bare[0] || bare[1])) return undefined;
  // Both NULL: the shim refuses it as ambiguous, as Trino 476 fails concat(NULL, NULL).
  return `trino_concat_unknown(${operands[bare[0] ? 1 : 0].trim()})`;
}
