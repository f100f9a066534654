import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // DuckDB is native and multi-threaded; two forks match the two cores of the target machine.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    globalSetup: ['tests/global-setup.ts'],
    // Records the dialect tests' queries for `npm run test:trino` (tests/trino/recorded.ts), which then need not run them again.
    setupFiles: ['tests/trino/record-setup.ts'],
    // dt-sql-parser ships hundreds of ESM files with directory imports; pre-bundling it once (cached in
    // node_modules/.vite) loads it in ~0.3 s per test file instead of ~8 s of per-file transforms.
    deps: { optimizer: { ssr: { enabled: true, include: ['dt-sql-parser'] } } },
  },
});
