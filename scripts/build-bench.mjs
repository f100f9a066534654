// Bundles the benchmark (bench/index.ts) into dist/bench.js for `npm run bench`, the way scripts/build.mjs bundles the
// CLI: one file, native and AWS packages external, dt-sql-parser bundled. It sits beside dist/check-worker.js, so
// `lake lint`'s worker threads are used by the bench as they are by the CLI.
import { build } from 'esbuild';
import { nodeBundleOptions } from './esbuild-options.mjs';

await build({ ...nodeBundleOptions, entryPoints: { bench: 'bench/index.ts' } });
