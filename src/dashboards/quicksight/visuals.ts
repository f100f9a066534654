// One QuickSight visual per dashboard visual: the same x / y / series / aggregation / format, as field wells.
import type {
  DimensionField,
  MeasureField,
  NumberFormatConfiguration,
  SimpleNumericalAggregationFunction,
  Visual,
  VisualTitleLabelOptions,
} from '@aws-sdk/client-quicksight';
import type { Column } from '../../engines/engine.js';
import type { Aggregation, VisualDefinition } from '../definition.js';
import { isNumericType, isTemporalType } from '../query.js';
import { columnTitle, measureTitle, type ColumnTitles } from '../site/browser-data.js';

const NUMERIC_AGGREGATIONS: Record<Aggregation, SimpleNumericalAggregationFunction> = {
  sum: 'SUM',
  avg: 'AVERAGE',
  min: 'MIN',
  max: 'MAX',
  count: 'COUNT',
  count_distinct: 'DISTINCT_COUNT',
};

/** Field ids are unique per analysis: `<visual>.<role>`. */
export const fieldId = (visual: VisualDefinition, role: string): string => `${visual.id}.${role}`;

function numberFormat(visual: VisualDefinition): NumberFormatConfiguration {
  switch (visual.format) {
    case 'currency':
      return { FormatConfiguration: { CurrencyDisplayFormatConfiguration: { Symbol: visual.currency, DecimalPlacesConfiguration: { DecimalPlaces: 2 } } } };
    case 'percent':
      return { FormatConfiguration: { PercentageDisplayFormatConfiguration: { DecimalPlacesConfiguration: { DecimalPlaces: 1 } } } };
    case 'integer':
      return { FormatConfiguration: { NumberDisplayFormatConfiguration: { DecimalPlacesConfiguration: { DecimalPlaces: 0 } } } };
    default:
      return { FormatConfiguration: { NumberDisplayFormatConfiguration: { DecimalPlacesConfiguration: { DecimalPlaces: 2 } } } };
  }
}

export interface VisualContext {
  /** DataSetIdentifier of the visual's view in the definition. */
  dataSet: string;
  columns: Column[];
  /** The dashboard's `column_titles`: the same axis titles and table headers as the local page. */
  titles?: ColumnTitles;
}

function dimension(visual: VisualDefinition, role: string, name: string, context: VisualContext): DimensionField {
  const column = { DataSetIdentifier: context.dataSet, ColumnName: name };
  const type = context.columns.find((c) => c.name === name)?.type ?? 'varchar';
  const FieldId = fieldId(visual, role);
  if (isTemporalType(type)) return { DateDimensionField: { FieldId, Column: column, DateGranularity: 'DAY' } };
  if (isNumericType(type)) return { NumericalDimensionField: { FieldId, Column: column } };
  return { CategoricalDimensionField: { FieldId, Column: column } };
}

function measure(visual: VisualDefinition, context: VisualContext): MeasureField {
  const name = visual.y!;
  const column = { DataSetIdentifier: context.dataSet, ColumnName: name };
  const type = context.columns.find((c) => c.name === name)?.type ?? 'varchar';
  const FieldId = fieldId(visual, 'y');
  if (!isNumericType(type)) {
    // Only counting makes sense on text; the definition check rejects anything else before we get here.
    return { CategoricalMeasureField: { FieldId, Column: column, AggregationFunction: visual.aggregation === 'count_distinct' ? 'DISTINCT_COUNT' : 'COUNT' } };
  }
  return {
    NumericalMeasureField: {
      FieldId,
      Column: column,
      AggregationFunction: { SimpleNumericalAggregation: NUMERIC_AGGREGATIONS[visual.aggregation] },
      FormatConfiguration: numberFormat(visual),
    },
  };
}

