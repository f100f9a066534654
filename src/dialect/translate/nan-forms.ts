// The texts of Trino's comparisons of values that may be NaN (double or real), over the guards of
// src/dialect/shims/nan-macros.ts, which fold away while DuckDB binds when no operand is a double or real. Trino 476
// compares NaN as IEEE 754 does (`nan() = nan()` false, `nan() <> nan()` true, `nan() < 1` and `nan() > 1` false,
// `nan() IN (nan())` false, `nan() BETWEEN 0 AND infinity()` false; https://trino.io/docs/current/functions/math.html#nan):
// DuckDB orders NaN above +Infinity and equal to itself.

import type { Part } from './operators.js';
import { inJoinCondition } from './operators.js';

const ORDERINGS = new Set(['<', '<=', '>', '>=']);

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
export function nanAwareInList(x: string, list: string, elements: readonly string[], not: boolean): string {
  const someNull = elements.map((e) => `(${e.trim()}) IS NULL`).join(' OR ');
  const any = `CASE WHEN trino_nan_of(${x}) THEN (${someNull}) AND NULL ELSE ${x} IN ${list.trim()} END`;
  return not ? `(NOT ${any})` : `(${any})`;
}

/** `x [NOT] BETWEEN lo AND hi` is `lo <= x AND x <= hi`: false where a NaN meets a value (NULL with a NULL). */
export function nanAwareBetween(x: string, lo: string, hi: string, not: boolean): string {
  const both = `(${x} BETWEEN ${lo} AND ${hi} AND NOT trino_nan_in(${x}, ${lo}) AND NOT trino_nan_in(${x}, ${hi}))`;
  return not ? `(NOT ${both})` : both;
}

/** In a JOIN's ON condition with no NOT or IS around, where a NULL and false both mean "no match". */
export function decidesJoinMatch(parts: readonly Part[], i: number): boolean {
  return inJoinCondition(parts, i) && !parts.some((p) => p.kind === 'boundary' && /^(?:NOT|IS)$/i.test(p.text));
}
