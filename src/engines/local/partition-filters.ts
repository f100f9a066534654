// Partition pruning for predicates DuckDB keeps above a Hive table's view (issue 18). A Hive table is read through its
// view, a projection over DuckDB's file reader, and DuckDB 1.5 never moves a filter that can throw (integer
// arithmetic, most casts) across a projection (src/optimizer/pushdown/pushdown_projection.cpp: "Volatile and throwing
// expressions cannot move across the projection"). So a partition predicate such as the example's
// `year * 1000000 + month * 10000 + day * 100 + hour BETWEEN …` pruned no file: every file of the table was opened
// and its partition values filtered row by row, a cost that grew with the history held (672 files at four weeks),
// where Athena prunes the partitions first. Here such a conjunct, when it reads only partition keys of the one table
// of its query block, is copied into that table's own read (the view's SELECT with the conjunct in its WHERE), where
// DuckDB applies it to the file list. The conjunct also stays where it was: the copy only removes rows the query's
// WHERE removes anyway, so the answer cannot change; a conjunct that fails on a partition's values fails the
// statement there too (DuckDB raises errors of its file filters).
import type { DuckDBConnection } from '@duckdb/node-api';
import type { LakeTable } from '../../dialect/lake-table.js';
import type { LakeCatalog } from './catalog.js';
import { sqlIdent, sqlString } from './readers.js';

type Json = { [key: string]: unknown };

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Expression classes a copied conjunct may contain: no subquery, window, lambda, star or parameter. */
const PLAIN_CLASSES = new Set(['COLUMN_REF', 'CONSTANT', 'FUNCTION', 'OPERATOR', 'COMPARISON', 'CONJUNCTION', 'BETWEEN', 'CAST', 'CASE']);
/** DuckDB's volatile functions: evaluated inside the read, they would be evaluated for other rows than before. */
const VOLATILE = new Set(['random', 'uuid', 'gen_random_uuid', 'uuidv4', 'uuidv7', 'nextval', 'currval', 'setseed', 'error']);

/** Tables whose reads can be pruned here: Parquet (its view reads the files directly), partitioned, no registered locations. */
const prunable = (table: LakeTable): boolean =>
  table.tableType === 'hive' && table.format.kind === 'parquet' && table.partitionKeys.length > 0 && table.partitions.length === 0;

/** Every object of the tree, depth first. */
function* objects(node: unknown): Generator<Json> {
  if (Array.isArray(node)) {
    for (const child of node) yield* objects(child);
  } else if (isObject(node)) {
    yield node;
    for (const value of Object.values(node)) yield* objects(value);
  }
}

/** The top-level AND conjuncts of a WHERE clause. */
function conjuncts(expression: Json): Json[] {
  if (expression.type === 'CONJUNCTION_AND' && Array.isArray(expression.children)) return (expression.children as Json[]).flatMap(conjuncts);
  return [expression];
}

/**
 * Whether a conjunct reads only the table's partition keys (unqualified, or qualified by the table's name or alias),
 * at least one of them, through plain expressions.
 */
function readsOnlyKeys(conjunct: Json, keys: ReadonlySet<string>, qualifiers: ReadonlySet<string>): boolean {
  let columns = 0;
  for (const node of objects(conjunct)) {
    if (typeof node.class !== 'string') continue;
    if (!PLAIN_CLASSES.has(node.class)) return false;
    if (node.class === 'FUNCTION' && VOLATILE.has(String(node.function_name).toLowerCase())) return false;
    if (node.class === 'COLUMN_REF') {
      const names = (node.column_names as string[]).map((n) => n.toLowerCase());
      const key = names.at(-1) ?? '';
      if (!keys.has(key) || names.length > 2 || (names.length === 2 && !qualifiers.has(names[0]))) return false;
      columns++;
    }
  }
  return columns > 0;
}

/** The conjunct with its column references unqualified: inside the table's read the keys are its own columns. */
function unqualified(conjunct: Json): Json {
  const copy = structuredClone(conjunct);
  for (const node of objects(copy)) {
    if (node.class === 'COLUMN_REF') node.column_names = [(node.column_names as string[]).at(-1)];
  }
  return copy;
}

