// The real column types of every table in the project, without building anything: in a scratch in-memory engine the
// project's DDL runs as written (external tables over an empty lake folder read as zero rows) and every SELECT model
// becomes a view, in DAG order; `SELECT * … LIMIT 0` then gives each table's Trino types. Fixtures get these types.
// A model whose view cannot be created (an upstream failed, a construct the local engine lacks) falls back to the
// columns its contract declares; the reason is kept for the error a test sees when it needs that table.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AthenaLocalEngine } from '../engines/local/engine.js';
import { parseCreateTable } from '../dialect/ddl-parse.js';
import { DialectError } from '../dialect/diagnostics.js';
import type { EnclosingStatement } from '../dialect/lint/index.js';
import { HiveTypeError } from '../dialect/hive-types.js';
import { splitStatements } from '../dialect/statements.js';
import type { Column } from '../engines/engine.js';
import { contractFilesOf } from '../pipeline/checks.js';
import { checkScd2Source, scd2ShapeSql, sourceColumns, type Scd2Config } from '../pipeline/materialize/scd2.js';
import { materializationOf, scd2ConfigOf } from '../pipeline/steps.js';
import { EngineError } from '../engines/engine.js';
import { canonicalType } from '../project/contract.js';
import type { Project, ProjectNode } from '../project/model.js';
import { projectVariables, substituteVariables, timestampVariable, type Variables } from '../project/variables.js';

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const errorText = (error: unknown): string => (error instanceof Error ? error.message.split('\n')[0] : String(error));

/** Runtime variables bound to a fixed instant: only the types of the result matter here. */
export function schemaVariables(project: Project): Variables {
  const at = timestampVariable(new Date(Date.UTC(2000, 0, 1)));
  return projectVariables(project.config, project.stage, { now: at, period_start: at, period_end: at, window_start: at, window_end: at });
}

