// The project file `lakehouse.yaml` at the project root: the one typed place for names, the local lake folder and
// per-stage variables.
import { LakeError } from '../errors.js';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import * as z from 'zod';
import { formatDiagnostic, type Diagnostic } from '../dialect/diagnostics.js';
import { closestNames } from './suggest.js';
import { yamlIssues } from './yaml-issues.js';

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

const StageSchema = z
  .object({
    variables: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
    engine: StageEngineSchema.optional(),
    /** The stage's monthly AWS cost budget (stacks/Budgets.ts): alerts at 80 % actual and 100 % forecast spend. */
    budget: z
      .object({ monthly_usd: z.number().positive('a budget is a positive amount of USD') })
      .strict()
      .default({ monthly_usd: DEFAULT_MONTHLY_BUDGET_USD }),
  })
  .strict();

/** Strict and snake_case like every other YAML key of the project: a misspelt key is an error, not a silent default. */
export const ProjectConfigSchema = z
  .object({
    name: z.string().default('lakehouse'),
    /** Default Athena database for unqualified table names. */
    database: z.string().default('default'),
    /** Local lake folder, relative to the project root. */
    lake: z.string().default('.lake'),
    /** SQL folder, relative to the project root. */
    sql: z.string().default('sql'),
    /** Stage used when none is given. */
    default_stage: z.string().default('local'),
    stages: z.record(z.string(), StageSchema).default({}),
  })
  .strict();

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

/** lakehouse.yaml is invalid: every problem at once, each at its line. */
export class ConfigError extends LakeError {
  override readonly name: string = 'ConfigError';
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
  }
}

const KEYS_AT: Readonly<Record<number, readonly string[]>> = {
  0: Object.keys(ProjectConfigSchema.shape),
  2: Object.keys(StageSchema.shape),
};

function configDiagnostics(text: string): { raw: unknown; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number | undefined) => (offset === undefined ? { line: 1, col: 1 } : lineCounter.linePos(offset));
  const error = (message: string, offset: number | undefined, hint?: string): Diagnostic => ({
    severity: 'error',
    rule: 'project/config',
    message,
    hint,
    file: PROJECT_FILE,
    ...at(offset),
  });
  if (doc.errors.length > 0) return { raw: {}, diagnostics: doc.errors.map((e) => error(`not valid YAML: ${e.message.split('\n')[0]}`, e.pos[0])) };
  const raw: unknown = doc.toJS() ?? {};
  const parsed = ProjectConfigSchema.safeParse(raw);
  if (parsed.success) return { raw, diagnostics: [] };
  const diagnostics = yamlIssues(parsed.error.issues, doc).map((issue) => {
    if (issue.kind === 'value') return error(`${issue.path.join('.') || '(root)'}: ${issue.message}${issue.got}`, issue.offset);
    const known = KEYS_AT[issue.parent.length] ?? [];
    const suggestion = closestNames(issue.key, known)[0];
    const hint = suggestion ? `did you mean '${suggestion}'?` : known.length > 0 ? `known keys: ${known.join(', ')}` : undefined;
    return error(`unknown key '${[...issue.parent, issue.key].join('.')}'`, issue.offset, hint);
  });
  return { raw, diagnostics: diagnostics.sort((a, b) => a.line - b.line || a.col - b.col) };
}

export function loadConfig(root: string): LoadedConfig {
  const file = join(root, PROJECT_FILE);
  const { raw, diagnostics } = configDiagnostics(existsSync(file) ? readFileSync(file, 'utf8') : '');
  if (diagnostics.length > 0) throw new ConfigError(diagnostics);
  return { root, config: ProjectConfigSchema.parse(raw) };
}

export const lakeRootOf = ({ root, config }: LoadedConfig): string => resolve(root, config.lake);
