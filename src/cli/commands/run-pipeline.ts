import { parsePeriodBound } from '../../pipeline/periods.js';
import { athenaCostUsd } from '../../pipeline/cost.js';
import { planRun, runPipeline, type RunSummary } from '../../pipeline/runner.js';
import { CliError, EXIT_CRASH, EXIT_FAILURE, EXIT_OK } from '../errors.js';
import type { Io } from '../io.js';
import { loadProjectForOnCall, openPipelineSession } from '../pipeline-session.js';
import { progressReporter } from '../progress.js';
import { toJson } from '../format.js';
import { runResultsJson } from '../results-json.js';
import { silentReporter } from '../../pipeline/reporter.js';
import { describePlan } from './run-plan.js';
import { selectionOf, type SelectionFlags } from './selection.js';
import { engineTarget, type EngineFlags } from '../engine-choice.js';

export interface RunCommandOptions extends SelectionFlags, EngineFlags {
  from?: string;
  to?: string;
  perPeriod?: boolean;
  stage?: string;
  lake?: string;
  demo?: boolean;
  verbose?: boolean;
  /** false with --no-alerts. */
  alerts?: boolean;
  dryRun?: boolean;
  format?: 'text' | 'json';
}

function bound(text: string | undefined, flag: string): Date | undefined {
  if (text === undefined) return undefined;
  try {
    return parsePeriodBound(text);
  } catch (error) {
    throw new CliError(`${flag}: ${error instanceof Error ? error.message : String(error)}`, { exitCode: EXIT_CRASH });
  }
}

const number = new Intl.NumberFormat('en-US');

export function describeSummary(summary: RunSummary, reportsBytes: boolean): string {
  // Steps are what the header counted; checks and serving copies follow their model and are counted apart.
  const steps = summary.records.filter((r) => r.kind !== 'check' && r.kind !== 'serve');
  const checks = summary.records.filter((r) => r.kind === 'check');
  const count = (status: string) => steps.filter((r) => r.status === status).length;
  const failedChecks = checks.filter((r) => r.status === 'failed').length;
  const checkText =
    checks.length > 0 ? `; ${checks.length} check${checks.length === 1 ? '' : 's'}: ${checks.length - failedChecks} passed, ${failedChecks} failed` : '';
  const lines = [
    `run ${summary.runId}: ${count('success')} ok, ${count('failed')} failed, ${count('skipped')} skipped of ${steps.length} steps${checkText}; ${number.format(summary.rowsWritten)} rows written`,
  ];
  if (reportsBytes) {
    const usd = athenaCostUsd(summary.bytesPerStatement);
    lines.push(
      `data scanned: ${number.format(summary.bytesScanned)} bytes over ${summary.bytesPerStatement.length} queries (about $${usd.toFixed(4)} at $5/TB)`,
    );
  }
  lines.push(`run records: lake sql -e "SELECT step, status, rows_written, duration_ms FROM run_log WHERE run_id = '${summary.runId}'"`);
  return `${lines.join('\n')}\n`;
}

export async function runCommand(selector: string[], options: RunCommandOptions, io: Io): Promise<number> {
  const from = bound(options.from, '--from');
  const to = bound(options.to, '--to');
  if (from && to && from.getTime() >= to.getTime()) {
    throw new CliError(`--from ${options.from} must be before --to ${options.to} (the range is [from, to))`, { exitCode: EXIT_CRASH });
  }
  if (options.demo) {
    if (selector.length > 0 || options.select || options.exclude || from || to)
      throw new CliError('--demo runs the whole example; give no selector or range with it', { exitCode: EXIT_CRASH });
    if (options.engine === 'trino' || options.trinoUrl) {
      throw new CliError('--demo runs on the local engine only: it lands its data as files in the local lake folder, which a Trino cluster does not read', {
        hint: 'land the data into the Trino catalog’s tables, then `lake run --engine trino`',
      });
    }
    return (await import('../demo.js')).runDemo({ stage: options.stage, lake: options.lake, verbose: options.verbose }, io);
  }
  const { project, blocked, broken } = await loadProjectForOnCall(io, options.stage);
  const runOptions = {
    selector: selectionOf(selector, options, io, project.root),
    from,
    to,
    perPeriod: options.perPeriod,
    alerts: options.alerts,
    unloaded: { blocked, broken },
  };
  if (options.dryRun) {
    const target = engineTarget(options, project.config.stages[project.stage]?.engine);
    const engine = target.kind === 'trino' ? `the Trino engine at ${target.url}` : 'the local engine';
    io.stdout(describePlan(planRun(project, runOptions, new Date()), { stage: project.stage, blocked, engine }));
    return EXIT_OK;
  }
  const json = options.format === 'json';
  // JSON keeps stdout to the one object: no progress, console notices on stderr.
  const progress = json ? undefined : progressReporter(io, { verbose: options.verbose });
  const session = await openPipelineSession(io, project, {
    lake: options.lake,
    reporter: progress ?? silentReporter,
    // Console notices go above the progress bar (never over it), or to stderr when stdout carries JSON.
    writeConsole: progress ? progress.print : io.stderr,
    command: 'lake run',
    engine: { engine: options.engine, trinoUrl: options.trinoUrl },
  });
  try {
    const started = performance.now();
    // One run writes at a time: a second `lake run` waits for this one (and says so), never interleaves with it.
    const summary = await session.engine.exclusive(() => runPipeline(session.context, runOptions));
    if (json) io.stdout(`${toJson(runResultsJson(summary, performance.now() - started))}\n`);
    else io.stdout(describeSummary(summary, session.engine.capabilities.reportsBytesScanned));
    return summary.ok ? EXIT_OK : EXIT_FAILURE;
  } finally {
    await session.close();
  }
}
