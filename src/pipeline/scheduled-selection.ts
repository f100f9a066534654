// What runs when: the one place that decides which nodes a scheduled model's run takes along, which models a data
// arrival triggers, and which models nothing ever runs. `lake schedule` (locally), the run-sql and feature-job
// functions (EventBridge rules on AWS), the P2 transform step and `lake lint --stage` all ask here, so a model runs
// on AWS exactly as its headers say it runs locally.
//
// A model runs when its header has a `schedule`, when the data it reads arrives (the tables of TRIGGERING_TABLES, written
// by an event-driven step), or as part of the run of a scheduled model downstream of it: that run takes along every
// unscheduled, untriggered model upstream of it, in DAG order (P3's staging, quarantine view and SCD2 dimension run
// with p3_customer_360). A model none of these reach never runs.
import { parseCreateTable } from '../dialect/ddl-parse.js';
import type { Diagnostic } from '../dialect/diagnostics.js';
import { splitStatements } from '../dialect/statements.js';
import type { Project, ProjectNode } from '../project/model.js';
import { INGEST_TABLES } from '../ingest/layout.js';
import type { Grain } from './periods.js';

/**
 * Tables written by event-driven steps, whose downstream models run when data arrives: P2's validated batches
 * (the Batch state machine's transform step runs them after each batch).
 */
export const TRIGGERING_TABLES: readonly string[] = Object.values(INGEST_TABLES.ecommerceRaw);

/** Which DDL files a scheduled run executes: all (a fresh local lake needs its sources), or only those the stacks cannot create (Iceberg tables). */
export type DdlScope = 'all' | 'iceberg';

const qualifiedIn = (project: Project, table: string) => (table.includes('.') ? table : `${project.config.database}.${table}`).toLowerCase();
const isScheduled = (node: ProjectNode) => node.kind === 'model' && node.header.schedule !== undefined;

/** Unscheduled models downstream of the triggering tables (what one data arrival runs), in project order. */
export function triggeredModels(project: Project, tables: readonly string[] = TRIGGERING_TABLES): ProjectNode[] {
  const sources = new Set(tables.map((t) => qualifiedIn(project, t)));
  const reached = new Set<string>();
  const visit = (node: ProjectNode) => {
    for (const id of node.downstream) {
      const next = project.node(id);
      if (next?.kind !== 'model' || isScheduled(next) || reached.has(id)) continue;
      reached.add(id);
      visit(next);
    }
  };
  for (const model of project.nodes.filter((n) => n.kind === 'model' && !isScheduled(n) && n.dependsOn.some((t) => sources.has(t.toLowerCase())))) {
    reached.add(model.id);
    visit(model);
  }
  return project.nodes.filter((n) => reached.has(n.id));
}

/** A DDL file that creates a table the stacks do not declare in Glue: a managed (Iceberg) `CREATE TABLE`. */
export function createsIcebergTable(node: ProjectNode): boolean {
  return splitStatements(node.sql).some((statement) => {
    try {
      const parsed = parseCreateTable(statement.text);
      return parsed.kind === 'createTable' && !parsed.external && /^iceberg$/i.test(parsed.tblProperties.table_type ?? '');
    } catch {
      return false;
    }
  });
}

/**
 * The nodes one fire of scheduled model `node` runs: the model, the unscheduled and untriggered models upstream of it
 * (they run nowhere else), and the DDL files they read from (`ddl` says which). Scheduled and triggered models
 * upstream run on their own and are not taken along.
 */
export function scheduledSelection(project: Project, node: ProjectNode, ddl: DdlScope): ProjectNode[] {
  const triggered = new Set(triggeredModels(project).map((n) => n.id));
  const ids = new Set<string>([node.id]);
  const visit = (id: string) => {
    for (const up of project.node(id)?.upstream ?? []) {
      const upstream = project.node(up);
      if (!upstream || ids.has(up)) continue;
      if (upstream.kind === 'ddl') {
        if (ddl === 'all' || createsIcebergTable(upstream)) ids.add(up);
        continue;
      }
      if (upstream.kind !== 'model' || isScheduled(upstream) || triggered.has(up)) continue;
      ids.add(up);
      visit(up);
    }
  };
  visit(node.id);
  return project.nodes.filter((n) => ids.has(n.id));
}

/**
 * The grain a scheduled run's period is floored to: the model's own `period`, else the coarsest period of the models
 * it takes along (p3_customer_360 is a table; its daily upstream runs for the day that ended).
 */
export function selectionGrain(nodes: readonly ProjectNode[], node: ProjectNode): Grain | undefined {
  if (node.header.period) return node.header.period;
  const grains = nodes.map((n) => n.header.period).filter((g): g is Grain => g !== undefined);
  return grains.includes('day') ? 'day' : grains[0];
}

/** Models no schedule, no data arrival and no scheduled run downstream ever runs, in project order. */
export function modelsThatNeverRun(project: Project): ProjectNode[] {
  const runs = new Set(triggeredModels(project).map((n) => n.id));
  for (const scheduled of project.nodes.filter(isScheduled)) for (const n of scheduledSelection(project, scheduled, 'iceberg')) runs.add(n.id);
  return project.nodes.filter((n) => n.kind === 'model' && !runs.has(n.id));
}

/**
 * `lake lint --stage S`: each model that would never run once S is deployed, as an error at its file. Stages that run
 * on a Trino engine are not deployed to AWS and are not checked.
 */
export function neverRunDiagnostics(project: Project): Diagnostic[] {
  if (project.config.stages[project.stage]?.engine?.type === 'trino') return [];
  return modelsThatNeverRun(project).map((node) => ({
    severity: 'error',
    rule: 'deploy/never-runs',
    message: `${node.id} would never run on stage ${project.stage}: it has no schedule, no data arrival triggers it, and no scheduled model downstream takes it along`,
    hint: 'give it a `schedule:` in its header, or schedule a model that reads it (its run takes unscheduled upstream models along)',
    file: node.file,
    line: 1,
    col: 1,
  }));
}
