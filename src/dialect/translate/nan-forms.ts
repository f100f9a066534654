// The texts of Trino's comparisons of values that may be NaN (double or real), over the guards of
// src/dialect/shims/nan-macros.ts, which fold away while DuckDB binds when no operand is a double or real. Trino 476
// compares NaN as IEEE 754 does (`nan() = nan()` false, `nan() <> nan()` true, `nan() < 1` and `nan() > 1` false,
// `nan() IN (nan())` false, `nan() BETWEEN 0 AND infinity()` false; https://trino.io/docs/current/functions/math.html#nan):
// DuckDB orders NaN above +Infinity and equal to itself.

import { UNFOLDED_NULL } from '../shims/macros.js';
import type { Part } from './operators.js';
import { inJoinCondition, ZONED_INSTANT } from './operators.js';

const ORDERINGS = new Set(['<', '<=', '>', '>=']);

/** A rendered number literal (never NaN). */
const NUMBER = /^[-+]?\s*(?:CAST\(\d+ AS INTEGER\)|\d[\d.eE+-]*|\.\d[\d.eE+-]*)$/i;
/** A rendered literal of another type: a string, TRUE, FALSE, NULL, a DATE/TIME/TIMESTAMP literal. */
const NOT_A_NUMBER = /^(?:'(?:[^']|'')*'|TRUE|FALSE|NULL|(?:DATE|TIME|TIMESTAMP)\s+'(?:[^']|'')*')$/i;
/** The shims operators.ts puts for date and time arithmetic: their values are dates, times and timestamps. */
const DATETIME_SHIM = /^trino_(?:plus_interval|minus_interval|plus_day_second|minus_day_second|at_time_zone)\(/;

/** A rendered datetime literal of another precision (`CAST(TIMESTAMP '…' AS TIMESTAMP_S)`): a datetime, as the literal. */
const DATETIME_LITERAL_CAST = /^CAST\((?:DATE|TIME|TIMESTAMP)\s+'(?:[^']|'')*' AS [A-Z_]+\)$/i;
/** An exact number literal (integer or decimal; a double literal `1e308` can overflow to Infinity in arithmetic). */
const EXACT_LITERAL = /^[-+]?\s*(?:CAST\(\d+ AS INTEGER\)|\d+(?:\.\d*)?|\.\d+|CAST\('[-+]?(?:\d+(?:\.\d*)?|\.\d+)' AS DECIMAL\(\d+, \d+\)\))$/i;
/**
 * A bigint literal, as translate/functions.ts writes the date field of a TIMESTAMP literal (`year(TIMESTAMP '…')`): an
 * integer, never NaN, as the call was.
 */
export const BIGINT_LITERAL = /^\s*CAST\(\d+ AS BIGINT\)\s*$/;
/** Trino's date fields as DuckDB's (translate/functions.ts): a bigint whatever the argument. */
export const INTEGER_FIELD: ReadonlySet<string> = new Set(['year', 'month', 'day', 'hour', 'minute', 'second']);
/** `+`, `-`, `*` (operators.ts): exact when both operands are (an overflow fails on both engines; no NaN). */
const EXACT_ARITHMETIC = new Set(['add', 'subtract', 'multiply', ...['trino_multiply', 'trino_plus', 'trino_subtract'].flatMap((shim) => [shim, `${shim}_1`])]);
/** Calls whose value is text (date_format's strftime; `||` and concat() of texts, varbinary or arrays): no number. */
const NOT_A_NUMBER_CALL = new Set(['strftime', 'trino_format_result', 'trino_concat']);

/** `name(args)` when the whole text is one call: its lower-case name and top-level arguments. */
export function wholeCall(text: string): { name: string; args: string[] } | undefined {
  const head = /^([A-Za-z_][A-Za-z0-9_]*)\(/.exec(text);
  if (!head) return undefined;
  const args: string[] = [];
  let [depth, start] = [0, head[0].length];
  for (let k = head[0].length - 1; k < text.length; k++) {
    const c = text[k];
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, k + 1);
      if (close < 0) return undefined;
      k = close; // a doubled quote ('it''s') reopens at once: the scan goes on inside the same literal
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    if (depth === 1 && c === ',') {
      args.push(text.slice(start, k).trim());
      start = k + 1;
    } else if (depth === 0) {
      if (k !== text.length - 1) return undefined;
      args.push(text.slice(start, k).trim());
      return { name: head[1].toLowerCase(), args };
    }
  }
  return undefined;
}

/** Whether a rendered expression is an exact number, never NaN: an integer or decimal literal, a date field, +, -, * of such. */
function isExactNumber(text: string): boolean {
  const t = text.trim();
  if (EXACT_LITERAL.test(t) || BIGINT_LITERAL.test(t)) return true;
  const call = wholeCall(t);
  if (!call) return false;
  if (INTEGER_FIELD.has(call.name)) return true;
  return EXACT_ARITHMETIC.has(call.name) && call.args.length === 2 && call.args.every(isExactNumber);
}

/** A type the catalog gives a column (Part.knownType) whose values are never NaN: an integer or a decimal. */
const neverNaNType = (type: string | undefined): boolean =>
  type !== undefined && (['tinyint', 'smallint', 'integer', 'bigint'].includes(type) || /^decimal\(\d+,\s*\d+\)$/.test(type));

/**
 * 'number' for a number that is never NaN (a literal, a date field, exact arithmetic of such, a column the catalog
 * types as an integer or a decimal); 'other' for a value
 * that is no double or real (so neither is what it is compared with: DuckDB refuses a double compared with a text or
 * a datetime, as Trino does); 'unknown' for anything that may be NaN.
 */
export function literalKind(parts: readonly Part[], [a, b]: [number, number]): 'number' | 'other' | 'unknown' {
  const m = parts.slice(a, b + 1).filter((p) => p.kind !== 'trivia');
  const value = m.length === 2 && m[0].kind === 'op' && (m[0].op === '-' || m[0].op === '+') ? m[1] : m.length === 1 ? m[0] : undefined;
  if (value?.kind !== 'operand') return 'unknown';
  const text = value.text.trim();
  if (NUMBER.test(text) || isExactNumber(text) || neverNaNType(value.knownType)) return 'number';
  if (
    value.zoned ||
    value.knownType === ZONED_INSTANT ||
    value.interval ||
    value.varchar ||
    NOT_A_NUMBER.test(text) ||
    DATETIME_LITERAL_CAST.test(text) ||
    DATETIME_SHIM.test(text)
  )
    return 'other';
  return NOT_A_NUMBER_CALL.has(wholeCall(text)?.name ?? '') ? 'other' : 'unknown';
}

export const isLiteralText = (text: string) => NUMBER.test(text.trim()) || NOT_A_NUMBER.test(text.trim());

/**
 * Whether `left op right` can answer differently for a NaN operand. DuckDB orders NaN above every value and equal to
 * itself, Trino compares it as IEEE 754 does, so the answers differ only where NaN is on the greater side of `<`,
 * `<=`, `>`, `>=` (`x > 1`, `1 < x`: true in DuckDB; `x < 1` is false in both) or on both sides of `=`, `<>`. So a
 * side that is never NaN ('number') leaves only the other side's ordering to guard, and a side that is no number
 * ('other') none: a double compared with it is refused by both engines.
 */
export function comparisonMeetsNaN(parts: readonly Part[], op: string, left: [number, number], right: [number, number]): boolean {
  const [l, r] = [literalKind(parts, left), literalKind(parts, right)];
  if (l === 'other' || r === 'other') return false;
  if (op === '<' || op === '<=') return r === 'unknown';
  if (op === '>' || op === '>=') return l === 'unknown';
  return l === 'unknown' && r === 'unknown';
}

/** `whole` (the text of `a op b`) as Trino answers it when a or b may be NaN; NULL where DuckDB's is NULL. */
export function nanAwareComparison(whole: string, op: string, a: string, b: string): string {
  if (op === '<>' || op === '!=') return `(${whole.trim()} OR trino_nan_in(${a}, ${b}))`;
  return `(${whole.trim()} AND NOT trino_nan_in(${a}, ${b}))`;
}

/**
 * `a op b` in a JOIN's ON condition where its value only decides whether rows match (no NOT or IS around): a NaN key
 * becomes NULL, which matches nothing, as NaN in Trino. The operands stay one per side, so DuckDB still plans a hash
 * join (or a range join) on them; `<>` takes the exact form.
 */
export function nanAwareJoinComparison(whole: string, op: string, a: string, b: string): string {
  if (op !== '=' && !ORDERINGS.has(op)) return nanAwareComparison(whole, op, a, b);
  return `(trino_nan_null(${a}) ${op} trino_nan_null(${b}))`;
}

/** `x [NOT] IN (elements)`: a NaN x equals no element (NULL when one is NULL); a NaN element equals no x. */
export function nanAwareInList(x: string, list: string, elements: readonly string[], not: boolean, read?: { x: string; list: string }): string {
  const someNull = elements.map((e) => `(${e.trim()}) IS NULL`).join(' OR ');
  // `read`: the operands as the IN compares them (a decimal beside a real or double, floating-operands.ts), which the
  // NaN and NULL tests need not see.
  const any = `CASE WHEN trino_nan_of(${x}) THEN (${someNull}) AND NULL ELSE ${read?.x ?? x} IN ${(read?.list ?? list).trim()} END`;
  return not ? `(NOT ${any})` : `(${any})`;
}

const escaped = UNFOLDED_NULL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A rendered NULL literal: `NULL`, or `CAST(NULL AS t)` as functions.ts renders it. */
const NULL_LITERAL = new RegExp(`^(?:NULL|(?:TRY_)?CAST\\(${escaped} AS [^()]+(?:\\([^()]*\\))?\\))$`, 'i');
export const isNullLiteral = (text: string) => NULL_LITERAL.test(text.trim());

/**
 * Whether a rendered operand may read a column: any name left once string literals, CAST's target types and the
 * names of calls are taken out. Trino folds an operand without columns while planning, and its folded answer can
 * differ from the one it computes per row (`nan() BETWEEN NULL AND 1` false, a NaN column NULL).
 */
export function mayReadColumn(text: string): boolean {
  const rest = text
    .replace(/'(?:[^']|'')*'/g, '')
    .replace(/\bAS\s+[A-Za-z_]\w*(?:\s*\([^()]*\))?/gi, '')
    .replace(/[A-Za-z_]\w*\s*\(/g, '(')
    .replace(/\b(?:NULL|TRUE|FALSE|CASE|WHEN|THEN|ELSE|END|IS|NOT|AND|OR)\b/gi, '');
  return /[A-Za-z_"]/.test(rest);
}

/** Which of `lo <= x` and `x <= hi` can meet NaN on its greater side (comparisonMeetsNaN): x, and hi. */
export function betweenGuards(parts: readonly Part[], x: [number, number], low: [number, number], high: [number, number]): { low: boolean; high: boolean } {
  const kinds = [x, low, high].map((r) => literalKind(parts, r));
  if (kinds.includes('other')) return { low: false, high: false };
  return { low: kinds[0] === 'unknown', high: kinds[2] === 'unknown' };
}

/**
 * `x [NOT] BETWEEN lo AND hi` is `lo <= x AND x <= hi`: false where a NaN meets a value. `guard`: which of the two
 * comparisons can meet NaN on its greater side (x for `lo <= x`, hi for `x <= hi`); an unguarded one is already
 * Trino's answer (comparisonMeetsNaN). Where a bound is a NULL literal, Trino 476 answers NULL for a NaN column (`x
 * BETWEEN NULL AND 1`, `x BETWEEN 0 AND CAST(NULL AS double)`, NOT BETWEEN alike), where DuckDB's `NULL <= x AND x <= 1`
 * is false; a NaN it folds while planning stays false.
 */
export function nanAwareBetween(
  x: string,
  lo: string,
  hi: string,
  not: boolean,
  guard = { low: true, high: true },
  read?: readonly [string, string, string],
): string {
  // `read`: the operands as BETWEEN compares them (a decimal beside a real or double, floating-operands.ts), which the
  // NaN tests need not see.
  const [rx, rlo, rhi] = read ?? [x, lo, hi];
  if ((isNullLiteral(lo) || isNullLiteral(hi)) && mayReadColumn(x))
    return `(CASE WHEN trino_nan_of(${x}) THEN NULL ELSE ${not ? 'NOT ' : ''}(${rx} BETWEEN ${rlo} AND ${rhi}) END)`;
  const guards = [guard.low ? ` AND NOT trino_nan_in(${x}, ${lo})` : '', guard.high ? ` AND NOT trino_nan_in(${x}, ${hi})` : ''].join('');
  const both = `(${rx} BETWEEN ${rlo} AND ${rhi}${guards})`;
  return not ? `(NOT ${both})` : both;
}

/** In a JOIN's ON condition with no NOT or IS around, where a NULL and false both mean "no match". */
export function decidesJoinMatch(parts: readonly Part[], i: number): boolean {
  return inJoinCondition(parts, i) && !parts.some((p) => p.kind === 'boundary' && /^(?:NOT|IS)$/i.test(p.text));
}
