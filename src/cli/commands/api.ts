import type { RegisterCommand } from '../command.js';

export const registerApi: RegisterCommand = (program, run) => {
  program
    .command('api')
    .description('Serve the lookup API over the served tables (models with `serve:`) on 127.0.0.1: GET /v1/<Table>/<key>.')
    .option('--port <port>', 'port (0: any free port)', '8787')
    .option('--lake <dir>', "local lake folder (default: the project's lake folder)")
    .addHelpText(
      'after',
      "\nExamples:\n  lake api\n  lake api --port 9000\n\nA composite key is the key columns joined with '#', URL-encoded (%23):\n  curl http://127.0.0.1:8787/v1/CustomerFeatures/42\n  curl http://127.0.0.1:8787/v1/CategoryKPIs/Electronics%232025-03-01\n",
    )
    .action((opts) => run(async (io) => (await import('./api-run.js')).runApi(opts, io)));
};
