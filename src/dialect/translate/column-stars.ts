// `r.*` where r names no relation of the statement, only a row column (`SELECT r.* FROM (SELECT CAST(ROW(1, 'a') AS
// ROW(x integer, y varchar)) r) t`, `SELECT x.* FROM (…) t(x)`): Trino 476 reads the qualifier of `q.*` as a relation
// and fails with TABLE_NOT_FOUND "Unable to resolve reference r"; DuckDB expands the struct column's fields and
// answered (1, 'a'). Found replaying Trino's TestSelectAll (docs/issue-15-audit.md "Trino's query tests replayed,
// fourth pass"). Refused at lint where the qualifier is a single name that no FROM clause of the star's level or of an
// enclosing level gives a relation (an alias, or a table's last name).
import { identifierName } from '../tokens.js';
import { relationNames } from './correlated-subqueries.js';
import { meaningful, nodeKeyword, type Node } from './tree.js';
import type { Report } from './within-group.js';

const isPunct = (n: Node | undefined, text: string) => n !== undefined && n.kind === 'token' && n.token.text === text;
const isName = (n: Node | undefined): n is Node & { kind: 'token' } =>
  n !== undefined && n.kind === 'token' && (n.token.kind === 'quoted' || n.token.kind === 'word');

/** A parenthesized query: its relations are its own level's, not the enclosing one's. */
function isQuery(node: Node): boolean {
  if (node.kind !== 'group' || node.open.text !== '(') return false;
  const first = meaningful(node.items)[0];
  return first !== undefined && (['SELECT', 'WITH', 'VALUES', 'TABLE'].includes(nodeKeyword(first)) || (meaningful(node.items).length === 1 && isQuery(first)));
}

/** A parenthesized join, `FROM (a JOIN b ON …)`: its items read as a FROM clause of their own. */
const joinedRelations = (node: Node): Node[] =>
  node.kind === 'group' && !isQuery(node) && meaningful(node.items).some((n) => nodeKeyword(n) === 'JOIN')
    ? [{ kind: 'token', token: { ...node.open, kind: 'word', text: 'FROM' } }, ...node.items]
    : [];

/**
 * The relation names one level shows: its FROM clauses' (relationNames over the level with its subqueries emptied,
 * so a parenthesized join's relations count and a subquery's do not) and the enclosing levels' (`outer`: a correlated
 * `(SELECT t.*)` reads the outer t in Trino). Each `q.*` of the level is checked against them.
 */
function checkLevel(items: readonly Node[], outer: ReadonlySet<string>, report: Report): void {
  const own = relationNames(items.map((n) => (isQuery(n) && n.kind === 'group' ? { ...n, items: [] } : n)));
  const addJoined = (nodes: readonly Node[]): void => {
    for (const n of nodes) {
      const joined = joinedRelations(n);
      if (joined.length === 0 || n.kind !== 'group') continue;
      relationNames(joined, own);
      addJoined(n.items);
    }
  };
  addJoined(items);
  const scope = new Set([...outer, ...own]);
  const m = meaningful(items);
  m.forEach((node, k) => {
    if (node.kind === 'group') return checkLevel(node.items, scope, report);
    if (!isName(node) || !isPunct(m[k + 1], '.') || !isPunct(m[k + 2], '*') || isPunct(m[k - 1], '.')) return;
    const name = identifierName(node.token).toLowerCase();
    if (scope.has(name)) return;
    report(
      node.token,
      'column-star',
      `Athena fails with TABLE_NOT_FOUND "Unable to resolve reference ${name}": the qualifier of ${name}.* names a relation of a FROM clause, and no relation is called ${name} here (a row column is; the local engine would expand its fields)`,
      `name the row's fields (${name}.f1, ${name}.f2), or qualify the star with the relation: t.*`,
    );
  });
}

export function refuseColumnStars(tree: readonly Node[], report: Report): void {
  checkLevel(tree, new Set(), report);
}
