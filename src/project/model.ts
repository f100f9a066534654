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

/** Run order among nodes whose dependencies are met: DDL first, then models, alerts and dashboard views. */
export const RUN_PHASE: Readonly<Record<NodeKind, number>> = { ddl: 0, model: 1, alert: 2, dashboard: 3 };

export interface ProjectNode {
  /**
   * Models: their qualified table (`analytics.crm_data`). DDL: the first table it creates that no model fills
   * (`ddl:<name>` when there is none). `alert:<name>`; `dashboard:<name>`.
   */
  readonly id: string;
  /** Header `name` or the file name without `.sql`. */
  readonly name: string;
  readonly kind: NodeKind;
  /** Posix path relative to the project root. */
  readonly file: string;
  readonly header: Header;
  /** File text after the header block; variables not yet substituted. */
  readonly sql: string;
  /** 1-based line of `sql` in the file (its first line starts at column 1). */
  readonly bodyLine: number;
  /** Database that unqualified table names in `sql` resolve to: header `database` or the project's. */
  readonly database: string;
  /** Qualified tables this file creates (ddl: every CREATE …; model and dashboard view: database.name). */
  readonly produces: readonly string[];
  /** Qualified tables it reads (or writes but does not create), parsed from the SQL, minus what it produces. */
  readonly dependsOn: readonly string[];
  /** Node ids this node runs after / before. */
  readonly upstream: readonly string[];
  readonly downstream: readonly string[];
}

export interface Project {
  root: string;
  config: ProjectConfig;
  stage: string;
  /** Run order (see dag.ts): topological, DDL before models, alerts and dashboards where dependencies allow, then by id. */
  readonly nodes: readonly ProjectNode[];
  node(id: string): ProjectNode | undefined;
}
