// Trino's session functions written without parentheses, which DuckDB evaluates as its own (`SELECT current_user` is
// 'duckdb' there): `current_catalog` is Athena's catalog; `current_user` and `current_schema` name the Athena
// principal and the query's database, which the local session does not have, so they are refused.
// https://trino.io/docs/current/functions/session.html
// `user` and `session_user` are identifiers in Trino, so they are left as written: a column of that name wins, and
// otherwise a macro replaces DuckDB's session function with Trino's COLUMN_NOT_FOUND (shims/session-word-macros.ts).
// `current_role` unquoted is a reserved word in Trino's grammar (SYNTAX_ERROR), so it is refused here.
import { ATHENA_CATALOG } from './names.js';

export type SessionWord = { kind: 'text'; text: string } | { kind: 'refused'; message: string; hint: string };

/** How an unqualified word that is not a call is written, when it is one of DuckDB's session words. */
export function sessionWord(word: string): SessionWord | undefined {
  if (word === 'CURRENT_CATALOG') return { kind: 'text', text: `'${ATHENA_CATALOG}'` };
  if (word === 'CURRENT_USER')
    return {
      kind: 'refused',
      message: 'current_user is the Athena principal of the query, which the local engine does not have',
      hint: 'none: the user exists only on Athena',
    };
  if (word === 'CURRENT_SCHEMA')
    return {
      kind: 'refused',
      message: "current_schema is the query's Athena database, which the local session does not track",
      hint: 'write the database name as a string literal',
    };
  if (word === 'CURRENT_ROLE')
    return {
      kind: 'refused',
      message: 'current_role is a reserved word on Athena (a syntax error there), where DuckDB answers its session user',
      hint: 'for a column of that name, write it in double quotes: "current_role"',
    };
  return undefined;
}
