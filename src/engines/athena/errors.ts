// Which Athena failures are worth re-submitting, and EngineErrors that carry what a user needs to find the query.
import type { AthenaError } from '@aws-sdk/client-athena';
import { isThrottlingError as sdkIsThrottlingError } from '@smithy/core/retry';
import { EngineError } from '../engine.js';

/**
 * True for an SDK error that says the caller is going too fast: the SDK's own classification (HTTP 429, its list of
 * throttling error codes, Athena's TooManyRequestsException among them, or a modeled `throttling` retry trait), the
 * one its retry strategy uses.
 */
export function isThrottlingError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && sdkIsThrottlingError(error as Parameters<typeof sdkIsThrottlingError>[0]);
}

interface SdkErrorShape {
  name?: string;
  message?: string;
}

/** Transient: the same query may well succeed if submitted again. Checked first, so S3 SlowDown inside a
 * HIVE_CURSOR_ERROR still counts as transient. */
const TRANSIENT_REASONS = [
  /ICEBERG_COMMIT_ERROR/,
  /\bSlowDown\b/,
  /Please reduce your request rate/i,
  /\bRate exceeded\b/i,
  /ThrottlingException|TooManyRequestsException/,
];

/** Deterministic: the same query fails the same way every time, whatever Athena's Retryable flag says. */
const DETERMINISTIC_REASONS = [
  /SYNTAX_ERROR|mismatched input|extraneous input|no viable alternative/i,
  /exhausted resources at this scale factor|EXCEEDED_(LOCAL|GLOBAL)_MEMORY_LIMIT/,
  /HIVE_BAD_DATA|HIVE_CURSOR_ERROR|HIVE_PARTITION_SCHEMA_MISMATCH|HIVE_TOO_MANY_OPEN_PARTITIONS|HIVE_INVALID_METADATA/,
  /TABLE_NOT_FOUND|SCHEMA_NOT_FOUND|COLUMN_NOT_FOUND|FUNCTION_NOT_FOUND|TYPE_MISMATCH|NOT_SUPPORTED/,
  /INVALID_CAST_ARGUMENT|INVALID_FUNCTION_ARGUMENT|DIVISION_BY_ZERO|NUMERIC_VALUE_OUT_OF_RANGE|GENERIC_USER_ERROR/,
  /AccessDenied|Access Denied|not authorized|PERMISSION_DENIED|Insufficient (Lake Formation )?permission/i,
];

export interface FailureClassification {
  retryable: boolean;
  /** Trino/Athena error name when the reason starts with one (`SYNTAX_ERROR: …`), else a generic code. */
  code: string;
}

/** Classifies a FAILED query execution from its StateChangeReason and AthenaError. */
export function classifyQueryFailure(reason: string, athenaError?: AthenaError): FailureClassification {
  const code = /^([A-Z][A-Z0-9_]{2,}):/.exec(reason)?.[1] ?? 'QUERY_FAILED';
  if (TRANSIENT_REASONS.some((pattern) => pattern.test(reason))) return { retryable: true, code };
  if (DETERMINISTIC_REASONS.some((pattern) => pattern.test(reason))) return { retryable: false, code };
  return { retryable: athenaError?.Retryable === true, code };
}

function describeAthenaError(athenaError?: AthenaError): string {
  if (!athenaError) return '';
  const parts = [
    athenaError.ErrorCategory !== undefined ? `category ${athenaError.ErrorCategory}` : '',
    athenaError.ErrorType !== undefined ? `type ${athenaError.ErrorType}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `; Athena error ${parts.join(', ')}` : '';
}

/** The error for a query Athena reports as FAILED. */
export function queryFailedError(queryId: string, reason: string | undefined, athenaError?: AthenaError): EngineError {
  const text = reason ?? athenaError?.ErrorMessage ?? 'query failed without a reason';
  const { retryable, code } = classifyQueryFailure(text, athenaError);
  return new EngineError(`${text} (Athena query ${queryId}${describeAthenaError(athenaError)})`, {
    queryId,
    retryable,
    code,
    cause: athenaError,
  });
}

/** The error for a query someone else cancelled (a workgroup limit, the console, another process). */
export function queryCancelledByAthenaError(queryId: string, reason: string | undefined): EngineError {
  return new EngineError(`query was cancelled in Athena${reason ? `: ${reason}` : ''} (Athena query ${queryId})`, {
    queryId,
    retryable: false,
    code: 'CANCELLED',
  });
}

/** The error for a query this process cancelled through its AbortSignal. */
export function cancelledError(queryId: string | undefined, cause?: unknown): EngineError {
  return new EngineError(`query cancelled${queryId ? ` (Athena query ${queryId})` : ''}`, {
    queryId,
    retryable: false,
    code: 'CANCELLED',
    cause,
  });
}

/** Wraps an SDK call failure; throttling is retryable, anything else (bad request, access denied) is not. */
export function apiCallError(operation: string, error: unknown, queryId?: string): EngineError {
  if (error instanceof EngineError) return error;
  const name = (error as SdkErrorShape | null)?.name ?? 'Error';
  const message = (error as SdkErrorShape | null)?.message ?? String(error);
  const where = queryId ? ` (Athena query ${queryId})` : '';
  return new EngineError(`Athena ${operation} failed: ${name}: ${message}${where}`, {
    queryId,
    retryable: isThrottlingError(error),
    code: name,
    cause: error,
  });
}

/**
 * A transient failure the engine retried as far as its policy allows: final, no longer retryable (so no other layer
 * submits it again), saying how many submissions were tried so a log shows the retries happened.
 */
export function exhaustedError(error: EngineError, attempts: number): EngineError {
  const message = attempts > 1 ? `${error.message} (gave up after ${attempts} attempts)` : error.message;
  return new EngineError(message, { ...error.details, retryable: false });
}
