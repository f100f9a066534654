// Setup file of the recording run (record.config.ts): every query the dialect tests run on the local engine is
// appended to RECORDED_SQL, so the oracle can run the same SQL on Trino without those tests knowing about it.
import { appendFileSync } from 'node:fs';
import { expect } from 'vitest';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { RECORDED_SQL } from './recorded.js';

const execute = AthenaLocalEngine.prototype.execute;
const QUERY = /^\s*(?:--[^\n]*\n\s*)*(?:SELECT|WITH|VALUES)\b/i;

AthenaLocalEngine.prototype.execute = function recordingExecute(this: AthenaLocalEngine, sql, options) {
  if (QUERY.test(sql)) appendFileSync(RECORDED_SQL, `${JSON.stringify({ sql, file: expect.getState().testPath ?? '' })}\n`);
  return execute.call(this, sql, options);
};
