import { Option } from 'commander';
import type { RegisterCommand } from '../command.js';

export const registerRender: RegisterCommand = (program, run) => {
  program
    .command('render')
    .description(
      "Print a model's (or view's, alert's, DDL file's) SQL with its variables filled in: for Athena, exactly the statements " +
        "a run sends (a model's CTAS/INSERT/MERGE and the catalog statements around it, a view's CREATE OR REPLACE VIEW; paste " +
        'them into the Athena console); for the local engine, the DuckDB SQL of the query after translation.',
    )
    .argument('<model>', 'a model, dashboard view, alert or ddl file: its name, table or file path')
    .option('--stage <stage>', 'stage whose variables apply (default: lakehouse.yaml default_stage)')
    .addOption(new Option('--engine <engine>', 'athena: the Athena SQL; local: after translation to DuckDB').choices(['athena', 'local']).default('athena'))
    .option('--from <time>', 'period start for ${period_start} (UTC; default: the last complete period)')
    .option('--to <time>', 'period end for ${period_end} (UTC, exclusive)')
    .option('--at <time>', '${now} (and an alert window ending then), UTC (default: now)')
    .option('--first-run', "athena: the statements of a model's first run (its table does not exist yet)")
    .option('--lake <dir>', "local lake folder the translated paths point into (default: the project's lake folder)")
    .addHelpText(
      'after',
      '\nExamples:\n  lake render p2_order_kpis\n  lake render p2_order_kpis --stage prod --from 2025-03-10 --to 2025-03-11\n' +
        '  lake render p1_interaction_kpis_hourly --first-run\n  lake render p1_interaction_kpis_hourly --engine local\n  lake render p1_negative_interactions --at "2025-03-10 11:00"',
    )
    .action((model: string, opts) => run(async (io) => (await import('./render-run.js')).runRender(model, opts, io)));
};
