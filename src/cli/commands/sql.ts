import { Option } from 'commander';
import type { RegisterCommand } from '../command.js';
import { ENGINE_KINDS } from '../engine-choice.js';

export const registerSql: RegisterCommand = (program, run) => {
  program
    .command('sql')
    .description('Run a script of `;`-separated Athena SQL statements on the local engine (or a Trino with --engine trino) and print the last result.')
    .option('--lake <dir>', "local lake folder (default: the project's lake folder)")
    .option('--database <db>', 'default database for unqualified table names')
    .addOption(new Option('--engine <engine>', "engine to run on (default: the local engine, or the stage's engine)").choices([...ENGINE_KINDS]))
    .option('--trino-url <url>', 'Trino coordinator for --engine trino (default: $LAKE_TRINO_URL)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv', 'jsonl']).default('table'))
    .option('-e, --execute <sql>', 'SQL text to run')
    .option('--file <file>', 'SQL file to run (- reads standard input)')
    .option('--limit <n>', 'rows the table format prints at most; says how many more there were', '1000')
    .option('--each', 'run every statement on its own, keep going after failures, print one JSON line per statement')
    .addHelpText(
      'after',
      '\nWithout -e or --file, the SQL is read from standard input when it is piped.\n\n' +
        'Examples:\n  lake sql -e "SELECT 1"\n  echo "SELECT channel, count(*) FROM crm_data GROUP BY 1" | lake sql\n' +
        '  lake sql --format json --file sql/dashboards/support_negative_share.sql\n  lake sql --limit 20 -e "SELECT * FROM crm_data"\n' +
        '  lake sql --each --format jsonl -e "SELECT 1; SELECT count(*) FROM run_log"',
    )
    .action((opts) => run(async (io) => (await import('./sql-run.js')).runSql(opts, io)));
};
