// What commands share: the project (if any) around the working directory and the engine built from options.
import { resolve } from 'node:path';
import { findProjectRoot, lakeRootOf, loadConfig, type LoadedConfig } from '../project/config.js';
import { AthenaLocalEngine } from '../engines/local/engine.js';
import { CliError } from './errors.js';
import type { Engine } from '../engines/engine.js';
import { engineTarget, openTrinoEngine, type EngineFlags } from './engine-choice.js';
import type { Io } from './io.js';

export function projectAt(io: Io): LoadedConfig | undefined {
  const root = findProjectRoot(io.cwd);
  return root ? loadConfig(root) : undefined;
}

export interface EngineOptions {
  lake?: string;
  database?: string;
  /** The command, named to other processes that wait for this one (`lake sql`). */
  command?: string;
}

/** How long a command waits for another process's hold on the lake: `LAKE_WAIT_SECONDS`, default 120. */
export function lakeWaitMs(): number {
  const seconds = Number(process.env.LAKE_WAIT_SECONDS ?? 120);
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new CliError(`LAKE_WAIT_SECONDS must be a number of seconds ≥ 0 (got '${process.env.LAKE_WAIT_SECONDS}')`);
  return seconds * 1000;
}

/** What every local engine of a command shares with other processes on the lake: its name, the wait bound, stderr. */
export const lakeSharing = (io: Io, command: string) => ({ command, waitMs: lakeWaitMs(), onWait: (message: string) => io.stderr(`${message}\n`) });

/** The local engine over `--lake` or the project's lake folder (or `./.lake` outside a project). */
export async function openLocalEngine(io: Io, options: EngineOptions): Promise<{ engine: AthenaLocalEngine; database: string }> {
  const project = projectAt(io);
  const lakeRoot = options.lake ? resolve(io.cwd, options.lake) : project ? lakeRootOf(project) : resolve(io.cwd, '.lake');
  const database = options.database ?? project?.config.database ?? 'default';
  const engine = await AthenaLocalEngine.open({ lakeRoot, database, ...lakeSharing(io, options.command ?? 'lake') });
  return { engine, database };
}

/** The engine `--engine`/`--trino-url` (or the default stage's `engine:`) chose; the local engine by default. */
export async function openEngine(io: Io, options: EngineOptions & EngineFlags): Promise<{ engine: Engine; database: string }> {
  const project = projectAt(io);
  const target = engineTarget(options, project?.config.stages[project.config.default_stage]?.engine);
  if (target.kind === 'local') return openLocalEngine(io, options);
  const database = options.database ?? project?.config.database ?? 'default';
  return { engine: openTrinoEngine(target, database), database };
}
