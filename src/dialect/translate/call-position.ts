// Whether `word(` is a function call or a name followed by a parenthesised list (a table's column list, a type's
// parameters, an alias's column names). The function table is default-deny, so this decides what it must check.
import { lastMeaningful, type Part } from './operators.js';
import { isParen, isTriviaNode, nodeKeyword, type Node } from './tree.js';

/** Reserved words after which a name, not a call, comes: `AS t(a, b)`, `TABLE t (…)`, `INTO t (…)`, `IF NOT EXISTS t (…)`. */
const NAME_AFTER = new Set(['AS', 'TABLE', 'INTO', 'VIEW', 'EXISTS', 'TABLESAMPLE']);
/** Non-reserved words that can stand right before an expression inside special call syntax. */
const EXPRESSION_AFTER = new Set(['FOR', 'DEFAULT', 'BOTH', 'LEADING', 'TRAILING', 'KEY', 'VALUE', 'RETURN']);
/** Words followed by `(` that are statement or DDL syntax, never functions. */
// (`ADD COLUMNS (…)` and `REPLACE COLUMNS (…)` need no entry: after a word, a name is not a call; `SELECT COLUMNS(*)`
// is DuckDB's star expression, a call to an unknown function for the table.)
// MATERIALIZED: `WITH t AS NOT MATERIALIZED (…)`, as inlined-ctes.ts writes a WITH query.
export const SYNTAX_BEFORE_PAREN = new Set(['TBLPROPERTIES', 'SERDEPROPERTIES', 'DBPROPERTIES', 'UNLOAD', 'EXPLAIN', 'MATERIALIZED']);

function followedByAsParen(items: readonly Node[], groupIndex: number): boolean {
  const rest = items.slice(groupIndex + 1).filter((n) => !isTriviaNode(n));
  const body = nodeKeyword(rest[1]) === 'NOT' && nodeKeyword(rest[2]) === 'MATERIALIZED' ? rest[3] : rest[1];
  return nodeKeyword(rest[0]) === 'AS' && isParen(body);
}

/**
 * `prev` is the last meaningful part before the name (before its `a.b.` qualifier when qualified). A call stands
 * where an expression may start: at the start, after an operator, a comma, an open parenthesis or a keyword; after
 * an identifier, a literal or a closing parenthesis the name is a column type or an alias (`a varchar(10)`, `(…) t(x)`).
 */
export function isCallPosition(prev: Part | undefined, items: readonly Node[], groupIndex: number): boolean {
  if (followedByAsParen(items, groupIndex)) return false; // WITH t (a, b) AS (…)
  if (prev === undefined || prev.kind === 'op') return true;
  const word = prev.text.trim().toUpperCase();
  if (prev.kind === 'boundary') return !NAME_AFTER.has(word);
  if (prev.kind === 'operand') return EXPRESSION_AFTER.has(word);
  return false;
}

/** The part before a qualified name `a.b.c` whose last dot is the last meaningful part. */
export function partBeforeQualifiedName(parts: readonly Part[]): Part | undefined {
  let k = parts.length - 1;
  for (;;) {
    while (k >= 0 && parts[k].kind === 'trivia') k--;
    if (k < 0 || parts[k].kind !== 'dot') return lastMeaningful(parts.slice(0, k + 1));
    k--;
    while (k >= 0 && parts[k].kind === 'trivia') k--;
    if (k < 0 || parts[k].kind !== 'operand') return parts[k];
    k--;
  }
}
