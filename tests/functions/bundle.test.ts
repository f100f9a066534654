// Lambda handlers bundle without the local engine: @duckdb/node-api is a native module, deployed only to the functions
// that write Parquet or read CSV with it (installed next to the bundle, never bundled), and dt-sql-parser (lint only)
// would add megabytes. Bundled here with esbuild as SST does (DuckDB external, as `nodejs.install` makes it), then the
// inputs checked.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { DUCKDB_PACKAGES } from '../../stacks/lib/lake-function.js';

const root = join(import.meta.dirname, '../..');
const handlers = readdirSync(join(root, 'functions')).filter((f) => f.endsWith('.ts'));
/** Handlers whose stacks set `duckdb: true` (stacks/lib/lake-function.ts). */
const DUCKDB_HANDLERS = new Set(['consumer.ts', 'p2-validate.ts']);

async function bundle(file: string) {
  const result = await build({
    entryPoints: [join(root, 'functions', file)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    write: false,
    metafile: true,
    outdir: '/tmp/lakehouse-bundle-check',
    logLevel: 'silent',
    external: DUCKDB_PACKAGES,
  });
  const inputs = Object.keys(result.metafile.inputs);
  const imports = Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
  return { inputs, imports };
}

describe('function bundles', () => {
  it('finds the handlers', () => {
    expect(handlers).toEqual(
      expect.arrayContaining([
        'run-sql.ts',
        'evaluate-alert.ts',
        'feature-job.ts',
        'producer.ts',
        'consumer.ts',
        'p2-trigger.ts',
        'p2-threshold.ts',
        'p2-validate.ts',
        'p2-transform.ts',
        'p2-release-lock.ts',
        'p2-failure.ts',
        'dashboards.ts',
      ]),
    );
  });

  it.each(handlers.filter((f) => !DUCKDB_HANDLERS.has(f)))('%s pulls in no local-engine or lint-only package', async (file) => {
    const { inputs, imports } = await bundle(file);
    expect(inputs.some((i) => i.startsWith('src/'))).toBe(true);
    expect(inputs.filter((i) => /node_modules\/(@duckdb|dt-sql-parser)\//.test(i) || i.includes('src/engines/duckdb/'))).toEqual([]);
    expect(imports.filter((i) => i.startsWith('@duckdb/'))).toEqual([]);
  });

  it.each([...DUCKDB_HANDLERS].filter((f) => handlers.includes(f)))(
    '%s imports DuckDB from its installed node_modules, bundling no DuckDB or lint code',
    async (file) => {
      const { inputs, imports } = await bundle(file);
      expect(imports).toContain('@duckdb/node-api');
      expect(inputs.filter((i) => /node_modules\/(@duckdb|dt-sql-parser)\//.test(i))).toEqual([]);
    },
  );
});
