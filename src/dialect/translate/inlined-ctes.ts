// WITH queries that call a random function: Trino 476 inlines every WITH query, so each reference draws its own values
// (`WITH t AS (SELECT rand() r) SELECT … FROM t UNION ALL … FROM t` reads two values); DuckDB materializes a CTE read
// more than once and gave both references the same value. Such a CTE is written `AS NOT MATERIALIZED (…)`, which DuckDB
// inlines as Trino does; other CTEs answer alike either way and keep DuckDB's choice.
import type { Token } from '../tokens.js';
import { isParen, isTriviaNode, meaningful, type Node, nodeKeyword, nodeText } from './tree.js';
import type { Report } from './within-group.js';

/** Trino's nondeterministic functions (SHOW FUNCTIONS: Deterministic false), as calls. */
const RANDOM_CALL = /\b(?:rand|random|uuid|shuffle)\s*\(/i;
const QUERY_START = new Set(['SELECT', 'WITH', 'VALUES', 'TABLE']);

const synthetic = (at: Token, kind: Token['kind'], text: string): Node => ({ kind: 'token', token: { ...at, kind, text } });

function startsQuery(body: Node): boolean {
  if (!isParen(body)) return false;
  const first = meaningful(body.items)[0];
  return QUERY_START.has(nodeKeyword(first)) || (isParen(first) && startsQuery(first));
}

/** Whether an AS after `seen` (the meaningful nodes before it) heads a WITH query: `[WITH | ,] name [(columns)] AS`. */
function headsWithQuery(seen: readonly Node[]): boolean {
  let at = seen.length - 1;
  if (isParen(seen[at])) at--;
  const name = seen[at];
  const before = seen[at - 1];
  const named = name?.kind === 'token' && (name.token.kind === 'word' || name.token.kind === 'quoted');
  return named && (['WITH', 'RECURSIVE'].includes(nodeKeyword(before)) || (before?.kind === 'token' && before.token.text === ','));
}

export function inlineRandomCtes(items: readonly Node[]): Node[] {
  const out: Node[] = [];
  const seen: Node[] = [];
  for (let i = 0; i < items.length; i++) {
    const node = items[i];
    const walked = node.kind === 'group' ? { ...node, items: inlineRandomCtes(node.items) } : node;
    out.push(walked);
    if (nodeKeyword(node) !== 'AS' || node.kind !== 'token') {
      if (!isTriviaNode(node)) seen.push(node);
      continue;
    }
    let next = i + 1;
    while (next < items.length && isTriviaNode(items[next])) next++;
    const body = items[next];
    if (body && headsWithQuery(seen) && startsQuery(body) && RANDOM_CALL.test(nodeText(body)))
      out.push(
        synthetic(node.token, 'ws', ' '),
        synthetic(node.token, 'word', 'NOT'),
        synthetic(node.token, 'ws', ' '),
        synthetic(node.token, 'word', 'MATERIALIZED'),
      );
    seen.push(node);
  }
  return out;
}

/** `WITH t AS [NOT] MATERIALIZED (…)` written by hand: DuckDB syntax, a SYNTAX_ERROR in Trino ("Expecting: '('"). */
export function refuseMaterializedCtes(items: readonly Node[], report: Report): void {
  const nodes = meaningful(items);
  nodes.forEach((node, k) => {
    if (node.kind === 'group') refuseMaterializedCtes(node.items, report);
    else if (nodeKeyword(node) === 'AS' && ['NOT', 'MATERIALIZED'].includes(nodeKeyword(nodes[k + 1])) && headsWithQuery(nodes.slice(0, k))) {
      const word = nodes[k + 1];
      if (word.kind === 'token')
        report(
          word.token,
          'materialized-cte',
          `Athena fails with SYNTAX_ERROR: mismatched input '${word.token.text}' (a WITH query takes no [NOT] MATERIALIZED there)`,
          'write WITH t AS (…)',
        );
    }
  });
}
