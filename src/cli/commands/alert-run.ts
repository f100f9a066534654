import { alertsOf } from '../../alerts/definition.js';
import { runAlerts, type AlertRunReport } from '../../alerts/service.js';
import { timestampText } from '../../project/variables.js';
import { parsePeriodBound } from '../../pipeline/periods.js';
import { silentReporter } from '../../pipeline/reporter.js';
import { CliError, EXIT_CRASH, EXIT_FAILURE, EXIT_OK } from '../errors.js';
import { toJson } from '../format.js';
import type { Io } from '../io.js';
import { loadProjectForOnCall, openPipelineSession } from '../pipeline-session.js';

export interface AlertCommandOptions {
  at?: string;
  dryRun?: boolean;
  /** With --at: apply the evaluation to the live state, send its notices and record it (default: only show it). */
  record?: boolean;
  stage?: string;
  lake?: string;
  format: 'text' | 'json';
}

/** `--at` as UTC (the same time forms as `lake run --from/--to`). */
export function parseTime(text: string): Date {
  try {
    return parsePeriodBound(text);
  } catch {
    throw new CliError(`--at '${text}' is not a time`, { hint: 'write it as 2025-03-10T11:00:00Z or "2025-03-10 11:00" (UTC)', exitCode: EXIT_CRASH });
  }
}

/** Human summary of one alert run. */
export function describeReport(report: AlertRunReport): string {
  const { evaluation } = report;
  const mode = report.past
    ? ' [past time: what held then; live state unchanged, nothing sent or recorded; --record applies it]'
    : report.catchUp
      ? ' [catch-up: applied to the state, notices not sent; the latest fire time speaks for now]'
      : report.dryRun
        ? ' [dry run]'
        : '';
  const lines = [`${report.alert} at ${timestampText(report.at)} UTC (window from ${timestampText(evaluation.windowStart)})${mode}`];
  if (!evaluation.ok) lines.push(`  evaluation failed: ${evaluation.error}`);
  for (const outcome of report.outcomes) {
    if (outcome.status === 'error') continue;
    const key = outcome.key ? ` [${outcome.key}]` : '';
    const values = outcome.values
      ? Object.entries(outcome.values)
          .map(([k, v]) => `${k} = ${toJson(v)}`)
          .join(', ')
      : '';
    lines.push(`  ${outcome.status}${key}${values ? `: ${values}` : ''}${outcome.suppressed ? ' (notified already, inside the cooldown)' : ''}`);
  }
  for (const notice of report.notices) {
    lines.push(`  ${report.past ? 'would have sent' : report.dryRun ? 'would send' : 'notice'} (${notice.kind}, ${notice.severity}): ${notice.message}`);
    if (report.dryRun && !report.past) {
      for (const c of report.channels) lines.push(`    → ${c.target ?? `${c.channel}: ${c.error}`}`);
    }
  }
  for (const d of report.deliveries) {
    lines.push(
      `    ${d.channel}: ${d.ok ? 'delivered' : `NOT delivered, kept for the next run: ${d.error}`}${d.carriedOver ? ` (queued earlier: ${d.notice.kind} of ${d.notice.at})` : ''}`,
    );
  }
  if (!report.dryRun && report.pending.length > 0) lines.push(`  ${report.pending.length} deliver${report.pending.length === 1 ? 'y' : 'ies'} pending`);
  if (report.historyError) lines.push(`  ${report.historyError}`);
  return `${lines.join('\n')}\n`;
}

/** A run needs attention when an evaluation failed, a notice is still pending or history was not written. */
export const needsAttention = (report: AlertRunReport): boolean =>
  !report.evaluation.ok || (!report.dryRun && report.pending.length > 0) || report.historyError !== undefined;

export async function runAlertCommand(names: string[], options: AlertCommandOptions, io: Io): Promise<number> {
  const at = options.at ? parseTime(options.at) : new Date();
  if (options.record && !options.at)
    throw new CliError('--record applies an evaluation at --at; without --at the evaluation is live already', { exitCode: EXIT_CRASH });
  // A given time is shown, not applied: notices speak about now, and the live state follows the latest evaluation.
  const past = options.at !== undefined && !options.record;
  const { project, blocked } = await loadProjectForOnCall(io, options.stage);
  // An alert whose file or upstream does not load is reported and skipped; the others still run.
  const skippedNodes = project.nodes.filter((n) => n.kind === 'alert' && blocked.has(n.id) && (names.length === 0 || names.includes(n.name)));
  for (const node of skippedNodes) io.stderr(`error: alert ${node.name} not evaluated: ${blocked.get(node.id)}\n`);
  const runnable = names.filter((name) => !skippedNodes.some((n) => n.name === name));
  const alerts =
    names.length > 0 && runnable.length === 0
      ? []
      : alertsOf(
          project.nodes.filter((n) => !blocked.has(n.id)),
          runnable,
        );
  const skipped = skippedNodes.length;
  if (alerts.length === 0 && skipped === 0) {
    io.stderr('no alerts in sql/alerts/\n');
    return EXIT_OK;
  }
  // Keeps stdout machine-readable when it carries JSON.
  const writeConsole = options.format === 'json' ? io.stderr : io.stdout;
  const session = await openPipelineSession(io, project, { lake: options.lake, reporter: silentReporter, writeConsole, command: 'lake alert' });
  try {
    const results = await session.engine.exclusive(async () => {
      if (!options.dryRun && !past) await session.prepareAlertHistory();
      return runAlerts(alerts, session.alertDeps, { at, dryRun: options.dryRun, past });
    });
    let attention = false;
    for (const result of results) {
      if (result.error) {
        attention = true;
        io.stderr(`error: alert ${result.alert}: ${result.error}\n`);
        continue;
      }
      const report = result.report!;
      attention ||= needsAttention(report);
      if (options.format === 'json') {
        const { evaluation, ...rest } = report;
        io.stdout(
          `${toJson({ ...rest, at: report.at.toISOString(), evaluation: { ...evaluation, at: evaluation.at.toISOString(), windowStart: evaluation.windowStart.toISOString() } })}\n`,
        );
      } else {
        io.stdout(describeReport(report));
      }
    }
    return attention || skipped > 0 ? EXIT_FAILURE : EXIT_OK;
  } finally {
    await session.close();
  }
}
