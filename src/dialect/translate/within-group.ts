// Trino's ordered-set syntax `listagg(x, sep) WITHIN GROUP (ORDER BY …)` → DuckDB's `listagg(x, sep ORDER BY …)`.
// Trino has WITHIN GROUP for listagg only (https://trino.io/docs/current/functions/aggregate.html#listagg):
// the separator defaults to '' (DuckDB's to ','), `ON OVERFLOW ERROR` is the default behaviour and
// `ON OVERFLOW TRUNCATE` has no DuckDB counterpart, so it is refused.
import type { Token } from '../tokens.js';
import { holdsWord, isParen, isTriviaNode, meaningful, nodeKeyword, splitArgs, type GroupNode, type Node } from './tree.js';

export type Report = (at: Token, rule: string, message: string, hint?: string) => void;

const nextMeaningful = (items: readonly Node[], i: number): number => {
  for (let k = i + 1; k < items.length; k++) if (!isTriviaNode(items[k])) return k;
  return -1;
};

const synthetic = (at: Token, kind: Token['kind'], text: string): Node => ({ kind: 'token', token: { ...at, kind, text } });

/** The call's arguments without `ON OVERFLOW ERROR`; undefined (after a report) for an overflow clause we cannot run. */
function withoutOverflowClause(call: GroupNode, report: Report): Node[] | undefined {
  const on = call.items.findIndex((n) => nodeKeyword(n) === 'ON' && nodeKeyword(call.items[nextMeaningful(call.items, call.items.indexOf(n))]) === 'OVERFLOW');
  if (on < 0) return call.items;
  const overflow = nextMeaningful(call.items, on);
  const behaviour = nextMeaningful(call.items, overflow);
  const rest = meaningful(call.items.slice(behaviour + 1));
  if (nodeKeyword(call.items[behaviour]) !== 'ERROR' || rest.length > 0) {
    const at = call.items[on];
    if (at.kind === 'token')
      report(
        at.token,
        'listagg-overflow',
        'listagg … ON OVERFLOW TRUNCATE is not supported locally',
        'drop the ON OVERFLOW clause (Trino fails past 1048576 bytes)',
      );
    return undefined;
  }
  return call.items.slice(0, on);
}

/** Rewrites every `name(…) WITHIN GROUP (ORDER BY …)` in `items`, recursively. */
const WITHIN: ReadonlySet<string> = new Set(['WITHIN']);

export function rewriteWithinGroup(items: readonly Node[], report: Report): Node[] {
  // Every rewrite and finding is at a WITHIN GROUP (issue 18: the walk copied every group of every statement).
  if (!holdsWord(items, WITHIN)) return [...items];
  const out: Node[] = [];
  for (let i = 0; i < items.length; i++) {
    const node = items[i];
    if (node.kind === 'group') {
      out.push({ ...node, items: rewriteWithinGroup(node.items, report) });
      continue;
    }
    const callAt = nextMeaningful(items, i);
    const withinAt = nextMeaningful(items, callAt);
    const groupAt = nextMeaningful(items, withinAt);
    const orderAt = nextMeaningful(items, groupAt);
    const call = items[callAt];
    const order = items[orderAt];
    const isOrdered =
      node.token.kind === 'word' &&
      isParen(call) &&
      nodeKeyword(items[withinAt]) === 'WITHIN' &&
      nodeKeyword(items[groupAt]) === 'GROUP' &&
      isParen(order) &&
      nodeKeyword(meaningful(order.items)[0]) === 'ORDER';
    if (!isOrdered) {
      out.push(node);
      continue;
    }
    const args = withoutOverflowClause(call, report);
    if (!args) {
      out.push(...items.slice(i, orderAt + 1));
      i = orderAt;
      continue;
    }
    const rewrittenArgs = rewriteWithinGroup(args, report);
    const separator = splitArgs(rewrittenArgs).length < 2 ? [synthetic(node.token, 'punct', ','), synthetic(node.token, 'string', "''")] : [];
    const orderBy = rewriteWithinGroup(order.items, report);
    out.push(...items.slice(i, callAt), { ...call, items: [...rewrittenArgs, ...separator, synthetic(node.token, 'ws', ' '), ...orderBy] });
    i = orderAt;
  }
  return out;
}
