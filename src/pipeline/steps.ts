// How one project node becomes work for an engine: the DDL statements of a ddl file, the materialization request of a
// model or dashboard view for a period. Pure planning: nothing here runs SQL.
import { LakeError } from '../errors.js';
import { splitStatements } from '../dialect/statements.js';
import type { MaterializationKind, MaterializeRequest } from './materialize/index.js';
import { stagingRoot } from './materialize/incremental.js';
import type { Scd2Config } from './materialize/scd2.js';
import type { ProjectNode } from '../project/model.js';
import { interpolateText, substituteVariables, timestampVariable, type Variables } from '../project/variables.js';
import { floorToGrain, periodsBetween, type Grain, type Period } from './periods.js';

export class PlanError extends LakeError {
  override readonly name: string = 'PlanError';
}

const GRAIN_MS: Record<Grain, number> = { hour: 3_600_000, day: 86_400_000 };

/**
 * Periods a model runs for. An incremental model with a `period` grain covers [from, to) widened to whole periods, in
 * one batch (as SQLMesh backfills by default: one query over the range; the strategy still writes at most the
 * engine's partition limit per statement), or with `perPeriod` one run per period. Without a range it runs for the
 * last complete period before `now` (what a scheduled run does). Other models run once; their
 * `${period_start}`/`${period_end}` are the range when one is given.
 */
export function periodsFor(node: ProjectNode, range: { from?: Date; to?: Date; perPeriod?: boolean }, now: Date): Array<Period | undefined> {
  const grain = node.header.period;
  if (!grain) return [range.from && range.to ? { start: range.from, end: range.to } : undefined];
  if (range.from || range.to) {
    const from = range.from ?? new Date((range.to as Date).getTime() - GRAIN_MS[grain]);
    const to = range.to ?? new Date(floorToGrain(from, grain).getTime() + GRAIN_MS[grain]);
    const periods = periodsBetween(from, to, grain);
    return range.perPeriod ? periods : [{ start: periods[0].start, end: periods[periods.length - 1].end }];
  }
  const end = floorToGrain(now, grain);
  return [{ start: new Date(end.getTime() - GRAIN_MS[grain]), end }];
}

export function runtimeVariables(base: Variables, now: Date, period: Period | undefined): Variables {
  return {
    ...base,
    now: timestampVariable(now),
    ...(period ? { period_start: timestampVariable(period.start), period_end: timestampVariable(period.end) } : {}),
  };
}

/** The statements of a ddl file, variables substituted, each with its line in the file. */
export function ddlStatements(node: ProjectNode, vars: Variables): Array<{ sql: string; line: number }> {
  const sql = substituteVariables(node.sql, vars, { file: node.file, lineOffset: node.bodyLine - 1 });
  return splitStatements(sql).map((s) => ({ sql: s.text, line: node.bodyLine + s.line - 1 }));
}

/** The strategy that builds a model: its `materialized`, and for an incremental one its `incremental_strategy`. */
export function materializationOf(node: ProjectNode): MaterializationKind {
  const materialized = node.header.materialized ?? (node.kind === 'dashboard' ? 'view' : 'table');
  if (materialized !== 'incremental') return materialized;
  return INCREMENTAL_KINDS[node.header.incremental_strategy ?? 'insert_overwrite'];
}

const INCREMENTAL_KINDS = { insert_overwrite: 'incremental', merge: 'merge', append: 'append' } as const satisfies Record<string, MaterializationKind>;

/** The SCD2 settings of an scd2 model (undefined for any other node). */
export function scd2ConfigOf(node: ProjectNode): Scd2Config | undefined {
  const { materialized, unique_key, updated_at, check_cols } = node.header;
  if (materialized !== 'scd2' || !unique_key || !updated_at) return undefined;
  return { uniqueKey: unique_key, updatedAt: updated_at, checkCols: check_cols };
}

/** The materialization request of a model or dashboard view, variables substituted. */
export function materializeRequest(node: ProjectNode, vars: Variables): MaterializeRequest {
  const statements = splitStatements(substituteVariables(node.sql, vars, { file: node.file, lineOffset: node.bodyLine - 1 }));
  if (statements.length !== 1) {
    throw new PlanError(`${node.file}: a model file holds exactly one query (or MERGE statement); found ${statements.length} statements`);
  }
  const location = modelLocation(node, vars);
  return {
    database: node.database,
    name: node.name,
    selectSql: statements[0].text,
    partitionedBy: node.header.partitioned_by,
    location,
    format: node.header.format === 'json' ? 'JSON' : 'PARQUET',
    tableType: node.header.table_type === 'iceberg' ? 'ICEBERG' : 'HIVE',
    uniqueKey: node.header.unique_key,
    updatedAt: node.header.updated_at,
    checkCols: node.header.check_cols,
  };
}

/** Where a model or dashboard view keeps its files: the header's `external_location`, else the default; views have none. */
export function modelLocation(node: ProjectNode, vars: Variables): string | undefined {
  if (node.header.external_location) return interpolateText(node.header.external_location, vars);
  return materializationOf(node) === 'view' ? undefined : defaultLocation(node, vars);
}

/**
 * Every S3 prefix a model's materialization writes to (with the runner's credentials, as Athena writes CTAS/INSERT
 * output): its location and, for an incremental model, the staging folder beside it. What IAM must allow.
 */
export function modelWriteLocations(node: ProjectNode, vars: Variables): string[] {
  const location = modelLocation(node, vars);
  if (!location) return [];
  return materializationOf(node) === 'incremental' ? [location, stagingRoot(location, node.name)] : [location];
}

/** `s3://<lake_bucket>/curated/<database>/<name>/`: where a model's files go when its header names no location. */
function defaultLocation(node: ProjectNode, vars: Variables): string {
  const bucket = vars.lake_bucket;
  if (typeof bucket !== 'string' || bucket === '') {
    throw new PlanError(`${node.file}: no 'external_location' in the header and no 'lake_bucket' variable for the stage to default it from`);
  }
  return `s3://${bucket}/curated/${node.database}/${node.name}/`;
}
