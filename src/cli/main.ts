// `lake`: thin commands. Each parses its options and calls one module function; every error goes through reportError.
import { Command, CommanderError } from 'commander';
import type { Action } from './command.js';
import { COMMANDS } from './commands/index.js';
import { EXIT_CRASH, reportError } from './errors.js';
import { processIo, type Io } from './io.js';
// Bundled into dist/lake.js at build time, so the installed CLI reports the version it was built from.
import packageJson from '../../package.json' with { type: 'json' };

export function buildProgram(io: Io, run: (action: Action) => void): Command {
  const program = new Command('lake')
    .description('SQL-first lakehouse: run Athena SQL locally, test it, and deploy it to AWS.')
    .version(packageJson.version, '-V, --version', 'print the version of lake')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  for (const register of COMMANDS) register(program, run);
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
