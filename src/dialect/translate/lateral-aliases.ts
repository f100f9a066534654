// Output column aliases outside ORDER BY. DuckDB resolves a name that is no input column as a select-list alias
// (`SELECT 1 AS a, a + 1`, `SELECT x AS a FROM t WHERE a > 0`, `GROUP BY a`); Trino resolves names in the select
// list, WHERE, GROUP BY and HAVING against the input columns only (COLUMN_NOT_FOUND: "Column 'a' cannot be
// resolved"), and an alias only in ORDER BY (https://trino.io/docs/current/sql/select.html). A bare name there that
// is also an alias of its select list is written qualified by the one FROM item (`t.a`), which DuckDB resolves as the
// input column or fails on; without a FROM there is no column to find, so it is refused. In a FROM of several items
// (joins), the reference is qualified by the one item whose written column list (`(VALUES …) s(a, b)`) has the name;
// otherwise which item has the column is not known here, so it is refused, unless the alias names its own column
// (`t.a AS a`: the input column exists, and DuckDB resolves it as Trino does).
import { TRINO_KEYWORDS } from '../../lint/trino-keywords.js';
import { identifierName, type Token } from '../tokens.js';
import { isParen, meaningful, nodeKeyword, splitArgs, type Node } from './tree.js';
import { levelColumns, relationNames } from './correlated-subqueries.js';
import { aliasOf, itemName } from './select-names.js';
import type { Report } from './within-group.js';

