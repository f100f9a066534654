// `lake lint` binding: every model, dashboard view and alert query runs over empty inputs with the tables' real types
// (the typed inputs unit tests use, src/testing/schemas.ts), so an unknown column, a type error, a `partitioned_by`
// column the query does not return, or an alert condition/message/key naming a column the query does not return is a
// lint error at the file's line — without any data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineAlert } from '../alerts/definition.js';
import { templateFields } from '../alerts/template.js';
import type { Diagnostic } from '../dialect/diagnostics.js';
import { TableSchemas } from '../testing/schemas.js';
import { bindInWorkers, bindThreads } from './bind-pool.js';
import type { TranslationFeed } from './translation-feed.js';
import { alertBinding, bindInShards, type AlertBinding } from './bind-shards.js';
import { ProjectError } from '../project/errors.js';
import { locateEngineError } from '../project/error-location.js';
import type { Project, ProjectNode } from '../project/model.js';

const firstLine = (text: string) => text.split('\n')[0];

/** Lower-case names of the json columns of the tables a node reads (where its json member refusal is). */
function jsonColumnNames(node: ProjectNode, schemas: TableSchemas): Set<string> {
  const columns = node.upstream.flatMap((id) => schemas.columns(id) ?? []);
  return new Set(columns.filter((c) => c.type === 'json').map((c) => c.name.toLowerCase()));
}

/** The engine's message as a diagnostic at the place in the file it names (else the first line of the SQL). */
function queryDiagnostic(node: ProjectNode, message: string, schemas: TableSchemas): Diagnostic {
  const at = locateEngineError(message, node, jsonColumnNames(node, schemas)) ?? { line: node.bodyLine, col: 1 };
  const candidates = /Candidate bindings: (.*)/.exec(message)?.[1];
  return {
    severity: 'error',
    rule: 'bind/query',
    message: `${firstLine(message)} (bound over empty inputs with the tables' types)`,
    ...(candidates ? { hint: `columns there: ${candidates}` } : {}),
    file: node.file,
    ...at,
  };
}

/** 1-based line of the first header line that starts with `key:` (indented or not), else the header's first line. */
function headerLine(text: string, key: string): number {
  const index = text.split('\n').findIndex((line) => new RegExp(`^\\s*${key}\\s*:`).test(line));
  return index < 0 ? 1 : index + 1;
}

function checkPartitions(node: ProjectNode, schemas: TableSchemas, text: () => string): Diagnostic[] {
  const columns = schemas.columns(node.produces[0] ?? '');
  if (!columns || node.header.partitioned_by.length === 0) return [];
  const names = new Set(columns.map((c) => c.name.toLowerCase()));
  return node.header.partitioned_by
    .filter((p) => !names.has(p.toLowerCase()))
    .map((p) => ({
      severity: 'error' as const,
      rule: 'bind/partitioned-by',
      message: `partitioned_by column '${p}' is not returned by the query`,
      hint: `the query returns: ${columns.map((c) => c.name).join(', ')}`,
      file: node.file,
      line: headerLine(text(), 'partitioned_by'),
      col: 1,
    }));
}

function checkAlertColumns(node: ProjectNode, columns: string[], text: () => string): Diagnostic[] {
  let definition;
  try {
    definition = defineAlert(node);
  } catch {
    return []; // header problems are reported by the loader
  }
  const returned = new Set(columns.map((c) => c.toLowerCase()));
  const missing = (name: string) => name !== 'rows' && !returned.has(name.toLowerCase());
  const hint = `the query returns: ${columns.join(', ') || 'no columns'}`;
  const diagnostic = (rule: string, key: string, message: string): Diagnostic => ({
    severity: 'error',
    rule,
    message,
    hint,
    file: node.file,
    line: headerLine(text(), key),
    col: 1,
  });
  return [
    ...definition.condition.names
      .filter(missing)
      .map((name) =>
        diagnostic('bind/alert-condition', 'condition', `alert condition '${definition.condition.text}' names '${name}', which the query does not return`),
      ),
    ...templateFields(definition.message)
      .filter(missing)
      .map((name) => diagnostic('bind/alert-message', 'message', `alert message field {${name}} is not a column the query returns`)),
    ...(definition.key && missing(definition.key)
      ? [diagnostic('bind/alert-key', 'key', `alert key '${definition.key}' is not a column the query returns`)]
      : []),
  ];
}

