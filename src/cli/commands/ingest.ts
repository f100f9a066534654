import { Option } from 'commander';
import type { RegisterCommand } from '../command.js';

export const registerIngest: RegisterCommand = (program, run) => {
  program
    .command('ingest')
    .description('Push one file through the live ingestion path of a landing table; print {"received","accepted","quarantined","reasons"}.')
    .argument('<source>', 'interactions (P1 crm_data), domain_events (P4), orders, order_items or products (P2 CSV)')
    .requiredOption('--file <file>', 'the file to ingest (JSON lines or a JSON array; CSV for P2; gzip is detected)')
    .addOption(new Option('--format <format>', 'file format (default: the source’s)').choices(['json', 'csv']))
    .option('--stage <stage>', 'stage whose lake_bucket to use (default: the project default)')
    .option('--lake <dir>', "local lake folder (default: the project's lake folder)")
    .addHelpText(
      'after',
      '\nExit code 0 when every record was accepted, 1 when some were quarantined (each is listed on stderr).\n\n' +
        'Examples (sample files of the example project):\n  lake ingest interactions --file samples/interactions.jsonl --format json\n' +
        '  lake ingest orders --file samples/orders_2025-03-07.csv && lake run tag:p2 --from 2025-03-07 --to 2025-03-08',
    )
    .action((source: string, opts) => run(async (io) => (await import('./ingest-run.js')).runIngest(source, opts, io)));
};