/** First keyword of a statement: SELECT/WITH/VALUES are queries; MERGE/INSERT/… write into a table. */
export const isQuery = (sql: string): boolean => /^\s*(\(\s*)*(SELECT|WITH|VALUES|TABLE)\b/i.test(sql.replace(/^(\s*(--[^\n]*\n|\/\*[\s\S]*?\*\/))*/, ''));

/** A node whose query could not be bound over the empty typed inputs, with the engine's whole message. */
export interface BindFailure {
  node: ProjectNode;
  error: string;
}

export interface DiscoverOptions {
  /** Runs while the scratch engine still holds every typed (empty) table, e.g. to bind alerts (`lake lint`). */
  whileOpen?: (engine: AthenaLocalEngine, vars: Variables, failures: readonly BindFailure[]) => Promise<void>;
}

/** What `discover` found, as plain data: schema-cache.ts keeps it between runs. */
export interface StoredSchemas {
  columns: Array<[string, Column[]]>;
  problems: Array<[string, string]>;
  failures: Array<{ node: string; error: string }>;
}

export class TableSchemas {
  private constructor(
    private readonly columnsByTable: Map<string, Column[]>,
    private readonly problems: Map<string, string>,
    /** Nodes whose SQL failed over the empty inputs, in run order. */
    readonly failures: BindFailure[],
  ) {}

  /** Columns of a qualified table, or undefined with `whyUnknown` explaining. */
  columns(table: string): Column[] | undefined {
    return this.columnsByTable.get(table.toLowerCase());
  }

  whyUnknown(table: string): string {
    return this.problems.get(table.toLowerCase()) ?? 'no file in the project creates it';
  }

  stored(): StoredSchemas {
    return {
      columns: [...this.columnsByTable],
      problems: [...this.problems],
      failures: this.failures.map((f) => ({ node: f.node.id, error: f.error })),
    };
  }

  /** The schemas `stored()` gave, for the same project; undefined when a failure names a node the project lacks. */
  static fromStored(project: Project, stored: StoredSchemas): TableSchemas | undefined {
    const failures: BindFailure[] = [];
    for (const { node: id, error } of stored.failures) {
      const node = project.node(id);
      if (!node) return undefined;
      failures.push({ node, error });
    }
    return new TableSchemas(new Map(stored.columns), new Map(stored.problems), failures);
  }

  /** Types every table, or only `tables` (and what they are built from) when given. */
  static async discover(project: Project, tables?: readonly string[], options: DiscoverOptions = {}): Promise<TableSchemas> {
    const needed = tables ? nodesBuilding(project, tables) : undefined;
    const lakeRoot = await mkdtemp(join(tmpdir(), 'lake-test-schemas-'));
    const found = new Map<string, NodeSchemas>();
    // Its tables are empty and have no files: there are no bytes scanned to count.
    const engine = await AthenaLocalEngine.open({ lakeRoot, inMemory: true, threads: 1, meterScans: false, bindCache: true });
    try {
      const vars = schemaVariables(project);
      const ensureDatabase = databaseEnsurer(engine);
      for (const node of project.nodes) {
        if (node.kind === 'alert' || node.produces.length === 0 || (needed && !needed.has(node.id))) continue;
        found.set(node.id, await discoverNode(engine, node, vars, ensureDatabase));
      }
      const schemas = TableSchemas.assemble(project, found);
      await options.whileOpen?.(engine, vars, schemas.failures);
      return schemas;
    } finally {
      await engine.close();
      await rm(lakeRoot, { recursive: true, force: true });
    }
  }

  /**
   * The schemas of the nodes `found` holds (per node id, whichever engine discovered them), merged in run order;
   * contract columns stand in for tables the scratch engine could not type.
   */
  static assemble(project: Project, found: ReadonlyMap<string, NodeSchemas>): TableSchemas {
    const columns = new Map<string, Column[]>();
    const problems = new Map<string, string>();
    const failures: BindFailure[] = [];
    for (const node of project.nodes) {
      const schemas = found.get(node.id);
      if (!schemas) continue;
      for (const [table, read] of schemas.columns)
        columns.set(
          table,
          read.map((c) => ({ name: c.name.toLowerCase(), type: c.type })),
        );
      for (const [table, problem] of schemas.problems) problems.set(table, problem);
      if (schemas.failure !== undefined) failures.push({ node, error: schemas.failure });
    }
    const declared = [
      ...project.nodes.flatMap((n) => (n.header.contract?.columns && n.produces[0] ? [{ table: n.produces[0], columns: n.header.contract.columns }] : [])),
      ...contractFilesOf(project).flatMap((c) => (c.contract.columns ? [{ table: c.table, columns: c.contract.columns }] : [])),
    ];
    for (const { table, columns: declaredColumns } of declared) {
      if (!columns.has(table))
        columns.set(
          table,
          Object.entries(declaredColumns).map(([name, type]) => ({ name: name.toLowerCase(), type: canonicalType(type) })),
        );
    }
    return new TableSchemas(columns, problems, failures);
  }
}

/** What discovery learns from one node: its tables' columns as read (names as the engine gives them), or why not. */
export interface NodeSchemas {
  columns: Array<[string, Column[]]>;
  problems: Array<[string, string]>;
  /** The engine's whole message when the node itself could not be created. */
  failure?: string;
}

/** `CREATE DATABASE IF NOT EXISTS`, once per database and engine. */
export function databaseEnsurer(engine: AthenaLocalEngine): (database: string) => Promise<void> {
  const databases = new Set<string>();
  return async (database) => {
    if (databases.has(database)) return;
    await engine.execute(`CREATE DATABASE IF NOT EXISTS ${quote(database)}`);
    databases.add(database);
  };
}

/** Creates the node's tables in the scratch engine and reads their columns. */
export async function discoverNode(
  engine: AthenaLocalEngine,
  node: ProjectNode,
  vars: Variables,
  ensureDatabase: (db: string) => Promise<void>,
): Promise<NodeSchemas> {
  const found: NodeSchemas = { columns: [], problems: [] };
  let created: Column[] | undefined;
  try {
    await ensureDatabase(node.database);
    created = await createNode(engine, node, vars, ensureDatabase);
  } catch (error) {
    for (const table of node.produces) found.problems.push([table, `${node.file} could not be run for its schema: ${errorText(error)}`]);
    found.failure = error instanceof Error ? error.message : String(error);
    return found;
  }
  for (const table of node.produces) {
    try {
      // In the node's database (the name is qualified): the session stays in it from the CTAS before.
      const read =
        table === node.produces[0] && created
          ? created
          : (await engine.execute(`SELECT * FROM ${table.split('.').map(quote).join('.')} LIMIT 0`, { database: node.database })).columns;
      found.columns.push([table, read]);
    } catch (error) {
      found.problems.push([table, `${node.file}: ${errorText(error)}`]);
    }
  }
  return found;
}

/** Ids of the nodes producing `tables` and of everything upstream of them. */
function nodesBuilding(project: Project, tables: readonly string[]): Set<string> {
  const wanted = new Set(tables);
  const stack = project.nodes.filter((n) => n.produces.some((t) => wanted.has(t))).map((n) => n.id);
  const seen = new Set<string>();
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(project.node(id)?.upstream ?? []));
  }
  return seen;
}

const ddlName = (name: string): string => `\`${name.replaceAll('`', '``')}\``;

/**
 * A Hive table as a native (Iceberg) table with the same columns and types. The local engine re-checks the files of
 * every Hive table before each statement; here there are no files, and that check would dominate the run.
 */