/** Every node of a project bound over empty typed inputs: its tables' schemas, and each alert query's columns. */
export interface BoundProject {
  schemas: TableSchemas;
  alerts: ReadonlyMap<string, AlertBinding>;
}

/**
 * Binds every node (undefined when contract files, whose types stand in for unbindable tables, do not load: the
 * contract check reports them). It needs no lint results, so it runs beside the syntax check and the rules; which of
 * its failures are findings is decided after (bindDiagnostics). Large projects bind in worker threads (bind-pool.ts);
 * `parallel.shards` binds in that many engines of this thread instead.
 */
export async function bindProject(project: Project, parallel: { shards?: number; feed?: TranslationFeed } = {}): Promise<BoundProject | undefined> {
  try {
    const threads = parallel.shards === undefined ? bindThreads(project) : 0;
    if (threads > 0 || (parallel.shards ?? 1) > 1) {
      const results = threads > 0 ? await bindInWorkers(project, threads, parallel.feed) : await bindInShards(project, parallel.shards ?? 1);
      return {
        schemas: TableSchemas.assemble(project, new Map([...results].flatMap(([id, r]) => (r.schemas ? [[id, r.schemas] as const] : [])))),
        alerts: new Map([...results].flatMap(([id, r]) => (r.alert ? [[id, r.alert] as const] : []))),
      };
    }
    const alerts = new Map<string, AlertBinding>();
    // Alerts are not tables: their queries are bound while the scratch engine holds every typed input.
    const schemas = await TableSchemas.discover(project, undefined, {
      whileOpen: async (engine, vars) => {
        for (const node of project.nodes) if (node.kind === 'alert') alerts.set(node.id, await alertBinding(engine, node, vars));
      },
    });
    return { schemas, alerts };
  } catch (error) {
    if (error instanceof ProjectError) return undefined;
    throw error;
  }
}

/**
 * Binding diagnostics for the project's models, dashboard views and alerts. Nodes in `unloaded` (their file has load
 * errors, reported already) and everything downstream of a node that does not bind are not reported again.
 */
export function bindDiagnostics(
  project: Project,
  wanted: (file: string) => boolean,
  unloaded: ReadonlySet<string>,
  bound: BoundProject | undefined,
): { diagnostics: Diagnostic[]; schemas?: TableSchemas } {
  const diagnostics: Diagnostic[] = [];
  if (!bound) return { diagnostics };
  const { schemas } = bound;
  // A file's text is read only for a finding's header line (issue 18: reading every model's file again was ~1 % of an
  // uncached lint's main thread).
  const text = (node: ProjectNode): (() => string) => {
    let read: string | undefined;
    return () => (read ??= readFileSync(join(project.root, node.file), 'utf8'));
  };
  const failed = new Set<string>(unloaded);
  const upstreamFailed = (node: ProjectNode) => node.upstream.some((id) => failed.has(id));
  const alertColumns = new Map<string, string[]>();
  const report = ({ node, error }: { node: ProjectNode; error: string }) => {
    // What failed only because something upstream did is not a second finding; DDL is checked by its grammar.
    if (!failed.has(node.id) && !upstreamFailed(node) && node.kind !== 'ddl' && wanted(node.file)) diagnostics.push(queryDiagnostic(node, error, schemas));
    failed.add(node.id);
  };
  for (const failure of schemas.failures) report(failure);
  for (const node of project.nodes) {
    if (node.kind !== 'alert' || !wanted(node.file) || failed.has(node.id) || upstreamFailed(node)) continue;
    const alert = bound.alerts.get(node.id) ?? { error: `${node.file} was not bound` };
    if ('error' in alert) report({ node, error: alert.error });
    else alertColumns.set(node.id, alert.columns);
  }
  for (const node of project.nodes) {
    if (!wanted(node.file) || failed.has(node.id) || upstreamFailed(node)) continue;
    if (node.kind === 'model' || node.kind === 'dashboard') diagnostics.push(...checkPartitions(node, schemas, text(node)));
    if (node.kind === 'alert' && alertColumns.has(node.id)) diagnostics.push(...checkAlertColumns(node, alertColumns.get(node.id)!, text(node)));
  }
  return { diagnostics, schemas };
}
