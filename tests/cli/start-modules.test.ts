// Cold start (issue 18: `lake sql -e "SELECT 1"` < 0.5 s of CPU) is mostly module loading. The CLI's pure-JavaScript
// dependencies are bundled into dist/ (scripts/esbuild-options.mjs): loaded from node_modules they were ~350 files
// (zod's every locale, yaml's and @duckdb/node-api's CommonJS modules, each resolved, read and scanned by Node's
// CommonJS export lexer), ~0.2 s of CPU per start. What counts here is which files a start loads, not how long it takes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '..', '..');

/** Runs `lake <args>` (the bundle tests/global-setup.ts built) and lists every module file it loaded, ESM and CommonJS. */
function modulesLoadedBy(args: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'lake-start-modules-'));
  const log = join(dir, 'modules.txt');
  const hooks = join(dir, 'hooks.mjs');
  // The loader hooks run on their own thread: each module they load is appended to the log file.
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';\n` +
      `export async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }\n`,
  );
  const preload = join(dir, 'preload.mjs');
  writeFileSync(
    preload,
    `import { appendFileSync } from 'node:fs';\nimport { createRequire, register } from 'node:module';\n` +
      `register(${JSON.stringify(pathToFileURL(hooks).href)});\n` +
      // require() calls inside CommonJS modules bypass the ESM hooks: read Node's CommonJS cache at exit.
      `const cjs = createRequire(import.meta.url)('node:module')._cache;\n` +
      `process.on('exit', () => appendFileSync(${JSON.stringify(log)}, Object.keys(cjs).join('\\n') + '\\n'));\n`,
  );
  const child = spawnSync(process.execPath, ['--import', pathToFileURL(preload).href, join(REPO, 'bin', 'lake.js'), ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => line !== '');
}

const packageOf = (file: string): string | undefined => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file.replaceAll('\\', '/'))?.[1];

describe('what a CLI start loads', () => {
  it('lake sql -e "SELECT 1" loads no JavaScript package from node_modules but the loader of DuckDB’s native module', () => {
    const files = modulesLoadedBy(['sql', '--lake', '.lake', '-e', 'SELECT 1']);
    // The command really ran DuckDB: its native binding was loaded.
    expect(files.some((f) => f.endsWith('duckdb.node'))).toBe(true);
    const packages = [...new Set(files.map(packageOf).filter((p) => p !== undefined))].sort();
    // @duckdb/node-bindings (and detect-libc, which it asks for the C library) find the platform's duckdb.node by
    // require(): they stay external, as every native package does.
    const nativeLoader = (p: string) => p === 'detect-libc' || p.startsWith('@duckdb/node-bindings');
    expect(packages.filter((p) => !nativeLoader(p))).toEqual([]);
    expect(packages).toContain('@duckdb/node-bindings');
  });
});

describe('what the bundle carries', () => {
  // `import { z } from 'zod'` binds zod's whole namespace, locales included (~540 KB of the ~2.6 MB an hourly `lake
  // run` compiles, ~20 ms of CPU per process); `import * as z` lets esbuild keep only what is used.
  it('the project loader bundles no zod locale but English', async () => {
    const { nodeBundleOptions } = (await import('../../scripts/esbuild-options.mjs' as string)) as { nodeBundleOptions: Parameters<typeof build>[0] };
    const result = await build({
      ...nodeBundleOptions,
      entryPoints: [join(REPO, 'src', 'project', 'loader.ts')],
      write: false,
      metafile: true,
      outdir: 'unused',
    });
    // Files esbuild resolved but dropped by tree-shaking are listed too, with nothing in the output.
    const inputs = Object.values(result.metafile.outputs).flatMap((output) =>
      Object.entries(output.inputs)
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([file]) => file),
    );
    expect(inputs.some((file) => file.includes('node_modules/zod/'))).toBe(true);
    expect(inputs.filter((file) => /node_modules\/zod\/.*\/locales\/(?!en\.js)/.test(file))).toEqual([]);
  });

  // A scheduled `lake run` evaluates its alerts: a console or file channel needs no AWS SDK, whose modules (~0.7 MB of
  // CommonJS, ~50 ms of CPU per process to load) were imported by the notifiers' module whatever the channels.
  it('lake run imports no AWS SDK package until a channel needs it', async () => {
    const { nodeBundleOptions } = (await import('../../scripts/esbuild-options.mjs' as string)) as { nodeBundleOptions: Parameters<typeof build>[0] };
    const result = await build({
      ...nodeBundleOptions,
      entryPoints: [join(REPO, 'src', 'cli', 'commands', 'run-pipeline.ts')],
      write: false,
      metafile: true,
      outdir: 'unused',
    });
    const imports = Object.values(result.metafile.outputs).flatMap((output) => output.imports);
    const sdk = imports.filter((i) => i.external && i.path.startsWith('@aws-sdk/'));
    expect(sdk.map((i) => i.path)).toContain('@aws-sdk/client-sns');
    expect(sdk.filter((i) => i.kind !== 'dynamic-import')).toEqual([]);
  });
});
