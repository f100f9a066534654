// A typed shim macro (trino_cmp_column, trino_map_key: overloads by argument type, shims/macros.ts) whose argument
// DuckDB cannot type matches all its typed overloads, and DuckDB reports "Macro trino_cmp_column() has multiple
// overloads that match the supplied arguments" instead of what is wrong: mostly an unknown column (`WHERE a = nope`,
// `m[nope]`), which Trino reports as COLUMN_NOT_FOUND at its place. On that error only, the statement is planned again
// (never run) with the macro's calls as plain parentheses, `trino_cmp_column(nope)` → `(nope)` (a call of several
// arguments becomes a row of them): the arguments bind as written, and DuckDB's own error for them is reported, which
// names the column (error-location.ts finds it in the file). A typed macro called inside another (not in the
// statement's text) has every shim call unwrapped. Any other outcome keeps the original error.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { TranslationStep } from '../../dialect/translate/index.js';

const AMBIGUOUS_MACRO = /Macro (trino_\w+)\(\) has multiple overloads that match the supplied arguments/;
/** Errors that name what the statement wrote wrong. */
const NAMED_BIND_ERROR = /Referenced column "[^"]+" not found|Referenced table "[^"]+" not found|does not have a column named "[^"]+"/;
/** Macros unwrapped at most, one after the other (another typed macro may hold the same argument). */
const MAX_UNWRAPPED = 6;

/** The DuckDB SQL a step binds: its own, or its action's query. */
function stepSql(step: TranslationStep): string | undefined {
  if (step.kind === 'sql') return step.sql;
  const { action } = step;
  if (action.type === 'createTableAs' || action.type === 'unload') return action.spec.sourceSql;
  if (action.type === 'createView' || action.type === 'modifyRows') return action.sql;
  return action.type === 'insert' ? action.sourceSql : undefined;
}

/** `error`, its message replaced by the bind error that names an unknown column when it was an ambiguous macro's. */
export async function withUnambiguousMacroError(connection: DuckDBConnection, error: unknown, step: TranslationStep): Promise<unknown> {
  if (!(error instanceof Error)) return error;
  let ambiguous = AMBIGUOUS_MACRO.exec(error.message);
  let probe = ambiguous ? stepSql(step) : undefined;
  for (let round = 0; ambiguous && probe !== undefined && round < MAX_UNWRAPPED; round++) {
    // A macro the statement does not call is inside one it calls (trino_floating_operand inside trino_floating_read):
    // every shim call is unwrapped then.
    let unwrapped = probe.replace(new RegExp(`\\b${ambiguous[1]}\\(`, 'g'), '(');
    if (unwrapped === probe) unwrapped = probe.replace(/\btrino_\w+\(/g, '(');
    if (unwrapped === probe) break;
    probe = unwrapped;
    try {
      await connection.prepare(probe);
      break;
    } catch (next) {
      const message = next instanceof Error ? next.message : String(next);
      if (NAMED_BIND_ERROR.test(message)) {
        error.message = message;
        break;
      }
      ambiguous = AMBIGUOUS_MACRO.exec(message);
    }
  }
  return error;
}
