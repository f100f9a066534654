import { Option } from 'commander';
import type { RegisterCommand } from '../command.js';

export const registerGraph: RegisterCommand = (program, run) => {
  program
    .command('graph')
    .description('Print the dependency graph of the SQL files (run order), optionally for a selection.')
    .argument(
      '[selector...]',
      'nodes to show: name, name+ (and downstream), +name (and upstream), +name+, tag:x, path:sql/transforms/p1, kind:model, or a file path; several = union',
    )
    .option('--stage <stage>', 'stage whose variables apply (default: lakehouse.yaml defaultStage)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'mermaid']).default('text'))
    .addHelpText(
      'after',
      '\nExamples:\n  lake graph\n  lake graph +daily_revenue\n  lake graph tag:p1 --format mermaid\n  lake graph path:sql/transforms/p2 --format json',
    )
    .action((selector: string[], opts) => run(async (io) => (await import('./graph-run.js')).runGraph(selector, opts, io)));
};
