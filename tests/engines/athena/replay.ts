// Replays what Athena returns for a query through aws-sdk-client-mock: the execution status, then GetQueryResults
// pages exactly as Athena shapes them (column labels as the first row of a SELECT, every cell a VarCharValue, NULL
// as a Datum without one).
import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  type ColumnInfo,
  type GetQueryResultsCommandOutput,
  type QueryExecution,
  type Row,
  type StatementType,
} from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';

export interface AthenaColumn {
  name: string;
  /** ColumnInfo.Type as Athena reports it: `integer`, `decimal`, `array` (never `array(integer)`). */
  type: string;
  precision?: number;
  scale?: number;
}

export interface AthenaReplay {
  statementType?: StatementType;
  columns: AthenaColumn[];
  /** Cells as Athena's VarCharValue text; null for SQL NULL. */
  rows: Array<Array<string | null>>;
  /** Data rows per GetQueryResults page (the header row counts towards the first page, as in Athena). */
  pageSize?: number;
  dataScannedInBytes?: number;
  engineExecutionTimeInMillis?: number;
  updateCount?: number;
}

export const columnInfo = (columns: AthenaColumn[]): ColumnInfo[] =>
  columns.map((c) => ({
    Name: c.name,
    Label: c.name,
    Type: c.type,
    Precision: c.precision ?? 0,
    Scale: c.scale ?? 0,
    Nullable: 'UNKNOWN',
    CaseSensitive: c.type === 'varchar',
  }));

const datum = (cell: string | null) => (cell === null ? {} : { VarCharValue: cell });

/** The GetQueryResults pages Athena would return, keyed by the NextToken that asks for them ('' = first page). */
export function resultPages(replay: AthenaReplay): Map<string, GetQueryResultsCommandOutput> {
  const statementType = replay.statementType ?? 'DML';
  const header: Row[] = statementType === 'DML' && replay.columns.length > 0 ? [{ Data: replay.columns.map((c) => datum(c.name)) }] : [];
  const all: Row[] = [...header, ...replay.rows.map((row) => ({ Data: row.map(datum) }))];
  const pageSize = replay.pageSize ?? 1000;
  const pages = new Map<string, GetQueryResultsCommandOutput>();
  let index = 0;
  do {
    const token = index === 0 ? '' : `page-${index}`;
    const next = index + pageSize < all.length ? `page-${index + pageSize}` : undefined;
    pages.set(token, {
      $metadata: {},
      ResultSet: { ResultSetMetadata: { ColumnInfo: columnInfo(replay.columns) }, Rows: all.slice(index, index + pageSize) },
      ...(replay.updateCount !== undefined ? { UpdateCount: replay.updateCount } : {}),
      NextToken: next,
    });
    index += pageSize;
  } while (index < all.length);
  return pages;
}

export function execution(
  queryId: string,
  state: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED',
  extra: Partial<QueryExecution> = {},
): QueryExecution {
  return { QueryExecutionId: queryId, StatementType: 'DML', ...extra, Status: { State: state, ...extra.Status } };
}

/** An Athena client whose every call answers as Athena would for `replay`; returns the mock to assert calls. */
export function replayingClient(replay: AthenaReplay, queryId = 'query-1') {
  const client = new AthenaClient({ region: 'eu-west-1' });
  const mock = mockClient(client);
  const pages = resultPages(replay);
  mock.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: queryId });
  mock.on(GetQueryExecutionCommand).resolves({
    QueryExecution: execution(queryId, 'SUCCEEDED', {
      StatementType: replay.statementType ?? 'DML',
      Statistics: {
        DataScannedInBytes: replay.dataScannedInBytes ?? 0,
        EngineExecutionTimeInMillis: replay.engineExecutionTimeInMillis ?? 120,
      },
    }),
  });
  mock.on(GetQueryResultsCommand).callsFake((input: { NextToken?: string }) => {
    const page = pages.get(input.NextToken ?? '');
    if (!page) throw new Error(`no page for token ${input.NextToken}`);
    return page;
  });
  return { client, mock };
}

/** A sleep that returns at once and records the waits asked for. */
export function instantSleep() {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms: number) => {
      waits.push(ms);
    },
  };
}
