// Column alias lists of the wrong width: Trino 476 fails with MISMATCHED_COLUMN_ALIASES ("Column alias list has 1
// entries but 't' has 2 columns available"; for a CTE "… but relation has 2 columns") whenever the list names more or
// fewer columns than its relation has. DuckDB renames only the first columns, and a CTE's list may even be longer.
// Refused at the alias list where the SQL text shows the width: VALUES rows, a select list without `*`, UNNEST's
// arguments (each gives at least one column: an array of rows gives its fields, a map two).
import { ALIASED_RELATION, REFUSED_KEY_MARKER } from '../shims/error-messages.js';
import { identifierName, type Token } from '../tokens.js';
import { isName, NOT_AN_ALIAS, queryColumns } from './select-names.js';
import { isParen, isTriviaNode, meaningful, nodeKeyword, nodeText, splitArgs, type GroupNode, type Node } from './tree.js';
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

/**
 * The width a later branch of a set operation shows, where the first hides it (`(SELECT * … UNION ALL SELECT n + 1, m
 * FROM r)`, a recursive CTE's step): every branch has the same width.
 */
function laterBranchColumns(group: Node | undefined): number | undefined {
  if (!isParen(group)) return undefined;
  const branches: Node[][] = [[]];
  for (const n of group.items) {
    if (['UNION', 'INTERSECT', 'EXCEPT'].includes(nodeKeyword(n))) branches.push([]);
    else if (!(branches[branches.length - 1].every(isTriviaNode) && ['ALL', 'DISTINCT'].includes(nodeKeyword(n)))) branches[branches.length - 1].push(n);
  }
  const asGroup = (items: Node[]): GroupNode => ({ ...group, items });
  return branches
    .slice(1)
    .map((b) => queryColumns(asGroup(b)))
    .find((c) => c !== undefined);
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
      const columns = queryColumns(m[i + 3]) ?? laterBranchColumns(m[i + 3]);
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

/** Words that end a FROM clause (or come before one starts). */
const FROM_ENDS = new Set([
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
  'SELECT',
  'SET',
  'VALUES',
]);
const REFUSAL_NAME = /^[a-z_][a-z0-9_]*$/;
const synthetic = (at: Token, kind: Token['kind'], text: string): Node => ({ kind: 'token', token: { ...at, kind, text } });

/**
 * The number of fields of the row `e`, from its type's text with quoted names (which may hold a comma or a
 * parenthesis) and the parenthesized parts of its fields' types left out.
 */
function rowWidth(e: string): string {
  const unquoted = `regexp_replace(typeof(${e}), '"(?:[^"]|"")*"', 'q', 'g')`;
  let fields = `regexp_replace(${unquoted}, '^STRUCT\\((.*)\\)$', '\\1')`;
  for (let depth = 0; depth < 8; depth++) fields = `regexp_replace(${fields}, '\\([^()]*\\)', '', 'g')`;
  return `len(string_split(${fields}, ','))`;
}

/**
 * `(SELECT * FROM <relation> AS name <list> WHERE <check>)`: the check compares the width of the row `name` (typeof,
 * folded while DuckDB binds, so over no rows too) with the list's entries and refuses in Trino's words
 * (error-messages.ts); DuckDB itself fails on a list longer than its relation.
 */
function checkedRelation(relation: readonly Node[], name: Token | undefined, list: GroupNode, entries: number): GroupNode {
  const at = list.open;
  const written = name && identifierName(name);
  const key = `${REFUSED_KEY_MARKER}aliases ${entries} ${written !== undefined && REFUSAL_NAME.test(written) ? written : 'relation'}`;
  // The inner alias carries the name for DuckDB's own error on a longer list (error-messages.ts words it as Trino's).
  const inner = written === undefined ? ALIASED_RELATION : `"${ALIASED_RELATION}_${written.replaceAll('"', '""')}"`;
  const check = `{'trino_v': true}[CASE WHEN ${rowWidth(inner)} <> ${entries} THEN '${key} ' || ${rowWidth(inner)} ELSE 'trino_v' END]`;
  const ws = synthetic(at, 'ws', ' ');
  const items: Node[] = [synthetic(at, 'word', 'SELECT'), ws, synthetic(at, 'op', '*'), ws, synthetic(at, 'word', 'FROM'), ws, ...relation, ws];
  items.push(synthetic(at, 'word', 'AS'), ws, synthetic(at, 'word', inner), list, ws, synthetic(at, 'word', 'WHERE'), ws, synthetic(at, 'word', check));
  return { kind: 'group', open: { ...at, kind: 'punct', text: '(' }, close: { ...at, kind: 'punct', text: ')' }, items };
}

function nextMeaningful(items: readonly Node[], i: number): number {
  let k = i + 1;
  while (k < items.length && isTriviaNode(items[k])) k++;
  return k;
}

/**
 * Subqueries and CTEs with a column alias list whose width the SQL does not show (`SELECT *`): the relation wrapped in
 * a query that checks it while DuckDB binds (checkedRelation); a LATERAL subquery too (its outer columns resolve through
 * the wrapping query). Recursive CTEs are left as written.
 */
export function checkHiddenAliasWidths(items: readonly Node[]): Node[] {
  const out: Node[] = [];
  const recursive = items.some((n) => nodeKeyword(n) === 'RECURSIVE');
  let previous: Node | undefined;
  let beforePrevious: Node | undefined;
  // Whether the FROM clause of this level's query goes on (its items after a comma are FROM items too).
  let inFrom = false;
  for (let i = 0; i < items.length; i++) {
    // Whitespace and comments start nothing below and are not `previous` (issue 18: the lookahead below ran for each).
    if (isTriviaNode(items[i])) {
      out.push(items[i]);
      continue;
    }
    const node = items[i].kind === 'group' ? { ...(items[i] as GroupNode), items: checkHiddenAliasWidths((items[i] as GroupNode).items) } : items[i];
    const listAt = nextMeaningful(items, i);
    const list = items[listAt];
    const asAt = nextMeaningful(items, listAt);
    const bodyAt = nextMeaningful(items, asAt);
    const startsCte = ['WITH', 'RECURSIVE'].includes(nodeKeyword(previous)) || (previous?.kind === 'token' && previous.token.text === ',');
    // WITH w (a, b) AS (SELECT * …)
    const entries = !recursive && startsCte && isName(node) && isParen(list) ? aliasEntries(list) : undefined;
    if (entries !== undefined && isParen(list) && nodeKeyword(items[asAt]) === 'AS') {
      const body = items[bodyAt];
      if (isParen(body) && queryColumns(body) === undefined && isQuery(body)) {
        // Trino names no CTE in its message ("… but relation has 2 columns").
        const checked = checkedRelation([{ ...body, items: checkHiddenAliasWidths(body.items) }], undefined, list, entries);
        out.push(node, ...items.slice(i + 1, listAt), ...items.slice(listAt + 1, bodyAt), checked);
        previous = body;
        i = bodyAt;
        continue;
      }
    }
    // (SELECT * …) [AS] t (a, b)
    const nameAt = nodeKeyword(items[listAt]) === 'AS' ? nextMeaningful(items, listAt) : listAt;
    const alias = items[nameAt];
    const aliasListAt = nextMeaningful(items, nameAt);
    const aliasList = items[aliasListAt];
    const aliasCount = node.kind === 'group' && isParen(aliasList) ? aliasEntries(aliasList) : undefined;
    if (
      node.kind === 'group' &&
      isQuery(node) &&
      isName(alias) &&
      !NOT_AN_ALIAS.has(nodeKeyword(alias)) &&
      isParen(aliasList) &&
      aliasCount !== undefined &&
      queryColumns(node) === undefined
    ) {
      out.push(
        checkedRelation([node], alias.token, aliasList, aliasCount),
        synthetic(alias.token, 'ws', ' '),
        synthetic(alias.token, 'word', 'AS'),
        synthetic(alias.token, 'ws', ' '),
        alias,
      );
      previous = aliasList;
      i = aliasListAt;
      continue;
    }
    // FROM db.tbl [AS] t (a, b), JOIN tbl …
    // `x IS [NOT] DISTINCT FROM y` is no FROM clause.
    const clauseFrom = (n: Node | undefined, before: Node | undefined) => nodeKeyword(n) === 'FROM' && nodeKeyword(before) !== 'DISTINCT';
    if (clauseFrom(node, previous)) inFrom = true;
    else if (FROM_ENDS.has(nodeKeyword(node))) inFrom = false;
    const fromItem =
      clauseFrom(previous, beforePrevious) || nodeKeyword(previous) === 'JOIN' || (inFrom && previous?.kind === 'token' && previous.token.text === ',');
    const table = fromItem && isName(node) ? tableAlias(items, i) : undefined;
    if (table) {
      const { end, alias: name, listAt: at, entries: count } = table;
      const relation = items.slice(i, end + 1);
      out.push(
        checkedRelation(relation, name.token, items[at] as GroupNode, count),
        synthetic(name.token, 'ws', ' '),
        synthetic(name.token, 'word', 'AS'),
        synthetic(name.token, 'ws', ' '),
        name,
      );
      previous = items[at];
      i = at;
      continue;
    }
    out.push(node);
    if (!isTriviaNode(node)) [beforePrevious, previous] = [previous, node];
  }
  return out;
}

/** A parenthesized query: `(SELECT …)`, `(WITH …)`, `((SELECT …) UNION …)`, `(TABLE t)`. */
function isQuery(group: GroupNode): boolean {
  const first = meaningful(group.items)[0];
  return ['SELECT', 'WITH', 'TABLE', 'VALUES'].includes(nodeKeyword(first)) || (isParen(first) && isQuery(first));
}

/** `db.tbl [AS] t (a, b)` from items[i]: where the (qualified) table name ends, its alias and the list's position. */
function tableAlias(items: readonly Node[], i: number): { end: number; alias: Node & { kind: 'token' }; listAt: number; entries: number } | undefined {
  let end = i;
  while (nodeText(items[nextMeaningful(items, end)] ?? items[end]) === '.') {
    const part = nextMeaningful(items, nextMeaningful(items, end));
    if (!isName(items[part])) return undefined;
    end = part;
  }
  const after = nextMeaningful(items, end);
  const aliasAt = nodeKeyword(items[after]) === 'AS' ? nextMeaningful(items, after) : after;
  const alias = items[aliasAt];
  const listAt = nextMeaningful(items, aliasAt);
  const entries = aliasEntries(items[listAt]);
  if (!isName(alias) || NOT_AN_ALIAS.has(nodeKeyword(alias)) || entries === undefined) return undefined;
  return { end, alias, listAt, entries };
}
