// The CLI's view of a pipeline run: a live progress bar on a terminal (models done, rows, elapsed time), and one line
// per finished step where it matters (failures and skips always; everything with --verbose or without a terminal).
import { Writable } from 'node:stream';
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

/** A run's progress display; `print` writes other output (alert notices on the console) above the bar, not over it. */
export interface ProgressReporter extends RunReporter {
  print(text: string): void;
}

/** The bar draws through Io like all other output (cli-progress would write to the process's stderr itself). */
function terminalOver(io: Io): NodeJS.WritableStream {
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      io.stderr(String(chunk));
      done();
    },
  });
  return Object.assign(stream, { isTTY: true, columns: io.columns });
}

export function progressReporter(io: Io, options: { verbose?: boolean } = {}): ProgressReporter {
  let bars: cliProgress.MultiBar | undefined;
  let bar: cliProgress.SingleBar | undefined;
  let rows = 0;
  const print = (text: string) => (bars ? bars.log(text.endsWith('\n') ? text : `${text}\n`) : io.stdout(text));
  const log = (line: string) => print(`${line}\n`);
  return {
    print,
    runStarted: ({ steps, runId }) => {
      io.stdout(`run ${runId}: ${steps} steps\n`);
      if (!io.isTTY) return;
      bars = new cliProgress.MultiBar(
        {
          format: ' {bar} {value}/{total} steps | {rows} rows | {duration_formatted} | {step}',
          hideCursor: true,
          clearOnComplete: true,
          stream: terminalOver(io),
        },
        cliProgress.Presets.shades_classic,
      );
      bar = bars.create(steps, 0, { rows: '0', step: '' });
    },
    stepStarted: ({ step }) => bar?.update({ step }),
    stepRetrying: ({ step, attempt, error, delayMs }) => log(`     retry ${step} after attempt ${attempt} in ${delayMs} ms: ${error.split('\n')[0]}`),
    stepFinished: (record) => {
      rows += record.rows_written ?? 0;
      if (options.verbose || record.status !== 'success' || !bars) log(describeRecord(record, paintFor(io)));
      if (record.kind !== 'check' && record.kind !== 'serve') bar?.increment(1, { rows: number.format(rows), step: record.step });
    },
    runFinished: () => {
      // The bar flushes its log only when it redraws (every 100 ms): draw once more so the last lines are not lost.
      bars?.update();
      bars?.stop();
      bars = undefined;
      bar = undefined;
    },
  };
}
