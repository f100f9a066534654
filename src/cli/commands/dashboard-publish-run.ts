import { describeViews, checkAgainstViews } from '../../dashboards/query.js';
import { projectDashboards } from '../../dashboards/build.js';
import { DashboardError } from '../../dashboards/load.js';
import { quickSightResources, type QuickSightTarget } from '../../dashboards/quicksight/index.js';
import { openLocalEngine, projectAt } from '../context.js';
import { CliError, EXIT_CRASH, EXIT_OK } from '../errors.js';
import { toJson } from '../format.js';
import type { Io } from '../io.js';
import { requireProjectRoot } from './project-paths.js';

export interface DashboardPublishOptions {
  dryRun?: boolean;
  stage?: string;
  accountId?: string;
  region?: string;
  principal?: string;
  workgroup?: string;
  lake?: string;
  only?: string[];
}

/** Flags first, then the stage's variables in lakehouse.yaml, then the environment. */
function resolveTarget(options: DashboardPublishOptions, variables: Record<string, unknown>, idPrefix: string, dryRun: boolean): QuickSightTarget {
  const variable = (name: string) => (variables[name] === undefined ? undefined : String(variables[name]));
  const values = {
    awsAccountId: options.accountId ?? variable('aws_account_id') ?? process.env.AWS_ACCOUNT_ID,
    region: options.region ?? variable('aws_region') ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION,
    principalArn: options.principal ?? variable('quicksight_principal'),
  };
  const missing = Object.entries({ awsAccountId: '--account-id', region: '--region', principalArn: '--principal' }).filter(
    ([key]) => !values[key as keyof typeof values],
  );
  if (missing.length > 0 && !dryRun) {
    throw new CliError(`QuickSight publish needs ${missing.map(([, flag]) => flag).join(', ')}`, {
      hint: 'give the flags, or set aws_account_id, aws_region and quicksight_principal in the stage variables of lakehouse.yaml',
      exitCode: EXIT_CRASH,
    });
  }
  // A dry run without them shows where they go.
  return {
    awsAccountId: values.awsAccountId ?? '${aws_account_id}',
    region: values.region ?? '${aws_region}',
    principalArn: values.principalArn ?? '${quicksight_principal}',
    workgroup: options.workgroup ?? variable('athena_workgroup') ?? 'primary',
    idPrefix,
  };
}

export async function runDashboardPublish(options: DashboardPublishOptions, io: Io): Promise<number> {
  requireProjectRoot(io);
  const project = projectAt(io)!;
  const stage = options.stage ?? project.config.default_stage;
  if (options.stage && !project.config.stages[stage]) throw new CliError(`no stage '${stage}' in lakehouse.yaml`, { exitCode: EXIT_CRASH });
  const variables = project.config.stages[stage]?.variables ?? {};
  const target = resolveTarget(options, variables, `${project.config.name}-${stage}`, Boolean(options.dryRun));
  const dashboards = projectDashboards(project, options.only);

  // The datasets declare their columns; the local engine knows them from the views themselves.
  const { engine } = await openLocalEngine(io, { lake: options.lake, command: 'lake dashboard publish' });
  const schemas: Parameters<typeof quickSightResources>[0]['schemas'] = {};
  try {
    for (const dashboard of dashboards) {
      schemas[dashboard.name] = await describeViews(engine, dashboard);
      const problems = checkAgainstViews(dashboard, schemas[dashboard.name]);
      if (problems.length > 0) throw new DashboardError(problems);
    }
  } finally {
    await engine.close();
  }
  const resources = quickSightResources({ projectName: project.config.name, target, dashboards, schemas });
  if (options.dryRun) {
    io.stdout(`${JSON.stringify(JSON.parse(toJson(resources)), null, 2)}\n`);
    return EXIT_OK;
  }
  const { QuickSightClient } = await import('@aws-sdk/client-quicksight');
  const { publishQuickSight } = await import('../../dashboards/quicksight/publish.js');
  const client = new QuickSightClient({ region: target.region });
  await publishQuickSight(client, resources, (step) => io.stdout(`${step.action} ${step.kind} ${step.id}\n`));
  io.stdout(
    `Published ${dashboards.length} dashboard${dashboards.length === 1 ? '' : 's'} to QuickSight (${target.region}, account ${target.awsAccountId}).\n`,
  );
  return EXIT_OK;
}
