// `WINDOW w AS (v), v AS (ORDER BY x)`: a named window reads only the definitions before it in Trino 476
// (INVALID_WINDOW_REFERENCE "Cannot resolve WINDOW name v"); DuckDB resolved the later one and answered.
import { isParen, isTriviaNode, meaningful, type Node, nodeKeyword } from './tree.js';
import type { Report } from './within-group.js';

const nameOf = (n: Node | undefined): string | undefined =>
  n?.kind === 'token' && (n.token.kind === 'word' || n.token.kind === 'quoted') ? n.token.text.replace(/^"|"$/g, '').toLowerCase() : undefined;

export function refuseForwardWindowNames(items: readonly Node[], report: Report): void {
  const nodes = items.filter((n) => !isTriviaNode(n));
  for (const node of nodes) if (node.kind === 'group') refuseForwardWindowNames(node.items, report);
  const at = nodes.findIndex((n) => nodeKeyword(n) === 'WINDOW');
  if (at < 0) return;
  const defined = new Set<string>();
  const later = new Set<string>();
  // name AS (spec), name AS (spec), … : every name first, then each spec's leading name against the ones before it.
  for (let k = at + 1; k + 2 < nodes.length && nodeKeyword(nodes[k + 1]) === 'AS' && isParen(nodes[k + 2]); k += 4) {
    const name = nameOf(nodes[k]);
    if (name) later.add(name);
    const comma = nodes[k + 3];
    if (!(comma?.kind === 'token' && comma.token.text === ',')) break;
  }
  for (let k = at + 1; k + 2 < nodes.length && nodeKeyword(nodes[k + 1]) === 'AS' && isParen(nodes[k + 2]); k += 4) {
    const spec = nodes[k + 2];
    const base = isParen(spec) ? meaningful(spec.items)[0] : undefined;
    const baseName = nameOf(base);
    if (
      base?.kind === 'token' &&
      baseName &&
      !defined.has(baseName) &&
      later.has(baseName) &&
      !['PARTITION', 'ORDER', 'ROWS', 'RANGE', 'GROUPS'].includes(nodeKeyword(base))
    )
      report(
        base.token,
        'window-reference',
        `Athena fails with INVALID_WINDOW_REFERENCE: Cannot resolve WINDOW name ${base.token.text} (a named window reads only the definitions before it)`,
        'define the window it names first',
      );
    const name = nameOf(nodes[k]);
    if (name) defined.add(name);
    const comma = nodes[k + 3];
    if (!(comma?.kind === 'token' && comma.token.text === ',')) break;
  }
}
