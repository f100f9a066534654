// The `ha` table swap on the local catalog: the target's description becomes the source's and its view is re-created
// over the source's files, all inside one write statement. Readers in other processes wait for a write statement
// (catalog-access.ts) and a reader in this one runs between statements, so every reader sees the old table or the new
// one, as on Athena (one Glue UpdateTable, engines/athena/table-swap.ts).
import type { TableName } from '../engine.js';
import { catalogName, type LakeCatalog } from './catalog.js';
import { athenaError, schemaNotFound, tableNotFound } from './errors.js';
import type { DuckDBConnection } from '@duckdb/node-api';

export async function swapLakeTable(
  ctx: { catalog: LakeCatalog; connection: DuckDBConnection },
  source: TableName,
  target: TableName,
  properties: Record<string, string>,
): Promise<void> {
  const next = await ctx.catalog.get(source.database, source.name);
  if (!next) throw tableNotFound(source);
  if (next.tableType !== 'hive')
    throw athenaError('NOT_SUPPORTED', `only a Hive table can be swapped in; '${source.database}.${source.name}' is an Iceberg table`);
  if (!(await ctx.catalog.databaseExists(target.database))) throw schemaNotFound(target.database);
  const current = await ctx.catalog.get(target.database, target.name);
  // An Iceberg table is a native DuckDB table here, which the Hive table's view cannot replace in place.
  if (current?.tableType === 'iceberg') await ctx.connection.run(`DROP TABLE ${catalogName(target.database, target.name)}`);
  await ctx.catalog.put({ ...next, database: target.database, name: target.name, properties: { ...next.properties, ...properties } });
}
