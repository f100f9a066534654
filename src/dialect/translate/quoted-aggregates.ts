// `"count"(*)`, `"SUM"(x)`, `"rank"() OVER (…)`: Trino 476 resolves a quoted function name as the plain name in lower
// case (asked of the shared Trino: 2, 3, 2; ranks 1, 2; `"count"(*) FILTER (WHERE …)`, `"array_agg"(x ORDER BY …)`),
// where the local engine refused them (unfaithful/quoted-function: the checks of aggregates and window functions read
// their names as words; loud37 unquoted reviewed scalar functions only). A double-quoted name that is exactly an
// aggregate's or a window function's, called, is written as the plain word before any check reads the statement.
// Not after a dot (a qualified name), AS (`AS "rank"(a)`, a relation's column list), FROM, JOIN, INTO, TABLE, UPDATE,
// VIEW or EXISTS (a table's name with its columns), nor a WITH query's name (`"rank"(x) AS (…)`).
import { lookupFunction } from '../functions/index.js';
import { isTrivia, keyword, type Token } from '../tokens.js';

const NOT_A_CALL_AFTER = new Set(['.', 'AS', 'FROM', 'JOIN', 'TABLE', 'INTO', 'UPDATE', 'VIEW', 'EXISTS']);

/** `tokens` with every called, double-quoted aggregate or window function name written plain (see the header). */
export function unquoteAggregateNames(tokens: readonly Token[]): Token[] {
  const at = tokens.flatMap((t, k) => (isTrivia(t) ? [] : [k]));
  const out = [...tokens];
  at.forEach((index, j) => {
    const t = tokens[index];
    if (t.kind !== 'quoted') return;
    const plain = /^"([a-z_][a-z0-9_]*)"$/i.exec(t.text)?.[1]?.toLowerCase();
    const calls = plain === undefined ? undefined : lookupFunction(plain)?.calls;
    if (plain === undefined || calls === undefined) return;
    if (tokens[at[j + 1]]?.text !== '(') return;
    const before = j > 0 ? tokens[at[j - 1]] : undefined;
    if (before && NOT_A_CALL_AFTER.has(before.kind === 'word' ? keyword(before) : before.text)) return;
    // The closing parenthesis, then AS (: a WITH query's name and column list.
    let depth = 0;
    let close = j + 1;
    for (; close < at.length; close++) {
      const text = tokens[at[close]].text;
      if (text === '(') depth++;
      else if (text === ')' && --depth === 0) break;
    }
    const after = tokens[at[close + 1]];
    if (after?.kind === 'word' && keyword(after) === 'AS' && tokens[at[close + 2]]?.text === '(') return;
    out[index] = { ...t, kind: 'word', text: plain, upper: undefined, upperOf: undefined };
  });
  return out;
}
