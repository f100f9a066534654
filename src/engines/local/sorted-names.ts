// A query sorted by ordinals over a `*` select list is sorted outside (translate/expressions.ts: `SELECT * FROM (<query>)
// AS trino_sorted ORDER BY struct_extract_at(trino_sorted, k) …`), and DuckDB renames a name the wrapped query repeats
// (`SELECT * FROM t, t AS t2 ORDER BY 1, 2, 3, 4`: k, s, k_1, s_1) where Trino 476 keeps them (k, s, k, s). When such a
// result has a name that may be a renaming (`…_<digits>`), the wrapped query is planned once more (never run; the
// planner keeps a top-level query's names) and its names replace the wrapper's. Other results are left as they are.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { QueryResult } from '../engine.js';

const WRAPPER_START = /^\s*SELECT \* FROM \(/;
/** The end of the outermost wrapped query: the wrapper's keys after it name trino_sorted only inside a call. */
const WRAPPER_END = ') AS trino_sorted ';
const RENAMED = /_\d+$/;

export async function withSortedOutsideNames(connection: DuckDBConnection, duckSql: string, result: QueryResult): Promise<QueryResult> {
  if (!result.columns.some((c) => RENAMED.test(c.name))) return result;
  const start = WRAPPER_START.exec(duckSql);
  const end = duckSql.lastIndexOf(WRAPPER_END);
  if (start === null || end < start[0].length) return result;
  let names: string[];
  try {
    const prepared = await connection.prepare(duckSql.slice(start[0].length, end));
    if (prepared.columnCount !== result.columns.length) return result;
    names = result.columns.map((_c, i) => prepared.columnName(i));
  } catch {
    return result;
  }
  return { ...result, columns: result.columns.map((c, i) => ({ ...c, name: names[i] })) };
}
