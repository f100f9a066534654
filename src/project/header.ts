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
// Each file kind has its own schema (a model's depends on its materialization): a key a file does not take is an
// error with its line and a "did you mean", never silently ignored (a typo must not switch a setting off).
import * as z from 'zod';
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

export const MATERIALIZATIONS = ['view', 'table', 'incremental', 'merge', 'scd2'] as const;
export const TABLE_TYPES = ['hive', 'iceberg'] as const;
export const INCREMENTAL_STRATEGIES = ['insert_overwrite', 'merge', 'append'] as const;
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
      .refine(
        (v) => durationMs(v) >= 60_000 && durationMs(v) % 60_000 === 0 && (durationMs(v) < HOUR_MS || durationMs(v) % HOUR_MS === 0),
        'must be whole minutes under 1h, or whole hours',
      )
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

/**
 * Every header key, defined once. Each file kind (and each model materialization) accepts its own subset of these, so a
 * key that would have no effect in a file is an error there rather than silently ignored (see HEADER_KEYS below).
 */
const FIELDS = {
  /** Table (models) or alert/dashboard name. Default: the file name without `.sql`. */
  name: identifier.optional(),
  /** Database of the table a model writes, and of the unqualified names the file reads. Default: the project's. */
  database: identifier.optional(),
  /** Documentation: shown by `lake graph --format json`. */
  description: z.string().optional(),
  owner: z.string().optional(),
  /** Selected by `tag:x` (lake run/test/graph/lint). */
  tags: z.array(z.string()).default([]),
  schedule: scheduleExpression.optional(),
  materialized: z.enum(MATERIALIZATIONS).optional(),
  partitioned_by: z.array(identifier).default([]),
  /** dbt-athena's name: `hive` (external table over files, the default) or `iceberg` (takes MERGE). */
  table_type: z.enum(TABLE_TYPES).optional(),
  /** File format of a Hive table's data. */
  format: z.enum(['parquet', 'json']).optional(),
  /** `s3://…` prefix of the table's files (variables allowed). Default: s3://<lake_bucket>/curated/<database>/<name>/. */
  external_location: z.string().optional(),
  /** How an incremental run writes: replace the partitions it holds, upsert on unique_key (Iceberg), or insert. */
  incremental_strategy: z.enum(INCREMENTAL_STRATEGIES).optional(),
  /** Columns identifying a row: the upsert key of incremental_strategy: merge; the entity key of scd2. */
  unique_key: z.array(identifier).min(1).optional(),
  /** scd2: the column that orders a key's versions; it becomes the version's valid_from. */
  updated_at: identifier.optional(),
  /** scd2: a new version starts when one of these columns changes (check strategy); default: when updated_at does. */
  check_cols: z.array(identifier).min(1).optional(),
  /** Period one run covers: `${period_start}`/`${period_end}` bound per run. */
  period: z.enum(['hour', 'day']).optional(),
  retries: z.number().int().min(0).max(10).optional(),
  alert: AlertSectionSchema.optional(),
  /** Data contract of the table: schema, keys, not-null, accepted values, freshness… (src/project/contract.ts). */
  contract: ContractSchema.optional(),
  serve: ServeSchema.optional(),
  /** Service level objectives of a model (lake slo; CloudWatch alarms on AWS). */
  slo: SloSchema.optional(),
};

type Field = keyof typeof FIELDS;

/** The flat view every consumer reads; a file's header only ever holds the keys its kind accepts. */
export type Header = z.output<z.ZodObject<typeof FIELDS>>;
export type AlertSection = z.infer<typeof AlertSectionSchema>;
export type ServeSection = z.infer<typeof ServeSchema>;
export type SloSection = z.infer<typeof SloSchema>;

const COMMON = ['name', 'database', 'description', 'owner', 'tags'] as const satisfies readonly Field[];
const MODEL_COMMON = [...COMMON, 'materialized', 'schedule', 'period', 'retries', 'contract', 'serve', 'slo'] as const satisfies readonly Field[];

/** The keys each file kind, and each model materialization, accepts. */
export const HEADER_KEYS = {
  ddl: [...COMMON, 'contract'],
  alert: [...COMMON, 'schedule', 'alert'],
  dashboard: [...COMMON, 'materialized', 'contract'],
  model: {
    view: MODEL_COMMON,
    table: [...MODEL_COMMON, 'partitioned_by', 'format', 'external_location'],
    incremental: [...MODEL_COMMON, 'incremental_strategy', 'table_type', 'partitioned_by', 'format', 'external_location', 'unique_key'],
    /** A MERGE or INSERT statement written by hand into a table a ddl file creates. */
    merge: MODEL_COMMON,
    /** SCD type 2 (src/pipeline/materialize/scd2.ts): the file is the source query; unique_key and updated_at required. */
    scd2: [...MODEL_COMMON, 'unique_key', 'updated_at', 'check_cols', 'external_location'],
  },
} as const satisfies { ddl: readonly Field[]; alert: readonly Field[]; dashboard: readonly Field[]; model: Record<Materialization, readonly Field[]> };

