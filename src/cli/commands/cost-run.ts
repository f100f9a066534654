import { AthenaEngine } from '../../engines/athena/engine.js';
import type { Engine, QueryResult } from '../../engines/engine.js';
import { costReport, type CostReport } from '../../pipeline/cost-report.js';
import { ATHENA_USD_PER_TB } from '../../pipeline/cost.js';
import { projectVariables } from '../../project/variables.js';
import { openLocalEngine } from '../context.js';
import { CliError, EXIT_CRASH, EXIT_OK } from '../errors.js';
import { resultTable, toJson } from '../format.js';
import type { Io } from '../io.js';
import { loadProjectForCli } from '../pipeline-session.js';

export interface CostOptions {
  stage?: string;
  days: string;
  json?: boolean;
  lake?: string;
  workgroup?: string;
  region?: string;
}

export async function runCost(options: CostOptions, io: Io, now: Date = new Date()): Promise<number> {
  const days = Number(options.days);
  if (!/^\d+$/.test(options.days) || days < 1)
    throw new CliError(`--days must be a whole number of days ≥ 1 (got '${options.days}')`, { exitCode: EXIT_CRASH });
  const project = await loadProjectForCli(io, options.stage);
  const bucket = projectVariables(project.config, project.stage).lake_bucket;
  if (typeof bucket !== 'string') throw new CliError(`stage '${project.stage}' has no lake_bucket variable in lakehouse.yaml: its run log cannot be found`);
  const database = project.config.database;
  let engine: Engine;
  if (options.workgroup) engine = new AthenaEngine({ workgroup: options.workgroup, database, ...(options.region ? { region: options.region } : {}) });
  else engine = (await openLocalEngine(io, { lake: options.lake, database, command: 'lake cost' })).engine;
  try {
    const report = await costReport(engine, { database, bucket, days, now, estimate: !options.workgroup });
    io.stdout(options.json ? `${toJson(report)}\n` : describe(report, project.stage));
    return EXIT_OK;
  } finally {
    await engine.close();
  }
}

const time = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');

function describe(report: CostReport, stage: string): string {
  const source = report.estimate
    ? 'estimate: bytes the local engine read from the lake, priced as Athena would bill them'
    : 'Athena DataScannedInBytes, as billed';
  const head = `Query cost of stage ${stage} from ${time(report.since)} to ${time(report.until)} UTC (${source}; $${ATHENA_USD_PER_TB}/TB, 10 MB minimum per query)\n`;
  if (report.lines.length === 0) return `${head}no steps in the run log in this window\n`;
  const usd = (n: number) => n.toFixed(4);
  const table: QueryResult = {
    columns: [
      { name: 'kind', type: 'varchar' },
      { name: 'node', type: 'varchar' },
      { name: 'steps', type: 'bigint' },
      { name: 'bytes_scanned', type: 'bigint' },
      { name: 'usd', type: 'decimal(12,4)' },
    ],
    rows: [
      ...report.lines.map((l) => [l.kind, l.node, l.steps, l.bytesScanned, usd(l.usd)]),
      ['total', '', report.total.steps, report.total.bytesScanned, usd(report.total.usd)],
    ],
    stats: { durationMs: 0 },
  };
  return head + resultTable(table, Number.POSITIVE_INFINITY).replace(/\n\(\d+ rows?\)\n$/, '\n');
}
