import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  TooManyRequestsException,
} from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import type { AthenaEngineConfig } from '../../../src/engines/athena/config.js';
import { AthenaEngine } from '../../../src/engines/athena/engine.js';
import { EngineError } from '../../../src/engines/engine.js';
import { execution, instantSleep, replayingClient, resultPages } from './replay.js';

const config: AthenaEngineConfig = {
  region: 'eu-west-1',
  workgroup: 'lakehouse',
  outputLocation: 's3://results-bucket/athena/',
  database: 'analytics',
  retry: { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 8000 },
};

let tokenCounter = 0;
const tokens = () => `token-${String(++tokenCounter).padStart(32, '0')}`;

function engineWith(client: AthenaClient, sleep = instantSleep().sleep, overrides: Partial<AthenaEngineConfig> = {}) {
  return new AthenaEngine({ ...config, ...overrides }, { client, sleep, random: () => 0.5, createRequestToken: tokens });
}

async function rejection(promise: Promise<unknown>): Promise<EngineError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EngineError);
  return error as EngineError;
}

const throttling = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } });
const failed = (queryId: string, reason: string, retryable = false) =>
  execution(queryId, 'FAILED', {
    Status: { State: 'FAILED', StateChangeReason: reason, AthenaError: { ErrorCategory: 2, ErrorType: 1001, Retryable: retryable } },
  });

