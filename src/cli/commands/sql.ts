import { Option } from 'commander';
import type { RegisterCommand } from '../command.js';

export const registerSql: RegisterCommand = (program, run) => {
  program
    .command('sql')
    .description('Run a script of `;`-separated Athena SQL statements on the local engine and print the last result.')
    .option('--lake <dir>', "local lake folder (default: the project's lake folder)")
    .option('--database <db>', 'default database for unqualified table names')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv', 'jsonl']).default('table'))
    .option('-e, --execute <sql>', 'SQL text to run')
    .option('--file <file>', 'SQL file to run')
    .option('--each', 'run every statement on its own, keep going after failures, print one JSON line per statement')
    .addHelpText(
      'after',
      '\nExamples:\n  lake sql -e "SELECT 1"\n  lake sql --format json --file checks.sql\n  lake sql --each --format jsonl --file examples.sql',
    )
    .action((opts) => run(async (io) => (await import('./sql-run.js')).runSql(opts, io)));
};
