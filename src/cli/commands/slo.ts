import type { RegisterCommand } from '../command.js';

export const registerSlo: RegisterCommand = (program, run) => {
  program
    .command('slo')
    .description("Print the state of every model's service level objectives (header `slo:`) from the run log: met, missed or no data, and the last miss.")
    .option('--stage <stage>', 'stage whose run log to read (default: lakehouse.yaml defaultStage)')
    .option('--at <time>', 'judge as of this time (ISO 8601, UTC; default: now)')
    .option('--days <n>', 'days of run history to read for the last miss', '7')
    .option('--json', 'print the states as JSON')
    .option('--fail-on-miss', 'exit 1 when an objective is missed (for cron or CI)')
    .option('--lake <dir>', "local lake folder (default: the project's lake folder)")
    .addHelpText('after', '\nExamples:\n  lake slo\n  lake slo --json\n')
    .action((opts) => run(async (io) => (await import('./slo-run.js')).runSlo(opts, io)));
};
