// sum(e) and avg(e) of an expression DuckDB types NULL (`sum(element_at(ARRAY[], 1))`, `sum(CASE WHEN … THEN NULL
// END)`, `sum(coalesce(NULL, NULL))`): Trino 476 fails AMBIGUOUS_FUNCTION_CALL ("Could not choose a best candidate
// operator"), where DuckDB took the typed witness's first overload and answered a bigint (or double) NULL. A column and
// a scalar subquery are guarded by column-operands.ts unknownGuarded, a bare NULL is refused at lint
// (functions.ts refusedUntypedNull); any other expression goes through a one-element list here, so that its type is
// checked on the lambda's parameter: the expression is bound once, in the witness only (whose value is not computed).
import { unknownGuarded } from './column-operands.js';

/** A number or string literal: never NULL-typed. */
const LITERAL = /^(?:-?\d|'(?:[^']|'')*'$)/;

/**
 * The witness text of sum's or avg's value (`value`, as rendered, without refusal guards), refused while binding
 * where DuckDB types it NULL. Only where the statement writes a source of unknown (mayHoldUnknown); in a subquery that
 * reads the outer row too (Trino 476 fails there as well; an aggregate of an outer column is refused before).
 */
export function unknownWitness(value: string, mayHoldUnknown: boolean, what: 'sum' | 'avg'): string {
  const guarded = unknownGuarded(value, mayHoldUnknown, what, true);
  if (guarded !== value || !mayHoldUnknown || LITERAL.test(value.trim())) return guarded;
  return `list_transform([${value}], lambda trino_e: ${unknownGuarded('trino_e', true, what)})[1]`;
}
