// What the stacks read from the project's SQL files, through the same project loader as `lake` (so a header the
// CLI rejects fails synthesis too): the scheduled transforms and alerts (one EventBridge rule each), the external
// tables of sql/ddl (Glue CfnTables, via the shared DDL parser), and the lake prefixes models write to (IAM scopes).
import { LakeError } from '../../src/errors.js';
import { parseCreateTable, type CreateTableStatement } from '../../src/dialect/ddl-parse.js';
import { splitStatements } from '../../src/dialect/statements.js';
import { parseS3Uri } from '../../src/storage/object-store/object-store.js';
import { loadProject } from '../../src/project/loader.js';
import type { Project, ProjectNode } from '../../src/project/model.js';
import { parseSchedule, toEventBridge } from '../../src/project/schedule.js';
import { modelLocation, modelWriteLocations } from '../../src/pipeline/steps.js';
import { lakeStage, projectRoot } from '../config.js';
import type { ExternalTableDefinition } from './glue-table.js';

export type ScheduledKind = 'model' | 'alert';

export interface ScheduledSql {
  kind: ScheduledKind;
  /** Model or alert name (header `name`, else the file name): what the function is asked to run. */
  name: string;
  /** Node id (`lakehouse.daily_kpis`, `alert:x`): unique across the project, names the rule. */
  id: string;
  /** Path relative to the project root, for descriptions. */
  file: string;
  /** EventBridge schedule expression. */
  expression: string;
}

const loaded = new WeakMap<object, Promise<Project>>();

/**
 * The project at the stacks' root, loaded once per synthesis (keyed by the app, so every stack of one synthesis
 * shares it and a later synthesis sees files added since).
 */
export function stackProject(app: { stage: string }, root: string = projectRoot()): Promise<Project> {
  let project = loaded.get(app);
  if (!project) {
    project = loadProject(root, { stage: lakeStage(app.stage, root) });
    loaded.set(app, project);
  }
  return project;
}

const isScheduled = (n: ProjectNode): n is ProjectNode & { kind: ScheduledKind } =>
  (n.kind === 'model' || n.kind === 'alert') && n.header.schedule !== undefined;

