// QuickSight inputs from the fixture's definitions and its views' real columns: checked against the SDK's service
// schema, for their meaning (visual kinds, field wells, filters, layout, schedules, permissions), and sent through a
// mocked client (create, then update when the resources exist).
import {
  CreateAnalysisCommand,
  CreateDashboardCommand,
  CreateDataSetCommand,
  CreateDataSourceCommand,
  CreateRefreshScheduleCommand,
  QuickSightClient,
  ResourceExistsException,
  UpdateAnalysisCommand,
  UpdateDashboardCommand,
  UpdateDashboardPublishedVersionCommand,
  UpdateDataSetCommand,
  UpdateDataSourceCommand,
  UpdateRefreshScheduleCommand,
} from '@aws-sdk/client-quicksight';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDashboards, type LoadedDashboard } from '../../src/dashboards/load.js';
import { describeViews, type ViewSchemas } from '../../src/dashboards/query.js';
import { quickSightResources, type QuickSightResources, type QuickSightTarget } from '../../src/dashboards/quicksight/index.js';
import { publishQuickSight } from '../../src/dashboards/quicksight/publish.js';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { prepareShop } from './fixture.js';
import { quickSightIdProblems } from './quicksight-ids.js';
import { allSchemaProblems } from './sdk-schema.js';

const target: QuickSightTarget = {
  awsAccountId: '111122223333',
  region: 'eu-west-1',
  principalArn: 'arn:aws:quicksight:eu-west-1:111122223333:group/default/analysts',
  workgroup: 'lakehouse',
  idPrefix: 'shop-prod',
};

