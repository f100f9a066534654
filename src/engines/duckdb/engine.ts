import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { EngineError, type Engine, type EngineCapabilities, type ExecuteOptions, type QueryResult } from '../engine.js';
import { defaultExtensionDirectory, openDuckDb } from './connection.js';
import { toSqlValue, trinoTypeName } from './types.js';

export interface DuckDbEngineOptions {
  /** Database file holding the local catalog; ':memory:' for a throw-away session. */
  databasePath: string;
  /** Local lake folder: `s3://BUCKET/KEY` lives at `<lakeRoot>/BUCKET/KEY`. */
  lakeRoot: string;
  threads?: number;
}

/**
 * Runs **DuckDB** SQL on an embedded instance and reports results with Trino types. It does not translate: the
 * Athena-faithful local engine (src/engines/local/engine.ts) translates Athena SQL and runs it through this.
 */
export class DuckDbEngine implements Engine {
  readonly name = 'duckdb';
  readonly capabilities: EngineCapabilities = {
    maxPartitionsPerWrite: Number.POSITIVE_INFINITY,
    reportsBytesScanned: false,
  };

  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    readonly lakeRoot: string,
  ) {}

  static async open(options: DuckDbEngineOptions): Promise<DuckDbEngine> {
    const { instance, connection } = await openDuckDb({
      path: options.databasePath,
      extensionDirectory: defaultExtensionDirectory(options.lakeRoot),
      threads: options.threads,
    });
    return new DuckDbEngine(instance, connection, options.lakeRoot);
  }

  async execute(sql: string, options: ExecuteOptions = {}): Promise<QueryResult> {
    const started = performance.now();
    const onAbort = () => this.connection.interrupt();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const reader = await this.connection.runAndReadAll(sql);
      const columnTypes = reader.columnTypes();
      const columns = reader.columnNames().map((name, i) => ({ name, type: trinoTypeName(columnTypes[i]) }));
      const rows = reader.getRows().map((row) => row.map((value, i) => toSqlValue(value, columnTypes[i])));
      const durationMs = performance.now() - started;
      const changed = reader.rowsChanged;
      return { columns, rows, stats: { durationMs, ...(changed > 0 ? { rowsWritten: changed } : {}) } };
    } catch (error) {
      if (options.signal?.aborted) throw new EngineError('query cancelled', { cause: error, retryable: false });
      throw new EngineError(withoutInternalSuggestions(error instanceof Error ? error.message : String(error)), { cause: error, retryable: false });
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
    }
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** DuckDB's own catalog (pg_catalog views, duckdb_* table functions…) is no table of the lake: never suggest it. */
const INTERNAL_NAME = /^(pg_|duckdb_|sqlite_|pragma_)|(^|\.)(pg_catalog|information_schema|system|temp)\./i;

export function withoutInternalSuggestions(message: string): string {
  return message.replace(/\n?Did you mean "([^"]+)"\?/g, (all, name: string) => (INTERNAL_NAME.test(name) ? '' : all));
}
