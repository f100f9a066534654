import { randomUUID } from 'node:crypto';
import {
  GetQueryExecutionCommand,
  paginateGetQueryResults,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  type AthenaClient,
  type ColumnInfo,
  type GetQueryResultsCommandOutput,
  type QueryExecution,
  type Row,
} from '@aws-sdk/client-athena';
import { GlueClient } from '@aws-sdk/client-glue';
import {
  EngineError,
  type Column,
  type Engine,
  type EngineCapabilities,
  type ExecuteOptions,
  type QueryResult,
  type SqlValue,
  type TableName,
} from '../engine.js';
import { abortableSleep, cappedExponentialDelay, retry, type Sleep } from '../../retry/retry.js';
import { createAthenaClient } from './client.js';
import { ATHENA_DEFAULTS, resolveAthenaConfig, type AthenaEngineConfig, type ResolvedAthenaConfig } from './config.js';
import { apiCallError, cancelledError, exhaustedError, isThrottlingError, queryCancelledByAthenaError, queryFailedError } from './errors.js';
import { swapGlueTable } from './table-swap.js';
import { parseAthenaValue, toColumns } from './types.js';

/** What tests (or an unusual host) may replace; production uses the defaults. */
export interface AthenaEngineDependencies {
  client?: AthenaClient;
  /** The Glue Data Catalog behind Athena, for the table swap; one is made on first use otherwise. */
  glue?: GlueClient;
  sleep?: Sleep;
  random?: () => number;
  /** Idempotency token for StartQueryExecution (32–128 characters). */
  createRequestToken?: () => string;
  now?: () => number;
}

/** The state one submission has reached, so an abort or failure can name (and stop) its query. */
interface Submission {
  token: string;
  queryId?: string;
}

/**
 * Runs Athena SQL on Amazon Athena: start, poll with backoff, page through results, map Trino types. Transient
 * failures re-submit the query with capped, jittered backoff; deterministic ones fail at once.
 */
/** Athena writes at most 100 partitions per CTAS/INSERT (HIVE_TOO_MANY_OPEN_PARTITIONS) and reports bytes scanned. */
export const ATHENA_CAPABILITIES: EngineCapabilities = { maxPartitionsPerWrite: 100, reportsBytesScanned: true };

export class AthenaEngine implements Engine {
  readonly name = 'athena';
  readonly capabilities: EngineCapabilities = ATHENA_CAPABILITIES;

  private readonly config: ResolvedAthenaConfig;
  private readonly client: AthenaClient;
  private readonly ownsClient: boolean;
  private glue: GlueClient | undefined;
  private readonly ownsGlue: boolean;
  private readonly sleep: Sleep;
  private readonly random: () => number;
  private readonly createRequestToken: () => string;
  private readonly now: () => number;

  constructor(config: AthenaEngineConfig, dependencies: AthenaEngineDependencies = {}) {
    this.config = resolveAthenaConfig(config);
    this.ownsClient = dependencies.client === undefined;
    this.client = dependencies.client ?? createAthenaClient(config);
    this.glue = dependencies.glue;
    this.ownsGlue = dependencies.glue === undefined;
    this.sleep = dependencies.sleep ?? abortableSleep;
    this.random = dependencies.random ?? Math.random;
    this.createRequestToken = dependencies.createRequestToken ?? randomUUID;
    this.now = dependencies.now ?? (() => performance.now());
  }

  async execute(sql: string, options: ExecuteOptions = {}): Promise<QueryResult> {
    const { signal } = options;
    let submission: Submission = { token: this.createRequestToken() };
    let attempts = 0;
    try {
      return await retry(
        async () => {
          attempts++;
          // A query Athena ran and failed needs a fresh token: the old one would return the same failed execution.
          // A start call that failed keeps its token, so a start that did reach Athena is not run twice.
          if (submission.queryId !== undefined) submission = { token: this.createRequestToken() };
          return this.runOnce(sql, options, submission);
        },
        {
          ...this.config.retry,
          signal,
          sleep: this.sleep,
          random: this.random,
          shouldRetry: (error) => error instanceof EngineError && error.details.retryable === true,
        },
      );
    } catch (error) {
      if (signal?.aborted) throw await this.cancel(submission.queryId, error);
      if (!(error instanceof EngineError)) throw new EngineError(String(error), { cause: error, queryId: submission.queryId });
      // This engine is the one layer that re-submits Athena queries: what leaves it has had its retries, so callers
      // (the pipeline runner) must not submit it again (runner attempts × engine attempts).
      throw error.details.retryable === true ? exhaustedError(error, attempts) : error;
    }
  }

