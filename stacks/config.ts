// Per-stage deployment settings: the one typed place for what differs between `dev`, `prod`, … on AWS (bucket
// names, alert emails, thresholds, cutoffs). Project-wide names (database, SQL folder) stay in lakehouse.yaml
// (src/project/config.ts); this file only holds what the stacks need on top of it.
import { DEFAULT_MONTHLY_BUDGET_USD, loadConfig, type ProjectConfig } from '../src/project/config.js';

export interface StageConfig {
  /** SSE-KMS with a customer-managed key (rotation on) instead of SSE-S3. Costs $1/month per key. */
  kms: boolean;
  /** Keep data resources (bucket, stream, tables) when the stage is removed. */
  retainData: boolean;
  lifecycle: {
    /** raw/ objects move to STANDARD_IA after this many days (S3 minimum: 30). */
    rawToInfrequentAccessDays: number;
    /** …and to GLACIER after this many (S3 requires ≥ 30 days in IA first). */
    rawToGlacierDays: number;
    /** Athena result files are scratch: expire them. */
    athenaResultsExpireDays: number;
    /** Old versions (versioning is on) expire so the bucket does not grow forever. */
    noncurrentVersionExpireDays: number;
  };
  athena: {
    /** Per-query cutoff: Athena cancels a query once it has scanned this many bytes (min 10 MB). */
    bytesScannedCutoffPerQuery: number;
  };
  alerts: {
    emails: string[];
  };
  streaming: {
    shardCount: number;
    retentionHours: number;
    /** Producer poll schedule (EventBridge minimum is one minute; the function polls in a loop within it). */
    producerSchedule: string;
    /** Seconds one producer invocation keeps polling (seed: every 0.5 s). */
    producerRunSeconds: number;
    producerPollIntervalMs: number;
    /** HTTP API the producer polls; empty = the producer is created but sends nothing. */
    producerApiUrl: string;
    /** Seed: consumer batches up to 100 records. */
    consumerBatchSize: number;
    consumerMaxBatchingWindowSeconds: number;
    consumerRetryAttempts: number;
  };
  firehose: {
    /** Firehose rejects less than 64 MB when dynamic partitioning is on (the P4 stream partitions by event time). */
    bufferSizeMb: number;
    bufferIntervalSeconds: number;
  };
  crawler: {
    /** Seed 003: daily at 2 AM UTC. */
    schedule: string;
  };
  batch: {
    minOrderFiles: number;
    minItemFiles: number;
    minProductFiles: number;
    /** Process whatever arrived once the first file is this old (seed: 30 min). */
    forceAfterMinutes: number;
    /** Wait between threshold checks (seed: 300 s). */
    waitSeconds: number;
  };
  github: {
    /** `owner/name` whose main branch and environments may deploy (stacks/GitHubDeploy.ts); '' = no deploy role.
     *  Set it on the one stage per account that owns the GitHub OIDC provider. */
    repository: string;
    environments: string[];
  };
  quicksight: {
    /** QuickSight user/group ARN that owns the data source, datasets, analyses and dashboards; undefined = no QuickSight
     *  resources (the Dashboards stack is empty): QuickSight needs an account subscription that CloudFormation cannot
     *  create, and the principal exists only after it. `QUICKSIGHT_PRINCIPAL_ARN` in the deploying shell overrides it
     *  (personal stages). */
    principalArn?: string;
  };
}

const DEFAULTS: StageConfig = {
  kms: false,
  retainData: false,
  lifecycle: { rawToInfrequentAccessDays: 30, rawToGlacierDays: 90, athenaResultsExpireDays: 30, noncurrentVersionExpireDays: 30 },
  athena: { bytesScannedCutoffPerQuery: 1024 ** 3 },
  alerts: { emails: [] },
  streaming: {
    shardCount: 1,
    retentionHours: 24,
    producerSchedule: 'rate(1 minute)',
    producerRunSeconds: 50,
    producerPollIntervalMs: 500,
    producerApiUrl: '',
    consumerBatchSize: 100,
    consumerMaxBatchingWindowSeconds: 5,
    consumerRetryAttempts: 3,
  },
  // Seed 003 had 5 MB / 300 s; with dynamic partitioning Firehose requires ≥ 64 MB. The 300 s interval is what
  // bounds latency (a partition's buffer is delivered at whichever comes first), so low traffic still lands every 5 min.
  firehose: { bufferSizeMb: 64, bufferIntervalSeconds: 300 },
  crawler: { schedule: 'cron(0 2 * * ? *)' },
  batch: { minOrderFiles: 5, minItemFiles: 5, minProductFiles: 1, forceAfterMinutes: 30, waitSeconds: 300 },
  github: { repository: '', environments: ['dev', 'prod'] },
  quicksight: {},
};

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] };

