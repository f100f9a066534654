// Bundles the CLI into dist/lake.js: one file loads faster than hundreds of ES modules, and bundling resolves
// dependencies whose ESM builds use directory imports. Native and AWS packages stay external.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/lake.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  packages: 'external',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __lakeCreateRequire } from 'node:module'; const require = __lakeCreateRequire(import.meta.url);" },
});
