import type { RegisterCommand } from '../command.js';

export const registerFmt: RegisterCommand = (program, run) => {
  program
    .command('fmt')
    .description(
      'Format SQL files with sql-formatter (Trino). The header block stays byte-for-byte, ${var} placeholders stay, ' +
        'Hive DDL (CREATE EXTERNAL TABLE … ROW FORMAT …) is left as written, and a statement is only rewritten when ' +
        'the result has exactly the same tokens.',
    )
    .argument('[paths...]', "files or folders (default: every .sql file under the project's sql/ folder)")
    .option('--check', 'change nothing; list the files that would change and exit 1 if there are any')
    .addHelpText('after', '\nExamples:\n  lake fmt\n  lake fmt sql/transforms\n  lake fmt --check')
    .action((paths: string[], opts) => run(async (io) => (await import('./fmt-run.js')).runFmt(paths, opts, io)));
};
