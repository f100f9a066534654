// AND and OR in Trino 476 stop at the deciding operand, left to right: `k <> 0 AND 10 / k > 1` is false for k = 0
// without evaluating the division, and `k = 0 OR 10 / k > 1` true. DuckDB stops only where it selects rows (a WHERE, a
// CASE's WHEN condition written as the AND itself); in a projection, a lambda's body or under NOT it evaluates every
// operand of every row, so the division's error was NULL under try() (Trino false/true: silent) and failed the query in
// a lambda (`filter(ARRAY[0, 5], x -> x > 0 AND 10 / x > 1)`, Trino [5]).
//
// Inside try() and in a lambda's body, an AND or OR whose later operand can fail (ordered-matches.ts cannotFail reads
// that from Trino's text) is written as a CASE, which DuckDB evaluates row by row in order:
//   a AND b AND c  →  CASE WHEN NOT (a) THEN false WHEN NOT (b) THEN false ELSE (a) AND (b) AND (c) END
// with a WHEN for each operand before the last one that can fail; a row reaching the ELSE evaluates the operands before
// it again (they did not fail for it), the last failing one for the first time, as Trino does. OR alike with `WHEN (a)
// THEN true`. Elsewhere, and where no later operand can fail (the common case), the text is unchanged. An operand
// evaluated twice must give the same value: a random draw among them keeps the plain form (try() refuses it anyway).
import { cannotFail, VOLATILE_CALL } from './ordered-matches.js';
import type { Token } from '../tokens.js';
import { isTriviaNode, meaningful, type Node, nodeKeyword, nodeText } from './tree.js';

/** Words that end a single expression at its own level (a clause, a CASE piece, an alias): such a sequence is left as is. */
const NOT_ONE_EXPRESSION = new Set(
  'SELECT FROM WHERE GROUP HAVING WINDOW ORDER LIMIT OFFSET FETCH UNION INTERSECT EXCEPT WITH VALUES WHEN THEN ELSE AS ON JOIN USING BY'.split(' '),
);

/** The sequence's operands of `word` (AND or OR) at its own level; BETWEEN's AND stays inside its operand. */
function operands(items: readonly Node[], word: 'AND' | 'OR', separators: Node[] = []): Node[][] | undefined {
  const out: Node[][] = [[]];
  let between = 0;
  let previous = '';
  for (const n of items) {
    const k = nodeKeyword(n);
    if (n.kind === 'token' && (n.token.text === ',' || n.token.text === '->' || n.token.text === ';')) return undefined;
    // `a IS [NOT] DISTINCT FROM b` is an operand, not a clause.
    if (NOT_ONE_EXPRESSION.has(k) && !(k === 'FROM' && previous === 'DISTINCT')) return undefined;
    if (k === 'BETWEEN') between++;
    if (k === 'AND' && between > 0) {
      between--;
      out[out.length - 1].push(n);
    } else if (k === word) {
      out.push([]);
      separators.push(n);
    } else out[out.length - 1].push(n);
    if (!isTriviaNode(n)) previous = k;
  }
  return out.some((o) => meaningful(o).length === 0) ? undefined : out;
}

/**
 * The DuckDB text of `items` (one AND or OR expression of Trino's) evaluated in order up to the deciding operand, each
 * operand rendered by `render`; undefined where the plain form is already Trino's (no later operand can fail; in a
 * CASE's WHEN condition, `selected`, no operand before the last) or the sequence is not one such expression.
 */
