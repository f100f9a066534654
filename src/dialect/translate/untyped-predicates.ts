// `e IS [NOT] NULL` and `e [NOT] LIKE p` of an expression DuckDB types NULL (Trino's unknown: `element_at(ARRAY[], x)`,
// `ARRAY[NULL][x]`, `CASE WHEN 1 / x > 0 THEN NULL END`): DuckDB folds the predicate into a constant (true, false or
// NULL) without evaluating e, which dropped e's own failure; Trino 476 evaluates e and fails ("SQL array indices start
// at 1", "Array subscript must be less than or equal to array length", DIVISION_BY_ZERO). The operand is retyped as
// column-operands.ts unknownRetyped does (a typed NULL where DuckDB types it NULL, so it is evaluated; the value itself
// where it is typed, the CASE on its type simplified away while binding). Gated as expressions.ts
// untypedArgumentsEvaluated is: only where the statement may hold unknowns, for operands whose text holds NULL, `[]`
// or `MAP()`, not in a subquery that may read outer columns, not over an aggregate.
import { MAY_BE_UNKNOWN, mayBeUnknownExpression, unknownRetyped } from './column-operands.js';
import { evaluatedBeside } from './evaluated-beside.js';
import { operand, previous, textOf } from './nested-comparisons.js';
import type { Part } from './operators.js';
import { hasAggregate } from './unbound.js';

/** A keyword part's word (NULL is an operand part). */
const word = (parts: readonly Part[], k: number) =>
  k >= 0 && (parts[k].kind === 'boundary' || /^NULL$/i.test(parts[k]?.text ?? '')) ? parts[k].text.toUpperCase() : '';

const mayBeUnknown = (text: string) => MAY_BE_UNKNOWN.test(text) && mayBeUnknownExpression(text) && !hasAggregate(text);

/** The operand [a, b] retyped as `type` where it may be NULL-typed (one part then); how many parts fewer there are. */
function retyped(parts: Part[], range: [number, number] | undefined, type: string, correlatable: boolean): number {
  if (!range) return 0;
  const text = textOf(parts, range).trim();
  if (!mayBeUnknown(text)) return 0;
  const typed = correlatable
    ? `struct_extract_at(row(${text}, CAST(NULL AS ${type})), CASE WHEN typeof([${text}]) = '"NULL"[]' THEN 2 ELSE 1 END)`
    : unknownRetyped(text, true, type, true);
  parts.splice(range[0], range[1] - range[0] + 1, { kind: 'operand', text: typed });
  return range[1] - range[0];
}

export function evaluateUntypedPredicateOperands(parts: Part[], mayHoldUnknown: boolean, correlatable: boolean, evaluated: boolean): void {
  if (!mayHoldUnknown) return;
  for (let i = 0; i < parts.length; i++) {
    const w = word(parts, i);
    if (w === 'IS') {
      if (correlatable && !evaluated) continue;
      const next = nextWord(parts, i);
      if (next !== 'NULL' && !(next === 'NOT' && nextWord(parts, nextMeaningful(parts, i)) === 'NULL')) continue;
      const range = operand(parts, i, -1);
      const text = range ? textOf(parts, range).trim() : '';
      if (!range || !mayBeUnknown(text)) continue;
      // A retyped operand is a typed NULL there, which DuckDB folds away too: the operand is evaluated beside the test.
      const end = next === 'NULL' ? nextMeaningful(parts, i) : nextMeaningful(parts, nextMeaningful(parts, i));
      const test = `(${text}) IS ${next === 'NOT' ? 'NOT ' : ''}NULL`;
      parts.splice(range[0], end - range[0] + 1, {
        kind: 'operand',
        text: evaluatedBeside(test, [`CASE WHEN typeof([${text}]) = '"NULL"[]' THEN ${text} END`], correlatable),
      });
      i = range[0];
    } else if (w === 'LIKE') {
      // The pattern first, so the subject's indices stay; then the LIKE moves left by the parts the subject lost.
      retyped(parts, operand(parts, i, 1), 'VARCHAR', correlatable);
      const notAt = previous(parts, i);
      i -= retyped(parts, operand(parts, word(parts, notAt) === 'NOT' ? notAt : i, -1), 'VARCHAR', correlatable);
    }
  }
}

const nextMeaningful = (parts: readonly Part[], i: number): number => {
  for (let k = i + 1; k < parts.length; k++) if (parts[k].kind !== 'trivia') return k;
  return -1;
};
const nextWord = (parts: readonly Part[], i: number) => (i < 0 ? '' : word(parts, nextMeaningful(parts, i)));