function asNativeTable(sql: string): string | undefined {
  let parsed;
  try {
    parsed = parseCreateTable(sql);
  } catch {
    return undefined;
  }
  if (parsed.kind !== 'createTable' || parsed.partitionTransforms.length > 0) return undefined;
  const columns = [...parsed.columns, ...parsed.partitionedBy].map((c) => `${ddlName(c.name)} ${c.type}`);
  const name = parsed.name.parts.map(ddlName).join('.');
  return `CREATE TABLE IF NOT EXISTS ${name} (${columns.join(', ')}) LOCATION 's3://lake-test-schemas/${parsed.name.parts.join('/').replace(/[^A-Za-z0-9_/]/g, '_')}/' TBLPROPERTIES ('table_type' = 'ICEBERG')`;
}

/** The CTAS that types a query model's table: an empty native table, not a view (views over views make every later statement bind the whole chain). */
function modelTableStatement(table: string, query: string): string {
  const target = table.split('.').map(quote).join('.');
  const location = `s3://lake-test-schemas/${table.replace(/[^A-Za-z0-9_]/g, '/')}/`;
  return `CREATE TABLE ${target} WITH (table_type = 'ICEBERG', location = '${location}') AS SELECT * FROM (\n${query}\n) AS "__lake_model" WITH NO DATA`;
}

/**
 * The CTAS discoverNode runs for `node`, when it is a query model (not scd2), as the statement `lake lint` translates
 * once for both its rules and its bind (src/dialect/lint checkFaithfulEnclosed). A model with `${…}` variables has one
 * only when `vars` are given (the bind's, schemaVariables): its text is then the model's with them substituted.
 */
export function modelStatement(node: ProjectNode, vars?: Variables): EnclosingStatement | undefined {
  if (node.kind === 'ddl' || node.kind === 'alert' || node.produces.length === 0 || scd2ConfigOf(node)) return undefined;
  const variables = node.sql.includes('${');
  if (variables && !vars) return undefined;
  let statements;
  let substituted: string | undefined;
  try {
    substituted = variables && vars ? substituteVariables(node.sql, vars, { file: node.file, lineOffset: node.bodyLine - 1 }) : undefined;
    statements = splitStatements(substituted ?? node.sql);
  } catch {
    return undefined; // the loader reports SQL the tokenizer cannot read and unknown variables
  }
  if (statements.length !== 1 || !isQuery(statements[0].text)) return undefined;
  const [{ text, line, col }] = statements;
  return {
    text: modelTableStatement(node.produces[0], text),
    database: node.database.toLowerCase(),
    query: { text, line, col },
    ...(substituted !== undefined ? { substituted } : {}),
  };
}

async function scd2Shape(engine: AthenaLocalEngine, node: ProjectNode, selectSql: string, config: Scd2Config): Promise<string> {
  const source = await sourceColumns(engine, selectSql, node.database);
  checkScd2Source(source, config, node.id);
  return scd2ShapeSql(selectSql, source, config);
}

/** The CTAS refusal of a column type no table holds (hive-types.ts: unwritableColumn, hiveTypeOfDuckDb for time, uuid). */
const isUnsupportedType = (error: unknown): boolean =>
  (error instanceof EngineError && error.details.code === 'NOT_SUPPORTED') ||
  (error instanceof HiveTypeError && error.message.startsWith('NOT_SUPPORTED:')) ||
  // A column of type unknown (`NULL AS c`, `CASE … THEN NULL END AS c`): Athena's CTAS fails (COLUMN_TYPE_UNKNOWN), a view keeps it.
  (error instanceof DialectError && error.diagnostics.some((d) => d.rule.endsWith('column-type-unknown')));

/** Creates the node's tables; the columns of the one its query creates, when known without reading it. */
async function createNode(
  engine: AthenaLocalEngine,
  node: ProjectNode,
  vars: Variables,
  ensureDatabase: (db: string) => Promise<void>,
): Promise<Column[] | undefined> {
  const sql = substituteVariables(node.sql, vars, { file: node.file, lineOffset: node.bodyLine - 1 });
  const statements = splitStatements(sql);
  if (node.kind === 'ddl') {
    for (const table of node.produces) await ensureDatabase(table.split('.')[0]);
    for (const statement of statements) await engine.execute(asNativeTable(statement.text) ?? statement.text, { database: node.database });
    return undefined;
  }
  // Models that MERGE/INSERT into a table get their columns from that table's DDL.
  if (statements.length !== 1 || !isQuery(statements[0].text)) return undefined;
  const target = node.produces[0].split('.').map(quote).join('.');
  // An scd2 model's table is its source query in the scd2 shape (valid_from, valid_to, is_current).
  const scd2 = scd2ConfigOf(node);
  const query = scd2 ? await scd2Shape(engine, node, statements[0].text, scd2) : statements[0].text;
  try {
    return await engine.createEmptyTable(modelTableStatement(node.produces[0], query), { database: node.database });
  } catch (error) {
    // A column no table holds (json, a zoned timestamp…) fails a table model as Athena's CTAS does; a view keeps it.
    if (materializationOf(node) !== 'view' && isUnsupportedType(error)) throw error;
    await engine.execute(`CREATE OR REPLACE VIEW ${target} AS ${query}`, { database: node.database });
    return undefined;
  }
}
