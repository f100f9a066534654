// The QuickSight dashboard (and an analysis to edit it in) from a dashboard definition: one sheet, the visuals in a
// grid laid out like the local page, and one filter group plus control per filter.
import type {
  CreateAnalysisCommandInput,
  CreateDashboardCommandInput,
  DashboardVersionDefinition,
  FilterControl,
  FilterGroup,
  GridLayoutElement,
} from '@aws-sdk/client-quicksight';
import { viewsOf, widthOf, type Dashboard } from '../definition.js';
import type { ViewSchemas } from '../query.js';
import { dataSetId, ownerPermissions, quickSightArn, resourceId, type QuickSightTarget } from './datasets.js';
import { quickSightVisual } from './visuals.js';

export const SHEET_ID = 'main';
/** QuickSight's grid is 36 columns wide; ours is 12. */
const COLUMN_SPAN_PER_WIDTH = 3;
const ROW_SPAN_PER_HEIGHT = 12;
const KPI_ROW_SPAN = 6;

/** Elements flow left to right in file order and wrap, like the CSS grid of the local page. */
export function gridElements(dashboard: Dashboard): GridLayoutElement[] {
  const elements: GridLayoutElement[] = [];
  let column = 0;
  let row = 0;
  let rowHeight = 0;
  for (const visual of dashboard.visuals) {
    const columnSpan = widthOf(visual) * COLUMN_SPAN_PER_WIDTH;
    const rowSpan = visual.type === 'kpi' ? KPI_ROW_SPAN * visual.layout.height : ROW_SPAN_PER_HEIGHT * visual.layout.height;
    if (column + columnSpan > 36) {
      column = 0;
      row += rowHeight;
      rowHeight = 0;
    }
    elements.push({ ElementId: visual.id, ElementType: 'VISUAL', ColumnIndex: column, ColumnSpan: columnSpan, RowIndex: row, RowSpan: rowSpan });
    column += columnSpan;
    rowHeight = Math.max(rowHeight, rowSpan);
  }
  return elements;
}

function filters(dashboard: Dashboard, schemas: ViewSchemas): { groups: FilterGroup[]; controls: FilterControl[] } {
  const groups: FilterGroup[] = [];
  const controls: FilterControl[] = [];
  for (const filter of dashboard.filters) {
    const views = viewsOf(dashboard).filter((view) => schemas[view]?.some((c) => c.name === filter.column));
    if (views.length === 0) continue;
    const visualIds = dashboard.visuals.filter((v) => views.includes(v.view)).map((v) => v.id);
    const FilterId = resourceId(filter.id);
    // One filter on the first dataset; ALL_DATASETS applies it to every dataset with a same-named column.
    const Column = { DataSetIdentifier: views[0], ColumnName: filter.column };
    const Title = filter.label ?? filter.column;
    groups.push({
      FilterGroupId: resourceId('filter', filter.id),
      CrossDataset: views.length > 1 ? 'ALL_DATASETS' : 'SINGLE_DATASET',
      Status: 'ENABLED',
      ScopeConfiguration: { SelectedSheets: { SheetVisualScopingConfigurations: [{ SheetId: SHEET_ID, Scope: 'SELECTED_VISUALS', VisualIds: visualIds }] } },
      Filters: [
        filter.type === 'date_range'
          ? { TimeRangeFilter: { FilterId, Column, NullOption: 'NON_NULLS_ONLY', IncludeMinimum: true, IncludeMaximum: true, TimeGranularity: 'DAY' } }
          : {
              CategoryFilter: {
                FilterId,
                Column,
                Configuration: { FilterListConfiguration: { MatchOperator: 'CONTAINS', SelectAllOptions: 'FILTER_ALL_VALUES', NullOption: 'NON_NULLS_ONLY' } },
              },
            },
      ],
    });
    const FilterControlId = resourceId('control', filter.id);
    controls.push(
      filter.type === 'date_range'
        ? { DateTimePicker: { FilterControlId, Title, SourceFilterId: FilterId, Type: 'DATE_RANGE' } }
        : { Dropdown: { FilterControlId, Title, SourceFilterId: FilterId, Type: 'SINGLE_SELECT' } },
    );
  }
  return { groups, controls };
}

/** The definition shared by the dashboard and the analysis. `schemas`: the columns of each view. */
export function dashboardDefinition(target: QuickSightTarget, dashboard: Dashboard, schemas: ViewSchemas): DashboardVersionDefinition {
  const { groups, controls } = filters(dashboard, schemas);
  return {
    DataSetIdentifierDeclarations: viewsOf(dashboard).map((view) => ({
      Identifier: view,
      DataSetArn: quickSightArn(target, 'dataset', dataSetId(target, dashboard, view)),
    })),
    Sheets: [
      {
        SheetId: SHEET_ID,
        Name: dashboard.title,
        Description: dashboard.description,
        Visuals: dashboard.visuals.map((visual) =>
          quickSightVisual(visual, { dataSet: visual.view, columns: schemas[visual.view] ?? [], titles: dashboard.column_titles }),
        ),
        FilterControls: controls,
        Layouts: [{ Configuration: { GridLayout: { Elements: gridElements(dashboard) } } }],
      },
    ],
    FilterGroups: groups,
  };
}

export const dashboardId = (target: QuickSightTarget, dashboard: Pick<Dashboard, 'name'>): string => resourceId(target.idPrefix, dashboard.name);
export const analysisId = (target: QuickSightTarget, dashboard: Pick<Dashboard, 'name'>): string => resourceId(dashboardId(target, dashboard), 'analysis');

export function dashboardInput(target: QuickSightTarget, dashboard: Dashboard, definition: DashboardVersionDefinition): CreateDashboardCommandInput {
  return {
    AwsAccountId: target.awsAccountId,
    DashboardId: dashboardId(target, dashboard),
    Name: dashboard.title,
    Definition: definition,
    Permissions: ownerPermissions(target, 'dashboard'),
    VersionDescription: `from ${dashboard.file}`,
    DashboardPublishOptions: { AdHocFilteringOption: { AvailabilityStatus: 'ENABLED' }, ExportToCSVOption: { AvailabilityStatus: 'ENABLED' } },
  };
}

export function analysisInput(target: QuickSightTarget, dashboard: Dashboard, definition: DashboardVersionDefinition): CreateAnalysisCommandInput {
  return {
    AwsAccountId: target.awsAccountId,
    AnalysisId: analysisId(target, dashboard),
    Name: `${dashboard.title} (analysis)`,
    Definition: definition,
    Permissions: ownerPermissions(target, 'analysis'),
  };
}
