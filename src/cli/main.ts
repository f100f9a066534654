// `lake`: thin commands. Each parses its options and calls one module function; every error goes through reportError.
import { Command, CommanderError, Option } from 'commander';
import { EXIT_CRASH, reportError } from './errors.js';
import { processIo, type Io } from './io.js';

type Action = (io: Io) => Promise<number>;

export function buildProgram(io: Io, run: (action: Action) => void): Command {
  const program = new Command('lake')
    .description('SQL-first lakehouse: run Athena SQL locally, test it, and deploy it to AWS.')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command('sql')
    .description('Run a script of `;`-separated Athena SQL statements on the local engine and print the last result.')
    .option('--lake <dir>', 'local lake folder (default: the project\'s lake folder)')
    .option('--database <db>', 'default database for unqualified table names')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv', 'jsonl']).default('table'))
    .option('-e, --execute <sql>', 'SQL text to run')
    .option('--file <file>', 'SQL file to run')
    .option('--each', 'run every statement on its own, keep going after failures, print one JSON line per statement')
    .addHelpText('after', '\nExamples:\n  lake sql -e "SELECT 1"\n  lake sql --format json --file checks.sql\n  lake sql --each --format jsonl --file examples.sql')
    .action((opts) =>
      run(async (io) => (await import('./commands/sql.js')).runSql(opts, io)),
    );

  return program;
}

/** Runs the CLI; resolves to the process exit code. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let pending: Promise<number> | undefined;
  const program = buildProgram(io, (action) => {
    pending = action(io);
  });
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync(argv, { from: 'user' });
    return pending ? await pending : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_CRASH;
    return reportError(error, io);
  }
}
