import { parseS3Uri } from '../../storage/object-store/index.js';
import { ddlTarget, defaultRunId, literal, quote, requireLocation, StatementLog, target } from './sql.js';
import { partitionProjection } from './projection.js';
import { MaterializeError, type MaterializeStrategy } from './types.js';

/**
 * A table rebuilt on every run, as dbt-athena's `ha` mode does: CTAS writes the new data into a fresh folder
 * (`<location><runId>/`) under a scratch name; only when that succeeded does the table take the scratch table's
 * definition (columns, partition keys, format, location) in one catalog update, `Engine.swapTable`: a reader sees the
 * old table or the new one, never none, whatever changed (columns, format, partitioning). A partitioned table's
 * partitions come with it by projection (projection.ts), not registered one by one. The scratch catalog entry is
 * dropped and the old folders deleted only after the swap. A failure before it leaves the old table and its files as
 * they were.
 */
export const materializeTable: MaterializeStrategy = async (request, { engine, objectStore, runId = defaultRunId() }) => {
  const table = `${request.database}.${request.name}`;
  if (!objectStore) throw new MaterializeError(`table model ${table} needs an object store to replace its files`);
  if (!engine.swapTable) {
    throw new MaterializeError(
      `table model ${table} cannot be rebuilt on the ${engine.name} engine: it cannot swap a table's definition in one catalog update, so readers would miss the table`,
    );
  }
  const base = requireLocation(request, 'table');
  const location = `${base}${runId}/`;
  const scratch = `${request.name}__${runId}`;
  const keys = request.partitionedBy ?? [];
  const format = (request.format ?? 'PARQUET').toUpperCase();
  const log = new StatementLog(engine, request.database);
  const props = [`format = ${literal(format)}`, `external_location = ${literal(location)}`];
  if (keys.length > 0) props.push(`partitioned_by = ARRAY[${keys.map(literal).join(', ')}]`);
  await log.run(`CREATE TABLE ${target(request, scratch)}\nWITH (${props.join(', ')})\nAS\n${request.selectSql}`);

  try {
    const read = (sql: string) => engine.execute(sql, { database: request.database });
    const { columns } = await read(`SELECT * FROM ${target(request, scratch)} LIMIT 0`);
    const partitionColumns = keys.map((k) => columns.find((c) => c.name === k)!);
    const grouped = keys.map(quote).join(', ');
    const partitions = keys.length > 0 ? (await read(`SELECT ${grouped} FROM ${target(request, scratch)} GROUP BY ${grouped}`)).rows : [];
    // The file format is recorded as Glue's `classification`, as Athena's own CREATE TABLE and dbt-athena do.
    const properties = { classification: format.toLowerCase(), ...partitionProjection(table, partitionColumns, partitions) };
    await engine.swapTable({ database: request.database, name: scratch }, { database: request.database, name: request.name }, properties);
  } catch (error) {
    // The table was not touched; only the scratch catalog entry goes (its files are deleted by the next run).
    await engine.execute(`DROP TABLE IF EXISTS ${ddlTarget(request, scratch)}`, { database: request.database }).catch(() => undefined);
    throw error;
  }
  await log.run(`DROP TABLE ${ddlTarget(request, scratch)}`); // catalog entry only: the files are the table's now
  // A catalog that owns its tables' files (Iceberg on Trino) dropped the scratch table's files with it and keeps what
  // the table still reads: nothing under the location is the pipeline's to delete.
  if (engine.capabilities.catalogOwnsTableFiles) return log.outcome;

  const { bucket, key: prefix } = parseS3Uri(base);
  const current = `${parseS3Uri(location).key}`;
  const stale = (await objectStore.list(bucket, prefix)).filter((o) => !o.key.startsWith(current)).map((o) => o.key);
  await objectStore.delete(bucket, stale);
  return log.outcome;
};