describe('AthenaEngine: successful queries', () => {
  it('starts the query with workgroup, catalog, database, output location and an idempotency token', async () => {
    const { client, mock } = replayingClient({ columns: [{ name: 'x', type: 'integer' }], rows: [['1']] });
    await engineWith(client).execute('SELECT 1 AS x', { database: 'sales' });
    const input = mock.commandCalls(StartQueryExecutionCommand)[0].args[0].input;
    expect(input).toMatchObject({
      QueryString: 'SELECT 1 AS x',
      WorkGroup: 'lakehouse',
      QueryExecutionContext: { Catalog: 'AwsDataCatalog', Database: 'sales' },
      ResultConfiguration: { OutputLocation: 's3://results-bucket/athena/' },
    });
    expect(input.ClientRequestToken).toMatch(/^token-\d{32}$/);
  });

  it('falls back to the configured database and leaves out the output location when none is configured', async () => {
    const { client, mock } = replayingClient({ columns: [{ name: 'x', type: 'integer' }], rows: [] });
    await engineWith(client, undefined, { outputLocation: undefined }).execute('SELECT 1 AS x');
    const input = mock.commandCalls(StartQueryExecutionCommand)[0].args[0].input;
    expect(input.QueryExecutionContext).toEqual({ Catalog: 'AwsDataCatalog', Database: 'analytics' });
    expect(input.ResultConfiguration).toBeUndefined();
  });

  it('polls with capped backoff until the query succeeds', async () => {
    const client = new AthenaClient({ region: 'eu-west-1' });
    const mock = mockClient(client);
    mock.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-poll' });
    const running = { QueryExecution: execution('q-poll', 'RUNNING') };
    mock
      .on(GetQueryExecutionCommand)
      .resolvesOnce({ QueryExecution: execution('q-poll', 'QUEUED') })
      .resolvesOnce(running)
      .resolvesOnce(running)
      .resolvesOnce(running)
      .resolvesOnce(running)
      .resolvesOnce(running)
      .resolves({ QueryExecution: execution('q-poll', 'SUCCEEDED') });
    mock.on(GetQueryResultsCommand).resolves(resultPages({ columns: [{ name: 'x', type: 'integer' }], rows: [['7']] }).get('')!);
    const { waits, sleep } = instantSleep();
    const result = await engineWith(client, sleep, { poll: { baseDelayMs: 100, maxDelayMs: 2000 } }).execute('SELECT 7 AS x');
    expect(result.rows).toEqual([[7]]);
    expect(waits).toEqual([100, 200, 400, 800, 1600, 2000]);
  });

  it("reads the results again whole when a later page stays throttled past the SDK's retries: no row twice, the query not re-submitted", async () => {
    const rows = [['1'], ['2'], ['3']];
    const { client, mock } = replayingClient({ columns: [{ name: 'id', type: 'integer' }], rows, pageSize: 2 }, 'q-throttled');
    const pages = resultPages({ columns: [{ name: 'id', type: 'integer' }], rows, pageSize: 2 });
    let throttledOnce = false;
    mock.on(GetQueryResultsCommand).callsFake((input: { NextToken?: string }) => {
      if (input.NextToken && !throttledOnce) {
        throttledOnce = true;
        throw throttling();
      }
      return pages.get(input.NextToken ?? '');
    });
    const result = await engineWith(client).execute('SELECT id FROM t');
    expect(result.rows).toEqual([[1], [2], [3]]);
    expect(mock.commandCalls(StartQueryExecutionCommand)).toHaveLength(1);
  });

  it('pages through results, drops the header row of the first page only, and reports stats', async () => {
    const rows = [
      ['1', 'a'],
      ['2', 'b'],
      ['3', 'c'],
      ['4', 'd'],
      ['5', 'e'],
    ];
    const { client, mock } = replayingClient(
      {
        columns: [
          { name: 'id', type: 'integer' },
          { name: 'label', type: 'varchar' },
        ],
        rows,
        pageSize: 2,
        dataScannedInBytes: 123_456,
        engineExecutionTimeInMillis: 789,
      },
      'q-pages',
    );
    const result = await engineWith(client).execute('SELECT id, label FROM t');
    expect(mock.commandCalls(GetQueryResultsCommand)).toHaveLength(3);
    expect(result.columns).toEqual([
      { name: 'id', type: 'integer' },
      { name: 'label', type: 'varchar' },
    ]);
    expect(result.rows).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
      [4, 'd'],
      [5, 'e'],
    ]);
    expect(result.stats).toEqual({ durationMs: 789, bytesScanned: 123_456, queryId: 'q-pages' });
  });

  it('keeps a first data row that happens to equal the column labels on later pages', async () => {
    const { client } = replayingClient({ columns: [{ name: 'v', type: 'varchar' }], rows: [['x'], ['v']], pageSize: 2 });
    const result = await engineWith(client).execute('SELECT v FROM t');
    expect(result.rows).toEqual([['x'], ['v']]);
  });

  it('maps Athena types and VarChar cells to Trino types and SqlValues', async () => {
    const { client } = replayingClient({
      columns: [
        { name: 'b', type: 'bigint' },
        { name: 'd', type: 'decimal', precision: 10, scale: 2 },
        { name: 'ts', type: 'timestamp', precision: 3 },
        { name: 'ok', type: 'boolean' },
        { name: 'n', type: 'integer' },
        { name: 'a', type: 'array' },
      ],
      rows: [['9007199254740993', '12.50', '2024-02-29 13:45:01.123', 'true', null, '[1, 2]']],
    });
    const result = await engineWith(client).execute('SELECT …');
    expect(result.columns.map((c) => c.type)).toEqual(['bigint', 'decimal(10,2)', 'timestamp(3)', 'boolean', 'integer', 'array']);
    expect(result.rows).toEqual([[9007199254740993n, '12.50', '2024-02-29 13:45:01.123', true, null, [1, 2]]]);
  });

  it('returns no columns and no rows for DDL', async () => {
    const { client, mock } = replayingClient({ statementType: 'DDL', columns: [], rows: [], dataScannedInBytes: 0 }, 'q-ddl');
    const result = await engineWith(client).execute('CREATE EXTERNAL TABLE t (x int) LOCATION "s3://b/t/"');
    expect(result.columns).toEqual([]);
    expect(result.rows).toEqual([]);
    expect(result.stats.queryId).toBe('q-ddl');
    expect(result.stats.bytesScanned).toBe(0);
    expect(mock.commandCalls(StartQueryExecutionCommand)).toHaveLength(1);
  });

  it('keeps the rows of utility statements, which have no header row', async () => {
    const { client } = replayingClient({ statementType: 'UTILITY', columns: [{ name: 'tab_name', type: 'string' }], rows: [['orders'], ['customers']] });
    const result = await engineWith(client).execute('SHOW TABLES');
    expect(result.columns).toEqual([{ name: 'tab_name', type: 'varchar' }]);
    expect(result.rows).toEqual([['orders'], ['customers']]);
  });

  it('reports rows written by INSERT from UpdateCount', async () => {
    const { client } = replayingClient({ columns: [], rows: [], updateCount: 42, dataScannedInBytes: 2048 });
    const result = await engineWith(client).execute('INSERT INTO t SELECT * FROM s');
    expect(result.stats).toMatchObject({ rowsWritten: 42, bytesScanned: 2048 });
    expect(result.rows).toEqual([]);
  });
});

