// First half of `npm run test:trino`: the dialect tests as they are, on the local engine only, recording their
// queries (record-setup.ts) for the oracle to replay on Trino.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { defineConfig } from 'vitest/config';
import { RECORDED_SQL } from './recorded.js';

mkdirSync(dirname(RECORDED_SQL), { recursive: true });
rmSync(RECORDED_SQL, { force: true });

export default defineConfig({
  test: {
    include: ['tests/dialect/**/*.test.ts'],
    setupFiles: ['tests/trino/record-setup.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    deps: { optimizer: { ssr: { enabled: true, include: ['dt-sql-parser'] } } },
  },
});
