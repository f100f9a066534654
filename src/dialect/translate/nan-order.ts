// NaN in ORDER BY … NULLS FIRST (query, window and aggregate orderings). Trino 476 sorts a double or real NaN next to
// the NULLs there, below every number, ASC or DESC (`ORDER BY x NULLS FIRST`: NULL, NaN, -Infinity, 1, Infinity;
// `DESC NULLS FIRST`: NULL, Infinity, 1, -Infinity, NaN), and above every number with NULLS LAST, as DuckDB does
// always (https://duckdb.org/docs/stable/sql/data_types/numeric#nan-and-infinity). An element with NULLS FIRST gets a
// key before it, trino_nan_of(x) (shims/nan-macros.ts): NULL for a NULL x, true for NaN, and the constant false for
// any value that is no double or real, which DuckDB folds while binding.
import { meaningful, nodeKeyword, type Node } from './tree.js';

const ORDER_MODIFIERS = new Set(['ASC', 'DESC', 'NULLS', 'FIRST', 'LAST']);

/** An ORDER BY element split into its expression and its trailing ASC/DESC/NULLS words. */
export function splitOrderElement(element: readonly Node[]): { expression: readonly Node[]; modifiers: readonly Node[] } {
  let end = element.length;
  for (let k = element.length - 1; k >= 0; k--) {
    const word = nodeKeyword(element[k]);
    if (ORDER_MODIFIERS.has(word)) end = k;
    else if (meaningful([element[k]]).length > 0) break;
  }
  return { expression: element.slice(0, end), modifiers: element.slice(end) };
}

/** Whether an element's modifiers put NULLs first. */
export function nullsFirst(modifiers: readonly Node[]): boolean {
  const words = meaningful(modifiers).map(nodeKeyword);
  const at = words.indexOf('NULLS');
  return at >= 0 && words[at + 1] === 'FIRST';
}

/** Whether a value is NaN: NULL for NULL, the constant false for types other than double and real. */
export const nanOf = (value: string) => `trino_nan_of(${value.trim()})`;

/**
 * The same for DuckDB's positional column #k, written out: DuckDB binds no positional reference in a macro's
 * argument (the ORDER BY of a set operation sorted outside it, expressions.ts).
 */
export const nanOfColumn = (k: string) => `CASE WHEN typeof([#${k}]) IN ('DOUBLE[]', 'FLOAT[]') THEN isnan(TRY_CAST(#${k} AS DOUBLE)) ELSE false END`;

/**
 * The rendered element `x [ASC|DESC] NULLS FIRST` with NaN's key before it: `trino_nan_of(x) DESC NULLS FIRST, x …`
 * puts NULL, then NaN, then the rest ascending; ASC before a descending x puts NaN after the rest. `isNaN` tests the
 * element's value (nanOf of the select item an ordinal names), `ordered` is the element's own rendered expression.
 */
export function withNanKey(isNaN: string, ordered: string, modifiers: readonly Node[], renderedModifiers: string): string {
  const descending = meaningful(modifiers).some((n) => nodeKeyword(n) === 'DESC');
  return ` ${isNaN} ${descending ? 'ASC' : 'DESC'} NULLS FIRST, ${ordered.trimStart()}${renderedModifiers}`;
}
