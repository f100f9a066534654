import type { Engine, SqlValue } from '../../engines/engine.js';
import { parseS3Uri, partitionPath, type ObjectStore } from '../../storage/object-store/index.js';
import { ddlTarget, defaultRunId, literal, quote, requireLocation, StatementLog, tableExists, target, typedLiteral } from './sql.js';
import { MaterializeError, type MaterializeOutcome, type MaterializeRequest, type MaterializeStrategy } from './types.js';

const asText = (v: SqlValue): string | null => (v === null ? null : String(v));

/** `s3://b/curated/db/t/` → `s3://b/curated/db/_staging/t/`: beside the table's folder, never inside it. */
export function stagingRoot(location: string, name: string): string {
  const folder = location.endsWith('/') ? location : `${location}/`;
  return `${folder.replace(/[^/]+\/$/, '')}_staging/${name}/`;
}

/** One run's staging folder: `s3://b/curated/db/_staging/t/<runId>/`. */
const stagingLocation = (location: string, name: string, runId: string): string => `${stagingRoot(location, name)}${runId}/`;

/**
 * An incremental, partitioned table: each run replaces exactly the partitions its data contains and leaves the others.
 * The local engine does that natively in one write; on Athena the query runs once into a staging table and is
 * inserted in batches (replaceInBatches). Running the (often expensive) query once instead of once per batch plus
 * once to plan is also what Athena bills less for.
 */
export const materializeIncremental: MaterializeStrategy = async (request, { engine, objectStore, runId = defaultRunId() }) => {
  const keys = request.partitionedBy ?? [];
  if (keys.length === 0) throw new MaterializeError(`incremental model ${request.database}.${request.name} needs partitioned_by`);
  if (!objectStore) throw new MaterializeError(`incremental model ${request.database}.${request.name} needs an object store`);
  const location = requireLocation(request, 'incremental');
  const log = new StatementLog(engine, request.database);

  if (!(await tableExists(engine, request.database, request.name))) {
    // Created empty, then filled in batches like any later run: a first run may write more partitions than one
    // statement may (Athena: 100).
    const props = [
      `format = ${literal(request.format ?? 'PARQUET')}`,
      `external_location = ${literal(location)}`,
      `partitioned_by = ARRAY[${keys.map(literal).join(', ')}]`,
    ];
    const create = (query: string) => `CREATE TABLE ${target(request)}\nWITH (${props.join(', ')})\nAS\n${query}\nWITH NO DATA`;
    const asDeclared = await firstRunAsDeclared(request, engine, log, create);
    if (asDeclared) return asDeclared;
    await log.run(create(request.selectSql));
  }

  if (engine.replacePartitions) {
    // The local engine replaces the partitions natively, in one pass (no partition limit, nothing staged).
    log.outcome.statements.push(`INSERT INTO ${target(request)} -- replacing the partitions it writes\n${request.selectSql}`);
    const replaced = await engine.replacePartitions({ database: request.database, name: request.name }, request.selectSql);
    return { ...log.outcome, rowsWritten: replaced.stats.rowsWritten ?? 0, partitions: replaced.rows };
  }
  return replaceInBatches(request, engine, objectStore, log, keys, location, runId);
};

/**
 * A first run on an engine that replaces partitions natively, when the table's contract declares its columns: the
 * table is created from them (a query of typed NULLs, bound in a moment, where binding the model's query for its
 * types cost as much as writing with it: issue 18), and the write requires the query's columns to be exactly the
 * table's (ReplacePartitionsOptions.exactColumns), so it binds the query once. Otherwise (a contract that drifted
 * from the query, a query that fails) the table is dropped before anything is written to it and the caller goes the
 * general way: the table, its types and every error are those of a run without the contract. Undefined then.
 */
