// Named windows (`WINDOW w AS (…)`) that another window builds on, as Trino 476 reads them:
// - `WINDOW v AS (ORDER BY x), w AS (v)` then `OVER (w)` or `OVER (w GROUPS 1 PRECEDING)`: w takes v's PARTITION BY and
//   ORDER BY; DuckDB dropped them when the reference to w is in parentheses (sum over the whole partition: 6, 6, 6 where
//   Trino gives 1, 3, 6). Each definition that names an earlier one is written out with that one's clauses.
// - `OVER (w GROUPS 1 PRECEDING)` (or RANGE) where w, and what it names, has no ORDER BY: Trino fails with
//   MISSING_ORDER_BY; DuckDB framed the whole partition (refused at lint).
// - `OVER (w PARTITION BY x)`, `WINDOW w AS (v PARTITION BY x)`: Trino fails with INVALID_PARTITION_BY; DuckDB answered
//   (refused at lint).
import { identifierName } from '../tokens.js';
import { holdsWord, isParen, meaningful, type GroupNode, type Node, nodeKeyword } from './tree.js';
import type { Report } from './within-group.js';

const SPEC_WORDS = new Set(['PARTITION', 'ORDER', 'ROWS', 'RANGE', 'GROUPS']);
const QUERY_WORDS = new Set(['SELECT', 'WITH', 'VALUES', 'TABLE']);
const WINDOW_WORD: ReadonlySet<string> = new Set(['WINDOW']);
const WINDOW_WORDS: ReadonlySet<string> = new Set(['WINDOW', 'OVER']);

/** The name a window specification starts with (`w` of `(w ORDER BY …)`), if any. */
function specName(spec: GroupNode): string | undefined {
  const first = meaningful(spec.items)[0];
  if (first?.kind !== 'token' || (first.token.kind !== 'word' && first.token.kind !== 'quoted') || SPEC_WORDS.has(nodeKeyword(first))) return undefined;
  return identifierName(first.token);
}

/** The WINDOW clause's definitions directly in `items`: name, specification, in order. */
function windowDefinitions(items: readonly Node[]): { name: string; spec: GroupNode }[] {
  const nodes = meaningful(items);
  const at = nodes.findIndex((n) => nodeKeyword(n) === 'WINDOW');
  const found: { name: string; spec: GroupNode }[] = [];
  if (at < 0) return found;
  for (let k = at + 1; k + 2 < nodes.length && nodeKeyword(nodes[k + 1]) === 'AS' && isParen(nodes[k + 2]); k += 4) {
    const name = nodes[k];
    const spec = nodes[k + 2];
    if (name.kind === 'token' && isParen(spec)) found.push({ name: identifierName(name.token), spec });
    const comma = nodes[k + 3];
    if (!(comma?.kind === 'token' && comma.token.text === ',')) break;
  }
  return found;
}

const isQuery = (n: GroupNode) => QUERY_WORDS.has(nodeKeyword(meaningful(n.items)[0]));

/** `items` with each named window that starts with an earlier window's name written out with that window's clauses. */
export function inlineWindowChains(items: readonly Node[]): Node[] {
  // Only a WINDOW clause defines windows (issue 18: without one the walk copied every group).
  if (!holdsWord(items, WINDOW_WORD)) return [...items];
  const definitions = windowDefinitions(items);
  const resolved = new Map<string, Node[]>();
  const replaced = new Map<GroupNode, GroupNode>();
  for (const { name, spec } of definitions) {
    const base = specName(spec);
    const inherited = base === undefined ? undefined : resolved.get(base);
    if (inherited === undefined) {
      resolved.set(name, spec.items);
      continue;
    }
    const first = spec.items.indexOf(meaningful(spec.items)[0]);
    const written: Node[] = [...inherited, { kind: 'token', token: { ...spec.open, kind: 'ws', text: ' ' } }, ...spec.items.slice(first + 1)];
    resolved.set(name, written);
    replaced.set(spec, { ...spec, items: written });
  }
  return items.map((node) => {
    if (node.kind !== 'group') return node;
    const own = replaced.get(node) ?? node;
    return { ...own, items: inlineWindowChains(own.items) };
  });
}

/** Refused at lint: named-window references Trino 476 fails on (MISSING_ORDER_BY, INVALID_PARTITION_BY). */
export function refuseNamedWindowFrames(items: readonly Node[], report: Report): void {
  // Its checks read a WINDOW clause's definitions and OVER (…) specifications only.
  if (!holdsWord(items, WINDOW_WORDS)) return;
  refuseInQuery(items, report);
  const walk = (nodes: readonly Node[]) => {
    for (const node of nodes)
      if (node.kind === 'group') {
        if (isQuery(node)) refuseInQuery(node.items, report);
        walk(node.items);
      }
  };
  walk(items);
}

/** The named-window references of one query (its own WINDOW clause and OVER clauses). */
function refuseInQuery(items: readonly Node[], report: Report): void {
  const definitions = windowDefinitions(items);
  const byName = new Map(definitions.map((d) => [d.name, d.spec] as const));
  const ordered = (spec: GroupNode, depth = 0): boolean => {
    if (meaningful(spec.items).some((n) => nodeKeyword(n) === 'ORDER')) return true;
    const base = specName(spec);
    const named = base === undefined ? undefined : byName.get(base);
    return named !== undefined && depth < 20 && ordered(named, depth + 1);
  };
  const check = (spec: GroupNode) => {
    const base = specName(spec);
    if (base === undefined) return;
    const m = meaningful(spec.items);
    const partition = m.find((n) => nodeKeyword(n) === 'PARTITION');
    if (partition?.kind === 'token')
      report(
        partition.token,
        'window-partition-by',
        'Athena fails with INVALID_PARTITION_BY: WINDOW specification with named WINDOW reference cannot specify PARTITION BY (the local engine would partition by it)',
        `put the PARTITION BY in the named window ${base}, or write the window out without naming ${base}`,
      );
    const frameAt = m.findIndex((n) => nodeKeyword(n) === 'GROUPS' || nodeKeyword(n) === 'RANGE');
    const frame = m[frameAt];
    if (frame?.kind !== 'token' || !byName.has(base) || ordered(spec)) return;
    const bounds = m.slice(frameAt);
    if (!bounds.some((n, k) => ['PRECEDING', 'FOLLOWING'].includes(nodeKeyword(n)) && nodeKeyword(bounds[k - 1]) !== 'UNBOUNDED')) return;
    report(
      frame.token,
      'missing-order-by',
      `Athena fails with MISSING_ORDER_BY: Window frame of type ${nodeKeyword(frame)} PRECEDING or FOLLOWING requires ORDER BY (the named window ${base} has none; the local engine would frame the whole partition)`,
      `add an ORDER BY to the window ${base}`,
    );
  };
  for (const { spec } of definitions) check(spec);
  // Every OVER (…) of this query (not of its subqueries, which have WINDOW clauses of their own).
  const visit = (nodes: readonly Node[]) => {
    const m = meaningful(nodes);
    m.forEach((n, k) => {
      if (nodeKeyword(n) === 'OVER' && isParen(m[k + 1])) check(m[k + 1] as GroupNode);
      if (n.kind === 'group' && !isQuery(n)) visit(n.items);
    });
  };
  visit(items);
}
