// First half of `npm run test:trino`: the dialect tests as they are, on the local engine only, recording their
// queries (record-setup.ts) for the oracle to replay on Trino. `npm test` records the same way as it runs them; when
// its recording is whole and the sources have not changed since (recorded.ts recordingIsCurrent), it is replayed as
// it is and the dialect tests do not run a second time.
import { defineConfig } from 'vitest/config';
import { RECORDED_TESTS, recordedQueries, recordingIsCurrent, startRecording } from './recorded.js';

const reuse = recordingIsCurrent();
if (reuse) console.error(`test:trino: replaying npm test's recording of ${recordedQueries().length} queries (sources unchanged since)`);
else startRecording();

export default defineConfig({
  test: {
    include: reuse ? [] : [`${RECORDED_TESTS}/**/*.test.ts`],
    passWithNoTests: reuse,
    setupFiles: ['tests/trino/record-setup.ts'],
    globalSetup: ['tests/trino/record-global-setup.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    deps: { optimizer: { ssr: { enabled: true, include: ['dt-sql-parser'] } } },
  },
});
