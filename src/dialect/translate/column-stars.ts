// `r.*` where r names no relation of the statement, only a row column (`SELECT r.* FROM (SELECT CAST(ROW(1, 'a') AS
// ROW(x integer, y varchar)) r) t`, `SELECT x.* FROM (…) t(x)`): Trino 476 reads the qualifier of `q.*` as a relation
// and fails with TABLE_NOT_FOUND "Unable to resolve reference r"; DuckDB expands the struct column's fields and
// answered (1, 'a'). Found replaying Trino's TestSelectAll (docs/issue-15-audit.md "Trino's query tests replayed,
// fourth pass"). Refused at lint where the qualifier is a single name that no FROM clause of the statement gives a
// relation (an alias, or a table's last name): a name some FROM clause gives is left alone, whichever level it is at.
import { identifierName, type Token } from '../tokens.js';
import { relationNames } from './correlated-subqueries.js';
import { meaningful, type Node } from './tree.js';
import type { Report } from './within-group.js';

const isPunct = (n: Node | undefined, text: string) => n !== undefined && n.kind === 'token' && n.token.text === text;
const isName = (n: Node | undefined): n is Node & { kind: 'token' } =>
  n !== undefined && n.kind === 'token' && (n.token.kind === 'quoted' || n.token.kind === 'word');

/** The `q` of every `q.*` (q a single name, not after a dot) at any depth. */
function starQualifiers(items: readonly Node[], into: Token[] = []): Token[] {
  const m = meaningful(items);
  m.forEach((node, k) => {
    if (node.kind === 'group') starQualifiers(node.items, into);
    else if (isName(node) && isPunct(m[k + 1], '.') && isPunct(m[k + 2], '*') && !isPunct(m[k - 1], '.')) into.push(node.token);
  });
  return into;
}

export function refuseColumnStars(tree: readonly Node[], report: Report): void {
  const qualifiers = starQualifiers(tree);
  if (qualifiers.length === 0) return;
  const relations = relationNames(tree);
  for (const at of qualifiers) {
    const name = identifierName(at).toLowerCase();
    if (relations.has(name)) continue;
    report(
      at,
      'column-star',
      `Athena fails with TABLE_NOT_FOUND "Unable to resolve reference ${name}": the qualifier of ${name}.* names a relation of a FROM clause, and no relation is called ${name} (a row column is; the local engine would expand its fields)`,
      `name the row's fields (${name}.f1, ${name}.f2), or qualify the star with the relation: t.*`,
    );
  }
}
