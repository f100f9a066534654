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
//
// Even pruned, a read expanded the glob of every partition folder of the table (`year=*/month=*/day=*/hour=*/**`): a
// walk of every hour of history, in each statement. So the folders the copied conjuncts keep are chosen here first:
// the folder names are listed level by level (no walk inside the partitions), the conjuncts evaluated by DuckDB over
// the folders' key values typed as the reader types them, and the read given the kept folders only. That holds for
// any format (a JSON landing table too). Anything unusual (a name DuckDB's Hive reader may decode, a symbolic link,
// a conjunct reading the clock or failing on some folder's values) leaves the read as it was.
import { type Dirent, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { duckDbTypeOf, parseHiveType } from '../../dialect/hive-types.js';
import type { LakeTable } from '../../dialect/lake-table.js';
import type { LakeCatalog } from './catalog.js';
import { listDataFiles, localPathOf } from './lake-storage.js';
import { sqlIdent, sqlString } from './readers.js';
import { isObject, type Json, objects } from './sql-tree.js';

/** Expression classes a copied conjunct may contain: no subquery, window, lambda, star or parameter. */
const PLAIN_CLASSES = new Set(['COLUMN_REF', 'CONSTANT', 'FUNCTION', 'OPERATOR', 'COMPARISON', 'CONJUNCTION', 'BETWEEN', 'CAST', 'CASE']);
/** DuckDB's volatile functions: evaluated inside the read, they would be evaluated for other rows than before. */
const VOLATILE = new Set(['random', 'uuid', 'gen_random_uuid', 'uuidv4', 'uuidv7', 'nextval', 'currval', 'setseed', 'error']);

/** Tables whose partition folders can be chosen here: partitioned, no registered locations. */
const choosable = (table: LakeTable): boolean => table.tableType === 'hive' && table.partitionKeys.length > 0 && table.partitions.length === 0;
/** Tables whose reads can take the conjuncts themselves: Parquet (its view reads the files directly). */
const prunable = (table: LakeTable): boolean => choosable(table) && table.format.kind === 'parquet';
/** Functions of the clock: evaluated in another statement than the read, they could keep other folders. */
const CLOCK = /now|current|today|localtime|transaction_timestamp|epoch_ms\(\)/i;
/** Partition values read alike by DuckDB's Hive reader and by this listing: no escapes, no NULL spellings. */
const PLAIN_VALUE = /^[A-Za-z0-9_.+-]+$/;
const NULL_VALUE = /^(?:null|__HIVE_DEFAULT_PARTITION__)$/i;
/** The translator's one-row relation beside a query level whose `*` it checks (dialect/translate/star-names.ts). */
const STAR_FILLER = 'trino_star_filler';

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

/**
 * The one table a query block reads: its FROM's table, or the table beside the star filler the translator joins to a
 * query level whose `*` it checks (star-names.ts: `FROM (SELECT NULL AS trino_star_filler) AS trino_star_filler, t`,
 * one row of one column no key is named after, so the block reads t's rows as they are and its unqualified keys are
 * t's). The example's curated model is such a block: its landing read expanded the glob of every hour of history.
 */
function readTable(from: Json): Json | undefined {
  if (from.type === 'BASE_TABLE') return from;
  if (from.type !== 'JOIN' || from.ref_type !== 'CROSS' || !isObject(from.left) || !isObject(from.right)) return undefined;
  return isStarFiller(from.left) && from.right.type === 'BASE_TABLE' ? from.right : undefined;
}

/** `(SELECT NULL AS trino_star_filler) AS trino_star_filler`, exactly. */
function isStarFiller(relation: Json): boolean {
  if (relation.type !== 'SUBQUERY' || relation.alias !== STAR_FILLER || !isObject(relation.subquery) || !isObject(relation.subquery.node)) return false;
  const query = relation.subquery.node;
  const items = query.select_list;
  if (query.type !== 'SELECT_NODE' || !isObject(query.from_table) || query.from_table.type !== 'EMPTY' || !Array.isArray(items) || items.length !== 1)
    return false;
  const [item] = items as Json[];
  const value = isObject(item.value) ? item.value : undefined;
  const plain =
    [query.where_clause, query.having, query.qualify, query.sample].every((clause) => clause === null || clause === undefined) &&
    [query.modifiers, query.group_expressions].every((list) => Array.isArray(list) && list.length === 0);
  return plain && item.class === 'CONSTANT' && item.alias === STAR_FILLER && value?.is_null === true;
}

/**
 * Type guards that are TRUE or fail while DuckDB binds, from the column types alone (shims/function-macros.ts): a copy
 * of a conjunct takes TRUE for them, as the statement keeps the conjunct with its guard, bound over the same types (the
 * folders' values are typed as the table's reader types them). Binding the eight of the example's alert was ~4 ms of
 * each of its folder choices (issue 18).
 */
const TYPE_GUARDS = new Set(['trino_text_comparable', 'trino_nested_comparable', 'trino_text_literal_comparable']);
const TRUE_CONSTANT: Json = {
  class: 'CONSTANT',
  type: 'VALUE_CONSTANT',
  alias: '',
  query_location: 0,
  value: { type: { id: 'BOOLEAN', type_info: null }, is_null: false, value: true },
};

/** The conjunct (a copy) with its type guards TRUE. */
function withoutTypeGuards(conjunct: Json): Json {
  for (const node of objects(conjunct)) {
    if (node.class !== 'FUNCTION' || !TYPE_GUARDS.has(String(node.function_name).toLowerCase()) || (node.schema ?? '') !== '') continue;
    for (const key of Object.keys(node)) delete node[key];
    Object.assign(node, structuredClone(TRUE_CONSTANT));
  }
  return conjunct;
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

/**
 * DuckDB's tree of `SELECT 1`, the frame an expression is printed in: the same for every connection of this process's
 * DuckDB library, so it is asked for once (a round trip per partition conjunct otherwise).
 */
let selectOneTree: string | undefined;

/** DuckDB's own SQL text of a parsed expression (printed from its tree as DuckDB parsed it). */
async function expressionText(connection: DuckDBConnection, expression: Json): Promise<string | undefined> {
  selectOneTree ??= await scalar(connection, `SELECT json_serialize_sql('SELECT 1')`);
  const template = JSON.parse(selectOneTree) as { statements: { node: Json }[] };
  template.statements[0].node.select_list = [{ ...expression, alias: '' }];
  // An unknown location is 2^64 - 1, which JSON.parse rounds past uint64: DuckDB would refuse the tree.
  for (const node of objects(template)) if (typeof node.query_location === 'number' && !Number.isSafeInteger(node.query_location)) node.query_location = 0;
  const text = await scalar(connection, `SELECT json_deserialize_sql(${sqlString(JSON.stringify(template))})`);
  return text.startsWith('SELECT ') ? text.slice('SELECT '.length) : undefined;
}

/** The table's partition folders (path and key values), listed level by level; undefined when a name is unusual. */
function partitionFolders(dir: string, keys: readonly string[]): { path: string; values: string[] }[] | undefined {
  let level = [{ path: dir, values: [] as string[] }];
  for (const key of keys) {
    const next: typeof level = [];
    for (const folder of level) {
      let entries: Dirent[];
      try {
        entries = readdirSync(folder.path, { withFileTypes: true });
      } catch {
        return undefined;
      }
      for (const entry of entries) {
        if (!entry.name.startsWith(`${key}=`)) continue;
        const value = entry.name.slice(key.length + 1);
        if (!entry.isDirectory() || !PLAIN_VALUE.test(value) || NULL_VALUE.test(value)) return undefined;
        next.push({ path: join(folder.path, entry.name), values: [...folder.values, value] });
      }
    }
    level = next;
  }
  return level;
}

/**
 * The partition folders whose key values pass `filter`, evaluated by DuckDB over the values typed as the table's
 * reader types them (its hive_types); undefined when that cannot be decided here (none listed, or DuckDB fails: the
 * statement then reads as before, and fails there if it must).
 */
async function chosenFolders(connection: DuckDBConnection, catalog: LakeCatalog, table: LakeTable, filter: string): Promise<string[] | undefined> {
  const keys = table.partitionKeys;
  const folders = partitionFolders(
    localPathOf(catalog.lakeRoot, table.location),
    keys.map((k) => k.name),
  );
  if (!folders || folders.length === 0) return undefined;
  // One text per key (values hold no comma: PLAIN_VALUE), so binding costs the same whatever the number of folders.
  const columns = keys.map(
    (k, j) =>
      `CAST(unnest(string_split(${sqlString(folders.map((f) => f.values[j]).join(','))}, ',')) AS ${duckDbTypeOf(parseHiveType(k.type))}) AS ${sqlIdent(k.name)}`,
  );
  const values = `SELECT unnest(range(${folders.length})) AS "__lake_i", ${columns.join(', ')}`;
  let kept: string[];
  try {
    const reader = await connection.runAndReadAll(`SELECT "__lake_i" FROM (${values}) AS __lake_p WHERE ${filter}`);
    kept = reader.getRows().map((row) => folders[Number(row[0])].path);
  } catch {
    return undefined;
  }
  // DuckDB fails on a glob of the list that matches no file: a kept folder without data files is left out when it
  // holds nothing but hidden files (the table's glob matched nothing there either); anything else reads as before.
  const withData: string[] = [];
  for (const folder of kept) {
    if (listDataFiles(folder, 1).length > 0) withData.push(folder);
    else if (!readdirSync(folder, { withFileTypes: true }).every((e) => e.isFile() && /^[._]/.test(e.name))) return undefined;
  }
  return withData;
}

/**
 * The query with each prunable table read, in a query block whose WHERE has conjuncts on that table's partition keys
 * only, replaced by the table's view SELECT filtered by those conjuncts. Anything not understood is left as it was.
 */
export async function withPartitionFilters(connection: DuckDBConnection, catalog: LakeCatalog, sql: string): Promise<string> {
  const lower = sql.toLowerCase();
  const candidates = (await catalog.hiveTables()).filter((t) => choosable(t) && lower.includes(t.name.toLowerCase()));
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
    const from = readTable(node.from_table);
    if (from === undefined || typeof from.query_location !== 'number') continue;
    const name = String(from.table_name).toLowerCase();
    const schema = String(from.schema_name).toLowerCase() || database;
    if (cteNames.has(name) || !['', 'awsdatacatalog'].includes(String(from.catalog_name).toLowerCase())) continue;
    const table = candidates.find((t) => t.name.toLowerCase() === name && t.database.toLowerCase() === schema);
    if (!table) continue;
    const keys = new Set(table.partitionKeys.map((k) => k.name.toLowerCase()));
    // A key of the filler's name would be ambiguous beside it (DuckDB reads the nearer one).
    if (from !== node.from_table && keys.has(STAR_FILLER)) continue;
    const alias = String(from.alias);
    const qualifiers = new Set([alias ? alias.toLowerCase() : name]);
    const filters: string[] = [];
    for (const conjunct of conjuncts(node.where_clause)) {
      if (!readsOnlyKeys(conjunct, keys, qualifiers)) continue;
      const text = await expressionText(connection, withoutTypeGuards(unqualified(conjunct)));
      if (text !== undefined) filters.push(`(${text})`);
    }
    if (filters.length === 0) continue;
    const filter = filters.join(' AND ');
    const folders = CLOCK.test(filter) ? undefined : await chosenFolders(connection, catalog, table, filter);
    // No folder kept: the filter itself (it prunes every file) where the read can take it, else the view as it is.
    const select =
      folders !== undefined && folders.length > 0
        ? await catalog.filteredSelect(table, undefined, folders)
        : prunable(table)
          ? await catalog.filteredSelect(table, filter)
          : undefined;
    if (select === undefined) continue;
    const at = from.query_location;
    splices.push({ at, end: nameEnd(sql, at), text: `(${select})${alias ? '' : ` AS ${sqlIdent(String(from.table_name))}`}` });
  }
  let result = sql;
  for (const splice of splices.sort((a, b) => b.at - a.at)) result = result.slice(0, splice.at) + splice.text + result.slice(splice.end);
  return result;
}
