import { parseS3Uri, partitionPath } from '../../engines/object-store/index.js';
import type { SqlValue } from '../../engines/engine.js';
import { literal, quote, requireLocation, StatementLog, tableExists, target, typedLiteral } from './sql.js';
import { MaterializeError, type MaterializeStrategy } from './types.js';

const asText = (v: SqlValue): string | null => (v === null ? null : String(v));

/**
 * An incremental, partitioned table: each run replaces exactly the partitions its data contains and leaves the others.
 * The partition values are planned first; then, in batches the engine can write in one statement, each batch's
 * partition folders are emptied through the object store and the batch is inserted.
 */
export const materializeIncremental: MaterializeStrategy = async (request, { engine, objectStore }) => {
  const keys = request.partitionedBy ?? [];
  if (keys.length === 0) throw new MaterializeError(`incremental model ${request.database}.${request.name} needs partitioned_by`);
  if (!objectStore) throw new MaterializeError(`incremental model ${request.database}.${request.name} needs an object store`);
  const location = requireLocation(request, 'incremental');
  const log = new StatementLog(engine, request.database);
  const source = `(\n${request.selectSql}\n) AS src`;

  if (!(await tableExists(engine, request.database, request.name))) {
    // Created empty, then filled in batches like any later run: a first run may write more partitions than one
    // statement may (Athena: 100).
    const props = [`format = ${literal(request.format ?? 'PARQUET')}`, `external_location = ${literal(location)}`, `partitioned_by = ARRAY[${keys.map(literal).join(', ')}]`];
    await log.run(`CREATE TABLE ${target(request)}\nWITH (${props.join(', ')})\nAS\n${request.selectSql}\nWITH NO DATA`);
  }

  const plan = await log.run(`SELECT DISTINCT ${keys.map(quote).join(', ')} FROM ${source}`);
  const types = keys.map((k) => plan.columns.find((c) => c.name === k)?.type ?? 'varchar');
  const batchSize = Math.max(1, Math.min(engine.capabilities.maxPartitionsPerWrite, 10_000));
  const { bucket, key: prefix } = parseS3Uri(location);
  for (let i = 0; i < plan.rows.length; i += batchSize) {
    const batch = plan.rows.slice(i, i + batchSize);
    for (const values of batch) await objectStore.deletePrefix(bucket, `${prefix}${partitionPath(keys, values.map(asText))}/`);
    const predicate = batch
      .map((values) => `(${keys.map((k, j) => (values[j] === null ? `${quote(k)} IS NULL` : `${quote(k)} = ${typedLiteral(values[j], types[j])}`)).join(' AND ')})`)
      .join('\n   OR ');
    await log.run(`INSERT INTO ${target(request)}\nSELECT * FROM ${source}\nWHERE ${predicate}`);
  }
  return { ...log.outcome, partitions: plan.rows };
};
