import { parseS3Uri } from '../../storage/object-store/index.js';
import { ddlName, ddlTarget, defaultRunId, hiveTypeOf, literal, requireLocation, StatementLog, target } from './sql.js';
import { MaterializeError, type MaterializeStrategy } from './types.js';

/**
 * A table rebuilt on every run. The new data is written by CTAS into a fresh folder (`<location><runId>/`) under a
 * scratch name; only when that succeeded is the table re-pointed at it and the old folders deleted. A failing query
 * leaves the old table and its files as they were.
 */
export const materializeTable: MaterializeStrategy = async (request, { engine, objectStore, runId = defaultRunId() }) => {
  if (!objectStore) throw new MaterializeError(`table model ${request.database}.${request.name} needs an object store to replace its files`);
  const base = requireLocation(request, 'table');
  const location = `${base}${runId}/`;
  const scratch = `${request.name}__${runId}`;
  const keys = request.partitionedBy ?? [];
  const log = new StatementLog(engine, request.database);
  const props = [`format = ${literal(request.format ?? 'PARQUET')}`, `external_location = ${literal(location)}`];
  if (keys.length > 0) props.push(`partitioned_by = ARRAY[${keys.map(literal).join(', ')}]`);
  await log.run(`CREATE TABLE ${target(request, scratch)}\nWITH (${props.join(', ')})\nAS\n${request.selectSql}`);

  const { columns } = await engine.execute(`SELECT * FROM ${target(request, scratch)} LIMIT 0`, { database: request.database });
  const data = columns.filter((c) => !keys.includes(c.name));
  const partitions = keys.map((k) => columns.find((c) => c.name === k)!);
  const ddl = [
    `CREATE EXTERNAL TABLE ${ddlTarget(request)} (${data.map((c) => `${ddlName(c.name)} ${hiveTypeOf(c.type)}`).join(', ')})`,
    ...(partitions.length > 0 ? [`PARTITIONED BY (${partitions.map((c) => `${ddlName(c.name)} ${hiveTypeOf(c.type)}`).join(', ')})`] : []),
    (request.format ?? 'PARQUET').toUpperCase() === 'JSON' ? "ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'" : 'STORED AS PARQUET',
    `LOCATION ${literal(location)}`,
  ].join('\n');
  await log.run(`DROP TABLE ${ddlTarget(request, scratch)}`); // catalog entry only: the files stay for the real table
  await log.run(`DROP TABLE IF EXISTS ${ddlTarget(request)}`);
  await log.run(ddl);
  if (partitions.length > 0) await log.run(`MSCK REPAIR TABLE ${ddlTarget(request)}`);

  const { bucket, key: prefix } = parseS3Uri(base);
  const current = `${parseS3Uri(location).key}`;
  const stale = (await objectStore.list(bucket, prefix)).filter((o) => !o.key.startsWith(current)).map((o) => o.key);
  await objectStore.delete(bucket, stale);
  return log.outcome;
};
