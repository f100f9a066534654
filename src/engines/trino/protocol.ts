// Trino's client REST protocol (https://trino.io/docs/current/develop/client-protocol.html): POST the statement to
// /v1/statement, then GET each `nextUri` until there is none, collecting `columns` and `data`; DELETE `nextUri` to
// cancel. Small enough to speak with fetch; numbers are read losslessly because BIGINTs exceed 2^53.
import { LakeError } from '../../errors.js';
import { parse as parseLosslessJson } from 'lossless-json';
import { INTEGER_TEXT } from '../trino-types.js';

export interface ClientTypeSignature {
  rawType: string;
  arguments: ClientTypeArgument[];
}

export type ClientTypeArgument =
  | { kind: 'TYPE'; value: ClientTypeSignature }
  | { kind: 'NAMED_TYPE'; value: { fieldName?: { name: string } | null; typeSignature: ClientTypeSignature } }
  | { kind: 'LONG'; value: number }
  | { kind: 'VARIABLE'; value: string };

export interface TrinoColumn {
  name: string;
  type: string;
  typeSignature: ClientTypeSignature;
}

export interface TrinoErrorInfo {
  message: string;
  errorCode?: number;
  errorName?: string;
  errorType?: string;
  errorLocation?: { lineNumber: number; columnNumber: number };
}

/** One response document of the protocol (QueryResults). */
export interface QueryResults {
  id: string;
  nextUri?: string;
  columns?: TrinoColumn[];
  data?: unknown[][];
  error?: TrinoErrorInfo;
  updateType?: string;
  updateCount?: number;
  stats?: { state?: string; physicalInputBytes?: number; processedBytes?: number };
}

export interface TrinoSession {
  /** Base URL of the coordinator, e.g. http://127.0.0.1:8080. */
  url: string;
  user: string;
  catalog?: string;
  schema?: string;
  /** Session time zone; Athena runs queries in UTC. */
  timeZone: string;
  source: string;
}

export interface StatementResult {
  queryId: string;
  columns: TrinoColumn[];
  rows: unknown[][];
  /** Set for statements that change data or the catalog (`INSERT`, `CREATE TABLE`…). */
  updateType?: string;
  updateCount?: number;
  physicalInputBytes?: number;
}

/** The query reached Trino and failed there (syntax, semantics, runtime): deterministic, never retried. */
export class TrinoQueryError extends LakeError {
  override readonly name: string = 'TrinoQueryError';
  constructor(
    readonly queryId: string,
    readonly info: TrinoErrorInfo,
  ) {
    super(info.message);
  }
}

/** The coordinator could not be reached or answered outside the protocol. */
export class TrinoTransportError extends LakeError {
  override readonly name: string = 'TrinoTransportError';
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface ProtocolDependencies {
  fetch?: typeof fetch;
  /** Waits between polls of a busy coordinator; replaced in tests. */
  sleep?: (ms: number) => Promise<void>;
}

/** Integers beyond 2^53 become bigints; every other number (doubles included) is an ordinary number. */
const readNumber = (text: string): number | bigint => {
  if (!INTEGER_TEXT.test(text)) return Number(text);
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : BigInt(text);
};

export function parseQueryResults(text: string): QueryResults {
  return parseLosslessJson(text, null, readNumber) as QueryResults;
}

/** HTTP statuses the protocol asks clients to retry after a pause (the coordinator is busy or restarting). */
const BUSY = new Set([429, 502, 503, 504]);
const MAX_BUSY_RETRIES = 20;

export async function runStatement(session: TrinoSession, sql: string, signal?: AbortSignal, deps: ProtocolDependencies = {}): Promise<StatementResult> {
  const doFetch = deps.fetch ?? fetch;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const headers: Record<string, string> = {
    'X-Trino-User': session.user,
    'X-Trino-Source': session.source,
    'X-Trino-Time-Zone': session.timeZone,
    ...(session.catalog ? { 'X-Trino-Catalog': session.catalog } : {}),
    ...(session.schema ? { 'X-Trino-Schema': session.schema } : {}),
  };

  const request = async (method: 'POST' | 'GET', uri: string, body?: string): Promise<QueryResults> => {
    // The POST goes out whatever the signal says: only its answer names the query that an abort must then cancel.
    const requestSignal = method === 'POST' ? undefined : signal;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await doFetch(uri, { method, headers, body, signal: requestSignal });
      } catch (error) {
        if (signal?.aborted) throw error;
        throw new TrinoTransportError(`cannot reach Trino at ${session.url}: ${(error as Error).message}`, true, { cause: error });
      }
      const text = await response.text();
      if (response.ok) {
        try {
          return parseQueryResults(text);
        } catch (error) {
          throw new TrinoTransportError(`Trino at ${session.url} answered ${method} ${uri} with a body that is not JSON: ${text.slice(0, 200)}`, false, {
            cause: error,
          });
        }
      }
      if (BUSY.has(response.status) && attempt < MAX_BUSY_RETRIES) {
        await sleep(Math.min(50 * 2 ** attempt, 1000));
        continue;
      }
      throw new TrinoTransportError(
        `Trino at ${session.url} answered ${method} ${uri} with HTTP ${response.status}: ${text.slice(0, 200)}`,
        BUSY.has(response.status),
      );
    }
  };

  let results = await request('POST', `${session.url.replace(/\/+$/, '')}/v1/statement`, sql);
  const queryId = results.id;
  let columns: TrinoColumn[] | undefined;
  const rows: unknown[][] = [];
  try {
    signal?.throwIfAborted();
    for (;;) {
      if (results.error) throw new TrinoQueryError(queryId, results.error);
      columns ??= results.columns;
      if (results.data) rows.push(...results.data);
      if (!results.nextUri) break;
      signal?.throwIfAborted();
      results = await request('GET', results.nextUri);
    }
  } catch (error) {
    if (signal?.aborted && results.nextUri) {
      // Tell the coordinator to stop the query; best effort, the caller's cancellation stands either way.
      await doFetch(results.nextUri, { method: 'DELETE', headers }).catch(() => undefined);
    }
    throw error;
  }
  return {
    queryId,
    columns: columns ?? [],
    rows,
    ...(results.updateType !== undefined ? { updateType: results.updateType } : {}),
    ...(results.updateCount !== undefined ? { updateCount: Number(results.updateCount) } : {}),
    ...(results.stats?.physicalInputBytes !== undefined ? { physicalInputBytes: Number(results.stats.physicalInputBytes) } : {}),
  };
}
