import { alertsOf } from '../../alerts/definition.js';
import { localStatePath } from '../../alerts/local.js';
import { runAlert } from '../../alerts/service.js';
import { JsonFileKeyValueStore } from '../../storage/kv-store/json-file.js';
import { runPipeline } from '../../pipeline/runner.js';
import { scheduledSelection } from '../../pipeline/scheduled-selection.js';
import { Scheduler, type ScheduledJob, type SchedulerEvent } from '../../pipeline/scheduler.js';
import type { Project, ProjectNode } from '../../project/model.js';
import { parseSchedule } from '../../project/schedule.js';
import { timestampText } from '../../project/variables.js';
import { CliError, EXIT_CRASH, EXIT_FAILURE, EXIT_OK } from '../errors.js';
import type { Io } from '../io.js';
import { loadProjectForOnCall, openPipelineSession, type PipelineSession } from '../pipeline-session.js';
import { describeRecord, progressReporter } from '../progress.js';
import { describeReport, needsAttention } from './alert-run.js';

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

/**
 * A scheduled model runs with the unscheduled models upstream of it and the ddl files they read from (so a fresh lake
 * has its sources), as on AWS (src/pipeline/scheduled-selection.ts).
 */
function modelSelector(project: Project, node: ProjectNode): string {
  return scheduledSelection(project, node, 'all')
    .map((n) => n.id)
    .join(' ');
}

/** Every model with a `schedule:` header: one pipeline run per fire time, for the period that ended then. */
function modelJobs(session: PipelineSession, io: Io, blocked: ReadonlyMap<string, string>, onFailure: () => void): ScheduledJob[] {
  const { project } = session;
  return project.nodes
    .filter((node) => node.kind === 'model' && node.header.schedule && !blocked.has(node.id))
    .map((node) => ({
      id: node.id,
      schedule: parseSchedule(node.header.schedule!),
      run: async (fireTime) => {
        const summary = await session.engine.exclusive(() =>
          runPipeline({ ...session.context, now: () => fireTime, reporter: undefined }, { selector: modelSelector(project, node) }),
        );
        for (const record of summary.records.filter((r) => r.node === node.id || r.status !== 'success')) io.stdout(`${describeRecord(record)}\n`);
        if (!summary.ok) onFailure();
      },
    }));
}

export async function runSchedule(options: ScheduleOptions, io: Io): Promise<number> {
  const catchUpLimit = Number(options.catchUp);
  if (!Number.isInteger(catchUpLimit) || catchUpLimit < 0)
    throw new CliError(`--catch-up must be a whole number ≥ 0, got '${options.catchUp}'`, { exitCode: EXIT_CRASH });
  const { project, blocked } = await loadProjectForOnCall(io, options.stage);
  const session = await openPipelineSession(io, project, { lake: options.lake, reporter: progressReporter(io), command: 'lake schedule' });
  // A job whose file or upstream does not load is not scheduled (and reported); every other job keeps its schedule.
  const unscheduled = project.nodes.filter((n) => (n.kind === 'model' || n.kind === 'alert') && n.header.schedule && blocked.has(n.id));
  for (const node of unscheduled) io.stderr(`error: not scheduling ${node.id}: ${blocked.get(node.id)}\n`);
  let attention = unscheduled.length > 0;
  try {
    await session.prepareAlertHistory();
    const alertJobs: ScheduledJob[] = alertsOf(project.nodes.filter((n) => !blocked.has(n.id)))
      .filter((alert) => alert.schedule)
      .map((alert) => ({
        id: `alert:${alert.name}`,
        schedule: alert.schedule!,
        run: async (fireTime, _signal, { catchUp }) => {
          const report = await session.engine.exclusive(() => runAlert(alert, session.alertDeps, { at: fireTime, catchUp }));
          io.stdout(describeReport(report));
          if (needsAttention(report)) attention = true;
        },
      }));
    const jobs = [...modelJobs(session, io, blocked, () => (attention = true)), ...alertJobs];
    if (jobs.length === 0) {
      io.stderr('nothing to schedule: no model or alert has a `schedule:` header\n');
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
    await session.close();
  }
}
