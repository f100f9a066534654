// CTAS, INSERT and row-level changes (UPDATE/DELETE/MERGE) on the local lake, with Athena's checks and errors.
import { randomUUID } from 'node:crypto';
import { isAnonymousColumn, trinoColumnName } from '../../dialect/anonymous-columns.js';
import type { QueryResult } from '../engine.js';
import { catalogName } from './catalog.js';
import { duckDbTypeOf, hiveTypeOfDuckDb, parseHiveType, unwritableColumn } from '../../dialect/hive-types.js';
import type { CtasSpec, LakeAction, TableRef } from '../../dialect/lake-actions.js';
import { athenaError, schemaNotFound, tableNotFound, unsupportedHiveType } from './errors.js';
import { emptyResult, type LakeSessionContext } from './lake-session.js';
import { hasDataFiles, localPathOf } from './lake-storage.js';
import type { LakeColumn, LakeTable, StorageFormat } from '../../dialect/lake-table.js';
import { sqlIdent, sqlString } from './readers.js';
import { trinoTypeName } from '../duckdb/types.js';
import { createEmptyIcebergTable } from './lake-create-empty.js';
import { type ReplaceOutcome, replacePartitionFiles, writeTableFiles } from './writer.js';
import { IP_FIELD } from '../../dialect/shims/ip-address.js';
import { withPartitionFilters } from './partition-filters.js';
import { withItemsEvaluatedOnce } from './evaluated-once.js';
import { s3Folder } from '../../storage/object-store/object-store.js';

/** Where CTAS writes without external_location: Athena's `<query result location>/tables/<query id>/`. */
export const DEFAULT_CTAS_BUCKET = 'athena-query-results';

export interface StagedRows {
  relation: string;
  columns: { name: string; duckType: string; trinoType: string }[];
  rowCount: number;
}

/** Runs the query once into a temp table, so its columns, row count and partition values are known before writing. */
export async function stage(ctx: LakeSessionContext, sourceSql: string, withData = true): Promise<StagedRows> {
  const relation = `__lake_stage_${randomUUID().replaceAll('-', '')}`;
  // DuckDB answers a CTAS with the number of rows it wrote: the count needs no query of its own.
  const created = await ctx.connection.runAndReadAll(`CREATE TEMP TABLE ${relation} AS SELECT * FROM (${sourceSql}) AS __src${withData ? '' : ' LIMIT 0'}`);
  const reader = await ctx.connection.runAndReadAll(`SELECT * FROM ${relation} LIMIT 0`);
  const types = reader.columnTypes();
  const columns = reader.columnNames().map((name, i) => ({ name, duckType: types[i].toString(), trinoType: trinoTypeName(types[i]) }));
  return { relation, columns, rowCount: Number(created.getRows()[0][0]) };
}

export const unstage = (ctx: LakeSessionContext, staged: StagedRows | undefined) =>
  staged?.relation ? ctx.connection.run(`DROP TABLE IF EXISTS ${staged.relation}`) : Promise.resolve();

function storageFormatOf(spec: CtasSpec): StorageFormat {
  switch (spec.format.toLowerCase()) {
    case 'parquet':
      return { kind: 'parquet' };
    case 'json':
      return { kind: 'json' };
    case 'textfile':
      return { kind: 'csv', serde: 'lazy', delimiter: spec.fieldDelimiter ?? '\u0001', quote: '', escape: '' };
    default:
      throw athenaError(
        'NOT_SUPPORTED',
        `format '${spec.format}' cannot be written by the local engine: use format = 'PARQUET', 'JSON' or 'TEXTFILE'`,
        spec.target,
      );
  }
}