const title = (visual: VisualDefinition): VisualTitleLabelOptions => ({ Visibility: 'VISIBLE', FormatText: { PlainText: visual.title } });
const subtitle = (visual: VisualDefinition) =>
  visual.description ? { Visibility: 'VISIBLE' as const, FormatText: { PlainText: visual.description } } : undefined;

/** The QuickSight visual of one dashboard visual. */
export function quickSightVisual(visual: VisualDefinition, context: VisualContext): Visual {
  const common = { VisualId: visual.id, Title: title(visual), Subtitle: subtitle(visual) };
  const category = () => [dimension(visual, 'x', visual.x!, context)];
  const colors = () => (visual.series ? [dimension(visual, 'series', visual.series, context)] : []);
  const titles = context.titles ?? {};
  const axisLabel = (role: string, name: string, text: string) => ({
    AxisLabelOptions: [{ CustomLabel: text, ApplyTo: { FieldId: fieldId(visual, role), Column: { DataSetIdentifier: context.dataSet, ColumnName: name } } }],
  });
  const xLabel = () => axisLabel('x', visual.x!, columnTitle(visual.x!, titles));
  const yLabel = () => axisLabel('y', visual.y!, measureTitle(visual, titles));
  switch (visual.type) {
    case 'line':
      return {
        LineChartVisual: {
          ...common,
          ChartConfiguration: {
            Type: 'LINE',
            FieldWells: { LineChartAggregatedFieldWells: { Category: category(), Values: [measure(visual, context)], Colors: colors() } },
            XAxisLabelOptions: xLabel(),
            PrimaryYAxisLabelOptions: yLabel(),
          },
        },
      };
    case 'bar':
    case 'stacked_bar':
      return {
        BarChartVisual: {
          ...common,
          ChartConfiguration: {
            Orientation: 'VERTICAL',
            BarsArrangement: visual.type === 'stacked_bar' ? 'STACKED' : 'CLUSTERED',
            FieldWells: { BarChartAggregatedFieldWells: { Category: category(), Values: [measure(visual, context)], Colors: colors() } },
            CategoryLabelOptions: xLabel(),
            ValueLabelOptions: yLabel(),
          },
        },
      };
    case 'pie':
    case 'donut':
      return {
        PieChartVisual: {
          ...common,
          ChartConfiguration: {
            FieldWells: { PieChartAggregatedFieldWells: { Category: category(), Values: [measure(visual, context)] } },
            DonutOptions: { ArcOptions: { ArcThickness: visual.type === 'donut' ? 'MEDIUM' : 'WHOLE' } },
          },
        },
      };
    case 'kpi':
      return { KPIVisual: { ...common, ChartConfiguration: { FieldWells: { Values: [measure(visual, context)] } } } };
    case 'gauge':
      return {
        GaugeChartVisual: {
          ...common,
          ChartConfiguration: {
            FieldWells: { Values: [measure(visual, context)] },
            GaugeChartOptions: { PrimaryValueDisplayType: 'ACTUAL', ArcAxis: { Range: { Min: 0, Max: visual.max } } },
          },
        },
      };
    case 'table': {
      const names = visual.columns ?? context.columns.map((c) => c.name);
      const sort = visual.sort ?? { column: names[0], descending: false };
      return {
        TableVisual: {
          ...common,
          ChartConfiguration: {
            FieldWells: {
              TableUnaggregatedFieldWells: {
                Values: names.map((name, i) => ({ FieldId: fieldId(visual, `column${i}`), Column: { DataSetIdentifier: context.dataSet, ColumnName: name } })),
              },
            },
            FieldOptions: {
              SelectedFieldOptions: names.map((name, i) => ({ FieldId: fieldId(visual, `column${i}`), CustomLabel: columnTitle(name, titles) })),
            },
            SortConfiguration: {
              RowSort: [{ FieldSort: { FieldId: fieldId(visual, `column${names.indexOf(sort.column)}`), Direction: sort.descending ? 'DESC' : 'ASC' } }],
            },
          },
        },
      };
    }
  }
}
