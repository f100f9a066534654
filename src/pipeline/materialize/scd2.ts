// SCD type 2 (`materialized: scd2`, like dbt snapshots and SQLMesh's SCD_TYPE_2): the model's SQL is only the source
// query; this generates the one MERGE that versions it into an Iceberg table, in Athena SQL, so the same statement runs
// on Athena and on the local engine (and in unit tests).
//
// The table has the query's columns, with the `updated_at` column replaced (in place) by `valid_from`, `valid_to` and
// `is_current`. Per key, a source row starts a new version when it is newer than the current version and (check
// strategy) one of `check_cols` differs from the version before it, or (timestamp strategy, no check_cols) its
// updated_at does. Several rows of a key in one run become several versions in updated_at order, each valid until the
// next; the version that was current is closed (valid_to = the first new version's valid_from). Source rows not newer
// than the current version are ignored, so rerunning a period, or an older one, leaves the table as it is.
import type { Column, Engine } from '../../engines/engine.js';
import { literal, quote, requireLocation, StatementLog, tableExists, target } from './sql.js';
import { MaterializeError, type MaterializeRequest, type MaterializeStrategy } from './types.js';

export interface Scd2Config {
  uniqueKey: string[];
  updatedAt: string;
  /** Check strategy: the tracked columns. Absent: timestamp strategy. */
  checkCols?: string[];
}

/** Columns the table adds; a source column may not take these names (nor the generator's `__scd2_` prefix). */
export const SCD2_COLUMNS = ['valid_from', 'valid_to', 'is_current'] as const;

/** The table's columns in order: the source's, with updated_at replaced by valid_from, valid_to, is_current. */
export function scd2TableColumns(source: readonly string[], config: Scd2Config): string[] {
  return source.flatMap((c) => (c === config.updatedAt ? [...SCD2_COLUMNS] : [c]));
}

/** Throws MaterializeError naming what the source query lacks or clashes with. */
export function checkScd2Source(source: readonly Column[], config: Scd2Config, model: string): void {
  const names = source.map((c) => c.name);
  const missing = [...config.uniqueKey, config.updatedAt, ...(config.checkCols ?? [])].filter((c) => !names.includes(c));
  if (missing.length > 0)
    throw new MaterializeError(`scd2 model ${model}: column(s) ${[...new Set(missing)].join(', ')} not in its query (it returns ${names.join(', ')})`);
  const clash = names.filter((c) => (SCD2_COLUMNS as readonly string[]).includes(c) || c.startsWith('__scd2_'));
  if (clash.length > 0) throw new MaterializeError(`scd2 model ${model}: its query returns ${clash.join(', ')}, which the scd2 table adds itself; rename them`);
}

/** The source query projected to the table's shape (no rows: what CREATE TABLE … WITH NO DATA and schemas need). */
export function scd2ShapeSql(selectSql: string, source: readonly Column[], config: Scd2Config): string {
  const u = quote(config.updatedAt);
  const list = source.flatMap((c) =>
    c.name === config.updatedAt ? [`s.${u} AS valid_from`, `s.${u} AS valid_to`, 'true AS is_current'] : [`s.${quote(c.name)}`],
  );
  return `SELECT ${list.join(', ')}\nFROM (\n${selectSql}\n) AS s`;
}

