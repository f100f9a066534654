// `CREATE TABLE … AS <query> WITH NO DATA` of an Iceberg table, bound but never run: the query is prepared once for
// its column names and types, and the empty native table is created from them. The general CTAS path (lake-writes.ts)
// stages the rows in a temp table, reads its types back, casts it into the table and drops it — five statements to
// write no rows; `lake lint` and schema discovery create one such table per model (issue 18).
import type { QueryResult } from '../engine.js';
import { catalogName } from './catalog.js';
import { duckDbTypeOf, parseHiveType } from '../../dialect/hive-types.js';
import type { CtasSpec } from '../../dialect/lake-actions.js';
import { emptyResult, type LakeSessionContext } from './lake-session.js';
import { sqlIdent } from './readers.js';
import { trinoTypeName } from '../duckdb/types.js';
import { defaultLocation, lakeTable, tableColumns, type StagedRows } from './lake-writes.js';

/** The query's columns as the staged path sees them, from its prepared statement (nothing runs). */
async function boundColumns(ctx: LakeSessionContext, sourceSql: string): Promise<StagedRows['columns']> {
  await ctx.catalog.writeNewTables(); // the query may read tables not yet created (addNewTable)
  const prepared = await ctx.connection.prepare(`SELECT * FROM (${sourceSql}) AS __src`);
  try {
    return Array.from({ length: prepared.columnCount }, (_, i) => {
      const type = prepared.columnType(i);
      return { name: prepared.columnName(i), duckType: type.toString(), trinoType: trinoTypeName(type) };
    });
  } finally {
    prepared.destroySync();
  }
}

/** The CTAS query's columns: bound, or those of a query of the same shape bound before (bind-cache.ts). */
async function sourceColumns(ctx: LakeSessionContext, spec: CtasSpec): Promise<StagedRows['columns']> {
  if (!ctx.bindCache) return boundColumns(ctx, spec.sourceSql);
  const { cache, database } = ctx.bindCache;
  const shape = cache.shape(database, spec.sourceSql);
  const known = shape && cache.get(shape);
  if (known) return known.map((c) => ({ ...c }));
  const bound = await boundColumns(ctx, spec.sourceSql);
  if (shape) cache.put(shape, bound);
  return bound;
}

/** An empty Iceberg table with the query's columns, the same checks and errors as the general CTAS path. */
export async function createEmptyIcebergTable(ctx: LakeSessionContext, spec: CtasSpec): Promise<QueryResult> {
  const columns = tableColumns(await sourceColumns(ctx, spec), spec.target);
  const types = columns.map((c) => ({ name: c.name, duckType: duckDbTypeOf(parseHiveType(c.type)) }));
  const definitions = types.map((c) => `${sqlIdent(c.name)} ${c.duckType}`).join(', ');
  const table = catalogName(spec.target.database, spec.target.name);
  const create = `CREATE TABLE ${table} (${definitions})`;
  const description = lakeTable(spec, columns, [], { kind: 'parquet' }, spec.location ?? defaultLocation());
  // In a scratch engine, a table of definitions created before is created with the next ones (LakeCatalog.addNewTable).
  if (ctx.bindCache?.cache.wasCreated(definitions)) await ctx.catalog.addNewTable(create, description);
  else {
    await ctx.catalog.writeNewTables();
    await ctx.connection.run(create);
    ctx.bindCache?.cache.definitionsCreated(definitions);
    await ctx.catalog.put(description);
  }
  ctx.bindCache?.cache.tableCreated(spec.target.database, spec.target.name, types);
  if (!spec.reportColumns) return emptyResult({ rowsWritten: 0 });
  const readTable = () => boundColumns(ctx, `SELECT * FROM ${table}`);
  const read = ctx.bindCache ? await ctx.bindCache.cache.columnsOf(definitions, readTable) : await readTable();
  return { ...emptyResult({ rowsWritten: 0 }), columns: read.map((c) => ({ name: c.name, type: c.trinoType })) };
}
