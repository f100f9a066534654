// codepoint(varchar(1)) is Trino's only signature: `codepoint(CAST('a' AS varchar))` fails there (FUNCTION_NOT_FOUND
// "Unexpected parameters (varchar) for function codepoint. Expected: codepoint(varchar(1))"), where the local engine,
// which has no varchar lengths, answered 97. An argument cast to a varchar of another length is refused at lint; a
// column's declared length is not known here (its values of more than one character fail at run time).
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
