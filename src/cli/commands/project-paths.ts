// Shared by lint, fmt and graph: the project around the working directory and paths given on the command line.
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { findProjectRoot } from '../../project/config.js';
import { CliError, EXIT_CRASH } from '../errors.js';
import type { Io } from '../io.js';

export function requireProjectRoot(io: Io): string {
  const root = findProjectRoot(io.cwd);
  if (!root) {
    throw new CliError(`no lakehouse.yaml in ${io.cwd} or any folder above it`, {
      hint: 'run the command inside a project (the folder holding lakehouse.yaml, or below it)',
      exitCode: EXIT_CRASH,
    });
  }
  return root;
}

/** Command-line paths (relative to the working directory) as posix paths relative to `root`. */
export function projectRelativePaths(io: Io, root: string, paths: string[]): string[] {
  return paths.map((path) => {
    const absolute = resolve(io.cwd, path);
    if (!existsSync(absolute)) {
      // `lake lint p1_kpis` reads like `lake run p1_kpis`: say how to pick files by name or selector.
      throw new CliError(`no such file or folder: ${path}`, {
        hint: `paths name files or folders; to pick models, views or alerts by name or selector use --select ${path}`,
        exitCode: EXIT_CRASH,
      });
    }
    const rel = relative(root, absolute);
    if (rel.startsWith('..') || isAbsolute(rel)) {
      throw new CliError(`${path} is outside the project at ${root}`, { hint: 'give paths under the project folder', exitCode: EXIT_CRASH });
    }
    return rel.split(sep).join('/');
  });
}
