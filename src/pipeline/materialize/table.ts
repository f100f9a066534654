import { parseS3Uri } from '../../storage/object-store/index.js';
import type { Column, Engine } from '../../engines/engine.js';
import { ddlName, ddlTarget, defaultRunId, hiveTypeOf, literal, requireLocation, StatementLog, tableExists, target } from './sql.js';
import { MaterializeError, type MaterializeRequest, type MaterializeStrategy } from './types.js';

/**
 * A table rebuilt on every run. The new data is written by CTAS into a fresh folder (`<location><runId>/`) under a
 * scratch name; only when that succeeded is the table re-pointed at it and the old folders deleted. A failing query
 * leaves the old table and its files as they were.
 *
 * Re-pointing is dbt-athena's `ha` swap: when the table exists unpartitioned with the same columns and format, one
 * `ALTER TABLE … SET LOCATION` moves it to the new folder, so a reader sees the old table or the new one, never none.
 * Otherwise (first run, changed columns or format, partitioned table: its partitions keep their own locations on
 * Athena) the table is dropped and created again over the new folder.
 */
export const materializeTable: MaterializeStrategy = async (request, { engine, objectStore, runId = defaultRunId() }) => {
  if (!objectStore) throw new MaterializeError(`table model ${request.database}.${request.name} needs an object store to replace its files`);
  const base = requireLocation(request, 'table');
  const location = `${base}${runId}/`;
  const scratch = `${request.name}__${runId}`;
  const keys = request.partitionedBy ?? [];
  const format = (request.format ?? 'PARQUET').toUpperCase();
  const log = new StatementLog(engine, request.database);
  const props = [`format = ${literal(format)}`, `external_location = ${literal(location)}`];
  if (keys.length > 0) props.push(`partitioned_by = ARRAY[${keys.map(literal).join(', ')}]`);
  await log.run(`CREATE TABLE ${target(request, scratch)}\nWITH (${props.join(', ')})\nAS\n${request.selectSql}`);

  const { columns } = await engine.execute(`SELECT * FROM ${target(request, scratch)} LIMIT 0`, { database: request.database });
  const data = columns.filter((c) => !keys.includes(c.name));
  const partitions = keys.map((k) => columns.find((c) => c.name === k)!);
  // The file format is recorded as Glue's `classification`, so the next run knows whether the files it writes fit.
  const classification = format.toLowerCase();
  await log.run(`DROP TABLE ${ddlTarget(request, scratch)}`); // catalog entry only: the files stay for the real table
  if (keys.length === 0 && (await sameShape(engine, request, columns, classification))) {
    await log.run(`ALTER TABLE ${ddlTarget(request)} SET LOCATION ${literal(location)}`);
  } else {
    const ddl = [
      `CREATE EXTERNAL TABLE ${ddlTarget(request)} (${data.map((c) => `${ddlName(c.name)} ${hiveTypeOf(c.type)}`).join(', ')})`,
      ...(partitions.length > 0 ? [`PARTITIONED BY (${partitions.map((c) => `${ddlName(c.name)} ${hiveTypeOf(c.type)}`).join(', ')})`] : []),
      format === 'JSON' ? "ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'" : 'STORED AS PARQUET',
      `LOCATION ${literal(location)}`,
      `TBLPROPERTIES ('classification' = ${literal(classification)})`,
    ].join('\n');
    await log.run(`DROP TABLE IF EXISTS ${ddlTarget(request)}`);
    await log.run(ddl);
    if (partitions.length > 0) await log.run(`MSCK REPAIR TABLE ${ddlTarget(request)}`);
  }

  const { bucket, key: prefix } = parseS3Uri(base);
  const current = `${parseS3Uri(location).key}`;
  const stale = (await objectStore.list(bucket, prefix)).filter((o) => !o.key.startsWith(current)).map((o) => o.key);
  await objectStore.delete(bucket, stale);
  return log.outcome;
};

/** Whether the existing table (if any) has exactly these columns and this file format: then a location swap is enough. */
async function sameShape(engine: Engine, request: MaterializeRequest, columns: readonly Column[], classification: string): Promise<boolean> {
  if (!(await tableExists(engine, request.database, request.name))) return false;
  const existing = await engine.execute(`SELECT * FROM ${target(request)} LIMIT 0`, { database: request.database });
  const same = existing.columns.length === columns.length && existing.columns.every((c, i) => c.name === columns[i].name && c.type === columns[i].type);
  if (!same) return false;
  const properties = await engine.execute(`SHOW TBLPROPERTIES ${ddlTarget(request)}`, { database: request.database });
  return properties.rows.some((row) => String(row[0]) === 'classification' && String(row[1]) === classification);
}
