// Comparisons of decimals whose written types need more than 38 digits together (=, <>, <, <=, >, >=, IN, BETWEEN):
// Trino 476 compares them exactly (DECIMAL '1.25' = DECIMAL '1234567890123456789012345678901234567.5' is false), DuckDB
// casts both to decimal(38, larger scale) and fails on the literal that does not fit. Found from the text, so lint
// reports them (decimal-common-type.ts decides from the operands' written types).
import type { Token } from '../tokens.js';
import { decimalComparisonFails } from './decimal-common-type.js';
import { isParen, meaningful, nodeKeyword, splitArgs, type Node } from './tree.js';

const COMPARISONS = new Set(['=', '<>', '!=', '<', '<=', '>', '>=']);
/** Words and marks an operand of a comparison does not reach past. */
const OPERAND_END = new Set([
  ...['AND', 'OR', 'NOT', 'WHEN', 'THEN', 'ELSE', 'IN', 'BETWEEN', 'IS', 'LIKE', 'AS'],
  ...['SELECT', 'FROM', 'WHERE', 'ON', 'GROUP', 'HAVING', 'ORDER', 'BY', 'LIMIT', 'UNION', 'INTERSECT', 'EXCEPT'],
]);

const isComparison = (n: Node | undefined) => n?.kind === 'token' && n.token.kind === 'op' && COMPARISONS.has(n.token.text);
const endsOperand = (n: Node) => OPERAND_END.has(nodeKeyword(n)) || isComparison(n) || (n.kind === 'token' && n.token.text === ',');

/** The operand before index `at` of the meaningful nodes `m` (back to a word or mark that ends it). */
function operandBefore(m: readonly Node[], at: number): Node[] {
  let start = at;
  while (start > 0 && !endsOperand(m[start - 1])) start--;
  return m.slice(start, at);
}

/** The operand from index `at` (up to a word or mark that ends it). */
function operandFrom(m: readonly Node[], at: number): Node[] {
  let end = at;
  while (end < m.length && !endsOperand(m[end])) end++;
  return m.slice(at, end);
}

/** The operator of each comparison among `items` whose decimal operands fail locally where Trino answers. */
export function failingDecimalComparisons(items: readonly Node[]): Token[] {
  const m = meaningful(items);
  const failing: Token[] = [];
  m.forEach((node, k) => {
    if (node.kind !== 'token') return;
    const word = nodeKeyword(node);
    let operands: Node[][] | undefined;
    // `x NOT IN (…)`, `x NOT BETWEEN …`: the operand ends before NOT.
    const tested = () => operandBefore(m, nodeKeyword(m[k - 1]) === 'NOT' ? k - 1 : k);
    const list = m[k + 1];
    if (isComparison(node)) operands = [operandBefore(m, k), operandFrom(m, k + 1)];
    // A subquery's values have no written type: it is no list of literals.
    else if (word === 'IN' && isParen(list)) operands = [tested(), ...splitArgs(list.items)];
    else if (word === 'BETWEEN') {
      const low = operandFrom(m, k + 1);
      const and = k + 1 + low.length;
      if (nodeKeyword(m[and]) === 'AND') operands = [tested(), low, operandFrom(m, and + 1)];
    }
    if (operands && decimalComparisonFails(operands)) failing.push(node.token);
  });
  return failing;
}
