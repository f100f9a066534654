// codepoint(varchar(1)) is Trino's only signature: `codepoint(CAST('a' AS varchar))` fails there (FUNCTION_NOT_FOUND
// "Unexpected parameters (varchar) for function codepoint. Expected: codepoint(varchar(1))"), where the local engine,
// which has no varchar lengths, answered 97. An argument cast to a varchar of another length is refused at lint, and so
// is a column: its declared length is not known here, and a `varchar` (`string`) column fails in Trino 476 whatever
// its values (a column of VALUES of one-character literals is a varchar(1) and answers there: refused all the same).
import { keyword } from '../tokens.js';
import { isParen, meaningful, nodeKeyword, nodeText, splitArgs, type Node } from './tree.js';
import type { Report } from './within-group.js';

/** The type nodes of `CAST(x AS type)` / `TRY_CAST(x AS type)` when `nodes` is one; undefined otherwise. */
function castType(nodes: readonly Node[]): Node[] | undefined {
  const [name, args, ...rest] = meaningful(nodes);
  if (rest.length > 0 || !['CAST', 'TRY_CAST'].includes(nodeKeyword(name)) || !isParen(args) || args.kind !== 'group') return undefined;
  const inner = meaningful(args.items);
  const as = inner.map(nodeKeyword).lastIndexOf('AS');
  return as < 0 ? undefined : inner.slice(as + 1);
}

/** `c`, `t.c`, `"c"`: names joined by dots. */
function isColumnReference(nodes: readonly Node[]): boolean {
  const m = meaningful(nodes);
  return (
    m.length % 2 === 1 &&
    m.every(
      (n, k) =>
        n.kind === 'token' &&
        (k % 2 === 1 ? n.token.text === '.' : n.token.kind === 'quoted' || (n.token.kind === 'word' && !NOT_COLUMNS.has(keyword(n.token)))),
    )
  );
}
const NOT_COLUMNS = new Set(['NULL', 'TRUE', 'FALSE', 'CURRENT_USER']);

export function refuseCodepointOfVarchar(items: readonly Node[], report: Report): void {
  const m = meaningful(items);
  for (let i = 0; i < m.length; i++) {
    const node = m[i];
    if (node.kind === 'group') {
      refuseCodepointOfVarchar(node.items, report);
      continue;
    }
    const args = m[i + 1];
    if (nodeKeyword(node) !== 'CODEPOINT' || !isParen(args) || args.kind !== 'group') continue;
    const [arg, ...more] = splitArgs(args.items);
    if (arg && more.length === 0 && isColumnReference(arg)) {
      report(
        node.token,
        'codepoint-argument',
        'codepoint() of a column: Athena takes a varchar(1) only (a varchar column fails with FUNCTION_NOT_FOUND "Unexpected parameters (varchar) for function codepoint"), and the local engine does not know the column\'s length',
        'CAST the argument to varchar(1): codepoint(CAST(s AS varchar(1)))',
      );
      continue;
    }
    const type = arg && more.length === 0 ? castType(arg) : undefined;
    if (!type || nodeKeyword(type[0]) !== 'VARCHAR') continue;
    const length = type[1] && isParen(type[1]) && type[1].kind === 'group' ? meaningful(type[1].items).map(nodeText).join('') : undefined;
    if (length === '1') continue;
    report(
      node.token,
      'codepoint-argument',
      `Unexpected parameters (varchar${length ? `(${length})` : ''}) for function codepoint. Expected: codepoint(varchar(1)) (Athena fails with FUNCTION_NOT_FOUND)`,
      'CAST the argument to varchar(1): codepoint(CAST(s AS varchar(1)))',
    );
  }
}
