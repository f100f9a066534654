// The local engine touches files inside the lake folder only. Athena SQL has no file functions, so nothing a user
// writes may reach outside the lake: DuckDB's own file functions (read_csv('/etc/passwd'), COPY … TO, ATTACH, glob,
// INSTALL) are refused by DuckDB's sandbox (external access off, the lake folder the only allowed directory; it cannot be
// switched back on in the session), and S3 locations with `.`/`..` segments, which would map outside
// <lake>/<bucket>/, are refused before translation.
import { join, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { EngineError } from '../engine.js';
import { isTrivia, keyword, tokenize, type Token } from '../../dialect/tokens.js';

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Confines the session's file access to `lakeRoot` (for good: DuckDB refuses to re-enable it while running). */
export async function confineToLake(connection: DuckDBConnection, lakeRoot: string): Promise<void> {
  const root = resolve(lakeRoot);
  await connection.run(`SET temp_directory = ${quote(join(root, '.duckdb', 'tmp'))}`);
  await connection.run(`SET allowed_directories = [${quote(`${root}/`)}]`);
  await connection.run('SET enable_external_access = false');
}

/** The tokens of a statement's text but whitespace and comments. */
const meaningfulTokens = (sql: string): Token[] => tokenize(sql).filter((t) => !isTrivia(t));

/** Names of table properties that hold a location (CTAS `WITH (external_location = '…')`, Iceberg `location`). */
const LOCATION_PROPERTIES = new Set(['external_location', 'location']);

/** String literals in location positions: after LOCATION, or as the value of a location property. Others are data. */
function locationLiterals(tokens: Token[]): Token[] {
  return tokens.filter((token, i) => {
    if (token.kind !== 'string') return false;
    if (keyword(tokens[i - 1]) === 'LOCATION') return true;
    const property = tokens[i - 2];
    const name = property?.kind === 'quoted' || property?.kind === 'string' ? property.text.slice(1, -1) : property?.text;
    return tokens[i - 1]?.text === '=' && name !== undefined && LOCATION_PROPERTIES.has(name.toLowerCase());
  });
}

/**
 * Refuses a location whose key has `.` or `..` segments (or a backslash): it would resolve outside its bucket in the
 * local lake. Only locations are judged: the same text in a string literal elsewhere (a dashboard filter value, a
 * WHERE) is data.
 */
function refuseEscapingLocations(tokens: Token[]): void {
  for (const literal of locationLiterals(tokens)) {
    const uri = literal.text.slice(1, -1).replaceAll("''", "'");
    const path = uri.replace(/^s3a?n?:\/\//i, '');
    if (path.includes('\\') || path.split('/').some((segment) => segment === '..' || segment === '.')) {
      throw new EngineError(`location '${uri}' has '.' or '..' segments: it would point outside its bucket in the local lake; write the key without them`);
    }
  }
}

/**
 * DuckDB statements with no Athena counterpart that reach files, extensions or the network, change settings, or open
 * transactions the per-statement catalog access cannot span.
 */
const ENGINE_ONLY_STATEMENTS = new Set([
  'INSTALL',
  'FORCE',
  'LOAD',
  'ATTACH',
  'DETACH',
  'EXPORT',
  'IMPORT',
  'COPY',
  'PRAGMA',
  'SET',
  'RESET',
  'CALL',
  'CHECKPOINT',
  'BEGIN',
  'START',
  'COMMIT',
  'ROLLBACK',
  'ABORT',
]);

/**
 * The first word of every statement inside `tokens` (non-trivia): the start, after EXPLAIN [ANALYZE] [VERBOSE]
 * [(options)] (DuckDB's EXPLAIN ANALYZE runs what it explains), and after PREPARE name FROM|AS (EXECUTE runs it).
 */
function statementStarts(tokens: Token[]): Token[] {
  const starts: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    starts.push(tokens[i]);
    const word = keyword(tokens[i]);
    i++;
    if (word === 'EXPLAIN') {
      for (;;) {
        if (['ANALYZE', 'ANALYSE', 'VERBOSE'].includes(keyword(tokens[i]))) i++;
        else if (tokens[i]?.text === '(') i = afterParentheses(tokens, i);
        else break;
      }
    } else if (word === 'PREPARE' && ['FROM', 'AS'].includes(keyword(tokens[i + 1]))) {
      i += 2;
    } else {
      return starts;
    }
  }
  return starts;
}

function afterParentheses(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i].text === '(') depth++;
    else if (tokens[i].text === ')' && --depth === 0) return i + 1;
  }
  return tokens.length;
}

/**
 * Refuses DuckDB-only statements (INSTALL, ATTACH, COPY … TO, SET, PRAGMA…) wherever a statement starts, also under
 * EXPLAIN and PREPARE: Athena has none of them. One call runs one statement: DuckDB would run a second one after `;`
 * without any of these checks.
 */
export function refuseEngineStatements(sql: string): void {
  refuseEngineStatementsIn(meaningfulTokens(sql));
}

/** Both checks a statement passes before the local engine translates it, over one tokenization of its text. */
export function refuseOutsideAthena(sql: string): void {
  const statementTokens = meaningfulTokens(sql);
  refuseEngineStatementsIn(statementTokens);
  refuseEscapingLocations(statementTokens);
}

function refuseEngineStatementsIn(tokens: Token[]): void {
  const end = tokens.findIndex((t) => t.text === ';');
  if (end >= 0 && tokens.slice(end).some((t) => t.text !== ';')) {
    const next = tokens.slice(end).find((t) => t.text !== ';')!;
    throw new EngineError(`line ${next.line}:${next.col}: one statement at a time: split the SQL at ';' and run each statement on its own`);
  }
  for (const start of statementStarts(end >= 0 ? tokens.slice(0, end) : tokens)) {
    const word = keyword(start);
    if (ENGINE_ONLY_STATEMENTS.has(word)) {
      throw new EngineError(
        `${word} is a DuckDB statement, not Athena SQL: the local engine does not run it (it could reach files, extensions or settings outside the lake)`,
      );
    }
  }
}
