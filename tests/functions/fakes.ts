// Test doubles for the functions: a fixture project on disk, and an Athena that answers each statement through a
// responder, shaped as Athena answers (header row on SELECT results, every cell text), via aws-sdk-client-mock.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AthenaClient, GetQueryExecutionCommand, GetQueryResultsCommand, StartQueryExecutionCommand, type StatementType } from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { CONDITION_QUERY_MARK } from '../../src/alerts/condition.js';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { columnInfo, type AthenaColumn } from '../engines/athena/replay.js';

export interface FakeAnswer {
  statementType?: StatementType;
  columns?: AthenaColumn[];
  /** Cells as Athena's VarCharValue text; null for SQL NULL (a cell without VarCharValue). */
  rows?: Array<Array<string | null>>;
  updateCount?: number;
  /** Athena's StateChangeReason: the query FAILED with it (a deterministic, non-retryable failure). */
  failed?: string;
}

let conditionEngine: Promise<AthenaLocalEngine> | undefined;

/**
 * An alert condition is SQL that Athena evaluates over the alert query's result (src/alerts/condition.ts): the fake
 * answers it as Athena would, by running it on a local engine, so a test scripts only the alert query's answer.
 */
async function conditionAnswer(sql: string): Promise<FakeAnswer> {
  conditionEngine ??= AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'fake-athena-conditions-')), inMemory: true, threads: 1 });
  const result = await (await conditionEngine).execute(sql);
  return { columns: result.columns, rows: result.rows.map((row) => row.map((v) => (v === null ? null : String(v)))) };
}

/** Every statement the fake received (alert conditions apart), in order, and the mock for further assertions. */
export function fakeAthena(respond: (sql: string) => FakeAnswer) {
  const mock = mockClient(AthenaClient);
  const statements: string[] = [];
  const answers = new Map<string, FakeAnswer>();
  mock.on(StartQueryExecutionCommand).callsFake(async (input: { QueryString: string }) => {
    const id = `q${answers.size}`;
    if (input.QueryString.startsWith(CONDITION_QUERY_MARK)) {
      answers.set(id, await conditionAnswer(input.QueryString));
      return { QueryExecutionId: id };
    }
    statements.push(input.QueryString);
    answers.set(id, respond(input.QueryString));
    return { QueryExecutionId: id };
  });
  mock.on(GetQueryExecutionCommand).callsFake((input: { QueryExecutionId: string }) => {
    const answer = answers.get(input.QueryExecutionId) ?? {};
    return {
      QueryExecution: {
        QueryExecutionId: input.QueryExecutionId,
        StatementType: answer.statementType ?? 'DML',
        Status: answer.failed
          ? { State: 'FAILED', StateChangeReason: answer.failed, AthenaError: { ErrorCategory: 2, ErrorType: 1006, Retryable: false } }
          : { State: 'SUCCEEDED' },
        Statistics: { DataScannedInBytes: 1024, EngineExecutionTimeInMillis: 5 },
      },
    };
  });
  mock.on(GetQueryResultsCommand).callsFake((input: { QueryExecutionId: string }) => {
    const answer = answers.get(input.QueryExecutionId) ?? {};
    const columns = answer.columns ?? [];
    const type = answer.statementType ?? 'DML';
    const header = type === 'DML' && columns.length ? [{ Data: columns.map((c) => ({ VarCharValue: c.name })) }] : [];
    return {
      ResultSet: {
        ResultSetMetadata: { ColumnInfo: columnInfo(columns) },
        Rows: [...header, ...(answer.rows ?? []).map((r) => ({ Data: r.map((v) => (v === null ? {} : { VarCharValue: v })) }))],
      },
      ...(answer.updateCount !== undefined ? { UpdateCount: answer.updateCount } : {}),
    };
  });
  return { mock, statements };
}

/** A project folder with lakehouse.yaml and the given files under sql/; returns its root and a cleanup. */
export function fixtureProject(
  files: Record<string, string>,
  yaml = 'name: t\ndatabase: lakehouse\nstages:\n  prod:\n    variables:\n      lake_bucket: from-yaml\n',
) {
  const root = mkdtempSync(join(tmpdir(), 'functions-'));
  writeFileSync(join(root, 'lakehouse.yaml'), yaml);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, 'sql', path)), { recursive: true });
    writeFileSync(join(root, 'sql', path), text);
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
