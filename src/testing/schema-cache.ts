// The tables' types `lake test` gives its fixtures, kept between runs: discovering them binds every model over empty
// inputs (~1 s of CPU on the example, most of a run's fixed cost), and the analyst loop re-runs the same project with
// only tests or a model changed. The result is a function of the project's files, the variables, the code and
// DuckDB's version: all are in the key, so any change (a model's text, a contract's columns, a rebuild of the CLI)
// discovers again. Kept in the lake folder's .cache/ like lint's results; a read or write problem just means no cache.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contractFilesOf } from '../pipeline/checks.js';
import type { Project } from '../project/model.js';
import { claimLakeFolder } from '../storage/lake-folder.js';
import { schemaVariables, TableSchemas, type StoredSchemas } from './schemas.js';

/** Bump when what is stored changes shape. */
const FORMAT = 1;

interface CacheFile {
  key: string;
  schemas: StoredSchemas;
}

export const schemaCachePath = (lakeRoot: string): string => join(lakeRoot, '.cache', 'test-schemas.json');

/**
 * Sizes and modification times of the running code's files: the top folder of the package this module runs from
 * (`dist/` for the CLI, `src/` under vitest), so that editing the translator, not only this file, discovers again.
 */
function codeStamp(): string {
  const module = fileURLToPath(import.meta.url);
  let root = dirname(module);
  while (!statOf(join(root, 'package.json')) && dirname(root) !== root) root = dirname(root);
  const top = join(root, relative(root, module).split(sep)[0]);
  const stamps: string[] = [];
  for (const entry of readdirSync(top, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const stat = statOf(path);
    if (stat) stamps.push(`${relative(top, path)}\0${stat.size}\0${stat.mtimeMs}`);
  }
  return stamps.sort().join('\n');
}

function statOf(path: string): { size: number; mtimeMs: number } | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

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
