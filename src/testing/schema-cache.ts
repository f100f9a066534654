// The tables' types `lake test` gives its fixtures, kept between runs: discovering them binds every model over empty
// inputs (~1 s of CPU on the example, most of a run's fixed cost), and the analyst loop re-runs the same project with
// only tests or a model changed. The result is a function of the project's files, the variables, the code and
// DuckDB's version: all are in the key, so any change (a model's text, a contract's columns, a rebuild of the CLI)
// discovers again. Kept in the lake folder's .cache/ like lint's results; a read or write problem just means no cache.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { contractFilesOf } from '../pipeline/checks.js';
import type { Project } from '../project/model.js';
import { codeStamp } from '../storage/code-stamp.js';
import { claimLakeFolder } from '../storage/lake-folder.js';
import { schemaVariables, TableSchemas, type StoredSchemas } from './schemas.js';

/** Bump when what is stored changes shape. */
const FORMAT = 1;

interface CacheFile {
  key: string;
  schemas: StoredSchemas;
}

export const schemaCachePath = (lakeRoot: string): string => join(lakeRoot, '.cache', 'test-schemas.json');

function duckdbVersion(): string {
  try {
    return (createRequire(import.meta.url)('@duckdb/node-api/package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Everything discovery reads: the nodes as loaded, the contract files' columns, the variables, the code. */
function cacheKey(project: Project, tables: readonly string[] | undefined): string {
  const material = {
    format: FORMAT,
    code: codeStamp(),
    duckdb: duckdbVersion(),
    tables: tables ?? null,
    variables: schemaVariables(project),
    nodes: project.nodes.map((n) => [n.id, n.kind, n.file, n.header, n.sql, n.bodyLine, n.database, n.produces, n.upstream]),
    contracts: contractFilesOf(project).map((c) => [c.table, c.contract.columns ?? null]),
  };
  return createHash('sha1').update(JSON.stringify(material)).digest('hex');
}

function readCache(path: string): CacheFile | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
  } catch {
    return undefined;
  }
}

/** `TableSchemas.discover(project, tables)`, answered from the lake folder's cache when nothing it reads changed. */
export async function discoverSchemas(project: Project, tables: readonly string[], lakeRoot: string): Promise<TableSchemas> {
  const path = schemaCachePath(lakeRoot);
  const key = cacheKey(project, tables);
  const cached = readCache(path);
  const restored = cached?.key === key ? TableSchemas.fromStored(project, cached.schemas) : undefined;
  if (restored) return restored;
  const schemas = await TableSchemas.discover(project, tables);
  try {
    // A lake folder this creates is marked as one, so `lake run --demo` (npm start) may reset it later.
    claimLakeFolder(lakeRoot);
    mkdirSync(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ key, schemas: schemas.stored() } satisfies CacheFile));
    renameSync(temp, path);
  } catch {
    // A read-only checkout tests fine without a cache.
  }
  return schemas;
}
