// Carries out LakeActions on the local catalog and the lake folder.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { BindCache } from './bind-cache.js';
import type { QueryResult, SqlValue } from '../engine.js';
import { CATALOG, catalogName, type LakeCatalog } from './catalog.js';
import type { DuckDbEngine } from '../duckdb/engine.js';
import { duckDbTypeOf, parseHiveType } from '../../dialect/hive-types.js';
import type { LakeAction, PartitionSpec, TableRef } from '../../dialect/lake-actions.js';
import { athenaError, schemaNotFound, tableNotFound } from './errors.js';
import { discoverPartitions, localPathOf, partitionPath } from './lake-storage.js';
import type { LakeTable } from '../../dialect/lake-table.js';
import { checkStoredColumnNames, createTableAs, insertInto, modifyRows } from './lake-writes.js';
import { unload } from './lake-unload.js';
import { sqlIdent, sqlString } from './readers.js';
import { s3Folder } from '../../storage/object-store/object-store.js';

export interface LakeSessionContext {
  duck: DuckDbEngine;
  connection: DuckDBConnection;
  catalog: LakeCatalog;
  lakeRoot: string;
  /** Partitions one write may create (Athena's HIVE_TOO_MANY_OPEN_PARTITIONS limit). */
  maxPartitionsPerWrite: number;
  /** Bound columns shared by CTAS queries of one shape, and the database the statement's names resolve in. */
  bindCache?: { cache: BindCache; database: string };
}

export const emptyResult = (extra: Partial<QueryResult['stats']> = {}): QueryResult => ({
  columns: [],
  rows: [],
  stats: { durationMs: 0, ...extra },
});

const listing = (column: string, values: SqlValue[][]): QueryResult => ({
  columns: [{ name: column, type: 'varchar' }],
  rows: values,
  stats: { durationMs: 0 },
});

/** Athena's SHOW pattern: `*` any characters, `|` alternatives, case-insensitive. */
function matchesPattern(name: string, pattern: string | undefined): boolean {
  if (pattern === undefined) return true;
  const alternatives = pattern.split('|').map((p) =>
    p
      .trim()
      .replace(/[.+?^${}()[\]\\]/g, '\\$&')
      .replaceAll('*', '.*'),
  );
  return new RegExp(`^(?:${alternatives.join('|')})$`, 'i').test(name);
}

/** SHOW TABLES' answer: the database's tables and views whose names match the pattern, in the catalog's order. */
export function tableListing(relations: readonly { name: string }[], pattern: string | undefined): QueryResult {
  return listing(
    'tab_name',
    relations.filter((r) => matchesPattern(r.name, pattern)).map((r) => [r.name]),
  );
}