export async function checkPartitionCount(ctx: LakeSessionContext, relation: string, keys: string[], at?: TableRef): Promise<void> {
  if (keys.length === 0) return;
  const reader = await ctx.connection.runAndReadAll(`SELECT count(*) FROM (SELECT DISTINCT ${keys.map(sqlIdent).join(', ')} FROM ${relation})`);
  const count = Number(reader.getRows()[0][0]);
  if (count > ctx.maxPartitionsPerWrite) {
    throw athenaError(
      'HIVE_TOO_MANY_OPEN_PARTITIONS',
      `Exceeded limit of ${ctx.maxPartitionsPerWrite} open writers for partitions/buckets (this write has ${count} partitions). Split it into several INSERT INTO statements of at most ${ctx.maxPartitionsPerWrite} partitions each`,
      at,
    );
  }
}

/** A projection of staged rows cast to the table's declared types, in table order. */
export function castProjection(staged: StagedRows, sourceColumns: (string | null)[], table: LakeColumn[]): string {
  const items = table.map((c, i) => {
    const type = duckDbTypeOf(parseHiveType(c.type));
    const source = sourceColumns[i];
    // A column the INSERT leaves out is a NULL of the declared type: a bare NULL would be written with DuckDB's NULL
    // type (INTEGER), so the file would disagree with the table on the column's type.
    return `CAST(${source === null ? 'NULL' : sqlIdent(source)} AS ${type}) AS ${sqlIdent(c.name)}`;
  });
  return `(SELECT ${items.join(', ')} FROM ${staged.relation}) AS __rows`;
}

/** Athena's errors for a stored relation's column names (CREATE TABLE AS, CREATE VIEW): each named, once. */
export function checkStoredColumnNames(columns: readonly { name: string }[], target: TableRef): string[] {
  const anonymous = columns.findIndex((c) => isAnonymousColumn(c.name));
  if (anonymous >= 0) throw athenaError('MISSING_COLUMN_NAME', `Column name not specified at position ${anonymous + 1}`, target);
  const names = columns.map((c, i) => trinoColumnName(c.name, i).toLowerCase());
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw athenaError('DUPLICATE_COLUMN_NAME', `Column name '${duplicate}' specified more than once`, target);
  return names;
}

/** A query's columns as a table's, lower-cased, with Athena's errors for the columns no table can hold. */
export function tableColumns(columns: StagedRows['columns'], target: TableRef): LakeColumn[] {
  // Hive (and the local Iceberg tables) have no zoned timestamp or ipaddress type; their structs must never reach a file.
  const unwritable = unwritableColumn(columns);
  if (unwritable) throw unsupportedHiveType(unwritable, target);
  const names = checkStoredColumnNames(columns, target);
  return columns.map((c, i) => ({ name: names[i], type: hiveTypeOfDuckDb(c.duckType, names[i]) }));
}

