// The local catalog, the stand-in for Glue: Athena databases are schemas of the DuckDB database attached as
// `awsdatacatalog` (<lake>/.duckdb/catalog.duckdb). Hive tables are views over the lake's files; their Glue-like
// description is kept in the hidden schema `__lake`. Iceberg tables are native DuckDB tables.
import type { DuckDBConnection } from '@duckdb/node-api';
import { hiveToDuckDb } from '../../dialect/hive-types.js';
import { relationsHashOrderedColumns } from '../../dialect/translate/hash-orders.js';
import { jsonParsedViewColumns } from '../../dialect/translate/inlined-json-parse.js';
import { splitCallArgs } from '../../dialect/translate/tree.js';
import { DataFilePresence, listDataFiles, localPathOf } from './lake-storage.js';
import type { LakeColumn, LakeTable } from '../../dialect/lake-table.js';
import { hiveTableSelect, sqlIdent, sqlString, tableFolderGlob, type SourcePresence } from './readers.js';
import { filesAgree, firstDataFile, mayReadPlain, readsAsDeclared, settledStamp } from './parquet-reading.js';
import { writtenWithOneSchema } from '../../storage/written-parquet.js';

export const CATALOG = 'awsdatacatalog';
export const META_SCHEMA = '__lake';
/** Schemas of the attached file that are not Athena databases. */
export const HIDDEN_SCHEMAS = new Set([META_SCHEMA, 'main', 'information_schema', 'pg_catalog']);

export const catalogName = (database: string, name?: string): string =>
  `${sqlIdent(CATALOG)}.${sqlIdent(database)}${name === undefined ? '' : `.${sqlIdent(name)}`}`;

interface StoredTable {
  table: LakeTable;
  viewSql: string | null;
}

/**
 * What the catalog held when last read: the statements of one run ask for the same databases and table descriptions
 * dozens of times (every statement names its database, every write checks its target), and each answer was a query.
 * Valid only while no one else can change the catalog (see `forget`); this process's own changes drop it.
 */
