import type { Token } from '../tokens.js';

// Trino's IS takes only [NOT] NULL and [NOT] DISTINCT FROM (https://trino.io/docs/current/functions/comparison.html):
// `x IS [NOT] TRUE`, `IS [NOT] FALSE`, `IS [NOT] UNKNOWN` are Athena's SYNTAX_ERROR ("mismatched input 'TRUE'.
// Expecting: 'DISTINCT', 'NOT', 'NULL'"), where DuckDB reads them and answered (`SELECT true IS TRUE`: true; `WHERE x
// IS NOT TRUE` kept the NULL rows; hunt43). A test `IS [NOT] NULL` followed by another IS (`x IS NULL IS NULL`) is one
// too ("mismatched input 'IS'"; DuckDB answered false).

const TRUTH_WORDS = new Set(['TRUE', 'FALSE', 'UNKNOWN']);

/** The tokens after which Athena's parser fails: the TRUE/FALSE/UNKNOWN of `IS [NOT] TRUE`, the second IS of `IS NULL IS`. */
export function booleanIsTests(tokens: readonly Token[]): { at: Token; text: string }[] {
  const words: Token[] = [];
  for (const t of tokens) if (t.kind !== 'ws' && t.kind !== 'comment') words.push(t);
  const word = (k: number) => (words[k]?.kind === 'word' ? words[k].text.toUpperCase() : '');
  const found: { at: Token; text: string }[] = [];
  for (let k = 0; k < words.length; k++) {
    if (word(k) !== 'IS') continue;
    const not = word(k + 1) === 'NOT' ? 1 : 0;
    const after = word(k + 1 + not);
    const text = `IS ${not ? 'NOT ' : ''}${after}`;
    if (TRUTH_WORDS.has(after)) found.push({ at: words[k + 1 + not], text });
    else if (after === 'NULL' && word(k + 2 + not) === 'IS') found.push({ at: words[k + 2 + not], text: `${text} IS` });
  }
  return found;
}
