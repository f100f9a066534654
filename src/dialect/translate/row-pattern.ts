// Row pattern recognition: `t MATCH_RECOGNIZE (…)` (https://trino.io/docs/current/sql/match-recognize.html) and a
// window with `MEASURES … PATTERN (…) … DEFINE …` (https://trino.io/docs/current/sql/pattern-recognition-in-window.html).
// Athena's grammar has them; DuckDB has neither (a parser error at run time, or an unknown prev()/classifier() call).
// Refused at the clause, and the clause's body is dropped so its navigation calls add no misleading findings.
import { keyword } from '../tokens.js';
import { isParen, isTriviaNode, meaningful, nodeKeyword, type Node } from './tree.js';
import type { Report } from './within-group.js';

const INSTEAD = 'run it on Athena; locally, write the matching with window functions (lag, lead) and GROUP BY';

/** The tree with every row pattern clause reported and its body emptied. */
export function refuseRowPatterns(items: readonly Node[], report: Report): Node[] {
  const m = items.filter((n) => !isTriviaNode(n));
  const dropped = new Set<Node>();
  m.forEach((node, k) => {
    if (node.kind !== 'token' || keyword(node.token) !== 'MATCH_RECOGNIZE' || !isParen(m[k + 1])) return;
    report(node.token, 'row-pattern', 'MATCH_RECOGNIZE (row pattern recognition) cannot run locally: the local engine has no row pattern matching', INSTEAD);
    dropped.add(m[k + 1]);
  });
  const pattern = windowPattern(m);
  if (pattern?.kind === 'token') {
    report(
      pattern.token,
      'row-pattern',
      'row pattern recognition in a window (MEASURES … PATTERN … DEFINE) cannot run locally: the local engine has no row pattern matching',
      INSTEAD,
    );
    return [];
  }
  return items.map((n) => (n.kind !== 'group' ? n : dropped.has(n) ? { ...n, items: [] } : { ...n, items: refuseRowPatterns(n.items, report) }));
}

/** In a window specification, the `PATTERN` of `PATTERN (…) … DEFINE`. */
function windowPattern(m: readonly Node[]): Node | undefined {
  const at = m.findIndex((n, k) => nodeKeyword(n) === 'PATTERN' && isParen(m[k + 1]));
  if (at < 0 || !meaningful(m.slice(at + 2)).some((n) => nodeKeyword(n) === 'DEFINE')) return undefined;
  return m.find((n, k) => k < at && nodeKeyword(n) === 'MEASURES') ?? m[at];
}
