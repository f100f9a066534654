import { Option } from 'commander';
import type { RegisterCommand } from '../command.js';
import { withSelectionOptions } from './selection.js';

export const registerLint: RegisterCommand = (program, run) => {
  withSelectionOptions(program.command('lint'))
    .description(
      'Check SQL files under sql/ without running them: headers, syntax (Trino grammar; Hive grammar for DDL), ' +
        'unknown variables, unknown tables, dependency cycles, constructs the local engine cannot run faithfully, and binds ' +
        'every query over empty inputs with the real column types (unknown columns, type errors, partitioned_by columns ' +
        'not returned, alert conditions naming missing columns).',
    )
    .argument('[paths...]', 'files or folders to report on (default: every SQL file in the project)')
    .option('--stage <stage>', 'stage whose variables apply (default: lakehouse.yaml default_stage)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--no-bind', 'skip binding every model, view and alert over empty typed inputs (unknown columns, types, partitioned_by, alert columns)')
    .option('--no-cache', "parse every file again instead of reusing syntax results of unchanged files (kept in the lake folder's .cache/)")
    .addHelpText(
      'after',
      '\nPrints one line per finding, `file:line:col: severity [rule] message`, followed by a hint when there is one.\n' +
        'Exit code: 0 when there is no error (warnings allowed), 1 when there is an error, 2 on bad usage.\n\n' +
        'Examples:\n  lake lint\n  lake lint sql/transforms\n  lake lint --select p1_interaction_kpis_hourly+\n  lake lint --format json sql/alerts/p1_negative_interactions.sql',
    )
    .action((paths: string[], opts) => run(async (io) => (await import('./lint-run.js')).runLint(paths, opts, io)));
};
