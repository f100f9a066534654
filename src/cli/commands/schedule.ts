import type { RegisterCommand } from '../command.js';

export const registerSchedule: RegisterCommand = (program, run) => {
  program
    .command('schedule')
    .description('Run scheduled jobs locally at their schedule times (UTC): every model and alert with a `schedule:` header. Stop with Ctrl-C.')
    .option('--stage <stage>', 'stage whose variables apply (default: lakehouse.yaml default_stage)')
    .option('--lake <dir>', "local lake folder (default: the project's lake folder)")
    .option('--catch-up <n>', 'missed fire times to run after a restart, per job (the most recent ones)', '3')
    .option('--once', 'run what is due now (including catch-up) and exit')
    .addHelpText('after', '\nWithout --once it keeps running (Ctrl-C stops it).\n\nExamples:\n  lake schedule --once\n  lake schedule --once --catch-up 24')
    .action((opts) => run(async (io) => (await import('./schedule-run.js')).runSchedule(opts, io)));
};