export function shortCircuited(items: readonly Node[], render: (nodes: readonly Node[]) => string, selected = false): string | undefined {
  if (!items.some((n) => nodeKeyword(n) === 'AND' || nodeKeyword(n) === 'OR')) return undefined;
  const disjuncts = operands(items, 'OR');
  const word = disjuncts && disjuncts.length > 1 ? 'OR' : 'AND';
  const terms = word === 'OR' ? disjuncts : operands(items, 'AND');
  if (!terms || terms.length < 2) return undefined;
  let last = terms.length - 1;
  while (last > 0 && cannotFail(meaningful(terms[last]))) last--;
  const failingFirst = selected && terms.slice(0, -1).some((t) => !cannotFail(meaningful(t)));
  if (last === 0 && !failingFirst) return undefined;
  const before = terms.slice(0, last);
  if (before.some((t) => VOLATILE_CALL.test(t.map(nodeText).join('')))) return undefined;
  // A line comment ending an operand is closed by a new line before the parenthesis.
  const texts = terms.map((t) => {
    const text = render(t).trim();
    return /--[^\n]*$/.test(text) ? `${text}\n` : text;
  });
  // The sequence's own leading and trailing spaces and comments stay around the CASE.
  const [first, end] = [items.findIndex((n) => !isTriviaNode(n)), items.length - [...items].reverse().findIndex((n) => !isTriviaNode(n))];
  const around = (nodes: readonly Node[]) => nodes.map(nodeText).join('');
  // A CASE's WHEN condition (`selected`): DuckDB selects its rows operand by operand, cheapest first, so an earlier
  // operand that can fail was evaluated after a later one that decides (`try(CASE WHEN 10 / k > 1 AND k <> 0 THEN 1
  // ELSE 2 END)` 2 for k = 0; Trino 476 evaluates the division first: NULL). There each operand is nested in the CASE
  // of the one before it, evaluated once: DuckDB lifts an expression met twice out of TRY, which would fail the query.
  // Only the condition's truth counts there, so `CASE WHEN (a) THEN (b) ELSE false END` reads as `a AND b` (but for a
  // NULL a, where b is not evaluated; Trino evaluates it).
  if (failingFirst) {
    const nested = texts
      .slice(0, -1)
      .reduceRight(
        (rest, t) => (word === 'AND' ? `CASE WHEN (${t}) THEN ${rest} ELSE false END` : `CASE WHEN (${t}) THEN true ELSE ${rest} END`),
        `(${texts[texts.length - 1]})`,
      );
    return `${around(items.slice(0, first))}${nested}${around(items.slice(end))}`;
  }
  const whens = texts.slice(0, last).map((t) => (word === 'AND' ? `WHEN NOT (${t}) THEN false` : `WHEN (${t}) THEN true`));
  return `${around(items.slice(0, first))}CASE ${whens.join(' ')} ELSE ${texts.map((t) => `(${t})`).join(` ${word} `)} END${around(items.slice(end))}`;
}

/** The refusal of foldedOrderOperator's AND or OR (expressions.ts reports it at the operator). */
export const FOLDED_ORDER = {
  message:
    "try() around an AND or OR whose earlier operand can fail, over VALUES rows: Athena (Trino 476) folds each VALUES row's value while planning, where any operand that is false (AND) or true (OR) decides whatever its place, so `try(10 / k > 1 AND k <> 0)` is false for k = 0 there, while it evaluates the operands left to right over other rows (NULL); the local engine's answer follows the order",
  hint: 'write the operand that can fail last (`k <> 0 AND 10 / k > 1`), or decide first with CASE (`CASE WHEN k = 0 THEN false ELSE 10 / k > 1 END`)',
};

/**
 * Over VALUES rows (a query level reading only VALUES rows, a WITH query or a subquery of them, a level without FROM)
 * Trino 476 folds each row's try() argument while planning, order-free: an AND whose operand is false is false (OR:
 * true) even where an earlier operand fails (`SELECT k, try(10 / k > 1 AND k <> 0) FROM (VALUES 0, 5) t(k)`: false,
 * true), not in a lambda's body, and not everywhere (GROUP BY, a WHERE or a window at the level keep the order: NULL,
 * true). The local evaluation is ordered (above), so where an operand before the last can fail the answer depends on
 * Trino's plan: the AND or OR operator after the first such operand followed by one that cannot fail, to refuse there;
 * undefined where there is none.
 */
export function foldedOrderOperator(items: readonly Node[]): Token | undefined {
  if (!items.some((n) => nodeKeyword(n) === 'AND' || nodeKeyword(n) === 'OR')) return undefined;
  const ors: Node[] = [];
  const disjuncts = operands(items, 'OR', ors);
  if (!disjuncts) return undefined;
  // The first operand that can fail with a later one that cannot (a comparison of columns and literals, which folds
  // and decides), and the operator after it. Two operands that can fail (calls, `contains(a, 2) OR contains(…)`) are
  // left as they are (a later failing operand's decision over an earlier failure is not caught).
  const after = (terms: Node[][], separators: Node[]) => {
    const safe = terms.map((t) => cannotFail(meaningful(t)));
    const at = separators[safe.findIndex((s, i) => !s && safe.slice(i + 1).some(Boolean))];
    return at?.kind === 'token' ? at.token : undefined;
  };
  const or = after(disjuncts, ors);
  if (or) return or;
  for (const d of disjuncts) {
    const ands: Node[] = [];
    const terms = operands(d, 'AND', ands);
    const and = terms && after(terms, ands);
    if (and) return and;
  }
  return undefined;
}
