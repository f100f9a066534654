// Everything the Athena engine is told from outside, in one place. The engine reads no environment: Lambda
// functions and the CLI build this from their own configuration and pass it in.
import type { BackoffSettings, RetrySettings } from '../../retry/retry.js';

export interface AthenaEngineConfig {
  /** AWS region; the SDK's default chain decides when omitted. */
  region?: string;
  /** Athena workgroup (`primary` when omitted). */
  workgroup?: string;
  /**
   * `s3://…` prefix for result files. Sent on every query; a workgroup that enforces its own configuration makes
   * Athena ignore it, so it is only needed for workgroups without an enforced output location.
   */
  outputLocation?: string;
  /** Default database when a call names none. */
  database?: string;
  /** Data catalog; `AwsDataCatalog` (Glue) unless a federated catalog is used. */
  catalog?: string;
  /** Delays between GetQueryExecution polls: exponential from the base, capped, no jitter. */
  poll?: Partial<BackoffSettings>;
  /** Re-submitting a query that failed transiently (throttling, Iceberg commit conflicts, S3 SlowDown…). */
  retry?: Partial<RetrySettings>;
  /** Attempts the SDK itself makes per API call before our retry sees the error. */
  sdkMaxAttempts?: number;
  /** Rows per GetQueryResults page (Athena allows up to 1000). */
  pageSize?: number;
}

export interface ResolvedAthenaConfig {
  region?: string;
  workgroup: string;
  outputLocation?: string;
  database?: string;
  catalog: string;
  poll: BackoffSettings;
  retry: RetrySettings;
  sdkMaxAttempts?: number;
  pageSize: number;
}

export const ATHENA_DEFAULTS = {
  workgroup: 'primary',
  catalog: 'AwsDataCatalog',
  poll: { baseDelayMs: 100, maxDelayMs: 2_000 },
  retry: { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 20_000 },
  pageSize: 1_000,
} as const;

export function resolveAthenaConfig(config: AthenaEngineConfig): ResolvedAthenaConfig {
  return {
    region: config.region,
    workgroup: config.workgroup ?? ATHENA_DEFAULTS.workgroup,
    outputLocation: config.outputLocation,
    database: config.database,
    catalog: config.catalog ?? ATHENA_DEFAULTS.catalog,
    poll: { ...ATHENA_DEFAULTS.poll, ...config.poll },
    retry: { ...ATHENA_DEFAULTS.retry, ...config.retry },
    sdkMaxAttempts: config.sdkMaxAttempts,
    pageSize: Math.min(1_000, Math.max(1, config.pageSize ?? ATHENA_DEFAULTS.pageSize)),
  };
}