export async function runLakeAction(ctx: LakeSessionContext, action: LakeAction): Promise<QueryResult> {
  const { catalog } = ctx;
  switch (action.type) {
    case 'createDatabase': {
      if (await catalog.databaseExists(action.database)) {
        if (action.ifNotExists) return emptyResult();
        throw athenaError('SCHEMA_ALREADY_EXISTS', `Database '${action.database}' already exists`);
      }
      await catalog.createDatabase(action.database);
      return emptyResult();
    }
    case 'dropDatabase': {
      if (!(await catalog.databaseExists(action.database))) {
        if (action.ifExists) return emptyResult();
        throw schemaNotFound(action.database);
      }
      if (!action.cascade && (await catalog.relations(action.database)).length > 0) {
        throw athenaError(
          'SCHEMA_NOT_EMPTY',
          `Database '${action.database}' is not empty: drop its tables first, or use DROP DATABASE ${action.database} CASCADE`,
        );
      }
      await ctx.connection.run(`DROP SCHEMA ${catalogName(action.database)} CASCADE`);
      await catalog.removeDatabase(action.database);
      return emptyResult();
    }
    case 'createTable':
      return createTable(ctx, action.table, action.ifNotExists);
    case 'createTableAs':
      return createTableAs(ctx, action.spec);
    case 'dropTable':
      return dropTable(ctx, action.target, action.ifExists);
    case 'createView': {
      await requireDatabase(ctx, action.target);
      const kind = await catalog.relationKind(action.target.database, action.target.name);
      if (kind === 'table') throw athenaError('ALREADY_EXISTS', `'${action.target.database}.${action.target.name}' is a table, not a view`, action.target);
      if (kind === 'view' && !action.orReplace) {
        throw athenaError('ALREADY_EXISTS', `View '${action.target.database}.${action.target.name}' already exists: use CREATE OR REPLACE VIEW`, action.target);
      }
      // A view replaced changes what its name means in a query's shape; a new name changes no shape bound before.
      if (kind === 'view') ctx.bindCache?.cache.clear();
      await createCheckedView(ctx, action.sql, action.target, kind === 'view');
      if (action.query !== undefined || action.hashOrderedColumns)
        await catalog.hashOrderedViewCreated(action.target.database, action.target.name, action.hashOrderedColumns ?? [], action.query);
      catalog.viewCreated(action.target.database, action.target.name);
      return emptyResult();
    }
    case 'dropView': {
      const kind = await catalog.relationKind(action.target.database, action.target.name);
      if (kind !== 'view') {
        if (action.ifExists && kind === undefined) return emptyResult();
        throw athenaError('TABLE_NOT_FOUND', `View '${action.target.database}.${action.target.name}' does not exist`, action.target);
      }
      await ctx.connection.run(`DROP VIEW ${catalogName(action.target.database, action.target.name)}`);
      catalog.viewDropped(action.target.database, action.target.name);
      return emptyResult();
    }
    case 'addPartitions':
      return addPartitions(ctx, action);
    case 'dropPartitions':
      return dropPartitions(ctx, action);
    case 'repairTable': {
      const table = await hiveTable(ctx, action.target, 'MSCK REPAIR TABLE');
      // Folders are read as they appear (see README, "Local lake and catalog"); repairing re-admits dropped ones.
      if (table.droppedPartitions.length > 0) await catalog.put({ ...table, droppedPartitions: [] });
      return emptyResult();
    }
    case 'showDatabases':
      return listing(
        'database_name',
        (await catalog.databases()).filter((d) => matchesPattern(d, action.pattern)).map((d) => [d]),
      );
    case 'showTables': {
      if (!(await catalog.databaseExists(action.database))) throw schemaNotFound(action.database);
      const relations = await catalog.relations(action.database);
      return tableListing(action.views ? relations.filter((r) => r.kind === 'view') : relations, action.pattern);
    }
    case 'showPartitions': {
      const table = await hiveTable(ctx, action.target, 'SHOW PARTITIONS');
      const keys = table.partitionKeys.map((k) => k.name);
      const paths = new Set(visiblePartitions(ctx, table).map((values) => partitionPath(keys, values)));
      return listing(
        'partition',
        [...paths].sort().map((p) => [p]),
      );
    }
    case 'showTableProperties':
      return showTableProperties(ctx, action.target, action.property);
    case 'setTableProperties': {
      const table = await catalogTable(ctx, action.target);
      await catalog.put({ ...table, properties: { ...table.properties, ...action.properties } });
      return emptyResult();
    }
    case 'setLocation': {
      const table = await hiveTable(ctx, action.target, 'ALTER TABLE SET LOCATION');
      // On Athena a partition keeps the location it was registered with; the local engine reads partitions from the
      // table's folder, so it would answer differently: refused.
      if (table.partitionKeys.length > 0) {
        throw athenaError(
          'NOT_SUPPORTED',
          `ALTER TABLE SET LOCATION on partitioned table '${table.database}.${table.name}' is not supported locally (its partitions keep their own locations)`,
          action.target,
        );
      }
      await catalog.put({ ...table, location: action.location });
      return emptyResult();
    }
    case 'unsetTableProperties': {
      const table = await catalogTable(ctx, action.target);
      const missing = action.names.find((n) => !(n in table.properties));
      if (missing !== undefined && !action.ifExists) {
        throw athenaError('INVALID_TABLE_PROPERTY', `Table '${table.database}.${table.name}' has no property '${missing}'`, action.target);
      }
      const properties = Object.fromEntries(Object.entries(table.properties).filter(([k]) => !action.names.includes(k)));
      await catalog.put({ ...table, properties });
      return emptyResult();
    }
    case 'dropColumn':
      return dropColumn(ctx, action.target, action.column);
    case 'unload':
      return unload(ctx, action.spec);
    case 'describe':
      return describe(ctx, action.target);
    case 'insert': {
      const result = await insertInto(ctx, action.target, action.columns, action.sourceSql, action.replacePartitions, action.exactColumns);
      await keepHashOrderedColumns(catalog, action, action.columns);
      return result;
    }
    case 'modifyRows': {
      const result = await modifyRows(ctx, action);
      await keepHashOrderedColumns(catalog, action, undefined);
      return result;
    }
  }
}

