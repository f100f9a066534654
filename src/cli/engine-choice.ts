// Which engine a command runs on: the local engine over the lake folder (default) or a Trino coordinator, chosen by
// `--engine trino` (URL from --trino-url or LAKE_TRINO_URL) or by the stage's `engine:` in lakehouse.yaml. One place,
// so `lake sql`, `lake test` and `lake run` agree.
import type { Engine } from '../engines/engine.js';
import { TrinoEngine } from '../engines/trino/index.js';
import type { StageEngine } from '../project/config.js';
import { CliError, EXIT_CRASH } from './errors.js';

export const ENGINE_KINDS = ['local', 'trino'] as const;
export type EngineKind = (typeof ENGINE_KINDS)[number];

export interface EngineFlags {
  engine?: EngineKind;
  trinoUrl?: string;
}

export type EngineTarget = { kind: 'local' } | { kind: 'trino'; url: string; catalog?: string; user?: string };

/**
 * The engine a command uses. Flags win over the stage's `engine:`; `--engine trino` without a URL takes LAKE_TRINO_URL,
 * then the stage's Trino URL.
 */
export function engineTarget(flags: EngineFlags, stageEngine: StageEngine | undefined, env: NodeJS.ProcessEnv = process.env): EngineTarget {
  const stageTrino = stageEngine?.type === 'trino' ? stageEngine : undefined;
  const kind = flags.engine ?? (flags.trinoUrl ? 'trino' : (stageEngine?.type ?? 'local'));
  if (kind === 'local') return { kind: 'local' };
  const url = flags.trinoUrl ?? env.LAKE_TRINO_URL ?? stageTrino?.url;
  if (!url) {
    throw new CliError(
      "--engine trino needs the URL of a Trino coordinator: give --trino-url URL, set LAKE_TRINO_URL, or set the stage's engine in lakehouse.yaml",
      {
        exitCode: EXIT_CRASH,
        hint: '`scripts/trino.sh start` starts a local Trino and prints its URL',
      },
    );
  }
  return { kind: 'trino', url, ...(stageTrino?.catalog ? { catalog: stageTrino.catalog } : {}), ...(stageTrino?.user ? { user: stageTrino.user } : {}) };
}

export function openTrinoEngine(target: Extract<EngineTarget, { kind: 'trino' }>, database: string): Engine {
  return new TrinoEngine({ url: target.url, database, ...(target.catalog ? { catalog: target.catalog } : {}), ...(target.user ? { user: target.user } : {}) });
}
