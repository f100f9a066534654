// Rows with several unnamed fields, written ROW(a, b) or (a, b): DuckDB's client merges fields that have no names
// (Trino calls them field0, field1, …), so such a row returned by a query came back with one field ((1, 2) answered
// {field0: 2}). ROW(…) is refused where it is not cast to a named row (functions.ts); `(a, b)` as a select item here.
import { isParen, meaningful, nodeKeyword, splitArgs, type Node } from './tree.js';
import { selectListItems } from './distinct-order.js';
import type { Report } from './within-group.js';

export const ANONYMOUS_ROW = {
  rule: 'anonymous-row',
  message: 'a row with several unnamed fields, ROW(…) or (a, b), cannot be returned faithfully by the local engine',
  hint: "name the fields: CAST(ROW(1, 'x') AS ROW(a integer, b varchar))",
};

const isQuery = (items: readonly Node[]) => ['SELECT', 'WITH', 'VALUES'].includes(nodeKeyword(meaningful(items)[0]));

export function refuseReturnedRowLists(items: readonly Node[], report: Report): void {
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
      if (isParen(only) && !isQuery(only.items) && splitArgs(only.items).length > 1)
        report(only.open, ANONYMOUS_ROW.rule, ANONYMOUS_ROW.message, ANONYMOUS_ROW.hint);
    }
  });
  for (const node of items) if (node.kind === 'group') refuseReturnedRowLists(node.items, report);
}
