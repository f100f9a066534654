import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { findProjectRoot, loadConfig } from '../../project/config.js';
import { formatSqlFile } from '../../project/format.js';
import { CliError, EXIT_CRASH, EXIT_FAILURE, EXIT_OK } from '../errors.js';
import type { Io } from '../io.js';

export interface FmtOptions {
  check?: boolean;
}

async function sqlFilesUnder(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new CliError(`no such file or folder: ${path}`, { exitCode: EXIT_CRASH });
  if (info.isFile()) return [path];
  const entries = await readdir(path, { recursive: true });
  return entries.filter((e) => e.endsWith('.sql')).map((e) => join(path, e));
}

export async function runFmt(paths: string[], options: FmtOptions, io: Io): Promise<number> {
  let targets = paths.map((p) => resolve(io.cwd, p));
  if (targets.length === 0) {
    const root = findProjectRoot(io.cwd);
    if (!root)
      throw new CliError('no paths given and no lakehouse.yaml here or above', {
        hint: 'run inside a project or name files: lake fmt FILE…',
        exitCode: EXIT_CRASH,
      });
    targets = [resolve(root, loadConfig(root).config.sql)];
  }
  const files = [...new Set((await Promise.all(targets.map(sqlFilesUnder))).flat())].sort();
  const changed: string[] = [];
  for (const file of files) {
    const shown = relative(io.cwd, file) || file;
    const original = await readFile(file, 'utf8');
    const { text, unformatted } = formatSqlFile(original);
    for (const u of unformatted) io.stderr(`${shown}:${u.line}: statement left as written: ${u.reason}\n`);
    if (text === original) continue;
    changed.push(shown);
    if (options.check) io.stdout(`would reformat ${shown}\n`);
    else {
      await writeFile(file, text);
      io.stdout(`formatted ${shown}\n`);
    }
  }
  const verb = options.check ? 'would be reformatted' : 'reformatted';
  io.stdout(`${changed.length} of ${files.length} file${files.length === 1 ? '' : 's'} ${verb}\n`);
  return options.check && changed.length > 0 ? EXIT_FAILURE : EXIT_OK;
}
