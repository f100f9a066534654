import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The bundled worker script `name` beside the CLI bundle that `from` (an import.meta.url) is part of, if any. */
export function bundledWorkerScript(name: string, from: string): string | undefined {
  for (const candidate of [`./${name}`, `../${name}`]) {
    const path = fileURLToPath(new URL(candidate, from));
    if (existsSync(path)) return path;
  }
  return undefined;
}
