// esbuild settings shared by the CLI bundle (scripts/build.mjs) and the benchmark bundle (scripts/build-bench.mjs).

// Bundled although packages are otherwise external: dt-sql-parser's ESM build uses directory imports that plain Node
// rejects (it is used by `lake lint` only; a devDependency is enough because the bundle is built at `npm ci`). The
// pure-JavaScript packages every command loads are bundled too: from node_modules they were ~350 module files per
// start (zod's every locale, yaml's and @duckdb/node-api's CommonJS files, each resolved, read and scanned for its
// exports), ~0.2 s of CPU of `lake sql -e "SELECT 1"` (issue 18; tests/cli/start-modules.test.ts). Native packages
// (@duckdb/node-bindings finds its platform's duckdb.node by require) and the AWS SDK stay external.
const BUNDLED_PACKAGES = /^(dt-sql-parser|antlr4ng|antlr4-c3|zod|yaml|@duckdb\/node-api|commander|lossless-json)(\/|$)/;

const externalPackages = {
  name: 'external-packages',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, (args) => (BUNDLED_PACKAGES.test(args.path) ? undefined : { path: args.path, external: true }));
  },
};

/** Node ESM output with native and AWS packages external and a `require` for bundled CommonJS code. */
export const nodeBundleOptions = {
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  plugins: [externalPackages],
  logLevel: 'warning',
  banner: { js: "import { createRequire as __lakeCreateRequire } from 'node:module'; const require = __lakeCreateRequire(import.meta.url);" },
};

/** The dashboard page script (src/dashboards/site/browser-entry.ts) as one browser IIFE: dist/dashboard.js. */
export const dashboardPageOptions = {
  entryPoints: { dashboard: 'src/dashboards/site/browser-entry.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: ['chrome110', 'firefox110', 'safari16'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
};
