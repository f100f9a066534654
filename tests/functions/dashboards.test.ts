// dashboards: the Dashboards stack's custom resource. Create creates the dashboard views on Athena, describes them
// there and publishes one data source, one dataset per view (with the columns Athena reported), refresh schedules, the
// analysis and the dashboard, all owned by the principal; Update updates what exists and deletes what the definitions
// dropped; Delete removes everything; a dashboard whose tables do not exist yet is left pending.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  CreateAnalysisCommand,
  CreateDashboardCommand,
  CreateDataSetCommand,
  CreateDataSourceCommand,
  CreateRefreshScheduleCommand,
  DeleteAnalysisCommand,
  DeleteDashboardCommand,
  DeleteDataSetCommand,
  DeleteDataSourceCommand,
  QuickSightClient,
  ResourceExistsException,
  ResourceNotFoundException,
  UpdateAnalysisCommand,
  UpdateDashboardCommand,
  UpdateDashboardPublishedVersionCommand,
  UpdateDataSetCommand,
  UpdateDataSourceCommand,
  UpdateRefreshScheduleCommand,
} from '@aws-sdk/client-quicksight';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from '../../functions/dashboards.js';
import { resetLake } from '../../functions/lib/lake.js';
import type { DashboardsResourceProperties } from '../../src/dashboards/quicksight/custom-resource.js';
import { fakeAthena, fixtureProject, type FakeAnswer } from './fakes.js';

/** The test's own custom resource events: only what the handler reads (CloudFormation sends more). */
const cfn = (event: object) => event as Parameters<typeof handler>[0];

const DASHBOARD = `title: Shop sales
filters:
  - { id: period, type: date_range, column: order_date }
visuals:
  - { id: revenue, type: kpi, title: Revenue, view: daily_sales, y: revenue }
  - { id: trend, type: line, title: Revenue by day, view: daily_sales, x: order_date, y: revenue }
  - { id: mix, type: donut, title: Status mix, view: order_status, x: status, y: orders }
quicksight:
  import_mode: SPICE
  refresh: { interval: DAILY, time: "03:00", timezone: UTC }
`;
const project = fixtureProject({
  'ddl/orders.sql':
    "CREATE EXTERNAL TABLE IF NOT EXISTS orders (order_id INT, order_date DATE, status STRING, amount DOUBLE) STORED AS PARQUET LOCATION 's3://${lake_bucket}/processed/orders/'",
  'dashboards/daily_sales.sql': 'SELECT order_date, sum(amount) AS revenue FROM orders GROUP BY order_date',
  'dashboards/order_status.sql': 'SELECT status, count(*) AS orders FROM orders GROUP BY status',
  'dashboards/sales.dashboard.yaml': DASHBOARD,
});
const env = { LAKEHOUSE_ROOT: project.root, LAKE_STAGE: 'prod', LAKE_BUCKET: 'deployed-bucket', ATHENA_WORKGROUP: 'wg', GLUE_DATABASE: 'lakehouse' };

const PRINCIPAL = 'arn:aws:quicksight:us-east-1:123456789012:user/default/analyst';
const target = { awsAccountId: '123456789012', region: 'us-east-1', principalArn: PRINCIPAL, workgroup: 'wg', idPrefix: 't-prod' };
const properties: DashboardsResourceProperties = { Target: target, Dashboards: [{ name: 'sales', views: ['daily_sales', 'order_status'] }], Version: 'v1' };
const COLUMNS: Record<string, FakeAnswer['columns']> = {
  daily_sales: [
    { name: 'order_date', type: 'date' },
    { name: 'revenue', type: 'double' },
  ],
  order_status: [
    { name: 'status', type: 'varchar' },
    { name: 'orders', type: 'bigint' },
  ],
};

/** Athena: `orders` exists unless `tables` says otherwise; views describe with COLUMNS. */
function athena(tables: string[] = ['orders']) {
  return fakeAthena((sql) => {
    const show = /^SHOW TABLES IN `(\w+)` '(\w+)'/.exec(sql);
    if (show) return { statementType: 'UTILITY', columns: [{ name: 'tab_name', type: 'varchar' }], rows: tables.includes(show[2]) ? [[show[2]]] : [] };
    const describe = /^SELECT \* FROM "lakehouse"\."(\w+)" LIMIT 0$/.exec(sql);
    if (describe) return { columns: COLUMNS[describe[1]], rows: [] };
    return { statementType: 'DDL' };
  });
}

const quicksight = mockClient(QuickSightClient);
const s3 = mockClient(S3Client);
const inputs = <T extends object>(command: new (input: T) => unknown) =>
  quicksight.commandCalls(command as never).map((c) => (c.args[0] as unknown as { input: T }).input);

