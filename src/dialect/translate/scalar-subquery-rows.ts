// A scalar subquery of more than one column, `(SELECT a, b FROM …)` or `(SELECT t.* AS (p, q))`: Trino 476 makes a
// row of its columns (asked of the shared Trino: `(SELECT 1, 2)` is row(integer, integer) {1, 2}, `(SELECT a AS x, b
// FROM (VALUES 0))` row(x integer, b integer), `(SELECT t.* AS (p, q))` row(P integer, Q integer): the alias list's
// names in upper case). DuckDB fails "Subquery returns 2 columns - expected 1" (loud). Refused at lint where the
// select list shows two items or a star with two aliases; a bare star's width is not known here (DuckDB's failure).
import { firstToken, isParen, meaningful, nodeKeyword, nodeText, type Node } from './tree.js';
import type { Report } from './within-group.js';

/** Keywords that start a clause of a query: they decide where a value stands. */
const CLAUSES = new Set(['SELECT', 'FROM', 'WHERE', 'GROUP', 'HAVING', 'WINDOW', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'ON', 'JOIN', 'USING', 'VALUES']);
/** Clauses whose parenthesised queries are values. */
const VALUE_CLAUSES = new Set(['SELECT', 'WHERE', 'HAVING', 'ON']);
/** Words before `(SELECT …)` that make it a query operand, not a scalar value. */
const QUERY_OPERAND = new Set(['IN', 'EXISTS', 'ANY', 'SOME', 'ALL', 'ARRAY', 'LATERAL', 'UNNEST', 'TABLE', 'AS', 'FROM', 'JOIN']);
/** Keywords after which a value stands. */
const OPERATOR_WORDS = new Set(['SELECT', 'WHERE', 'HAVING', 'ON', 'AND', 'OR', 'NOT', 'WHEN', 'THEN', 'ELSE', 'IS', 'LIKE', 'BETWEEN', 'ESCAPE', 'DISTINCT']);
/** Keywords that end a select list. */
const LIST_ENDS = new Set(['FROM', 'WHERE', 'GROUP', 'HAVING', 'WINDOW', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'UNION', 'INTERSECT', 'EXCEPT']);

const startsQuery = (items: readonly Node[]): boolean => ['SELECT', 'WITH'].includes(nodeKeyword(meaningful(items)[0]));

/** The number of columns the query's first select list shows (2 at most), or 1 when not known to be more. */
function shownWidth(items: readonly Node[]): number {
  const m = meaningful(items);
  const select = m.findIndex((n) => nodeKeyword(n) === 'SELECT');
  if (select < 0) return 1;
  const list: Node[] = [];
  for (const n of m.slice(select + 1)) {
    if (LIST_ENDS.has(nodeKeyword(n))) break;
    list.push(n);
  }
  if (list.some((n) => nodeText(n) === ',')) return 2;
  // `t.* AS (p, q)`: a star with an alias list of two names or more.
  const star = list.findIndex((n, k) => nodeText(n) === '*' && k > 0 && nodeText(list[k - 1]) === '.');
  const aliases = list[star + 2];
  if (star >= 0 && nodeKeyword(list[star + 1]) === 'AS' && isParen(aliases) && aliases.items.some((n) => nodeText(n) === ',')) return 2;
  return 1;
}

function checkLevel(items: readonly Node[], inherited: string | undefined, report: Report): void {
  let clause = inherited;
  let previous: Node | undefined;
  let lambda = false;
  for (const node of items) {
    if (node.kind === 'token') {
      const word = nodeKeyword(node);
      if (CLAUSES.has(word)) clause = word;
      if (node.token.text === '->') lambda = true;
      else if (node.token.text === ',') lambda = false;
      if (meaningful([node]).length) previous = node;
      continue;
    }
    const before = previous;
    previous = node;
    const query = isParen(node) && startsQuery(node.items);
    if (
      query &&
      clause !== undefined &&
      VALUE_CLAUSES.has(clause) &&
      !lambda &&
      !(before?.kind === 'token' && (QUERY_OPERAND.has(nodeKeyword(before)) || (before.token.kind === 'word' && !OPERATOR_WORDS.has(nodeKeyword(before))))) &&
      shownWidth(node.items) > 1
    )
      report(
        firstToken(meaningful(node.items)[0]),
        'scalar-subquery-row',
        'a scalar subquery of more than one column: Athena answers one row value holding its columns (row(x integer, y integer)); the local engine fails',
        'select the row as one column: (SELECT CAST(ROW(a, b) AS ROW(x integer, y integer)) …)',
      );
    checkLevel(node.items, query ? undefined : clause, report);
  }
}

/** Reports every scalar subquery whose select list shows more than one column (see the header). */
export function refuseScalarSubqueryRows(tree: readonly Node[], report: Report): void {
  checkLevel(tree, undefined, report);
}
