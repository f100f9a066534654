import type { RegisterCommand } from '../command.js';

export const registerDashboard: RegisterCommand = (program, run) => {
  const dashboard = program.command('dashboard').description('Dashboards defined in sql/dashboards/*.dashboard.yaml: a local web site, and QuickSight on AWS.');
  dashboard
    .command('build')
    .description('Query the curated views on the local engine and write a static, self-contained site (index.html + one page per dashboard).')
    .option('--out <dir>', 'site folder (default: <lake>/.dashboards)')
    .option('--lake <dir>', "local lake folder (default: the project's lake folder)")
    .option('--only <name...>', 'only these dashboards')
    .addHelpText('after', '\nExamples:\n  lake dashboard build\n  lake dashboard build --out site --only customer_support')
    .action((opts) => run(async (io) => (await import('./dashboard-run.js')).runDashboardBuild(opts, io)));
  dashboard
    .command('serve')
    .description('Serve the dashboards on 127.0.0.1; every page load and filter change re-queries the local engine.')
    .option('--port <port>', 'port (0: any free port)', '8765')
    .option('--out <dir>', 'folder for the static assets (default: <lake>/.dashboards)')
    .option('--lake <dir>', "local lake folder (default: the project's lake folder)")
    .addHelpText('after', '\nExamples:\n  lake dashboard serve\n  lake dashboard serve --port 9000')
    .action((opts) => run(async (io) => (await import('./dashboard-run.js')).runDashboardServe(opts, io)));
  dashboard
    .command('publish')
    .description('Create or update the QuickSight data source, datasets, refresh schedules, analyses and dashboards.')
    .option('--dry-run', 'print the QuickSight API inputs as JSON instead of calling AWS')
    .option('--stage <stage>', 'stage whose variables apply (default: lakehouse.yaml default_stage)')
    .option('--account-id <id>', 'AWS account id (default: stage variable aws_account_id)')
    .option('--region <region>', 'AWS region (default: stage variable aws_region, then AWS_REGION)')
    .option('--principal <arn>', 'QuickSight user or group ARN given ownership (default: stage variable quicksight_principal)')
    .option('--workgroup <name>', 'Athena workgroup (default: stage variable athena_workgroup, then primary)')
    .option('--lake <dir>', "local lake folder whose views give the dataset columns (default: the project's lake folder)")
    .option('--only <name...>', 'only these dashboards')
    .addHelpText(
      'after',
      '\nExamples:\n  lake dashboard publish --dry-run\n' +
        '  lake dashboard publish --stage prod --account-id 123456789012 --region eu-west-1 --principal arn:aws:quicksight:eu-west-1:123456789012:group/default/analysts',
    )
    .action((opts) => run(async (io) => (await import('./dashboard-publish-run.js')).runDashboardPublish(opts, io)));
};