async function firstRunAsDeclared(
  request: MaterializeRequest,
  engine: Engine,
  log: StatementLog,
  create: (query: string) => string,
): Promise<MaterializeOutcome | undefined> {
  if (!engine.replacePartitions || !request.declaredColumns?.length) return undefined;
  const typedNulls = `SELECT ${request.declaredColumns.map((c) => `CAST(NULL AS ${c.type}) AS ${quote(c.name)}`).join(', ')}`;
  const statements = log.outcome.statements.length;
  try {
    await log.run(create(typedNulls));
    log.outcome.statements.push(`INSERT INTO ${target(request)} -- replacing the partitions it writes\n${request.selectSql}`);
    const replaced = await engine.replacePartitions({ database: request.database, name: request.name }, request.selectSql, { exactColumns: true });
    return { ...log.outcome, rowsWritten: replaced.stats.rowsWritten ?? 0, partitions: replaced.rows };
  } catch {
    log.outcome.statements.splice(statements);
    await engine.execute(`DROP TABLE IF EXISTS ${ddlTarget(request)}`, { database: request.database });
    return undefined;
  }
}

/**
 * Athena's plan (any engine without a native replacePartitions): the query runs once into an unpartitioned staging
 * table; its partition values are planned from it, then, in batches of at most maxPartitionsPerWrite partitions,
 * each batch's partition folders are emptied through the object store (on a catalog that owns its files, Iceberg on
 * Trino, the batch's rows are deleted with SQL instead) and the batch is inserted from the staging table.
 */
async function replaceInBatches(
  request: MaterializeRequest,
  engine: Engine,
  objectStore: ObjectStore,
  log: StatementLog,
  keys: string[],
  location: string,
  runId: string,
): Promise<MaterializeOutcome> {
  const stageName = `${request.name}__stage_${runId}`;
  const staging = stagingLocation(location, request.name, runId);
  const stage = target(request, stageName);
  const { bucket: stagingBucket, key: stagingPrefix } = parseS3Uri(staging);
  await log.run(`CREATE TABLE ${stage}\nWITH (format = 'PARQUET', external_location = ${literal(staging)})\nAS\n${request.selectSql}`);
  try {
    const written = log.outcome.rowsWritten;
    const plan = await log.run(`SELECT DISTINCT ${keys.map(quote).join(', ')} FROM ${stage}`);
    const types = keys.map((k) => plan.columns.find((c) => c.name === k)?.type ?? 'varchar');
    const batchSize = Math.max(1, Math.min(engine.capabilities.maxPartitionsPerWrite, 10_000));
    const { bucket, key: prefix } = parseS3Uri(location);
    for (let i = 0; i < plan.rows.length; i += batchSize) {
      const batch = plan.rows.slice(i, i + batchSize);
      const inBatch = `\nWHERE ${batch
        .map(
          (values) =>
            `(${keys.map((k, j) => (values[j] === null ? `${quote(k)} IS NULL` : `${quote(k)} = ${typedLiteral(values[j], types[j])}`)).join(' AND ')})`,
        )
        .join('\n   OR ')}`;
      if (engine.capabilities.catalogOwnsTableFiles) {
        // The catalog's files are not ours to delete (an Iceberg table would still reference them): its rows go by SQL.
        // Run outside the log's count: rows deleted are not rows written.
        const remove = `DELETE FROM ${target(request)}${inBatch}`;
        log.outcome.statements.push(remove);
        await engine.execute(remove, { database: request.database });
      } else {
        for (const values of batch) await objectStore.deletePrefix(bucket, `${prefix}${partitionPath(keys, values.map(asText))}/`);
      }
      // A run that fits one statement (every scheduled run, most backfills) inserts the staged rows as they are.
      await log.run(`INSERT INTO ${target(request)}\nSELECT * FROM ${stage}${batch.length === plan.rows.length ? '' : inBatch}`);
    }
    // Rows written are the target's, not the staging copy's.
    log.outcome.rowsWritten -= written;
    return { ...log.outcome, partitions: plan.rows };
  } finally {
    // Best effort: a leftover staging table is never read by the model's table (it sits beside its folder, and the
    // next run stages under a new name), and a cleanup failure must not hide the error that ended the run.
    await engine
      .execute(`DROP TABLE IF EXISTS ${ddlTarget(request, stageName)}`, { database: request.database })
      .then(() => (engine.capabilities.catalogOwnsTableFiles ? undefined : objectStore.deletePrefix(stagingBucket, stagingPrefix)))
      .catch(() => undefined);
  }
}