/**
 * Adds the columns an INSERT, UPDATE or MERGE wrote from hash-ordered maps to its table's (LakeCatalog
 * .addHashOrderedColumns): `hashOrderedPositions` among the listed columns (`listed`) or the table's in order,
 * `hashOrderedColumns` by name, those of them written (hash-orders.ts queryHashOrderedOutputs, assignedHashOrderedColumns);
 * drops `hashOrderReplaced`'s (an UPDATE of every row wrote them from maps of no hash order; 'all': a DELETE of every row).
 */
async function keepHashOrderedColumns(
  catalog: LakeCatalog,
  action: { target: TableRef; hashOrderedPositions?: number[]; hashOrderedColumns?: string[]; hashOrderReplaced?: string[] | 'all' },
  listed: readonly string[] | undefined,
): Promise<void> {
  const { hashOrderedPositions: positions, hashOrderedColumns: named, hashOrderReplaced: replaced } = action;
  const table = (positions || named || replaced) && (await catalog.get(action.target.database, action.target.name));
  if (!table) return;
  const columns = [...table.columns, ...table.partitionKeys].map((c) => c.name.toLowerCase());
  const written = listed?.map((c) => c.toLowerCase()) ?? columns;
  const names = [...(positions ?? []).flatMap((k) => (written[k] === undefined ? [] : [written[k]])), ...written.filter((c) => named?.includes(c))];
  await catalog.addHashOrderedColumns(table.database, table.name, names, replaced === 'all' ? columns : replaced);
}

/**
 * CREATE OR REPLACE VIEW with its columns named as Athena requires (each named, once). DuckDB binds the body to create
 * the view and keeps its column names, which are read back from its catalog: the body is bound once, not first alone
 * for the check (issue 18: a dashboard view's body binds its shims, up to ~40 ms). A view whose names fail the check
 * is undone (a replaced view comes back: the replacement runs in a transaction); a body DuckDB refuses is prepared
 * alone, so the error is the one the check gave before.
 */
