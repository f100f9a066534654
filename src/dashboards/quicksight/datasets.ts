// The QuickSight side of the data: one Athena data source per project, one custom-SQL dataset per (dashboard, view)
// (so each dashboard file owns its import mode and refresh schedule), and SPICE refresh schedules.
import type {
  CreateDataSetCommandInput,
  CreateDataSourceCommandInput,
  CreateRefreshScheduleCommandInput,
  InputColumn,
  InputColumnDataType,
  ResourcePermission,
} from '@aws-sdk/client-quicksight';
import type { Column } from '../../engines/engine.js';
import type { Dashboard } from '../definition.js';

/** Where and for whom the resources are created. */
export interface QuickSightTarget {
  awsAccountId: string;
  region: string;
  /** QuickSight user or group ARN that owns (and may change and share) everything generated. */
  principalArn: string;
  /** Athena workgroup the data source queries through. */
  workgroup: string;
  /** Prefix of every resource id, e.g. `example-lakehouse-dev`: keeps stages and projects apart in one account. */
  idPrefix: string;
}

const OWNER_ACTIONS = {
  dataSource: [
    'quicksight:DescribeDataSource',
    'quicksight:DescribeDataSourcePermissions',
    'quicksight:PassDataSource',
    'quicksight:UpdateDataSource',
    'quicksight:DeleteDataSource',
    'quicksight:UpdateDataSourcePermissions',
  ],
  dataSet: [
    'quicksight:DescribeDataSet',
    'quicksight:DescribeDataSetPermissions',
    'quicksight:PassDataSet',
    'quicksight:DescribeIngestion',
    'quicksight:ListIngestions',
    'quicksight:UpdateDataSet',
    'quicksight:DeleteDataSet',
    'quicksight:CreateIngestion',
    'quicksight:CancelIngestion',
    'quicksight:UpdateDataSetPermissions',
  ],
  dashboard: [
    'quicksight:DescribeDashboard',
    'quicksight:ListDashboardVersions',
    'quicksight:UpdateDashboardPermissions',
    'quicksight:QueryDashboard',
    'quicksight:UpdateDashboard',
    'quicksight:DeleteDashboard',
    'quicksight:DescribeDashboardPermissions',
    'quicksight:UpdateDashboardPublishedVersion',
  ],
  analysis: [
    'quicksight:RestoreAnalysis',
    'quicksight:UpdateAnalysisPermissions',
    'quicksight:DeleteAnalysis',
    'quicksight:DescribeAnalysisPermissions',
    'quicksight:QueryAnalysis',
    'quicksight:DescribeAnalysis',
    'quicksight:UpdateAnalysis',
  ],
} as const;

export const ownerPermissions = (target: QuickSightTarget, kind: keyof typeof OWNER_ACTIONS): ResourcePermission[] => [
  { Principal: target.principalArn, Actions: [...OWNER_ACTIONS[kind]] },
];

/** QuickSight ids allow letters, digits, `-` and `_`; anything else becomes `-`. */
export const resourceId = (...parts: string[]): string => parts.join('-').replace(/[^A-Za-z0-9_-]/g, '-');

export const quickSightArn = (target: QuickSightTarget, kind: 'datasource' | 'dataset' | 'dashboard' | 'analysis', id: string): string =>
  `arn:aws:quicksight:${target.region}:${target.awsAccountId}:${kind}/${id}`;

export const dataSourceId = (target: QuickSightTarget): string => resourceId(target.idPrefix, 'athena');
export const dataSetId = (target: QuickSightTarget, dashboard: Pick<Dashboard, 'name'>, view: string): string =>
  resourceId(target.idPrefix, dashboard.name, view);

/** Trino column type → QuickSight input column type. Nested types come through as JSON text. */
export function inputColumnType(trinoType: string): InputColumnDataType {
  if (/^(tinyint|smallint|integer|int|bigint)\b/.test(trinoType)) return 'INTEGER';
  if (/^(real|double|decimal|float)\b/.test(trinoType)) return 'DECIMAL';
  if (/^boolean\b/.test(trinoType)) return 'BOOLEAN';
  if (/^(date|timestamp)\b/.test(trinoType)) return 'DATETIME';
  if (/^(array|map|row|json)\b/.test(trinoType)) return 'JSON';
  return 'STRING';
}

export function dataSourceInput(target: QuickSightTarget, projectName: string): CreateDataSourceCommandInput {
  return {
    AwsAccountId: target.awsAccountId,
    DataSourceId: dataSourceId(target),
    Name: `${projectName} (Athena)`,
    Type: 'ATHENA',
    DataSourceParameters: { AthenaParameters: { WorkGroup: target.workgroup } },
    Permissions: ownerPermissions(target, 'dataSource'),
  };
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** PhysicalTableMap and LogicalTableMap keys: 1-64 of `[0-9a-zA-Z-]` (no `_`, unlike the resource ids). One table per
 *  dataset, so the key only has to be valid, not unique across views. */
export const tableMapId = (view: string): string => view.replace(/[^0-9a-zA-Z-]/g, '-').slice(0, 64) || 'view';

/** A dataset reading one curated view through custom SQL; the columns come from the view itself. */
export function dataSetInput(target: QuickSightTarget, dashboard: Dashboard, view: string, columns: Column[]): CreateDataSetCommandInput {
  const id = dataSetId(target, dashboard, view);
  const InputColumns: InputColumn[] = columns.map((c) => ({ Name: c.name, Type: inputColumnType(c.type) }));
  return {
    AwsAccountId: target.awsAccountId,
    DataSetId: id,
    Name: `${dashboard.title}: ${view}`,
    ImportMode: dashboard.quicksight.import_mode,
    PhysicalTableMap: {
      [tableMapId(view)]: {
        CustomSql: {
          DataSourceArn: quickSightArn(target, 'datasource', dataSourceId(target)),
          Name: view,
          SqlQuery: `SELECT * FROM ${quote(dashboard.database)}.${quote(view)}`,
          Columns: InputColumns,
        },
      },
    },
    LogicalTableMap: { [tableMapId(view)]: { Alias: view, Source: { PhysicalTableId: tableMapId(view) } } },
    Permissions: ownerPermissions(target, 'dataSet'),
  };
}

/** SPICE datasets are refreshed on the dashboard's schedule; direct-query datasets need none. */
export function refreshScheduleInput(target: QuickSightTarget, dashboard: Dashboard, view: string): CreateRefreshScheduleCommandInput | undefined {
  if (dashboard.quicksight.import_mode !== 'SPICE') return undefined;
  const { interval, time, timezone } = dashboard.quicksight.refresh;
  const id = dataSetId(target, dashboard, view);
  const onDay = interval === 'WEEKLY' ? { DayOfWeek: 'MONDAY' as const } : interval === 'MONTHLY' ? { DayOfMonth: '1' } : undefined;
  const daily = ['DAILY', 'WEEKLY', 'MONTHLY'].includes(interval);
  return {
    AwsAccountId: target.awsAccountId,
    DataSetId: id,
    Schedule: {
      ScheduleId: resourceId(id, 'refresh'),
      ScheduleFrequency: { Interval: interval, Timezone: timezone, TimeOfTheDay: daily ? time : undefined, RefreshOnDay: onDay },
      RefreshType: 'FULL_REFRESH',
    },
  };
}