  async close(): Promise<void> {
    if (this.ownsClient) this.client.destroy();
    if (this.ownsGlue) this.glue?.destroy();
  }

  /** One Glue UpdateTable (CreateTable on a first run): see table-swap.ts. */
  async swapTable(source: TableName, target: TableName, properties: Record<string, string>): Promise<void> {
    // Glue is AwsDataCatalog; a federated catalog's tables are not Glue's to update.
    if (this.config.catalog !== ATHENA_DEFAULTS.catalog) {
      throw new EngineError(
        `cannot swap ${target.database}.${target.name} in catalog ${this.config.catalog}: the table swap updates the Glue Data Catalog (${ATHENA_DEFAULTS.catalog}) only`,
        { retryable: false },
      );
    }
    this.glue ??= new GlueClient({
      ...(this.config.region ? { region: this.config.region } : {}),
      ...(this.config.sdkMaxAttempts ? { maxAttempts: this.config.sdkMaxAttempts } : {}),
    });
    await swapGlueTable(this.glue, source, target, properties);
  }

  /** One submission: start, wait, read. Throws EngineErrors whose `retryable` decides whether to submit again. */
  private async runOnce(sql: string, options: ExecuteOptions, submission: Submission): Promise<QueryResult> {
    const started = this.now();
    const queryId = await this.start(sql, options.database, submission.token, options.signal);
    submission.queryId = queryId;
    const execution = await this.waitForCompletion(queryId, options.signal);
    const state = execution.Status?.State;
    if (state === 'FAILED') throw queryFailedError(queryId, execution.Status?.StateChangeReason, execution.Status?.AthenaError);
    if (state === 'CANCELLED') throw queryCancelledByAthenaError(queryId, execution.Status?.StateChangeReason);
    const { columns, rows, updateCount } = await this.readResults(queryId, execution, options.signal);
    const statistics = execution.Statistics;
    return {
      columns,
      rows,
      stats: {
        durationMs: statistics?.EngineExecutionTimeInMillis ?? this.now() - started,
        queryId,
        ...(statistics?.DataScannedInBytes !== undefined ? { bytesScanned: statistics.DataScannedInBytes } : {}),
        // A write statement has no result columns; Athena reports its row count as UpdateCount.
        ...(updateCount !== undefined && (updateCount > 0 || columns.length === 0) ? { rowsWritten: updateCount } : {}),
      },
    };
  }

  private async start(sql: string, database: string | undefined, token: string, signal?: AbortSignal): Promise<string> {
    const schema = database ?? this.config.database;
    try {
      const output = await this.client.send(
        new StartQueryExecutionCommand({
          QueryString: sql,
          WorkGroup: this.config.workgroup,
          ClientRequestToken: token,
          QueryExecutionContext: { Catalog: this.config.catalog, ...(schema ? { Database: schema } : {}) },
          ...(this.config.outputLocation ? { ResultConfiguration: { OutputLocation: this.config.outputLocation } } : {}),
        }),
        { abortSignal: signal },
      );
      if (!output.QueryExecutionId) throw new EngineError('Athena StartQueryExecution returned no QueryExecutionId');
      return output.QueryExecutionId;
    } catch (error) {
      throw apiCallError('StartQueryExecution', error);
    }
  }

