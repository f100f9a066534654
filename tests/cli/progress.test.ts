// On a terminal the run draws a progress bar; console notices (alerts) printed during the run go above the bar
// through its log, never over it. Without a terminal there is no bar and they go to stdout in order.
import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../src/cli/progress.js';
import { captureIo } from '../helpers/io.js';

const record = {
  run_id: 'r',
  step: 'lakehouse.m',
  kind: 'model',
  node: 'lakehouse.m',
  file: 'sql/transforms/m.sql',
  period_start: null,
  period_end: null,
  status: 'success',
  attempts: 1,
  rows_written: 3,
  bytes_scanned: null,
  duration_ms: 5,
  started_at: '',
  finished_at: '',
  error: null,
} as const;

describe('progress display', () => {
  it('on a terminal, print writes through the bar (above it), not to stdout under it; the bar draws on Io’s stderr', async () => {
    const io = Object.assign(captureIo('/'), { isTTY: true, columns: 120 });
    const progress = progressReporter(io);
    progress.runStarted({ runId: 'r', steps: 1 });
    progress.print('[CRITICAL] p1_negative_interactions: 11 negative interactions\n');
    progress.stepFinished({ ...record });
    progress.runFinished({ runId: 'r', records: [] });
    expect(io.out).toBe('run r: 1 steps\n');
    expect(io.err).toContain('[CRITICAL] p1_negative_interactions: 11 negative interactions\n');
    expect(io.err).toMatch(/1\/1 steps \| 3 rows/);
  });

  it('without a terminal, print writes to stdout in order', () => {
    const io = captureIo('/');
    const progress = progressReporter(io);
    progress.runStarted({ runId: 'r', steps: 1 });
    progress.print('notice\n');
    progress.stepFinished({ ...record });
    expect(io.out).toBe('run r: 1 steps\nnotice\nok   model     lakehouse.m 3 rows 0.01s\n');
  });
});
