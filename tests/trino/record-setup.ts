// Setup file of every run of the dialect tests (vitest.config.ts for `npm test`, record.config.ts for `npm run
// test:trino`): every query a dialect test runs on the local engine is appended to the recording (recorded.ts), so the oracle can run
// the same SQL on Trino without those tests knowing about it. Other test files are left alone. The engine's `execute`
// is wrapped once per module instance and reads the running file at each call, so the recording stays right if test
// files ever share modules (vitest's `isolate: false`, measured in docs/performance.md, "CI time"): no wrapper on
// wrapper, no query filed under an earlier file, none recorded for a file outside tests/dialect.
import { relative } from 'node:path';
import { expect } from 'vitest';
import type { AthenaLocalEngine as Engine } from '../../src/engines/local/engine.js';
import { RECORDED_TESTS, recordLine } from './recorded.js';

const recorded = (testPath: string | undefined): testPath is string =>
  testPath !== undefined && relative(process.cwd(), testPath).startsWith(`${RECORDED_TESTS}/`);

const testPath = expect.getState().testPath;
if (recorded(testPath)) {
  const { AthenaLocalEngine } = await import('../../src/engines/local/engine.js');
  recordLine({ started: testPath });
  const WRAPPED = Symbol.for('lake.recordingExecute');
  const prototype = AthenaLocalEngine.prototype as Engine & { [WRAPPED]?: true };
  if (!prototype[WRAPPED]) {
    const execute = prototype.execute;
    const QUERY = /^\s*(?:--[^\n]*\n\s*)*(?:SELECT|WITH|VALUES)\b/i;
    prototype.execute = function recordingExecute(this: Engine, sql, options) {
      const file = expect.getState().testPath;
      if (recorded(file) && QUERY.test(sql)) recordLine({ sql, file });
      return execute.call(this, sql, options);
    };
    prototype[WRAPPED] = true;
  }
}
