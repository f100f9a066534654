import { Option } from 'commander';
import type { RegisterCommand } from '../command.js';

export const registerAlert: RegisterCommand = (program, run) => {
  program
    .command('alert')
    .description('Evaluate alerts (sql/alerts/*.sql) now or for a past time on the local engine, send their notices and record alert_history.')
    .argument('[name...]', 'alerts to evaluate (default: all)')
    .option('--at <time>', 'evaluation time, UTC: 2025-03-10T11:00:00Z or "2025-03-10 11:00" (default: now)')
    .option('--dry-run', 'show what would be sent; change no state, send nothing, record nothing')
    .option(
      '--record',
      'with --at: apply that evaluation to the live state, send its notices and record it (default: only show what held then; with --dry-run: preview applying it)',
    )
    .option('--stage <stage>', 'stage whose variables apply (default: lakehouse.yaml default_stage)')
    .option('--lake <dir>', "local lake folder (default: the project's lake folder)")
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      '\nWith --at the alert is evaluated for that time and shown; the live state, notices and alert_history change only with --record.\n\n' +
        'Examples:\n  lake alert\n  lake alert p1_negative_interactions --at "2025-03-10 11:00"\n  lake alert p1_negative_interactions --at "2025-03-10 11:00" --record --dry-run\n  lake sql -e "SELECT * FROM alert_history ORDER BY evaluated_at DESC LIMIT 10"',
    )
    .action((names: string[], opts) => run(async (io) => (await import('./alert-run.js')).runAlertCommand(names, opts, io)));
};