describe('AthenaEngine: failures and retries', () => {
  it('fails at once on a deterministic error, with the reason and the query id', async () => {
    const { client, mock } = replayingClient({ columns: [], rows: [] }, 'q-syntax');
    mock.on(GetQueryExecutionCommand).resolves({ QueryExecution: failed('q-syntax', "SYNTAX_ERROR: line 1:8: Column 'nope' cannot be resolved") });
    const { waits, sleep } = instantSleep();
    const error = await rejection(engineWith(client, sleep).execute('SELECT nope'));
    expect(error.message).toContain("SYNTAX_ERROR: line 1:8: Column 'nope' cannot be resolved");
    expect(error.message).toContain('q-syntax');
    expect(error.details).toMatchObject({ queryId: 'q-syntax', retryable: false, code: 'SYNTAX_ERROR' });
    expect(mock.commandCalls(StartQueryExecutionCommand)).toHaveLength(1);
    expect(mock.commandCalls(GetQueryResultsCommand)).toHaveLength(0);
    expect(waits).toEqual([]);
  });

  it('does not retry resource exhaustion even when Athena marks it retryable', async () => {
    const { client, mock } = replayingClient({ columns: [], rows: [] }, 'q-big');
    mock.on(GetQueryExecutionCommand).resolves({ QueryExecution: failed('q-big', 'Query exhausted resources at this scale factor', true) });
    const error = await rejection(engineWith(client).execute('SELECT * FROM huge ORDER BY 1'));
    expect(error.details.retryable).toBe(false);
    expect(mock.commandCalls(StartQueryExecutionCommand)).toHaveLength(1);
  });

  it('retries a throttled StartQueryExecution with the same idempotency token, then succeeds', async () => {
    const { client, mock } = replayingClient({ columns: [{ name: 'x', type: 'integer' }], rows: [['1']] }, 'q-ok');
    mock
      .on(StartQueryExecutionCommand)
      .rejectsOnce(new TooManyRequestsException({ message: 'Too many queries', $metadata: {}, Reason: 'CONCURRENT_QUERY_LIMIT_EXCEEDED' }))
      .rejectsOnce(throttling())
      .resolves({ QueryExecutionId: 'q-ok' });
    const { waits, sleep } = instantSleep();
    const result = await engineWith(client, sleep).execute('SELECT 1 AS x');
    expect(result.rows).toEqual([[1]]);
    const starts = mock.commandCalls(StartQueryExecutionCommand).map((call) => call.args[0].input.ClientRequestToken);
    expect(starts).toHaveLength(3);
    expect(new Set(starts).size).toBe(1);
    // full jitter at random() = 0.5 over 1000 ms, then 2000 ms ceilings
    expect(waits).toEqual([500, 1000]);
  });

  it('re-submits after ICEBERG_COMMIT_ERROR with a fresh token', async () => {
    const { client, mock } = replayingClient({ columns: [], rows: [], statementType: 'DML', updateCount: 3 });
    mock.on(StartQueryExecutionCommand).resolvesOnce({ QueryExecutionId: 'q-a' }).resolves({ QueryExecutionId: 'q-b' });
    mock
      .on(GetQueryExecutionCommand, { QueryExecutionId: 'q-a' })
      .resolves({ QueryExecution: failed('q-a', 'ICEBERG_COMMIT_ERROR: Failed to commit Iceberg update to table: orders') })
      .on(GetQueryExecutionCommand, { QueryExecutionId: 'q-b' })
      .resolves({ QueryExecution: execution('q-b', 'SUCCEEDED', { Statistics: { DataScannedInBytes: 10 } }) });
    const result = await engineWith(client).execute('MERGE INTO orders …');
    expect(result.stats).toMatchObject({ queryId: 'q-b', rowsWritten: 3, bytesScanned: 10 });
    const tokensUsed = mock.commandCalls(StartQueryExecutionCommand).map((call) => call.args[0].input.ClientRequestToken);
    expect(tokensUsed).toHaveLength(2);
    expect(tokensUsed[0]).not.toBe(tokensUsed[1]);
  });

  it.each([
    ['Athena says Retryable', 'INTERNAL_ERROR_QUERY_ENGINE: Amazon Athena experienced an internal error', true],
    ['S3 SlowDown in the reason', 'HIVE_CURSOR_ERROR: Please reduce your request rate. (Service: Amazon S3; Status Code: 503; Error Code: SlowDown)', false],
  ])('re-submits when %s', async (_label, reason, retryableFlag) => {
    const { client, mock } = replayingClient({ columns: [{ name: 'x', type: 'integer' }], rows: [['1']] });
    mock.on(StartQueryExecutionCommand).resolvesOnce({ QueryExecutionId: 'q-a' }).resolves({ QueryExecutionId: 'q-b' });
    mock
      .on(GetQueryExecutionCommand, { QueryExecutionId: 'q-a' })
      .resolves({ QueryExecution: failed('q-a', reason, retryableFlag) })
      .on(GetQueryExecutionCommand, { QueryExecutionId: 'q-b' })
      .resolves({ QueryExecution: execution('q-b', 'SUCCEEDED') });
    const result = await engineWith(client).execute('SELECT 1 AS x');
    expect(result.rows).toEqual([[1]]);
    expect(mock.commandCalls(StartQueryExecutionCommand)).toHaveLength(2);
  });

  it('gives up after the configured attempts, naming the last query and the attempt count', async () => {
    const { client, mock } = replayingClient({ columns: [], rows: [] });
    let n = 0;
    mock.on(StartQueryExecutionCommand).callsFake(() => ({ QueryExecutionId: `q-${++n}` }));
    mock.on(GetQueryExecutionCommand).callsFake((input: { QueryExecutionId: string }) => ({
      QueryExecution: failed(input.QueryExecutionId, 'ICEBERG_COMMIT_ERROR: Failed to commit Iceberg update to table: orders'),
    }));
    const { waits, sleep } = instantSleep();
    const error = await rejection(engineWith(client, sleep).execute('INSERT INTO orders …'));
    expect(mock.commandCalls(StartQueryExecutionCommand)).toHaveLength(3);
    expect(error.message).toContain('ICEBERG_COMMIT_ERROR');
    expect(error.message).toContain('gave up after 3 attempts');
    // Final: the engine was the layer that retried, so no caller submits it again.
    expect(error.details).toMatchObject({ queryId: 'q-3', retryable: false, code: 'ICEBERG_COMMIT_ERROR' });
    expect(waits).toHaveLength(2);
  });

  it('retries a throttled poll in place without re-submitting the query', async () => {
    const { client, mock } = replayingClient({ columns: [{ name: 'x', type: 'integer' }], rows: [['5']] }, 'q-1');
    mock
      .on(GetQueryExecutionCommand)
      .rejectsOnce(throttling())
      .resolves({ QueryExecution: execution('q-1', 'SUCCEEDED') });
    const result = await engineWith(client).execute('SELECT 5 AS x');
    expect(result.rows).toEqual([[5]]);
    expect(mock.commandCalls(StartQueryExecutionCommand)).toHaveLength(1);
    expect(mock.commandCalls(GetQueryExecutionCommand)).toHaveLength(2);
  });

  it('does not retry an API error that is not throttling', async () => {
    const client = new AthenaClient({ region: 'eu-west-1' });
    const mock = mockClient(client);
    mock
      .on(StartQueryExecutionCommand)
      .rejects(Object.assign(new Error('User is not authorized to perform: athena:StartQueryExecution'), { name: 'AccessDeniedException' }));
    const error = await rejection(engineWith(client).execute('SELECT 1'));
    expect(error.details).toMatchObject({ retryable: false, code: 'AccessDeniedException' });
    expect(error.message).toContain('not authorized');
    expect(mock.commandCalls(StartQueryExecutionCommand)).toHaveLength(1);
  });

  it('reports a query cancelled inside Athena without retrying it', async () => {
    const { client, mock } = replayingClient({ columns: [], rows: [] }, 'q-x');
    mock
      .on(GetQueryExecutionCommand)
      .resolves({ QueryExecution: execution('q-x', 'CANCELLED', { Status: { State: 'CANCELLED', StateChangeReason: 'Query cancelled by user' } }) });
    const error = await rejection(engineWith(client).execute('SELECT 1'));
    expect(error.details).toMatchObject({ queryId: 'q-x', code: 'CANCELLED', retryable: false });
    expect(mock.commandCalls(StartQueryExecutionCommand)).toHaveLength(1);
  });
});

