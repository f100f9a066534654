// `x > ANY (subquery)`, `x < ALL (…)`, the other orderings, `x = ALL (…)` and `x <> ANY (…)` as Trino 476 plans them
// (TransformQuantifiedComparisonApplyToCorrelatedJoin): not value by value, but against the subquery's bounds, its
// min() and max(), with its count(*) and count(value) for the empty set and NULLs:
//   x > ANY S  is  x > min(S),  x < ANY S  x < max(S),  x > ALL S  x > max(S),  x < ALL S  x < min(S),
//   x = ALL S  is  min(S) = max(S) AND x = max(S),  x <> ANY S  is  NOT (x = ALL S);
// an empty S gives false (ANY) or true (ALL), a NULL among S's values joins as `OR NULL` (ANY) or `AND NULL` (ALL).
// Value by value and by the bounds differ only where NaN is met: Trino's max skips NaN and its min orders NaN above
// every number (nan-calls.ts), and a NaN bound or x compares false, so `2e0 > ALL (VALUES nan(), 1e0)` is true and
// `nan() > ANY (VALUES 1e0)` false, where DuckDB, comparing value by value with NaN above +Infinity, said false and
// true. Inside arrays of doubles Trino's max orders NaN below every number too (trino_nan_max_key), so
// `ARRAY[1e0, 2e0] > ALL (VALUES ARRAY[nan(), 5e0], ARRAY[0e0, 1e0])` is true. The bounds are compared through trino_cmp, so zoned values compare by instant. `x = ANY` and `x <> ALL` are
// IN and NOT IN (nan-comparisons.ts).
import { nanAwareComparison } from './nan-forms.js';
import { nestedComparison, operand, textOf } from './nested-comparisons.js';
import type { Part } from './operators.js';

const ORDERINGS = new Set(['<', '<=', '>', '>=']);
const SUBQUERY = /^\(\s*(?:SELECT|WITH|VALUES)\b/i;

const next = (parts: readonly Part[], i: number) => {
  for (let k = i + 1; k < parts.length; k++) if (parts[k].kind !== 'trivia') return k;
  return -1;
};

/** The bound a quantified ordering compares x with: the least value for `> ANY`, `< ALL`, the greatest otherwise. */
const boundOf = (op: string, all: boolean) => ((op === '>' || op === '>=') !== all ? 'lo' : 'hi');

/**
 * Trino's comparison of two values that may be NaN or zoned (compared by instant), as text; arrays, maps and rows as
 * nested-comparisons.ts compares them (`ARRAY[nan()] = ALL (SELECT ARRAY[nan()])` is false: NaN equals nothing inside).
 */
function compared(a: string, op: string, b: string): string {
  const [x, y] = [`trino_cmp(${a})`, `trino_cmp(${b})`];
  return `trino_compare_any(${x}, ${y}, ${nanAwareComparison(`${x} ${op} ${y}`, op, x, y)}, ${nestedComparison(x, op, y)})`;
}

/**
 * The text of `x op quantifier (subquery)`: the subquery's bounds and counts are one row, bound with x in a lambda's
 * parameter so that each is evaluated once (x may hold an aggregate of the outer query; the subquery stays
 * uncorrelated where it was). COLUMNS(*) reads the subquery's one column: a subquery of two columns makes two, which
 * DuckDB refuses ("Subquery returns 2 columns"; Trino: TYPE_MISMATCH). The parameter's fields are read with
 * struct_extract: in a HAVING clause DuckDB 1.5 binds `p.x` of a lambda parameter as a column x.
 */
export function quantifiedComparison(x: string, op: string, all: boolean, subquery: string): string {
  const value = 'COLUMNS(*)';
  const bounds = `(SELECT {n: count(*), known: count(${value}), lo: min(${value}), hi: coalesce(arg_max(trino_nan_null(${value}), trino_nan_max_key(trino_nan_null(${value}))), max(${value}))} FROM ${subquery.trim()} trino_q)`;
  const field = (name: string) => (name === 'x' ? "struct_extract(trino_p, 'x')" : `struct_extract(struct_extract(trino_p, 's'), '${name}')`);
  const equalAll = `${compared(field('lo'), '=', field('hi'))} AND ${compared(field('x'), '=', field('hi'))}`;
  const condition = op !== '=' ? compared(field('x'), op, field(boundOf(op, all))) : equalAll;
  const body = `${all ? 'trino_quantified_all' : 'trino_quantified_any'}(${field('n')}, ${field('known')}, ${condition})`;
  return `(list_transform([{x: ${x.trim()}, s: ${bounds}}], lambda trino_p: ${body})[1])`;
}

/** Rewrites each quantified comparison among one level's parts but `= ANY` and `<> ALL`, which are IN and NOT IN. */
export function rewriteQuantifiedComparisons(parts: Part[]): void {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.kind !== 'op' || (!ORDERINGS.has(p.op ?? '') && !['=', '<>', '!='].includes(p.op ?? ''))) continue;
    const q = next(parts, i);
    const quantifier = parts[q]?.kind === 'boundary' ? parts[q].text.toUpperCase() : '';
    const s = next(parts, q);
    if (!['ANY', 'SOME', 'ALL'].includes(quantifier) || parts[s]?.kind !== 'operand' || !SUBQUERY.test(parts[s].text.trim())) continue;
    const op = p.op === '!=' ? '<>' : (p.op ?? '');
    const all = quantifier === 'ALL';
    if ((op === '=' && !all) || (op === '<>' && all)) continue;
    const left = operand(parts, i, -1);
    if (!left) continue;
    const x = textOf(parts, left);
    // `x <> ANY S` is `NOT (x = ALL S)`.
    const text = op === '<>' ? `(NOT ${quantifiedComparison(x, '=', true, parts[s].text)})` : quantifiedComparison(x, op, all, parts[s].text);
    parts.splice(left[0], s - left[0] + 1, { kind: 'operand', text });
    i = left[0];
  }
}
