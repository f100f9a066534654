// Dashboards on a deployed stage (the Dashboards stack's custom resource): the dashboard views are created on the
// stage's engine (CREATE OR REPLACE VIEW through the runner, variables substituted), their columns read back from the
// engine, and the QuickSight data source, datasets, refresh schedules, analyses and dashboards published from the
// same definitions as `lake dashboard publish`. Removing a dashboard (or the stack) deletes its QuickSight resources;
// the views stay in the catalog (metadata only, recreated by any run).
import {
  DeleteAnalysisCommand,
  DeleteDashboardCommand,
  DeleteDataSetCommand,
  DeleteDataSourceCommand,
  type QuickSightClient,
} from '@aws-sdk/client-quicksight';
import { tableExists } from '../../pipeline/materialize/sql.js';
import { runPipeline, type PipelineContext } from '../../pipeline/runner.js';
import type { ProjectNode } from '../../project/model.js';
import { viewsOf, type Dashboard } from '../definition.js';
import { DashboardError, loadDashboards, type LoadedDashboard } from '../load.js';
import { checkAgainstViews, describeViews, type ViewSchemas } from '../query.js';
import { analysisId, dashboardId, dataSetId, dataSourceId, quickSightResources, type QuickSightTarget } from './index.js';
import { publishQuickSight, type PublishStep } from './publish.js';

/** What a deployment owns in QuickSight, by dashboard: enough to delete it again without the project. */
export interface DeployedDashboard {
  name: string;
  views: string[];
}

export const deployedDashboards = (dashboards: Array<Pick<Dashboard, 'name' | 'visuals'>>): DeployedDashboard[] =>
  dashboards.map((d) => ({ name: d.name, views: viewsOf(d) }));

export interface PendingDashboard {
  dashboard: string;
  /** Tables its views read that do not exist yet (models that have not run on this stage). */
  missing: string[];
}

export interface DashboardDeployment {
  /** Dashboards published to QuickSight. */
  published: string[];
  /** Dashboards left out because their views' tables do not exist yet; the next deploy or publish adds them. */
  pending: PendingDashboard[];
  steps: PublishStep[];
  /** The run that created the views (absent when no view was ready). */
  runId?: string;
}

export interface DeployContext extends PipelineContext {
  quicksight: QuickSightClient;
  target: QuickSightTarget;
  onStep?: (step: PublishStep) => void;
}

const qualified = (database: string, name: string) => `${database}.${name}`.toLowerCase();

/** The project's dashboard view nodes, by qualified view name (`lakehouse.exec_daily_revenue`). */
function viewNodes(ctx: PipelineContext): Map<string, ProjectNode> {
  return new Map(ctx.project.nodes.filter((n) => n.kind === 'dashboard').flatMap((n) => n.produces.map((t) => [t.toLowerCase(), n] as const)));
}

/** Tables a dashboard needs to exist before its views can be created: what its view nodes read (views without a node are tables themselves). */
function requiredTables(dashboard: Dashboard, nodes: Map<string, ProjectNode>): string[] {
  const tables = viewsOf(dashboard).flatMap((view) => {
    const node = nodes.get(qualified(dashboard.database, view));
    return node ? node.dependsOn.filter((t) => !nodes.has(t.toLowerCase())) : [qualified(dashboard.database, view)];
  });
  return [...new Set(tables.map((t) => t.toLowerCase()))];
}

