// `lake lint`'s binding on several scratch engines at once (issue 18): binding a model is DuckDB work on one thread
// (~7 ms of CPU per bench model, the shims' guards), so 1,000 models take ~10 s on one core. Each shard owns a share
// of the nodes and binds them in run order in an engine of its own; an upstream table another shard typed is created
// here from the columns that shard found (a cheap bind of typed NULLs), so every model binds over the same typed
// inputs as in one engine. Diagnostics are assembled afterwards in run order (bind.ts), as with one engine.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AthenaLocalEngine } from '../engines/local/engine.js';
import { QueryTranslations, type QueryTranslation, type SharedTranslations } from '../dialect/translate/query.js';
import { ShapeTranslations, tablesIn } from './shape-translations.js';
import type { Column } from '../engines/engine.js';
import type { Project, ProjectNode } from '../project/model.js';
import { substituteVariables, type Variables } from '../project/variables.js';
import { databaseEnsurer, discoverNode, schemaVariables, type NodeSchemas } from '../testing/schemas.js';

/** What a shard found for one node it owns: a table-producing node's schemas, or an alert query's columns. */
export interface ShardResult {
  id: string;
  schemas?: NodeSchemas;
  alert?: AlertBinding;
}

/** How a shard publishes its results and waits for those of the nodes other shards own. */
export interface ShardChannel {
  post(result: ShardResult): void;
  result(id: string): Promise<ShardResult>;
  /**
   * The translations of a model's CTAS query that lint's rules made (TranslationFeed), for the models they translate;
   * undefined for the others. Empty when the rules could not share theirs: the model is translated here.
   */
  translations?(id: string): Promise<QueryTranslation[]> | undefined;
}

/** A project as plain data (what a worker thread is sent), and back. */
export type ProjectData = Omit<Project, 'node'>;
export const projectData = ({ root, config, stage, nodes }: Project): ProjectData => ({ root, config, stage, nodes });
export function projectOf(data: ProjectData): Project {
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  return { ...data, node: (id) => byId.get(id) };
}

/**
 * The shard that binds each node (DDL is shard 0's to report; every shard runs it). In run order, a node goes to the
 * shard that owns most of its upstream nodes, so fewer tables are copied between engines, among the shards that are
 * not more than a few nodes ahead of the least loaded one, so the work stays even.
 */
export function shardOwners(project: Project, shards: number): Map<string, number> {
  const owners = new Map<string, number>();
  const load = new Array<number>(shards).fill(0);
  const slack = 8;
  for (const node of project.nodes) {
    if (node.kind === 'ddl') {
      owners.set(node.id, 0);
      continue;
    }
    if (node.kind !== 'alert' && node.produces.length === 0) continue;
    const least = Math.min(...load);
    const shared = new Array<number>(shards).fill(0);
    for (const id of node.upstream) {
      const owner = owners.get(id);
      if (owner !== undefined && project.node(id)?.kind !== 'ddl') shared[owner]++;
    }
    let best = load.indexOf(least);
    for (let shard = 0; shard < shards; shard++) if (load[shard] <= least + slack && shared[shard] > shared[best]) best = shard;
    owners.set(node.id, best);
    load[best]++;
  }
  return owners;
}

/** An alert query's columns, or the engine's whole message, bound over the scratch engine's typed inputs. */
export type AlertBinding = { columns: string[] } | { error: string };

