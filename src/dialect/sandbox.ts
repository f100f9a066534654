// The local engine touches files inside the lake folder only. Athena SQL has no file functions, so nothing a user
// writes may reach outside the lake: DuckDB's own file functions (read_csv('/etc/passwd'), COPY … TO, ATTACH, glob,
// INSTALL) are refused by DuckDB's sandbox (external access off, the lake folder the only allowed directory; it cannot be
// switched back on in the session), and S3 locations with `.`/`..` segments, which would map outside
// <lake>/<bucket>/, are refused before translation.
import { join, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { EngineError } from '../engines/engine.js';

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Confines the session's file access to `lakeRoot` (for good: DuckDB refuses to re-enable it while running). */
export async function confineToLake(connection: DuckDBConnection, lakeRoot: string): Promise<void> {
  const root = resolve(lakeRoot);
  await connection.run(`SET temp_directory = ${quote(join(root, '.duckdb', 'tmp'))}`);
  await connection.run(`SET allowed_directories = [${quote(`${root}/`)}]`);
  await connection.run('SET enable_external_access = false');
}

const S3_LITERAL = /'(s3a?n?:\/\/(?:[^']|'')*)'/gi;

/** Refuses an S3 location whose key has `.` or `..` segments (or a backslash): it would resolve outside its bucket. */
export function refuseEscapingLocations(sql: string): void {
  for (const [, literal] of sql.matchAll(S3_LITERAL)) {
    const uri = literal.replaceAll("''", "'");
    const path = uri.replace(/^s3a?n?:\/\//i, '');
    if (path.includes('\\') || path.split('/').some((segment) => segment === '..' || segment === '.')) {
      throw new EngineError(`location '${uri}' has '.' or '..' segments: it would point outside its bucket in the local lake; write the key without them`);
    }
  }
}

/** DuckDB statements with no Athena counterpart that reach files, extensions or the network, or change settings. */
const ENGINE_ONLY_STATEMENTS = new Set(['INSTALL', 'FORCE', 'LOAD', 'ATTACH', 'DETACH', 'EXPORT', 'IMPORT', 'COPY', 'PRAGMA', 'SET', 'RESET', 'CALL', 'CHECKPOINT']);

/** Refuses DuckDB-only statements (INSTALL, ATTACH, COPY … TO, SET, PRAGMA…): Athena has none of them. */
export function refuseEngineStatements(sql: string): void {
  const first = /^(?:\s|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*([A-Za-z]+)/.exec(sql)?.[1]?.toUpperCase();
  if (first && ENGINE_ONLY_STATEMENTS.has(first)) {
    throw new EngineError(`${first} is a DuckDB statement, not Athena SQL: the local engine does not run it (it could reach files, extensions or settings outside the lake)`);
  }
}
