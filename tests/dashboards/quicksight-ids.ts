// QuickSight's id constraints, which the SDK's bundled schema does not carry (it has shapes, not patterns), checked on
// generated inputs. Sources: QuickSight API Reference, CreateDataSet (PhysicalTableMap and LogicalTableMap keys,
// LogicalTableSource.PhysicalTableId: length 1-64, pattern `[0-9a-zA-Z-]*`), CreateDashboard / CreateAnalysis
// (DashboardId, AnalysisId: length 1-512, pattern `[\w\-]+`), and the definition's SheetId, VisualId, FilterId,
// FilterGroupId, FilterControlId (length 1-512, pattern `[\w\-]+`; FieldId has a length limit only, API_CategoricalDimensionField).
import type { QuickSightResources } from '../../src/dashboards/quicksight/index.js';

const TABLE_ID = /^[0-9a-zA-Z-]{1,64}$/;
const RESOURCE_ID = /^[\w-]{1,512}$/;
const DEFINITION_ID_KEYS = new Set(['SheetId', 'VisualId', 'FilterId', 'FilterGroupId', 'FilterControlId']);

function definitionIdProblems(value: unknown, path: string): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => definitionIdProblems(v, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) =>
    DEFINITION_ID_KEYS.has(key) && typeof v === 'string' && !RESOURCE_ID.test(v)
      ? [`${path}.${key}: '${v}' does not match [\\w-]{1,512}`]
      : definitionIdProblems(v, `${path}.${key}`),
  );
}

export function quickSightIdProblems(resources: QuickSightResources): string[] {
  return resources.dashboards.flatMap((d) => [
    ...d.dataSets.flatMap((input) => [
      ...Object.keys(input.PhysicalTableMap ?? {})
        .filter((k) => !TABLE_ID.test(k))
        .map((k) => `${d.name}.dataSet ${input.DataSetId}: PhysicalTableMap key '${k}' does not match [0-9a-zA-Z-]{1,64}`),
      ...Object.entries(input.LogicalTableMap ?? {}).flatMap(([k, table]) => [
        ...(TABLE_ID.test(k) ? [] : [`${d.name}.dataSet ${input.DataSetId}: LogicalTableMap key '${k}' does not match [0-9a-zA-Z-]{1,64}`]),
        ...(table.Source?.PhysicalTableId === undefined || TABLE_ID.test(table.Source.PhysicalTableId)
          ? []
          : [`${d.name}.dataSet ${input.DataSetId}: PhysicalTableId '${table.Source.PhysicalTableId}' does not match [0-9a-zA-Z-]{1,64}`]),
      ]),
    ]),
    ...[d.dashboard.DashboardId, d.analysis.AnalysisId]
      .filter((id) => !id || !RESOURCE_ID.test(id))
      .map((id) => `${d.name}: id '${id}' does not match [\\w-]{1,512}`),
    ...definitionIdProblems(d.dashboard.Definition, `${d.name}.dashboard.Definition`),
  ]);
}
