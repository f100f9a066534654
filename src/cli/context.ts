// What commands share: the project (if any) around the working directory and the engine built from options.
import { resolve } from 'node:path';
import { findProjectRoot, lakeRootOf, loadConfig, type LoadedConfig } from '../project/config.js';
import { AthenaLocalEngine } from '../dialect/local-engine.js';
import type { Io } from './io.js';

export function projectAt(io: Io): LoadedConfig | undefined {
  const root = findProjectRoot(io.cwd);
  return root ? loadConfig(root) : undefined;
}

export interface EngineOptions {
  lake?: string;
  database?: string;
}

/** The local engine over `--lake` or the project's lake folder (or `./.lake` outside a project). */
export async function openLocalEngine(io: Io, options: EngineOptions): Promise<{ engine: AthenaLocalEngine; database: string }> {
  const project = projectAt(io);
  const lakeRoot = options.lake ? resolve(io.cwd, options.lake) : project ? lakeRootOf(project) : resolve(io.cwd, '.lake');
  const database = options.database ?? project?.config.database ?? 'default';
  const engine = await AthenaLocalEngine.open({ lakeRoot, database });
  return { engine, database };
}
