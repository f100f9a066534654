// The Dashboards stack's custom resource on AWS: the dashboard views on Athena through the bundled project, then
// QuickSight (src/dashboards/quicksight/custom-resource.ts). No DuckDB: Athena does the SQL.
import { QuickSightClient } from '@aws-sdk/client-quicksight';
import { handleDashboardsEvent, type DashboardsResourceProperties, type DashboardsResourceResult } from '../../src/dashboards/quicksight/custom-resource.js';
import { ENV, logEvent, requireEnv } from './environment.js';
import { lake } from './lake.js';
import { pipelineContext } from './scheduled.js';

export function onDashboardsEvent(event: unknown): Promise<DashboardsResourceResult> {
  return handleDashboardsEvent(event, {
    quicksight: (region) => new QuickSightClient({ region }),
    context: async () => pipelineContext(await lake()),
    properties: () => JSON.parse(requireEnv(ENV.quickSightDeployment)) as DashboardsResourceProperties,
    log: logEvent,
  });
}
