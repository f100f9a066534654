// The CLI's view of a pipeline run: a live progress bar on a terminal (models done, rows, elapsed time), and one line
// per finished step where it matters (failures and skips always; everything with --verbose or without a terminal).
import cliProgress from 'cli-progress';
import type { RunRecord, RunReporter } from '../pipeline/reporter.js';
import { paintFor, PLAIN, type Paint } from './color.js';
import type { Io } from './io.js';

const number = new Intl.NumberFormat('en-US');

export function describeRecord(record: RunRecord, paint: Paint = PLAIN): string {
  const mark = record.status === 'success' ? paint.ok('ok  ') : record.status === 'skipped' ? paint.warn('skip') : paint.fail('FAIL');
  const period = record.period_start ? ` [${record.period_start.slice(0, 16)}]` : '';
  const rows = record.rows_written !== null ? ` ${number.format(record.rows_written)} rows` : '';
  const retries = record.attempts > 1 ? ` (${record.attempts} attempts)` : '';
  const seconds = `${(record.duration_ms / 1000).toFixed(2)}s`;
  const error = record.error ? `\n      ${record.error.split('\n').join('\n      ')}` : '';
  return `${mark} ${record.kind.padEnd(9)} ${record.step}${period}${rows} ${seconds}${retries}${error}`;
}

export function progressReporter(io: Io, options: { verbose?: boolean } = {}): RunReporter {
  let bars: cliProgress.MultiBar | undefined;
  let bar: cliProgress.SingleBar | undefined;
  let rows = 0;
  const log = (line: string) => (bars ? bars.log(`${line}\n`) : io.stdout(`${line}\n`));
  return {
    runStarted: ({ steps, runId }) => {
      io.stdout(`run ${runId}: ${steps} steps\n`);
      if (!io.isTTY) return;
      bars = new cliProgress.MultiBar(
        { format: ' {bar} {value}/{total} steps | {rows} rows | {duration_formatted} | {step}', hideCursor: true, clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      );
      bar = bars.create(steps, 0, { rows: '0', step: '' });
    },
    stepStarted: ({ step }) => bar?.update({ step }),
    stepRetrying: ({ step, attempt, error, delayMs }) =>
      log(`     retry ${step} after attempt ${attempt} in ${delayMs} ms: ${error.split('\n')[0]}`),
    stepFinished: (record) => {
      rows += record.rows_written ?? 0;
      if (options.verbose || record.status !== 'success' || !bars) log(describeRecord(record, paintFor(io)));
      if (record.kind !== 'check' && record.kind !== 'serve') bar?.increment(1, { rows: number.format(rows), step: record.step });
    },
    runFinished: () => {
      bars?.stop();
      bars = undefined;
      bar = undefined;
    },
  };
}
