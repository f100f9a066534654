// A lambda that draws random values, written twice alike in one query: `transform(a, x -> random())` twice. Trino 476
// evaluates each call (two draws); DuckDB does not mark a lambda holding random() as volatile, so its common
// subexpression pass computes the two calls once (`transform(array[1], x -> random())[1] = transform(array[1], x ->
// random())[1]`: Trino false, DuckDB true). Refused at the second call (replay34, Trino's TestRandom); one call alone is
// faithful and stays.
import { keyword } from '../tokens.js';
import { isParen, meaningful, nodeText, type Node } from './tree.js';
import type { Report } from './within-group.js';

/** Trino's nondeterministic functions (SHOW FUNCTIONS: Deterministic false), as calls. */
const RANDOM_CALL = /\b(?:rand|random|uuid|shuffle)\s*\(/i;
const QUERY_WORDS = new Set(['SELECT', 'WITH', 'VALUES']);

/** Reports each call with a random-drawing lambda argument that repeats an earlier one of the same query level. */
export function refuseRepeatedRandomLambdas(items: readonly Node[], report: Report, seen = new Set<string>()): void {
  const m = meaningful(items);
  m.forEach((node, k) => {
    if (node.kind !== 'group') return;
    const callee = m[k - 1];
    if (isParen(node) && callee?.kind === 'token' && callee.token.kind === 'word' && node.items.some(isArrow) && RANDOM_CALL.test(nodeText(node))) {
      const key = `${keyword(callee.token)}${nodeText(node).replace(/\s+/g, ' ')}`;
      if (seen.has(key)) {
        report(
          callee.token,
          'random-lambda',
          `${callee.token.text}(…): the same lambda drawing random values twice in one query; Athena draws each call, the local engine would compute it once`,
          'write the call once (in a subquery) or make the two calls differ',
        );
        return;
      }
      seen.add(key);
    }
    const starts = meaningful(node.items)[0];
    refuseRepeatedRandomLambdas(node.items, report, QUERY_WORDS.has(starts?.kind === 'token' ? keyword(starts.token) : '') ? new Set() : seen);
  });
}

const isArrow = (n: Node): boolean => n.kind === 'token' && n.token.text === '->';
