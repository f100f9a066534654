// A query sorted outside its select list (expressions.ts: ordinals over `*`, a set operation's or a DISTINCT query's
// ORDER BY) is wrapped as `SELECT * FROM (<query>) AS trino_sorted <ORDER BY …>`, where struct_extract_at(trino_sorted,
// k) is the query's k-th column. The wrapper is written and read here only: the local engine asks for the wrapped
// query (sortedOutsideQuery) to give the result the query's own column names (DuckDB renames a name the wrapped
// query repeats: k, s, k_1, s_1 where Trino 476 keeps k, s, k, s).

const ALIAS = 'trino_sorted';
const START = /^\s*SELECT \* FROM \(/;
/** The end of the outermost wrapped query: after it, the wrapper's keys name trino_sorted only inside a call. */
const END = `) AS ${ALIAS} `;

/** The k-th (1-based) column of the wrapped query, for the wrapper's keys. */
export const sortedColumn = (k: number | string): string => `struct_extract_at(${ALIAS}, ${k})`;

/** `query` wrapped to be sorted by `tail` (the ORDER BY and what follows it, with a leading space when not empty). */
export const wrappedForSorting = (query: string, tail: string): string => `SELECT * FROM (${query}${END}${tail.trimStart()}`;

/** The wrapped query of a statement wrappedForSorting made, or undefined for any other statement. */
export function sortedOutsideQuery(duckSql: string): string | undefined {
  const start = START.exec(duckSql);
  const end = duckSql.lastIndexOf(END);
  return start === null || end < start[0].length ? undefined : duckSql.slice(start[0].length, end);
}
