import { Option } from 'commander';
import type { RegisterCommand } from '../command.js';
import { SELECTOR_SYNTAX, withSelectionOptions } from './selection.js';

export const registerGraph: RegisterCommand = (program, run) => {
  withSelectionOptions(program.command('graph'))
    .description('Print the dependency graph of the SQL files (run order), optionally for a selection.')
    .argument('[selector...]', `nodes to show: ${SELECTOR_SYNTAX}; name+ adds downstream, +name upstream, n+ only n levels; several = union`)
    .option('--stage <stage>', 'stage whose variables apply (default: lakehouse.yaml default_stage)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'mermaid']).default('text'))
    .addHelpText(
      'after',
      '\nExamples:\n  lake graph\n  lake graph +p2_order_kpis\n  lake graph tag:p1 --format mermaid\n  lake graph path:sql/dashboards --format json\n' +
        '  lake graph --select crm_data+ --exclude p1_negative_interactions\n  lake graph --select 1+p3_customer_360 tag:p3,kind:model',
    )
    .action((selector: string[], opts) => run(async (io) => (await import('./graph-run.js')).runGraph(selector, opts, io)));
};
