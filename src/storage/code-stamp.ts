// What identifies the running code, for the caches kept between runs in a lake folder's .cache/ (lake test's table
// types, the local engine's translations): a cache written by other code is not read.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Sizes and modification times of the running code's files: the top folder of the package this module runs from
 * (`dist/` for the CLI, `src/` under vitest), so that editing the translator, not only a cache's own module, counts.
 */
export function codeStamp(): string {
  stamp ??= currentStamp();
  return stamp;
}

/** The code does not change under a running process: its stamp is taken once (three caches ask for it per run). */
let stamp: string | undefined;

function currentStamp(): string {
  const module = fileURLToPath(import.meta.url);
  let root = dirname(module);
  while (!statOf(join(root, 'package.json')) && dirname(root) !== root) root = dirname(root);
  const top = join(root, relative(root, module).split(sep)[0]);
  const stamps: string[] = [];
  for (const entry of readdirSync(top, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const stat = statOf(path);
    if (stat) stamps.push(`${relative(top, path)}\0${stat.size}\0${stat.mtimeMs}`);
  }
  return stamps.sort().join('\n');
}

function statOf(path: string): { size: number; mtimeMs: number } | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
