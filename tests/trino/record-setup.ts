// Setup file of every run of the dialect tests (vitest.config.ts for `npm test`, record.config.ts for `npm run
// test:trino`): every query a dialect test runs on the local engine is appended to the recording (recorded.ts), so the oracle can run
// the same SQL on Trino without those tests knowing about it. Other test files are left alone.
import { relative } from 'node:path';
import { expect } from 'vitest';
import type { AthenaLocalEngine as Engine } from '../../src/engines/local/engine.js';
import { RECORDED_TESTS, recordLine } from './recorded.js';

const testPath = expect.getState().testPath ?? '';
if (relative(process.cwd(), testPath).startsWith(`${RECORDED_TESTS}/`)) {
  const { AthenaLocalEngine } = await import('../../src/engines/local/engine.js');
  const execute = AthenaLocalEngine.prototype.execute;
  const QUERY = /^\s*(?:--[^\n]*\n\s*)*(?:SELECT|WITH|VALUES)\b/i;
  recordLine({ started: testPath });
  AthenaLocalEngine.prototype.execute = function recordingExecute(this: Engine, sql, options) {
    if (QUERY.test(sql)) recordLine({ sql, file: testPath });
    return execute.call(this, sql, options);
  };
}
