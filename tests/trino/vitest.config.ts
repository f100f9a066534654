// `npm run test:trino`: the differential tier. Separate from vitest.config.ts so `npm test` never needs Java; its
// files end in .trino.ts so the default config never picks them up.
import { basename } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files in the order the two forks take them, longest first (docs/performance.md, "the Trino oracle tier's wall
 * time"): each fork takes the next file when it finishes one, so the short ones at the end even out the two forks.
 * vitest's own order (by duration of a cached earlier run, else by file size) started the replay, the longest part,
 * after the example pipeline on a fresh clone.
 */
const ORDER = [
  'random-expressions',
  'dialect-replay-1',
  'dialect-replay-2',
  'dialect-replay-3',
  'example-run',
  'example-project',
  'table-swap',
  'show-functions',
];
const rank = (spec: TestSpecification): number => {
  const i = ORDER.indexOf(basename(spec.moduleId).replace(/\.trino\.ts$/, ''));
  return i === -1 ? ORDER.length : i;
};
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ['tests/trino/**/*.trino.ts'],
    // One test per part, minutes long: 3000 random expressions took 10 min at load average 30 on 2 cores (docs/trino-oracle.md).
    testTimeout: 1_800_000,
    hookTimeout: 600_000,
    pool: 'forks',
    // minForks 2, not 1: each file gets a fresh fork (isolate), and tinypool replaces a finished one only while fewer
    // forks exist than files wait (its _ensureEnoughWorkersForTaskQueue), so with minForks 1 the last waiting file
    // waited for the busy fork while the other core's fork was gone (measured: docs/performance.md, "the Trino oracle
    // tier's wall time"); minForks 2 keeps two forks to the end.
    poolOptions: { forks: { maxForks: 2, minForks: 2 } },
    sequence: { sequencer: LongestFirst },
    reporters: ['default', './tests/trino/timing-reporter.ts'],
    globalSetup: ['tests/trino/global-setup.ts'],
    deps: { optimizer: { ssr: { enabled: true, include: ['dt-sql-parser'] } } },
  },
});
