// The configuration block at the top of a SQL file: YAML inside the block comment that opens the file.
//
//   /*
//   materialized: incremental
//   partitioned_by: [dt]
//   schedule: cron(0 * * * ? *)
//   tags: [p1, kpi]
//   */
//   SELECT …
//
// Unknown keys are errors (a typo must not silently switch a setting off).
import { z } from 'zod';
import { ContractSchema } from './contract.js';
import { parseSchedule } from './schedule.js';

const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier (letters, digits, _)');

const scheduleExpression = z.string().superRefine((value, ctx) => {
  try {
    parseSchedule(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
  }
});

/** `30s`, `15m`, `1h`, `2d`. */
export const durationString = z.string().regex(/^\d+(s|m|h|d)$/, 'must be a duration such as 30m, 1h or 1d');

export const durationMs = (text: string): number => {
  const n = Number(text.slice(0, -1));
  return n * { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[text.slice(-1) as 's' | 'm' | 'h' | 'd'];
};

export const MATERIALIZATIONS = ['view', 'table', 'incremental', 'merge'] as const;
export type Materialization = (typeof MATERIALIZATIONS)[number];

export const AlertSectionSchema = z
  .object({
    /** Over the first result row (`count > 10`, `negative_share >= 0.2`) or `rows > 0` for "any row returned". */
    condition: z.string().min(1),
    severity: z.enum(['info', 'warning', 'critical']).default('warning'),
    /** Template with `{column}` fields from the result row, e.g. `Alert: {count} negative interactions …`. */
    message: z.string().min(1),
    channels: z.array(z.string()).min(1).default(['console']),
    /** An alert that stays true does not notify again inside this window. */
    cooldown: durationString.default('1h'),
    /** Send a notice when a firing alert (or key) stops firing. */
    recovery: z.boolean().default(false),
    /** Column whose value makes each result row its own alert (per-row alerts). */
    key: identifier.optional(),
  })
  .strict();

/**
 * Serving: after a successful run of the model (and its blocking checks), the rows of the run's period are copied to a
 * key-value table for point lookups (DynamoDB on AWS, `<lake>/.state/serving/<table>.json` locally).
 */
export const ServeSchema = z
  .object({
    /** Name of the key-value table (seed 001: CategoryKPIs, OrderKPIs). */
    table: identifier,
    /** Result columns whose values, joined with `#`, are an item's key; unique per row. */
    key: z.array(identifier).min(1),
  })
  .strict();

const HOUR_MS = 3_600_000;

/**
 * Service level objectives of a model, checked by `lake slo` over the run log and by one CloudWatch alarm each on AWS
 * (stacks/Alarms.ts). The limits are CloudWatch's: an alarm period is whole minutes, and evaluation spans at most
 * 7 days (at most 1 day with periods under an hour), so freshness is whole minutes under 1h or whole hours up to 7d,
 * and the success window (one alarm period) whole hours up to 24h.
 */
export const SloSchema = z
  .object({
    /** The model's last successful run finished at most this long ago (`2h`, `26h`, `30m`). */
    freshness: durationString
      .refine((v) => durationMs(v) >= 60_000 && durationMs(v) % 60_000 === 0 && (durationMs(v) < HOUR_MS || durationMs(v) % HOUR_MS === 0), 'must be whole minutes under 1h, or whole hours')
      .refine((v) => durationMs(v) <= 7 * 24 * HOUR_MS, 'must be at most 7d (CloudWatch evaluates an alarm over 7 days at most)')
      .optional(),
    /** Share of the model's runs in `window` that succeeded, at least (`99%`, `99.5%`). */
    success: z
      .string({ error: 'must be a percentage such as 99% or 99.5%' })
      .regex(/^\d+(\.\d+)?%$/, 'must be a percentage such as 99% or 99.5%')
      .refine((v) => Number.parseFloat(v) <= 100, 'must be at most 100%')
      .optional(),
    /** Window of the success objective: whole hours up to 24h (default 24h). */
    window: durationString
      .refine((v) => durationMs(v) >= HOUR_MS && durationMs(v) <= 24 * HOUR_MS && durationMs(v) % HOUR_MS === 0, 'must be whole hours from 1h to 24h')
      .default('24h'),
  })
  .strict()
  .refine((slo) => slo.freshness !== undefined || slo.success !== undefined, 'an slo needs a freshness or a success objective');

export const HeaderSchema = z
  .object({
    /** Table (models) or alert/dashboard name. Default: the file name without `.sql`. */
    name: identifier.optional(),
    /** Database of the table a model writes. Default: the project's database. */
    database: identifier.optional(),
    description: z.string().optional(),
    owner: z.string().optional(),
    tags: z.array(z.string()).default([]),
    schedule: scheduleExpression.optional(),
    materialized: z.enum(MATERIALIZATIONS).optional(),
    partitioned_by: z.array(identifier).default([]),
    format: z.enum(['parquet', 'json', 'iceberg']).optional(),
    /** `s3://…` location of the table's files (variables allowed). */
    location: z.string().optional(),
    /** Key columns for `merge` models written as a SELECT (upsert). */
    unique_key: z.array(identifier).optional(),
    /** Period one run of an incremental model covers: `${period_start}`/`${period_end}` bound per run. */
    period: z.enum(['hour', 'day']).optional(),
    retries: z.number().int().min(0).max(10).optional(),
    alert: AlertSectionSchema.optional(),
    /** Data contract of the table: schema, keys, not-null, accepted values, freshness… (src/project/contract.ts). */
    contract: ContractSchema.optional(),
    serve: ServeSchema.optional(),
    slo: SloSchema.optional(),
  })
  .strict();

export type Header = z.infer<typeof HeaderSchema>;
export type AlertSection = z.infer<typeof AlertSectionSchema>;
export type ServeSection = z.infer<typeof ServeSchema>;
export type SloSection = z.infer<typeof SloSchema>;