/** Overrides per stage name; every other stage (personal dev stages, `test`) gets the defaults. */
const STAGES: Record<string, DeepPartial<StageConfig>> = {
  prod: {
    kms: true,
    retainData: true,
    athena: { bytesScannedCutoffPerQuery: 10 * 1024 ** 3 },
    alerts: { emails: ['support-team@example.com'] },
    // Seed 000's interactions API.
    streaming: { producerApiUrl: 'http://3.248.199.26:8000/api/customer-interaction/' },
  },
};

function merge<T extends object>(base: T, patch: DeepPartial<T> | undefined): T {
  if (!patch) return base;
  const out = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] =
      value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object'
        ? merge(current as object, value as DeepPartial<object>)
        : value;
  }
  return out as T;
}

/** Environment variable that sets `quicksight.principalArn` for whatever stage is deployed. */
export const QUICKSIGHT_PRINCIPAL_ENV = 'QUICKSIGHT_PRINCIPAL_ARN';

export function stageConfig(stage: string, overrides: Record<string, DeepPartial<StageConfig>> = STAGES): StageConfig {
  const config = merge(DEFAULTS, overrides[stage]);
  const principalArn = process.env[QUICKSIGHT_PRINCIPAL_ENV];
  return principalArn ? { ...config, quicksight: { ...config.quicksight, principalArn } } : config;
}

/** Project root the stacks read `sql/` and lakehouse.yaml from; tests point it at a fixture project. */
export function projectRoot(): string {
  return process.env.LAKEHOUSE_ROOT ?? process.cwd();
}

export function projectConfig(): ProjectConfig {
  return loadConfig(projectRoot()).config;
}

/**
 * The lakehouse.yaml stage whose variables a deployed stage uses: the same name when lakehouse.yaml defines it, else
 * its default stage (personal stages and `test` have no entry). `lake_bucket` is always the deployed bucket.
 */
export function lakeStage(appStage: string, root: string = projectRoot()): string {
  const config = loadConfig(root).config;
  return appStage in config.stages ? appStage : config.default_stage;
}

/** The deployed stage's monthly cost budget in USD: `budget.monthly_usd` of its lakehouse.yaml stage (see lakeStage). */
export function monthlyBudgetUsd(appStage: string, root: string = projectRoot()): number {
  const config = loadConfig(root).config;
  const stage = config.stages[lakeStage(appStage, root)];
  return stage?.budget.monthly_usd ?? DEFAULT_MONTHLY_BUDGET_USD;
}

/** The stage's SQL variables from lakehouse.yaml (`lake_bucket`, …). */
export function stageVariables(stage: string): Record<string, string> {
  const variables = projectConfig().stages[stage]?.variables ?? {};
  return Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, String(v)]));
}

/** Variable naming the lake bucket in SQL (`s3://${lake_bucket}/processed/`) and the bucket name of the stage. */
export const BUCKET_VARIABLE = 'lake_bucket';

/** Lake bucket prefixes (seed 000 layout), shared by the bucket lifecycle, IAM scopes and function environments. */
export const PREFIX = {
  raw: 'raw/',
  processed: 'processed/',
  invalid: 'invalid/',
  curated: 'curated/',
  athenaResults: 'athena-results/',
  incoming: 'incoming/',
  domainEvents: 'domain-events/',
  firehoseErrors: 'errors/domain-events/',
  features: 'features/',
  /** P1 dead letters archived from the SQS queue (functions/lib/dead-letters.ts), as the local dead-letter queue writes them. */
  deadLetter: 'dead-letter/',
} as const;