describe('AthenaEngine: cancellation', () => {
  it('stops the running query when the signal aborts and rejects with a cancelled error carrying its id', async () => {
    const { client, mock } = replayingClient({ columns: [], rows: [] }, 'q-long');
    mock.on(GetQueryExecutionCommand).resolves({ QueryExecution: execution('q-long', 'RUNNING') });
    mock.on(StopQueryExecutionCommand).resolves({});
    const controller = new AbortController();
    let polls = 0;
    // The third wait is where the user gives up.
    const sleep = async () => {
      if (++polls === 3) controller.abort();
    };
    const error = await rejection(engineWith(client, sleep).execute('SELECT slow()', { signal: controller.signal }));
    expect(error.details).toMatchObject({ queryId: 'q-long', code: 'CANCELLED', retryable: false });
    expect(error.message).toContain('q-long');
    expect(mock.commandCalls(StopQueryExecutionCommand).map((c) => c.args[0].input)).toEqual([{ QueryExecutionId: 'q-long' }]);
    expect(mock.commandCalls(StartQueryExecutionCommand)).toHaveLength(1);
  });

  it('stops a query aborted while a real timer is waiting', async () => {
    const { client, mock } = replayingClient({ columns: [], rows: [] }, 'q-timer');
    mock.on(GetQueryExecutionCommand).resolves({ QueryExecution: execution('q-timer', 'RUNNING') });
    mock.on(StopQueryExecutionCommand).resolves({});
    const controller = new AbortController();
    // Default (real, abortable) sleep with a long poll interval: the abort must end the wait, not the timer.
    const engine = new AthenaEngine({ ...config, poll: { baseDelayMs: 60_000, maxDelayMs: 60_000 } }, { client });
    const running = engine.execute('SELECT slow()', { signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    const error = await rejection(running);
    expect(error.details).toMatchObject({ queryId: 'q-timer', code: 'CANCELLED' });
    expect(mock.commandCalls(StopQueryExecutionCommand)).toHaveLength(1);
  });

  it('does not start anything when the signal is already aborted', async () => {
    const { client, mock } = replayingClient({ columns: [], rows: [] });
    const error = await rejection(engineWith(client).execute('SELECT 1', { signal: AbortSignal.abort() }));
    expect(error.details.code).toBe('CANCELLED');
    expect(mock.commandCalls(StartQueryExecutionCommand)).toHaveLength(0);
    expect(mock.commandCalls(StopQueryExecutionCommand)).toHaveLength(0);
  });
});

describe('AthenaEngine: capabilities', () => {
  it('declares Athena limits and reporting', async () => {
    const { client } = replayingClient({ columns: [], rows: [] });
    const engine = engineWith(client);
    expect(engine.capabilities).toEqual({ maxPartitionsPerWrite: 100, reportsBytesScanned: true });
    await engine.close();
  });
});
