// Shrinks an expression that shows a difference to a smaller one that still shows one: greedily replaces a node by
// one of its children of the same kind, or by the simplest literal of its kind, while the difference remains.
import { LITERALS, sqlOf, type Expr } from './generator.js';

const simplest = (e: Expr): Expr => ({ kind: e.kind, kids: [], render: () => LITERALS[e.kind][0] });

/** Every expression one replacement away from `e`, simplest first. */
function* neighbours(e: Expr): Generator<Expr> {
  for (const kid of e.kids) if (kid.kind === e.kind) yield kid;
  if (e.kids.length > 0 || sqlOf(e) !== LITERALS[e.kind][0]) yield simplest(e);
  for (let i = 0; i < e.kids.length; i++) {
    for (const replacement of neighbours(e.kids[i])) {
      yield { ...e, kids: e.kids.map((k, j) => (j === i ? replacement : k)) };
    }
  }
}

export async function shrink(start: Expr, stillDiffers: (e: Expr) => Promise<boolean>, budget = 200): Promise<Expr> {
  let current = start;
  let tries = 0;
  for (let changed = true; changed && tries < budget; ) {
    changed = false;
    const length = sqlOf(current).length;
    for (const candidate of neighbours(current)) {
      if (sqlOf(candidate).length >= length) continue;
      if (++tries > budget) break;
      if (await stillDiffers(candidate)) {
        current = candidate;
        changed = true;
        break;
      }
    }
  }
  return current;
}
