// `npm run bench [-- --events N --models M --json FILE]`: see docs/performance.md.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { peersInstalled } from './peers.js';
import { REPO_ROOT } from './project.js';
import { formatReport } from './report.js';
import { DEFAULT_OPTIONS, runBench, runHourlyOnly, type BenchOptions } from './run.js';

const USAGE = `usage: npm run bench -- [--events N] [--models M] [--json FILE] [--rounds R] [--small-rounds S] [--hours H]
                      [--query-iterations K] [--cold-start-runs C] [--seed S] [--work DIR] [--keep]
                      [--peers | --no-peers] [--scale N[,N…] | --scale none]
                      [--hourly-only] [--hourly-weeks W[,W…]] [--hourly-rounds N] [--hourly-events-per-hour E]
  --hourly-only runs the hourly measure alone (its lakes in the order --hourly-weeks gives, default 1,4; rounds
  default max(3, --small-rounds); events per hour default --events / --hours) and prints its JSON.`;

function positiveInteger(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text.replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer, got '${text}'`);
  return value;
}

/** Whether to run the peers: --peers installs them first (needs python3 and PyPI); by default only when installed. */
type PeersChoice = 'install' | 'skip' | 'if-installed';

function parseBenchArgs(argv: string[]): { options: BenchOptions; json?: string; peers: PeersChoice; hourlyOnly: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      events: { type: 'string' },
      models: { type: 'string' },
      json: { type: 'string' },
      rounds: { type: 'string' },
      'small-rounds': { type: 'string' },
      hours: { type: 'string' },
      'query-iterations': { type: 'string' },
      'cold-start-runs': { type: 'string' },
      seed: { type: 'string' },
      work: { type: 'string' },
      keep: { type: 'boolean' },
      scale: { type: 'string' },
      peers: { type: 'boolean' },
      'no-peers': { type: 'boolean' },
      'hourly-only': { type: 'boolean' },
      'hourly-weeks': { type: 'string' },
      'hourly-rounds': { type: 'string' },
      'hourly-events-per-hour': { type: 'string' },
    },
    strict: true,
  });
  const d = DEFAULT_OPTIONS;
  if (values.peers && values['no-peers']) throw new Error('--peers and --no-peers contradict each other');
  return {
    peers: values.peers ? 'install' : values['no-peers'] ? 'skip' : 'if-installed',
    hourlyOnly: values['hourly-only'] ?? false,
    options: {
      events: positiveInteger('events', values.events, d.events),
      models: positiveInteger('models', values.models, d.models),
      rounds: positiveInteger('rounds', values.rounds, d.rounds),
      smallRounds: positiveInteger('small-rounds', values['small-rounds'], d.smallRounds),
      hours: positiveInteger('hours', values.hours, d.hours),
      queryIterations: positiveInteger('query-iterations', values['query-iterations'], d.queryIterations),
      coldStartRuns: positiveInteger('cold-start-runs', values['cold-start-runs'], d.coldStartRuns),
      seed: positiveInteger('seed', values.seed, d.seed),
      workDir: values.work,
      keep: values.keep ?? false,
      hourlyWeeks: values['hourly-weeks']?.split(',').map((item) => positiveInteger('hourly-weeks', item, 0)),
      hourlyRounds: values['hourly-rounds'] === undefined ? undefined : positiveInteger('hourly-rounds', values['hourly-rounds'], 0),
      hourlyEventsPerHour:
        values['hourly-events-per-hour'] === undefined ? undefined : positiveInteger('hourly-events-per-hour', values['hourly-events-per-hour'], 0),
      scale: values.scale === undefined ? d.scale : values.scale === 'none' ? [] : values.scale.split(',').map((item) => positiveInteger('scale', item, 0)),
    },
    json: values.json,
  };
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseBenchArgs(argv);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  if (parsed.hourlyOnly) {
    const hourly = await runHourlyOnly({ ...parsed.options, log });
    const text = `${JSON.stringify(hourly, null, 2)}\n`;
    process.stdout.write(text);
    if (parsed.json) writeFileSync(parsed.json, text);
    return 0;
  }
  if (parsed.peers === 'install') {
    const install = spawnSync('bash', [join(REPO_ROOT, 'scripts', 'bench-peers.sh')], { stdio: 'inherit' });
    if (install.status !== 0) {
      log('--peers: scripts/bench-peers.sh could not install the peers (it needs python3 and PyPI); run without --peers to skip them');
      return 1;
    }
  }
  const peers = parsed.peers !== 'skip' && peersInstalled();
  if (parsed.peers === 'if-installed' && !peers)
    log('peers (dbt-duckdb, SQLMesh): not installed, skipped; `bash scripts/bench-peers.sh` or --peers installs them');
  const result = await runBench({ ...parsed.options, peers, log });
  process.stdout.write(`${formatReport(result)}\n`);
  if (parsed.json) {
    writeFileSync(parsed.json, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`results written to ${parsed.json}\n`);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