beforeAll(() => {
  Object.assign(process.env, env);
  resetLake();
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
beforeEach(() => {
  quicksight.reset();
  s3.reset();
  s3.on(PutObjectCommand).resolves({});
});
afterEach(() => resetLake());
afterAll(() => {
  for (const name of Object.keys(env)) delete process.env[name];
  project.remove();
  vi.restoreAllMocks();
});

describe('dashboards custom resource', () => {
  it("Create: creates the views on Athena, then one data source, a dataset per view with Athena's columns, schedules, analysis and dashboard for the principal", async () => {
    const { statements } = athena();
    for (const command of [CreateDataSourceCommand, CreateDataSetCommand, CreateRefreshScheduleCommand, CreateAnalysisCommand, CreateDashboardCommand]) {
      quicksight.on(command as never).resolves({});
    }

    const result = await handler(cfn({ RequestType: 'Create', ResourceProperties: properties }));

    expect(result).toEqual({
      PhysicalResourceId: '123456789012:us-east-1:t-prod-athena',
      Data: { DataSourceArn: 'arn:aws:quicksight:us-east-1:123456789012:datasource/t-prod-athena', Published: 'sales', Pending: '' },
    });
    const views = statements.filter((s) => s.startsWith('CREATE OR REPLACE VIEW'));
    expect(views).toEqual([
      'CREATE OR REPLACE VIEW "lakehouse"."daily_sales" AS\nSELECT order_date, sum(amount) AS revenue FROM orders GROUP BY order_date',
      'CREATE OR REPLACE VIEW "lakehouse"."order_status" AS\nSELECT status, count(*) AS orders FROM orders GROUP BY status',
    ]);
    // Described after they were (re)created.
    const described = statements.findIndex((s) => s.endsWith('LIMIT 0'));
    expect(described).toBeGreaterThan(statements.indexOf(views[1]));

    const sources = inputs(CreateDataSourceCommand);
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({
      AwsAccountId: '123456789012',
      DataSourceId: 't-prod-athena',
      Type: 'ATHENA',
      DataSourceParameters: { AthenaParameters: { WorkGroup: 'wg' } },
    });

    const dataSets = inputs(CreateDataSetCommand);
    expect(dataSets.map((d) => d.DataSetId)).toEqual(['t-prod-sales-daily_sales', 't-prod-sales-order_status']);
    expect(dataSets.map((d) => Object.values(d.PhysicalTableMap!)[0].CustomSql?.Columns)).toEqual([
      [
        { Name: 'order_date', Type: 'DATETIME' },
        { Name: 'revenue', Type: 'DECIMAL' },
      ],
      [
        { Name: 'status', Type: 'STRING' },
        { Name: 'orders', Type: 'INTEGER' },
      ],
    ]);
    expect(dataSets.every((d) => d.ImportMode === 'SPICE')).toBe(true);
    expect(inputs(CreateRefreshScheduleCommand).map((s) => s.Schedule?.ScheduleFrequency)).toEqual([
      { Interval: 'DAILY', Timezone: 'UTC', TimeOfTheDay: '03:00' },
      { Interval: 'DAILY', Timezone: 'UTC', TimeOfTheDay: '03:00' },
    ]);
    const [analysis] = inputs(CreateAnalysisCommand);
    const [dashboard] = inputs(CreateDashboardCommand);
    expect(analysis.AnalysisId).toBe('t-prod-sales-analysis');
    expect(dashboard.DashboardId).toBe('t-prod-sales');
    expect(dashboard.Definition?.DataSetIdentifierDeclarations?.map((d) => d.DataSetArn)).toEqual([
      'arn:aws:quicksight:us-east-1:123456789012:dataset/t-prod-sales-daily_sales',
      'arn:aws:quicksight:us-east-1:123456789012:dataset/t-prod-sales-order_status',
    ]);
    for (const input of [...sources, ...dataSets, analysis, dashboard]) {
      expect(input.Permissions?.map((p) => p.Principal)).toEqual([PRINCIPAL]);
    }
    expect(inputs(CreateDashboardCommand)[0].Permissions?.[0].Actions).toContain('quicksight:QueryDashboard');
    // The run that created the views is in the run log on the lake bucket.
    expect(s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input.Bucket)).toContain('deployed-bucket');
  });

  it('Update: updates what exists, publishes the new dashboard version and deletes the datasets of views the definitions dropped', async () => {
    athena();
    const exists = new ResourceExistsException({ message: 'exists', $metadata: {} });
    for (const command of [CreateDataSourceCommand, CreateDataSetCommand, CreateRefreshScheduleCommand, CreateAnalysisCommand, CreateDashboardCommand]) {
      quicksight.on(command as never).rejects(exists);
    }
    for (const command of [
      UpdateDataSourceCommand,
      UpdateDataSetCommand,
      UpdateRefreshScheduleCommand,
      UpdateAnalysisCommand,
      UpdateDashboardPublishedVersionCommand,
      DeleteDataSetCommand,
    ]) {
      quicksight.on(command as never).resolves({});
    }
    quicksight.on(UpdateDashboardCommand).resolves({ VersionArn: 'arn:aws:quicksight:us-east-1:123456789012:dashboard/t-prod-sales/version/4' });
    const old: DashboardsResourceProperties = {
      ...properties,
      Dashboards: [
        { name: 'sales', views: ['daily_sales', 'order_status', 'returns'] },
        { name: 'gone', views: ['x'] },
      ],
      Version: 'v0',
    };
    quicksight.on(DeleteDashboardCommand).resolves({});
    quicksight.on(DeleteAnalysisCommand).rejects(new ResourceNotFoundException({ message: 'no', $metadata: {} }));

    const result = await handler(
      cfn({ RequestType: 'Update', PhysicalResourceId: '123456789012:us-east-1:t-prod-athena', ResourceProperties: properties, OldResourceProperties: old }),
    );

    expect(result.PhysicalResourceId).toBe('123456789012:us-east-1:t-prod-athena');
    expect(inputs(UpdateDataSetCommand).map((d) => [d.DataSetId, 'Permissions' in d])).toEqual([
      ['t-prod-sales-daily_sales', false],
      ['t-prod-sales-order_status', false],
    ]);
    expect(inputs(UpdateDashboardPublishedVersionCommand)).toEqual([{ AwsAccountId: '123456789012', DashboardId: 't-prod-sales', VersionNumber: 4 }]);
    expect(inputs(DeleteDashboardCommand).map((d) => d.DashboardId)).toEqual(['t-prod-gone']);
    expect(inputs(DeleteAnalysisCommand).map((d) => [d.AnalysisId, d.ForceDeleteWithoutRecovery])).toEqual([['t-prod-gone-analysis', true]]);
    expect(inputs(DeleteDataSetCommand).map((d) => d.DataSetId)).toEqual(['t-prod-gone-x', 't-prod-sales-returns']);
    expect(quicksight.commandCalls(DeleteDataSourceCommand)).toHaveLength(0);
  });

  it('leaves a dashboard pending (no views, nothing in QuickSight but the data source) while its tables do not exist', async () => {
    const { statements } = athena([]);
    quicksight.on(CreateDataSourceCommand).resolves({});

    const result = await handler(cfn({ RequestType: 'Create', ResourceProperties: properties }));

    expect(result.Data).toMatchObject({ Published: '', Pending: 'sales (needs lakehouse.orders)' });
    expect(statements.filter((s) => s.startsWith('CREATE OR REPLACE VIEW'))).toEqual([]);
    expect(quicksight.commandCalls(CreateDataSetCommand)).toHaveLength(0);
  });

  it('publishes by hand with {"action":"publish"} from the properties in its environment', async () => {
    athena();
    for (const command of [CreateDataSourceCommand, CreateDataSetCommand, CreateRefreshScheduleCommand, CreateAnalysisCommand, CreateDashboardCommand]) {
      quicksight.on(command as never).resolves({});
    }
    process.env.QUICKSIGHT_DEPLOYMENT = JSON.stringify(properties);
    try {
      expect((await handler(cfn({ action: 'publish' }))).Data.Published).toBe('sales');
    } finally {
      delete process.env.QUICKSIGHT_DEPLOYMENT;
    }
    expect(inputs(CreateDashboardCommand).map((d) => d.DashboardId)).toEqual(['t-prod-sales']);
  });

  it('Delete: removes dashboards, analyses, datasets and the data source without touching Athena; missing ones are skipped', async () => {
    const { statements } = athena();
    quicksight.on(DeleteDashboardCommand).resolves({});
    quicksight.on(DeleteAnalysisCommand).resolves({});
    quicksight.on(DeleteDataSetCommand).resolves({});
    quicksight.on(DeleteDataSourceCommand).rejects(new ResourceNotFoundException({ message: 'no', $metadata: {} }));

    const result = await handler(cfn({ RequestType: 'Delete', PhysicalResourceId: 'pid', ResourceProperties: properties }));

    expect(result.PhysicalResourceId).toBe('pid');
    expect(inputs(DeleteDashboardCommand).map((d) => d.DashboardId)).toEqual(['t-prod-sales']);
    expect(inputs(DeleteDataSetCommand).map((d) => d.DataSetId)).toEqual(['t-prod-sales-daily_sales', 't-prod-sales-order_status']);
    expect(inputs(DeleteDataSourceCommand).map((d) => d.DataSourceId)).toEqual(['t-prod-athena']);
    expect(statements).toEqual([]);
  });

  it('rejects an event that is not a custom resource event, naming what it got', async () => {
    await expect(handler(cfn({ RequestType: 'Nope' }))).rejects.toThrow(/RequestType "Nope"/);
    await expect(handler(cfn({ RequestType: 'Create', ResourceProperties: { Target: { region: 'r' }, Dashboards: [] } }))).rejects.toThrow(
      /Target lacks awsAccountId, principalArn, workgroup, idPrefix/,
    );
  });
});