export async function createTableAs(ctx: LakeSessionContext, spec: CtasSpec): Promise<QueryResult> {
  const { target } = spec;
  if (!(await ctx.catalog.databaseExists(target.database))) throw schemaNotFound(target.database, target);
  if (await ctx.catalog.relationKind(target.database, target.name)) {
    if (spec.ifNotExists) return emptyResult({ rowsWritten: 0 });
    throw athenaError('TABLE_ALREADY_EXISTS', `Table 'awsdatacatalog.${target.database}.${target.name}' already exists`, target);
  }
  if (!spec.withData && spec.tableType === 'iceberg') return createEmptyIcebergTable(ctx, spec);
  let staged: StagedRows | undefined;
  try {
    staged = await stage(ctx, spec.sourceSql, spec.withData);
    const columns = tableColumns(staged.columns, target);
    const names = columns.map((c) => c.name);
    const cast = castProjection(
      staged,
      staged.columns.map((c) => c.name),
      columns,
    );

    if (spec.tableType === 'iceberg') {
      await ctx.connection.run(`CREATE TABLE ${catalogName(target.database, target.name)} AS SELECT * FROM ${cast}`);
      await ctx.catalog.put(lakeTable(spec, columns, [], { kind: 'parquet' }, spec.location ?? defaultLocation()));
      return emptyResult({ rowsWritten: staged.rowCount });
    }

    const keys = spec.partitionedBy.map((k) => k.toLowerCase());
    const tail = names.slice(names.length - keys.length);
    if (keys.length > 0 && (keys.length >= names.length || keys.some((k, i) => tail[i] !== k))) {
      throw athenaError(
        'HIVE_COLUMN_ORDER_MISMATCH',
        `Partition keys must be the last columns in the table and in the same order as the table properties: [${keys.join(', ')}]`,
        target,
      );
    }
    const format = storageFormatOf(spec);
    const location = s3Folder(spec.location ?? defaultLocation());
    const dir = localPathOf(ctx.lakeRoot, location);
    if (hasDataFiles(dir)) {
      throw athenaError(
        'HIVE_PATH_ALREADY_EXISTS',
        `Target directory for table '${target.database}.${target.name}' already exists: ${location}. Empty it or choose another external_location`,
        target,
      );
    }
    await checkPartitionCount(
      ctx,
      staged.relation,
      staged.columns.slice(names.length - keys.length).map((c) => c.name),
      target,
    );
    const dataColumns = columns.slice(0, columns.length - keys.length);
    const partitionKeys = columns.slice(columns.length - keys.length);
    const table = lakeTable(spec, dataColumns, partitionKeys, format, location);
    const written = await writeTableFiles(ctx.connection, {
      source: cast,
      dataColumns: dataColumns.map((c) => c.name),
      partitionKeys: partitionKeys.map((c) => c.name),
      partitionKeyTypes: partitionKeys.map((c) => duckDbTypeOf(parseHiveType(c.type))),
      format,
      compression: table.writeCompression,
      targetDir: dir,
      lakeRoot: ctx.lakeRoot,
    });
    ctx.catalog.wroteFiles(table, written.files);
    await ctx.catalog.put(table);
    return emptyResult({ rowsWritten: staged.rowCount });
  } finally {
    await unstage(ctx, staged);
  }
}

export const defaultLocation = () => `s3://${DEFAULT_CTAS_BUCKET}/tables/${randomUUID()}/`;

export function lakeTable(spec: CtasSpec, columns: LakeColumn[], partitionKeys: LakeColumn[], format: StorageFormat, location: string): LakeTable {
  const compression = spec.writeCompression?.toLowerCase() ?? (format.kind === 'parquet' ? 'snappy' : 'gzip');
  // A star passes on every hash-ordered name the query knows (queryHashOrderedOutputs): only the table's are kept.
  const hashOrderedColumns = spec.hashOrderedColumns?.filter((c) => [...columns, ...partitionKeys].some((k) => k.name.toLowerCase() === c));
  return {
    database: spec.target.database,
    name: spec.target.name,
    tableType: spec.tableType,
    columns,
    partitionKeys,
    location: s3Folder(location),
    format,
    writeCompression: compression,
    serdeProperties: {},
    properties: spec.properties,
    partitions: [],
    droppedPartitions: [],
    ...(hashOrderedColumns?.length ? { hashOrderedColumns } : {}),
  };
}

/**
 * INSERT INTO a table. With `replacePartitions` (incremental models on the local engine, never user SQL), the
 * partitions the rows fall in are replaced instead of added to, in one pass with no partition limit: the query is
 * not staged, only bound for its column types (replaceInto).
 */
