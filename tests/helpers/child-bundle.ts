import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { build } from 'esbuild';

/**
 * A test's child-process script, bundled to one ESM file that a plain `node` runs. Its packages stay external, so the
 * bundle lives inside the project (node_modules/.cache) for Node to resolve them from the project's node_modules.
 */
export interface ChildBundle {
  /** The bundled script, to pass to `spawn(process.execPath, [file, …])`. */
  file: string;
  remove(): void;
}

export async function bundleChild(entry: string): Promise<ChildBundle> {
  const cache = join(import.meta.dirname, '..', '..', 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const name = basename(entry).replace(/\.ts$/, '');
  const dir = mkdtempSync(join(cache, `${name}-`));
  await build({
    entryPoints: [resolve(entry)],
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  return { file: join(dir, `${name}.mjs`), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
