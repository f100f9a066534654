// Words Trino accepts as identifiers but DuckDB's parser reserves (`at`, `window`, `limit`, `offset`, …): quoted
// when they are used as identifiers. Trino folds identifiers to lower case, so the quoted name is lower case too.
import { keyword } from '../tokens.js';
import { isParen, type Node } from './tree.js';

// DuckDB's reserved and column-name keywords (duckdb_keywords()) that fail as column names, minus Trino's reserved
// words (those are not identifiers in Athena either).
const DUCKDB_ONLY_RESERVED = new Set(
  (
    'AT WINDOW LIMIT OFFSET ANTI ASOF SEMI POSITIONAL LAMBDA QUALIFY PIVOT UNPIVOT SUMMARIZE SHOW ANALYZE ANALYSE ' +
    'CHECK COLUMN DEFAULT DO TO ONLY FETCH PLACING VARIADIC RETURNING LEADING TRAILING BOTH SYMMETRIC ASYMMETRIC ' +
    'COLLATE DEFERRABLE INITIALLY FOREIGN PRIMARY REFERENCES UNIQUE ARRAY ANY SOME LATERAL PIVOT_LONGER PIVOT_WIDER ' +
    'UNPACK VERBOSE FREEZE CONCURRENTLY GLOB ILIKE SIMILAR ISNULL NOTNULL OVERLAPS AUTHORIZATION COLLATION ' +
    'TABLESAMPLE GENERATED SETOF NATIONAL NCHAR OUT INOUT'
  ).split(' '),
);

/** Whether DuckDB's parser reserves a word Trino reads as an identifier. */
export const isDuckdbOnlyReserved = (word: string): boolean => DUCKDB_ONLY_RESERVED.has(word.toUpperCase());

/** Previous tokens after which a word starts an operand, so it is an identifier. */
const OPERAND_BEFORE = new Set([
  '.',
  ',',
  '(',
  '[',
  'SELECT',
  'DISTINCT',
  'WHERE',
  'AND',
  'OR',
  'NOT',
  'ON',
  'WHEN',
  'THEN',
  'ELSE',
  'BY',
  'HAVING',
  'AS',
  'CASE',
  // a relation's name: `WITH window(a) AS (…) SELECT a FROM window ORDER BY 1`
  'FROM',
  'JOIN',
]);
/** Next tokens before which a word ends an operand. */
const OPERAND_AFTER = new Set(['.', ',', ')', ']', 'FROM', 'AS', 'IS', 'IN', 'BETWEEN', 'LIKE']);

/**
 * The quoted identifier for a word DuckDB reserves and Trino does not, when it is used as an identifier here; else
 * undefined. `prev` is the previous meaningful token's text, `next` the next meaningful node.
 */
export function quoteReservedIdentifier(
  text: string,
  prev: string | undefined,
  prevKind: 'op' | 'other' | undefined,
  next: Node | undefined,
): string | undefined {
  const word = text.toUpperCase();
  if (!DUCKDB_ONLY_RESERVED.has(word) || isParen(next) || isParen(next, '[')) return undefined;
  const nextWord = next === undefined ? '' : next.kind === 'token' ? (next.token.kind === 'word' ? keyword(next.token) : next.token.text) : '';
  if (word === 'AT' && nextWord === 'TIME') return undefined;
  // FETCH … ROWS ONLY; trim(LEADING 'x' FROM s)
  if (word === 'ONLY' && /^ROWS?$/i.test(prev ?? '')) return undefined;
  if ((word === 'LEADING' || word === 'TRAILING' || word === 'BOTH') && prev === '(') return undefined;
  const identifier =
    prevKind === 'op' ||
    (prev !== undefined && OPERAND_BEFORE.has(prev.toUpperCase())) ||
    next === undefined ||
    (next.kind === 'token' && (next.token.kind === 'op' || OPERAND_AFTER.has(nextWord) || nextWord === ';'));
  return identifier ? `"${text.toLowerCase()}"` : undefined;
}
