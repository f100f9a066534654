// The one interface every engine implements. Callers hand it Athena (Trino) SQL and get Trino-typed results back;
// how an engine achieves that (translation, an AWS API) is its own business.
import { LakeError } from '../errors.js';

/** A value as Athena presents it, already in its JSON-ready shape. */
export type SqlValue =
  | null
  | boolean
  | number
  | bigint // BIGINT beyond 2^53
  | string // VARCHAR, DECIMAL, DATE `YYYY-MM-DD`, TIMESTAMP `YYYY-MM-DD HH:MM:SS.fff`, zoned timestamps with zone
  | SqlValue[] // ARRAY
  | { [key: string]: SqlValue }; // MAP, ROW

export interface Column {
  name: string;
  /** Trino type name, lower case, as Athena reports it: `bigint`, `varchar`, `timestamp(3)`, `array(integer)`. */
  type: string;
}

export interface QueryStats {
  durationMs: number;
  /** Bytes the engine read, where it reports it (Athena: DataScannedInBytes). */
  bytesScanned?: number;
  /** Rows written by INSERT/CTAS/MERGE where the engine reports it. */
  rowsWritten?: number;
  /** Engine-side id of the query (Athena QueryExecutionId). */
  queryId?: string;
}

export interface QueryResult {
  columns: Column[];
  rows: SqlValue[][];
  stats: QueryStats;
}

export interface ExecuteOptions {
  /** Default database for unqualified table names (Athena's QueryExecutionContext.Database). */
  database?: string;
  signal?: AbortSignal;
  /**
   * The statement reads no table, only values it carries (an alert's condition over its query's result): an engine
   * with a catalog of its own may run it without one. A table it names anyway is not found.
   */
  readsNoTables?: boolean;
}

/** How replacePartitions writes. */
export interface ReplacePartitionsOptions extends ExecuteOptions {
  /**
   * The query's columns must be the table's as they are, names and types, instead of being cast to them by position:
   * the write fails otherwise and writes nothing (an incremental model's first run on a table made from its contract).
   */
  exactColumns?: boolean;
}

/** What an engine can do; callers ask these instead of checking which engine they have. */
export interface EngineCapabilities {
  /** Partitions one CTAS/INSERT may write (Athena: 100, HIVE_TOO_MANY_OPEN_PARTITIONS). */
  maxPartitionsPerWrite: number;
  /** Whether data scanned is reported per query (drives cost reporting). */
  reportsBytesScanned: boolean;
  /**
   * The engine's catalog places each table's files and tracks which are live (Iceberg tables on Trino): the location
   * a table's SQL names is not where its files are, so the pipeline never deletes files for it and removes rows with
   * SQL instead. Absent: a table is the folder at its location (Athena's Hive tables, the local engine), and the
   * pipeline replaces files there through the object store.
   */
  catalogOwnsTableFiles?: boolean;
}

/** A table of the catalog, by database and name. */
export interface TableName {
  database: string;
  name: string;
}

export interface Engine {
  readonly name: string;
  readonly capabilities: EngineCapabilities;
  /** Runs one statement. */
  execute(sql: string, options?: ExecuteOptions): Promise<QueryResult>;
  /**
   * `INSERT INTO target <selectSql>` that first empties exactly the partitions the rows fall in, as one native write
   * with no partition limit (the local engine: incremental models). Engines without it (Athena, Trino) get the
   * incremental strategy's plan in Athena SQL: batches of at most maxPartitionsPerWrite partitions. Returns the
   * partitions replaced as rows (values as in the folder names) and stats.rowsWritten.
   */
  replacePartitions?(target: TableName, selectSql: string, options?: ReplacePartitionsOptions): Promise<QueryResult>;
  /**
   * Makes table `target` what table `source` is (columns, partition keys, storage format, location), with `properties`
   * added to its own, in ONE catalog update (Athena: Glue UpdateTable, or CreateTable for a first run), so a reader sees
   * the old table or the new one and never none (dbt-athena's `ha` swap). `source` is left for the caller to drop.
   * A `table` model is rebuilt only on engines that have it.
   */
  swapTable?(source: TableName, target: TableName, properties: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

/** Base class of every engine failure: carries what a user needs to find the statement and, on Athena, the query. */
export class EngineError extends LakeError {
  override readonly name: string = 'EngineError';
  constructor(
    message: string,
    /**
     * `retryable`: a new submission may succeed and no layer has retried it yet. An engine that retries itself (Athena)
     * clears it on what it gives up on, so exactly one layer retries each failure.
     */
    readonly details: { queryId?: string; retryable?: boolean; code?: string; cause?: unknown } = {},
  ) {
    super(message, { code: details.code, cause: details.cause });
  }
}
