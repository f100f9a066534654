import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // DuckDB is native and multi-threaded; two forks match the two cores of the target machine (both kept: with
    // `minForks: 1` the pool may run the last files on one fork while a core idles; docs/performance.md, oracle41).
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 2 } },
    // One module graph per fork, not per file: evaluating src/ again for each of ~530 files cost ~0.6–0.9 s of CPU per
    // file (docs/performance.md, "CI time"). What a file changes outside its modules must be undone after it: a file
    // that mocks a module loads its modules again (vi.resetModules) and drops the mock after it, AWS client mocks are
    // restored after each file (tests/restore-aws-mocks.ts), and tests/trino/record-setup.ts wraps the engine once.
    isolate: false,
    globalSetup: ['tests/global-setup.ts'],
    // Records the dialect tests' queries for `npm run test:trino` (tests/trino/recorded.ts), which then need not run them again.
    setupFiles: ['tests/trino/record-setup.ts', 'tests/restore-aws-mocks.ts'],
    // dt-sql-parser ships hundreds of ESM files with directory imports; pre-bundling it once (cached in
    // node_modules/.vite) loads it in ~0.3 s per test file instead of ~8 s of per-file transforms.
    deps: { optimizer: { ssr: { enabled: true, include: ['dt-sql-parser'] } } },
  },
});
