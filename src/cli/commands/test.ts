import { Option } from 'commander';
import type { RegisterCommand } from '../command.js';
import { SELECTOR_SYNTAX, withSelectionOptions } from './selection.js';
import { ENGINE_KINDS } from '../engine-choice.js';

export const registerTest: RegisterCommand = (program, run) => {
  withSelectionOptions(program.command('test'))
    .description(
      'Run the SQL unit tests of the selected models (fixture rows in, expected rows out, on the local engine) and the ' +
        'data-contract checks of their tables over the local lake.',
    )
    .argument('[selector...]', `models to test: ${SELECTOR_SYNTAX} (default: everything)`)
    .option('--junit <file>', 'also write the results as JUnit XML to this file')
    .option('--stage <stage>', 'stage whose variables apply (default: lakehouse.yaml default_stage)')
    .option('--lake <dir>', "local lake folder the contract checks read (default: the project's lake folder)")
    .addOption(
      new Option('--format <format>', 'text, or json: one object with every test and check (like dbt run_results.json)')
        .choices(['text', 'json'])
        .default('text'),
    )
    .option('--no-checks', 'run only the unit tests, not the contract checks')
    .addOption(new Option('--engine <engine>', "engine the unit tests run on (default: the local engine, or the stage's engine)").choices([...ENGINE_KINDS]))
    .option('--trino-url <url>', 'Trino coordinator for --engine trino (default: $LAKE_TRINO_URL); contract checks stay on the local lake')
    .addHelpText(
      'after',
      '\nUnit tests are YAML files under tests/sql/ or beside the models as <name>.test.yaml; contracts are the `contract:`\n' +
        'section of a SQL file header. Checks on tables the local lake does not hold yet are skipped.\n' +
        'Exit code: 0 when every test and every error-severity check passes, 1 otherwise, 2 on bad usage.\n\n' +
        'Examples:\n  lake test\n  lake test p2_order_kpis+ --junit reports/sql-tests.xml\n  lake test tag:p2 --no-checks\n  lake test --select tag:p1 --exclude kind:alert',
    )
    .action((selector: string[], opts) => run(async (io) => (await import('./test-run.js')).runTestCommand(selector, opts, io)));
};
