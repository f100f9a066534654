// `lake lint` on `sql/dashboards/*.dashboard.yaml`: the schema (unknown fields, bad values), views that no SQL file
// defines (with a "did you mean"), and — with the views' column types from binding — columns the views do not have
// and measures that cannot be aggregated as asked. Every finding at the file's line.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DASHBOARD_SUFFIX, DashboardError, fieldDiagnostic, parseDashboard, type LoadedDashboard } from '../dashboards/load.js';
import { checkAgainstViews, type ViewSchemas } from '../dashboards/query.js';
import type { Diagnostic } from '../dialect/diagnostics.js';
import type { TableSchemas } from '../testing/schemas.js';
import type { Project } from '../project/model.js';
import { closestNames } from '../project/suggest.js';

/** The dashboard files of the project, as posix paths relative to its root. */
export function dashboardFiles(project: Pick<Project, 'root' | 'config'>): string[] {
  const dir = join(project.root, project.config.sql, 'dashboards');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith(DASHBOARD_SUFFIX))
    .sort()
    .map((n) => [project.config.sql, 'dashboards', n].join('/').replace(/^\.\//, ''));
}

function checkViews(project: Project, dashboard: LoadedDashboard, schemas: TableSchemas | undefined): Diagnostic[] {
  const produced = new Set(project.nodes.flatMap((n) => n.produces));
  const diagnostics: Diagnostic[] = [];
  const known: ViewSchemas = {};
  dashboard.visuals.forEach((visual, index) => {
    const table = `${dashboard.database}.${visual.view}`.toLowerCase();
    if (!produced.has(table)) {
      const names = [...produced].filter((t) => t.startsWith(`${dashboard.database.toLowerCase()}.`)).map((t) => t.split('.')[1]);
      const close = closestNames(visual.view, names, { maxDistance: Math.max(2, Math.floor(visual.view.length / 3)) });
      diagnostics.push(
        fieldDiagnostic(
          dashboard,
          ['visuals', index, 'view'],
          `no SQL file defines the view ${table}`,
          close.length ? `did you mean '${close[0]}'?` : `define it in sql/dashboards/${visual.view}.sql`,
        ),
      );
      return;
    }
    const columns = schemas?.columns(table);
    if (columns) known[visual.view] = columns;
  });
  // Column checks need every view's columns; a view that does not bind is reported at its SQL file.
  const complete = dashboard.visuals.every((v) => known[v.view]);
  return complete ? [...diagnostics, ...checkAgainstViews(dashboard, known)] : diagnostics;
}

/** Diagnostics of every dashboard file in `files`; `schemas` (from binding) enables the column checks. */
export function dashboardDiagnostics(project: Project, files: string[], schemas: TableSchemas | undefined): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    let dashboard: LoadedDashboard;
    try {
      dashboard = parseDashboard(readFileSync(join(project.root, file), 'utf8'), file, { database: project.config.database });
    } catch (error) {
      if (!(error instanceof DashboardError)) throw error;
      diagnostics.push(...error.diagnostics);
      continue;
    }
    diagnostics.push(...checkViews(project, dashboard, schemas));
  }
  return diagnostics;
}
