// Dashboard data from the engine: the views' columns (to check definitions against), their rows (optionally filtered
// in SQL, which is how the live server pushes filters down) and the filter choices.
import { LakeError } from '../errors.js';
import type { Column, Engine, QueryResult } from '../engines/engine.js';
import type { Diagnostic } from '../dialect/diagnostics.js';
import { viewsOf, type Dashboard, type FilterDefinition } from './definition.js';
import { DashboardError, fieldDiagnostic, type LoadedDashboard } from './load.js';
import { cellText, comparisonWindows, type FilterValues, type ViewData } from './site/browser-data.js';
import type { PageData } from './site/browser-page.js';
import { DATA_START_COLUMN } from './site/partial-periods.js';

export type ViewSchemas = Record<string, Column[]>;

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;
const qualified = (database: string, view: string) => `${quoteIdentifier(database)}.${quoteIdentifier(view)}`;

export const isNumericType = (type: string): boolean => /^(tinyint|smallint|integer|int|bigint|real|double|decimal|float)/.test(type);
export const isTemporalType = (type: string): boolean => /^(date|timestamp)/.test(type);

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class FilterValueError extends LakeError {
  override readonly name: string = 'FilterValueError';
}

/** Filter state from query parameters `<id>.from`, `<id>.to` (dates) and `<id>` (select); unknown ids are errors. */
export function filterValuesFromParams(filters: FilterDefinition[], params: URLSearchParams): FilterValues {
  const known = new Set(filters.flatMap((f) => (f.type === 'date_range' ? [`${f.id}.from`, `${f.id}.to`] : [f.id])));
  for (const key of params.keys()) if (!known.has(key)) throw new FilterValueError(`unknown filter parameter '${key}'`);
  const values: FilterValues = {};
  for (const filter of filters) {
    if (filter.type === 'date_range') {
      const from = params.get(`${filter.id}.from`) || undefined;
      const to = params.get(`${filter.id}.to`) || undefined;
      for (const date of [from, to])
        if (date !== undefined && !DATE.test(date)) throw new FilterValueError(`'${filter.id}' dates must be YYYY-MM-DD (got '${date}')`);
      values[filter.id] = { from, to };
    } else values[filter.id] = { value: params.get(filter.id) || undefined };
  }
  return values;
}

/** `SELECT * FROM view` with a WHERE for every filter that has a value and whose column the view has. */
export function viewQuery(database: string, view: string, columns: Column[], filters: FilterDefinition[], values: FilterValues = {}): string {
  const conditions: string[] = [];
  for (const filter of filters) {
    const state = values[filter.id];
    if (!state || !columns.some((c) => c.name === filter.column)) continue;
    const column = quoteIdentifier(filter.column);
    if (filter.type === 'date_range') {
      for (const [date, op] of [
        [state.from, '>='],
        [state.to, '<='],
      ] as const) {
        if (date === undefined) continue;
        if (!DATE.test(date)) throw new FilterValueError(`'${filter.id}' dates must be YYYY-MM-DD (got '${date}')`);
        conditions.push(`CAST(${column} AS DATE) ${op} DATE ${quoteLiteral(date)}`);
      }
    } else if (state.value !== undefined) {
      const type = columns.find((c) => c.name === filter.column)!.type;
      conditions.push(`${/^(varchar|char)/.test(type) ? column : `CAST(${column} AS VARCHAR)`} = ${quoteLiteral(state.value)}`);
    }
  }
  return `SELECT * FROM ${qualified(database, view)}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''}`;
}

/** A view that cannot be read, as an error naming the dashboard file that uses it. */
function unreadableView(dashboard: Dashboard, view: string, error: unknown): DashboardError {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new DashboardError([
    {
      severity: 'error',
      rule: 'dashboard/view',
      message: `view '${dashboard.database}.${view}' cannot be read: ${reason}`,
      hint: `define it in sql/dashboards/${view}.sql and run the pipeline (npm start) so the view exists in the local lake`,
      file: dashboard.file,
      line: 1,
      col: 1,
    },
  ]);
}

/** Columns of each view (a `LIMIT 0` query); a missing view is an error naming the dashboard file that uses it. */
export async function describeViews(engine: Engine, dashboard: Dashboard): Promise<ViewSchemas> {
  const schemas: ViewSchemas = {};
  for (const view of viewsOf(dashboard)) {
    try {
      schemas[view] = (await engine.execute(`SELECT * FROM ${qualified(dashboard.database, view)} LIMIT 0`)).columns;
    } catch (error) {
      throw unreadableView(dashboard, view, error);
    }
  }
  return schemas;
}

/**
 * Every view's rows unfiltered (`SELECT * FROM view`, the query the page shows), which give its columns as well: no
 * `LIMIT 0` query of each view first (issue 18: 15 statements of `npm start`'s site build, each binding the view).
 */
