import { TooManyRequestsException } from '@aws-sdk/client-athena';
import { describe, expect, it } from 'vitest';
import { apiCallError, classifyQueryFailure, isThrottlingError, queryFailedError } from '../../../src/engines/athena/errors.js';

describe('classifyQueryFailure', () => {
  it.each([
    // transient: re-submit
    ['ICEBERG_COMMIT_ERROR: Failed to commit Iceberg update to table: db.orders', undefined, true, 'ICEBERG_COMMIT_ERROR'],
    ['HIVE_CURSOR_ERROR: Please reduce your request rate. (Service: Amazon S3; Status Code: 503; Error Code: SlowDown)', false, true, 'HIVE_CURSOR_ERROR'],
    ['ThrottlingException: Rate exceeded', undefined, true, 'QUERY_FAILED'],
    ['INTERNAL_ERROR_QUERY_ENGINE: Amazon Athena experienced an internal error', true, true, 'INTERNAL_ERROR_QUERY_ENGINE'],
    // deterministic: fail now, whatever Athena's flag says
    ["SYNTAX_ERROR: line 1:8: Column 'x' cannot be resolved", true, false, 'SYNTAX_ERROR'],
    ["line 1:1: mismatched input 'SELEC'. Expecting: 'ALTER', 'ANALYZE', ...", undefined, false, 'QUERY_FAILED'],
    ['Query exhausted resources at this scale factor', true, false, 'QUERY_FAILED'],
    ['HIVE_BAD_DATA: Error parsing field value for field 2: For input string: "abc"', true, false, 'HIVE_BAD_DATA'],
    ['TABLE_NOT_FOUND: line 1:15: Table awsdatacatalog.db.nope does not exist', undefined, false, 'TABLE_NOT_FOUND'],
    ['Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied)', true, false, 'QUERY_FAILED'],
    ['HIVE_TOO_MANY_OPEN_PARTITIONS: Exceeded limit of 100 open writers for partitions/buckets', undefined, false, 'HIVE_TOO_MANY_OPEN_PARTITIONS'],
    // unknown: trust Athena's flag, default to no
    ['GENERIC_INTERNAL_ERROR: something odd', undefined, false, 'GENERIC_INTERNAL_ERROR'],
    ['GENERIC_INTERNAL_ERROR: something odd', true, true, 'GENERIC_INTERNAL_ERROR'],
  ])('%s (Retryable %s) → retryable %s, code %s', (reason, retryableFlag, retryable, code) => {
    const athenaError = retryableFlag === undefined ? undefined : { Retryable: retryableFlag };
    expect(classifyQueryFailure(reason, athenaError)).toEqual({ retryable, code });
  });
});

describe('query and API errors', () => {
  it('carries the reason, query id and Athena error category into the EngineError', () => {
    const error = queryFailedError('q-1', 'TABLE_NOT_FOUND: Table x does not exist', { ErrorCategory: 2, ErrorType: 1301, Retryable: false });
    expect(error.message).toBe('TABLE_NOT_FOUND: Table x does not exist (Athena query q-1; Athena error category 2, type 1301)');
    expect(error.details).toMatchObject({ queryId: 'q-1', retryable: false, code: 'TABLE_NOT_FOUND' });
  });

  it('falls back to the AthenaError message when there is no state change reason', () => {
    const error = queryFailedError('q-2', undefined, { ErrorMessage: 'boom', Retryable: true });
    expect(error.message).toContain('boom');
    expect(error.details.retryable).toBe(true);
  });

  it('recognises SDK throttling by name, HTTP 429 or the SDK retry hint', () => {
    expect(isThrottlingError(new TooManyRequestsException({ message: 'slow down', $metadata: {} }))).toBe(true);
    expect(isThrottlingError(Object.assign(new Error('x'), { name: 'ThrottlingException' }))).toBe(true);
    expect(isThrottlingError(Object.assign(new Error('x'), { $metadata: { httpStatusCode: 429 } }))).toBe(true);
    expect(isThrottlingError(Object.assign(new Error('x'), { $retryable: { throttling: true } }))).toBe(true);
    expect(isThrottlingError(Object.assign(new Error('x'), { name: 'InvalidRequestException' }))).toBe(false);
    expect(isThrottlingError('ThrottlingException')).toBe(false);
    // The SDK's own classification (@smithy/core/retry, what its retry strategy uses), not a copy of part of its list.
    for (const name of ['LimitExceededException', 'PriorRequestNotComplete', 'BandwidthLimitExceeded']) {
      expect(isThrottlingError(Object.assign(new Error('x'), { name })), name).toBe(true);
    }
  });

  it('wraps SDK failures with the operation and marks only throttling retryable', () => {
    const throttled = apiCallError('StartQueryExecution', Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    expect(throttled.message).toBe('Athena StartQueryExecution failed: ThrottlingException: Rate exceeded');
    expect(throttled.details).toMatchObject({ retryable: true, code: 'ThrottlingException' });
    const invalid = apiCallError('GetQueryResults', Object.assign(new Error('Query has not yet finished'), { name: 'InvalidRequestException' }), 'q-3');
    expect(invalid.details).toMatchObject({ retryable: false, code: 'InvalidRequestException', queryId: 'q-3' });
    expect(invalid.message).toContain('q-3');
  });
});
