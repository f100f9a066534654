// QuickSight from the same definitions as the local site. Pure: definitions + view columns + target in, typed SDK
// command inputs out. `lake dashboard publish` and the stacks call this; publish.ts sends them.
import type {
  CreateAnalysisCommandInput,
  CreateDashboardCommandInput,
  CreateDataSetCommandInput,
  CreateDataSourceCommandInput,
  CreateRefreshScheduleCommandInput,
} from '@aws-sdk/client-quicksight';
import { viewsOf, type Dashboard } from '../definition.js';
import type { ViewSchemas } from '../query.js';
import { analysisInput, dashboardDefinition, dashboardInput } from './dashboard.js';
import { dataSetInput, dataSourceInput, refreshScheduleInput, type QuickSightTarget } from './datasets.js';

export type { QuickSightTarget } from './datasets.js';
export { dataSetId, dataSourceId, inputColumnType, quickSightArn, resourceId } from './datasets.js';
export { analysisId, dashboardId, gridElements } from './dashboard.js';

export interface QuickSightDashboardResources {
  name: string;
  dataSets: CreateDataSetCommandInput[];
  refreshSchedules: CreateRefreshScheduleCommandInput[];
  analysis: CreateAnalysisCommandInput;
  dashboard: CreateDashboardCommandInput;
}

export interface QuickSightResources {
  dataSource: CreateDataSourceCommandInput;
  dashboards: QuickSightDashboardResources[];
}

export interface QuickSightSpec {
  /** Names the data source. */
  projectName: string;
  target: QuickSightTarget;
  dashboards: Dashboard[];
  /** Columns of every view, per dashboard name (views of different databases may share a name). */
  schemas: Record<string, ViewSchemas>;
}

/** Every QuickSight input for `dashboards`, in creation order: data source, then per dashboard datasets, schedules, analysis, dashboard. */
export function quickSightResources(spec: QuickSightSpec): QuickSightResources {
  return {
    dataSource: dataSourceInput(spec.target, spec.projectName),
    dashboards: spec.dashboards.map((dashboard) => {
      const schemas = spec.schemas[dashboard.name] ?? {};
      const views = viewsOf(dashboard);
      const missing = views.filter((view) => !schemas[view]);
      if (missing.length > 0) throw new Error(`${dashboard.file}: no columns known for view${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
      const definition = dashboardDefinition(spec.target, dashboard, schemas);
      return {
        name: dashboard.name,
        dataSets: views.map((view) => dataSetInput(spec.target, dashboard, view, schemas[view])),
        refreshSchedules: views.flatMap((view) => refreshScheduleInput(spec.target, dashboard, view) ?? []),
        analysis: analysisInput(spec.target, dashboard, definition),
        dashboard: dashboardInput(spec.target, dashboard, definition),
      };
    }),
  };
}
