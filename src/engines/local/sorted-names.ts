// DuckDB renames a name a query sorted outside repeats (`SELECT * FROM t, t AS t2 ORDER BY 1, 2, 3, 4`: k, s, k_1, s_1)
// where Trino 476 keeps them (k, s, k, s). When such a result has a name that may be a renaming (`…_<digits>`), the
// wrapped query the translator reports (sortedOutsideQuery) is planned once more (never run; the planner keeps a
// top-level query's names) and its names replace the wrapper's. Other results are left as they are.
import type { DuckDBConnection } from '@duckdb/node-api';
import { sortedOutsideQuery } from '../../dialect/translate/index.js';
import type { QueryResult } from '../engine.js';

const RENAMED = /_\d+$/;

export async function withSortedOutsideNames(connection: DuckDBConnection, duckSql: string, result: QueryResult): Promise<QueryResult> {
  if (!result.columns.some((c) => RENAMED.test(c.name))) return result;
  const query = sortedOutsideQuery(duckSql);
  if (query === undefined) return result;
  let names: string[];
  try {
    const prepared = await connection.prepare(query);
    if (prepared.columnCount !== result.columns.length) return result;
    names = result.columns.map((_c, i) => prepared.columnName(i));
  } catch {
    return result;
  }
  return { ...result, columns: result.columns.map((c, i) => ({ ...c, name: names[i] })) };
}