/** The end of a (possibly qualified, possibly quoted) name starting at `at`. */
function nameEnd(sql: string, at: number): number {
  let i = at;
  for (;;) {
    if (sql[i] === '"') {
      i++;
      while (i < sql.length && !(sql[i] === '"' && sql[i + 1] !== '"')) i += sql[i] === '"' ? 2 : 1;
      i++;
    } else {
      while (i < sql.length && /[\w$]/.test(sql[i])) i++;
    }
    if (sql[i] !== '.') return i;
    i++;
  }
}

async function scalar(connection: DuckDBConnection, sql: string): Promise<string> {
  const reader = await connection.runAndReadAll(sql);
  return String(reader.getRows()[0][0]);
}

/** DuckDB's own SQL text of a parsed expression (printed from its tree as DuckDB parsed it). */
async function expressionText(connection: DuckDBConnection, expression: Json): Promise<string | undefined> {
  const template = JSON.parse(await scalar(connection, `SELECT json_serialize_sql('SELECT 1')`)) as { statements: { node: Json }[] };
  template.statements[0].node.select_list = [{ ...expression, alias: '' }];
  // An unknown location is 2^64 - 1, which JSON.parse rounds past uint64: DuckDB would refuse the tree.
  for (const node of objects(template)) if (typeof node.query_location === 'number' && !Number.isSafeInteger(node.query_location)) node.query_location = 0;
  const text = await scalar(connection, `SELECT json_deserialize_sql(${sqlString(JSON.stringify(template))})`);
  return text.startsWith('SELECT ') ? text.slice('SELECT '.length) : undefined;
}

/**
 * The query with each prunable table read, in a query block whose WHERE has conjuncts on that table's partition keys
 * only, replaced by the table's view SELECT filtered by those conjuncts. Anything not understood is left as it was.
 */
export async function withPartitionFilters(connection: DuckDBConnection, catalog: LakeCatalog, sql: string): Promise<string> {
  const lower = sql.toLowerCase();
  const candidates = (await catalog.hiveTables()).filter((t) => prunable(t) && lower.includes(t.name.toLowerCase()));
  if (candidates.length === 0) return sql;
  let tree: Json;
  try {
    tree = JSON.parse(await scalar(connection, `SELECT json_serialize_sql(${sqlString(sql)})`)) as Json;
  } catch {
    return sql;
  }
  if (tree.error !== false) return sql;
  const cteNames = new Set<string>();
  for (const node of objects(tree)) {
    const map = isObject(node.cte_map) ? node.cte_map.map : undefined;
    if (Array.isArray(map)) for (const entry of map as Json[]) cteNames.add(String(entry.key).toLowerCase());
  }
  const database = await scalar(connection, 'SELECT current_schema()');
  const splices: { at: number; end: number; text: string }[] = [];
  for (const node of objects(tree)) {
    if (node.type !== 'SELECT_NODE' || !isObject(node.from_table) || !isObject(node.where_clause)) continue;
    const from = node.from_table;
    if (from.type !== 'BASE_TABLE' || typeof from.query_location !== 'number') continue;
    const name = String(from.table_name).toLowerCase();
    const schema = String(from.schema_name).toLowerCase() || database;
    if (cteNames.has(name) || !['', 'awsdatacatalog'].includes(String(from.catalog_name).toLowerCase())) continue;
    const table = candidates.find((t) => t.name.toLowerCase() === name && t.database.toLowerCase() === schema);
    if (!table) continue;
    const keys = new Set(table.partitionKeys.map((k) => k.name.toLowerCase()));
    const alias = String(from.alias);
    const qualifiers = new Set([alias ? alias.toLowerCase() : name]);
    const filters: string[] = [];
    for (const conjunct of conjuncts(node.where_clause)) {
      if (!readsOnlyKeys(conjunct, keys, qualifiers)) continue;
      const text = await expressionText(connection, unqualified(conjunct));
      if (text !== undefined) filters.push(`(${text})`);
    }
    if (filters.length === 0) continue;
    const select = await catalog.filteredSelect(table, filters.join(' AND '));
    if (select === undefined) continue;
    const at = from.query_location;
    splices.push({ at, end: nameEnd(sql, at), text: `(${select})${alias ? '' : ` AS ${sqlIdent(String(from.table_name))}`}` });
  }
  let result = sql;
  for (const splice of splices.sort((a, b) => b.at - a.at)) result = result.slice(0, splice.at) + splice.text + result.slice(splice.end);
  return result;
}
