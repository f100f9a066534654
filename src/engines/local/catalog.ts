// The local catalog, the stand-in for Glue: Athena databases are schemas of the DuckDB database attached as
// `awsdatacatalog` (<lake>/.duckdb/catalog.duckdb). Hive tables are views over the lake's files; their Glue-like
// description is kept in the hidden schema `__lake`. Iceberg tables are native DuckDB tables.
import type { DuckDBConnection } from '@duckdb/node-api';
import { hiveToDuckDb } from '../../dialect/hive-types.js';
import { discoverPartitions, hasDataFiles, localPathOf } from './lake-storage.js';
import type { LakeTable } from '../../dialect/lake-table.js';
import { hiveTableSelect, sqlIdent, sqlString, type SourcePresence } from './readers.js';

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

export class LakeCatalog {
  constructor(
    private readonly connection: DuckDBConnection,
    readonly lakeRoot: string,
  ) {}

  async ensure(): Promise<void> {
    await this.connection.run(`CREATE SCHEMA IF NOT EXISTS ${catalogName(META_SCHEMA)}`);
    await this.connection.run(`CREATE SCHEMA IF NOT EXISTS ${catalogName('default')}`);
    await this.connection.run(
      `CREATE TABLE IF NOT EXISTS ${catalogName(META_SCHEMA, 'tables')} (database VARCHAR, name VARCHAR, spec VARCHAR, view_sql VARCHAR, PRIMARY KEY (database, name))`,
    );
  }

  private async rows(sql: string): Promise<Record<string, unknown>[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjects() as Record<string, unknown>[];
  }

  async databases(): Promise<string[]> {
    const rows = await this.rows(
      `SELECT schema_name FROM duckdb_schemas() WHERE database_name = ${sqlString(CATALOG)} ORDER BY schema_name`,
    );
    return rows.map((r) => String(r.schema_name)).filter((s) => !HIDDEN_SCHEMAS.has(s));
  }

  async databaseExists(database: string): Promise<boolean> {
    return (await this.databases()).includes(database);
  }

  /** Tables and views of a database (Athena's SHOW TABLES lists both). */
  async relations(database: string): Promise<{ name: string; kind: 'table' | 'view' }[]> {
    const rows = await this.rows(
      `SELECT table_name AS name, 'table' AS kind FROM duckdb_tables() WHERE database_name = ${sqlString(CATALOG)} AND schema_name = ${sqlString(database)} AND NOT temporary
       UNION ALL
       SELECT view_name, 'view' FROM duckdb_views() WHERE database_name = ${sqlString(CATALOG)} AND schema_name = ${sqlString(database)} AND NOT temporary
       ORDER BY 1`,
    );
    const hive = new Set((await this.tables(database)).filter((t) => t.table.tableType === 'hive').map((t) => t.table.name));
    return rows.map((r) => ({ name: String(r.name), kind: hive.has(String(r.name)) ? 'table' : (r.kind as 'table' | 'view') }));
  }

  async relationKind(database: string, name: string): Promise<'table' | 'view' | undefined> {
    return (await this.relations(database)).find((r) => r.name === name)?.kind;
  }

  private async tables(database?: string): Promise<StoredTable[]> {
    const where = database === undefined ? '' : ` WHERE database = ${sqlString(database)}`;
    const rows = await this.rows(`SELECT spec, view_sql FROM ${catalogName(META_SCHEMA, 'tables')}${where} ORDER BY database, name`);
    return rows.map((r) => ({ table: JSON.parse(String(r.spec)) as LakeTable, viewSql: r.view_sql === null ? null : String(r.view_sql) }));
  }

  async get(database: string, name: string): Promise<LakeTable | undefined> {
    const rows = await this.rows(
      `SELECT spec FROM ${catalogName(META_SCHEMA, 'tables')} WHERE database = ${sqlString(database)} AND name = ${sqlString(name)}`,
    );
    return rows.length > 0 ? (JSON.parse(String(rows[0].spec)) as LakeTable) : undefined;
  }