async function createCheckedView(ctx: LakeSessionContext, sql: string, target: TableRef, replacing: boolean): Promise<void> {
  const view = catalogName(target.database, target.name);
  if (replacing) await ctx.connection.run('BEGIN TRANSACTION');
  try {
    try {
      await ctx.connection.run(`CREATE OR REPLACE VIEW ${view} AS ${sql}`);
    } catch (error) {
      await checkViewColumns(ctx, sql, target);
      throw error;
    }
    // The names DuckDB stored with the view (duckdb_columns lists them without binding the body again; table_info binds it).
    const names = await ctx.connection.runAndReadAll(
      `SELECT column_name FROM duckdb_columns() WHERE database_name = ${sqlString(CATALOG)} AND schema_name = ${sqlString(target.database)} AND table_name = ${sqlString(target.name)} ORDER BY column_index`,
    );
    try {
      const stored = names.getRows().map((row) => ({ name: String(row[0]) }));
      // A view has columns: none read means the view was not found under that name, so the body is checked alone.
      if (stored.length === 0) await checkViewColumns(ctx, sql, target);
      else checkStoredColumnNames(stored, target);
    } catch (error) {
      if (!replacing) await ctx.connection.run(`DROP VIEW ${view}`);
      throw error;
    }
  } catch (error) {
    if (replacing) await ctx.connection.run('ROLLBACK');
    throw error;
  }
  if (replacing) await ctx.connection.run('COMMIT');
}

/** A view's columns, named as Athena requires (each named, once), from its prepared body: nothing runs. */
async function checkViewColumns(ctx: LakeSessionContext, sql: string, target: TableRef): Promise<void> {
  const prepared = await ctx.connection.prepare(sql);
  try {
    checkStoredColumnNames(
      Array.from({ length: prepared.columnCount }, (_, i) => ({ name: prepared.columnName(i) })),
      target,
    );
  } finally {
    prepared.destroySync();
  }
}

async function requireDatabase(ctx: LakeSessionContext, target: TableRef): Promise<void> {
  if (!(await ctx.catalog.databaseExists(target.database))) throw schemaNotFound(target.database, target);
}

export async function hiveTable(ctx: LakeSessionContext, target: TableRef, what: string): Promise<LakeTable> {
  const table = await ctx.catalog.get(target.database, target.name);
  if (!table) {
    if (await ctx.catalog.relationKind(target.database, target.name)) {
      throw athenaError('NOT_SUPPORTED', `${what} needs a Hive table; '${target.database}.${target.name}' is not one`, target);
    }
    throw tableNotFound(target);
  }
  if (table.tableType !== 'hive') throw athenaError('NOT_SUPPORTED', `${what} is not supported for Iceberg table '${target.database}.${target.name}'`, target);
  return table;
}

async function createTable(ctx: LakeSessionContext, table: LakeTable, ifNotExists: boolean): Promise<QueryResult> {
  const target: TableRef = { database: table.database, name: table.name };
  await requireDatabase(ctx, target);
  if (await ctx.catalog.relationKind(table.database, table.name)) {
    if (ifNotExists) return emptyResult();
    throw athenaError('ALREADY_EXISTS', `Table '${table.database}.${table.name}' already exists`);
  }
  if (table.tableType === 'iceberg') {
    const columns = table.columns.map((c) => `${sqlIdent(c.name)} ${duckDbTypeOf(parseHiveType(c.type))}`).join(', ');
    await ctx.connection.run(`CREATE TABLE ${catalogName(table.database, table.name)} (${columns})`);
    ctx.bindCache?.cache.tableCreated(
      table.database,
      table.name,
      table.columns.map((c) => ({ name: c.name, duckType: duckDbTypeOf(parseHiveType(c.type)) })),
    );
  }
  await ctx.catalog.put(table);
  return emptyResult();
}

async function dropTable(ctx: LakeSessionContext, target: TableRef, ifExists: boolean): Promise<QueryResult> {
  const kind = await ctx.catalog.relationKind(target.database, target.name);
  if (kind === undefined) {
    if (ifExists) return emptyResult();
    throw tableNotFound(target);
  }
  if (kind === 'view') throw athenaError('NOT_SUPPORTED', `'${target.database}.${target.name}' is a view: use DROP VIEW`, target);
  const table = await ctx.catalog.get(target.database, target.name);
  // Athena never deletes the files of a Hive table; only the catalog entry goes.
  const object = table?.tableType === 'hive' ? 'VIEW' : 'TABLE';
  await ctx.connection.run(`DROP ${object} ${catalogName(target.database, target.name)}`);
  await ctx.catalog.remove(target.database, target.name, object === 'VIEW');
  return emptyResult();
}

