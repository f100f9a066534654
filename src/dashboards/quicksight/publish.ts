// Sends generated inputs to QuickSight: create, or update when the resource already exists, so publishing is
// repeatable. Dashboards get their new version published.
import {
  CreateAnalysisCommand,
  CreateDashboardCommand,
  CreateDataSetCommand,
  CreateDataSourceCommand,
  CreateRefreshScheduleCommand,
  ResourceExistsException,
  UpdateAnalysisCommand,
  UpdateDashboardCommand,
  UpdateDashboardPublishedVersionCommand,
  UpdateDataSetCommand,
  UpdateDataSourceCommand,
  UpdateRefreshScheduleCommand,
  type QuickSightClient,
} from '@aws-sdk/client-quicksight';
import type { QuickSightResources } from './index.js';

export interface PublishStep {
  kind: 'data source' | 'dataset' | 'refresh schedule' | 'analysis' | 'dashboard';
  id: string;
  action: 'created' | 'updated';
}

async function createOrUpdate(create: () => Promise<unknown>, update: () => Promise<unknown>): Promise<PublishStep['action']> {
  try {
    await create();
    return 'created';
  } catch (error) {
    if (!(error instanceof ResourceExistsException) && (error as { name?: string }).name !== 'ResourceExistsException') throw error;
    await update();
    return 'updated';
  }
}

/** Version number at the end of a dashboard version ARN (`…/version/3`). */
const versionOf = (arn: string | undefined): number | undefined => {
  const match = /\/version\/(\d+)$/.exec(arn ?? '');
  return match ? Number(match[1]) : undefined;
};

export async function publishQuickSight(
  client: QuickSightClient,
  resources: QuickSightResources,
  onStep: (step: PublishStep) => void = () => {},
): Promise<PublishStep[]> {
  const steps: PublishStep[] = [];
  const record = (kind: PublishStep['kind'], id: string, action: PublishStep['action']) => {
    const step = { kind, id, action };
    steps.push(step);
    onStep(step);
  };
  const source = resources.dataSource;
  record(
    'data source',
    source.DataSourceId!,
    await createOrUpdate(
      () => client.send(new CreateDataSourceCommand(source)),
      () =>
        client.send(
          new UpdateDataSourceCommand({
            AwsAccountId: source.AwsAccountId,
            DataSourceId: source.DataSourceId,
            Name: source.Name,
            DataSourceParameters: source.DataSourceParameters,
          }),
        ),
    ),
  );
  for (const dashboard of resources.dashboards) {
    for (const dataSet of dashboard.dataSets) {
      const { Permissions: _permissions, ...update } = dataSet;
      record(
        'dataset',
        dataSet.DataSetId!,
        await createOrUpdate(
          () => client.send(new CreateDataSetCommand(dataSet)),
          () => client.send(new UpdateDataSetCommand(update)),
        ),
      );
    }
    for (const schedule of dashboard.refreshSchedules) {
      record(
        'refresh schedule',
        schedule.Schedule!.ScheduleId!,
        await createOrUpdate(
          () => client.send(new CreateRefreshScheduleCommand(schedule)),
          () => client.send(new UpdateRefreshScheduleCommand(schedule)),
        ),
      );
    }
    const { Permissions: _analysisPermissions, ...analysisUpdate } = dashboard.analysis;
    record(
      'analysis',
      dashboard.analysis.AnalysisId!,
      await createOrUpdate(
        () => client.send(new CreateAnalysisCommand(dashboard.analysis)),
        () => client.send(new UpdateAnalysisCommand(analysisUpdate)),
      ),
    );
    const { Permissions: _dashboardPermissions, ...dashboardUpdate } = dashboard.dashboard;
    record(
      'dashboard',
      dashboard.dashboard.DashboardId!,
      await createOrUpdate(
        () => client.send(new CreateDashboardCommand(dashboard.dashboard)),
        async () => {
          const updated = await client.send(new UpdateDashboardCommand(dashboardUpdate));
          const version = versionOf(updated.VersionArn);
          if (version !== undefined) {
            await client.send(
              new UpdateDashboardPublishedVersionCommand({
                AwsAccountId: dashboardUpdate.AwsAccountId,
                DashboardId: dashboardUpdate.DashboardId,
                VersionNumber: version,
              }),
            );
          }
        },
      ),
    );
  }
  return steps;
}
