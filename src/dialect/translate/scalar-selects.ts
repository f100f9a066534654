// `(SELECT e)`: a scalar subquery without FROM, one item and no other clause is the expression e itself; Trino 476
// plans it so (it reads the outer row, and `CASE WHEN y = 0 THEN 0 ELSE (SELECT 5 / y) END` answers where y is 0).
// DuckDB bound such a subquery as a correlated one: typed macro overloads failed on its outer columns (`(SELECT
// month(t.x))` of a date: "Unimplemented type for cast", `(SELECT to_iso8601(t.z))` and `(SELECT a || b)`: "has
// multiple overloads"), a lambda could not read them (`(SELECT filter(ARRAY[true], e -> e AND t.b))`: "Referenced
// table t not found"), and the subquery was evaluated for every row ("Division by zero" where Trino's CASE skipped it).
// Written `(e)` here, after the lint rules have seen the subquery. Left alone: an aggregate, a window function or
// grouping() inside e (they would aggregate the outer query), DISTINCT, a `*`, and every place that is not a value of
// the select list, WHERE or HAVING (a FROM item, IN/EXISTS/ANY/ARRAY (SELECT …), ORDER BY and GROUP BY, where a bare
// name could read an output alias, a join's ON).
import { isAggregateFunction } from '../functions/index.js';
import { aliasOf } from './select-names.js';
import { isParen, meaningful, nodeKeyword, nodeText, type GroupNode, type Node } from './tree.js';

/** Keywords that start a clause of a query: they decide where a value stands. */
const CLAUSES = new Set(['SELECT', 'FROM', 'WHERE', 'GROUP', 'HAVING', 'WINDOW', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'ON', 'JOIN', 'USING', 'VALUES']);
/** Clauses whose values may be inlined. */
const VALUE_CLAUSES = new Set(['SELECT', 'WHERE', 'HAVING']);
/** Words before `(SELECT …)` that make it a query operand, not a scalar value. */
const QUERY_OPERAND = new Set(['IN', 'EXISTS', 'ANY', 'SOME', 'ALL', 'ARRAY', 'LATERAL', 'UNNEST', 'TABLE', 'AS', 'FROM', 'JOIN']);
/** Words inside the subquery's select item that keep it a subquery. */
const KEEPS_SUBQUERY = new Set([
  'OVER',
  'GROUPING',
  'DISTINCT',
  'ALL',
  'FROM',
  'WHERE',
  'GROUP',
  'HAVING',
  'WINDOW',
  'ORDER',
  'LIMIT',
  'OFFSET',
  'FETCH',
  'UNION',
  'INTERSECT',
  'EXCEPT',
]);

const startsQuery = (items: readonly Node[]): boolean => ['SELECT', 'WITH', 'VALUES'].includes(nodeKeyword(meaningful(items)[0]));

/** Whether `nodes` (outside nested queries) call an aggregate. */
function aggregates(nodes: readonly Node[]): boolean {
  const m = meaningful(nodes);
  return m.some((n, k) => {
    if (n.kind === 'group') return !startsQuery(n.items) && aggregates(n.items);
    return n.token.kind === 'word' && isParen(m[k + 1]) && nodeText(m[k - 1] ?? n) !== '.' && isAggregateFunction(n.token.text);
  });
}

const KEEPS_TRY = new Set(['TRY_CAST', 'TRY']);

/** Whether a word of `words` appears anywhere in `nodes`. */
const mentions = (nodes: readonly Node[], words: ReadonlySet<string>): boolean =>
  nodes.some((n) => (n.kind === 'group' ? mentions(n.items, words) : words.has(nodeKeyword(n))));

/** The expression e of `(SELECT e [AS name])` when it may stand for the subquery, else undefined. */
function inlinedValue(group: GroupNode): Node[] | undefined {
  const m = meaningful(group.items);
  if (nodeKeyword(m[0]) !== 'SELECT' || m.length < 2) return undefined;
  let item = m.slice(1);
  if (item.some((n) => (n.kind === 'token' && KEEPS_SUBQUERY.has(nodeKeyword(n))) || nodeText(n) === ',' || nodeText(n) === ';')) return undefined;
  if (nodeKeyword(item[item.length - 2]) === 'AS') item = item.slice(0, -2);
  else if (aliasOf(item) !== undefined) item = item.slice(0, -1);
  if (item.length === 0 || nodeText(item[item.length - 1]) === '*' || aggregates(item)) return undefined;
  // `t.* AS (p)` (a star with an alias list; the alias step above took `(p)` for an alias): a subquery, whose select
  // list column-stars.ts reads (Trino 476: `(SELECT t.* AS (p))` over one column is 1; inlined, DuckDB's syntax error).
  if (item.some((n, k) => nodeText(n) === '*' && k > 0 && nodeText(item[k - 1]) === '.')) return undefined;
  // `(SELECT NULL)` is not the literal NULL to Trino (sum((SELECT NULL)) fails, sum(NULL) answers); TRY_CAST and TRY
  // keep the subquery's binding (a top-level TRY_CAST of a text to a zoned timestamp fails locally, Trino NULL).
  if (item.length === 1 && nodeKeyword(item[0]) === 'NULL') return undefined;
  if (mentions(item, KEEPS_TRY)) return undefined;
  // The items between SELECT and the end, trivia kept, without the alias.
  const first = group.items.indexOf(m[1]);
  const last = group.items.indexOf(item[item.length - 1]);
  return group.items.slice(first, last + 1);
}

function rewriteLevel(items: readonly Node[], inherited: string | undefined, inheritedLambda = false): Node[] {
  let clause = inherited;
  let previous: Node | undefined;
  // Inside a lambda's body Trino fails (NOT_SUPPORTED "Lambda expression cannot contain subqueries"): left alone.
  let lambda = inheritedLambda;
  return items.map((node) => {
    if (node.kind === 'token') {
      const word = nodeKeyword(node);
      if (CLAUSES.has(word)) clause = word;
      if (node.token.text === '->') lambda = true;
      else if (node.token.text === ',' && !inheritedLambda) lambda = false;
      if (!meaningful([node]).length) return node;
      previous = node;
      return node;
    }
    const before = previous;
    previous = node;
    const query = startsQuery(node.items);
    if (
      query &&
      isParen(node) &&
      clause !== undefined &&
      VALUE_CLAUSES.has(clause) &&
      !lambda &&
      !(before?.kind === 'token' && (QUERY_OPERAND.has(nodeKeyword(before)) || (before.token.kind === 'word' && !isOperatorWord(nodeKeyword(before)))))
    ) {
      const value = inlinedValue(node);
      if (value) return { ...node, items: rewriteLevel(value, clause, lambda) };
    }
    return { ...node, items: rewriteLevel(node.items, query ? undefined : clause, lambda) };
  });
}

/** Keywords after which a value stands (an operand of an operator, a CASE branch, a select item). */
const OPERATOR_WORDS = new Set(['SELECT', 'WHERE', 'HAVING', 'AND', 'OR', 'NOT', 'WHEN', 'THEN', 'ELSE', 'IS', 'LIKE', 'BETWEEN', 'ESCAPE']);
const isOperatorWord = (word: string): boolean => OPERATOR_WORDS.has(word);

/** Every `(SELECT e)` of `items` that may be written `(e)` (see the header). */
export function inlineScalarSelects(items: readonly Node[]): Node[] {
  return rewriteLevel(items, undefined);
}