/** Partition value lists in key order for a `(k='v', …)` spec; every key must be given, and nothing else. */
function partitionValues(table: LakeTable, spec: PartitionSpec, target: TableRef): string[] {
  const keys = table.partitionKeys.map((k) => k.name);
  const given = Object.keys(spec);
  const unknown = given.filter((k) => !keys.includes(k));
  if (unknown.length > 0 || given.length !== keys.length) {
    throw athenaError(
      'INVALID_PARTITION_SPEC',
      `partition spec (${given.join(', ')}) does not match the partition keys of '${target.database}.${target.name}': (${keys.join(', ')})`,
      target,
    );
  }
  return keys.map((k) => spec[k]);
}

const sameValues = (a: readonly (string | null)[], b: readonly (string | null)[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** Partitions readers see: discovered folders minus dropped ones, plus those registered with their own location. */
export function visiblePartitions(ctx: LakeSessionContext, table: LakeTable): (string | null)[][] {
  const keys = table.partitionKeys.map((k) => k.name);
  const discovered = discoverPartitions(localPathOf(ctx.lakeRoot, table.location), keys).filter(
    (values) => !table.droppedPartitions.some((d) => sameValues(d, values)),
  );
  return [...discovered, ...table.partitions.map((p) => p.values)];
}

async function addPartitions(ctx: LakeSessionContext, action: Extract<LakeAction, { type: 'addPartitions' }>): Promise<QueryResult> {
  const table = await hiveTable(ctx, action.target, 'ALTER TABLE ADD PARTITION');
  if (table.partitionKeys.length === 0) throw athenaError('NOT_SUPPORTED', `Table '${table.database}.${table.name}' is not partitioned`, action.target);
  const keys = table.partitionKeys.map((k) => k.name);
  let { partitions, droppedPartitions } = table;
  for (const p of action.partitions) {
    const values = partitionValues(table, p.spec, action.target);
    const standard = s3Folder(`${s3Folder(table.location)}${partitionPath(keys, values)}`);
    const registered = partitions.some((r) => sameValues(r.values, values));
    if (registered && !action.ifNotExists) {
      throw athenaError('ALREADY_EXISTS', `Partition ${partitionPath(keys, values)} of '${table.database}.${table.name}' already exists`, action.target);
    }
    droppedPartitions = droppedPartitions.filter((d) => !sameValues(d, values));
    if (p.location && s3Folder(p.location) !== standard && !registered) {
      partitions = [...partitions, { values, location: s3Folder(p.location) }];
    }
  }
  await ctx.catalog.put({ ...table, partitions, droppedPartitions });
  return emptyResult();
}

async function dropPartitions(ctx: LakeSessionContext, action: Extract<LakeAction, { type: 'dropPartitions' }>): Promise<QueryResult> {
  const table = await hiveTable(ctx, action.target, 'ALTER TABLE DROP PARTITION');
  const keys = table.partitionKeys.map((k) => k.name);
  const visible = visiblePartitions(ctx, table);
  let { partitions, droppedPartitions } = table;
  for (const spec of action.partitions) {
    const values = partitionValues(table, spec, action.target);
    if (!visible.some((v) => sameValues(v, values))) {
      if (action.ifExists) continue;
      throw athenaError('PARTITION_NOT_FOUND', `Partition ${partitionPath(keys, values)} of '${table.database}.${table.name}' does not exist`, action.target);
    }
    partitions = partitions.filter((r) => !sameValues(r.values, values));
    droppedPartitions = [...droppedPartitions, values];
  }
  await ctx.catalog.put({ ...table, partitions, droppedPartitions });
  return emptyResult();
}

/** A table of the catalog (Hive or Iceberg); a view or a missing name is Athena's error. */
async function catalogTable(ctx: LakeSessionContext, target: TableRef): Promise<LakeTable> {
  const table = await ctx.catalog.get(target.database, target.name);
  if (table) return table;
  if (await ctx.catalog.relationKind(target.database, target.name)) {
    throw athenaError('NOT_SUPPORTED', `'${target.database}.${target.name}' is a view, not a table`, target);
  }
  throw tableNotFound(target);
}

/**
 * SHOW TBLPROPERTIES t [('name')] (https://docs.aws.amazon.com/athena/latest/ug/show-tblproperties.html): every
 * property as (prpt_name, prpt_value), or with a name only its value, as Hive lists them.
 */
async function showTableProperties(ctx: LakeSessionContext, target: TableRef, property: string | undefined): Promise<QueryResult> {
  const table = await catalogTable(ctx, target);
  if (property !== undefined) {
    const value = table.properties[property.toLowerCase()] ?? `Table ${table.database}.${table.name} does not have property: ${property}`;
    return { columns: [{ name: 'prpt_value', type: 'varchar' }], rows: [[value]], stats: { durationMs: 0 } };
  }
  const rows = Object.entries(table.properties)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => [k, v]);
  return {
    columns: [
      { name: 'prpt_name', type: 'varchar' },
      { name: 'prpt_value', type: 'varchar' },
    ],
    rows,
    stats: { durationMs: 0 },
  };
}

/** ALTER TABLE … DROP COLUMN: Athena drops columns of Iceberg tables only (its schema-evolution DDL). */
async function dropColumn(ctx: LakeSessionContext, target: TableRef, column: string): Promise<QueryResult> {
  const table = await catalogTable(ctx, target);
  if (table.tableType !== 'iceberg') {
    throw athenaError(
      'NOT_SUPPORTED',
      `ALTER TABLE DROP COLUMN is supported for Iceberg tables only; '${table.database}.${table.name}' is a Hive table (use ALTER TABLE REPLACE COLUMNS)`,
      target,
    );
  }
  if (table.partitionKeys.some((k) => k.name === column)) throw athenaError('NOT_SUPPORTED', `Cannot drop partition column '${column}'`, target);
  if (!table.columns.some((c) => c.name === column))
    throw athenaError('COLUMN_NOT_FOUND', `Column '${column}' does not exist in '${table.database}.${table.name}'`, target);
  if (table.columns.length === 1) throw athenaError('NOT_SUPPORTED', `Cannot drop the only column of '${table.database}.${table.name}'`, target);
  await ctx.connection.run(`ALTER TABLE ${catalogName(table.database, table.name)} DROP COLUMN ${sqlIdent(column)}`);
  // A dropped column's hash order goes with it (a same-named column of another relation is no longer taken for it).
  const hashOrderedColumns = table.hashOrderedColumns?.filter((c) => c !== column.toLowerCase());
  await ctx.catalog.put({ ...table, columns: table.columns.filter((c) => c.name !== column), ...(hashOrderedColumns ? { hashOrderedColumns } : {}) });
  return emptyResult();
}

async function describe(ctx: LakeSessionContext, target: TableRef): Promise<QueryResult> {
  const columns = [
    { name: 'col_name', type: 'varchar' },
    { name: 'data_type', type: 'varchar' },
    { name: 'comment', type: 'varchar' },
  ];
  const table = await ctx.catalog.get(target.database, target.name);
  if (table) {
    const rows = [...table.columns, ...table.partitionKeys].map((c) => [c.name, c.type, c.comment ?? '']);
    return { columns, rows, stats: { durationMs: 0 } };
  }
  if (!(await ctx.catalog.relationKind(target.database, target.name))) throw tableNotFound(target);
  const result = await ctx.duck.execute(`SELECT * FROM ${catalogName(target.database, target.name)} LIMIT 0`);
  return { columns, rows: result.columns.map((c) => [c.name, c.type, '']), stats: { durationMs: 0 } };
}
