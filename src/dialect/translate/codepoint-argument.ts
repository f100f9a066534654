// codepoint(varchar(1)) is Trino's only signature: `codepoint(CAST('a' AS varchar))` fails there (FUNCTION_NOT_FOUND
// "Unexpected parameters (varchar) for function codepoint. Expected: codepoint(varchar(1))"), where the local engine,
// which has no varchar lengths, answered 97. Trino carries a text's length through lower, upper, reverse, trim and
// substr (`codepoint(substr('abc', 1, 1))` is varchar(3) there and fails; locally 97). So the argument is refused at
// lint unless its length is visibly 1: a literal (one of another length fails locally too), NULL, chr(), a CAST to
// varchar(1), or one of those through a length-keeping function. A column is refused: its declared length is not known
// here, and a `varchar` (`string`) column fails in Trino 476 whatever its values (a column of VALUES of one-character
// literals is a varchar(1) and answers there: refused all the same), and so is any other expression.
import { keyword, stringValue } from '../tokens.js';
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

/** Functions whose result is Trino's varchar(n) of their first argument's varchar(n). */
const LENGTH_KEEPING = new Set(['LOWER', 'UPPER', 'REVERSE', 'TRIM', 'LTRIM', 'RTRIM', 'SUBSTR', 'SUBSTRING']);

/**
 * The varchar length Trino 476 types `nodes` with, when the text shows it: 'literal' for a string literal or NULL (the
 * local engine fails as Trino does, or answers NULL), n for varchar(n), 'unbounded' for a CAST to varchar, undefined
 * when the text does not show it (a column, any other expression).
 */
function visibleLength(nodes: readonly Node[]): number | 'literal' | 'unbounded' | undefined {
  const m = meaningful(nodes);
  const [first, second] = m;
  if (m.length === 1 && first.kind === 'token' && (first.token.kind === 'string' || keyword(first.token) === 'NULL')) return 'literal';
  const type = castType(nodes);
  if (type) {
    if (nodeKeyword(type[0]) !== 'VARCHAR') return undefined;
    const length = type[1] && isParen(type[1]) && type[1].kind === 'group' ? Number(meaningful(type[1].items).map(nodeText).join('')) : undefined;
    return length ?? 'unbounded';
  }
  if (m.length !== 2 || !isParen(second) || second.kind !== 'group') return undefined;
  const name = nodeKeyword(first);
  if (name === 'CHR') return 1;
  const [arg] = splitArgs(second.items);
  if (!LENGTH_KEEPING.has(name) || !arg) return undefined;
  const inner = visibleLength(arg);
  // A literal keeps its own length through these (lower('A') is varchar(1)).
  if (inner !== 'literal') return inner;
  const literal = meaningful(arg)[0];
  return literal.kind === 'token' && literal.token.kind === 'string' ? [...stringValue(literal.token)].length : 'literal';
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
    if (!arg || more.length > 0) continue;
    if (isColumnReference(arg)) {
      report(
        node.token,
        'codepoint-argument',
        'codepoint() of a column: Athena takes a varchar(1) only (a varchar column fails with FUNCTION_NOT_FOUND "Unexpected parameters (varchar) for function codepoint"), and the local engine does not know the column\'s length',
        'CAST the argument to varchar(1): codepoint(CAST(s AS varchar(1)))',
      );
      continue;
    }
    const length = visibleLength(arg);
    if (length === 'literal' || length === 1) continue;
    report(
      node.token,
      'codepoint-argument',
      length === undefined
        ? "codepoint() of an expression whose varchar length the local engine does not know: Athena takes a varchar(1) only and fails with FUNCTION_NOT_FOUND for another length (codepoint(substr('abc', 1, 1)) is a varchar(3) there)"
        : `Unexpected parameters (varchar${length === 'unbounded' ? '' : `(${length})`}) for function codepoint. Expected: codepoint(varchar(1)) (Athena fails with FUNCTION_NOT_FOUND)`,
      'CAST the argument to varchar(1): codepoint(CAST(s AS varchar(1)))',
    );
  }
}
