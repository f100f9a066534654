// Operators whose DuckDB meaning differs, rewritten over the rendered parts of one expression sequence: `AT TIME ZONE`,
// `/` and `%`, `± INTERVAL` (a DATE stays a DATE), `||` (typed operands), comparisons with zoned timestamps (compared by instant) and of arrays, maps and rows.
import { valueHead } from './evaluated-beside.js';
import { betweenOperands, compareNestedValues, evaluateInElements, type Guard, guardColumnComparisons } from './nested-comparisons.js';
import { concatWithUnknown, type ArrayAppend } from './concat-operands.js';
import { guardTextComparisons, isVisiblyVarchar } from './text-comparisons.js';
import { checkLikeEscapes } from './like-escape.js';
import { evaluateUntypedPredicateOperands } from './untyped-predicates.js';
import { guardNanComparisons } from './nan-comparisons.js';
import { readColumnsBesideFloats } from './floating-operands.js';
import { BIGINT_LITERAL, INTEGER_FIELD, wholeCall } from './nan-forms.js';
import { rewriteQuantifiedComparisons } from './quantified-comparisons.js';
import { hasAggregate, shimCall } from './unbound.js';
import { zoneKeyArgument } from './zone-keys.js';
import {
  columnArithmeticGuarded,
  isColumnName,
  keyByInstant,
  lambdaParameterName,
  type LambdaParameters,
  markNumberComparisons,
  MAY_BE_UNKNOWN,
  mayBeUnknownExpression,
  textIndexGuarded,
  unknownGuarded,
  unknownOperatorGuarded,
  UNKNOWN_ARRAY,
  retypedElement,
  unknownRetyped,
} from './column-operands.js';
import { REFUSED_KEY_MARKER } from '../shims/error-messages.js';
import type { Token } from '../tokens.js';

export type PartKind = 'trivia' | 'operand' | 'op' | 'boundary' | 'dot' | 'subscript';

export interface Part {
  kind: PartKind;
  text: string;
  /** For 'op' parts: the operator. */
  op?: string;
  /** An `INTERVAL '…' unit` literal. */
  interval?: boolean;
  /** An `INTERVAL '…' YEAR|MONTH` literal: its INTERVAL token (year-month intervals are checked by the caller). */
  yearMonth?: Token;
  /** For 'subscript' parts: the rendered index. */
  index?: string;
  /** For 'subscript' parts: the index is syntactically a zoned timestamp (a map key looked up by instant). */
  zonedIndex?: boolean;
  /** An IN list `( … )`: its rendered elements (compared by instant when any side is zoned). */
  inList?: { text: string; zoned: boolean; nested?: boolean }[];
  /** Syntactically a `timestamp with time zone` (current_timestamp, from_iso8601_timestamp, AT TIME ZONE, …). */
  zoned?: boolean;
  /** Visibly an array, map or row (nested-comparisons.ts). */
  nested?: boolean;
  /** Visibly a varchar: a CAST or TRY_CAST to varchar (nested-comparisons.ts isVarcharCast). */
  varchar?: boolean;
  /** For 'op' parts: a comparison whose operands may be nested unseen, refused or dispatched while binding. */
  guarded?: Guard;
  /** A number literal Trino types as `integer` (digits only, up to 2147483647). */
  integerLiteral?: boolean;
  /** For a `||` part: it appends an element to an unknown-typed array (or prepends one). */
  append?: ArrayAppend;
  /** For an `IS` part: in a WHERE whose untyped `e IS NULL` Trino evaluates (untyped-predicates.ts whereEvaluatesTests). */
  evaluatedTest?: boolean;
  /** For an `IS` part: a WHERE or HAVING test over a table's rows, refused where its operand is NULL-typed (untyped-predicates.ts). */
  refusedTest?: boolean;
  /**
   * For an `IS` part: a term of a HAVING (over any rows), refused where its operand holds an aggregate and is
   * NULL-typed: Trino 476 fails to compile `HAVING max(k) IS NULL` of an unknown k (untyped-predicates.ts; hunt43).
   */
  havingTest?: boolean;
  /** For a refused `IS` part: its level's UNNEST alias columns (untyped-predicates.ts unnestAliasColumns), lower case. */
  unnestColumns?: ReadonlySet<string>;
  /**
   * The Trino type of an operand known before DuckDB binds it: a column the catalog types (OperatorContext.knownType),
   * or `bigint` for add(), subtract(), multiply() of integers (an integer type: the widest of its operands').
   */
  knownType?: string;
}

export function lastMeaningful(parts: readonly Part[]): Part | undefined {
  for (let k = parts.length - 1; k >= 0; k--) if (parts[k].kind !== 'trivia') return parts[k];
  return undefined;
}

const isOperandLike = (p: Part | undefined) => p !== undefined && (p.kind === 'operand' || p.kind === 'subscript');

function prevIndex(parts: readonly Part[], i: number): number {
  for (let k = i - 1; k >= 0; k--) if (parts[k].kind !== 'trivia') return k;
  return -1;
}

function nextIndexOf(parts: readonly Part[], i: number): number {
  for (let k = i + 1; k < parts.length; k++) if (parts[k].kind !== 'trivia') return k;
  return -1;
}

/** Start of the primary expression ending at `end` (an operand with its `.field` chain and `[…]` subscripts). */
function primaryStart(parts: readonly Part[], end: number): number {
  let k = end;
  while (k >= 0 && parts[k].kind === 'subscript') k = prevIndex(parts, k);
  if (k < 0 || parts[k].kind !== 'operand') return -1;
  for (;;) {
    const dot = prevIndex(parts, k);
    if (dot < 0 || parts[dot].kind !== 'dot') return k;
    const before = prevIndex(parts, dot);
    if (before < 0 || parts[before].kind !== 'operand') return k;
    k = before;
  }
}

/** End of the primary expression starting at `start`, with a leading unary sign. */
function primaryEnd(parts: readonly Part[], start: number): number {
  let k = start;
  while (k >= 0 && parts[k].kind === 'op' && (parts[k].op === '-' || parts[k].op === '+')) k = nextIndexOf(parts, k);
  if (k < 0 || parts[k].kind !== 'operand') return -1;
  for (;;) {
    const n = nextIndexOf(parts, k);
    if (n >= 0 && parts[n].kind === 'subscript') k = n;
    else if (n >= 0 && parts[n].kind === 'dot' && parts[nextIndexOf(parts, n)]?.kind === 'operand') k = nextIndexOf(parts, n);
    else return k;
  }
}

export const isUnarySign = (parts: readonly Part[], k: number) =>
  parts[k]?.kind === 'op' && (parts[k].op === '-' || parts[k].op === '+') && !isOperandLike(parts[prevIndex(parts, k)]);

function leftOperandStart(parts: readonly Part[], opIndex: number, joiners: ReadonlySet<string>): number {
  let start = primaryStart(parts, prevIndex(parts, opIndex));
  while (start >= 0) {
    const p = prevIndex(parts, start);
    if (p >= 0 && isUnarySign(parts, p)) return p;
    if (p < 0 || parts[p].kind !== 'op' || !joiners.has(parts[p].op ?? '')) return start;
    const s = primaryStart(parts, prevIndex(parts, p));
    if (s < 0) return start;
    start = s;
  }
  return start;
}

