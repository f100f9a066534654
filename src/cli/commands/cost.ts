import type { RegisterCommand } from '../command.js';

export const registerCost: RegisterCommand = (program, run) => {
  program
    .command('cost')
    .description(
      'Bytes scanned and dollars per model, alert and dashboard over the last days, from the run log (locally an estimate; on Athena what it bills).',
    )
    .option('--stage <stage>', 'stage whose run log to read (default: lakehouse.yaml default_stage)')
    .option('--days <n>', 'days back from now', '30')
    .option('--json', 'print the report as JSON')
    .option('--lake <dir>', "local lake folder (default: the project's lake folder)")
    .option('--workgroup <name>', "read the stage's run log on Amazon Athena through this workgroup (the deployed stage's AthenaWorkGroup output)")
    .option('--region <region>', 'AWS region of --workgroup (default: the AWS SDK default chain)')
    .addHelpText('after', '\nExamples:\n  lake cost\n  lake cost --days 7 --json\n\nOn AWS: lake cost --stage prod --workgroup prod-sql-lakehouse\n')
    .action((opts) => run(async (io) => (await import('./cost-run.js')).runCost(opts, io)));
};