export async function insertInto(
  ctx: LakeSessionContext,
  target: TableRef,
  columns: string[] | undefined,
  sourceSql: string,
  replacePartitions = false,
  exactColumns = false,
): Promise<QueryResult> {
  const table = await ctx.catalog.get(target.database, target.name);
  const kind = await ctx.catalog.relationKind(target.database, target.name);
  if (!kind) throw tableNotFound(target);
  if (kind === 'view') throw athenaError('NOT_SUPPORTED', `Inserting into views is not supported ('${target.database}.${target.name}')`, target);
  if (replacePartitions && (!table || table.tableType === 'iceberg' || table.partitionKeys.length === 0)) {
    throw athenaError('NOT_SUPPORTED', `replacing partitions needs a partitioned Hive table; '${target.database}.${target.name}' is not one`, target);
  }
  let staged: StagedRows | undefined;
  try {
    const partitionKeys = new Set((await ctx.catalog.hiveTables()).flatMap((t) => t.partitionKeys.map((k) => k.name.toLowerCase())));
    sourceSql = await withItemsEvaluatedOnce(ctx.connection, sourceSql, partitionKeys);
    sourceSql = await withPartitionFilters(ctx.connection, ctx.catalog, sourceSql);
    if (replacePartitions && !columns && table) {
      // The write binds the query once, its checks inside (uncheckedReplace); only when it fails is the query probed
      // below, whose checks and errors then say what is wrong, as they always did.
      const replaced = await uncheckedReplace(ctx, table, sourceSql, exactColumns);
      if (replaced) return replaced;
    }
    if (exactColumns) {
      // Never cast: the caller made the table for these very columns and goes another way when they are not.
      const tableTypes = table ? [...table.columns, ...table.partitionKeys].map((c) => `${c.name} ${c.type}`).join(', ') : '';
      throw athenaError('TYPE_MISMATCH', `the query's columns are not exactly the table's: [${tableTypes}], or the query fails`, target);
    }
    staged = await stage(ctx, sourceSql, !replacePartitions);
    if (!table || table.tableType === 'iceberg') {
      // Trino coerces neither a zoned timestamp nor an ipaddress to a column's type on INSERT (DuckDB would).
      if (unwritableColumn(staged.columns)) {
        const tableTypes = table ? [...table.columns, ...table.partitionKeys].map((c) => c.type).join(', ') : '';
        const queryTypes = staged.columns.map((c) => c.trinoType).join(', ');
        throw athenaError('TYPE_MISMATCH', `Insert query has mismatched column types: Table: [${tableTypes}], Query: [${queryTypes}]`, target);
      }
      const list = columns ? ` (${columns.map(sqlIdent).join(', ')})` : '';
      await ctx.connection.run(`INSERT INTO ${catalogName(target.database, target.name)}${list} SELECT * FROM ${staged.relation}`);
      return emptyResult({ rowsWritten: staged.rowCount });
    }
    const all = [...table.columns, ...table.partitionKeys];
    const targetColumns = columns ?? all.map((c) => c.name);
    const unknown = targetColumns.find((c) => !all.some((a) => a.name === c));
    if (unknown) throw athenaError('COLUMN_NOT_FOUND', `Insert column name does not exist in target table: ${unknown}`, target);
    // A zoned timestamp or an ipaddress has no Hive type, and Trino does not coerce it to timestamp or varchar on INSERT.
    if (targetColumns.length !== staged.columns.length || unwritableColumn(staged.columns)) {
      const sourceTypes = staged.columns.map((c) => c.trinoType).join(', ');
      throw athenaError(
        'TYPE_MISMATCH',
        `Insert query has mismatched column types: Table: [${targetColumns.map((c) => all.find((a) => a.name === c)!.type).join(', ')}], Query: [${sourceTypes}]`,
        target,
      );
    }
    const sources = all.map((c) => {
      const i = targetColumns.indexOf(c.name);
      return i < 0 ? null : staged!.columns[i].name;
    });
    const keyNames = table.partitionKeys.map((k) => k.name);
    if (replacePartitions) return await replaceInto(ctx, table, castProjection({ ...staged, relation: `(${sourceSql}) AS __src` }, sources, all));
    const cast = castProjection(staged, sources, all);
    const castRelation = `__lake_cast_${randomUUID().replaceAll('-', '')}`;
    await ctx.connection.run(`CREATE TEMP TABLE ${castRelation} AS SELECT * FROM ${cast}`);
    try {
      await checkPartitionCount(ctx, castRelation, keyNames, target);
      const outcome = await writeTableFiles(ctx.connection, tableFilesSpec(ctx, table, castRelation));
      ctx.catalog.wroteFiles(table, outcome.files);
      await ctx.catalog.put(withPartitionsWritten(table, outcome.partitions));
    } finally {
      await ctx.connection.run(`DROP TABLE IF EXISTS ${castRelation}`);
    }
    return emptyResult({ rowsWritten: staged.rowCount });
  } finally {
    await unstage(ctx, staged);
  }
}

