// Every Lambda handler bundles without the local engine: @duckdb/node-api is a native module that is not deployed,
// and dt-sql-parser (lint only) would add megabytes. Bundled here with esbuild as SST does, then the inputs checked.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const handlers = readdirSync(join(root, 'functions')).filter((f) => f.endsWith('.ts'));

describe('function bundles', () => {
  it('finds the handlers', () => {
    expect(handlers).toEqual(expect.arrayContaining(['run-sql.ts', 'evaluate-alert.ts']));
  });

  it.each(handlers)('%s pulls in no local-engine or lint-only package', async (file) => {
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
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((i) => i.startsWith('src/'))).toBe(true);
    expect(inputs.filter((i) => /node_modules\/(@duckdb|dt-sql-parser)\//.test(i) || i.includes('src/engines/duckdb/'))).toEqual([]);
  });
});