/** End of the operand starting at `start` that extends over binary operators in `joiners` (`a * b + c`). */
function rightOperandEnd(parts: readonly Part[], start: number, joiners: ReadonlySet<string>): number {
  let end = primaryEnd(parts, start);
  while (end >= 0) {
    const op = nextIndexOf(parts, end);
    if (op < 0 || parts[op].kind !== 'op' || !joiners.has(parts[op].op ?? '')) return end;
    const next = primaryEnd(parts, nextIndexOf(parts, op));
    if (next < 0) return end;
    end = next;
  }
  return end;
}

const joinParts = (parts: readonly Part[], from: number, to: number) =>
  parts
    .slice(from, to + 1)
    .map((p) => p.text)
    .join('');

function replace(parts: Part[], from: number, to: number, text: string, zoned = false): void {
  parts.splice(from, to - from + 1, zoned ? { kind: 'operand', text, zoned } : { kind: 'operand', text });
}

/** The one meaningful part in [from, to], or -1. */
function single(parts: readonly Part[], from: number, to: number): number {
  let found = -1;
  for (let k = from; k <= to; k++) {
    if (parts[k].kind === 'trivia') continue;
    if (found >= 0) return -1;
    found = k;
  }
  return found;
}

const MULTIPLICATIVE = new Set(['*', '/', '%']);
const ADDITIVE = new Set(['*', '/', '%', '+', '-']);

export interface OperatorContext {
  /** Inside a subquery that may reference the outer query's columns, whose types DuckDB's overload choice cannot see. */
  correlatable?: boolean;
  /** Inside such a subquery, in a select list where Trino 476 evaluates an untyped `e IS NULL` (expressions.ts). */
  predicatesEvaluated?: boolean;
  /** Gets the year-month interval literals added to or subtracted from an operand that holds no interval literal. */
  addedYearMonths?: Set<Token>;
  /** The statement may hold NULL-typed columns (column-operands.ts MAY_BE_UNKNOWN). */
  mayHoldUnknown?: boolean;
  /** The parameters of the lambdas around the operators. */
  lambdaParameters?: LambdaParameters;
  /** The statement may make zoned values (zoned-groups.ts makesZonedValues). */
  makesZoned?: boolean;
  /** The Trino type of an operand that is a column of the catalog's tables, where known (known-types.ts levelColumnTypes). */
  knownType?: (text: string) => string | undefined;
}

const holdsInterval = (parts: readonly Part[], from: number, to: number) => parts.slice(from, to + 1).some((p) => p.interval);

/**
 * `a[i]` as trino_subscript(a, i), whose checks mention a and i ~17 times each. Where the container or the index as
 * written (`written`, before its guards) is an expression of calls (a[1][2], a[b[1]], element_at(…)[1]),
 * trino_subscript_once binds both once (issue 18: nested subscripts bound the innermost operand 17^depth times).
 */
