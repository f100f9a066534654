// `user`, `session_user` and `current_role` are column names in Trino (COLUMN_NOT_FOUND when no column has the name;
// `current_role` unquoted is a reserved word there). DuckDB binds such a name to its session function when no column
// has it, quoted or not (`SELECT user` is 'duckdb'). A macro of the same name replaces that function: it fails while
// binding, so `lake lint` (which binds over empty inputs) finds it and a column of that name still wins. The key
// comes from a default parameter because DuckDB binds a macro body when it is created.
import { REFUSED_KEY_MARKER } from './error-messages.js';

export const SESSION_COLUMN_WORDS = ['user', 'session_user', 'current_role'] as const;

export const SESSION_WORD_MACROS: readonly string[] = SESSION_COLUMN_WORDS.map(
  (word) => `"${word}"(trino_k := '${REFUSED_KEY_MARKER}column ${word}') AS {'trino_v': ''}[trino_k]`,
);