  private async waitForCompletion(queryId: string, signal?: AbortSignal): Promise<QueryExecution> {
    for (let poll = 0; ; poll++) {
      const output = await this.call('GetQueryExecution', queryId, signal, () =>
        this.client.send(new GetQueryExecutionCommand({ QueryExecutionId: queryId }), { abortSignal: signal }),
      );
      const execution = output.QueryExecution;
      const state = execution?.Status?.State;
      if (execution && (state === 'SUCCEEDED' || state === 'FAILED' || state === 'CANCELLED')) return execution;
      await this.sleep(cappedExponentialDelay(poll, this.config.poll), signal);
      signal?.throwIfAborted();
    }
  }

  private async readResults(
    queryId: string,
    execution: QueryExecution,
    signal?: AbortSignal,
  ): Promise<{ columns: Column[]; rows: SqlValue[][]; updateCount?: number }> {
    // The SDK's paginator follows NextToken; a read throttled past the SDK's own retries is read again whole, in place.
    const pages = await this.call('GetQueryResults', queryId, signal, async () => {
      const read: GetQueryResultsCommandOutput[] = [];
      for await (const page of paginateGetQueryResults(
        { client: this.client, pageSize: this.config.pageSize },
        { QueryExecutionId: queryId },
        { abortSignal: signal },
      )) {
        read.push(page);
      }
      return read;
    });
    const first = pages[0];
    const columnInfo: ColumnInfo[] = first?.ResultSet?.ResultSetMetadata?.ColumnInfo ?? [];
    const firstRows = first?.ResultSet?.Rows ?? [];
    const columns = columnInfo.length > 0 ? toColumns(columnInfo) : unnamedColumns(firstRows[0]);
    const rows: SqlValue[][] = [];
    pages.forEach((page, index) => {
      let pageRows = page.ResultSet?.Rows ?? [];
      if (index === 0 && startsWithHeaderRow(execution, columnInfo, pageRows)) pageRows = pageRows.slice(1);
      for (const row of pageRows) rows.push(columns.map((column, i) => parseAthenaValue(row.Data?.[i]?.VarCharValue, column.type)));
    });
    return { columns, rows, updateCount: first?.UpdateCount };
  }

  /** A polling or result-reading call, retried in place when throttled: re-submitting would run the query twice. */
  private call<T>(operation: string, queryId: string, signal: AbortSignal | undefined, send: () => Promise<T>): Promise<T> {
    return retry(
      async () => {
        try {
          return await send();
        } catch (error) {
          throw apiCallError(operation, error, queryId);
        }
      },
      {
        ...this.config.retry,
        signal,
        sleep: this.sleep,
        random: this.random,
        shouldRetry: (error) => error instanceof EngineError && isThrottlingError(error.details.cause),
      },
    ).catch((error: unknown) => {
      // Throttling that outlasted the in-place retries must not make the whole query re-submit.
      if (error instanceof EngineError && error.details.retryable) throw new EngineError(error.message, { ...error.details, retryable: false });
      throw error;
    });
  }

  /** Stops the running query (best effort: it may have just finished) and reports the cancellation. */
  private async cancel(queryId: string | undefined, cause: unknown): Promise<EngineError> {
    if (queryId !== undefined) {
      try {
        await this.client.send(new StopQueryExecutionCommand({ QueryExecutionId: queryId }));
      } catch {
        // The query keeps running only until Athena notices nobody reads it; the caller's cancellation stands.
      }
    }
    return cancelledError(queryId, cause);
  }
}

/**
 * SELECT results (statement type DML with columns) repeat the column labels as their first row; DDL and utility
 * statements (SHOW, DESCRIBE, MSCK) do not. Checking the labels too guards against an INSERT's empty result.
 */
function startsWithHeaderRow(execution: QueryExecution, columnInfo: ColumnInfo[], rows: Row[]): boolean {
  if (execution.StatementType !== 'DML' || columnInfo.length === 0 || rows.length === 0) return false;
  const first = rows[0].Data ?? [];
  return columnInfo.every((column, i) => first[i]?.VarCharValue === (column.Label ?? column.Name));
}

/** Utility statements may return rows without column metadata; name them as Athena names unnamed columns. */
function unnamedColumns(row: Row | undefined): Column[] {
  return (row?.Data ?? []).map((_, i) => ({ name: `_col${i}`, type: 'varchar' }));
}
