// `lake render MODEL`: the SQL of one node with its variables filled, as Athena receives it or as the local engine
// runs it after translation — for the Athena console and for debugging a translation.
import { resolve } from 'node:path';
import { evaluationWindow, defineAlert } from '../../alerts/definition.js';
import { splitStatements } from '../../dialect/statements.js';
import { translateStatement } from '../../dialect/translate/index.js';
import { parsePeriodBound } from '../../pipeline/periods.js';
import { ATHENA_CAPABILITIES } from '../../engines/athena/engine.js';
import { defaultRunId } from '../../pipeline/materialize/sql.js';
import { rehearseMaterialization } from '../../pipeline/materialize/rehearse.js';
import { materializationOf, materializeRequest, periodsFor, runtimeVariables } from '../../pipeline/steps.js';
import { TableSchemas } from '../../testing/schemas.js';
import { lakeRootOf } from '../../project/config.js';
import type { Column } from '../../engines/engine.js';
import type { Project, ProjectNode } from '../../project/model.js';
import { selectNodes } from '../../project/selector.js';
import { projectVariables, substituteVariables, timestampVariable, type Variables } from '../../project/variables.js';
import { CliError, EXIT_CRASH, EXIT_OK } from '../errors.js';
import type { Io } from '../io.js';
import { loadProjectForCli } from '../pipeline-session.js';

export interface RenderOptions {
  stage?: string;
  engine: 'athena' | 'local';
  from?: string;
  to?: string;
  at?: string;
  lake?: string;
  firstRun?: boolean;
}

function time(text: string | undefined, flag: string): Date | undefined {
  if (text === undefined) return undefined;
  try {
    return parsePeriodBound(text);
  } catch (error) {
    throw new CliError(`${flag}: ${error instanceof Error ? error.message : String(error)}`, { exitCode: EXIT_CRASH });
  }
}

/** The variables a run would use for this node: the period for models, the evaluation window for alerts. */
function variablesFor(node: ProjectNode, base: Variables, options: { now: Date; from?: Date; to?: Date }): Variables {
  if (node.kind === 'alert') {
    const { windowStart, windowEnd } = evaluationWindow(defineAlert(node), options.now);
    return { ...base, now: timestampVariable(options.now), window_start: timestampVariable(windowStart), window_end: timestampVariable(windowEnd) };
  }
  const [period] = node.kind === 'ddl' ? [undefined] : periodsFor(node, options, options.now);
  return runtimeVariables(base, options.now, period);
}

/**
 * What a run sends to Athena for a model or dashboard view: its materialization's statements (CTAS, INSERT, MERGE,
 * CREATE VIEW and the catalog statements around them), from the strategy itself on a recording engine. The table's
 * columns come from binding the query over typed empty inputs, as `lake lint` does.
 */
async function athenaStatements(project: Project, node: ProjectNode, vars: Variables, now: Date, firstRun: boolean, io: Io): Promise<string[]> {
  const kind = materializationOf(node);
  let columns: Column[] = [];
  if (kind !== 'view') {
    const schemas = await TableSchemas.discover(project, node.produces);
    const known = schemas.columns(node.produces[0]);
    if (!known) throw new CliError(`${node.file}: cannot tell the columns of ${node.produces[0]}: ${schemas.whyUnknown(node.produces[0])}`);
    columns = known;
  }
  const rehearsal = await rehearseMaterialization(kind, materializeRequest(node, vars), {
    columns,
    runId: defaultRunId(now),
    maxPartitionsPerWrite: ATHENA_CAPABILITIES.maxPartitionsPerWrite,
    firstRun,
  });
  for (const assumption of rehearsal.assumptions) io.stderr(`-- assuming ${assumption}\n`);
  return rehearsal.statements.map((statement) => statement.trim());
}

export async function runRender(name: string, options: RenderOptions, io: Io): Promise<number> {
  const from = time(options.from, '--from');
  const to = time(options.to, '--to');
  const now = time(options.at, '--at') ?? new Date();
  if (from && to && from.getTime() >= to.getTime()) throw new CliError(`--from ${options.from} must be before --to ${options.to}`, { exitCode: EXIT_CRASH });
  const project = await loadProjectForCli(io, options.stage);
  const matches = selectNodes(project, name);
  if (matches.length !== 1)
    throw new CliError(`'${name}' names ${matches.length} nodes (${matches.map((n) => n.id).join(', ')}); give one`, { exitCode: EXIT_CRASH });
  const node = matches[0];
  const vars = variablesFor(node, projectVariables(project.config, project.stage), { now, from, to });
  const sql = substituteVariables(node.sql, vars, { file: node.file, lineOffset: node.bodyLine - 1 });
  io.stderr(`-- ${node.file} (${node.kind}${node.header.period ? `, period ${node.header.period}` : ''}) for stage ${project.stage}, ${options.engine}\n`);
  if (options.engine === 'athena') {
    if (node.kind === 'model' || node.kind === 'dashboard') {
      io.stdout(`${(await athenaStatements(project, node, vars, now, options.firstRun ?? false, io)).join(';\n\n')};\n`);
      return EXIT_OK;
    }
    io.stdout(`${sql.trim()}\n`);
    return EXIT_OK;
  }
  const lakeRoot = options.lake ? resolve(io.cwd, options.lake) : lakeRootOf({ root: project.root, config: project.config });
  const out: string[] = [];
  for (const statement of splitStatements(sql)) {
    for (const step of translateStatement(statement.text, { lakeRoot, database: node.database }).steps) {
      out.push(step.kind === 'sql' ? `${step.sql.trim()};` : `-- a lake action the local engine performs itself (no SQL):\n-- ${JSON.stringify(step.action)}`);
    }
  }
  io.stdout(`${out.join('\n\n')}\n`);
  return EXIT_OK;
}
