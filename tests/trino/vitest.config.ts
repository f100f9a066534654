// `npm run test:trino`: the differential tier. Separate from vitest.config.ts so `npm test` never needs Java; its
// files end in .trino.ts so the default config never picks them up.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/trino/**/*.trino.ts'],
    // One test per part, minutes long: 3000 random expressions took 10 min at load average 30 on 2 cores (docs/trino-oracle.md).
    testTimeout: 1_800_000,
    hookTimeout: 600_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    globalSetup: ['tests/trino/global-setup.ts'],
    deps: { optimizer: { ssr: { enabled: true, include: ['dt-sql-parser'] } } },
  },
});
