// Names DuckDB would change. A column without a name: an unaliased expression of a subquery, UNNEST's columns, a VALUES column list not written.
// Trino gives it no name a query can refer to, and names it `_col<its position in the output>` only in a result
// (`SELECT 5 AS x, * FROM (SELECT 1)` answers `x, _col1`); a CREATE TABLE AS or CREATE VIEW of it fails with
// MISSING_COLUMN_NAME. The translator names such a column ANONYMOUS_COLUMN, which the engine renames in its result.

/** The name the translator gives a column without a name (a quoted identifier no Athena query writes). */
export const ANONYMOUS_COLUMN = '_col$';

/** ANONYMOUS_COLUMN as DuckDB reports it: a subquery's repeated names get `_1`, `_2`, … appended. */
const ANONYMOUS = /^_col\$(_\d+)?$/;

/** A column list of `count` anonymous names, each quoted; distinct, as DuckDB's WITH ORDINALITY needs them. */
export const anonymousColumnList = (count: number): string =>
  `(${Array.from({ length: count }, (_v, k) => `"${ANONYMOUS_COLUMN}${k === 0 ? '' : `_${k}`}"`).join(', ')})`;

export const isAnonymousColumn = (name: string): boolean => ANONYMOUS.test(name);

/**
 * A name a subquery repeats (`SELECT * FROM (SELECT 1 AS a, 2 AS a)`): Trino keeps both `a`, DuckDB renames the second
 * `a_1`, which a query could then read. The translator names the repeat `a$dup1` (repeatedColumn), the engine `a`.
 */
export const repeatedColumn = (name: string, repeat: number): string => `${name}$dup${repeat}`;
const REPEATED = /\$dup\d+$/;

/** The name Trino gives the result column DuckDB calls `name`, at `position`. */
export const trinoColumnName = (name: string, position: number): string => (isAnonymousColumn(name) ? `_col${position}` : name.replace(REPEATED, ''));

/** A result's columns with Trino's names: a column without a name is `_col<position>`, a repeated name itself. */
export function withTrinoColumnNames<C extends { name: string }>(columns: readonly C[]): C[] {
  return columns.map((c, i) => ({ ...c, name: trinoColumnName(c.name, i) }));
}
