// Bundles the benchmark (bench/index.ts) into dist/bench.js for `npm run bench`, the way scripts/build.mjs bundles the
// CLI: one file, native and AWS packages external, dt-sql-parser bundled. It sits beside dist/check-worker.js, so
// `lake lint`'s worker threads are used by the bench as they are by the CLI.
import { build } from 'esbuild';

const BUNDLED_PACKAGES = /^(dt-sql-parser|antlr4ng|antlr4-c3)(\/|$)/;
const externalPackages = {
  name: 'external-packages',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, (args) => (BUNDLED_PACKAGES.test(args.path) ? undefined : { path: args.path, external: true }));
  },
};

await build({
  entryPoints: { bench: 'bench/index.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  plugins: [externalPackages],
  logLevel: 'warning',
  banner: { js: "import { createRequire as __lakeCreateRequire } from 'node:module'; const require = __lakeCreateRequire(import.meta.url);" },
});
