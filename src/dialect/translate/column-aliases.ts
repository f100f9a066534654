// Column alias lists of the wrong width: Trino 476 fails with MISMATCHED_COLUMN_ALIASES ("Column alias list has 1
// entries but 't' has 2 columns available"; for a CTE "… but relation has 2 columns") whenever the list names more or
// fewer columns than its relation has. DuckDB renames only the first columns, and a CTE's list may even be longer.
// Refused at the alias list where the SQL text shows the width: VALUES rows, a select list without `*`, UNNEST's
// arguments (each gives at least one column: an array of rows gives its fields, a map two).
import { identifierName, type Token } from '../tokens.js';
import { isName, NOT_AN_ALIAS, queryColumns } from './select-names.js';
import { isParen, meaningful, nodeKeyword, splitArgs, type GroupNode, type Node } from './tree.js';
import type { Report } from './within-group.js';

/** The entries of a column alias list `(a, b)`, undefined when the group is not a list of names. */
function aliasEntries(list: Node | undefined): number | undefined {
  if (!isParen(list)) return undefined;
  const entries = splitArgs(list.items).map(meaningful);
  return entries.length > 0 && entries.every((e) => e.length === 1 && isName(e[0])) ? entries.length : undefined;
}

/** A one-dimensional array the SQL shows: `ARRAY[1, 2]`, `ARRAY['a']`, `sequence(…)` (no rows, no maps inside). */
function visiblyScalarArray(arg: readonly Node[]): boolean {
  const m = meaningful(arg);
  if (m.length !== 2) return false;
  if (nodeKeyword(m[0]) === 'SEQUENCE' && isParen(m[1])) return true;
  if (nodeKeyword(m[0]) !== 'ARRAY' || !isParen(m[1], '[')) return false;
  return splitArgs(m[1].items).every((e) => {
    const element = meaningful(e);
    return element.length === 1 && element[0].kind === 'token' && (element[0].token.kind === 'number' || element[0].token.kind === 'string');
  });
}

/** The alias `[AS] name (list)` after m[at]: its name token and list, if written. */
function aliasAfter(m: readonly Node[], at: number): { name: Token; list: GroupNode; entries: number } | undefined {
  const k = nodeKeyword(m[at]) === 'AS' ? at + 1 : at;
  const name = m[k];
  const list = m[k + 1];
  if (!isName(name) || NOT_AN_ALIAS.has(nodeKeyword(name)) || !isParen(list)) return undefined;
  const entries = aliasEntries(list);
  return entries === undefined ? undefined : { name: name.token, list, entries };
}

export function refuseMismatchedColumnAliases(items: readonly Node[], report: Report): void {
  const m = meaningful(items);
  const refuse = (list: GroupNode, trino: string) =>
    report(
      list.open,
      'column-alias-count',
      `Athena fails with MISMATCHED_COLUMN_ALIASES: ${trino}; the local engine would rename only the first columns`,
      'name every column of the relation in the alias list, no more',
    );
  for (let i = 0; i < m.length; i++) {
    const node = m[i];
    if (node.kind === 'group') refuseMismatchedColumnAliases(node.items, report);
    // WITH w (a, b) AS (query)
    const list = m[i + 1];
    const entries = aliasEntries(list);
    const before = m[i - 1];
    const startsCte = ['WITH', 'RECURSIVE'].includes(nodeKeyword(before)) || (before?.kind === 'token' && before.token.text === ',');
    if (startsCte && isName(node) && isParen(list) && entries !== undefined && nodeKeyword(m[i + 2]) === 'AS') {
      const columns = queryColumns(m[i + 3]);
      if (columns !== undefined && columns !== entries) refuse(list, `Column alias list has ${entries} entries but relation has ${columns} columns`);
      continue;
    }
    // (query) [AS] t (a, b)
    if (node.kind === 'group') {
      const alias = aliasAfter(m, i + 1);
      const columns = alias && queryColumns(node);
      if (alias && columns !== undefined && columns !== alias.entries)
        refuse(alias.list, `Column alias list has ${alias.entries} entries but '${identifierName(alias.name)}' has ${columns} columns available`);
      continue;
    }
    // UNNEST(a, …) [WITH ORDINALITY] [AS] t (x, …)
    const args = m[i + 1];
    if (nodeKeyword(node) !== 'UNNEST' || !isParen(args)) continue;
    const ordinality = nodeKeyword(m[i + 2]) === 'WITH' && nodeKeyword(m[i + 3]) === 'ORDINALITY';
    const alias = aliasAfter(m, ordinality ? i + 4 : i + 2);
    if (!alias) continue;
    const unnested = splitArgs(args.items);
    const least = unnested.length + (ordinality ? 1 : 0);
    const exact = unnested.every(visiblyScalarArray);
    if (alias.entries < least || (exact && alias.entries > least))
      refuse(
        alias.list,
        `Column alias list has ${alias.entries} entries but '${identifierName(alias.name)}' has ${exact ? least : `at least ${least}`} columns available`,
      );
  }
}
