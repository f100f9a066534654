// Athena name resolution: `t` is in the session's database, `db.t` in database db, `awsdatacatalog.db.t` spelled out.
// Names are case-insensitive and stored in lower case (the tokenizer folds them).
import type { TableRef } from '../lake-actions.js';
import { syntaxError } from '../ddl-parse.js';
import type { QualifiedName } from '../parse-cursor.js';

export const ATHENA_CATALOG = 'awsdatacatalog';

export function resolveTableName(name: QualifiedName, database: string): TableRef {
  const at = { line: name.line, col: name.col };
  const { parts } = name;
  if (parts.length === 1) return { database, name: parts[0], ...at };
  if (parts.length === 2) return { database: parts[0], name: parts[1], ...at };
  if (parts.length === 3) {
    if (parts[0] !== ATHENA_CATALOG) {
      throw syntaxError(`Catalog '${parts[0]}' does not exist: the local engine has only '${ATHENA_CATALOG}'`, name.line, name.col);
    }
    return { database: parts[1], name: parts[2], ...at };
  }
  throw syntaxError(`too many dots in name '${parts.join('.')}': write table, database.table or awsdatacatalog.database.table`, name.line, name.col);
}

/** A database name (`db` or `awsdatacatalog.db`). */
export function resolveDatabaseName(name: QualifiedName): string {
  const { parts } = name;
  if (parts.length === 1) return parts[0];
  if (parts.length === 2 && parts[0] === ATHENA_CATALOG) return parts[1];
  throw syntaxError(`'${parts.join('.')}' is not a database name`, name.line, name.col);
}