const subscriptCall = (container: string, written: string, index: string): string =>
  /\(/.test(container) || /\(/.test(written) ? `trino_subscript_once(${container}, ${index})` : `trino_subscript(${container}, ${index})`;

export function rewriteOperators(parts: Part[], context: OperatorContext = {}): void {
  typeIntegerLiteralsInArithmetic(parts);
  if (context.knownType !== undefined) typeKnownColumns(parts, context.knownType);
  const unknownMayMeet = context.mayHoldUnknown === true;
  // a[i] raises where Trino raises (past the end, missing map key, i < 1); DuckDB gives NULL or counts from the end.
  for (let i = 0; i < parts.length; i++) {
    if (parts[i].kind !== 'subscript' || parts[i].index === undefined) continue;
    const l = primaryStart(parts, prevIndex(parts, i));
    if (l < 0) continue;
    const written = joinParts(parts, l, prevIndex(parts, i));
    const index = parts[i].index ?? '';
    // x[1] of a NULL-typed column (or NULL[1]) is Trino's array subscript of an array(unknown): an unknown element
    // (DuckDB took list_extract's varchar form); x['a'] stays unknown as the map form.
    const arrayIndex = !/^\s*'/.test(index);
    const container = !arrayIndex
      ? written
      : /^\s*NULL\s*$/i.test(written)
        ? `CAST(NULL AS ${UNKNOWN_ARRAY})`
        : unknownRetyped(written, unknownMayMeet, UNKNOWN_ARRAY, retypedElement(written));
    const unbound = context.correlatable === true || hasAggregate(index);
    replace(
      parts,
      l,
      i,
      parts[i].zonedIndex
        ? `trino_zoned_subscript(${container}, ${index})`
        : subscriptCall(container, index, textIndexGuarded(container, keyByInstant(container, index, unbound))),
    );
    i = l;
  }
  // -x and +x of a NULL-typed column: Trino 476 fails (AMBIGUOUS_FUNCTION_CALL, "Unary '+' operator cannot by applied to
  // unknown type"), DuckDB answered a NULL.
  for (let i = 0; unknownMayMeet && i < parts.length; i++) {
    if (!isUnarySign(parts, i)) continue;
    const n = nextIndexOf(parts, i);
    const r = n < 0 ? -1 : primaryEnd(parts, n);
    const operand =
      r < 0
        ? ''
        : joinParts(parts, n, r)
            .trim()
            .replace(/^\(\s*([^()]*?)\s*\)$/, '$1');
    // An expression holding NULL, [] or MAP() too (-element_at(ARRAY[], x), -CASE WHEN … THEN NULL END).
    const expression = !isColumnName(operand) && MAY_BE_UNKNOWN.test(operand) && mayBeUnknownExpression(operand);
    if (!isColumnName(operand) && !expression) continue;
    replace(parts, i, r, `${parts[i].op}${unknownGuarded(operand, true, 'sign', false, expression)}`);
  }
  // AT TIME ZONE binds tighter than any arithmetic.
  for (let i = 0; i < parts.length; i++) {
    if (parts[i].op !== 'AT TIME ZONE') continue;
    const l = primaryStart(parts, prevIndex(parts, i));
    const r = primaryEnd(parts, nextIndexOf(parts, i));
    if (l < 0 || r < 0) continue;
    replace(
      parts,
      l,
      r,
      shimCall('trino_at_time_zone', [joinParts(parts, l, prevIndex(parts, i)), zoneKeyArgument(joinParts(parts, nextIndexOf(parts, i), r))]),
      true,
    );
    i = l;
  }
  // Integer division by zero must fail and decimal division must stay decimal: `/` and `%` become shims; `*` becomes
  // multiply() (see CHECKED_ARITHMETIC) between visible integers, else trino_multiply (decimal precision).
  for (let i = 0; i < parts.length; i++) {
    const op = parts[i].op;
    if (parts[i].kind !== 'op' || (op !== '/' && op !== '%' && op !== '*')) continue;
    const l = leftOperandStart(parts, i, MULTIPLICATIVE);
    const r = primaryEnd(parts, nextIndexOf(parts, i));
    if (l < 0 || r < 0) continue;
    // An interval literal divided: Trino's interval / number (a NULL divisor gives NULL, zero fails), not the numbers'.
    const interval = parts[l].interval === true && single(parts, l, prevIndex(parts, i)) === l;
    const [left, right] = [joinParts(parts, l, prevIndex(parts, i)), joinParts(parts, nextIndexOf(parts, i), r)];
    const integers = [left, right].every((o) => visiblyInteger(o, context.knownType));
    const product = integers ? CHECKED_ARITHMETIC['*'] : typedArithmetic('trino_multiply', [left, right], context);
    const fn = op === '*' ? product : op === '/' ? (interval ? 'trino_interval_divide' : 'trino_divide') : 'trino_modulus';
    // A double over an integer that is never zero (the KPI's `CAST(count_if(…) AS DOUBLE) / nullif(count(x), 0)`):
    // DuckDB's division of doubles is Trino's; trino_divide's zero and decimal branches cost ~8 ms of binding.
    const quotient =
      op === '/' && !interval && isDouble(left) && neverZeroInteger(right, context.knownType) ? `(${left} / CAST(${right} AS DOUBLE))` : undefined;
    replace(parts, l, r, unknownOperatorGuarded(quotient ?? `${fn}(${left}, ${right})`, [left, right], op, unknownMayMeet));
    if (op === '*' && integers && context.knownType !== undefined) parts[l].knownType = 'bigint';
    i = l;
  }
  // DATE ± INTERVAL stays a DATE.
  for (let i = 0; i < parts.length; i++) {
    const op = parts[i].op;
    if (parts[i].kind !== 'op' || (op !== '+' && op !== '-')) continue;
    const n = nextIndexOf(parts, i);
    const p = prevIndex(parts, i);
    if (op === '+' && p >= 0 && parts[p].interval && !isOperandLike(parts[prevIndex(parts, p)])) {
      // INTERVAL + x is x + INTERVAL.
      const r = primaryEnd(parts, n);
      if (r < 0) continue;
      const zoned = parts[single(parts, n, r)]?.zoned === true;
      const added = parts[p].yearMonth;
      if (added && !holdsInterval(parts, n, r)) context.addedYearMonths?.add(added);
      const operand = joinParts(parts, n, r);
      const sum = shimCall(intervalShim('+', parts[p].text), [operand, parts[p].text]);
      replace(parts, p, r, unknownOperatorGuarded(sum, [parts[p].text, operand], '+', unknownMayMeet), zoned);
      i = p;
      continue;
    }
    if (n < 0 || !parts[n].interval || !isOperandLike(parts[prevIndex(parts, i)])) continue;
    const l = leftOperandStart(parts, i, ADDITIVE);
    if (l < 0) continue;
    const fn = intervalShim(op, parts[n].text);
    const zoned = parts[single(parts, l, prevIndex(parts, i))]?.zoned === true;
    const added = parts[n].yearMonth;
    if (added && !holdsInterval(parts, l, prevIndex(parts, i))) context.addedYearMonths?.add(added);
    const operand = joinParts(parts, l, prevIndex(parts, i));
    replace(parts, l, n, unknownOperatorGuarded(shimCall(fn, [operand, parts[n].text]), [operand, parts[n].text], op, unknownMayMeet), zoned);
    i = l;
  }
  addAndSubtract(parts, context);
  // a || b: Trino's concat of varchar, varbinary or arrays; the shim refuses other operand types while binding. Its
  // operands extend over the arithmetic operators, which bind tighter; a || b || c nests from the left.
  for (let i = 0; i < parts.length; i++) {
    if (parts[i].kind !== 'op' || parts[i].op !== '||') continue;
    const l = leftOperandStart(parts, i, ADDITIVE);
    const r = rightOperandEnd(parts, nextIndexOf(parts, i), ADDITIVE);
    if (l < 0 || r < 0) continue;
    const written = [joinParts(parts, l, prevIndex(parts, i)).trim(), joinParts(parts, nextIndexOf(parts, i), r).trim()];
    const operands = written.map((o) => unknownGuarded(o, context.mayHoldUnknown === true, 'concat'));
    const append = parts[i].append;
    // Two varchars (string literals, casts to varchar, `||` of such) concatenate as trino_concat's VARCHAR overload
    // does, written out: a || b || c nested the shim, whose typed overload binds each operand twice per level (issue
    // 18: P3's `CAST(d AS VARCHAR) || ':' || CAST(id AS VARCHAR)` bound the casts' general text 8 times each).
    const [left, right] = [single(parts, l, prevIndex(parts, i)), single(parts, nextIndexOf(parts, i), r)];
    if (!append && left >= 0 && right >= 0 && isVisiblyVarchar(parts[left]) && isVisiblyVarchar(parts[right])) {
      parts.splice(l, r - l + 1, { kind: 'operand', text: `CAST(${operands[0]} || ${operands[1]} AS VARCHAR)`, varchar: true });
      i = l;
      continue;
    }
    replace(parts, l, r, append ? `list_${append}(${operands.join(', ')})` : (concatWithUnknown(operands) ?? shimCall('trino_concat', operands)));
    i = l;
  }
  evaluateUntypedPredicateOperands(parts, unknownMayMeet, context.correlatable === true, context.predicatesEvaluated === true);
  const columns = instantColumns(context);
  compareColumnListsByInstant(parts, columns, context.lambdaParameters ?? new Set());
  readColumnsBesideFloats(parts, context.correlatable === true);
  evaluateInElements(parts);
  checkLikeEscapes(parts);
  compareNestedValues(parts, context.correlatable === true);
  markNumberComparisons(parts);
  compareZonedByInstant(parts, context.correlatable === true, columns, context.lambdaParameters ?? new Set(), context.makesZoned === true);
  guardTextComparisons(parts);
  guardColumnComparisons(parts, context.correlatable === true);
  rewriteQuantifiedComparisons(parts);
  guardNanComparisons(parts);
}

/** A number literal (as rendered: `CAST(1 AS INTEGER)`, `1.5`, `1e3`): never a date. */
const NUMBER = /^(?:CAST\(\d+ AS INTEGER\)|\d[\d.eE+-]*|\.\d[\d.eE+-]*)$/i;

/**
 * DuckDB 1.5.6's optimizer (MoveConstantsRule) rewrites an integer comparison `x + C1 > C2` into `x > C2 - C1`, so
 * the overflow of `x + C1` that Trino raises (NUMERIC_VALUE_OUT_OF_RANGE) is never evaluated. The rule matches only
 * the functions bound by the names `+`, `-`, `*`: the same functions called add(), subtract(), multiply() (the same
 * overloads) are left alone and fail as Trino does. A parenthesised operand is rendered apart, so every binary
 * `+`, `-`, `*` is called by name, not only those next to a comparison.
 */
const CHECKED_ARITHMETIC: Readonly<Record<string, string>> = { '+': 'add', '-': 'subtract', '*': 'multiply' };

/**
 * An integer literal, one of Trino's integer date fields (a bigint) or DuckDB's add(), subtract(), multiply() of such:
 * a sum or product of two such is DuckDB's, which binds at no cost; any other operand may be a decimal, whose sums and
 * products take trino_plus, trino_multiply … (Trino's decimal precision, macros.ts). A typed macro binds its operands
 * twice (once to pick the overload), so a chain of them doubles the binding of its operands at each step: the hourly
 * partition predicate's `year(…) * 1000000 + month(…) * 10000 + …` bounds stay plain.
 */
const INTEGER_LITERAL = /^\s*(?:-?\s*\d+|CAST\(\s*-?\d+ AS INTEGER\))\s*$/;
const INTEGER_ARITHMETIC = new Set(Object.values(CHECKED_ARITHMETIC));
function visiblyInteger(text: string, knownType?: (text: string) => string | undefined): boolean {
  if (INTEGER_LITERAL.test(text) || BIGINT_LITERAL.test(text)) return true;
  // A column the catalog types as an integer type (issue 18: the hourly KPI's `year * 1000000 + …`): DuckDB's add(),
  // multiply() of integers answer and overflow as Trino's integer arithmetic does.
  if (knownType !== undefined && isColumnName(text.trim()) && INTEGER_TYPES.has(knownType(text.trim()) ?? '')) return true;
  const call = wholeCall(text.trim());
  if (!call) return false;
  return INTEGER_FIELD.has(call.name) || (INTEGER_ARITHMETIC.has(call.name) && call.args.length === 2 && call.args.every((a) => visiblyInteger(a, knownType)));
}

/** A value visibly a double: a cast to double as rendered (trino_to_double, or its `_once` form, of one operand). */
const isDouble = (text: string): boolean => /^trino_to_double(?:_once)?$/.test(wholeCall(text.trim())?.name ?? '');

/**
 * `nullif(v, 0)` of an integer v (a count, a literal, a column the catalog types as an integer, their integer
 * arithmetic), as rendered: an integer that is never zero, or NULL.
 */
function neverZeroInteger(text: string, knownType?: (text: string) => string | undefined): boolean {
  const call = wholeCall(text.trim());
  if (call?.name.toLowerCase() !== 'nullif' || call.args.length !== 2 || !/^(?:0|trino_nan_null\(0\))$/.test(call.args[1].trim())) return false;
  const value = call.args[0].trim();
  return wholeCall(value)?.name.toLowerCase() === 'count' || visiblyInteger(value, knownType);
}

/** Part.knownType of a zoned operand compared by its instant (wrapZoned). */
export const ZONED_INSTANT = 'timestamp with time zone';

/** Trino's integer types, as the catalog's column types spell them. */
export const INTEGER_TYPES: ReadonlySet<string> = new Set(['tinyint', 'smallint', 'integer', 'bigint']);

/** Marks each operand that is a column of a type the catalog gives (Part.knownType). */
function typeKnownColumns(parts: Part[], knownType: (text: string) => string | undefined): void {
  for (const p of parts) {
    if (p.kind !== 'operand' || !isColumnName(p.text.trim())) continue;
    const type = knownType(p.text.trim());
    if (type !== undefined) p.knownType = type;
  }
}

/**
 * A column, a NULL or a number literal: an operand DuckDB binds at no cost, whose type it knows when it picks an
 * overload (an outer reference of a correlated subquery is left to the lambda).
 */
const bindsAtNoCost = (text: string, context: OperatorContext) =>
  NUMBER.test(text) || /^NULL$/i.test(text) || (isColumnName(text) && context.correlatable !== true);

/**
 * The name of the typed arithmetic shim `shim` (trino_plus, trino_subtract, trino_minus, trino_multiply) to call on
 * `operands`: the shim binds them once in a lambda and picks its typed overload there (macros.ts overloadChain); where
 * both bind at no cost, its first overload (`shim_1`) is called directly, which saves the lambda (~0.1 ms of binding).
 */
const typedArithmetic = (shim: string, operands: readonly string[], context: OperatorContext) =>
  operands.every((o) => bindsAtNoCost(o.trim(), context)) ? `${shim}_1` : shim;

/**
 * `text` with the typed arithmetic shims called through their lambda (`trino_plus_1(` becomes `trino_plus(`), for a
 * text bound where its columns are outer references (the witness subqueries of avg and the statistics,
 * function-rewrites.ts): DuckDB cannot type an outer reference where it picks an overload (avg(x * 2) of a decimal
 * was a double; avg(x * y) failed 'multiple overloads').
 */
export const typedWhereOuter = (text: string): string => text.replace(/\btrino_(plus|subtract|minus|multiply)_1\(/g, 'trino_$1(');

/**
 * The binary `+` and `-` left after the interval pass, left to right (so each left operand is one call already):
 * `a + b` becomes add(a, b) between visible integers, else trino_plus(a, b) (Trino's decimal precision, macros.ts);
 * `a - b` subtract(a, b), trino_minus(a, b) or trino_subtract(a, b). DATE - DATE is an interval day to second in
 * Trino 476, DuckDB's a BIGINT (https://trino.io/docs/current/functions/datetime.html#date-and-time-operators: date -
 * date is an interval), which trino_minus gives. A number literal operand cannot make it one, nor a NULL subtrahend
 * (DATE - NULL stays a date in Trino, where NULL - DATE is an interval): those take trino_subtract(). The shims bind
 * their operands in a lambda, where an aggregate or an outer reference has its type too.
 */
function addAndSubtract(parts: Part[], context: OperatorContext): void {
  for (let i = 0; i < parts.length; i++) {
    const op = parts[i].op;
    if (parts[i].kind !== 'op' || (op !== '+' && op !== '-') || isUnarySign(parts, i)) continue;
    const l = leftOperandStart(parts, i, ADDITIVE);
    const n = nextIndexOf(parts, i);
    const r = n < 0 ? -1 : rightOperandEnd(parts, n, MULTIPLICATIVE);
    if (l < 0 || r < 0) continue;
    const written: [string, string] = [joinParts(parts, l, prevIndex(parts, i)).trim(), joinParts(parts, n, r).trim()];
    const operands = columnArithmeticGuarded(dateArithmeticGuarded(written, op), op);
    const notDates = op === '+' || operands.some((o) => NUMBER.test(o)) || /^NULL$/i.test(operands[1]);
    const shim = !notDates ? 'trino_minus' : op === '+' ? 'trino_plus' : 'trino_subtract';
    const integers = written.every((o) => visiblyInteger(o, context.knownType));
    const fn = integers ? CHECKED_ARITHMETIC[op] : typedArithmetic(shim, operands, context);
    // Integers (literals, date fields, columns the catalog types) are no dates and no arrays: no guard of those.
    const args = integers && context.knownType !== undefined ? written : operands;
    replace(parts, l, r, unknownOperatorGuarded(`${fn}(${args.join(', ')})`, written, op, context.mayHoldUnknown === true));
    if (integers && context.knownType !== undefined) parts[l].knownType = 'bigint';
    i = l;
  }
}

/**
 * `date ± 1` and `1 + date`: Trino 476 fails ("Cannot apply operator: date + integer"), DuckDB adds days. The number
 * literal becomes a constant DuckDB folds while binding, refused when the other operand is a DATE: nothing per row, and
 * lint finds it over empty inputs (shims/error-messages.ts words it).
 */
const MAX_GUARDED_OPERAND = 200;
const DATE_NUMBER_KEY = `${REFUSED_KEY_MARKER}date `;
function dateArithmeticGuarded(operands: [string, string], op: string): [string, string] {
  const literal = operands.findIndex((o) => NUMBER.test(o));
  const other = operands[1 - literal];
  // A long operand is left alone (it is written twice; a chain `d + 1 + 1 …` would double per step), as is one that
  // holds this guard already.
  if (literal < 0 || other === undefined || NUMBER.test(other) || other.length > MAX_GUARDED_OPERAND || other.includes(DATE_NUMBER_KEY)) return operands;
  const guarded = `{'trino_v': ${operands[literal]}}[CASE WHEN typeof([${other}]) = 'DATE[]' THEN '${DATE_NUMBER_KEY}${op} number' ELSE 'trino_v' END]`;
  return literal === 0 ? [guarded, other] : [other, guarded];
}

/**
 * An integer literal next to an arithmetic operator is cast to INTEGER: Trino types `1` as integer, so
 * `1 - TINYINT '-3'` and `tinyint_column * 2` are integers (200, not a tinyint overflow); DuckDB's integer literal
 * takes the other operand's narrower type.
 */
function typeIntegerLiteralsInArithmetic(parts: Part[]): void {
  const arithmetic = (k: number) => k >= 0 && parts[k].kind === 'op' && ADDITIVE.has(parts[k].op ?? '');
  for (let i = 0; i < parts.length; i++) {
    if (parts[i].integerLiteral && (arithmetic(prevIndex(parts, i)) || arithmetic(nextIndexOf(parts, i)))) {
      parts[i] = { kind: 'operand', text: `CAST(${parts[i].text} AS INTEGER)` };
    }
  }
}

// --- comparisons with zoned timestamps ------------------------------------------------------------------------

const COMPARISONS = new Set(['=', '<>', '!=', '<', '<=', '>', '>=']);
const ARITHMETIC = new Set(['+', '-', '*', '/', '%', '||']);
const inOperand = (p: Part) => p.kind !== 'boundary' && (p.kind !== 'op' || ARITHMETIC.has(p.op ?? ''));

/** [start, end] of the comparison operand that ends just before `i` (going back) or starts just after it. */
function operandRange(parts: readonly Part[], i: number, direction: -1 | 1): [number, number] {
  let k = i + direction;
  while (k >= 0 && k < parts.length && inOperand(parts[k])) k += direction;
  return direction < 0 ? [k + 1, i - 1] : [i + 1, k - 1];
}

const IDENTIFIER = /^(?:"(?:[^"]|"")*"|`[^`]*`|[A-Za-z_][A-Za-z0-9_]*)$/;

/** [first, last] of a column reference `a`, `t.a`, `"s"."t".a` filling the range, or undefined. */
function columnReference(parts: readonly Part[], [a, b]: [number, number]): [number, number] | undefined {
  const m: number[] = [];
  for (let k = a; k <= b; k++) if (parts[k].kind !== 'trivia') m.push(k);
  if (m.length === 0 || m.length % 2 === 0) return undefined;
  const ok = m.every((k, n) => (n % 2 === 0 ? parts[k].kind === 'operand' && IDENTIFIER.test(parts[k].text) : parts[k].kind === 'dot'));
  return ok ? [m[0], m[m.length - 1]] : undefined;
}

const EQUALITY = new Set(['=', '<>', '!=']);
/**
 * Calls and casts whose value is a MAP; a call may come inside the shape that evaluates its untyped arguments beside
 * it (evaluated-beside.ts, read through valueHead).
 */
const MAP_EXPRESSION =
  /^(?:(?:map|map_from_entries|map_concat|map_agg|multimap_agg|histogram|map_filter|transform_keys|transform_values|map_zip_with|trino_map\w*)\s*\(|(?:try_)?cast\s*\([\s\S]*\bAS\s+MAP\s*\([^()]*(?:\([^()]*\)[^()]*)*\)\s*\)$)/i;

/**
 * `m1 = m2` with a visible map operand (MAP(…), map_agg(…), CAST(… AS MAP(…))): both sides compare with sorted
 * entries, as Trino compares maps regardless of entry order. The other side is wrapped when it is one operand or a
 * column reference (a map of the same type, or DuckDB's type error as in Trino).
 */
function compareMapsAsSets(parts: Part[], ranges: [number, number][]): void {
  const singles = ranges.map(([a, b]) => single(parts, a, b));
  if (!singles.some((k) => k >= 0 && MAP_EXPRESSION.test(valueHead(parts[k].text.trim())))) return;
  const spans = ranges
    .map((r, n) => (singles[n] >= 0 ? ([singles[n], singles[n]] as [number, number]) : columnReference(parts, r)))
    .filter((r): r is [number, number] => r !== undefined)
    .sort((x, y) => y[0] - x[0]);
  for (const [first, last] of spans) replace(parts, first, last, shimCall('trino_map_sorted', [joinParts(parts, first, last).trim()]));
}

/** The words of a written array or row of literals, zoned ones too (translated: trino_tz_literal cast to its struct). */
const LITERAL_ONLY_WORDS =
  /^(?:ARRAY|ROW|CAST|AS|STRUCT|NULL|TRUE|FALSE|DATE|TIMESTAMP|TIMESTAMPTZ|TIMESTAMP_S|TIMESTAMP_MS|VARCHAR|trino_tz_literal|trino_instant|trino_zone|trino_wall)$/i;
/**
 * Whether `text` is ARRAY[…] or ROW(…) of literals only (ARRAY[TIMESTAMP '2020-01-01 00:00 UTC']): a constant, as cheap
 * to name twice as a column.
 */
function writtenLiterals(text: string): boolean {
  if (!/^(?:ARRAY\s*\[|ROW\s*\()/i.test(text)) return false;
  return (text.replace(/'(?:[^']|'')*'/g, "''").match(/[A-Za-z_][\w$]*/g) ?? []).every((word) => LITERAL_ONLY_WORDS.test(word));
}

/**
 * `a IS [NOT] DISTINCT FROM b` of two columns (after wrapZoned, each through trino_cmp_column; or ARRAY[…] of
 * columns, or of literals) at `is`: where either
 * holds a map (a typeof test DuckDB folds while binding), the two compare by their entries as sets, NULL elements as
 * equal (Trino 476: MAP(ARRAY[1, 2], …) IS DISTINCT FROM MAP(ARRAY[2, 1], …) of two columns is false; locally the
 * entry lists differed). A varchar beside a value of another type, or two values of other type families (arrays, maps
 * and rows of them too: trino_nested_comparable, overref44), is refused as with = (Trino 476: `i IS DISTINCT FROM v` of an integer and a varchar column is TYPE_MISMATCH
 * "Cannot check if integer is identical to varchar(1)"; locally it was true; overref43). Returns the index of the
 * comparison, now one operand, or undefined where it is left.
 */
function distinctColumnsAsSets(parts: Part[], is: number, correlatable: boolean): number | undefined {
  const left = operandRange(parts, is, -1);
  let at = nextIndexOf(parts, is);
  if (parts[at]?.text.toUpperCase() === 'NOT') at = nextIndexOf(parts, at);
  const from = nextIndexOf(parts, at);
  const right = operandRange(parts, from, 1);
  const a = single(parts, left[0], left[1]);
  const b = single(parts, right[0], right[1]);
  // Two columns, or ARRAY[…] of columns: cheap to name twice (any other operand would be bound twice over).
  const simple = (k: number) => {
    const text = k >= 0 ? parts[k].text.trim() : '';
    // A written map (compareMapsAsSets made it trino_map_sorted(MAP(…))) too: a NaN-keyed one equals nothing either
    // (Trino 476: MAP(ARRAY[nan()], ARRAY[1]) IS DISTINCT FROM the same map is true).
    return (
      /^(?:trino_cmp_column\([^()]*\)|ARRAY\s*\[[\w\s.,"]*\])$/i.test(text) ||
      (COLUMN_TEXT.test(text) && !LITERAL_WORDS.test(text)) ||
      /^trino_map_sorted\(/i.test(text) ||
      writtenLiterals(text)
    );
  };
  if (correlatable && (a < 0 || b < 0)) {
    // A qualified column of a subquery that may read outer columns stays parts (`t`, `.`, `v`: no trino_cmp_column).
    const [l, r] = [columnReference(parts, left), columnReference(parts, right)];
    if (!l || !r) return undefined;
    const [x, y] = [joinParts(parts, l[0], l[1]).trim(), joinParts(parts, r[0], r[1]).trim()];
    const op = joinParts(parts, is, from).trim().replace(/\s+/g, ' ');
    replace(parts, l[0], r[1], `(${x} ${op} ${y} AND trino_nested_comparable(${x}, ${y}))`);
    return l[0];
  }
  if (a < 0 || b < 0) return undefined;
  const [x, y] = [parts[a].text.trim(), parts[b].text.trim()];
  const op = joinParts(parts, is, from).trim().replace(/\s+/g, ' ');
  // In a subquery that may read outer columns, the guard alone (overref44: `WHERE t.v IS DISTINCT FROM x` of a varchar
  // and an integer, Trino 476 TYPE_MISMATCH; locally answered): its typeof([…]) folds for an outer column too.
  if (correlatable || !simple(a) || !simple(b)) {
    // One operand each that is no column (`date_diff(…) IS DISTINCT FROM v`): the text guard alone, unless the SQL shows
    // both types (Part.knownType). A scalar subquery too (`(SELECT x …) IS DISTINCT FROM v`, overref44): the guard reads
    // only typeof([…]), which DuckDB folds while binding, so the subquery it names is bound again but planned once.
    if (!correlatable && parts[a].knownType !== undefined && parts[b].knownType !== undefined) return undefined;
    replace(parts, a, b, `(${x} ${op} ${y} AND trino_nested_comparable(${x}, ${y}))`);
    return a;
  }
  replace(
    parts,
    a,
    b,
    `CASE WHEN trino_holds_map(${x}) OR trino_holds_map(${y}) OR trino_holds_nested_zoned(${x}) OR trino_holds_nested_zoned(${y}) THEN trino_unordered_key_at(${x}, 1) ${op} trino_unordered_key_at(${y}, 2) ELSE (${x} ${op} ${y} AND trino_nested_comparable(${x}, ${y})) END`,
  );
  return a;
}

/** Words that join conditions of one clause; any other boundary word starts or ends a clause. */
const CONDITION_WORDS = new Set([
  'AND',
  'OR',
  'NOT',
  'IS',
  'NULL',
  'IN',
  'LIKE',
  'ESCAPE',
  'BETWEEN',
  'DISTINCT',
  'FROM',
  'AT',
  'SOME',
  'ANY',
  'ALL',
  'EXISTS',
]);

/** True when the comparison at `i` is in a JOIN's ON condition. */
export function inJoinCondition(parts: readonly Part[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const word = parts[k].kind === 'boundary' ? parts[k].text.toUpperCase() : '';
    if (word === 'ON') return true;
    if (word !== '' && !CONDITION_WORDS.has(word)) return false;
  }
  return false;
}

/**
 * Wraps each operand that is syntactically zoned in trino_cmp (UTC wall clock of the instant), if any is, and then the
 * other operands too (`otherZoned`: an IN list's element is): a column or expression of unseen type compared with a
 * zoned one may itself be zoned (`s = TIMESTAMP '… UTC'` over a zoned column failed as struct = TIMESTAMP), and
 * `trino_cmp` of anything else expands to the value itself (a plain TIMESTAMP is read in the session zone, UTC). In a
 * subquery that may reference outer columns (`correlatable`), whose types a typed macro's overload choice cannot see,
 * they go through trino_cmp_any (dispatch on typeof). In a JOIN condition, column references are wrapped even without
 * a zoned operand (`joinColumns`): their type is known only to DuckDB's binder, so rows join by instant as in Trino.
 */
function wrapZoned(
  parts: Part[],
  ranges: readonly [number, number][],
  options: { joinColumns?: boolean; otherZoned?: boolean; correlatable?: boolean; columnShim?: (text: string) => string } = {},
): void {
  const isZoned = ([a, b]: readonly [number, number]) => single(parts, a, b) >= 0 && parts[single(parts, a, b)].zoned === true;
  const zoned = ranges.filter(isZoned).map(([a, b]) => single(parts, a, b));
  const besideZoned = zoned.length > 0 || options.otherZoned === true;
  if (!options.joinColumns && !besideZoned) return;
  const others = ranges
    .filter((r) => !isZoned(r))
    .map((r) => (besideZoned ? nonEmpty(parts, r) : (columnReference(parts, r) ?? inlinedElement(parts, r, true))))
    .filter((r): r is [number, number] => r !== undefined);
  const spans = [...others, ...zoned.map((k): [number, number] => [k, k])].sort((x, y) => y[0] - x[0]);
  for (const [first, last] of spans) {
    const text = joinParts(parts, first, last).trim();
    // trino_cmp_any reads its operand as a timestamp: only beside a zoned operand (a join's other columns take trino_cmp).
    const any = options.correlatable && besideZoned && !zoned.includes(first);
    replace(parts, first, last, any ? `trino_cmp_any(${text})` : !besideZoned && options.columnShim ? options.columnShim(text) : shimCall('trino_cmp', [text]));
    // A zoned operand's instant is never NaN (nan-forms.ts literalKind): its comparison needs no NaN guard, which named
    // both sides again (TestUnwrapCastInComparison's zoned rows, ~1.3 s of binding each; issue 18).
    if (zoned.includes(first)) parts[first].knownType = ZONED_INSTANT;
  }
}

const SUBQUERY = /^\(\s*(?:SELECT|WITH|VALUES)\b/i;

/**
 * An element an inlined lambda (lambda-rewrites.ts) put in place of a parameter: `((a)[trino_i])` of zip_with or
 * array_sort's comparator, `(trino_w)`, `(trino_e.key)`. Its type is the array's element type, known to DuckDB's
 * binder only: two of them compared go through trino_cmp (Trino 476: zip_with(a, b, (x, y) -> x = y) of 01:00 +01:00
 * and 00:00 UTC is [true]; a comparator orders one instant in two zones as equal). An aggregate's element
 * (`((array_agg(t))[trino_i])`) only where `aggregates`: it goes through trino_cmp_outer (columnShimOf).
 */
const INLINED_ELEMENT = /^\((?:\([\s\S]*\)\[trino_[ij]\]|trino_w|trino_e\.(?:key|value))\)$/;
function inlinedElement(parts: readonly Part[], range: [number, number], aggregates: boolean): [number, number] | undefined {
  const k = single(parts, range[0], range[1]);
  const text = k >= 0 && parts[k].kind === 'operand' ? parts[k].text.trim() : '';
  return INLINED_ELEMENT.test(text) && (aggregates || !hasAggregate(text)) ? [k, k] : undefined;
}

/** Words an identifier pattern reads as names, which are literals. */
const LITERAL_WORDS = /^(?:TRUE|FALSE|NULL)$/i;

/**
 * How the columns of a comparison reach the instant comparison, their types being known to DuckDB's binder only:
 * `column` through trino_cmp_column, whose typed overload DuckDB picks from the column's type; `outer` in a subquery
 * that may reference outer columns, whose types the overload choice cannot see, of a statement that makes zoned values
 * (zoned-groups.ts makesZonedValues): through trino_cmp_outer, which picks it inside a lambda over [x] (Trino 476:
 * `(SELECT v.s = v.t)` of 01:00 +01:00 and 00:00 UTC is true); `none` in such a subquery of any other statement, which
 * holds no zoned values (a lambda per comparison would only slow its correlated filters).
 */
export type InstantColumns = 'column' | 'outer' | 'none';
export const instantColumns = (context: { correlatable?: boolean; makesZoned?: boolean }): InstantColumns =>
  context.correlatable !== true ? 'column' : context.makesZoned === true ? 'outer' : 'none';

/** A compared column (or lambda parameter, or inlined element) through the shim `columns` names. */
function columnShimOf(columns: InstantColumns, lambda: LambdaParameters): (text: string) => string {
  // An aggregate's element (array_sort(array_agg(t), comparator)) has no type yet when trino_cmp's overload is chosen.
  return (text) =>
    (columns === 'outer' && !lambda.has(lambdaParameterName(text))) || (INLINED_ELEMENT.test(text) && hasAggregate(text))
      ? `trino_cmp_outer(${text})`
      : lambda.has(lambdaParameterName(text)) || INLINED_ELEMENT.test(text)
        ? `trino_cmp(${text})`
        : `trino_cmp_column(${text})`;
}

/**
 * Whether every operand of a comparison is a column reference (or a lambda's parameter beside a column): their types
 * are known only to DuckDB's binder, so they go through trino_cmp as a join's columns do (two zoned columns compare by
 * instant: Trino 476's `s = t` of 01:00 +01:00 and 00:00 UTC is true). Not two lambda parameters: a comparator lambda
 * is inlined per pair, where each guard costs binding. Not where `columns` is `none`.
 */
function comparesColumns(
  parts: readonly Part[],
  ranges: readonly [number, number][],
  columns: InstantColumns,
  lambda: LambdaParameters,
  aggregates: boolean,
): boolean {
  if (columns === 'none') return false;
  if (ranges.every((r) => inlinedElement(parts, r, aggregates) !== undefined)) return true;
  const references = ranges
    .map((r) => columnReference(parts, r))
    .map((c) => (c && c[0] === c[1] && LITERAL_WORDS.test(parts[c[0]].text.trim()) ? undefined : c));
  const isParameter = (c: [number, number] | undefined) => c !== undefined && c[0] === c[1] && lambda.has(lambdaParameterName(parts[c[0]].text.trim()));
  return references.every((c) => c !== undefined) && !references.every(isParameter);
}

/**
 * The operands of a comparison that are all column references (or lambda parameters beside columns), each through
 * the shim `columns` names (trino_cmp for a lambda parameter), or undefined when one is not, when `columns` is `none`,
 * or when all are lambda parameters (comparesColumns' rule, over rendered texts).
 */
export function columnsByInstant(texts: readonly string[], columns: InstantColumns, lambda: LambdaParameters): string[] | undefined {
  const names = texts.map((t) => t.trim());
  const isParameter = (t: string) => lambda.has(lambdaParameterName(t));
  if (columns === 'none' || names.some((t) => !COLUMN_TEXT.test(t) || LITERAL_WORDS.test(t)) || names.every(isParameter)) return undefined;
  return names.map(columnShimOf(columns, lambda));
}
const COLUMN_TEXT = /^(?:"(?:[^"]|"")*"|`[^`]*`|[A-Za-z_][A-Za-z0-9_]*)(?:\s*\.\s*(?:"(?:[^"]|"")*"|`[^`]*`|[A-Za-z_][A-Za-z0-9_]*))*$/;

/**
 * `s BETWEEN t AND u` and `s IN (t, u)` where every operand is a column: Trino 476 compares zoned ones by instant
 * (01:00 +01:00 BETWEEN 00:00 UTC AND 00:00 UTC is true). The nested comparisons (nested-comparisons.ts) render both
 * into one dispatching operand before compareZonedByInstant sees them, so their columns take the shims first.
 */
function compareColumnListsByInstant(parts: Part[], columns: InstantColumns, lambda: LambdaParameters): void {
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i];
    if (p.kind === 'boundary' && p.text.toUpperCase() === 'BETWEEN') {
      const between = betweenOperands(parts, i);
      if (!between || inJoinCondition(parts, i)) continue;
      const ranges = [between.x, between.low, between.high];
      const wrapped = columnsByInstant(
        ranges.map((r) => joinParts(parts, r[0], r[1])),
        columns,
        lambda,
      );
      if (!wrapped || ranges.some((r) => columnReference(parts, r) === undefined)) continue;
      for (let k = ranges.length - 1; k >= 0; k--) replace(parts, ranges[k][0], ranges[k][1], wrapped[k]);
      i = ranges[0][0];
    } else if (p.inList && !p.inList.some((e) => e.zoned || e.nested)) {
      const inAt = prevIndex(parts, i);
      const before = prevIndex(parts, inAt);
      const left = nonEmpty(parts, operandRange(parts, parts[before]?.text.toUpperCase() === 'NOT' ? before : inAt, -1));
      if (!left || columnReference(parts, left) === undefined) continue;
      const wrapped = columnsByInstant([joinParts(parts, left[0], left[1]), ...p.inList.map((e) => e.text)], columns, lambda);
      if (!wrapped) continue;
      const [x, ...elements] = wrapped;
      const inList = p.inList.map((e, n) => ({ ...e, text: elements[n] }));
      parts[i] = { ...p, inList, text: `(${elements.join(', ')})` };
      replace(parts, left[0], left[1], x);
      i = left[0];
    }
  }
}

function compareSubqueryByInstant(parts: Part[], i: number, correlatable: boolean): number {
  let at = prevIndex(parts, i);
  const word = (k: number) => (parts[k]?.kind === 'boundary' ? parts[k].text.toUpperCase() : '');
  const quantifier = word(at);
  if (quantifier === 'ANY' || quantifier === 'SOME' || quantifier === 'ALL') {
    at = prevIndex(parts, at);
    const op = parts[at]?.op === '!=' ? '<>' : parts[at]?.op;
    if (parts[at]?.kind !== 'op' || ((op !== '=' || quantifier === 'ALL') && (op !== '<>' || quantifier !== 'ALL'))) return i;
  } else if (quantifier === 'IN') {
    if (word(prevIndex(parts, at)) === 'NOT') at = prevIndex(parts, at);
  } else return i;
  parts[i] = { ...parts[i], text: `(SELECT trino_cmp(COLUMNS(*)) FROM ${parts[i].text.trim()} trino_q)` };
  const left = nonEmpty(parts, operandRange(parts, at, -1));
  const x = left && joinParts(parts, left[0], left[1]).trim();
  if (!left || !x) return i;
  // A lambda's parameter has its type when trino_cmp's overload is chosen, where an aggregate or outer column has not.
  replace(parts, left[0], left[1], correlatable || hasAggregate(x) ? `list_transform([${x}], lambda trino_e: trino_cmp(trino_e))[1]` : `trino_cmp(${x})`);
  return i - (left[1] - left[0]);
}

/** The range without its leading and trailing trivia, or undefined when nothing is left. */
function nonEmpty(parts: readonly Part[], [a, b]: [number, number]): [number, number] | undefined {
  let first = a;
  let last = b;
  while (first <= last && parts[first].kind === 'trivia') first++;
  while (last >= first && parts[last].kind === 'trivia') last--;
  return first <= last ? [first, last] : undefined;
}

/**
 * Trino compares `timestamp with time zone` values by instant, and a plain TIMESTAMP with one as if it were in the
 * session zone (UTC). The zoned struct would not compare with a TIMESTAMP at all, and two structs with the same
 * instant in different zones would differ: comparisons, BETWEEN and IN lists with a zoned operand compare instants.
 */
function compareZonedByInstant(parts: Part[], correlatable: boolean, columns: InstantColumns, lambda: LambdaParameters, makesZoned: boolean): void {
  // An aggregate's elements (array_sort(array_agg(t), comparator)) only in statements that make zoned values: each
  // goes through a lambda, which costs binding.
  const columnsOnly = (ranges: readonly [number, number][]) => comparesColumns(parts, ranges, columns, lambda, makesZoned);
  const columnShim = columnShimOf(columns, lambda);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.kind === 'op' && COMPARISONS.has(p.op ?? '')) {
      const ranges: [number, number][] = [operandRange(parts, i, -1), operandRange(parts, i, 1)];
      if (EQUALITY.has(p.op ?? '')) compareMapsAsSets(parts, ranges);
      const join = inJoinCondition(parts, i);
      wrapZoned(parts, ranges, { joinColumns: join || columnsOnly(ranges), correlatable, ...(join ? {} : { columnShim }) });
    } else if (p.kind === 'boundary' && p.text.toUpperCase() === 'DISTINCT' && parts[nextIndexOf(parts, i)]?.text.toUpperCase() === 'FROM') {
      // x IS [NOT] DISTINCT FROM y: by instant too (Trino 476: 01:00 +01:00 IS DISTINCT FROM 00:00 UTC is false).
      const before = prevIndex(parts, i);
      const is = parts[before]?.text.toUpperCase() === 'NOT' ? prevIndex(parts, before) : before;
      if (parts[is]?.text.toUpperCase() !== 'IS') continue;
      const ranges: [number, number][] = [operandRange(parts, is, -1), operandRange(parts, nextIndexOf(parts, i), 1)];
      // Maps are equal as sets of entries here as with = (Trino 476: MAP(ARRAY[1, 2], …) IS DISTINCT FROM
      // MAP(ARRAY[2, 1], …) is false).
      const [isPart, distinctPart] = [parts[is], p];
      compareMapsAsSets(parts, ranges);
      wrapZoned(parts, ranges, { joinColumns: columnsOnly(ranges), correlatable, columnShim });
      i = distinctColumnsAsSets(parts, parts.indexOf(isPart), correlatable) ?? parts.indexOf(distinctPart);
    } else if (p.kind === 'boundary' && p.text.toUpperCase() === 'BETWEEN') {
      const low = operandRange(parts, i, 1);
      const and = low[1] + 1;
      if (parts[and]?.text.toUpperCase() !== 'AND') continue;
      const not = prevIndex(parts, i);
      const ranges: [number, number][] = [operandRange(parts, parts[not]?.text.toUpperCase() === 'NOT' ? not : i, -1), low, operandRange(parts, and, 1)];
      wrapZoned(parts, ranges, { joinColumns: columnsOnly(ranges), correlatable, columnShim });
    } else if (p.kind === 'operand' && SUBQUERY.test(p.text.trim())) {
      i = compareSubqueryByInstant(parts, i, correlatable);
    } else if (p.inList) {
      const inAt = prevIndex(parts, i);
      const before = prevIndex(parts, inAt);
      const left = operandRange(parts, parts[before]?.text.toUpperCase() === 'NOT' ? before : inAt, -1);
      wrapZoned(parts, [left], { otherZoned: p.inList.some((e) => e.zoned), correlatable });
      if (p.inList.some((e) => e.zoned)) p.text = `(${p.inList.map((e) => (e.zoned ? shimCall('trino_cmp', [e.text.trim()]) : e.text)).join(',')})`;
    }
  }
}

/**
 * The shim of `x ± INTERVAL …`: Trino 476 types timestamp(p) ± a day-to-second interval as timestamp(max(p, 3)) and
 * keeps p with a year-month one (TIMESTAMP '2025-01-01 10:00:00' + INTERVAL '1' SECOND is a timestamp(3), + INTERVAL
 * '1' MONTH a timestamp(0)); https://trino.io/docs/current/functions/datetime.html#date-and-time-operators.
 */
function intervalShim(op: '+' | '-', interval: string): string {
  const yearMonth = /\b(?:YEAR|MONTH)S?\s*$/i.test(interval);
  return `trino_${op === '+' ? 'plus' : 'minus'}_${yearMonth ? 'interval' : 'day_second'}`;
}
