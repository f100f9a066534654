// `GROUP BY AUTO` (Trino 476; AUTO is reserved, never a column): Trino groups by every select item that is not an
// aggregate call, constants and window functions included (`SELECT 'a', count(*) … WHERE false GROUP BY AUTO` has no
// row; `SELECT k * count(*) … GROUP BY AUTO` fails: the item is a key), and with no such item the query is a global
// aggregation (`SELECT count(*) … WHERE false GROUP BY AUTO` is one row, 0). DuckDB read AUTO as a column. Written
// here as the ordinals of those items (`GROUP BY 1, 3`), or without the GROUP BY when there are none, before the other
// GROUP BY rules see it. A select list with a `*` is left as it is (DuckDB fails: loud).
import { isAggregateFunction } from '../functions/index.js';
import { tokenize, type Token } from '../tokens.js';
import { selectListItems } from './distinct-order.js';
import { aliasOf } from './select-names.js';
import { buildTree, isParen, meaningful, nodeKeyword, nodeText, type Node } from './tree.js';
import type { Report } from './within-group.js';

/** Nodes of `text`, placed at `at` (so a finding about them names the clause they replace). */
const spliced = (text: string, at: Token): Node[] => buildTree(tokenize(text).map((t) => ({ ...t, start: at.start, line: at.line, col: at.col })));

/** `count(*)`, `sum(x) FILTER (WHERE …)`, `max(x) AS m`: an aggregate call and nothing else (no OVER). */
function isAggregateCall(item: readonly Node[]): boolean {
  let m = meaningful(item);
  if (nodeKeyword(m[m.length - 2]) === 'AS') m = m.slice(0, -2);
  else if (aliasOf(m) !== undefined) m = m.slice(0, -1);
  const [name, args, ...rest] = m;
  if (name?.kind !== 'token' || name.token.kind !== 'word' || !isParen(args) || !isAggregateFunction(name.token.text)) return false;
  return rest.length === 0 || (rest.length === 2 && nodeKeyword(rest[0]) === 'FILTER' && isParen(rest[1]));
}

/** `*`, `t.*`, `expr.*`, and a star with an alias list, `t.* AS (a, b)` (column-stars.ts). */
function isStarItem(item: readonly Node[]): boolean {
  const m = meaningful(item);
  if (m.length > 0 && nodeText(m[m.length - 1]) === '*') return true;
  return m.length > 2 && nodeText(m[m.length - 3]) === '*' && nodeKeyword(m[m.length - 2]) === 'AS' && isParen(m[m.length - 1]);
}

function rewriteLevel(items: readonly Node[], report: Report): Node[] {
  const nested = items.map((n) => (n.kind === 'group' ? { ...n, items: rewriteLevel(n.items, report) } : n));
  const m = meaningful(nested);
  const at = m.findIndex((n, k) => nodeKeyword(n) === 'GROUP' && nodeKeyword(m[k + 1]) === 'BY' && nodeKeyword(m[k + 2]) === 'AUTO');
  if (at < 0) return nested;
  const selectAt = m.findIndex((n, k) => k < at && nodeKeyword(n) === 'SELECT');
  if (selectAt < 0) return nested;
  const select = selectListItems(m, selectAt);
  if (select.some((item) => item.length === 0 || isStarItem(item))) {
    // Trino 476 groups by every column the star gives (asked: `SELECT * FROM (VALUES (1, 2)) t(a, b) GROUP BY AUTO`
    // answers 1, 2); the columns are not known here, and DuckDB's GROUP BY ALL would skip the checks of the keys' types
    // (maps, zoned values). Refused, with the way out (DuckDB failed: "Referenced column AUTO not found").
    const group = m[at];
    if (group.kind === 'token' && select.some(isStarItem))
      report(
        group.token,
        'group-by-auto',
        'GROUP BY AUTO over a select list with a star (SELECT *, t.*) is refused locally: Athena groups by every column the star gives, which the local engine does not know here',
        'name the columns in the select list, or GROUP BY them: GROUP BY a, b',
      );
    return nested;
  }
  const keys = select.flatMap((item, k) => (isAggregateCall(item) ? [] : [k + 1]));
  const group = (m[at] as { token: Token }).token;
  const replacement = keys.length === 0 ? [] : spliced(`GROUP BY ${keys.join(', ')}`, group);
  const from = nested.indexOf(m[at]);
  const to = nested.indexOf(m[at + 2]);
  return [...nested.slice(0, from), ...replacement, ...nested.slice(to + 1)];
}

/** Every query level's `GROUP BY AUTO` as the ordinals it stands for (see the header). */
export function rewriteGroupByAuto(items: readonly Node[], report: Report): Node[] {
  return rewriteLevel(items, report);
}

/**
 * AUTO written as an identifier (`t(auto)`, `AS auto`, `GROUP BY auto` of such a column): Trino 476's parser reserves
 * it (SYNTAX_ERROR "mismatched input 'auto'. Expecting: <identifier>", asked of the shared Trino), where DuckDB reads a
 * column and answers (`SELECT count(*) … t(auto) GROUP BY auto` grouped by the column; Trino's GROUP BY AUTO would be
 * one global group). dt-sql-parser's grammar predates the word, so lint's syntax check accepts it. Only `GROUP BY AUTO`
 * passes; `"auto"` quoted is an identifier in both.
 */
export function refuseAutoIdentifiers(items: readonly Node[], report: Report): void {
  const m = meaningful(items);
  m.forEach((n, k) => {
    if (n.kind === 'group') return refuseAutoIdentifiers(n.items, report);
    if (n.token.kind !== 'word' || nodeKeyword(n) !== 'AUTO') return;
    if (nodeKeyword(m[k - 1]) === 'BY' && nodeKeyword(m[k - 2]) === 'GROUP') return;
    report(
      n.token,
      'syntax',
      `Athena fails with SYNTAX_ERROR: mismatched input '${n.token.text}' (AUTO is a reserved word there, only GROUP BY AUTO takes it), where the local engine would read an identifier`,
      'write the identifier in double quotes: "auto"',
    );
  });
}
