// DuckDB's PIVOT and UNPIVOT: `t PIVOT (agg FOR c IN (…) [GROUP BY …])`, `t UNPIVOT [INCLUDE|EXCLUDE NULLS] (v FOR n IN
// (…))` and the statement forms `PIVOT t ON c [USING agg] [GROUP BY …]` / `UNPIVOT t ON a, b [INTO NAME n VALUE v]`
// (also PIVOT_WIDER, PIVOT_LONGER, UNPIVOT_LONGER), on their own or in parentheses. Trino 476 (so Athena) has none of
// them: a syntax error at the word. DuckDB answered some of them (`FROM t PIVOT (count(*) FOR m IN (1, 2))`,
// `FROM (UNPIVOT t ON a, b)`), so they are reported as the syntax errors they are in Athena (docs/issue-15-audit.md
// "Trino's query tests replayed: TestPivot, …", branch replay34). The word alone stays a name, as in Trino:
// `FROM t pivot`, `FROM t pivot (a, b)` (an alias with column aliases) and `(pivot JOIN u ON …)` are not reported.
import type { Token } from '../tokens.js';
import { isParen, isTriviaNode, nodeKeyword, type Node } from './tree.js';
import type { Report } from './within-group.js';

const CLAUSE_WORDS = new Set(['PIVOT', 'UNPIVOT']);
const STATEMENT_WORDS = new Set(['PIVOT', 'PIVOT_WIDER', 'PIVOT_LONGER', 'UNPIVOT', 'UNPIVOT_LONGER']);
/** What follows the pivoted relation in DuckDB's statement form; none can follow `word name` in Trino's grammar. */
const STATEMENT_FOLLOWERS = new Set(['ON', 'USING', 'GROUP', 'INTO']);
const INSTEAD = 'Athena has no PIVOT/UNPIVOT: write the pivot as conditional aggregates (sum(x) FILTER (WHERE m = 1) AS jan), the unpivot as CROSS JOIN UNNEST';

/** Reports every DuckDB PIVOT/UNPIVOT clause or statement in the tree (the statement's items). */
export function refusePivots(items: readonly Node[], report: Report): void {
  const m = items.filter((n) => !isTriviaNode(n));
  const first = m[0];
  if (first?.kind === 'token' && STATEMENT_WORDS.has(nodeKeyword(first)) && pivotStatement(m)) report(first.token, 'syntax', message(first.token), INSTEAD);
  m.forEach((node, k) => {
    if (node.kind === 'group') refusePivots(node.items, report);
    else if (k > 0 && CLAUSE_WORDS.has(nodeKeyword(node)) && clauseBody(m, k)) report(node.token, 'syntax', message(node.token), INSTEAD);
  });
}

const message = (t: Token) => `${t.text}: DuckDB's PIVOT/UNPIVOT syntax is not Athena's (Athena's syntax error)`;

/** `PIVOT (… FOR …)`, `UNPIVOT [INCLUDE|EXCLUDE NULLS] (… FOR …)`: a FOR at the parenthesis' top level. */
function clauseBody(m: readonly Node[], k: number): boolean {
  let j = k + 1;
  if (nodeKeyword(m[k]) === 'UNPIVOT' && ['INCLUDE', 'EXCLUDE'].includes(nodeKeyword(m[j])) && nodeKeyword(m[j + 1]) === 'NULLS') j += 2;
  const body = m[j];
  return isParen(body) && body.items.some((n) => nodeKeyword(n) === 'FOR');
}

/** `PIVOT name ON …` (a name, a dotted name or a parenthesized query, then ON/USING/GROUP/INTO). */
function pivotStatement(m: readonly Node[]): boolean {
  let j = 1;
  if (isParen(m[j])) j++;
  else {
    if (!isName(m[j])) return false;
    j++;
    while (isDot(m[j]) && isName(m[j + 1])) j += 2;
  }
  return STATEMENT_FOLLOWERS.has(nodeKeyword(m[j]));
}

const isName = (n: Node | undefined): boolean => n?.kind === 'token' && (n.token.kind === 'word' || n.token.kind === 'quoted');
const isDot = (n: Node | undefined): boolean => n?.kind === 'token' && n.token.text === '.';