interface CatalogSnapshot {
  databases?: string[];
  tables?: StoredTable[];
  relations: Map<string, { name: string; kind: 'table' | 'view' }[]>;
  viewTexts?: string[];
  /** The views' schema and name, in the listing's order (viewNames). */
  views?: [schema: string, view: string][];
  zonedViews?: ReadonlySet<string>;
  jsonParsedViews?: ReadonlyMap<string, ReadonlySet<string>>;
  hashOrdered?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Views (lower-case names) of zoned values, and the json_parse columns of views (LakeCatalog.viewColumnKinds). */
interface ViewColumnKinds {
  zoned: ReadonlySet<string>;
  jsonParsed: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Each view's own hash-ordered map columns and its query (Trino SQL), by the view's lower-case name (the view's
   * comment: HASH_ORDERED_COMMENT); a view made before the query was kept has its columns as they were, no query.
   */
  hashOrdered: readonly { name: string; database: string; own: readonly string[]; query?: string; columns?: readonly string[] }[];
}

/**
 * How a view's hash-ordered map columns are kept with it (LakeCatalog.hashOrderedViewCreated): its DuckDB comment,
 * made and dropped with the view, read only here (no Athena statement shows a local view's comment). JSON after it:
 * `{"own": [columns], "query": "Trino SQL", "database": "its unqualified names' database"}` (an array of columns from
 * views made before hashv43).
 */
const HASH_ORDERED_COMMENT = 'lake hash-ordered columns: ';

const emptySnapshot = (): CatalogSnapshot => ({ relations: new Map() });

/** A surrogate: an astral character, the only place UTF-16 code unit order and UTF-8 byte order part. */
const SURROGATE = /[\uD800-\uDFFF]/;

/** Byte order of two strings' UTF-8; without astral characters it is their code unit order, compared unencoded. */
function byUtf8(a: string, b: string): number {
  if (SURROGATE.test(a) || SURROGATE.test(b)) return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * DuckDB's ORDER BY of VARCHAR keys: byte order of their UTF-8 (the listings this snapshot stands in for use it).
 * Called for every table of the snapshot each time one is added (a lint of 1,000 models: ~500,000 calls).
 */
export function byCatalogOrder(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = byUtf8(a[i], b[i]);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/**
 * Where `key` is, or would go, in `sorted` (a listing the snapshot keeps in byCatalogOrder, each key once): the first
 * entry not ordered before it. A binary search: the linear searches per new table were O(tables²) over a lint of
 * 1,000 models (issue 18, ~10 % of the bind worker).
 */
function catalogIndex<T>(sorted: readonly T[], key: readonly string[], keyOf: (entry: T) => readonly string[]): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (byCatalogOrder(keyOf(sorted[middle]), key) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

const tableKey = (stored: StoredTable): readonly string[] => [stored.table.database, stored.table.name];
const relationKey = (relation: { name: string }): readonly string[] => [relation.name];

/** The description of `database.name` among the snapshot's tables (in the catalog's order), if held. */
function storedTable(tables: readonly StoredTable[], database: string, name: string): StoredTable | undefined {
  const found = tables[catalogIndex(tables, [database, name], tableKey)];
  return found?.table.database === database && found.table.name === name ? found : undefined;
}

export class LakeCatalog {
  private snapshot: CatalogSnapshot = emptySnapshot();
  /** View SELECTs by table description and presence (a pure function of both: every statement asks for all of them). */
  private readonly selects = new Map<string, string>();
  private viewTextsSeen: { key: string; names: ReadonlySet<string>; texts: string[] } | undefined;
  /**
   * Views this process created since the snapshot was last dropped whose shims its session already defined (a Hive
   * table's view names none; a CREATE VIEW's statement defined its own): a new name among these needs no listing of
   * the views' texts (issue 18: `npm start` listed them after each of its ~50 new tables and views, ~3 ms each).
   */
  private readonly ownViews = new Set<string>();
  /** The same for the views of zoned values and of json_parse (a view replaced here under its name drops it: viewsChanged). */
  private viewColumnsSeen: ({ key: string } & ViewColumnKinds) | undefined;
  /** ensure() ran since the snapshot was last dropped. */
  private ensured = false;
  /** Which tables' folders hold files: asked of every Hive table before (and, writing, after) every statement. */
  private readonly dataFiles = new DataFilePresence();
  /** Files the plain Parquet reader failed on (a column missing): the tables holding them are read by name. */
  private readonly filesMissingColumns = new Set<string>();
  /** Data files this process's writer published, with the declared columns they were written with (as JSON). */
  private readonly ownFiles = new Map<string, string>();
  /** Per table folder and columns: its first data file, whether it reads as declared, and the walk's stamp. */
  private readonly firstFilesChecked = new Map<string, { paths: string[]; stamp: string; reads: boolean }>();

  /**
   * New native tables of a scratch engine not yet written (addNewTable): their CREATE TABLE statements and their
   * descriptions' rows, written in one round trip before anything else runs on the connection that could see them.
   */
  private readonly unwritten: { creates: string[]; rows: string[] } = { creates: [], rows: [] };

  /**
   * `deferNewTables`: the catalog is in memory and this process's alone (a scratch engine of `lake lint` or schema
   * discovery), so a new table's creation and description may wait for the next statement (addNewTable).
   */
  constructor(
    private readonly connection: DuckDBConnection,
    readonly lakeRoot: string,
    private readonly deferNewTables = false,
  ) {}

  /** A statement of the catalog's own, after the new tables not yet written (addNewTable). */
  private async run(sql: string): Promise<void> {
    await this.writeNewTables();
    await this.connection.run(sql);
  }

  /**
   * Drops what was read: called when another process may have changed the catalog (a statement not under this
   * process's writer lock) and after any change made here (DDL, writes), so that a cached answer is never stale.
   */
  forget(): void {
    this.snapshot = emptySnapshot();
    this.ownViews.clear();
    this.ensured = false;
  }

  /**
   * Creates the catalog's own schemas and table where missing. Done once while the snapshot holds (under the writer
   * lock, or in memory): what made them exist cannot have changed since, and a write statement of a run paid three
   * statements for it.
   */
  async ensure(): Promise<void> {
    if (this.ensured) return;
    await this.run(`CREATE SCHEMA IF NOT EXISTS ${catalogName(META_SCHEMA)}`);
    await this.run(`CREATE SCHEMA IF NOT EXISTS ${catalogName('default')}`);
    await this.run(
      `CREATE TABLE IF NOT EXISTS ${catalogName(META_SCHEMA, 'tables')} (database VARCHAR, name VARCHAR, spec VARCHAR, view_sql VARCHAR, PRIMARY KEY (database, name))`,
    );
    this.ensured = true;
  }

  private async rows(sql: string): Promise<Record<string, unknown>[]> {
    await this.writeNewTables();
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjects() as Record<string, unknown>[];
  }

  async databases(): Promise<string[]> {
    if (this.snapshot.databases) return this.snapshot.databases;
    const rows = await this.rows(`SELECT schema_name FROM duckdb_schemas() WHERE database_name = ${sqlString(CATALOG)} ORDER BY schema_name`);
    this.snapshot.databases = rows.map((r) => String(r.schema_name)).filter((s) => !HIDDEN_SCHEMAS.has(s));
    return this.snapshot.databases;
  }

  async databaseExists(database: string): Promise<boolean> {
    return (await this.databases()).includes(database);
  }

  /** Tables and views of a database (Athena's SHOW TABLES lists both). */
  async relations(database: string): Promise<{ name: string; kind: 'table' | 'view' }[]> {
    const cached = this.snapshot.relations.get(database);
    if (cached) return cached;
    const rows = await this.rows(
      `SELECT table_name AS name, 'table' AS kind FROM duckdb_tables() WHERE database_name = ${sqlString(CATALOG)} AND schema_name = ${sqlString(database)} AND NOT temporary
       UNION ALL
       SELECT view_name, 'view' FROM duckdb_views() WHERE database_name = ${sqlString(CATALOG)} AND schema_name = ${sqlString(database)} AND NOT temporary
       ORDER BY 1`,
    );
    const hive = new Set((await this.tables(database)).filter((t) => t.table.tableType === 'hive').map((t) => t.table.name));
    const relations = rows.map((r) => ({ name: String(r.name), kind: hive.has(String(r.name)) ? ('table' as const) : (r.kind as 'table' | 'view') }));
    this.snapshot.relations.set(database, relations);
    return relations;
  }

  /**
   * The SQL of the catalog's views that name shims (those must exist before the view is read). DuckDB renders every
   * view's SQL to answer (~4 ms for the example's 46 views), so the texts are kept while the set of views is the same
   * (listing names costs ~1 ms). A view another process replaced under the same name keeps its old texts here: a shim
   * only the new body names fails loudly ("trino_… does not exist"), and this process's own statements name theirs.
   */
  async viewTexts(): Promise<string[]> {
    if (!this.snapshot.viewTexts) {
      const key = await this.viewNames();
      const seen = this.viewTextsSeen;
      if (seen?.key !== key) {
        const names = new Set(key.split('\n'));
        // Texts of views gone since are kept: they only name shims to define, which costs nothing once defined.
        if (seen && [...names].every((name) => seen.names.has(name) || this.ownViews.has(name))) this.viewTextsSeen = { key, names, texts: seen.texts };
        else {
          const rows = await this.rows(
            `SELECT sql FROM duckdb_views() WHERE database_name = ${sqlString(CATALOG)} AND NOT internal AND sql LIKE '%trino\\_%' ESCAPE '\\'`,
          );
          this.viewTextsSeen = { key, names, texts: rows.map((r) => String(r.sql)) };
        }
      }
      this.snapshot.viewTexts = this.viewTextsSeen?.texts ?? [];
    }
    return this.snapshot.viewTexts;
  }

  /** The views' qualified names, one a line: what was read of the views is read again only when these change. */
  private async viewNames(): Promise<string> {
    if (this.snapshot.views === undefined) {
      const names = await this.rows(
        `SELECT schema_name, view_name FROM duckdb_views() WHERE database_name = ${sqlString(CATALOG)} AND NOT internal ORDER BY 1, 2`,
      );
      this.snapshot.views = names.map((r) => [String(r.schema_name), String(r.view_name)]);
    }
    return this.snapshot.views.map(([schema, view]) => `${schema}.${view}`).join('\n');
  }

  /**
   * Lower-case names of the views whose columns (at any depth) are zoned timestamps, the local struct of
   * src/dialect/shims (its field trino_instant): a query over one is checked as one that makes zoned values
   * (TranslateContext.zonedViews). Only views of CREATE VIEW are read: a Hive table's view holds none (Hive refuses the
   * type), and the column listing is read again only when those views change (not per table a run or lint creates).
   */
  async zonedViews(): Promise<ReadonlySet<string>> {
    if (!this.snapshot.zonedViews) this.snapshot.zonedViews = (await this.viewColumnKinds()).zoned;
    return this.snapshot.zonedViews;
  }

  /**
   * The columns views made with json_parse, by the view's lower-case name (inlined-json-parse.ts
   * jsonParsedViewColumns): a query casting one is refused (TranslateContext.jsonParsedColumns). Only the SQL of views
   * with a json column is read, when the views change.
   */
  async jsonParsedViews(): Promise<ReadonlyMap<string, ReadonlySet<string>>> {
    if (!this.snapshot.jsonParsedViews) this.snapshot.jsonParsedViews = (await this.viewColumnKinds()).jsonParsed;
    return this.snapshot.jsonParsedViews;
  }

  /**
   * The hash-ordered map columns (hash-orders.ts) of the tables a CTAS, INSERT, UPDATE or MERGE wrote and of the views
   * made here, by `database.name` (lower case): a statement naming one is translated with them (TranslateContext
   * .hashOrderedColumns), so `map_keys(m)` of such a column is refused at `lake run` and `lake sql` as at `lake lint`.
   */
  async hashOrderedRelations(): Promise<ReadonlyMap<string, ReadonlySet<string>>> {
    if (!this.snapshot.hashOrdered) {
      const tables = new Map<string, ReadonlySet<string>>();
      for (const { table } of await this.storedTables()) {
        if (!table.hashOrderedColumns?.length) continue;
        const name = `${table.database}.${table.name}`.toLowerCase();
        tables.set(name, new Set([...(tables.get(name) ?? []), ...table.hashOrderedColumns]));
      }
      // A view's columns follow what the relations it reads hold now (a view replaced under it): derived from its query.
      this.snapshot.hashOrdered = relationsHashOrderedColumns(tables, (await this.viewColumnKinds()).hashOrdered, splitCallArgs);
    }
    return this.snapshot.hashOrdered;
  }

  /**
   * Keeps a new view's own hash-ordered map columns and its query (Trino SQL, with the database its unqualified names
   * are of) with it: its comment.
   */
  async hashOrderedViewCreated(database: string, name: string, own: readonly string[], query: { text: string; database: string } | undefined): Promise<void> {
    const kept = query === undefined ? own : { own, query: query.text, database: query.database };
    await this.run(`COMMENT ON VIEW ${catalogName(database, name)} IS ${sqlString(HASH_ORDERED_COMMENT + JSON.stringify(kept))}`);
  }

  /**
   * Adds the columns an INSERT wrote from hash-built maps to its table's (a table written once so stays so), and drops
   * `replaced`'s (an UPDATE of every row wrote each of their rows from maps of no hash order).
   */
  async addHashOrderedColumns(database: string, name: string, columns: readonly string[], replaced: readonly string[] = []): Promise<void> {
    const table = await this.get(database, name);
    const known = new Set(table?.hashOrderedColumns ?? []);
    const gone = replaced.filter((c) => known.has(c) && !columns.includes(c));
    if (!table || (columns.every((c) => known.has(c)) && gone.length === 0)) return;
    const kept = [...new Set([...known, ...columns])].filter((c) => !gone.includes(c));
    await this.put({ ...table, hashOrderedColumns: kept });
  }

  /** What zonedViews, jsonParsedViews and hashOrderedRelations read of views, listed again only when the views of CREATE VIEW change. */
  private async viewColumnKinds(): Promise<ViewColumnKinds> {
    const hive = new Set((await this.storedTables()).filter((t) => t.table.tableType === 'hive').map((t) => `${t.table.database}.${t.table.name}`));
    const key = (await this.viewNames())
      .split('\n')
      .filter((name) => name !== '' && !hive.has(name))
      .join('\n');
    if (this.viewColumnsSeen?.key !== key) {
      const rows =
        key === ''
          ? []
          : await this.rows(
              `SELECT lower(table_name) AS name, bool_or(contains(data_type, 'trino_instant ')) AS zoned, bool_or(data_type = 'JSON') AS json
               FROM duckdb_columns() WHERE database_name = ${sqlString(CATALOG)} AND (contains(data_type, 'trino_instant ') OR data_type = 'JSON')
               GROUP BY 1`,
            );
      const views = new Set(key.split('\n').map((name) => name.slice(name.indexOf('.') + 1).toLowerCase()));
      const json = rows.filter((r) => r.json === true && views.has(String(r.name))).map((r) => String(r.name));
      const jsonParsed = new Map<string, ReadonlySet<string>>();
      if (json.length > 0) {
        const texts = await this.rows(
          `SELECT sql FROM duckdb_views() WHERE database_name = ${sqlString(CATALOG)} AND NOT internal AND lower(view_name) IN (${json.map(sqlString).join(', ')})`,
        );
        // Views over such views pass the columns on: read again while a round finds more (a chain of views a round each).
        for (let round = 0, found = 1; found > 0 && round < 8; round++) {
          found = 0;
          for (const { sql } of texts) {
            const columns = jsonParsedViewColumns(String(sql), jsonParsed);
            if (columns && (jsonParsed.get(columns.view)?.size ?? 0) < columns.columns.size) {
              jsonParsed.set(columns.view, columns.columns);
              found++;
            }
          }
        }
      }
      const hashOrdered: ViewColumnKinds['hashOrdered'][number][] = [];
      if (key !== '')
        for (const r of await this.rows(
          `SELECT lower(schema_name) AS database, lower(view_name) AS name, comment FROM duckdb_views() WHERE database_name = ${sqlString(CATALOG)} AND NOT internal AND starts_with(comment, ${sqlString(HASH_ORDERED_COMMENT)})`,
        )) {
          const kept = JSON.parse(String(r.comment).slice(HASH_ORDERED_COMMENT.length)) as string[] | { own: string[]; query: string; database: string };
          const view = { name: `${String(r.database)}.${String(r.name)}`, database: String(r.database) };
          hashOrdered.push(Array.isArray(kept) ? { ...view, own: kept } : { ...view, ...kept });
        }
      // Their columns: what a view's query passes on is cut to the names it has (a star passes on every name the query
      // knows to hold such a map, also those of a relation the star does not read: `SELECT x.* FROM x CROSS JOIN t`).
      if (hashOrdered.length > 0) {
        const names = [...new Set(hashOrdered.map((v) => v.name.slice(v.name.indexOf('.') + 1)))];
        const columns = new Map<string, string[]>();
        for (const r of await this.rows(
          `SELECT lower(schema_name) AS database, lower(table_name) AS name, lower(column_name) AS column FROM duckdb_columns()
           WHERE database_name = ${sqlString(CATALOG)} AND lower(table_name) IN (${names.map(sqlString).join(', ')})`,
        )) {
          const view = `${String(r.database)}.${String(r.name)}`;
          columns.set(view, [...(columns.get(view) ?? []), String(r.column)]);
        }
        hashOrdered.forEach((v, k) => {
          const known = columns.get(v.name);
          if (known) hashOrdered[k] = { ...v, columns: known };
        });
      }
      this.viewColumnsSeen = { key, zoned: new Set(rows.filter((r) => r.zoned === true).map((r) => String(r.name))), jsonParsed, hashOrdered };
    }
    return this.viewColumnsSeen;
  }

  /**
   * Whether the snapshot already knows the database (and, with `name`, a table or view of it) to exist, without asking
   * the file: undefined when it has not read that far. Only meaningful while the snapshot holds (CatalogAccess).
   */
  knownToExist(database: string, name?: string): boolean | undefined {
    const { databases } = this.snapshot;
    if (!databases?.includes(database)) return undefined;
    if (name === undefined) return true;
    // A table's description comes with its relation (put creates the view or the caller the native table; remove
    // goes with the drop), and every write statement reads the descriptions: they answer when no listing was made.
    const described = this.snapshot.tables !== undefined && storedTable(this.snapshot.tables, database, name) !== undefined;
    const relations = this.snapshot.relations.get(database);
    return (relations !== undefined && relations[catalogIndex(relations, [name], relationKey)]?.name === name) || described || undefined;
  }

  /** The database's tables and views if the snapshot has listed them (see knownToExist). */
  knownRelations(database: string): readonly { name: string; kind: 'table' | 'view' }[] | undefined {
    return this.snapshot.databases?.includes(database) ? this.snapshot.relations.get(database) : undefined;
  }

  async relationKind(database: string, name: string): Promise<'table' | 'view' | undefined> {
    return (await this.relations(database)).find((r) => r.name === name)?.kind;
  }

  /**
   * Every table's description as held, in the catalog's order: read-only (refreshViews and the other readers here
   * never change a description in place; copying them all cost O(tables) per statement).
   */
  private async storedTables(): Promise<readonly StoredTable[]> {
    if (!this.snapshot.tables) {
      const rows = await this.rows(`SELECT spec, view_sql FROM ${catalogName(META_SCHEMA, 'tables')} ORDER BY database, name`);
      this.snapshot.tables = rows.map((r) => ({ table: JSON.parse(String(r.spec)) as LakeTable, viewSql: r.view_sql === null ? null : String(r.view_sql) }));
    }
    return this.snapshot.tables;
  }

  /** Tables' descriptions (callers get copies: a cached description must not be changed through them). */
  private async tables(database?: string): Promise<StoredTable[]> {
    return (await this.storedTables())
      .filter((t) => database === undefined || t.table.database === database)
      .map((t) => ({ ...t, table: structuredClone(t.table) }));
  }

  /**
   * The columns (data columns, then partition keys, with their Hive types) of the tables among `names` (lower-case
   * `database.name`), by that name (TranslateContext.columnTypes).
   */
  async tableColumns(names: ReadonlySet<string>): Promise<Map<string, readonly LakeColumn[]>> {
    const found = new Map<string, readonly LakeColumn[]>();
    for (const { table } of await this.storedTables()) {
      const key = `${table.database}.${table.name}`.toLowerCase();
      if (names.has(key)) found.set(key, [...table.columns, ...table.partitionKeys]);
    }
    return found;
  }

  /**
   * tableColumns from the snapshot alone, without reading the catalog: undefined where the snapshot holds no table
   * descriptions (a caller knows the snapshot is the catalog's content: CatalogAccess.snapshotHolds).
   */
  snapshotTableColumns(names: ReadonlySet<string>): Map<string, readonly LakeColumn[]> | undefined {
    const { tables } = this.snapshot;
    if (!tables) return undefined;
    const found = new Map<string, readonly LakeColumn[]>();
    for (const { table } of tables) {
      const key = `${table.database}.${table.name}`.toLowerCase();
      if (names.has(key)) found.set(key, [...table.columns, ...table.partitionKeys]);
    }
    return found;
  }

  async get(database: string, name: string): Promise<LakeTable | undefined> {
    const stored = storedTable(await this.storedTables(), database, name);
    return stored && structuredClone(stored.table);
  }

  /**
   * Records a table (replacing its description) and, for Hive tables, (re)creates its view. An unchanged description
   * keeps its view unless the files it reads changed (re-creating a view over Parquet reads every file's footer, so
   * doing it after each write made a scheduled run slower as history grew).
   */
  async put(table: LakeTable): Promise<void> {
    const spec = JSON.stringify(table);
    const stored = storedTable(await this.storedTables(), table.database, table.name);
    if (stored && JSON.stringify(stored.table) === spec) {
      if (table.tableType === 'hive') await this.refreshView({ table: structuredClone(table), viewSql: stored.viewSql });
      return;
    }
    // A new table is a plain INSERT: the snapshot knows it is not there, and INSERT OR REPLACE costs twice as much.
    await this.run(
      `INSERT${stored ? ' OR REPLACE' : ''} INTO ${catalogName(META_SCHEMA, 'tables')} VALUES (${sqlString(table.database)}, ${sqlString(table.name)}, ${sqlString(spec)}, NULL)`,
    );
    this.remember({ table: structuredClone(table), viewSql: null });
    if (table.tableType === 'hive') await this.refreshView({ table, viewSql: null });
    if (!stored) this.rememberRelation(table.database, table.name, table.tableType === 'hive');
  }

  /**
   * A new native table: `create` (its CREATE TABLE, which its caller knows cannot fail: the name is free in a database
   * that exists, and the same column definitions were created before) and its description, as `put` records it. A
   * catalog that defers new tables keeps both and writes them with the next ones, in one round trip, before its next
   * statement or the engine's next one other than such a creation (writeNewTables): `lake lint` of 1,000 models sent
   * 2,000 statements of ~0.5 ms of DuckDB CPU each for them (issue 18). What reads the snapshot sees the table at once.
   */
  async addNewTable(create: string, table: LakeTable): Promise<void> {
    const stored = storedTable(await this.storedTables(), table.database, table.name) !== undefined;
    if (!this.deferNewTables || stored || table.tableType === 'hive') {
      await this.run(create);
      await this.put(table);
      return;
    }
    this.unwritten.creates.push(create);
    this.unwritten.rows.push(`(${sqlString(table.database)}, ${sqlString(table.name)}, ${sqlString(JSON.stringify(table))}, NULL)`);
    this.remember({ table: structuredClone(table), viewSql: null });
    this.rememberRelation(table.database, table.name, false);
    if (this.unwritten.rows.length >= 64) await this.writeNewTables();
  }

  /** Writes the new tables addNewTable kept: their CREATE TABLE statements, then their descriptions in one INSERT. */
  async writeNewTables(): Promise<void> {
    const { creates, rows } = this.unwritten;
    if (rows.length === 0) return;
    const sql = [...creates, `INSERT INTO ${catalogName(META_SCHEMA, 'tables')} VALUES ${rows.join(', ')}`].join(';\n');
    creates.length = 0;
    rows.length = 0;
    await this.connection.run(sql);
  }

  /** Puts a description this process just wrote into the snapshot (when one is held), in the catalog's order. */
  private remember(stored: StoredTable): void {
    this.snapshot.hashOrdered = undefined;
    const { tables } = this.snapshot;
    if (!tables) return;
    const at = catalogIndex(tables, tableKey(stored), tableKey);
    if (tables[at]?.table.database === stored.table.database && tables[at].table.name === stored.table.name) tables[at] = stored;
    else tables.splice(at, 0, stored);
  }

  /**
   * A new table of this process: its relation (the native table its caller created, or the view put made) joins the
   * snapshot's listing of its database in the listing's order, and a new view's texts are listed again. Re-reading
   * them instead cost catalog queries per statement, O(tables) each: O(tables²) for a lint of many models.
   */
  private rememberRelation(database: string, name: string, isView: boolean): void {
    if (isView) this.viewsChanged(false, database, name, true);
    this.addRelation(database, { name, kind: 'table' });
  }

  /**
   * What the snapshot read of the views, read again when next asked, except their names: the view `name` of `database`
   * that this process made (`exists`) or dropped joins or leaves the listing in its order (issue 18: `npm start` listed
   * the names after each of its ~50 new tables and views). `replaced`: a plain view made here, whose name may be an
   * old one's (its columns' types are read again even so).
   */
  private viewsChanged(replaced: boolean, database: string, name: string, exists: boolean): void {
    this.snapshot.viewTexts = undefined;
    this.snapshot.zonedViews = undefined;
    this.snapshot.jsonParsedViews = undefined;
    this.snapshot.hashOrdered = undefined;
    if (replaced) this.viewColumnsSeen = undefined;
    const { views } = this.snapshot;
    if (!views) return;
    const at = catalogIndex(views, [database, name], (entry) => entry);
    const held = views[at]?.[0] === database && views[at][1] === name;
    if (!exists) {
      if (held) views.splice(at, 1);
    } else if (!held) views.splice(at, 0, [database, name]);
  }

  private addRelation(database: string, relation: { name: string; kind: 'table' | 'view' }): void {
    const relations = this.snapshot.relations.get(database);
    if (!relations) return;
    const at = catalogIndex(relations, [relation.name], relationKey);
    if (relations[at]?.name !== relation.name) relations.splice(at, 0, relation);
  }

  /**
   * Files the local writer just published into a table's folder: Parquet with exactly the declared columns and types
   * (castProjection), so they agree with each other without their footers being read (see currentSelect).
   */
  wroteFiles(table: LakeTable, files: readonly string[]): void {
    if (this.ownFiles.size + files.length > 100_000) this.ownFiles.clear();
    const columns = JSON.stringify(table.columns);
    for (const file of files) this.ownFiles.set(file, columns);
  }

  /** Whether every data file under the table's folder is one this process wrote with the table's declared columns. */
  private holdsOnlyOwnFiles(table: LakeTable): boolean {
    const columns = JSON.stringify(table.columns);
    const files = listDataFiles(localPathOf(this.lakeRoot, table.location));
    return files.length > 0 && files.every((file) => this.ownFiles.get(file) === columns);
  }

  /**
   * Forgets a table whose relation (`view`: a Hive table's view) its caller dropped: gone from the snapshot too. The
   * views' texts are listed again only when a view went: a native table's drop leaves them as they were (`lake test`
   * drops every fixture table after its test).
   */
  async remove(database: string, name: string, view: boolean): Promise<void> {
    await this.run(`DELETE FROM ${catalogName(META_SCHEMA, 'tables')} WHERE database = ${sqlString(database)} AND name = ${sqlString(name)}`);
    this.relationGone(database, name, view);
  }

  /** A database this process creates: the snapshot's list gains it, in the listing's order, with no relations. */
  async createDatabase(database: string): Promise<void> {
    await this.run(`CREATE SCHEMA ${catalogName(database)}`);
    const { databases } = this.snapshot;
    if (databases && !databases.includes(database)) {
      const after = databases.findIndex((d) => byCatalogOrder([d], [database]) > 0);
      databases.splice(after < 0 ? databases.length : after, 0, database);
    }
    this.snapshot.relations.set(database, []);
  }

  /** A plain view this process created (CREATE [OR REPLACE] VIEW) or dropped: the snapshot follows. */
  viewCreated(database: string, name: string): void {
    this.viewsChanged(true, database, name, true);
    this.ownViews.add(`${database}.${name}`);
    this.addRelation(database, { name, kind: 'view' });
  }

  viewDropped(database: string, name: string): void {
    this.relationGone(database, name, true);
  }

  private relationGone(database: string, name: string, view: boolean): void {
    if (view) this.viewsChanged(false, database, name, false);
    this.snapshot.hashOrdered = undefined;
    const { tables } = this.snapshot;
    if (tables) this.snapshot.tables = tables.filter((t) => !(t.table.database === database && t.table.name === name));
    const relations = this.snapshot.relations.get(database);
    if (relations)
      this.snapshot.relations.set(
        database,
        relations.filter((r) => r.name !== name),
      );
  }

  async removeDatabase(database: string): Promise<void> {
    this.forget();
    await this.run(`DELETE FROM ${catalogName(META_SCHEMA, 'tables')} WHERE database = ${sqlString(database)}`);
  }

  presence(table: LakeTable): SourcePresence {
    const dir = localPathOf(this.lakeRoot, table.location);
    const tableFolder = this.dataFiles.has(
      dir,
      table.partitionKeys.map((k) => k.name),
    );
    return { tableFolder, partitions: table.partitions.map((p) => this.dataFiles.has(localPathOf(this.lakeRoot, p.location))) };
  }

  /**
   * Brings every Hive table's view up to date with the lake: DuckDB's readers fail on globs that match no file, so a
   * view reads only the sources that have files, and is rewritten when that changes. Partitions that appear later are
   * read without any DDL, as with partition projection.
   */
  async refreshViews(): Promise<void> {
    for (const stored of await this.storedTables()) {
      if (stored.table.tableType === 'hive') await this.refreshView(stored);
    }
  }

  /** True when some Hive table's view no longer matches the files in the lake (see refreshViews). */
  async hasStaleViews(): Promise<boolean> {
    for (const stored of await this.storedTables()) {
      if (stored.table.tableType === 'hive' && (await this.currentSelect(stored)) !== stored.viewSql) return true;
    }
    return false;
  }

  /**
   * A file the plain Parquet reader failed on because it lacks a column (landed by another writer): the table holding
   * it is read by name from now on, so its view is stale. False when that was already so (the failure is real).
   */
  readByName(file: string): boolean {
    if (this.filesMissingColumns.has(file)) return false;
    this.filesMissingColumns.add(file);
    return true;
  }

  /**
   * The view's SELECT for the table and the files present now. Parquet files are read without union_by_name when that
   * gives the same answer (parquet-reading.ts): decided from the footers when the view is (re)created, kept while the
   * first file still reads as declared; a view that reads by name stays so until it is re-created.
   */
  private async currentSelect(stored: StoredTable): Promise<string> {
    const { table } = stored;
    const presence = this.presence(table);
    const byName = this.selectFor(table, presence, true);
    if (!presence.tableFolder || !mayReadPlain(table) || stored.viewSql === byName) return byName;
    const dir = localPathOf(this.lakeRoot, table.location);
    if ([...this.filesMissingColumns].some((file) => file.startsWith(`${dir}/`))) return byName;
    const plain = this.selectFor(table, presence, false);
    try {
      if (!(await this.firstFileReadsAsDeclared(table))) return byName;
      if (stored.viewSql === plain) return plain;
      // The first write into an empty table (every backfill): its files are this process's own, and agree by
      // construction; reading their footers cost ~40 ms per 168 files (issue 18).
      if (this.holdsOnlyOwnFiles(table)) return plain;
      // Files the ingest writer of this process wrote, all with one schema (the demo's and the bench's crm_data: 1,154
      // footers, ~150 ms of CPU, issue 18): they agree without their footers being read.
      if (writtenWithOneSchema(dir)) return plain;
      return (await filesAgree(this.connection, tableFolderGlob(table, this.lakeRoot))) ? plain : byName;
    } catch {
      // A footer that cannot be read (a corrupt file): the view stays as it is, and reading it fails naming the file.
      return stored.viewSql === plain ? plain : byName;
    }
  }

  /**
   * Whether the first file in glob order reads as declared. Every statement asks (a file of another writer may have
   * landed); the walk is repeated only when a folder it read, or the file, changed.
   */
  private async firstFileReadsAsDeclared(table: LakeTable): Promise<boolean> {
    const dir = localPathOf(this.lakeRoot, table.location);
    const key = `${dir}\n${JSON.stringify(table.columns)}`;
    const known = this.firstFilesChecked.get(key);
    if (known && settledStamp(known.paths) === known.stamp) return known.reads;
    const { file, folders } = firstDataFile(
      dir,
      table.partitionKeys.map((k) => k.name),
    );
    if (file === undefined) return false;
    // The same first file (a folder on the way changed, not the file) keeps its answer.
    const fileStamp = settledStamp([file]);
    // A file this process wrote for these columns reads as declared without its footer being read: in a backfill
    // every file is new, so no walk settles and each statement would read it again (32 times in the bench's run).
    const own = this.ownFiles.get(file) === JSON.stringify(table.columns);
    const sameFile = fileStamp !== undefined && known?.paths.at(-1) === file && known.stamp.endsWith(`|${fileStamp}`);
    const reads = own || (sameFile ? known.reads : await readsAsDeclared(this.connection, file, table));
    const paths = [...folders, file];
    const stamp = settledStamp(paths);
    if (this.firstFilesChecked.size >= 1_000) this.firstFilesChecked.clear();
    // An unsettled walk is kept with the file's own stamp only: the walk is repeated, the file not read again.
    this.firstFilesChecked.set(key, { paths, stamp: stamp ?? `unsettled|${fileStamp ?? 'unsettled'}`, reads });
    return reads;
  }

  /** The Hive tables' descriptions (read-only: see storedTables). */
  async hiveTables(): Promise<readonly LakeTable[]> {
    return (await this.storedTables()).filter((t) => t.table.tableType === 'hive').map((t) => t.table);
  }

  /**
   * The table's view SELECT as the view now reads (by name or plain), with `filter` on its partition keys applied where
   * its files are read, or reading only the partition `folders` given; undefined when the view is not one of those (an
   * unreadable table's view).
   */
  async filteredSelect(table: LakeTable, filter: string | undefined, folders?: readonly string[]): Promise<string | undefined> {
    const stored = storedTable(await this.storedTables(), table.database, table.name);
    if (!stored?.viewSql) return undefined;
    const presence = this.presence(table);
    if (!presence.tableFolder) return undefined;
    for (const byName of [true, false]) {
      if (stored.viewSql === this.selectFor(table, presence, byName)) return hiveTableSelect(table, this.lakeRoot, presence, byName, filter, folders);
    }
    return undefined;
  }

  /** Built once per description, presence and reading (every statement asks for all of them). */
  private selectFor(table: LakeTable, presence: SourcePresence, byName: boolean): string {
    const key = `${JSON.stringify(table)}\n${JSON.stringify(presence)}\n${byName}`;
    let select = this.selects.get(key);
    if (select === undefined) {
      if (this.selects.size >= 1_000) this.selects.clear();
      select = hiveTableSelect(table, this.lakeRoot, presence, byName);
      this.selects.set(key, select);
    }
    return select;
  }

  private async refreshView(stored: StoredTable): Promise<void> {
    const { table } = stored;
    const select = await this.currentSelect(stored);
    if (select === stored.viewSql) return;
    const view = catalogName(table.database, table.name);
    let readable = true;
    await this.writeNewTables(); // not inside the try: its failure is no unreadable table's
    try {
      await this.run(`CREATE OR REPLACE VIEW ${view} AS ${select}`);
      if (!select.includes('trino_')) this.ownViews.add(`${table.database}.${table.name}`);
    } catch (error) {
      // One unreadable table (a corrupt file) must not break every statement: its view raises the reason, which names
      // the file, on every query that reads a row of it (a filter, so count(*) cannot skip it), and no view SQL is
      // recorded, so the next refresh tries the files again.
      readable = false;
      const reason = `table ${table.database}.${table.name} (${table.location}) cannot be read: ${error instanceof Error ? error.message : String(error)}`;
      const columns = [...table.columns, ...table.partitionKeys].map((c) => `CAST(NULL AS ${hiveToDuckDb(c.type)}) AS ${sqlIdent(c.name)}`);
      await this.run(`CREATE OR REPLACE VIEW ${view} AS SELECT ${columns.join(', ')} FROM range(1) WHERE error(${sqlString(reason)}) IS NULL`);
    }
    await this.run(
      `UPDATE ${catalogName(META_SCHEMA, 'tables')} SET view_sql = ${readable ? sqlString(select) : 'NULL'} WHERE database = ${sqlString(table.database)} AND name = ${sqlString(table.name)}`,
    );
    this.remember({ table: structuredClone(table), viewSql: readable ? select : null });
  }
}
