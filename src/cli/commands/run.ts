import { Option } from 'commander';
import type { RegisterCommand } from '../command.js';
import { SELECTOR_SYNTAX, withSelectionOptions } from './selection.js';
import { ENGINE_KINDS } from '../engine-choice.js';

export const registerRun: RegisterCommand = (program, run) => {
  withSelectionOptions(program.command('run'))
    .description('Run the pipeline locally: DDL, models in DAG order, checks, alerts, dashboard views.')
    .argument('[selector...]', `nodes to run: ${SELECTOR_SYNTAX} (default: everything)`)
    .option('--from <time>', 'start of the period range (UTC), e.g. 2025-03-10 or 2025-03-10T07:00')
    .option('--to <time>', 'end of the period range (UTC, exclusive)')
    .option('--per-period', 'run incremental models once per period instead of once over the range')
    .option('--stage <stage>', 'stage whose variables to use (default: the project default)')
    .option('--lake <dir>', "local lake folder (default: the project's lake folder)")
    .option('--demo', 'reset the local lake, generate the seeded example data for all five pipelines, ingest it, run everything and print a summary')
    .option('--verbose', 'print every step, not only failures')
    .option('--no-alerts', 'do not evaluate alerts (and send no notices) in this run')
    .addOption(
      new Option('--format <format>', 'text, or json: one object with every step (like dbt run_results.json)').choices(['text', 'json']).default('text'),
    )
    .option('--dry-run', 'print the plan (steps in order, periods, how writes are split) and run nothing')
    .addOption(new Option('--engine <engine>', "engine the pipeline runs on (default: the stage's engine, else the local one)").choices([...ENGINE_KINDS]))
    .option('--trino-url <url>', 'Trino coordinator for --engine trino (default: $LAKE_TRINO_URL, then the stage’s engine URL)')
    .addHelpText(
      'after',
      '\nExamples:\n  lake run --demo\n  lake run p1_interaction_kpis_hourly+ --from 2025-03-10 --to 2025-03-11\n  lake run tag:p2\n' +
        '  lake run --select p2_order_kpis+ --exclude kind:dashboard\n  lake run tag:p1 --no-alerts\n' +
        '  lake run p1_interaction_kpis_hourly+ --from 2025-03-10 --to 2025-03-11 --per-period --dry-run',
    )
    .action((selector: string[], opts) => run(async (io) => (await import('./run-pipeline.js')).runCommand(selector, opts, io)));
};