async function readViews(engine: Engine, dashboard: Dashboard): Promise<Record<string, QueryResult>> {
  const results: Record<string, QueryResult> = {};
  for (const view of viewsOf(dashboard)) {
    try {
      results[view] = await engine.execute(viewQuery(dashboard.database, view, [], dashboard.filters));
    } catch (error) {
      throw unreadableView(dashboard, view, error);
    }
  }
  return results;
}

/** Every field naming a column the view does not have, or a measure that cannot be aggregated as asked. */
export function checkAgainstViews(dashboard: LoadedDashboard, schemas: ViewSchemas): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  dashboard.visuals.forEach((visual, index) => {
    const columns = schemas[visual.view] ?? [];
    const names = columns.map((c) => c.name);
    const check = (path: Array<string | number>, column: string | undefined) => {
      if (column !== undefined && !names.includes(column)) {
        diagnostics.push(
          fieldDiagnostic(dashboard, ['visuals', index, ...path], `view '${visual.view}' has no column '${column}'`, `its columns: ${names.join(', ')}`),
        );
      }
    };
    check(['x'], visual.x);
    check(['y'], visual.y);
    check(['series'], visual.series);
    visual.columns?.forEach((column, i) => check(['columns', i], column));
    if (visual.sort && visual.columns && !visual.columns.includes(visual.sort.column)) {
      diagnostics.push(
        fieldDiagnostic(
          dashboard,
          ['visuals', index, 'sort', 'column'],
          `the table does not show '${visual.sort.column}'`,
          `sort by one of its columns: ${visual.columns.join(', ')}`,
        ),
      );
    } else check(['sort', 'column'], visual.sort?.column);
    const measure = columns.find((c) => c.name === visual.y);
    if (measure && !['count', 'count_distinct'].includes(visual.aggregation) && !isNumericType(measure.type)) {
      diagnostics.push(
        fieldDiagnostic(
          dashboard,
          ['visuals', index, 'y'],
          `'${visual.y}' is ${measure.type}; ${visual.aggregation} needs a number`,
          'use aggregation: count or count_distinct, or a numeric column',
        ),
      );
    }
  });
  // The data start marks the first period partial (site/partial-periods.ts); it has to be a point in time read as UTC.
  const reported = new Set<string>();
  dashboard.visuals.forEach((visual, index) => {
    const start = (schemas[visual.view] ?? []).find((c) => c.name === DATA_START_COLUMN);
    if (!start || /^(date|timestamp(\(\d+\))?)$/.test(start.type) || reported.has(visual.view)) return;
    reported.add(visual.view);
    diagnostics.push(
      fieldDiagnostic(
        dashboard,
        ['visuals', index, 'view'],
        `view '${visual.view}' returns '${DATA_START_COLUMN}' as ${start.type}; it must be a DATE or TIMESTAMP (UTC, without time zone)`,
        `it says when the view's data starts, e.g. min(min(hour_start)) OVER () AS ${DATA_START_COLUMN}`,
      ),
    );
  });
  const allColumns = new Set(Object.values(schemas).flatMap((columns) => columns.map((c) => c.name)));
  for (const column of Object.keys(dashboard.column_titles)) {
    if (!allColumns.has(column)) diagnostics.push(fieldDiagnostic(dashboard, ['column_titles', column], `no view of this dashboard has a column '${column}'`));
  }
  dashboard.filters.forEach((filter, index) => {
    const matching = Object.values(schemas).flatMap((columns) => columns.filter((c) => c.name === filter.column));
    if (matching.length === 0) {
      diagnostics.push(fieldDiagnostic(dashboard, ['filters', index, 'column'], `no view of this dashboard has a column '${filter.column}'`));
    } else if (filter.type === 'date_range' && !matching.every((c) => isTemporalType(c.type))) {
      diagnostics.push(
        fieldDiagnostic(
          dashboard,
          ['filters', index, 'column'],
          `date_range filters need a DATE or TIMESTAMP column; '${filter.column}' is ${matching[0].type}`,
        ),
      );
    }
  });
  return diagnostics;
}

type FilterOption = PageData['filterOptions'][string];

/** A date's text as the engines return DATE and TIMESTAMP values (with or without a zone): its date part. */
const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})(?: |$)/;

/** Texts in Trino's order of varchar: by their UTF-8 bytes (JavaScript's `<` compares UTF-16 units). */
const byUtf8 = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * A filter's choices from the rows of its views already read whole (an unfiltered build), where they are plainly what
 * its query answers: the least and greatest date part of 4-digit-year date texts (CAST to DATE keeps that part), or
 * the distinct texts of varchar columns in Trino's order. Undefined for anything else, which the query answers (issue
 * 18: the queries ran each view again, ~0.25 s of `npm start`).
 */
