// min() and max() of zoned timestamps: Trino orders `timestamp with time zone` values by instant and keeps, of equal
// instants in other zones, the first one it meets (Trino 476: max of 01:00 +01:00 and 00:00 UTC, in that order, is
// 01:00 +01:00); the local struct orders equal instants by zone name. Where the extreme instant comes in one zone the
// answers are the same; otherwise the query is refused while it runs:
// `CASE WHEN trino_ties_apart(max(trino_tie_up(x)), min(trino_tie_down(x))) THEN max(x) END`, the two aggregates giving
// the largest and the smallest zone name among the rows of the extreme instant (NULL for other types).
//
// max(x, n) and min(x, n) list the n extreme values in order, equal instants in the order Trino meets them (Trino 476:
// min(t, 3) of 00:00 UTC, 01:00 +01:00, … begins 00:00 UTC; locally the zone name orders them): refused while running
// where an instant of the input comes in two zones, `CASE WHEN trino_zoned_ties_apart_n(list(x)) THEN max(x, n) END`.
//
// Added only to statements that may make zoned values in other zones than UTC (makesZonedValues, as zoned-groups.ts).
import type { Token } from '../tokens.js';
import { isParen, meaningful, nodeKeyword, nodeText, splitArgs, type Node } from './tree.js';
import { hasAggregate } from './unbound.js';
import { plainOrderedValue } from './nan-calls.js';
import { makesZonedValues, translated } from './zoned-groups.js';

/** The zone-name aggregates of the extreme instant, for max and for min: [smallest zone, largest zone]. */
const TIES: Record<string, [string, string]> = {
  MAX: ['min(trino_tie_down', 'max(trino_tie_up'],
  MIN: ['min(trino_tie_up', 'max(trino_tie_down'],
};

/**
 * The call in parentheses of its own: after translated text a name is not in a call's position (call-position.ts), so
 * the function table left it as written (max of doubles lost its NaN order wherever the statement made zoned values).
 */
const alone = (at: Token, call: Node[]): Node => ({
  kind: 'group',
  open: { ...at, kind: 'punct', text: '(' },
  close: { ...at, kind: 'punct', text: ')' },
  items: call,
});

/** The nodes after a call that belong to it: FILTER (…) and OVER (…) / OVER name. */
function callTail(items: readonly Node[], from: number): number {
  let end = from;
  const next = (k: number) => {
    let j = k;
    while (j < items.length && meaningful([items[j]]).length === 0) j++;
    return j;
  };
  let k = next(end);
  if (nodeKeyword(items[k]) === 'FILTER' && isParen(items[next(k + 1)])) {
    end = next(k + 1) + 1;
    k = next(end);
  }
  if (nodeKeyword(items[k]) === 'OVER') {
    const w = next(k + 1);
    if (w < items.length) end = w + 1;
  }
  return end;
}

function checkCalls(items: readonly Node[]): Node[] {
  const inner = items.map((n) => (n.kind === 'group' ? { ...n, items: checkCalls(n.items) } : n));
  const out: Node[] = [];
  for (let i = 0; i < inner.length; i++) {
    const node = inner[i];
    const ties = TIES[nodeKeyword(node)];
    const call = inner[i + 1];
    const before = meaningful(out).at(-1);
    const argCount = isParen(call) ? splitArgs(call.items).length : 0;
    if (!ties || node.kind !== 'token' || !isParen(call) || argCount < 1 || argCount > 2 || (before && nodeText(before) === '.')) {
      out.push(node);
      continue;
    }
    const end = callTail(inner, i + 2);
    const tail = inner.slice(i + 2, end);
    if (argCount === 2) {
      out.push(checkedTopN(node.token, node, call, tail));
      i = end - 1;
      continue;
    }
    const args = meaningful(call.items);
    const value = nodeKeyword(args[0]) === 'DISTINCT' ? call.items.slice(call.items.indexOf(args[0]) + 1) : call.items;
    // A value visibly of a type that is never zoned (a CAST to timestamp, a date + INTERVAL): no ties to check.
    if (plainOrderedValue(value)) {
      out.push(node);
      continue;
    }
    const at = node.token;
    // An aggregate in x (`max(count(y)) OVER ()`) has no type where DuckDB picks the tie macro's overload: it took the
    // zoned one and failed ("Unimplemented type for cast (BIGINT -> STRUCT…"); inside a lambda the type is known.
    const typedLater = hasAggregate(value.map(nodeText).join(''));
    const tie = (macro: string): Node[] =>
      typedLater
        ? [
            translated(at, `${macro.slice(0, macro.indexOf('('))}(list_transform([`),
            alone(at, value),
            translated(at, `], lambda trino_e: ${macro.slice(macro.indexOf('(') + 1)}(trino_e))[1])`),
          ]
        : [translated(at, macro), { ...call, items: value }, translated(at, ')')];
    // One parenthesized operand, so that operators around the call (AT TIME ZONE, + INTERVAL) still take all of it.
    const checked: Node[] = [
      translated(at, 'CASE WHEN trino_ties_apart('),
      ...tie(ties[0]),
      ...tail,
      translated(at, ', '),
      ...tie(ties[1]),
      ...tail,
      translated(at, ') THEN '),
      alone(at, [node, call, ...tail]),
      translated(at, ' END'),
    ];
    out.push({ kind: 'group', open: { ...at, kind: 'punct', text: '(' }, close: { ...at, kind: 'punct', text: ')' }, items: checked });
    i = end - 1;
  }
  return out;
}

/** `max(x, n)` / `min(x, n)` with its tail, refused while running where an instant of x comes in two zones. */
function checkedTopN(at: Token, name: Node, call: Node, tail: Node[]): Node {
  const x = call.kind === 'group' ? splitArgs(call.items)[0] : [];
  const items: Node[] = [
    translated(at, 'CASE WHEN trino_zoned_ties_apart_n(list('),
    // In parentheses of its own, so that a call leading x is still in a call's position (see `alone`).
    alone(at, x),
    translated(at, ')'),
    ...tail,
    translated(at, ') THEN '),
    alone(at, [name, call, ...tail]),
    translated(at, ' END'),
  ];
  return { kind: 'group', open: { ...at, kind: 'punct', text: '(' }, close: { ...at, kind: 'punct', text: ')' }, items };
}

/** The tree with min/max of zoned values checked, where the statement makes zoned values. */
export function checkZonedExtremes(tree: readonly Node[], tokens: readonly Token[], zonedRelations?: ReadonlySet<string>): Node[] {
  return makesZonedValues(tokens, zonedRelations) ? checkCalls(tree) : [...tree];
}
