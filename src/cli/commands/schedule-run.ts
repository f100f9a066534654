import { JsonFileKeyValueStore } from '../../engines/kv-store/json-file.js';
import { localStatePath } from '../../alerts/local.js';
import { runAlert } from '../../alerts/service.js';
import { Scheduler, type ScheduledJob, type SchedulerEvent } from '../../pipeline/scheduler.js';
import { timestampText } from '../../project/variables.js';
import { CliError, EXIT_CRASH, EXIT_FAILURE, EXIT_OK } from '../errors.js';
import type { Io } from '../io.js';
import { describeReport, needsAttention, openAlertSession, prepareHistoryTable } from './alert-run.js';

export interface ScheduleOptions {
  stage?: string;
  lake?: string;
  catchUp: string;
  once?: boolean;
}

const time = (d: Date) => `${timestampText(d)} UTC`;

function describeEvent(event: SchedulerEvent): string | undefined {
  switch (event.type) {
    case 'first-start':
      return `${event.jobId}: first start, scheduled from ${time(event.at)}`;
    case 'missed-skipped':
      return `${event.jobId}: skipped ${event.count} missed fire time(s) ${time(event.first)} .. ${time(event.last)} (beyond --catch-up)`;
    case 'busy':
      return `${event.jobId}: running elsewhere (${event.owner}); not starting it here`;
    case 'run-failed':
      return `${event.jobId} @ ${time(event.fireTime)}: failed: ${event.error}`;
    case 'sleeping':
      return `next fire time ${time(event.until)}`;
    default:
      return undefined;
  }
}

export async function runSchedule(options: ScheduleOptions, io: Io): Promise<number> {
  const catchUpLimit = Number(options.catchUp);
  if (!Number.isInteger(catchUpLimit) || catchUpLimit < 0) throw new CliError(`--catch-up must be a whole number ≥ 0, got '${options.catchUp}'`, { exitCode: EXIT_CRASH });
  const session = await openAlertSession(io, [], options);
  let attention = false;
  try {
    await prepareHistoryTable(session);
    // Transforms join the job list once the pipeline runner exists; today the scheduled jobs are the alerts.
    const jobs: ScheduledJob[] = session.alerts
      .filter((alert) => alert.schedule)
      .map((alert) => ({
        id: `alert:${alert.name}`,
        schedule: alert.schedule!,
        run: async (fireTime) => {
          const report = await runAlert(alert, session.deps, { at: fireTime });
          io.stdout(describeReport(report));
          if (needsAttention(report)) attention = true;
        },
      }));
    if (jobs.length === 0) {
      io.stderr('nothing to schedule: no alert has a `schedule:` header\n');
      return EXIT_OK;
    }
    io.stderr(`scheduling ${jobs.map((j) => `${j.id} (${j.schedule.expression})`).join(', ')}\n`);
    const scheduler = new Scheduler({
      jobs,
      state: new JsonFileKeyValueStore(localStatePath(session.lakeRoot, 'scheduler')),
      catchUpLimit,
      onEvent: (event) => {
        if (event.type === 'run-failed') attention = true;
        const text = describeEvent(event);
        if (text) io.stderr(`${text}\n`);
      },
    });
    if (options.once) {
      await scheduler.tick();
      return attention ? EXIT_FAILURE : EXIT_OK;
    }
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      await scheduler.run(stop.signal);
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    return EXIT_OK;
  } finally {
    await session.engine.close();
  }
}