describe('QuickSight inputs', () => {
  let dashboards: LoadedDashboard[];
  const schemas: Record<string, ViewSchemas> = {};
  let resources: QuickSightResources;

  beforeAll(async () => {
    const shop = await prepareShop();
    const engine = await AthenaLocalEngine.open({ lakeRoot: shop.lakeRoot });
    dashboards = loadDashboards(shop.root, { database: 'shop' });
    for (const d of dashboards) schemas[d.name] = await describeViews(engine, d);
    await engine.close();
    resources = quickSightResources({ projectName: 'shop', target, dashboards, schemas });
  });

  it('match the SDK service schema', () => {
    expect(allSchemaProblems(resources)).toEqual([]);
  });

  it('carry the column titles (axis labels, table headers) and the table sort of the local page', () => {
    const visuals = resources.dashboards.find((d) => d.name === 'sales')!.dashboard.Definition!.Sheets![0].Visuals!;
    const trend = visuals.find((v) => v.LineChartVisual?.VisualId === 'revenue_trend')!.LineChartVisual!.ChartConfiguration!;
    expect(trend.XAxisLabelOptions!.AxisLabelOptions![0].CustomLabel).toBe('Order date');
    expect(trend.PrimaryYAxisLabelOptions!.AxisLabelOptions![0].CustomLabel).toBe('Net revenue');
    const bars = visuals.find((v) => v.BarChartVisual?.VisualId === 'orders_by_channel')!.BarChartVisual!.ChartConfiguration!;
    expect([bars.CategoryLabelOptions!.AxisLabelOptions![0].CustomLabel, bars.ValueLabelOptions!.AxisLabelOptions![0].CustomLabel]).toEqual([
      'Channel',
      'Orders',
    ]);
    const table = visuals.find((v) => v.TableVisual?.VisualId === 'detail')!.TableVisual!.ChartConfiguration!;
    expect(table.FieldOptions!.SelectedFieldOptions!.map((o) => o.CustomLabel)).toEqual(['Order date', 'Channel', 'Net revenue', 'Orders']);
    expect(table.SortConfiguration!.RowSort).toEqual([{ FieldSort: { FieldId: 'detail.column2', Direction: 'DESC' } }]);
  });

  it('use ids QuickSight accepts: table map keys without `_` although the views have one (quicksight-ids.ts cites the API)', () => {
    expect(resources.dashboards.flatMap((d) => d.dataSets.map((s) => s.Name)).some((name) => name?.endsWith(': daily_sales'))).toBe(true);
    expect(quickSightIdProblems(resources)).toEqual([]);
  });

  it('the schema check itself catches a missing required member and an unknown one', () => {
    const broken = structuredClone(resources);
    delete (broken.dataSource as { Type?: string }).Type;
    (broken.dashboards[0].dashboard.Definition!.Sheets![0] as unknown as Record<string, unknown>).Colour = 'red';
    expect(allSchemaProblems(broken)).toEqual([
      'dataSource.Type: required by CreateDataSourceRequest',
      // The analysis and the dashboard share one definition.
      'operations.analysis.Definition.Sheets[0].Colour: not a member of SheetDefinition',
      'operations.dashboard.Definition.Sheets[0].Colour: not a member of SheetDefinition',
    ]);
  });

  it('one Athena data source owned by the principal', () => {
    expect(resources.dataSource).toMatchObject({
      AwsAccountId: '111122223333',
      DataSourceId: 'shop-prod-athena',
      Type: 'ATHENA',
      DataSourceParameters: { AthenaParameters: { WorkGroup: 'lakehouse' } },
      Permissions: [
        { Principal: target.principalArn, Actions: expect.arrayContaining(['quicksight:PassDataSource', 'quicksight:UpdateDataSourcePermissions']) },
      ],
    });
  });

  it('a custom-SQL dataset per view with the view columns, import mode and SPICE refresh schedule of its dashboard', () => {
    const sales = resources.dashboards.find((d) => d.name === 'sales')!;
    expect(sales.dataSets.map((d) => [d.DataSetId, d.ImportMode])).toEqual([
      ['shop-prod-sales-daily_sales', 'SPICE'],
      ['shop-prod-sales-fulfilment', 'SPICE'],
      ['shop-prod-sales-order_status', 'SPICE'],
    ]);
    expect(sales.dataSets[0].PhysicalTableMap).toEqual({
      'daily-sales': {
        CustomSql: {
          DataSourceArn: 'arn:aws:quicksight:eu-west-1:111122223333:datasource/shop-prod-athena',
          Name: 'daily_sales',
          SqlQuery: 'SELECT * FROM "shop"."daily_sales"',
          Columns: [
            { Name: 'order_date', Type: 'DATETIME' },
            { Name: 'channel', Type: 'STRING' },
            { Name: 'revenue', Type: 'DECIMAL' },
            { Name: 'orders', Type: 'INTEGER' },
            { Name: 'customers', Type: 'INTEGER' },
          ],
        },
      },
    });
    expect(sales.refreshSchedules[0]).toEqual({
      AwsAccountId: '111122223333',
      DataSetId: 'shop-prod-sales-daily_sales',
      Schedule: {
        ScheduleId: 'shop-prod-sales-daily_sales-refresh',
        ScheduleFrequency: { Interval: 'DAILY', TimeOfTheDay: '03:00', Timezone: 'UTC', RefreshOnDay: undefined },
        RefreshType: 'FULL_REFRESH',
      },
    });
    const operations = resources.dashboards.find((d) => d.name === 'operations')!;
    expect(operations.dataSets.map((d) => d.ImportMode)).toEqual(['DIRECT_QUERY']);
    expect(operations.refreshSchedules).toEqual([]);
  });

  it('a dashboard and an analysis with one visual per definition visual, laid out in a grid', () => {
    const sales = resources.dashboards.find((d) => d.name === 'sales')!;
    const definition = sales.dashboard.Definition!;
    expect(sales.dashboard).toMatchObject({ DashboardId: 'shop-prod-sales', Name: 'Shop sales', Permissions: [{ Principal: target.principalArn }] });
    expect(sales.analysis).toMatchObject({ AnalysisId: 'shop-prod-sales-analysis', Definition: definition });
    expect(definition.DataSetIdentifierDeclarations).toEqual([
      { Identifier: 'daily_sales', DataSetArn: 'arn:aws:quicksight:eu-west-1:111122223333:dataset/shop-prod-sales-daily_sales' },
      { Identifier: 'fulfilment', DataSetArn: 'arn:aws:quicksight:eu-west-1:111122223333:dataset/shop-prod-sales-fulfilment' },
      { Identifier: 'order_status', DataSetArn: 'arn:aws:quicksight:eu-west-1:111122223333:dataset/shop-prod-sales-order_status' },
    ]);
    const sheet = definition.Sheets![0];
    expect(sheet.Visuals!.map((v) => Object.keys(v).find((k) => v[k as keyof typeof v]))).toEqual([
      'KPIVisual',
      'KPIVisual',
      'GaugeChartVisual',
      'LineChartVisual',
      'BarChartVisual',
      'BarChartVisual',
      'PieChartVisual',
      'PieChartVisual',
      'TableVisual',
    ]);
    const [revenueKpi, , gauge, line, bar, stacked, donut, pie, table] = sheet.Visuals!;
    expect(revenueKpi.KPIVisual!.ChartConfiguration!.FieldWells!.Values![0].NumericalMeasureField).toEqual({
      FieldId: 'revenue_total.y',
      Column: { DataSetIdentifier: 'daily_sales', ColumnName: 'revenue' },
      AggregationFunction: { SimpleNumericalAggregation: 'SUM' },
      FormatConfiguration: { FormatConfiguration: { CurrencyDisplayFormatConfiguration: { Symbol: 'USD', DecimalPlacesConfiguration: { DecimalPlaces: 2 } } } },
    });
    expect(gauge.GaugeChartVisual!.ChartConfiguration!.GaugeChartOptions!.ArcAxis).toEqual({ Range: { Min: 0, Max: 1 } });
    expect(gauge.GaugeChartVisual!.ChartConfiguration!.FieldWells!.Values![0].NumericalMeasureField!.AggregationFunction).toEqual({
      SimpleNumericalAggregation: 'AVERAGE',
    });
    const wells = line.LineChartVisual!.ChartConfiguration!.FieldWells!.LineChartAggregatedFieldWells!;
    expect(wells.Category![0].DateDimensionField).toMatchObject({ FieldId: 'revenue_trend.x', DateGranularity: 'DAY', Column: { ColumnName: 'order_date' } });
    expect(wells.Colors![0].CategoricalDimensionField).toMatchObject({ Column: { ColumnName: 'channel' } });
    expect(bar.BarChartVisual!.ChartConfiguration!.BarsArrangement).toBe('CLUSTERED');
    expect(stacked.BarChartVisual!.ChartConfiguration!.BarsArrangement).toBe('STACKED');
    expect(donut.PieChartVisual!.ChartConfiguration!.DonutOptions).toEqual({ ArcOptions: { ArcThickness: 'MEDIUM' } });
    expect(pie.PieChartVisual!.ChartConfiguration!.DonutOptions).toEqual({ ArcOptions: { ArcThickness: 'WHOLE' } });
    expect(table.TableVisual!.ChartConfiguration!.FieldWells!.TableUnaggregatedFieldWells!.Values!.map((v) => v.Column!.ColumnName)).toEqual([
      'order_date',
      'channel',
      'revenue',
      'orders',
    ]);
    const elements = sheet.Layouts![0].Configuration!.GridLayout!.Elements!;
    expect(elements.map((e) => [e.ElementId, e.ColumnIndex, e.RowIndex, e.ColumnSpan, e.RowSpan])).toEqual([
      ['revenue_total', 0, 0, 9, 6],
      ['orders_total', 9, 0, 9, 6],
      ['delivered', 18, 0, 12, 12],
      ['revenue_trend', 0, 12, 24, 12],
      ['orders_by_channel', 24, 12, 12, 12],
      ['status_by_day', 0, 24, 18, 12],
      ['status_mix', 18, 24, 18, 12],
      ['channel_share', 0, 36, 18, 12],
      ['detail', 0, 48, 36, 12],
    ]);
  });

  it('filters scoped to the visuals whose views have the column, with a control each', () => {
    const definition = resources.dashboards.find((d) => d.name === 'sales')!.dashboard.Definition!;
    const [period, channel] = definition.FilterGroups!;
    expect(period.Filters![0].TimeRangeFilter).toMatchObject({
      FilterId: 'period',
      Column: { DataSetIdentifier: 'daily_sales', ColumnName: 'order_date' },
      TimeGranularity: 'DAY',
    });
    expect(period.CrossDataset).toBe('ALL_DATASETS');
    expect(period.ScopeConfiguration!.SelectedSheets!.SheetVisualScopingConfigurations![0].VisualIds).toHaveLength(9);
    expect(channel.Filters![0].CategoryFilter).toMatchObject({ FilterId: 'channel', Column: { ColumnName: 'channel' } });
    // fulfilment has no channel column: the gauge is not in the channel filter's scope.
    expect(channel.ScopeConfiguration!.SelectedSheets!.SheetVisualScopingConfigurations![0].VisualIds).toEqual([
      'revenue_total',
      'orders_total',
      'revenue_trend',
      'orders_by_channel',
      'status_by_day',
      'status_mix',
      'channel_share',
      'detail',
    ]);
    expect(definition.Sheets![0].FilterControls).toEqual([
      { DateTimePicker: { FilterControlId: 'control-period', Title: 'Order date', SourceFilterId: 'period', Type: 'DATE_RANGE' } },
      { Dropdown: { FilterControlId: 'control-channel', Title: 'Channel', SourceFilterId: 'channel', Type: 'SINGLE_SELECT' } },
    ]);
  });

  describe('publish', () => {
    const quicksight = mockClient(QuickSightClient);
    afterAll(() => quicksight.restore());

    it('creates everything in dependency order', async () => {
      quicksight.reset();
      quicksight.onAnyCommand().resolves({});
      const steps = await publishQuickSight(new QuickSightClient({ region: 'eu-west-1' }), resources);
      expect(steps.map((s) => `${s.action} ${s.kind} ${s.id}`)).toEqual([
        'created data source shop-prod-athena',
        'created dataset shop-prod-operations-fulfilment',
        'created analysis shop-prod-operations-analysis',
        'created dashboard shop-prod-operations',
        'created dataset shop-prod-sales-daily_sales',
        'created dataset shop-prod-sales-fulfilment',
        'created dataset shop-prod-sales-order_status',
        'created refresh schedule shop-prod-sales-daily_sales-refresh',
        'created refresh schedule shop-prod-sales-fulfilment-refresh',
        'created refresh schedule shop-prod-sales-order_status-refresh',
        'created analysis shop-prod-sales-analysis',
        'created dashboard shop-prod-sales',
      ]);
      expect(quicksight.commandCalls(CreateDataSourceCommand)[0].args[0].input).toEqual(resources.dataSource);
      expect(quicksight.commandCalls(CreateDataSetCommand).map((c) => c.args[0].input)).toEqual(resources.dashboards.flatMap((d) => d.dataSets));
      expect(quicksight.commandCalls(CreateRefreshScheduleCommand)).toHaveLength(3);
      expect(quicksight.commandCalls(CreateAnalysisCommand)).toHaveLength(2);
      expect(quicksight.commandCalls(CreateDashboardCommand).map((c) => c.args[0].input)).toEqual(resources.dashboards.map((d) => d.dashboard));
    });

    it('updates what exists and publishes the new dashboard version', async () => {
      quicksight.reset();
      quicksight.onAnyCommand().resolves({});
      const exists = () => new ResourceExistsException({ message: 'exists', $metadata: {} });
      for (const command of [CreateDataSourceCommand, CreateDataSetCommand, CreateRefreshScheduleCommand, CreateAnalysisCommand, CreateDashboardCommand]) {
        quicksight.on(command as typeof CreateDataSourceCommand).rejects(exists());
      }
      quicksight.on(UpdateDashboardCommand).resolves({ VersionArn: 'arn:aws:quicksight:eu-west-1:111122223333:dashboard/shop-prod-sales/version/4' });
      const steps = await publishQuickSight(new QuickSightClient({ region: 'eu-west-1' }), resources);
      expect(steps.every((s) => s.action === 'updated')).toBe(true);
      const sourceUpdate = quicksight.commandCalls(UpdateDataSourceCommand)[0].args[0].input;
      expect(sourceUpdate).toEqual({
        AwsAccountId: '111122223333',
        DataSourceId: 'shop-prod-athena',
        Name: 'shop (Athena)',
        DataSourceParameters: resources.dataSource.DataSourceParameters,
      });
      expect(quicksight.commandCalls(UpdateDataSetCommand)[0].args[0].input).not.toHaveProperty('Permissions');
      expect(quicksight.commandCalls(UpdateRefreshScheduleCommand)).toHaveLength(3);
      expect(quicksight.commandCalls(UpdateAnalysisCommand)).toHaveLength(2);
      expect(quicksight.commandCalls(UpdateDashboardPublishedVersionCommand).map((c) => c.args[0].input)).toEqual([
        { AwsAccountId: '111122223333', DashboardId: 'shop-prod-operations', VersionNumber: 4 },
        { AwsAccountId: '111122223333', DashboardId: 'shop-prod-sales', VersionNumber: 4 },
      ]);
    });

    it('stops on any other error', async () => {
      quicksight.reset();
      quicksight.on(CreateDataSourceCommand).rejects(new Error('AccessDeniedException: not allowed'));
      await expect(publishQuickSight(new QuickSightClient({ region: 'eu-west-1' }), resources)).rejects.toThrow(/not allowed/);
      expect(quicksight.commandCalls(CreateDataSetCommand)).toHaveLength(0);
    });
  });
});
