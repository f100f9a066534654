// Comparisons whose operands may be NaN, after the other operator rewrites (operators.ts): `=`, `<>`, `<`, …, IN lists
// and BETWEEN that no earlier pass turned into a call take Trino's NaN semantics (nan-forms.ts). An operand that is a
// literal cannot be NaN: `x = 1` is already Trino's answer, `x > 1` is not (DuckDB: NaN > 1).
import {
  comparisonMeetsNaN,
  decidesJoinMatch,
  isLiteralText,
  isNullLiteral,
  literalKind,
  nanAwareBetween,
  nanAwareComparison,
  nanAwareInList,
  nanAwareJoinComparison,
} from './nan-forms.js';
import { betweenOperands, operand, previous, textOf } from './nested-comparisons.js';
import type { Part } from './operators.js';

const COMPARISONS = new Set(['=', '<>', '!=', '<', '<=', '>', '>=']);
/** `x = ANY (subquery)` and friends: the subquery's values compare as DuckDB's IN does, NaN equal to NaN as in Trino. */
const QUANTIFIED = /^\s*(?:ANY|SOME|ALL)\b/i;
const neverNaN = (parts: readonly Part[], range: [number, number]) => literalKind(parts, range) !== 'unknown';

function guardBetween(parts: Part[], i: number): number {
  const between = betweenOperands(parts, i);
  if (!between) return i;
  const { not, x, low, high } = between;
  const kinds = [x, low, high].map((r) => literalKind(parts, r));
  const [a, lo, hi] = [x, low, high].map((r) => textOf(parts, r).trim());
  // A NULL bound is 'other', yet Trino answers NULL for a NaN x there (nan-forms.ts).
  const nullBound =
    kinds[0] === 'unknown' && (isNullLiteral(lo) || isNullLiteral(hi)) && ![lo, hi].some((t, k) => kinds[k + 1] === 'other' && !isNullLiteral(t));
  if (!nullBound && (kinds.includes('other') || !kinds.includes('unknown'))) return i;
  const text = decidesJoinMatch(parts, i) ? `(trino_nan_null(${a}) BETWEEN trino_nan_null(${lo}) AND trino_nan_null(${hi}))` : nanAwareBetween(a, lo, hi, not);
  parts.splice(x[0], high[1] - x[0] + 1, { kind: 'operand', text });
  return x[0];
}

export function guardNanComparisons(parts: Part[]): void {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.kind === 'boundary' && p.text.toUpperCase() === 'BETWEEN') {
      i = guardBetween(parts, i);
      continue;
    }
    if (p.kind === 'op' && COMPARISONS.has(p.op ?? '')) {
      const op = p.op ?? '';
      const left = operand(parts, i, -1);
      const right = operand(parts, i, 1);
      if (!left || !right || QUANTIFIED.test(textOf(parts, right))) continue;
      if (!comparisonMeetsNaN(parts, op, left, right)) continue;
      const [a, b] = [textOf(parts, left).trim(), textOf(parts, right).trim()];
      const whole = textOf(parts, [left[0], right[1]]);
      const text = decidesJoinMatch(parts, i) ? nanAwareJoinComparison(whole, op, a, b) : nanAwareComparison(whole, op, a, b);
      parts.splice(left[0], right[1] - left[0] + 1, { kind: 'operand', text });
      i = left[0];
    } else if (p.inList) {
      const inAt = previous(parts, i);
      const notAt = previous(parts, inAt);
      const not = parts[notAt]?.text.toUpperCase() === 'NOT';
      const left = operand(parts, not ? notAt : inAt, -1);
      // A NaN x is in no list of literals in DuckDB either (NULL when one is NULL).
      if (!left || neverNaN(parts, left) || p.inList.every((e) => e.zoned || isLiteralText(e.text))) continue;
      const text = nanAwareInList(
        textOf(parts, left).trim(),
        p.text,
        p.inList.map((e) => e.text),
        not,
      );
      parts.splice(left[0], i - left[0] + 1, { kind: 'operand', text });
      i = left[0];
    }
  }
}
