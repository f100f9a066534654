// The project file `lakehouse.yaml` at the project root: the one typed place for names, the local lake folder and
// per-stage variables.
import { LakeError } from '../errors.js';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

export const PROJECT_FILE = 'lakehouse.yaml';

/**
 * The engine a stage runs on: the local engine (default) or a Trino coordinator (a self-hosted cluster, EMR, Starburst,
 * or the local one `scripts/trino.sh start` prints), e.g. `engine: { type: trino, url: http://127.0.0.1:8080 }`.
 */
const StageEngineSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('local') }).strict(),
  z
    .object({
      type: z.literal('trino'),
      url: z.string().regex(/^https?:\/\/\S+$/, 'expected an http:// or https:// URL'),
      /** Catalog of the project's databases (default: iceberg). */
      catalog: z.string().optional(),
      user: z.string().optional(),
    })
    .strict(),
]);

export type StageEngine = z.infer<typeof StageEngineSchema>;

/** Seed 002's cost envelope for a dev environment (< $100/month): the budget of a stage that declares none. */
export const DEFAULT_MONTHLY_BUDGET_USD = 100;

const StageSchema = z.object({
  variables: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  engine: StageEngineSchema.optional(),
  /** The stage's monthly AWS cost budget (stacks/Budgets.ts): alerts at 80 % actual and 100 % forecast spend. */
  budget: z
    .object({ monthly_usd: z.number().positive('a budget is a positive amount of USD') })
    .strict()
    .default({ monthly_usd: DEFAULT_MONTHLY_BUDGET_USD }),
});

export const ProjectConfigSchema = z.object({
  name: z.string().default('lakehouse'),
  /** Default Athena database for unqualified table names. */
  database: z.string().default('default'),
  /** Local lake folder, relative to the project root. */
  lake: z.string().default('.lake'),
  /** SQL folder, relative to the project root. */
  sql: z.string().default('sql'),
  /** Stage used when none is given. */
  defaultStage: z.string().default('local'),
  stages: z.record(z.string(), StageSchema).default({}),
});

export type ProjectConfig = z.infer<typeof ProjectConfigSchema>;

export interface LoadedConfig {
  root: string;
  config: ProjectConfig;
}

/** Walks up from `start` to the nearest folder holding lakehouse.yaml. */
export function findProjectRoot(start: string = process.cwd()): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, PROJECT_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export class ConfigError extends LakeError {
  override readonly name: string = 'ConfigError';
}

export function loadConfig(root: string): LoadedConfig {
  const file = join(root, PROJECT_FILE);
  const raw = existsSync(file) ? parse(readFileSync(file, 'utf8')) ?? {} : {};
  const parsed = ProjectConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return { root, config: parsed.data };
}

export const lakeRootOf = ({ root, config }: LoadedConfig): string => resolve(root, config.lake);