/** What the file writers need to write `source` into the table's folder. */
function tableFilesSpec(ctx: LakeSessionContext, table: LakeTable, source: string) {
  return {
    source,
    dataColumns: table.columns.map((c) => c.name),
    partitionKeys: table.partitionKeys.map((k) => k.name),
    partitionKeyTypes: table.partitionKeys.map((k) => duckDbTypeOf(parseHiveType(k.type))),
    format: table.format,
    compression: table.writeCompression,
    targetDir: localPathOf(ctx.lakeRoot, table.location),
    lakeRoot: ctx.lakeRoot,
  };
}

/** Writing a partition that was dropped makes it part of the table again, as INSERT does on Athena. */
function withPartitionsWritten(table: LakeTable, written: readonly (readonly unknown[])[]): LakeTable {
  const droppedPartitions = table.droppedPartitions.filter((d) => !written.some((p) => p.every((v, i) => v === d[i])));
  return { ...table, droppedPartitions };
}

/**
 * The columns of a query, renamed by position to `__lake_c1` … and filtered by a condition that DuckDB folds while
 * binding: true when the query has exactly `count` columns and none of a type no table holds (a zoned timestamp, an
 * ipaddress, alone or nested), else a binder error (a struct key that does not exist). So a replacing write needs no
 * type probe of its own (a second bind of the query, ~20 ms for the hourly KPI model): these are insertInto's checks.
 */
export function positionallyChecked(sourceSql: string, count: number): { relation: string; columns: string[] } {
  const columns = Array.from({ length: count }, (_v, i) => `__lake_c${i + 1}`);
  const row = `{${columns.map((c) => `'${c}': ${c}`).join(', ')}}`;
  const zoned = `typeof(__lake_src) LIKE '%WITH TIME ZONE%'`;
  const ip = `typeof(__lake_src) LIKE '%${IP_FIELD}%'`;
  const guard = `{'trino_v': true}[CASE WHEN typeof(__lake_src) = typeof(${row}) AND NOT ${zoned} AND NOT ${ip} THEN 'trino_v' ELSE 'the query does not fit the table' END]`;
  return { relation: `(SELECT * FROM (${sourceSql}) AS __lake_src(${columns.join(', ')}) WHERE ${guard}) AS __src`, columns };
}

/**
 * The query's rows when its columns are exactly `columns`, names and DuckDB types, else a binder error: the same
 * folded guard as positionallyChecked's, comparing the row's type with that of a row of the columns' typed NULLs.
 */
export function exactlyChecked(sourceSql: string, columns: readonly { name: string; duckType: string }[]): { relation: string; columns: string[] } {
  const row = `{${columns.map((c) => `${sqlString(c.name)}: CAST(NULL AS ${c.duckType})`).join(', ')}}`;
  const guard = `{'trino_v': true}[CASE WHEN typeof(__lake_src) = typeof(${row}) THEN 'trino_v' ELSE 'the query does not have the table''s columns' END]`;
  return { relation: `(SELECT * FROM (${sourceSql}) AS __lake_src WHERE ${guard}) AS __src`, columns: columns.map((c) => c.name) };
}

/**
 * The table's columns as a query must give them for its files to be those of the table created from that query:
 * undefined when a column's DuckDB type does not map back to the column's Hive type.
 */
