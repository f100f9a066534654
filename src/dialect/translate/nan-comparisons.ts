// Comparisons whose operands may be NaN, after the other operator rewrites (operators.ts): `=`, `<>`, `<`, …, IN lists
// and BETWEEN that no earlier pass turned into a call take Trino's NaN semantics (nan-forms.ts). An operand that is a
// literal cannot be NaN: `x = 1` is already Trino's answer, `x > 1` is not (DuckDB: NaN > 1).
import {
  betweenGuards,
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
  const guard = betweenGuards(parts, x, low, high);
  const kinds = [x, low, high].map((r) => literalKind(parts, r));
  const [a, lo, hi] = [x, low, high].map((r) => textOf(parts, r).trim());
  // A NULL bound is 'other', yet Trino answers NULL for a NaN x there (nan-forms.ts).
  const nullBound =
    kinds[0] === 'unknown' && (isNullLiteral(lo) || isNullLiteral(hi)) && ![lo, hi].some((t, k) => kinds[k + 1] === 'other' && !isNullLiteral(t));
  if (!nullBound && !guard.low && !guard.high) return i;
  const text = decidesJoinMatch(parts, i)
    ? `(trino_nan_null(${a}) BETWEEN trino_nan_null(${lo}) AND trino_nan_null(${hi}))`
    : nanAwareBetween(a, lo, hi, not, guard);
  parts.splice(x[0], high[1] - x[0] + 1, { kind: 'operand', text });
  return x[0];
}

const SUBQUERY = /^\(\s*(?:SELECT|WITH|VALUES)\b/i;
/** The clauses whose conjuncts Trino plans as joins, and the words that end one at its level. */
const CONDITION_CLAUSES = new Set(['WHERE', 'HAVING', 'ON']);
const CLAUSE_ENDS = new Set([
  ...['SELECT', 'FROM', 'WHERE', 'GROUP', 'HAVING', 'WINDOW', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'UNION', 'INTERSECT', 'EXCEPT'],
  ...['JOIN', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'ON', 'USING'],
]);

/** Whether parts[at] starts a conjunct of a WHERE, HAVING or ON condition with no OR at its level (`WHERE a AND <here>`). */
function startsConjunct(parts: readonly Part[], at: number): boolean {
  const word = (k: number) => (parts[k]?.kind === 'boundary' ? parts[k].text.toUpperCase() : '');
  const before = previous(parts, at);
  if (!CONDITION_CLAUSES.has(word(before)) && word(before) !== 'AND') return false;
  let clause = before;
  while (clause >= 0 && !CONDITION_CLAUSES.has(word(clause))) {
    if (word(clause) === 'OR' || CLAUSE_ENDS.has(word(clause))) return false;
    clause--;
  }
  for (let k = clause + 1; k < parts.length && !CLAUSE_ENDS.has(word(k)); k++) if (word(k) === 'OR') return false;
  return clause >= 0;
}

/**
 * `WHERE … AND x IN (subquery)` or `x = ANY (subquery)` (or HAVING, ON): Trino 476 plans a conjunct IN of a subquery as a semi join in which a
 * NaN x matches no NaN (the row is dropped), where DuckDB keeps it; elsewhere (a select list, under OR or NOT) Trino
 * answers true for a NaN among the subquery's values, as DuckDB does. A NaN x becomes NULL there (`trino_nan_null`),
 * which no condition keeps.
 */
function guardConjunctInSubquery(parts: Part[], i: number): void {
  let inAt = previous(parts, i);
  const word = parts[inAt]?.kind === 'boundary' ? parts[inAt].text.toUpperCase() : '';
  // `x = ANY (subquery)` and `= SOME` are IN.
  if ((word === 'ANY' || word === 'SOME') && parts[previous(parts, inAt)]?.op === '=') inAt = previous(parts, inAt);
  else if (word !== 'IN') return;
  const left = operand(parts, inAt, -1);
  if (!left || neverNaN(parts, left) || !startsConjunct(parts, left[0])) return;
  parts.splice(left[0], left[1] - left[0] + 1, { kind: 'operand', text: `trino_nan_null(${textOf(parts, left).trim()})` });
}

export function guardNanComparisons(parts: Part[]): void {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.kind === 'operand' && SUBQUERY.test(p.text)) {
      guardConjunctInSubquery(parts, i);
      continue;
    }
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