/** Creates the views, describes them and publishes every dashboard whose tables exist. */
export async function deployDashboards(ctx: DeployContext): Promise<DashboardDeployment> {
  const dashboards = loadDashboards(ctx.project.root, { sqlDir: ctx.project.config.sql, database: ctx.project.config.database });
  const nodes = viewNodes(ctx);
  const exists = new Map<string, Promise<boolean>>();
  const tableReady = (table: string) => {
    if (!exists.has(table)) {
      const [database, name] = table.split('.');
      exists.set(table, tableExists(ctx.engine, database, name));
    }
    return exists.get(table)!;
  };
  const ready: LoadedDashboard[] = [];
  const pending: PendingDashboard[] = [];
  for (const dashboard of dashboards) {
    const missing: string[] = [];
    for (const table of requiredTables(dashboard, nodes)) if (!(await tableReady(table))) missing.push(table);
    if (missing.length > 0) pending.push({ dashboard: dashboard.name, missing });
    else ready.push(dashboard);
  }
  if (ready.length === 0) return { published: [], pending, steps: [] };

  const viewIds = [...new Set(ready.flatMap((d) => viewsOf(d).flatMap((view) => nodes.get(qualified(d.database, view))?.id ?? [])))];
  let runId: string | undefined;
  if (viewIds.length > 0) {
    const summary = await runPipeline(ctx, { selector: viewIds.join(' ') });
    runId = summary.runId;
    if (!summary.ok) {
      const failed = summary.records.filter((r) => r.status === 'failed').map((r) => `${r.step}: ${r.error}`);
      throw new Error(`dashboard views failed (run ${summary.runId}): ${failed.join('; ')}`);
    }
  }

  const schemas: Record<string, ViewSchemas> = {};
  for (const dashboard of ready) {
    schemas[dashboard.name] = await describeViews(ctx.engine, dashboard);
    const problems = checkAgainstViews(dashboard, schemas[dashboard.name]);
    if (problems.length > 0) throw new DashboardError(problems);
  }
  const resources = quickSightResources({ projectName: ctx.project.config.name, target: ctx.target, dashboards: ready, schemas });
  const steps = await publishQuickSight(ctx.quicksight, resources, ctx.onStep);
  return { published: ready.map((d) => d.name), pending, steps, runId };
}

export interface RemovedResource {
  kind: 'dashboard' | 'analysis' | 'dataset' | 'data source';
  id: string;
  /** false: it did not exist (never published, or already deleted). */
  deleted: boolean;
}

const isNotFound = (error: unknown) => (error as { name?: string } | null)?.name === 'ResourceNotFoundException';

async function deleteIfExists(send: () => Promise<unknown>): Promise<boolean> {
  try {
    await send();
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

export interface Removal {
  /** Dashboards to delete with their analyses and every dataset of theirs (refresh schedules go with a dataset). */
  dashboards: DeployedDashboard[];
  /** Only these datasets (views dropped from a dashboard that stays). */
  dataSets?: DeployedDashboard[];
  /** The data source too (the stack is removed or moved to another id prefix). */
  dataSource: boolean;
}

/** Deletes what `removal` names; missing resources are skipped, so removal can be repeated. */
export async function removeQuickSight(client: QuickSightClient, target: QuickSightTarget, removal: Removal): Promise<RemovedResource[]> {
  const AwsAccountId = target.awsAccountId;
  const removed: RemovedResource[] = [];
  for (const dashboard of removal.dashboards) {
    const DashboardId = dashboardId(target, dashboard);
    removed.push({
      kind: 'dashboard',
      id: DashboardId,
      deleted: await deleteIfExists(() => client.send(new DeleteDashboardCommand({ AwsAccountId, DashboardId }))),
    });
    const AnalysisId = analysisId(target, dashboard);
    removed.push({
      kind: 'analysis',
      id: AnalysisId,
      // Without recovery: a later deploy may create the same id again at once.
      deleted: await deleteIfExists(() => client.send(new DeleteAnalysisCommand({ AwsAccountId, AnalysisId, ForceDeleteWithoutRecovery: true }))),
    });
  }
  // Datasets after every analysis and dashboard that used them.
  for (const dashboard of [...removal.dashboards, ...(removal.dataSets ?? [])]) {
    for (const view of dashboard.views) {
      const DataSetId = dataSetId(target, dashboard, view);
      removed.push({ kind: 'dataset', id: DataSetId, deleted: await deleteIfExists(() => client.send(new DeleteDataSetCommand({ AwsAccountId, DataSetId }))) });
    }
  }
  if (removal.dataSource) {
    const DataSourceId = dataSourceId(target);
    removed.push({
      kind: 'data source',
      id: DataSourceId,
      deleted: await deleteIfExists(() => client.send(new DeleteDataSourceCommand({ AwsAccountId, DataSourceId }))),
    });
  }
  return removed;
}

/** Dashboards and views in `before` that `after` no longer has (a view dropped from a dashboard loses its dataset). */
export function staleDashboards(before: DeployedDashboard[], after: DeployedDashboard[]): Pick<Removal, 'dashboards' | 'dataSets'> {
  const dashboards = before.filter((b) => !after.some((a) => a.name === b.name));
  const views = before.flatMap((b) => {
    const now = after.find((a) => a.name === b.name);
    const gone = now ? b.views.filter((v) => !now.views.includes(v)) : [];
    return gone.length > 0 ? [{ name: b.name, views: gone }] : [];
  });
  return { dashboards, dataSets: views };
}
