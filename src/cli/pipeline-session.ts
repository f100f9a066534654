// The local wiring of a pipeline run: the project, the local engine over the lake folder, the object store, alerts with
// their local state/notifiers/history, and the CLI's progress display. Lambda handlers wire the same runner to Athena.
import { resolve } from 'node:path';
import { defineAlert } from '../alerts/definition.js';
import { ensureAlertHistoryTable } from '../alerts/history.js';
import { localAlertDependencies } from '../alerts/local.js';
import { runAlert } from '../alerts/service.js';
import { AthenaLocalEngine } from '../engines/local/engine.js';
import type { Engine } from '../engines/engine.js';
import { JsonFileKeyValueStore } from '../storage/kv-store/json-file.js';
import { LocalObjectStore } from '../storage/object-store/index.js';
import { lakeRootOf } from '../project/config.js';
import { formatDiagnostic } from '../dialect/diagnostics.js';
import { fileSyntaxErrors } from '../lint/syntax.js';
import { loadProject, ProjectError } from '../project/loader.js';
import { loadPartialProject, type PartialProject } from '../project/partial.js';
import type { Project } from '../project/model.js';
import { projectVariables } from '../project/variables.js';
import type { AlertsDependency, PipelineContext } from '../pipeline/runner.js';
import type { RunReporter } from '../pipeline/reporter.js';
import { lakeSharing } from './context.js';
import { engineTarget, openTrinoEngine, type EngineFlags } from './engine-choice.js';
import { servingStorePath } from '../serving/local-api.js';
import { CliError } from './errors.js';
import type { Io } from './io.js';
import { requireProjectRoot } from './commands/project-paths.js';

/**
 * An engine a command can hold for a whole run (the local lake's lock), or for a series of reads (its catalog attached
 * once: `shared`); a Trino coordinator has no lake to hold.
 */
export type SessionEngine = Engine & { exclusive<T>(work: () => Promise<T>): Promise<T>; shared<T>(work: () => Promise<T>): Promise<T> };

const holdingNothing = (engine: Engine): SessionEngine =>
  Object.assign(engine, { exclusive: <T>(work: () => Promise<T>) => work(), shared: <T>(work: () => Promise<T>) => work() });

export interface PipelineSession {
  project: Project;
  lakeRoot: string;
  /** The local engine, or the Trino coordinator the stage's `engine:` names. */
  engine: SessionEngine;
  context: PipelineContext;
  /** The local wiring of alerts (state, notifiers, history), for running one alert outside the runner. */
  alertDeps: ReturnType<typeof localAlertDependencies>;
  /** Makes alert_history queryable (and the project database exist); once per session. */
  prepareAlertHistory(): Promise<void>;
  /** Messages of the notices alerts sent during the run. */
  notices: string[];
  close(): Promise<void>;
}

export { servingStorePath };

export async function loadProjectForCli(io: Io, stage?: string): Promise<Project> {
  try {
    return await loadProject(requireProjectRoot(io), { stage });
  } catch (error) {
    if (error instanceof ProjectError) throw new CliError(error.message, { hint: '`lake lint` lists every problem with its fix' });
    throw error;
  }
}

/**
 * The project for commands that keep production going (run, alert, schedule): a broken file is reported on stderr and
 * only it and its downstream are left out; problems in lakehouse.yaml still stop the command.
 */
export async function loadProjectForOnCall(io: Io, stage?: string): Promise<PartialProject> {
  let partial: PartialProject;
  try {
    partial = await loadPartialProject(requireProjectRoot(io), { stage, checkNode: fileSyntaxErrors });
  } catch (error) {
    if (error instanceof ProjectError) throw new CliError(error.message, { hint: '`lake lint` lists every problem with its fix' });
    throw error;
  }
  if (partial.problems.length > 0) {
    const files = new Set(partial.problems.map((d) => d.file));
    io.stderr(
      `warning: ${files.size} SQL file${files.size === 1 ? '' : 's'} did not load; ${partial.blocked.size} node${partial.blocked.size === 1 ? '' : 's'} ` +
        `(the broken ones and their downstream) will not run, everything else does (\`lake lint\` lists the problems with fixes):\n`,
    );
    for (const d of partial.problems) io.stderr(`  ${formatDiagnostic(d).split('\n')[0]}\n`);
  }
  return partial;
}

export async function openPipelineSession(
  io: Io,
  project: Project,
  options: { lake?: string; reporter: RunReporter; writeConsole?: (text: string) => void; command?: string; engine?: EngineFlags },
): Promise<PipelineSession> {
  const lakeRoot = options.lake ? resolve(io.cwd, options.lake) : lakeRootOf({ root: project.root, config: project.config });
  const database = project.config.database;
  const target = engineTarget(options.engine ?? {}, project.config.stages[project.stage]?.engine);
  const engine =
    target.kind === 'trino'
      ? holdingNothing(openTrinoEngine(target, database))
      : await AthenaLocalEngine.open({ lakeRoot, database, ...lakeSharing(io, options.command ?? 'lake') });
  const variables = projectVariables(project.config, project.stage);
  const notices: string[] = [];
  let alertDeps: ReturnType<typeof localAlertDependencies>;
  try {
    alertDeps = localAlertDependencies({
      projectRoot: project.root,
      lakeRoot,
      stage: project.stage,
      variables,
      engine,
      database,
      writeConsole: options.writeConsole ?? io.stdout,
    });
  } catch (error) {
    await engine.close();
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
  let historyReady: Promise<void> | undefined;
  const prepareAlertHistory = () =>
    (historyReady ??= (async () => {
      await engine.execute(`CREATE DATABASE IF NOT EXISTS ${database}`);
      await ensureAlertHistoryTable(engine, alertDeps.historyLocation, database);
    })());
  const alerts: AlertsDependency = {
    evaluate: async (node, at) => {
      await prepareAlertHistory();
      const report = await runAlert(defineAlert(node), alertDeps, { at });
      if (!report.evaluation.ok) throw new Error(report.evaluation.error);
      for (const notice of report.notices) notices.push(notice.message);
      const { bytesScanned } = report.evaluation;
      return {
        fired: report.notices.length,
        summary: report.notices.map((n) => n.message).join('; ') || 'quiet',
        ...(bytesScanned !== undefined ? { bytesScanned } : {}),
      };
    },
  };
  const context: PipelineContext = {
    project,
    engine,
    objectStore: new LocalObjectStore(lakeRoot),
    variables,
    reporter: options.reporter,
    alerts,
    servingStore: (table) => new JsonFileKeyValueStore(servingStorePath(lakeRoot, table)),
  };
  return { project, lakeRoot, engine, context, alertDeps, prepareAlertHistory, notices, close: () => engine.close() };
}