export async function alertBinding(engine: AthenaLocalEngine, node: ProjectNode, vars: Variables): Promise<AlertBinding> {
  try {
    const sql = substituteVariables(node.sql, vars, { file: node.file, lineOffset: node.bodyLine - 1 });
    return { columns: (await engine.execute(sql, { database: node.database })).columns.map((c) => c.name) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** A table another shard typed, as an empty table of the same columns (a view where no table can hold them). */
async function createFromColumns(engine: AthenaLocalEngine, database: string, table: string, columns: readonly Column[]): Promise<void> {
  if (columns.length === 0) return;
  const target = table.split('.').map(quote).join('.');
  const select = `SELECT ${columns.map((c) => `CAST(NULL AS ${c.type}) AS ${quote(c.name)}`).join(', ')}`;
  const location = `s3://lake-test-schemas/${table.replace(/[^A-Za-z0-9_]/g, '/')}/`;
  try {
    await engine.execute(`CREATE TABLE ${target} WITH (table_type = 'ICEBERG', location = '${location}') AS ${select} WITH NO DATA`, { database });
  } catch {
    await engine.execute(`CREATE OR REPLACE VIEW ${target} AS ${select}`, { database });
  }
}

/** Binds the nodes `shard` owns, in run order, in a scratch engine of its own; publishes each result on `channel`. */
export async function bindShard(project: Project, shard: number, owners: ReadonlyMap<string, number>, channel: ShardChannel): Promise<void> {
  const lakeRoot = await mkdtemp(join(tmpdir(), 'lake-lint-shard-'));
  // Its tables are empty and have no files: there are no bytes scanned to count.
  // A query translated again with the catalog's column types (a subquery or a set operation: engine.ts
  // columnTypesNamed) is shared between the models of one shape, as the rules share theirs (shape-translations.ts).
  const shapes = new ShapeTranslations();
  let sharing: SharedTranslations | undefined;
  const typedShapes: SharedTranslations = {
    translate: (sql, options, translate, columnTypes) => (columnTypes && sharing ? sharing.translate(sql, options, translate, columnTypes) : translate()),
  };
  const queryTranslations = channel.translations ? new QueryTranslations([], typedShapes) : undefined;
  const engine = await AthenaLocalEngine.open({ lakeRoot, inMemory: true, threads: 1, meterScans: false, bindCache: true, queryTranslations });
  try {
    const vars = schemaVariables(project);
    const ensureDatabase = databaseEnsurer(engine);
    /** Nodes whose tables this engine holds as they would be in one engine (or does not, as there: they failed). */
    const here = new Set<string>();
    const tables = new Set<string>();
    // An upstream node's tables, from the columns its shard found; where they cannot be made from those columns (a
    // type name the dialect does not read back), the node itself is created here, after its own upstream.
    const ensureUpstream = async (node: ProjectNode): Promise<void> => {
      for (const id of node.upstream) {
        if (here.has(id)) continue;
        here.add(id);
        const upstream = project.node(id);
        if (!upstream || upstream.kind === 'alert' || upstream.produces.length === 0 || !owners.has(id)) continue;
        const { schemas } = await channel.result(id);
        try {
          for (const [table, columns] of schemas?.columns ?? []) {
            if (tables.has(table)) continue;
            await ensureDatabase(table.split('.')[0]);
            await createFromColumns(engine, upstream.database, table, columns);
            tables.add(table);
          }
        } catch {
          await ensureUpstream(upstream);
          for (const [table] of (await discoverNode(engine, upstream, vars, ensureDatabase)).columns) tables.add(table);
        }
      }
    };
    for (const node of project.nodes) {
      const owned = owners.get(node.id) === shard;
      // DDL is cheap and read by most models: every shard runs it.
      if (node.kind !== 'ddl' && !owned) continue;
      await ensureUpstream(node);
      here.add(node.id);
      if (node.kind === 'alert') {
        channel.post({ id: node.id, alert: await alertBinding(engine, node, vars) });
        continue;
      }
      if (node.produces.length === 0) continue;
      const translated = owned ? channel.translations?.(node.id) : undefined;
      if (translated) queryTranslations?.add(await translated);
      const tablesRead = owned ? tablesIn(node.database, node.dependsOn) : [];
      sharing = tablesRead.length > 0 ? shapes.forTables(tablesRead) : undefined;
      const schemas = await discoverNode(engine, node, vars, ensureDatabase);
      sharing = undefined;
      for (const [table] of schemas.columns) tables.add(table);
      if (owned) channel.post({ id: node.id, schemas });
    }
  } finally {
    await engine.close();
    await rm(lakeRoot, { recursive: true, force: true });
  }
}

/** Where results are posted and awaited: every shard's, in one thread. */
export function resultBoard(): ShardChannel & { results: Map<string, ShardResult> } {
  const results = new Map<string, ShardResult>();
  const deliver = new Map<string, (result: ShardResult) => void>();
  const arrivals = new Map<string, Promise<ShardResult>>();
  const result = (id: string) => {
    let arrival = arrivals.get(id);
    if (!arrival) {
      arrival = new Promise((resolve) => deliver.set(id, resolve));
      arrivals.set(id, arrival);
    }
    return arrival;
  };
  return {
    results,
    result,
    post(posted) {
      results.set(posted.id, posted);
      void result(posted.id);
      deliver.get(posted.id)?.(posted);
    },
  };
}

/** Results of every node, binding in `shards` engines of this thread (tests; the CLI uses worker threads, bind-pool.ts). */
export async function bindInShards(project: Project, shards: number): Promise<Map<string, ShardResult>> {
  const owners = shardOwners(project, shards);
  const board = resultBoard();
  await Promise.all(Array.from({ length: shards }, (_, shard) => bindShard(project, shard, owners, board)));
  return board.results;
}