  /**
   * Records a table (replacing its description) and, for Hive tables, (re)creates its view. An unchanged description
   * keeps its view unless the files it reads changed (re-creating a view over Parquet reads every file's footer, so
   * doing it after each write made a scheduled run slower as history grew).
   */
  async put(table: LakeTable): Promise<void> {
    const spec = JSON.stringify(table);
    const stored = await this.rows(
      `SELECT spec, view_sql FROM ${catalogName(META_SCHEMA, 'tables')} WHERE database = ${sqlString(table.database)} AND name = ${sqlString(table.name)}`,
    );
    if (stored.length > 0 && stored[0].spec === spec) {
      if (table.tableType === 'hive') await this.refreshView({ table, viewSql: stored[0].view_sql === null ? null : String(stored[0].view_sql) });
      return;
    }
    await this.connection.run(
      `INSERT OR REPLACE INTO ${catalogName(META_SCHEMA, 'tables')} VALUES (${sqlString(table.database)}, ${sqlString(table.name)}, ${sqlString(spec)}, NULL)`,
    );
    if (table.tableType === 'hive') await this.refreshView({ table, viewSql: null });
  }

  async remove(database: string, name: string): Promise<void> {
    await this.connection.run(
      `DELETE FROM ${catalogName(META_SCHEMA, 'tables')} WHERE database = ${sqlString(database)} AND name = ${sqlString(name)}`,
    );
  }

  async removeDatabase(database: string): Promise<void> {
    await this.connection.run(`DELETE FROM ${catalogName(META_SCHEMA, 'tables')} WHERE database = ${sqlString(database)}`);
  }

  presence(table: LakeTable): SourcePresence {
    const dir = localPathOf(this.lakeRoot, table.location);
    const tableFolder =
      table.partitionKeys.length === 0
        ? hasDataFiles(dir)
        : discoverPartitions(
            dir,
            table.partitionKeys.map((k) => k.name),
            1,
          ).length > 0;
    return { tableFolder, partitions: table.partitions.map((p) => hasDataFiles(localPathOf(this.lakeRoot, p.location))) };
  }

  /**
   * Brings every Hive table's view up to date with the lake: DuckDB's readers fail on globs that match no file, so a
   * view reads only the sources that have files, and is rewritten when that changes. Partitions that appear later are
   * read without any DDL, as with partition projection.
   */
  async refreshViews(): Promise<void> {
    for (const stored of await this.tables()) {
      if (stored.table.tableType === 'hive') await this.refreshView(stored);
    }
  }

  /** True when some Hive table's view no longer matches the files in the lake (see refreshViews). */
  async hasStaleViews(): Promise<boolean> {
    return (await this.tables()).some((stored) => stored.table.tableType === 'hive' && this.currentSelect(stored.table) !== stored.viewSql);
  }

  private currentSelect(table: LakeTable): string {
    return hiveTableSelect(table, this.lakeRoot, this.presence(table));
  }

  private async refreshView(stored: StoredTable): Promise<void> {
    const { table } = stored;
    const select = this.currentSelect(table);
    if (select === stored.viewSql) return;
    const view = catalogName(table.database, table.name);
    let readable = true;
    try {
      await this.connection.run(`CREATE OR REPLACE VIEW ${view} AS ${select}`);
    } catch (error) {
      // One unreadable table (a corrupt file) must not break every statement: its view raises the reason, which names
      // the file, on every query that reads a row of it (a filter, so count(*) cannot skip it), and no view SQL is
      // recorded, so the next refresh tries the files again.
      readable = false;
      const reason = `table ${table.database}.${table.name} (${table.location}) cannot be read: ${error instanceof Error ? error.message : String(error)}`;
      const columns = [...table.columns, ...table.partitionKeys].map((c) => `CAST(NULL AS ${hiveToDuckDb(c.type)}) AS ${sqlIdent(c.name)}`);
      await this.connection.run(`CREATE OR REPLACE VIEW ${view} AS SELECT ${columns.join(', ')} FROM range(1) WHERE error(${sqlString(reason)}) IS NULL`);
    }
    await this.connection.run(
      `UPDATE ${catalogName(META_SCHEMA, 'tables')} SET view_sql = ${readable ? sqlString(select) : 'NULL'} WHERE database = ${sqlString(table.database)} AND name = ${sqlString(table.name)}`,
    );
  }
}
