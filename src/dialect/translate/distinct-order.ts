// SELECT DISTINCT … ORDER BY x: Trino 476 fails with EXPRESSION_NOT_IN_DISTINCT ("For SELECT DISTINCT, ORDER BY
// expressions must appear in select list") when x is not an output column, an ordinal or an expression of the select
// list; DuckDB sorts by it and answers. Refused at the ORDER BY item. Expressions are compared as written (case,
// spacing, quotes and table qualifiers aside), as Trino compares them after resolving names; a select list with `*`
// accepts every bare name.
import type { Token } from '../tokens.js';
import { aliasOf } from './select-names.js';
import { isParen, meaningful, nodeKeyword, nodeText, splitArgs, type Node } from './tree.js';
import type { Report } from './within-group.js';

const SET_OPERATORS = new Set(['UNION', 'INTERSECT', 'EXCEPT']);
const AFTER_ORDER_BY = new Set(['LIMIT', 'OFFSET', 'FETCH']);
const SELECT_LIST_END = new Set(['FROM', 'WHERE', 'GROUP', 'HAVING', 'WINDOW', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH']);
const ORDERING_WORDS = new Set(['ASC', 'DESC', 'NULLS', 'FIRST', 'LAST']);

/** The written expression, compared the way Trino compares resolved expressions: no case, spacing, quotes or qualifiers. */
const normalized = (nodes: readonly Node[]): string =>
  nodes
    .map(nodeText)
    .join('')
    .replace(/\s+/g, '')
    .replace(/"/g, '')
    .toLowerCase()
    .replace(/(?:[a-z_][a-z0-9_]*\.)+(?=[a-z_*])/g, '');

/** A bare or qualified column name: its last part, lower-cased; undefined for anything else. */
function columnName(nodes: readonly Node[]): string | undefined {
  const m = meaningful(nodes);
  if (m.length === 0 || m.length % 2 === 0) return undefined;
  for (let k = 0; k < m.length; k++) {
    const n = m[k];
    if (n.kind !== 'token') return undefined;
    if (k % 2 === 1 ? n.token.text !== '.' : n.token.kind !== 'word' && n.token.kind !== 'quoted') return undefined;
  }
  const last = (m[m.length - 1] as { token: Token }).token;
  return (last.kind === 'quoted' ? last.text.slice(1, -1) : last.text).toLowerCase();
}

/** `((x))` is x. */
function unwrapped(nodes: Node[]): Node[] {
  let m = nodes;
  while (m.length === 1 && isParen(m[0]) && nodeKeyword(meaningful(m[0].items)[0]) !== 'SELECT') m = meaningful(m[0].items);
  return m;
}

interface SelectItem {
  expression: string;
  outputName?: string;
  star: boolean;
}

function selectItem(nodes: readonly Node[]): SelectItem {
  const m = meaningful(nodes);
  const star = m.length > 0 && m[m.length - 1].kind === 'token' && nodeText(m[m.length - 1]) === '*';
  const asAt = m.findIndex((n) => nodeKeyword(n) === 'AS');
  // `expr AS name` or `expr name` (a trailing word after an expression that is not itself one name).
  const aliased = asAt >= 0 ? { expr: m.slice(0, asAt), alias: m.slice(asAt + 1) } : undefined;
  // `NOT x`, `-x`, `x IS NULL` end in an operand, not an alias (aliasOf knows the words and operators before one).
  const bareAlias =
    !aliased && m.length >= 2 && columnName(m.slice(-1)) !== undefined && columnName(m) === undefined && aliasOf(m) !== undefined
      ? { expr: m.slice(0, -1), alias: m.slice(-1) }
      : undefined;
  const written = aliased ?? bareAlias;
  const expr = unwrapped(written?.expr ?? m);
  return { expression: normalized(expr), outputName: written ? columnName(written.alias) : columnName(expr), star };
}

/** The items of the select list that starts at m[selectAt] (after DISTINCT or ALL), each its meaningful nodes. */
export function selectListItems(m: readonly Node[], selectAt: number): Node[][] {
  const first = ['DISTINCT', 'ALL'].includes(nodeKeyword(m[selectAt + 1])) ? selectAt + 2 : selectAt + 1;
  let listEnd = m.findIndex((n, k) => k >= first && SELECT_LIST_END.has(nodeKeyword(n)));
  if (listEnd < 0) listEnd = m.length;
  return splitArgs(m.slice(first, listEnd)).map(meaningful);
}

function checkLevel(items: readonly Node[], report: Report): void {
  const m = meaningful(items);
  if (m.some((n) => SET_OPERATORS.has(nodeKeyword(n)))) return;
  const selectAt = m.findIndex((n) => nodeKeyword(n) === 'SELECT');
  if (selectAt < 0 || nodeKeyword(m[selectAt + 1]) !== 'DISTINCT') return;
  const orderAt = m.findIndex((n, k) => k > selectAt && nodeKeyword(n) === 'ORDER' && nodeKeyword(m[k + 1]) === 'BY');
  if (orderAt < 0) return;
  const select = selectListItems(m, selectAt).map(selectItem);
  if (select.some((s) => s.star)) return;
  let orderEnd = m.findIndex((n, k) => k > orderAt + 1 && AFTER_ORDER_BY.has(nodeKeyword(n)));
  if (orderEnd < 0) orderEnd = m.length;
  for (const element of splitArgs(m.slice(orderAt + 2, orderEnd))) {
    let e = meaningful(element);
    while (e.length > 0 && ORDERING_WORDS.has(nodeKeyword(e[e.length - 1]))) e.pop();
    e = unwrapped(e);
    if (e.length === 0 || (e.length === 1 && e[0].kind === 'token' && e[0].token.kind === 'number')) continue;
    const name = columnName(e);
    const known = select.some((s) => s.expression === normalized(e) || (name !== undefined && s.outputName === name));
    const first = e[0];
    if (!known && first.kind === 'token')
      report(
        first.token,
        'distinct-order-by',
        'Athena fails with EXPRESSION_NOT_IN_DISTINCT: For SELECT DISTINCT, ORDER BY expressions must appear in select list (the local engine would sort by it)',
        'add the expression to the select list, or order by one of the selected columns',
      );
    else if (!known && isParen(first))
      report(
        first.open,
        'distinct-order-by',
        'Athena fails with EXPRESSION_NOT_IN_DISTINCT: For SELECT DISTINCT, ORDER BY expressions must appear in select list (the local engine would sort by it)',
      );
  }
}

/**
 * ORDER BY a bare name that two select items give (`SELECT k, x AS k … ORDER BY k`, also `k, k`, `k, a.k` and inside
 * an expression, `z + 1`): Trino 476 fails with AMBIGUOUS_NAME "Column 'k' is ambiguous"; DuckDB sorted by the first.
 * A qualified name (`a.k`) and an ordinal keep Trino's answer.
 */
function checkAmbiguousOrderBy(items: readonly Node[], report: Report): void {
  const m = meaningful(items);
  if (m.some((n) => SET_OPERATORS.has(nodeKeyword(n)))) return;
  const selectAt = m.findIndex((n) => nodeKeyword(n) === 'SELECT');
  const orderAt = m.findIndex((n, k) => k > selectAt && nodeKeyword(n) === 'ORDER' && nodeKeyword(m[k + 1]) === 'BY');
  if (selectAt < 0 || orderAt < 0) return;
  const names = selectListItems(m, selectAt).flatMap((item) => selectItem(item).outputName ?? []);
  const repeated = new Set(names.filter((name, k) => names.indexOf(name) !== k));
  if (repeated.size === 0) return;
  let orderEnd = m.findIndex((n, k) => k > orderAt + 1 && AFTER_ORDER_BY.has(nodeKeyword(n)));
  if (orderEnd < 0) orderEnd = m.length;
  const visit = (nodes: readonly Node[]) => {
    const e = meaningful(nodes);
    e.forEach((n, k) => {
      if (n.kind === 'group') {
        if (nodeKeyword(meaningful(n.items)[0]) !== 'SELECT') visit(n.items);
        return;
      }
      if (n.token.kind !== 'word' && n.token.kind !== 'quoted') return;
      if (nodeText(e[k - 1] ?? n) === '.' || nodeText(e[k + 1] ?? n) === '.' || isParen(e[k + 1])) return;
      const name = columnName([n]);
      if (name !== undefined && repeated.has(name))
        report(
          n.token,
          'ambiguous-order-by',
          `Athena fails with AMBIGUOUS_NAME: Column '${name}' is ambiguous (two select items are named ${name}; the local engine would sort by the first)`,
          'order by the ordinal of the item (ORDER BY 1) or by a qualified column (t.col), or give the items distinct names',
        );
    });
  };
  visit(m.slice(orderAt + 2, orderEnd));
}

/**
 * grouping(k) in a query's ORDER BY where k is also an output name of its select list (`SELECT k … ORDER BY
 * grouping(k)`, also inside a window there): Trino 476 fails with INVALID_ARGUMENTS "Invalid reference to output of
 * SELECT clause from grouping() expression in ORDER BY" (ORDER BY reads the outputs' names first); DuckDB read the
 * column. A qualified name (`grouping(t.k)`) or another output name keeps Trino's answer.
 */
function checkGroupingInOrderBy(items: readonly Node[], report: Report): void {
  const m = meaningful(items);
  if (m.some((n) => SET_OPERATORS.has(nodeKeyword(n)))) return;
  const selectAt = m.findIndex((n) => nodeKeyword(n) === 'SELECT');
  const orderAt = m.findIndex((n, k) => k > selectAt && nodeKeyword(n) === 'ORDER' && nodeKeyword(m[k + 1]) === 'BY');
  if (selectAt < 0 || orderAt < 0) return;
  const outputs = new Set(selectListItems(m, selectAt).flatMap((item) => selectItem(item).outputName ?? []));
  if (outputs.size === 0) return;
  let orderEnd = m.findIndex((n, k) => k > orderAt + 1 && AFTER_ORDER_BY.has(nodeKeyword(n)));
  if (orderEnd < 0) orderEnd = m.length;
  const visit = (nodes: readonly Node[]) => {
    const e = meaningful(nodes);
    e.forEach((n, k) => {
      if (n.kind !== 'group' || nodeKeyword(meaningful(n.items)[0]) === 'SELECT') return;
      if (isParen(n) && nodeKeyword(e[k - 1]) === 'GROUPING' && nodeText(e[k - 2] ?? n) !== '.')
        for (const argument of splitArgs(n.items).map(meaningful)) {
          const name = argument.length === 1 ? columnName(argument) : undefined;
          if (name !== undefined && outputs.has(name) && argument[0].kind === 'token')
            report(
              argument[0].token,
              'grouping-order-by',
              `Athena fails with INVALID_ARGUMENTS: Invalid reference to output of SELECT clause from grouping() expression in ORDER BY (${name} names a select item; the local engine would read the column)`,
              `qualify the column (grouping(t.${name})), or select grouping(${name}) as an item and order by it`,
            );
        }
      visit(n.items);
    });
  };
  visit(m.slice(orderAt + 2, orderEnd));
}

export function refuseDistinctOrderBy(items: readonly Node[], report: Report): void {
  checkLevel(items, report);
  checkAmbiguousOrderBy(items, report);
  checkGroupingInOrderBy(items, report);
  for (const node of items) if (node.kind === 'group') refuseDistinctOrderBy(node.items, report);
}