const CLAUSE_STARTS = new Set(['FROM', 'WHERE', 'GROUP', 'HAVING', 'WINDOW', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH']);
const BLOCK_ENDS = new Set(['UNION', 'INTERSECT', 'EXCEPT']);
/** Clauses whose names Trino resolves against the input columns. */
const INPUT_CLAUSES = new Set(['WHERE', 'GROUP', 'HAVING']);
const NOT_A_SINGLE_ITEM = new Set(['JOIN', 'CROSS', 'NATURAL', 'LATERAL', 'LEFT', 'RIGHT', 'FULL', 'INNER', 'TABLESAMPLE', 'WITH']);

const isName = (n: Node | undefined): n is { kind: 'token'; token: Token } =>
  n?.kind === 'token' && (n.token.kind === 'quoted' || (n.token.kind === 'word' && !TRINO_KEYWORDS.has(n.token.text.toUpperCase())));
const isSubquery = (items: readonly Node[]) => ['SELECT', 'WITH', 'VALUES'].includes(nodeKeyword(meaningful(items)[0]));
const punct = (n: Node | undefined, text: string) => n?.kind === 'token' && n.token.text === text;

/** The tree with alias references outside ORDER BY qualified by the FROM item, or reported when there is none. */
export function qualifyLateralAliases(items: readonly Node[], report: Report): Node[] {
  const out = items.map((n) => (n.kind === 'group' ? { ...n, items: qualifyLateralAliases(n.items, report) } : n));
  const m = meaningful(out);
  m.forEach((node, k) => {
    if (nodeKeyword(node) !== 'SELECT') return;
    let end = k + 1;
    while (end < m.length && !BLOCK_ENDS.has(nodeKeyword(m[end])) && !punct(m[end], ';')) end++;
    qualifyBlock(out, m.slice(k + 1, end), report);
  });
  if (!m.some((n) => BLOCK_ENDS.has(nodeKeyword(n)))) {
    const select = m.findIndex((n) => nodeKeyword(n) === 'SELECT');
    if (select >= 0) {
      expandOrderByAliases(out, m.slice(select + 1));
    }
  }
  return out;
}

/**
 * ORDER BY resolves a name as an output column first in Trino (`SELECT -x AS x … ORDER BY x + 0` sorts by -x), as an
 * input column first in DuckDB inside an expression (a bare `ORDER BY x` takes the alias in both). A bare name of an
 * output alias inside an ORDER BY expression becomes the aliased expression, parenthesized. A set operation's ORDER BY
 * names its output columns only, and is left alone.
 */
function expandOrderByAliases(items: Node[], block: readonly Node[]): void {
  const order = block.findIndex((n, k) => nodeKeyword(n) === 'ORDER' && nodeKeyword(block[k + 1]) === 'BY');
  if (order < 0) return;
  const listEnd = block.findIndex((n) => CLAUSE_STARTS.has(nodeKeyword(n)) && nodeKeyword(n) !== 'SELECT');
  const first = ['DISTINCT', 'ALL'].includes(nodeKeyword(block[0])) ? 1 : 0;
  const selectItems = splitArgs(block.slice(first, listEnd < 0 ? block.length : listEnd));
  const expressions = new Map<string, Node[]>();
  for (const item of selectItems) {
    const m = meaningful(item);
    if (nodeKeyword(m[m.length - 2]) !== 'AS' || !isName(m[m.length - 1]) || selfNamedAlias(item).length > 0) continue;
    expressions.set(identifierName(firstTokenOf(m[m.length - 1])), m.slice(0, -2));
  }
  // A name two items give is ambiguous in Trino's ORDER BY (AMBIGUOUS_NAME, distinct-order.ts refuses it): left as written.
  const outputNames = selectItems.map((item) => itemName(meaningful(item))?.toLowerCase());
  for (const name of outputNames) if (name !== undefined && outputNames.indexOf(name) !== outputNames.lastIndexOf(name)) expressions.delete(name);
  if (expressions.size === 0) return;
  let end = order + 2;
  while (end < block.length && !['LIMIT', 'OFFSET', 'FETCH'].includes(nodeKeyword(block[end]))) end++;
  for (const element of splitArgs(block.slice(order + 2, end))) {
    const expression = meaningful(element).filter((n) => !['ASC', 'DESC', 'NULLS', 'FIRST', 'LAST'].includes(nodeKeyword(n)));
    if (expression.length <= 1) continue;
    for (const ref of aliasReferences(expression, new Set(expressions.keys()))) {
      const aliased = expressions.get(identifierName(ref.token));
      if (aliased)
        replaceToken(items, ref.token, {
          kind: 'group',
          open: { ...ref.token, kind: 'punct', text: '(' },
          close: { ...ref.token, kind: 'punct', text: ')' },
          items: aliased,
        });
    }
  }
}

/** Replaces the node of `token`, wherever it lies under `items`. */
function replaceToken(items: Node[], token: Token, by: Node): boolean {
  for (let i = 0; i < items.length; i++) {
    const node = items[i];
    if (node.kind === 'group' ? replaceToken(node.items, token, by) : node.token === token) {
      if (node.kind === 'token') items[i] = by;
      return true;
    }
  }
  return false;
}

/** One SELECT block (its meaningful nodes after SELECT): rewrites `items`, the level it lies in, in place. */
function qualifyBlock(items: Node[], block: readonly Node[], report: Report): void {
  const clauses = new Map<string, Node[]>();
  let current = 'SELECT';
  clauses.set(current, []);
  for (const node of block) {
    const word = nodeKeyword(node);
    if (CLAUSE_STARTS.has(word) && !clauses.has(word)) clauses.set((current = word), []);
    else clauses.get(current)!.push(node);
  }
  const selectItems = splitArgs(clauses.get('SELECT')!);
  // `x AS a` and `x a` alike (`count(*) c … HAVING c > 1` was resolved as the alias).
  const aliasTokens = selectItems.flatMap((item) => {
    const alias = aliasOf(meaningful(item));
    return alias && isName({ kind: 'token', token: alias }) ? [alias] : [];
  });
  const aliases = new Set(aliasTokens.map(identifierName));
  if (aliases.size === 0) return;
  const from = clauses.get('FROM');
  const single = from ? fromItemName(from) : undefined;
  // A single item that cannot be named (a subquery without an alias) is left as written.
  if (from && !single && !severalItems(from)) return;
  const references = [...clauses.get('SELECT')!, ...[...INPUT_CLAUSES].flatMap((c) => clauses.get(c) ?? [])];
  const ownColumns = new Set(selectItems.flatMap(selfNamedAlias));
  const fromAt = block.findIndex((n, k) => nodeKeyword(n) === 'FROM' && nodeKeyword(block[k - 1]) !== 'DISTINCT');
  // The columns the FROM shows (none without one; undefined when a relation does not show them).
  const fromColumns = from ? levelColumns(block.slice(fromAt)).all : new Set<string>();
  const nested = nestedAliasReferences(references, aliases);
  for (const ref of [...aliasReferences(references, aliases), ...nested]) {
    if (aliasTokens.includes(ref.token)) continue;
    const name = identifierName(ref.token);
    if (ref.between && fromColumns && !fromColumns.has(name.toLowerCase())) {
      report(
        ref.token,
        'lateral-alias',
        `${ref.token.text} inside a subquery names an output column alias of an enclosing SELECT, which Athena does not resolve (COLUMN_NOT_FOUND: Column '${name}' cannot be resolved); the local engine would read the alias`,
        'repeat the expression, or compute it in a subquery and select from that',
      );
      continue;
    }
    const candidate = single ?? (from ? listedColumnOwner(from, name) : undefined);
    // A relation in between of the qualifier's name would take `q.a` for its own.
    const qualifier = candidate && ref.between?.has(identifierName(candidate).toLowerCase()) ? undefined : candidate;
    if (qualifier) qualify(items, ref, qualifier);
    else if (!from)
      report(
        ref.token,
        'lateral-alias',
        `${ref.token.text} is an output column alias, which Athena does not resolve outside ORDER BY (COLUMN_NOT_FOUND: Column '${name}' cannot be resolved)`,
        'repeat the expression, or compute it in a subquery and select from that',
      );
    else if (!ownColumns.has(name))
      report(
        ref.token,
        'lateral-alias',
        `${ref.token.text} is also an output column alias: Athena resolves it as an input column only (COLUMN_NOT_FOUND when no joined item has one), the local engine would take the alias, and which joined item has the column is not known here`,
        'qualify it by its table (s.a), or repeat the expression',
      );
  }
}

/** `t.a AS a` or `a AS a`: an alias naming its own column, which is then an input column. */
function selfNamedAlias(item: readonly Node[]): string[] {
  const m = meaningful(item);
  if (nodeKeyword(m[m.length - 2]) !== 'AS' || !isName(m[m.length - 1])) return [];
  const expression = m.slice(0, -2);
  const chain = expression.length % 2 === 1 && expression.every((n, k) => (k % 2 === 0 ? isName(n) : punct(n, '.')));
  const alias = identifierName(firstTokenOf(m[m.length - 1]));
  const column = expression[expression.length - 1];
  return chain && isName(column) && identifierName(column.token) === alias ? [alias] : [];
}

/** The item of a FROM of several items whose written column list (`… AS s (a, b)`) holds `name`, if exactly one. */
function listedColumnOwner(from: readonly Node[], name: string): Token | undefined {
  const owners = from.flatMap((node, k) => {
    const [before, list] = [from[k - 1], from[k + 1]];
    if (!isName(node) || list?.kind !== 'group' || !isParen(list) || !(nodeKeyword(before) === 'AS' || isParen(before))) return [];
    const columns = splitArgs(list.items).map((c) => meaningful(c));
    return columns.some((c) => c.length === 1 && isName(c[0]) && identifierName(c[0].token) === name) ? [node.token] : [];
  });
  return owners.length === 1 ? owners[0] : undefined;
}

const firstTokenOf = (n: Node): Token => (n.kind === 'token' ? n.token : n.open);

const severalItems = (from: readonly Node[]) => from.some((n) => punct(n, ',') || NOT_A_SINGLE_ITEM.has(nodeKeyword(n)));

/** The name that qualifies a column of the one FROM item: `t`, `db.t`, `t AS x`, `(…) x (cols)`, `UNNEST(…) AS x`. */
function fromItemName(from: readonly Node[]): Token | undefined {
  if (severalItems(from)) return undefined;
  let k = 0;
  if (nodeKeyword(from[0]) === 'UNNEST' && isParen(from[1])) k = 2;
  else if (isParen(from[0])) k = 1;
  else {
    while (isName(from[k]) && punct(from[k + 1], '.')) k += 2;
    if (!isName(from[k])) return undefined;
    k++;
  }
  if (nodeKeyword(from[k]) === 'AS') k++;
  const alias = from[k];
  if (isName(alias) && (k + 1 === from.length || (k + 2 === from.length && isParen(from[k + 1])))) return alias.token;
  // No alias: the table's own name (a subquery or UNNEST without one cannot be named).
  return k === from.length && k > 0 && isName(from[k - 1]) && nodeKeyword(from[0]) !== 'UNNEST' && !isParen(from[0]) ? firstTokenOf(from[k - 1]) : undefined;
}

interface Reference {
  token: Token;
  /** For a name inside a subquery: the relation names of the levels in between (which a qualifier must not be). */
  between?: ReadonlySet<string>;
}

/**
 * Bare names of `aliases` inside the subqueries in `nodes` (at any depth: scalar, IN, EXISTS, VALUES, a set
 * operation's branches) that no level in between resolves: each level shows its columns (VALUES, an alias list, a
 * select list; none without FROM) and none has the name, and no level has a select alias of that name (its own
 * qualifyBlock handles those). A level over a table or a `*` stops the walk (the name may be its column).
 */
function nestedAliasReferences(nodes: readonly Node[], aliases: ReadonlySet<string>, between: ReadonlySet<string> = new Set()): Reference[] {
  return meaningful(nodes).flatMap((node): Reference[] => {
    if (node.kind !== 'group' || node.items.some((n) => punct(n, '->'))) return [];
    if (!isSubquery(node.items) && !isParenthesizedQuery(node.items)) return nestedAliasReferences(node.items, aliases, between);
    return branchesOf(node.items).flatMap((branch) => {
      const m = meaningful(branch);
      const first = nodeKeyword(m[0]);
      if (first === 'WITH') return [];
      if (first !== 'SELECT' && first !== 'VALUES') return nestedAliasReferences(branch, aliases, between);
      const fromAt = m.findIndex((n, k) => nodeKeyword(n) === 'FROM' && nodeKeyword(m[k - 1]) !== 'DISTINCT');
      const columns = fromAt < 0 ? new Set<string>() : levelColumns(branch).all;
      if (!columns) return [];
      const clauses = levelClauses(m);
      const own = new Set(
        splitArgs(first === 'VALUES' ? [] : (clauses.get('SELECT') ?? [])).flatMap((item) => {
          const alias = aliasOf(meaningful(item));
          return alias ? [identifierName(alias)] : [];
        }),
      );
      const open = new Set([...aliases].filter((a) => !columns.has(a.toLowerCase()) && !own.has(a)));
      if (open.size === 0) return [];
      const names = relationNames(branch, new Set(between));
      const here = first === 'VALUES' ? m.slice(1) : [...(clauses.get('SELECT') ?? []), ...[...INPUT_CLAUSES].flatMap((c) => clauses.get(c) ?? [])];
      return [...aliasReferences(here, open).map((r) => ({ ...r, between: names })), ...nestedAliasReferences(here, open, names)];
    });
  });
}

const isParenthesizedQuery = (items: readonly Node[]): boolean => {
  const first = meaningful(items)[0];
  return first?.kind === 'group' && (isSubquery(first.items) || isParenthesizedQuery(first.items));
};

/** A query's set-operation branches (the query itself when it has none). */
function branchesOf(items: readonly Node[]): Node[][] {
  const branches: Node[][] = [[]];
  for (const node of items) {
    if (BLOCK_ENDS.has(nodeKeyword(node))) branches.push([]);
    else branches[branches.length - 1].push(node);
  }
  return branches.map((b) => (['ALL', 'DISTINCT'].includes(nodeKeyword(meaningful(b)[0])) ? b.slice(b.indexOf(meaningful(b)[0]) + 1) : b));
}

/** The clauses of one SELECT level (its meaningful nodes), by their first word. */
function levelClauses(m: readonly Node[]): Map<string, Node[]> {
  const clauses = new Map<string, Node[]>();
  let current = 'SELECT';
  clauses.set(current, []);
  for (const node of m.slice(1)) {
    const word = nodeKeyword(node);
    if (CLAUSE_STARTS.has(word) && !clauses.has(word)) clauses.set((current = word), []);
    else clauses.get(current)!.push(node);
  }
  return clauses;
}

/** Bare names in `nodes` that are one of `aliases`: not qualified, not a call, not a field, outside subqueries and lambdas. */
function aliasReferences(nodes: readonly Node[], aliases: ReadonlySet<string>): Reference[] {
  const m = meaningful(nodes);
  return m.flatMap((node, k): Reference[] => {
    if (node.kind === 'group') {
      if (isSubquery(node.items) || node.items.some((n) => punct(n, '->'))) return [];
      // CAST(x AS ROW(k integer, v varchar)): the type's field names are no references.
      const cast = node.items.findIndex((n) => nodeKeyword(n) === 'AS');
      // OVER (w ORDER BY …): w names a window of the WINDOW clause, not a column.
      const window = nodeKeyword(m[k - 1]) === 'OVER' && isName(meaningful(node.items)[0]) ? [meaningful(node.items)[0]] : [];
      const inner = (cast < 0 ? node.items : node.items.slice(0, cast)).filter((n) => !window.includes(n));
      return aliasReferences(inner, aliases);
    }
    if (!isName(node) || !aliases.has(identifierName(node.token))) return [];
    const [before, after] = [m[k - 1], m[k + 1]];
    // OVER w: a window name (`sum(i) OVER v AS v … WINDOW v AS (…)` was qualified into `OVER t.v`).
    if (punct(before, '.') || ['AS', 'OVER'].includes(nodeKeyword(before)) || punct(after, '.') || isParen(after) || punct(after, '->')) return [];
    return [{ token: node.token }];
  });
}

/** Puts `qualifier.` before the reference's token, wherever it lies under `items`. */
function qualify(items: Node[], ref: Reference, qualifier: Token): boolean {
  for (let i = 0; i < items.length; i++) {
    const node = items[i];
    if (node.kind === 'group') {
      if (qualify(node.items, ref, qualifier)) return true;
      continue;
    }
    if (node.token !== ref.token) continue;
    const at = { start: ref.token.start, line: ref.token.line, col: ref.token.col };
    items.splice(i, 0, { kind: 'token', token: { ...qualifier, ...at } }, { kind: 'token', token: { kind: 'punct', text: '.', ...at } });
    return true;
  }
  return false;
}
