// The dashboard file schema: `sql/dashboards/<name>.dashboard.yaml` names visuals over curated views (the `.sql` files
// beside it). One definition drives both the local HTML page and the QuickSight dashboard, so everything here must
// have a meaning in both.
import * as z from 'zod';

const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier (letters, digits, _)');

export const VISUAL_TYPES = ['line', 'bar', 'stacked_bar', 'pie', 'donut', 'kpi', 'table', 'gauge'] as const;
export type VisualType = (typeof VISUAL_TYPES)[number];

export const AGGREGATIONS = ['sum', 'avg', 'min', 'max', 'count', 'count_distinct'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** `percent` expects a ratio (0.25 shows as 25%). */
export const FORMATS = ['number', 'integer', 'currency', 'percent'] as const;
export type ValueFormat = (typeof FORMATS)[number];

/** Grid placement: 12 columns wide; height in rows of a fixed size. Visuals flow left to right in file order. */
export const LayoutSchema = z
  .object({
    width: z.number().int().min(1).max(12).optional(),
    height: z.number().int().min(1).max(4).default(1),
  })
  .strict();

export const VisualSchema = z
  .object({
    /** Unique within the dashboard; names the chart in the page and in QuickSight. */
    id: identifier,
    type: z.enum(VISUAL_TYPES),
    title: z.string().min(1),
    description: z.string().optional(),
    /** A curated view: the name of a `.sql` file in sql/dashboards (or any view in the dashboard's database). */
    view: identifier,
    /** Category or time axis (pie: the slices). */
    x: identifier.optional(),
    /** The measure. */
    y: identifier.optional(),
    /** Splits the measure into one line / bar segment per value. */
    series: identifier.optional(),
    aggregation: z.enum(AGGREGATIONS).default('sum'),
    format: z.enum(FORMATS).default('number'),
    /** ISO 4217 code for `format: currency`. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be a 3-letter currency code such as USD')
      .default('USD'),
    /** Table: the columns shown, in order (default: every column of the view). */
    columns: z.array(identifier).min(1).optional(),
    /** Table: the initial order (default: the first column, ascending); readers re-sort by clicking a header. */
    sort: z
      .object({ column: identifier, descending: z.boolean().default(false) })
      .strict()
      .optional(),
    /** Table: most rows shown. */
    limit: z.number().int().min(1).max(10_000).default(100),
    /** Gauge: the value of a full dial. */
    max: z.number().positive().optional(),
    layout: LayoutSchema.default({ height: 1 }),
  })
  .strict()
  .superRefine((visual, ctx) => {
    const need = (field: 'x' | 'y' | 'max', why: string) => {
      if (visual[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `${visual.type} visuals need '${field}' (${why})` });
    };
    const forbid = (field: 'x' | 'series' | 'columns' | 'max' | 'sort') => {
      if (visual[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: `'${field}' has no meaning for ${visual.type} visuals` });
    };
    switch (visual.type) {
      case 'line':
      case 'bar':
      case 'stacked_bar':
        need('x', 'the axis column');
        need('y', 'the measure column');
        forbid('columns');
        forbid('max');
        forbid('sort');
        break;
      case 'pie':
      case 'donut':
        need('x', 'the slice column');
        need('y', 'the measure column');
        forbid('series');
        forbid('columns');
        forbid('max');
        forbid('sort');
        break;
      case 'kpi':
        need('y', 'the measure column');
        forbid('x');
        forbid('series');
        forbid('columns');
        forbid('max');
        forbid('sort');
        break;
      case 'gauge':
        need('y', 'the measure column');
        need('max', 'the value of a full dial');
        forbid('x');
        forbid('series');
        forbid('columns');
        forbid('sort');
        break;
      case 'table':
        forbid('x');
        forbid('series');
        forbid('max');
        break;
    }
  });

export const FilterSchema = z
  .object({
    /** Unique within the dashboard; the page's query parameter. */
    id: identifier,
    /** `date_range`: from/to dates over a DATE or TIMESTAMP column; `select`: one value of a column, or all. */
    type: z.enum(['date_range', 'select']),
    /** Applies to every visual whose view has this column. */
    column: identifier,
    label: z.string().optional(),
  })
  .strict();

export const RefreshSchema = z
  .object({
    interval: z.enum(['MINUTE15', 'MINUTE30', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY']).default('DAILY'),
    /** `HH:MM` in `timezone`, for daily and longer intervals. */
    time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)')
      .optional(),
    timezone: z.string().default('UTC'),
  })
  .strict();

/** QuickSight-only settings; the local page ignores them. */
export const QuickSightSettingsSchema = z
  .object({
    /** SPICE imports the data on a schedule; DIRECT_QUERY asks Athena on every view. */
    import_mode: z.enum(['SPICE', 'DIRECT_QUERY']).default('SPICE'),
    /** Refresh schedule of SPICE datasets. */
    refresh: RefreshSchema.default({ interval: 'DAILY', timezone: 'UTC' }),
  })
  .strict();

export const DashboardSchema = z
  .object({
    /** Default: the file name without `.dashboard.yaml`. */
    name: identifier.optional(),
    title: z.string().min(1),
    description: z.string().optional(),
    /** Database of the views. Default: the project's. */
    database: identifier.optional(),
    /**
     * What readers see instead of column names (axis titles, legends, table headers), e.g. `customer_id: Customers`.
     * Columns not listed show as words (`order_date` → "Order date", `customer_id` → "Customer ID").
     */
    column_titles: z.record(identifier, z.string().min(1)).default({}),
    filters: z.array(FilterSchema).default([]),
    visuals: z.array(VisualSchema).min(1),
    quicksight: QuickSightSettingsSchema.default({ import_mode: 'SPICE', refresh: { interval: 'DAILY', timezone: 'UTC' } }),
  })
  .strict()
  .superRefine((dashboard, ctx) => {
    const seen = new Set<string>();
    dashboard.visuals.forEach((visual, index) => {
      if (seen.has(visual.id)) ctx.addIssue({ code: 'custom', path: ['visuals', index, 'id'], message: `duplicate visual id '${visual.id}'` });
      seen.add(visual.id);
    });
    const filters = new Set<string>();
    dashboard.filters.forEach((filter, index) => {
      if (filters.has(filter.id)) ctx.addIssue({ code: 'custom', path: ['filters', index, 'id'], message: `duplicate filter id '${filter.id}'` });
      filters.add(filter.id);
    });
  });

export type VisualDefinition = z.infer<typeof VisualSchema>;
export type FilterDefinition = z.infer<typeof FilterSchema>;
export type QuickSightSettings = z.infer<typeof QuickSightSettingsSchema>;

/** A loaded, validated dashboard. */
export interface Dashboard extends Omit<z.infer<typeof DashboardSchema>, 'name' | 'database'> {
  name: string;
  database: string;
  /** Posix path relative to the project root. */
  file: string;
}

/** Distinct views a dashboard reads, in first-use order. */
export const viewsOf = (dashboard: Pick<Dashboard, 'visuals'>): string[] => [...new Set(dashboard.visuals.map((v) => v.view))];

/** Default widths: KPI tiles and gauges are small, tables wide. */
export const widthOf = (visual: VisualDefinition): number =>
  visual.layout.width ?? ({ kpi: 3, gauge: 4, table: 12, pie: 6, donut: 6, line: 6, bar: 6, stacked_bar: 6 } as const)[visual.type];
