import type { QueryResult } from '../../engines/engine.js';
import { judgeSlos, modelRuns, sloModels, type SloStatus } from '../../pipeline/slo.js';
import { projectVariables } from '../../project/variables.js';
import { openLocalEngine } from '../context.js';
import { CliError, EXIT_CRASH, EXIT_FAILURE, EXIT_OK } from '../errors.js';
import { resultTable, toJson } from '../format.js';
import type { Io } from '../io.js';
import { loadProjectForCli } from '../pipeline-session.js';

export interface SloOptions {
  stage?: string;
  at?: string;
  days: string;
  json?: boolean;
  failOnMiss?: boolean;
  lake?: string;
}

export async function runSlo(options: SloOptions, io: Io): Promise<number> {
  const now = options.at ? new Date(options.at) : new Date();
  if (Number.isNaN(now.getTime())) throw new CliError(`--at '${options.at}' is not a time (ISO 8601, e.g. 2025-03-10T12:00:00Z)`, { exitCode: EXIT_CRASH });
  const days = Number(options.days);
  if (!/^\d+$/.test(options.days) || days < 1)
    throw new CliError(`--days must be a whole number of days ≥ 1 (got '${options.days}')`, { exitCode: EXIT_CRASH });
  const project = await loadProjectForCli(io, options.stage);
  if (sloModels(project.nodes).length === 0) {
    io.stdout('no model declares an slo (header `slo: { freshness: 2h, success: 99% }`)\n');
    return EXIT_OK;
  }
  const bucket = projectVariables(project.config, project.stage).lake_bucket;
  if (typeof bucket !== 'string') throw new CliError(`stage '${project.stage}' has no lake_bucket variable in lakehouse.yaml: its run log cannot be found`);
  const database = project.config.database;
  const { engine } = await openLocalEngine(io, { lake: options.lake, database, command: 'lake slo' });
  let states: SloStatus[];
  try {
    states = judgeSlos(project.nodes, await modelRuns(engine, { database, bucket, days, now }), now);
  } finally {
    await engine.close();
  }
  io.stdout(options.json ? `${toJson({ at: now, slos: states })}\n` : describe(states, now));
  return options.failOnMiss && states.some((s) => s.state === 'missed') ? EXIT_FAILURE : EXIT_OK;
}

const time = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '-');

function age(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours}h${minutes % 60 ? `${minutes % 60}m` : ''}` : `${Math.floor(hours / 24)}d${hours % 24 ? `${hours % 24}h` : ''}`;
}

function describe(states: readonly SloStatus[], now: Date): string {
  const measured = (s: SloStatus) =>
    s.measured === null ? '-' : s.objective === 'freshness' ? `last success ${age(s.measured)} ago` : `${Number(s.measured.toFixed(2))}% succeeded`;
  const table: QueryResult = {
    columns: ['model', 'objective', 'target', 'state', 'measured', 'last_miss'].map((name) => ({ name, type: 'varchar' })),
    rows: states.map((s) => [s.model, s.objective, s.target, s.state, measured(s), time(s.lastMiss)]),
    stats: { durationMs: 0 },
  };
  const missed = states.filter((s) => s.state === 'missed').length;
  return `SLOs as of ${time(now)}: ${states.length - missed} not missed, ${missed} missed\n${resultTable(table, Number.POSITIVE_INFINITY).replace(/\n\(\d+ rows?\)\n$/, '\n')}`;
}
