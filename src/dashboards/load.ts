// Loads `sql/dashboards/*.dashboard.yaml`. Every problem is a Diagnostic naming the file, the field path
// (`visuals.2.y`) and its line, and loading fails with all of them at once.
import { LakeError } from '../errors.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { formatDiagnostic, type Diagnostic } from '../dialect/diagnostics.js';
import { yamlIssues, yamlOffset, type YamlIssue } from '../project/yaml-issues.js';
import { DashboardSchema, type Dashboard } from './definition.js';

export const DASHBOARD_SUFFIX = '.dashboard.yaml';

export class DashboardError extends LakeError {
  override readonly name: string = 'DashboardError';
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
  }
}

export type FieldPath = ReadonlyArray<string | number>;

/** A dashboard plus where each of its fields is in its file, for errors found after loading (e.g. unknown columns). */
export interface LoadedDashboard extends Dashboard {
  positionOf(path: FieldPath): { line: number; col: number };
}

/** The key at `path` (of the deepest map entry that exists): its line is what users look for. */
const offsetOf = (doc: Document, path: FieldPath): number => yamlOffset(doc, path) ?? 0;

function describeIssue(issue: YamlIssue): string {
  if (issue.kind === 'value') return `'${issue.path.join('.') || '(root)'}': ${issue.message}${issue.got}`;
  return `unknown field '${issue.key}' in ${issue.parent.length ? `'${issue.parent.join('.')}'` : 'the dashboard'}`;
}

/** Parses and validates one dashboard file's text. `file` is the path shown in errors. */
export function parseDashboard(text: string, file: string, defaults: { database: string }): LoadedDashboard {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };
  const fail = (diagnostics: Diagnostic[]): never => {
    throw new DashboardError(diagnostics);
  };
  if (doc.errors.length > 0) {
    fail(doc.errors.map((e) => ({ severity: 'error', rule: 'dashboard/yaml', message: `not valid YAML: ${e.message.split('\n')[0]}`, file, ...at(e.pos[0]) })));
  }
  const parsed = DashboardSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    fail(
      yamlIssues(parsed.error.issues, doc).map((issue) => {
        return { severity: 'error', rule: 'dashboard/schema', message: describeIssue(issue), file, ...at(issue.offset ?? 0) };
      }),
    );
  }
  const data = parsed.data!;
  const fileName = file.split('/').pop()!;
  return {
    ...data,
    name: data.name ?? fileName.slice(0, -DASHBOARD_SUFFIX.length),
    database: data.database ?? defaults.database,
    file,
    positionOf: (path) => at(offsetOf(doc, path)),
  };
}

/** A problem with a loaded dashboard (e.g. a column its view lacks), placed at the field's line. */
export function fieldDiagnostic(dashboard: LoadedDashboard, path: FieldPath, message: string, hint?: string): Diagnostic {
  return { severity: 'error', rule: 'dashboard/view', message: `'${path.join('.')}': ${message}`, hint, file: dashboard.file, ...dashboard.positionOf(path) };
}

const toPosix = (path: string) => path.split(sep).join('/');

/** Every `*.dashboard.yaml` in `<root>/<sqlDir>/dashboards`, sorted by file name; all errors of all files at once. */
export function loadDashboards(root: string, options: { sqlDir?: string; database: string }): LoadedDashboard[] {
  const dir = join(root, options.sqlDir ?? 'sql', 'dashboards');
  if (!existsSync(dir)) return [];
  const dashboards: LoadedDashboard[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith(DASHBOARD_SUFFIX))
    .sort()) {
    const path = join(dir, name);
    try {
      dashboards.push(parseDashboard(readFileSync(path, 'utf8'), toPosix(relative(root, path)), { database: options.database }));
    } catch (error) {
      if (error instanceof DashboardError) diagnostics.push(...error.diagnostics);
      else throw error;
    }
  }
  const names = new Map<string, string>();
  for (const dashboard of dashboards) {
    const other = names.get(dashboard.name);
    if (other)
      diagnostics.push({
        severity: 'error',
        rule: 'dashboard/schema',
        message: `dashboard name '${dashboard.name}' is also used by ${other}`,
        file: dashboard.file,
        ...dashboard.positionOf(['name']),
      });
    names.set(dashboard.name, dashboard.file);
  }
  if (diagnostics.length > 0) throw new DashboardError(diagnostics);
  return dashboards;
}
