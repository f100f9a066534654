// Trino types a NULL literal and the empty or all-NULL constructors `unknown` (SELECT NULL is unknown, ARRAY[] and
// ARRAY[NULL] array(unknown), MAP() map(unknown, unknown), and transform(ARRAY[], x -> x) stays array(unknown)).
// DuckDB has the same NULL type while binding, but makes it INTEGER in a result. So when a result's type has an
// integer in it and the statement writes a NULL or an empty constructor, the statement is planned once more (never
// run) under a projection that turns a NULL type into a marker (trino_unknown_marked, an ENUM DuckDB makes nowhere
// else), and the columns whose type holds the marker report `unknown` there.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { QueryResult } from '../engine.js';
import { trinoTypeName } from '../duckdb/types.js';
import type { MacroSet } from '../../dialect/shims/index.js';
import { MAY_BE_UNKNOWN } from '../../dialect/translate/column-operands.js';

/** A query: the projection below can only wrap a statement that returns rows. */
const QUERY = /^\s*(?:SELECT|WITH|VALUES|FROM|\()/i;

export async function withUnknownTypes(
  connection: DuckDBConnection,
  macros: MacroSet,
  athenaSql: string,
  duckSql: string,
  result: QueryResult,
): Promise<QueryResult> {
  const candidates = result.columns.flatMap((c, i) => (/\binteger\b/.test(c.type) ? [i] : []));
  if (candidates.length === 0 || !MAY_BE_UNKNOWN.test(athenaSql) || !QUERY.test(duckSql)) return result;
  const names = result.columns.map((_, i) => `trino_c${i}`);
  const body = duckSql.trim().replace(/;$/, '');
  const sql = `SELECT ${candidates.map((i) => `trino_unknown_marked(${names[i]})`).join(', ')} FROM (${body}) AS trino_q(${names.join(', ')})`;
  let types: string[];
  try {
    await macros.defineFor(connection, [sql]);
    const prepared = await connection.prepare(sql);
    types = candidates.map((_, k) => trinoTypeName(prepared.columnType(k)));
  } catch {
    // A type DuckDB cannot spell back (from_json reads the type's name) keeps DuckDB's integer.
    return result;
  }
  const columns = result.columns.map((c) => ({ ...c }));
  candidates.forEach((i, k) => {
    columns[i].type = types[k];
  });
  return { ...result, columns };
}
