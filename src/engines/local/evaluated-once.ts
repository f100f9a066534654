// A derived table's computed column that the enclosing WHERE filters on is evaluated once per row (issue 18). DuckDB
// substitutes such a column's expression into the filter it pushes down, and evaluates it again for the projection:
// the bench's curated model (`SELECT *, CAST(from_iso8601_timestamp("timestamp") AS TIMESTAMP) AS ts FROM landing`,
// filtered `WHERE ts >= … AND ts < …`) parsed every timestamp twice (~80 ms of CPU per million rows measured alone).
// A volatile condition that is always true (`CASE WHEN random() >= 0 THEN expr END`: random() is in [0, 1)) keeps the
// expression in the projection; the filter then reads its result. The answer cannot change: the same value, and the
// expression is evaluated for the same rows as before, because only a WHERE whose every conjunct reads such columns
// alone is handled (another conjunct, pushed below the projection, could have spared rows the expression fails on).
// Left as they were: expressions that read only partition keys (their filter prunes files), or hold a subquery, a
// window or a lambda, items that are not a function call, and derived tables that group.
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlString } from './readers.js';
import { isObject, type Json, objects } from './sql-tree.js';

/** Expression classes a handled select item or WHERE conjunct may contain. */
const PLAIN_CLASSES = new Set(['COLUMN_REF', 'CONSTANT', 'FUNCTION', 'OPERATOR', 'COMPARISON', 'CONJUNCTION', 'BETWEEN', 'CAST', 'CASE']);

/** The column names an expression reads (last part, lower case), or undefined when it holds an unhandled class. */
function plainColumns(expression: Json): string[] | undefined {
  const columns: string[] = [];
  for (const node of objects(expression)) {
    if (typeof node.class !== 'string') continue;
    if (!PLAIN_CLASSES.has(node.class)) return undefined;
    if (node.class === 'COLUMN_REF') columns.push(String((node.column_names as string[]).at(-1)).toLowerCase());
  }
  return columns;
}

/** The index just past the parenthesis that closes the one at `open`, outside quotes; undefined if none. */
function closingParen(sql: string, open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < sql.length; i++) {
    const ch = sql[i];
    if (ch === "'" || ch === '"') {
      const end = sql.indexOf(ch, i + 1);
      if (end < 0) return undefined;
      i = end; // a doubled quote is two quoted runs back to back: the scan stays in step
    } else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i + 1;
  }
  return undefined;
}

/** The text span of a function call item (`name(…)`) starting at its location, checked against the source text. */
function callSpan(sql: string, item: Json): { at: number; end: number } | undefined {
  const at = item.query_location;
  const name = String(item.function_name);
  if (item.class !== 'FUNCTION' || typeof at !== 'number' || !Number.isSafeInteger(at)) return undefined;
  if (sql.slice(at, at + name.length).toLowerCase() !== name.toLowerCase()) return undefined;
  let open = at + name.length;
  while (sql[open] === ' ') open++;
  if (sql[open] !== '(') return undefined;
  const end = closingParen(sql, open);
  return end === undefined ? undefined : { at, end };
}

/**
 * The query with each handled select item of a derived table wrapped in the always-true volatile condition (see the
 * head of this file). `partitionKeys`: the partition key names of the lake's Hive tables (lower case). Anything not
 * understood is left as it was.
 */
export async function withItemsEvaluatedOnce(connection: DuckDBConnection, sql: string, partitionKeys: ReadonlySet<string>): Promise<string> {
  if (!/\bFROM\s*\(\s*SELECT\b/i.test(sql) || !/^[\x20-\x7e\s]*$/.test(sql)) return sql;
  let tree: Json;
  try {
    const reader = await connection.runAndReadAll(`SELECT json_serialize_sql(${sqlString(sql)})`);
    tree = JSON.parse(String(reader.getRows()[0][0])) as Json;
  } catch {
    return sql;
  }
  if (tree.error !== false) return sql;
  const splices: { at: number; end: number }[] = [];
  for (const node of objects(tree)) {
    if (node.type !== 'SELECT_NODE' || !isObject(node.where_clause) || !isObject(node.from_table)) continue;
    const from = node.from_table;
    const inner = isObject(from.subquery) && isObject(from.subquery.node) ? from.subquery.node : undefined;
    if (from.type !== 'SUBQUERY' || inner?.type !== 'SELECT_NODE' || !Array.isArray(inner.select_list)) continue;
    if ((inner.group_expressions as unknown[]).length > 0 || inner.having !== null || inner.aggregate_handling !== 'STANDARD_HANDLING') continue;
    const alias = String(from.alias).toLowerCase();
    const filtered = plainColumns(node.where_clause);
    const qualifiedElsewhere = [...objects(node.where_clause)].some(
      (n) =>
        n.class === 'COLUMN_REF' &&
        ((n.column_names as string[]).length > 2 ||
          ((n.column_names as string[]).length === 2 && String((n.column_names as string[])[0]).toLowerCase() !== alias)),
    );
    if (!filtered || filtered.length === 0 || qualifiedElsewhere) continue;
    const items = new Map<string, Json>();
    for (const item of inner.select_list as Json[]) {
      const name = String(item.alias).toLowerCase();
      if (name) items.set(name, item);
    }
    const handled = new Map<string, { at: number; end: number }>();
    for (const column of new Set(filtered)) {
      const item = items.get(column);
      const reads = item && plainColumns(item);
      const span = item && callSpan(sql, item);
      if (!reads || reads.length === 0 || reads.every((c) => partitionKeys.has(c)) || !span) break;
      handled.set(column, span);
    }
    // Every column the WHERE reads must be handled, or the rows the expression sees could change.
    if (handled.size !== new Set(filtered).size) continue;
    splices.push(...handled.values());
  }
  // A span inside another (nested derived tables) is left alone: the outer one's end would move.
  const kept = splices.sort((a, b) => a.at - b.at).filter((s, i, all) => !all.some((o, j) => j !== i && o.at <= s.at && s.end <= o.end));
  let result = sql;
  for (const { at, end } of kept.reverse()) {
    result = `${result.slice(0, at)}CASE WHEN random() >= 0 THEN ${result.slice(at, end)} END${result.slice(end)}`;
  }
  return result;
}
