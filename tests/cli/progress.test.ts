// On a terminal the run draws a progress bar; console notices (alerts) printed during the run go above the bar
// through its log, never over it. Without a terminal there is no bar and they go to stdout in order.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../src/cli/progress.js';
import { captureIo } from '../helpers/io.js';

const record = { run_id: 'r', step: 'lakehouse.m', kind: 'model', node: 'lakehouse.m', file: 'sql/transforms/m.sql', period_start: null, period_end: null, status: 'success', attempts: 1, rows_written: 3, bytes_scanned: null, duration_ms: 5, started_at: '', finished_at: '', error: null } as const;

describe('progress display', () => {
  it('on a terminal, print writes through the bar (above it), not to stdout under it', async () => {
    const terminal = Object.assign(new PassThrough(), { isTTY: true, columns: 120, rows: 40 });
    let drawn = '';
    terminal.on('data', (chunk) => (drawn += chunk));
    const io = captureIo('/');
    io.isTTY = true;
    const progress = progressReporter(io, { stream: terminal });
    progress.runStarted({ runId: 'r', steps: 1 });
    progress.print('[CRITICAL] p1_negative_interactions: 11 negative interactions\n');
    progress.stepFinished({ ...record });
    progress.runFinished({ runId: 'r', records: [] });
    expect(io.out).toBe('run r: 1 steps\n');
    expect(drawn).toContain('[CRITICAL] p1_negative_interactions: 11 negative interactions\n');
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
