// Comparisons of a text with a value of another type. Trino 476 has no implicit cast between varchar and other types:
// `date_col = '2025-01-01'`, `int_col IN ('1')`, `1 = '1'` fail there (TYPE_MISMATCH "Cannot apply operator: date =
// varchar(10)"); DuckDB casts the text (a string literal to any type, a VARCHAR column to the other side's type) and
// answers. A comparison (=, <>, <, …, IN, BETWEEN) with a string literal gets the guard trino_text_comparable (function-macros.ts), refused while
// DuckDB binds when the other side is not a text: `(a = 'x' AND trino_text_comparable(a, 'x'))`, planned as `a = 'x'`.
// Comparisons of two columns get the same guard beside trino_not_nested (nested-comparisons.ts).
import { betweenOperands, knownFamily, operand, previous, textOf } from './nested-comparisons.js';
import type { Part } from './operators.js';

const COMPARISONS = new Set(['=', '<>', '!=', '<', '<=', '>', '>=']);
const STRING_LITERAL = /^\s*'(?:[^']|'')*'\s*$/;
/** `x = ANY (subquery)` and friends: the right side is not a value of its own. */
const QUANTIFIED = /^\s*(?:ANY|SOME|ALL)\b/i;

/**
 * A string literal, or a value visibly a varchar: a CAST to varchar (nested-comparisons.ts isVarcharCast) or `||` of
 * such (operators.ts). Both engines type it VARCHAR.
 */
export const isVisiblyVarchar = (part: Part) => part.varchar === true || STRING_LITERAL.test(part.text);
const isStringLiteral = (parts: readonly Part[], [a, b]: [number, number]) => a === b && isVisiblyVarchar(parts[a]);
/** TRUE or FALSE: compared only with a boolean in Trino 476 (`true = 1`: "Cannot apply operator: boolean = integer"). */
const BOOLEAN_LITERAL = /^\s*(?:TRUE|FALSE)\s*$/i;
const isBooleanLiteral = (parts: readonly Part[], [a, b]: [number, number]) => a === b && BOOLEAN_LITERAL.test(parts[a].text);

/**
 * `(comparison AND trino_text_comparable(v, literal) …)` over the parts from..to, one check per value; with a string
 * literal, the same check as trino_text_literal_comparable(v), cheaper to bind.
 */
function guard(parts: Part[], [from, to]: [number, number], values: readonly string[], literal: string, text: boolean): void {
  const check = (v: string) => (text ? `trino_text_literal_comparable(${v.trim()})` : `trino_text_comparable(${v.trim()}, ${literal.trim()})`);
  const checks = values.map((v) => ` AND ${check(v)}`).join('');
  parts.splice(from, to - from + 1, { kind: 'operand', text: `(${textOf(parts, [from, to])}${checks})` });
}

/** `x [NOT] BETWEEN lo AND hi` compares x with lo and hi: guarded when some of the three are string literals. */
function guardBetween(parts: Part[], i: number): number {
  const between = betweenOperands(parts, i);
  if (!between) return i;
  const { x, low, high } = between;
  const literal = [x, low, high].find((r) => isStringLiteral(parts, r));
  const values = [x, low, high].filter((r) => !isStringLiteral(parts, r));
  if (!literal || values.length === 0) return i;
  guard(
    parts,
    [x[0], high[1]],
    values.map((r) => textOf(parts, r)),
    textOf(parts, literal),
    true,
  );
  return x[0];
}

export function guardTextComparisons(parts: Part[]): void {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.kind === 'boundary' && p.text.toUpperCase() === 'BETWEEN') {
      i = guardBetween(parts, i);
      continue;
    }
    if (p.kind === 'op' && COMPARISONS.has(p.op ?? '') && !p.guarded) {
      const left = operand(parts, i, -1);
      const right = operand(parts, i, 1);
      if (!left || !right) continue;
      // A string literal and another value; else a boolean literal and another value (the guard's family check).
      const typed = [isStringLiteral, isBooleanLiteral].find((is) => is(parts, left) !== is(parts, right));
      if (!typed || (typed === isBooleanLiteral && (isStringLiteral(parts, left) || isStringLiteral(parts, right)))) continue;
      const [value, literal] = typed(parts, left) ? [right, left] : [left, right];
      if (QUANTIFIED.test(textOf(parts, value))) continue;
      // A column the catalog types as a varchar (a boolean) meets a string (a boolean) literal (issue 18).
      if (knownFamily(parts, value) === (typed === isStringLiteral ? 'varchar' : 'boolean')) continue;
      guard(parts, [left[0], right[1]], [textOf(parts, value)], textOf(parts, literal), typed === isStringLiteral);
      i = left[0];
    } else if (p.inList) {
      const inAt = previous(parts, i);
      const notAt = previous(parts, inAt);
      const left = operand(parts, parts[notAt]?.text.toUpperCase() === 'NOT' ? notAt : inAt, -1);
      if (!left) continue;
      // x IN (e1, e2) compares x with each element: every value that is not a string literal meets one that is.
      const literal = isStringLiteral(parts, left) ? textOf(parts, left) : p.inList.find((e) => STRING_LITERAL.test(e.text))?.text;
      const values = [
        ...(isStringLiteral(parts, left) ? [] : [textOf(parts, left)]),
        ...p.inList.filter((e) => !STRING_LITERAL.test(e.text)).map((e) => e.text),
      ];
      if (literal === undefined || values.length === 0) continue;
      guard(parts, [left[0], i], values, literal, true);
      i = left[0];
    }
  }
}