/** The MERGE that applies one run's source rows to the table `targetSql` (a quoted, qualified name). */
export function scd2MergeSql(targetSql: string, selectSql: string, source: readonly Column[], config: Scd2Config): string {
  const q = (c: string) => quote(c);
  const names = source.map((c) => c.name);
  const u = q(config.updatedAt);
  const keys = config.uniqueKey.map(q);
  const tracked = (config.checkCols ?? [config.updatedAt]).map(q);
  const byKey = `PARTITION BY ${keys.join(', ')}`;
  const ordered = `OVER (${byKey} ORDER BY ${u}, __scd2_staged)`;
  const sameKey = (a: string, b: string) => keys.map((k) => `${a}.${k} = ${b}.${k}`).join(' AND ');
  const mergeKey = (i: number) => `__scd2_key_${i}`;
  const tableColumns = scd2TableColumns(names, config);
  const project = (row: string, validTo: string, isCurrent: string) =>
    names.flatMap((c) => (c === config.updatedAt ? [`${row}.${u} AS valid_from`, `${validTo} AS valid_to`, `${isCurrent} AS is_current`] : [`${row}.${q(c)}`]));
  const typeOf = (key: string) => source.find((c) => c.name === key)!.type;
  return [
    `MERGE INTO ${targetSql} AS t USING (`,
    'WITH',
    `  __scd2_source AS (\n${selectSql}\n  ),`,
    `  __scd2_current AS (SELECT * FROM ${targetSql} WHERE is_current),`,
    '  -- the current version of each key (the starting point) and the source rows newer than it',
    '  __scd2_candidates AS (',
    `    SELECT ${names.map((c) => (c === config.updatedAt ? `valid_from AS ${u}` : q(c))).join(', ')}, false AS __scd2_staged FROM __scd2_current`,
    '    UNION ALL',
    `    SELECT ${names.map((c) => `s.${q(c)}`).join(', ')}, true AS __scd2_staged`,
    `    FROM __scd2_source AS s LEFT JOIN __scd2_current AS c ON ${sameKey('c', 's')}`,
    `    WHERE c.valid_from IS NULL OR s.${u} > c.valid_from`,
    '  ),',
    '  __scd2_sequenced AS (',
    `    SELECT *, row_number() ${ordered} AS __scd2_seq, ${tracked.map((c, i) => `lag(${c}) ${ordered} AS __scd2_prev_${i}`).join(', ')}`,
    '    FROM __scd2_candidates',
    '  ),',
    '  -- a source row that differs from the version before it starts a version',
    '  __scd2_changes AS (',
    `    SELECT * FROM __scd2_sequenced WHERE __scd2_staged AND (__scd2_seq = 1 OR ${tracked.map((c, i) => `${c} IS DISTINCT FROM __scd2_prev_${i}`).join(' OR ')})`,
    '  ),',
    '  __scd2_versions AS (',
    `    SELECT *, row_number() OVER (${byKey} ORDER BY ${u}) AS __scd2_version, lead(${u}) OVER (${byKey} ORDER BY ${u}) AS __scd2_next`,
    '    FROM __scd2_changes',
    '  )',
    '-- closes the current version at the first new one (one source row per current version)',
    `SELECT ${keys.map((k, i) => `v.${k} AS ${mergeKey(i)}`).join(', ')}, ${project('v', `v.${u}`, 'false').join(', ')}`,
    `FROM __scd2_versions AS v JOIN __scd2_current AS c ON ${sameKey('c', 'v')}`,
    'WHERE v.__scd2_version = 1',
    'UNION ALL',
    '-- every new version: a NULL merge key never matches, so each is inserted',
    `SELECT ${config.uniqueKey.map((k, i) => `CAST(NULL AS ${typeOf(k)}) AS ${mergeKey(i)}`).join(', ')}, ${project('v', 'v.__scd2_next', 'v.__scd2_next IS NULL').join(', ')}`,
    'FROM __scd2_versions AS v',
    `) AS s ON ${keys.map((k, i) => `t.${k} = s.${mergeKey(i)}`).join(' AND ')} AND t.is_current`,
    'WHEN MATCHED THEN UPDATE SET valid_to = s.valid_to, is_current = false',
    `WHEN NOT MATCHED AND s.${mergeKey(0)} IS NULL THEN INSERT (${tableColumns.map(q).join(', ')}) VALUES (${tableColumns.map((c) => `s.${q(c)}`).join(', ')})`,
  ].join('\n');
}

/** The source query's columns, as the engine binds it (no rows are read). */
export async function sourceColumns(engine: Engine, selectSql: string, database: string): Promise<Column[]> {
  return (await engine.execute(`SELECT * FROM (\n${selectSql}\n) AS s LIMIT 0`, { database })).columns;
}

function configOf(request: MaterializeRequest): Scd2Config {
  const { uniqueKey, updatedAt, checkCols } = request;
  if (!uniqueKey?.length || !updatedAt) throw new MaterializeError(`scd2 model ${request.database}.${request.name} needs unique_key and updated_at`);
  return { uniqueKey, updatedAt, checkCols };
}

/** Creates the Iceberg table (empty, in the table's shape) on the first run, then runs the generated MERGE. */
export const materializeScd2: MaterializeStrategy = async (request, { engine }) => {
  const config = configOf(request);
  const model = `${request.database}.${request.name}`;
  const source = await sourceColumns(engine, request.selectSql, request.database);
  checkScd2Source(source, config, model);
  const log = new StatementLog(engine, request.database);
  if (!(await tableExists(engine, request.database, request.name))) {
    const location = requireLocation(request, 'scd2');
    await log.run(
      `CREATE TABLE ${target(request)}\nWITH (table_type = 'ICEBERG', is_external = false, location = ${literal(location)})\nAS\n${scd2ShapeSql(request.selectSql, source, config)}\nWITH NO DATA`,
    );
  }
  await log.run(scd2MergeSql(target(request), request.selectSql, source, config));
  return log.outcome;
};