/** A strict object of some of FIELDS' validators: what it accepts is a part of Header, typed as such. */
type HeaderPart = z.ZodType<Partial<Header>>;
const strictPick = (keys: readonly Field[], overrides: z.core.$ZodLooseShape = {}): z.ZodObject & HeaderPart =>
  z.object({ ...Object.fromEntries(keys.map((k) => [k, FIELDS[k]])), ...overrides }).strict() as z.ZodObject & HeaderPart;

/** Rules between keys of an incremental model: each key the header holds must change what the run does. */
function checkIncremental(header: Header, ctx: z.core.$RefinementCtx): void {
  const tableType = header.table_type ?? 'hive';
  const strategy = header.incremental_strategy ?? 'insert_overwrite';
  const issue = (key: Field, message: string) => ctx.addIssue({ code: 'custom', path: [key], message });
  const strategyKey: Field = header.incremental_strategy ? 'incremental_strategy' : header.table_type ? 'table_type' : 'materialized';
  if (strategy === 'insert_overwrite') {
    if (tableType === 'iceberg')
      issue(strategyKey, 'insert_overwrite replaces Hive partition folders; an Iceberg table takes incremental_strategy: merge or append');
    else if (header.partitioned_by.length === 0)
      issue(strategyKey, 'insert_overwrite replaces the partitions a run writes: it needs partitioned_by (or incremental_strategy: append)');
  }
  if (strategy === 'merge') {
    if (tableType !== 'iceberg') issue(strategyKey, 'merge upserts with MERGE, which Athena runs only on Iceberg tables: add table_type: iceberg');
    if (!header.unique_key) issue(strategyKey, 'merge upserts on unique_key: name the key columns (unique_key: [id])');
  }
  if (header.unique_key && strategy !== 'merge') issue('unique_key', 'unique_key is the upsert key of incremental_strategy: merge');
  if (tableType === 'iceberg' && header.format) issue('format', 'format is the file format of a Hive table; Iceberg tables are written as Parquet');
  if (tableType === 'iceberg' && header.partitioned_by.length > 0)
    issue('partitioned_by', 'partitioned_by is not supported for Iceberg models yet (Hive tables only)');
}

/** An scd2 model names its entity key and the column that orders its versions. */
function checkScd2(header: Header, ctx: z.core.$RefinementCtx): void {
  const missing = (['unique_key', 'updated_at'] as const).filter((k) => header[k] === undefined);
  if (missing.length > 0)
    ctx.addIssue({
      code: 'custom',
      path: ['materialized'],
      message: `scd2 needs ${missing.join(' and ')} (e.g. unique_key: [customer_id], updated_at: updated_at)`,
    });
}

const REFINEMENTS: Partial<Record<Materialization, (header: Header, ctx: z.core.$RefinementCtx) => void>> = { incremental: checkIncremental, scd2: checkScd2 };

const modelSchema = (materialized: Materialization): HeaderPart => {
  const schema = strictPick(HEADER_KEYS.model[materialized]);
  const refine = REFINEMENTS[materialized];
  return refine ? schema.superRefine((h, ctx) => refine({ tags: [], partitioned_by: [], ...(h as Partial<Header>) }, ctx)) : schema;
};

/** One schema per file kind; models one per materialization (a missing `materialized` is `table`). */
export const HEADER_SCHEMAS = {
  ddl: strictPick(HEADER_KEYS.ddl),
  alert: strictPick(HEADER_KEYS.alert),
  dashboard: strictPick(HEADER_KEYS.dashboard, { materialized: z.enum(['view', 'table']).optional() }),
  model: Object.fromEntries(MATERIALIZATIONS.map((m) => [m, modelSchema(m)])) as Record<Materialization, HeaderPart>,
};

/** Where a key is accepted, for the hint of a key a file does not take (`alert` in a model, `unique_key` in a table). */
export function whereKeyBelongs(key: string): string | undefined {
  const places: string[] = [];
  for (const kind of ['ddl', 'alert', 'dashboard'] as const) if ((HEADER_KEYS[kind] as readonly string[]).includes(key)) places.push(`${kind} files`);
  const materializations = MATERIALIZATIONS.filter((m) => (HEADER_KEYS.model[m] as readonly string[]).includes(key));
  if (materializations.length === MATERIALIZATIONS.length) places.push('models');
  else if (materializations.length > 0) places.push(`models with materialized: ${materializations.join(' or ')}`);
  return places.length > 0 ? `'${key}' applies to ${places.join(', ')}` : undefined;
}

/** Keys of the old flat header, renamed after dbt-athena's names. */
export const RENAMED_KEYS: Readonly<Record<string, string>> = { location: 'external_location' };