function optionFromRows(filter: FilterDefinition, views: readonly string[], read: Record<string, QueryResult>): FilterOption | undefined {
  const values: string[] = [];
  for (const view of views) {
    const index = read[view].columns.findIndex((c) => c.name === filter.column);
    const type = read[view].columns[index]?.type ?? '';
    if (filter.type === 'select' && !/^varchar(\(\d+\))?$/.test(type)) return undefined;
    for (const row of read[view].rows) {
      const value = row[index];
      if (value === null) continue;
      if (typeof value !== 'string') return undefined;
      if (filter.type === 'select') values.push(value);
      else {
        const date = DATE_PREFIX.exec(value)?.[1];
        if (date === undefined) return undefined;
        values.push(date);
      }
    }
  }
  if (filter.type === 'select') return { values: [...new Set(values)].sort(byUtf8) };
  let min: string | undefined;
  let max: string | undefined;
  for (const date of values) {
    if (min === undefined || date < min) min = date;
    if (max === undefined || date > max) max = date;
  }
  return { min, max };
}

/** Distinct values (select) or min/max dates (date_range) of each filter's column over every view that has it. */
async function filterOptions(
  engine: Engine,
  dashboard: Dashboard,
  schemas: ViewSchemas,
  read: Record<string, QueryResult> | undefined,
): Promise<PageData['filterOptions']> {
  const options: PageData['filterOptions'] = {};
  for (const filter of dashboard.filters) {
    const views = Object.keys(schemas).filter((view) => schemas[view].some((c) => c.name === filter.column));
    const fromRows = read && optionFromRows(filter, views, read);
    if (fromRows) {
      options[filter.id] = fromRows;
      continue;
    }
    const column = quoteIdentifier(filter.column);
    const union = views.map((view) => `SELECT ${column} AS v FROM ${qualified(dashboard.database, view)}`).join(' UNION ALL ');
    // Values come back in their display form (dates as YYYY-MM-DD), so no casts to text are needed.
    if (filter.type === 'select') {
      const result = await engine.execute(`SELECT DISTINCT v FROM (${union}) WHERE v IS NOT NULL ORDER BY 1`);
      options[filter.id] = { values: result.rows.map((row) => cellText(row[0])) };
    } else {
      const dates = views.map((view) => `SELECT CAST(${column} AS DATE) AS v FROM ${qualified(dashboard.database, view)}`).join(' UNION ALL ');
      const result = await engine.execute(`SELECT min(v), max(v) FROM (${dates})`);
      const [min, max] = result.rows[0] ?? [];
      options[filter.id] = { min: typeof min === 'string' ? min : undefined, max: typeof max === 'string' ? max : undefined };
    }
  }
  return options;
}

/** Everything a dashboard page shows, queried now. `values` filters the rows in SQL (the live server's path). */
export async function queryDashboardData(engine: Engine, dashboard: LoadedDashboard, options: { values?: FilterValues; now?: Date } = {}): Promise<PageData> {
  const unfiltered = options.values ? undefined : await readViews(engine, dashboard);
  const schemas = unfiltered
    ? Object.fromEntries(Object.entries(unfiltered).map(([view, result]) => [view, result.columns]))
    : await describeViews(engine, dashboard);
  const problems = checkAgainstViews(dashboard, schemas);
  if (problems.length > 0) throw new DashboardError(problems);
  const now = options.now ?? new Date();
  const filterBounds = await filterOptions(engine, dashboard, schemas, unfiltered);
  const views: Record<string, ViewData> = {};
  const viewRows: Record<string, number> = {};
  const comparison: Record<string, ViewData> = {};
  for (const view of viewsOf(dashboard)) {
    const result = unfiltered?.[view] ?? (await engine.execute(viewQuery(dashboard.database, view, schemas[view], dashboard.filters, options.values)));
    views[view] = { columns: result.columns, rows: result.rows };
    if (!options.values) {
      viewRows[view] = result.rows.length;
      continue;
    }
    // Filtered in SQL: the page still needs to know whether the view is empty, and the KPIs' previous period.
    viewRows[view] = Number((await engine.execute(`SELECT count(*) FROM ${qualified(dashboard.database, view)}`)).rows[0][0]);
    const filter = dashboard.filters.find((f) => f.type === 'date_range' && schemas[view].some((c) => c.name === f.column));
    const windows = filter && comparisonWindows(options.values[filter.id], filterBounds[filter.id]);
    if (filter && windows && dashboard.visuals.some((v) => v.type === 'kpi' && v.view === view)) {
      const previous = await engine.execute(
        viewQuery(dashboard.database, view, schemas[view], dashboard.filters, { ...options.values, [filter.id]: windows.previous }),
      );
      comparison[view] = { columns: previous.columns, rows: previous.rows };
    }
  }
  const generatedAt = now.toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
  return {
    generatedAt,
    asOf: now.toISOString(),
    views,
    viewRows,
    ...(options.values ? { comparison } : {}),
    filterOptions: filterBounds,
  };
}
