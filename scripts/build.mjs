// Bundles the CLI into dist/lake.js (+ dist/chunks/): a few files load faster than hundreds of ES modules, and
// bundling resolves dependencies whose ESM builds use directory imports. Native and AWS packages stay external.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { dashboardPageOptions, nodeBundleOptions } from './esbuild-options.mjs';

// Code split: commands are imported lazily, so each command's dependencies (DuckDB's native module, the ~3.5 MB SQL
// grammars) load only when that command runs; `lake --help` starts in ~0.1 s instead of ~0.5 s.
const result = await build({
  ...nodeBundleOptions,
  metafile: true,
  write: false,
  // The lint workers are entries of their own: `lake lint` starts them in worker threads on large projects.
  entryPoints: { lake: 'src/cli/main.ts', 'check-worker': 'src/lint/check-worker.ts', 'bind-worker': 'src/lint/bind-worker.ts' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});

// The dashboard page script: a browser bundle (one IIFE, no imports at run time) that `lake dashboard build|serve`
// copies into each site as assets/dashboard.js.
const page = await build({ ...dashboardPageOptions, write: false });
result.outputFiles.push(...page.outputFiles);

// Tests and other terminals rebuild while `lake` processes run: write each file atomically (temp + rename) and leave
// unchanged files alone, so a running process never loads a half-written chunk.
for (const file of result.outputFiles) {
  if (existsSync(file.path) && readFileSync(file.path).equals(file.contents)) continue;
  mkdirSync(dirname(file.path), { recursive: true });
  const temp = `${file.path}.${process.pid}.tmp`;
  writeFileSync(temp, file.contents);
  renameSync(temp, file.path);
}

// Chunk names carry a content hash; drop chunks of earlier builds, but only old ones, so a `lake` process started
// from the previous build can still load its lazy chunks.
const current = new Set(Object.keys(result.metafile.outputs).map((file) => file.replaceAll('\\', '/')));
for (const name of readdirSync('dist/chunks')) {
  if (name.endsWith('.tmp')) continue;
  const file = join('dist/chunks', name).replaceAll('\\', '/');
  if (!current.has(file) && Date.now() - statSync(file).mtimeMs > 10 * 60_000) rmSync(file);
}
