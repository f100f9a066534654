// Names a select list gives to values that may be NULL-typed (Trino's unknown): `SELECT NULL AS n`,
// `SELECT element_at(ARRAY[], x) AS n`, in a WITH query or a subquery. A call reading such a column
// (`upper(element_at(ARRAY[n], 0))`, `upper(n)` of a failing value) is folded into a NULL by DuckDB without evaluating
// the argument, which dropped its failure where Trino 476 fails ("SQL array indices start at 1");
// expressions.ts untypedArgumentsEvaluated evaluates the arguments that mention one of these names. Read from the
// written tree, by name: a column of another relation with the same name is checked too (a CASE DuckDB simplifies
// away where the column is typed; only binding time).
import { identifierName } from '../tokens.js';
import { MAY_BE_UNKNOWN } from './column-operands.js';
import { aliasOf, splitItems } from './select-names.js';
import { meaningful, nodeKeyword, nodeText, type Node } from './tree.js';

/** Keywords that end a select list at its own depth. */
const LIST_ENDS = new Set(['FROM', 'WHERE', 'GROUP', 'HAVING', 'WINDOW', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'UNION', 'INTERSECT', 'EXCEPT']);

/** The lower-cased aliases of select items, at any depth of `items`, whose written expression holds NULL, `[]` or `MAP()`. */
export function unknownSelectNames(items: readonly Node[]): Set<string> {
  const names = new Set<string>();
  const walk = (seq: readonly Node[]) => {
    const m = meaningful(seq);
    for (let i = 0; i < m.length; i++) {
      // A column alias list of a relation whose text holds a source of unknown: `(VALUES NULL) t(n)`,
      // `(SELECT NULL) AS t(n)`, and a WITH query's `v(n) AS (SELECT NULL)`: every name in it.
      const n = m[i];
      if (!isParenGroup(n) || !MAY_BE_UNKNOWN.test(nodeText(n))) continue;
      const after = nodeKeyword(m[i + 1]) === 'AS' ? i + 2 : i + 1;
      if (isName(m[after]) && isParenGroup(m[after + 1])) addNames(m[after + 1]);
      if (nodeKeyword(m[i - 1]) === 'AS' && isParenGroup(m[i - 2]) && isName(m[i - 3])) addNames(m[i - 2]);
    }
    for (let i = 0; i < seq.length; i++) {
      const n = seq[i];
      if (n.kind === 'group') walk(n.items);
      if (nodeKeyword(n) !== 'SELECT') continue;
      let end = i + 1;
      while (end < seq.length && !LIST_ENDS.has(nodeKeyword(seq[end]))) end++;
      for (const item of splitItems(seq.slice(i + 1, end)).items) {
        const m = meaningful(item);
        const alias = aliasOf(m);
        if (alias === undefined) continue;
        const expression = m.slice(0, nodeKeyword(m[m.length - 2]) === 'AS' ? -2 : -1);
        if (MAY_BE_UNKNOWN.test(expression.map(nodeText).join(' '))) names.add(identifierName(alias).toLowerCase());
      }
    }
  };
  const addNames = (list: Node) => {
    if (list.kind !== 'group') return;
    for (const t of meaningful(list.items)) if (isName(t) && t.kind === 'token') names.add(identifierName(t.token).toLowerCase());
  };
  walk(items);
  return names;
}

const isParenGroup = (n: Node | undefined): boolean => n?.kind === 'group' && n.open.text === '(';
const isName = (n: Node | undefined): boolean => n?.kind === 'token' && (n.token.kind === 'word' || n.token.kind === 'quoted');

/** Whether `nodes` name (at any depth) one of `names` (a word or a quoted name). */
export function mentionsName(nodes: readonly Node[], names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  return nodes.some((n) =>
    n.kind === 'group'
      ? mentionsName(n.items, names)
      : (n.token.kind === 'word' || n.token.kind === 'quoted') && names.has(identifierName(n.token).toLowerCase()),
  );
}
