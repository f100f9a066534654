// Rows with several unnamed fields, written ROW(a, b) or (a, b): DuckDB's client merges fields that have no names
// (Trino calls them field0, field1, …), so such a row returned by a query came back with one field ((1, 2) answered
// {field0: 2}). ROW(…) is refused where it is not cast to a named row (functions.ts); `(a, b)` here, as a select item
// and as a value inside an expression: an argument of a function, an element of ARRAY[…], a lambda's body, a CASE
// branch (Trino 476: transform(ARRAY[1], x -> (x, 'a')) is [{field0=1, field1=a}], DuckDB's client gave [{field0: a}]).
// A list compared ((a, b) = (1, 2), (a, b) IN (…)) or cast to a named row stays: no unnamed row comes back.
import { isParen, meaningful, nodeKeyword, nodeText, splitArgs, type GroupNode, type Node } from './tree.js';
import { selectListItems } from './distinct-order.js';
import type { Report } from './within-group.js';

export const ANONYMOUS_ROW = {
  rule: 'anonymous-row',
  message: 'a row with several unnamed fields, ROW(…) or (a, b), cannot be returned faithfully by the local engine',
  hint: "name the fields: CAST(ROW(1, 'x') AS ROW(a integer, b varchar))",
};

const isQuery = (items: readonly Node[]) => ['SELECT', 'WITH', 'VALUES'].includes(nodeKeyword(meaningful(items)[0]));

/** Words before `(` that make the list syntax, not a function's arguments. */
const LIST_SYNTAX = new Set([
  'IN',
  'VALUES',
  'SETS',
  'ROLLUP',
  'CUBE',
  'USING',
  'OVER',
  'EXISTS',
  'AS',
  'BY',
  'ON',
  'FROM',
  'JOIN',
  'INTO',
  'TABLE',
  'UNNEST',
  'LATERAL',
]);

/** Functions that read the rows of their ARRAY[…] argument as entries: no row of it comes back. */
const ROW_CONSUMERS = new Set(['MAP_FROM_ENTRIES', 'MULTIMAP_FROM_ENTRIES']);

/** What the items of a group are: a function's arguments, ARRAY[…]'s elements, an entry reader's, or anything else. */
type ListKind = 'arguments' | 'elements' | 'entries' | 'other';

const isWord = (n: Node | undefined): boolean => n?.kind === 'token' && n.token.kind === 'word';
const tokenText = (n: Node | undefined): string => (n?.kind === 'token' ? n.token.text : '');

/** CAST(… AS json), or to a row, array or map whose rows name their fields: rows inside it do not come back unnamed. */
function castNamesRows(items: readonly Node[]): boolean {
  const as = items.map((n) => nodeKeyword(n)).lastIndexOf('AS');
  const target = meaningful(items.slice(as + 1));
  if (as < 0 || target.length === 0) return false;
  if (target.length === 1 && nodeKeyword(target[0]) === 'JSON') return true;
  return /\bROW\s*\(\s*"?[A-Za-z_][\w]*"?\s+\w/i.test(target.map(nodeText).join(''));
}

const isRowList = (n: Node | undefined): n is GroupNode => isParen(n) && !isQuery(n.items) && splitArgs(n.items).length > 1;

export function refuseReturnedRowLists(items: readonly Node[], report: Report, kind: ListKind = 'other'): void {
  const m = meaningful(items);
  m.forEach((node, k) => {
    if (nodeKeyword(node) !== 'SELECT') return;
    for (const item of selectListItems(m, k)) {
      const expression = nodeKeyword(item[item.length - 2]) === 'AS' ? item.slice(0, -2) : item;
      let [only] = expression;
      if (expression.length > 2) continue;
      // ((a, b)) is (a, b).
      while (isParen(only) && !isQuery(only.items) && splitArgs(only.items).length === 1 && meaningful(only.items).length === 1)
        [only] = meaningful(only.items);
      if (isRowList(only)) report(only.open, ANONYMOUS_ROW.rule, ANONYMOUS_ROW.message, ANONYMOUS_ROW.hint);
    }
  });
  // A VALUES row of several values, one of them `(a, b)`: that value is a row column (`VALUES ((1, 'x'), 3)`; a row list
  // alone in its row is the row's fields, set-operation-columns.ts rowValues).
  m.forEach((node, k) => {
    if (nodeKeyword(node) !== 'VALUES') return;
    for (let r = k + 1; r < m.length && (isParen(m[r]) || tokenText(m[r]) === ','); r++) {
      const row = m[r];
      if (!isParen(row)) continue;
      const values = splitArgs(row.items).map((value) => meaningful(value));
      if (values.length < 2) continue;
      for (const [only] of values.filter((value) => value.length === 1 && isRowList(value[0])))
        if (only.kind === 'group') report(only.open, ANONYMOUS_ROW.rule, ANONYMOUS_ROW.message, ANONYMOUS_ROW.hint);
    }
  });
  m.forEach((node, k) => {
    if (!isRowList(node)) return;
    const [before, after] = [m[k - 1], m[k + 1]];
    // A whole value: nothing is applied to it (no comparison, no `->` of a lambda's parameters, no subscript).
    const whole = after === undefined || tokenText(after) === ',' || ['WHEN', 'ELSE'].includes(nodeKeyword(after));
    const listed = (before === undefined || tokenText(before) === ',') && (kind === 'arguments' || kind === 'elements');
    const branch = tokenText(before) === '->' || ['THEN', 'ELSE'].includes(nodeKeyword(before));
    if (whole && (listed || branch)) report(node.open, ANONYMOUS_ROW.rule, ANONYMOUS_ROW.message, ANONYMOUS_ROW.hint);
  });
  m.forEach((node, k) => {
    if (node.kind !== 'group') return;
    const word = isWord(m[k - 1]) ? nodeKeyword(m[k - 1]) : '';
    if ((word === 'CAST' || word === 'TRY_CAST') && castNamesRows(node.items)) return;
    const inner: ListKind =
      isParen(node, '[') && word === 'ARRAY'
        ? kind === 'entries'
          ? 'other'
          : 'elements'
        : isParen(node) && ROW_CONSUMERS.has(word)
          ? 'entries'
          : isParen(node) && isWord(m[k - 1]) && !LIST_SYNTAX.has(word)
            ? 'arguments'
            : 'other';
    refuseReturnedRowLists(node.items, report, inner);
  });
}