function exactTableColumns(table: LakeTable): { name: string; duckType: string }[] | undefined {
  try {
    const columns = [...table.columns, ...table.partitionKeys].map((c) => ({ name: c.name, hiveType: c.type, duckType: duckDbTypeOf(parseHiveType(c.type)) }));
    return columns.every((c) => hiveTypeOfDuckDb(c.duckType, c.name) === c.hiveType) ? columns : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An incremental model's replacing write without the type probe: the query cast by position to the table's columns,
 * checked while the write binds (positionallyChecked), or, `exact`, required to have the table's columns as they are
 * (exactlyChecked). Undefined when DuckDB fails it (nothing is published then): the caller then probes the query and
 * writes as before, so errors are unchanged.
 */
async function uncheckedReplace(ctx: LakeSessionContext, table: LakeTable, sourceSql: string, exact: boolean): Promise<QueryResult | undefined> {
  const all = [...table.columns, ...table.partitionKeys];
  const exactColumns = exact ? exactTableColumns(table) : undefined;
  if (exact && !exactColumns) return undefined;
  const { relation, columns } = exactColumns ? exactlyChecked(sourceSql, exactColumns) : positionallyChecked(sourceSql, all.length);
  let outcome: ReplaceOutcome;
  try {
    outcome = await replacePartitionFiles(ctx.connection, tableFilesSpec(ctx, table, castProjection({ relation, columns: [], rowCount: 0 }, columns, all)));
  } catch (error) {
    // A file system error (publishing, a full disk) is the write's own; DuckDB's errors send the caller to the probe.
    if (error instanceof Error && 'code' in error) throw error;
    return undefined;
  }
  return recordReplaced(ctx, table, outcome);
}

async function replaceInto(ctx: LakeSessionContext, table: LakeTable, source: string): Promise<QueryResult> {
  return recordReplaced(ctx, table, await replacePartitionFiles(ctx.connection, tableFilesSpec(ctx, table, source)));
}

async function recordReplaced(ctx: LakeSessionContext, table: LakeTable, outcome: ReplaceOutcome): Promise<QueryResult> {
  const keyNames = table.partitionKeys.map((k) => k.name);
  ctx.catalog.wroteFiles(table, outcome.files);
  // Also brings the view up to date when the table had no file before (its view then read nothing).
  await ctx.catalog.put(withPartitionsWritten(table, outcome.partitions));
  return {
    columns: keyNames.map((name) => ({ name, type: 'varchar' })),
    rows: outcome.partitions,
    stats: { durationMs: 0, rowsWritten: outcome.rowsWritten },
  };
}

export async function modifyRows(ctx: LakeSessionContext, action: Extract<LakeAction, { type: 'modifyRows' }>): Promise<QueryResult> {
  const { target } = action;
  const table = await ctx.catalog.get(target.database, target.name);
  if (table?.tableType !== 'iceberg') {
    if (!table && !(await ctx.catalog.relationKind(target.database, target.name))) throw tableNotFound(target);
    throw athenaError(
      'NOT_SUPPORTED',
      `${action.verb} is only supported for Iceberg tables; '${target.database}.${target.name}' is not one. Create it with TBLPROPERTIES ('table_type'='ICEBERG')`,
      target,
    );
  }
  // A target with no row has none that two source rows match: the check's answer is known without binding the
  // source a second time (the SCD2 MERGE's first load: ~65 ms of CPU; issue 18).
  if (action.multipleMatchCheck && (await holdsRows(ctx, target))) {
    const reader = await ctx.connection.runAndReadAll(action.multipleMatchCheck);
    if (reader.getRows().length > 0) {
      throw athenaError('MERGE_TARGET_ROW_MULTIPLE_MATCHES', 'One MERGE target table row matched more than one source row', target);
    }
  }
  const result = await ctx.duck.execute(action.sql);
  return { columns: [], rows: [], stats: { durationMs: result.stats.durationMs, rowsWritten: result.stats.rowsWritten ?? 0 } };
}

async function holdsRows(ctx: LakeSessionContext, target: TableRef): Promise<boolean> {
  const reader = await ctx.connection.runAndReadAll(`SELECT 1 FROM ${catalogName(target.database, target.name)} LIMIT 1`);
  return reader.getRows().length > 0;
}