/** Every transform and alert whose header has a `schedule`, in file order. */
export function scheduledSql(project: Project): ScheduledSql[] {
  return project.nodes
    .filter(isScheduled)
    .map((n) => ({ kind: n.kind, name: n.name, id: n.id, file: n.file, expression: toEventBridge(parseSchedule(n.header.schedule as string)) }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** `${name}` → value; an unknown variable is an error (a table must not point at a literal `${…}` path). */
export function substituteVariables(text: string, variables: Record<string, string>): string {
  return text.replace(/\$\{(\w+)\}/g, (_, name: string) => {
    if (!(name in variables)) throw new Error(`unknown variable \${${name}} in '${text}'`);
    return variables[name];
  });
}

export class DdlTableError extends LakeError {
  override readonly name: string = 'DdlTableError';
  constructor(file: string, line: number, message: string) {
    super(`${file}:${line}: ${message}`);
  }
}

/**
 * A parsed `CREATE EXTERNAL TABLE` as the Glue mapping wants it. Variables are substituted in the location only after
 * parsing (the bucket may be a CloudFormation token that is not valid SQL text).
 */
export function externalTableOf(stmt: CreateTableStatement, variables: Record<string, string>, where: { file: string; line: number }): ExternalTableDefinition {
  if (!stmt.location) throw new DdlTableError(where.file, where.line, `${stmt.name.parts.join('.')}: an external table needs a LOCATION`);
  if (stmt.delimited)
    throw new DdlTableError(where.file, where.line, `${stmt.name.parts.join('.')}: ROW FORMAT DELIMITED is not mapped to Glue yet; use ROW FORMAT SERDE`);
  const parts = stmt.name.parts;
  return {
    database: parts.length > 1 ? parts[parts.length - 2] : undefined,
    name: parts[parts.length - 1],
    columns: stmt.columns.map(({ name, type, comment }) => ({ name, type, comment })),
    partitionKeys: stmt.partitionedBy.map(({ name, type, comment }) => ({ name, type, comment })),
    storedAs: stmt.storedAs,
    serde: stmt.serde,
    serdeProperties: stmt.serdeProperties,
    inputFormat: stmt.inputFormat,
    outputFormat: stmt.outputFormat,
    location: substituteVariables(stmt.location, variables),
    tblProperties: stmt.tblProperties,
    comment: stmt.comment,
  };
}

/** Hive external tables of one DDL text (other statements, e.g. Iceberg `CREATE TABLE`, are left out). */
export function externalTablesOfSql(sql: string, variables: Record<string, string>, where: { file: string; line: number }): ExternalTableDefinition[] {
  return splitStatements(sql).flatMap((statement) => {
    const at = { file: where.file, line: where.line + statement.line - 1 };
    let parsed;
    try {
      parsed = parseCreateTable(statement.text);
    } catch (error) {
      throw new DdlTableError(at.file, at.line, error instanceof Error ? error.message : String(error));
    }
    return parsed.kind === 'createTable' && parsed.external ? [externalTableOf(parsed, variables, at)] : [];
  });
}

/**
 * External tables declared in sql/ddl. Iceberg tables (`CREATE TABLE … 'table_type'='ICEBERG'`) are not Glue-only
 * objects: Athena writes their metadata files, so the runner's DDL step creates them on Athena instead.
 */
export function ddlTables(project: Project, variables: Record<string, string>): ExternalTableDefinition[] {
  return project.nodes
    .filter((n) => n.kind === 'ddl')
    .flatMap((n) => externalTablesOfSql(n.sql, variables, { file: n.file, line: n.bodyLine }).map((t) => ({ ...t, database: t.database ?? n.database })));
}

/**
 * Key prefixes of the lake bucket that models write to: each model's location (header `location` or the runner's
 * default `curated/<database>/<name>/`) and, for incremental models, their staging folder beside it, from the same
 * functions the runner plans with (src/pipeline/steps.ts), so IAM cannot drift from what runs. Athena writes CTAS and
 * INSERT output with the caller's credentials, so this is the write scope of every function that runs models.
 * Locations in other buckets are not granted (and fail at run time).
 */
export function modelWritePrefixes(project: Project, lakeBucket: string, models: readonly ProjectNode[] = project.nodes): string[] {
  const variables = { ...variableTexts(project), lake_bucket: lakeBucket };
  const declared = declaredLocations(project, variables);
  const writers = models.filter((n) => n.kind === 'model');
  // A model that writes into a table sql/ddl declares (MERGE into an Iceberg table) writes where the DDL put it; and
  // creating an Iceberg table writes its metadata there, with the runner's credentials too.
  const declaredWrites = [
    ...writers.flatMap((n) => n.produces.map((t) => declared.get(t.toLowerCase())).filter((l): l is string => l !== undefined)),
    ...icebergLocations(project, variables),
  ];
  const prefixes = [...writers.flatMap((n) => modelWriteLocations(n, variables)), ...declaredWrites]
    .map((uri) => parseS3Uri(uri))
    .filter((l) => l.bucket === lakeBucket)
    .map((l) => l.key.replace(/\/*$/, '/'));
  return [...new Set(prefixes)].sort();
}

/** The stage's variables as text (numbers and booleans as written). */
export function variableTexts(project: Project): Record<string, string> {
  const variables = project.config.stages[project.stage]?.variables ?? {};
  return { ...Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, String(v)])), stage: project.stage, database: project.config.database };
}

/** `database.table` → S3 location of every table a `CREATE [EXTERNAL] TABLE … LOCATION` in sql/ddl declares. */
export function declaredLocations(project: Project, variables: Record<string, string>): Map<string, string> {
  const locations = new Map<string, string>();
  for (const node of project.nodes.filter((n) => n.kind === 'ddl')) {
    for (const statement of splitStatements(node.sql)) {
      let parsed;
      try {
        parsed = parseCreateTable(statement.text);
      } catch {
        continue; // not a CREATE TABLE (ddlTables reports malformed ones)
      }
      if (parsed.kind !== 'createTable' || !parsed.location) continue;
      const parts = parsed.name.parts.map((p) => p.toLowerCase());
      const qualified = parts.length > 1 ? parts.slice(-2).join('.') : `${node.database}.${parts[0]}`;
      locations.set(qualified, substituteVariables(parsed.location, variables));
    }
  }
  return locations;
}

/** Locations of the Iceberg tables sql/ddl creates (`CREATE TABLE … 'table_type'='ICEBERG'`). */
function icebergLocations(project: Project, variables: Record<string, string>): string[] {
  return project.nodes
    .filter((n) => n.kind === 'ddl')
    .flatMap((n) => splitStatements(n.sql))
    .flatMap((statement) => {
      try {
        const parsed = parseCreateTable(statement.text);
        const iceberg = parsed.kind === 'createTable' && !parsed.external && parsed.location && /^iceberg$/i.test(parsed.tblProperties.table_type ?? '');
        return iceberg && parsed.kind === 'createTable' ? [substituteVariables(parsed.location as string, variables)] : [];
      } catch {
        return [];
      }
    });
}

/**
 * Key prefixes of the lake bucket that running `nodes` reads: Athena reads a table's files with the caller's
 * credentials, so an alert needs GetObject on the locations of the tables it queries, through views to the tables
 * under them. Tables are resolved as the runner lays them out (sql/ddl locations, model locations and defaults);
 * `unresolved` lists tables read that neither declares (the caller decides whether that is an error).
 */
export function tableReadPrefixes(project: Project, nodes: readonly ProjectNode[], lakeBucket: string): { prefixes: string[]; unresolved: string[] } {
  const variables = { ...variableTexts(project), lake_bucket: lakeBucket };
  const declared = declaredLocations(project, variables);
  const producers = new Map(project.nodes.filter((n) => n.kind !== 'ddl').flatMap((n) => n.produces.map((t) => [t.toLowerCase(), n] as const)));
  const locations = new Set<string>();
  const unresolved = new Set<string>();
  const seen = new Set<string>();
  const visit = (table: string): void => {
    const name = table.toLowerCase();
    if (seen.has(name)) return;
    seen.add(name);
    const producer = producers.get(name);
    const location = producer ? modelLocation(producer, variables) : declared.get(name);
    if (location) locations.add(location);
    else if (producer)
      producer.dependsOn.forEach(visit); // a view: its files are its sources' files
    else unresolved.add(name);
  };
  for (const node of nodes) node.dependsOn.forEach(visit);
  const prefixes = [...locations]
    .map((uri) => parseS3Uri(uri))
    .filter((l) => l.bucket === lakeBucket)
    .map((l) => l.key.replace(/\/*$/, '/'));
  return { prefixes: [...new Set(prefixes)].sort(), unresolved: [...unresolved].sort() };
}
