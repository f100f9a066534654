// The loaded project: one node per SQL file under sql/, in run order. Built by loader.ts; read by the pipeline
// runner, alerts, dashboards, stacks and the CLI.
import type { ProjectConfig } from './config.js';
import type { Header } from './header.js';

export type NodeKind = 'ddl' | 'model' | 'alert' | 'dashboard';

/** The sql/ sub-folder of each kind. */
export const KIND_FOLDERS: Readonly<Record<NodeKind, string>> = {
  ddl: 'ddl',
  model: 'transforms',
  alert: 'alerts',
  dashboard: 'dashboards',
};

export interface ProjectNode {
  /**
   * Models: their qualified table (`analytics.crm_data`). DDL: the first table it creates that no model fills
   * (`ddl:<name>` when there is none). `alert:<name>`; `dashboard:<name>`.
   */
  id: string;
  /** Header `name` or the file name without `.sql`. */
  name: string;
  kind: NodeKind;
  /** Posix path relative to the project root. */
  file: string;
  header: Header;
  /** File text after the header block; variables not yet substituted. */
  sql: string;
  /** 1-based line of `sql` in the file (its first line starts at column 1). */
  bodyLine: number;
  /** Database that unqualified table names in `sql` resolve to: header `database` or the project's. */
  database: string;
  /** Qualified tables this file creates (ddl: every CREATE …; model and dashboard view: database.name). */
  produces: string[];
  /** Qualified tables it reads (or writes but does not create), parsed from the SQL, minus what it produces. */
  dependsOn: string[];
  /** Node ids this node runs after / before. */
  upstream: string[];
  downstream: string[];
}

export interface Project {
  root: string;
  config: ProjectConfig;
  stage: string;
  /** Topological order, ties broken by id. */
  nodes: ProjectNode[];
  node(id: string): ProjectNode | undefined;
}
