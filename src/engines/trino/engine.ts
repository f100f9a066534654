// Runs Athena SQL on a Trino coordinator through the client protocol: a self-hosted cluster, EMR or Starburst, and
// the local Trino the differential oracle starts (scripts/trino.sh). Results have the same names and shapes as the
// Athena and local engines (src/engines/trino-types.ts).
import { EngineError, type Engine, type EngineCapabilities, type ExecuteOptions, type QueryResult, type TableName } from '../engine.js';
import { toTrinoStatement } from './athena-ddl.js';
import { runStatement, TrinoQueryError, TrinoTransportError, type ProtocolDependencies, type TrinoSession } from './protocol.js';
import { swapTrinoTable } from './table-swap.js';
import { columnTypeName, toSqlValue, typeFromSignature } from './values.js';

export interface TrinoEngineConfig {
  /** Coordinator URL, e.g. http://127.0.0.1:8080. */
  url: string;
  /**
   * Catalog of unqualified names (the Athena data catalog's place); default `iceberg`: Athena's table format, and the
   * catalog of the local Trino (scripts/trino.sh) that runs MERGE.
   */
  catalog?: string;
  /** Default schema (Athena database) when a call names none. */
  database?: string;
  user?: string;
}

export class TrinoEngine implements Engine {
  readonly name = 'trino';
  readonly capabilities: EngineCapabilities = {
    // Trino's own default of hive.max-partitions-per-writers is 100, the limit Athena enforces too.
    maxPartitionsPerWrite: 100,
    reportsBytesScanned: true,
    // Storage clauses are dropped (athena-ddl.ts): Iceberg puts a table's files where its catalog says and deletes them.
    catalogOwnsTableFiles: true,
  };

  private readonly session: TrinoSession;

  constructor(
    config: TrinoEngineConfig,
    private readonly deps: ProtocolDependencies = {},
  ) {
    let url: URL;
    try {
      url = new URL(config.url);
    } catch {
      throw new EngineError(`the Trino URL '${config.url}' is not a URL (expected e.g. http://127.0.0.1:8080)`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new EngineError(`the Trino URL '${config.url}' must start with http:// or https://`);
    this.session = {
      url: config.url.replace(/\/+$/, ''),
      user: config.user ?? 'lake',
      catalog: config.catalog ?? 'iceberg',
      ...(config.database ? { schema: config.database } : {}),
      timeZone: 'UTC',
      source: 'lake',
    };
  }

  async execute(sql: string, options: ExecuteOptions = {}): Promise<QueryResult> {
    const started = performance.now();
    const session = options.database ? { ...this.session, schema: options.database } : this.session;
    let statement: string | undefined;
    try {
      statement = toTrinoStatement(sql);
    } catch (error) {
      throw new EngineError(error instanceof Error ? error.message : String(error), { cause: error });
    }
    if (statement === undefined) return { columns: [], rows: [], stats: { durationMs: performance.now() - started } };
    try {
      const result = await runStatement(session, statement, options.signal, this.deps);
      // Trino answers a write with a one-row `rows` column; Athena (and so the contract) with no columns and a count.
      const columns = result.updateType === undefined ? result.columns : [];
      const types = columns.map((c) => typeFromSignature(c.typeSignature));
      return {
        columns: columns.map((c) => ({ name: c.name, type: columnTypeName(c.typeSignature) })),
        rows: columns.length === 0 ? [] : result.rows.map((row) => types.map((type, i) => toSqlValue(row[i], type))),
        stats: {
          durationMs: performance.now() - started,
          queryId: result.queryId,
          ...(result.physicalInputBytes !== undefined ? { bytesScanned: result.physicalInputBytes } : {}),
          ...(result.updateCount !== undefined ? { rowsWritten: result.updateCount } : {}),
        },
      };
    } catch (error) {
      throw toEngineError(error, options.signal);
    }
  }

  /** One `CREATE OR REPLACE TABLE … AS SELECT` (table-swap.ts); `properties` are Glue's and stay out of Iceberg. */
  async swapTable(source: TableName, target: TableName, _properties: Record<string, string>): Promise<void> {
    const session = { ...this.session, schema: target.database };
    await swapTrinoTable(
      async (sql) => {
        try {
          const result = await runStatement(session, sql, undefined, this.deps);
          const cell = result.rows[0]?.[0];
          return typeof cell === 'string' ? cell : undefined;
        } catch (error) {
          throw toEngineError(error);
        }
      },
      source,
      target,
    );
  }

  async close(): Promise<void> {
    // Each statement is its own HTTP exchange; there is no connection to release.
  }
}

function toEngineError(error: unknown, signal?: AbortSignal): EngineError {
  if (error instanceof TrinoQueryError) {
    return new EngineError(`${error.info.errorName ?? 'QUERY_FAILED'}: ${error.message}`, {
      queryId: error.queryId,
      code: error.info.errorName,
      retryable: false,
      cause: error,
    });
  }
  if (signal?.aborted) return new EngineError('query cancelled', { code: 'CANCELLED', cause: error });
  if (error instanceof TrinoTransportError) return new EngineError(error.message, { retryable: error.retryable, cause: error });
  if (error instanceof EngineError) return error;
  return new EngineError(error instanceof Error ? error.message : String(error), { cause: error });
}
