// The Dashboards stack's CloudFormation custom resource (through the CDK Provider framework, which answers
// CloudFormation): Create/Update publish the dashboards (deploy.ts), Update also deletes what the new definitions no
// longer have, Delete removes everything the resource published. The properties carry the QuickSight target and the
// dashboard/view names, so a Delete needs neither the project nor the engine.
import { LakeError } from '../../errors.js';
import type { QuickSightClient } from '@aws-sdk/client-quicksight';
import type { PipelineContext } from '../../pipeline/runner.js';
import { deployDashboards, removeQuickSight, staleDashboards, type DeployedDashboard } from './deploy.js';
import { dataSourceId, quickSightArn, type QuickSightTarget } from './index.js';
import type { PublishStep } from './publish.js';

/** What the stack puts on the custom resource (CloudFormation passes every value as a string). */
export interface DashboardsResourceProperties {
  Target: QuickSightTarget;
  Dashboards: DeployedDashboard[];
  /** Hash of the project's SQL and dashboard files: a change to any of them re-runs the deployment. */
  Version: string;
}

export interface DashboardsResourceEvent {
  RequestType: 'Create' | 'Update' | 'Delete';
  PhysicalResourceId?: string;
  ResourceProperties: DashboardsResourceProperties;
  OldResourceProperties?: DashboardsResourceProperties;
}

/** The Provider framework's reply: the physical id and attributes (`Fn::GetAtt`) of the resource. */
export interface DashboardsResourceResult {
  PhysicalResourceId: string;
  Data: { DataSourceArn: string; Published: string; Pending: string };
}

export interface DashboardsResourceDependencies {
  quicksight: (region: string) => QuickSightClient;
  /** The stage's project, Athena engine and lake; opened only for Create and Update. */
  context: () => Promise<PipelineContext>;
  log?: (event: string, body: object) => void;
  /** The properties the stack gave the function too (its environment), for `{"action":"publish"}`. */
  properties?: () => DashboardsResourceProperties;
}

/**
 * A manual republish (`aws lambda invoke … --payload '{"action":"publish"}'`): dashboards left pending at deploy
 * because their models had not run yet are published once the tables exist, without another deploy.
 */
export const PUBLISH_ACTION = 'publish';

export class DashboardsEventError extends LakeError {
  override readonly name: string = 'DashboardsEventError';
}

const TARGET_FIELDS = ['awsAccountId', 'region', 'principalArn', 'workgroup', 'idPrefix'] as const;

function parseProperties(value: unknown, what: string): DashboardsResourceProperties {
  const p = (value ?? {}) as Partial<Record<keyof DashboardsResourceProperties, unknown>>;
  const target = (p.Target ?? {}) as Record<string, unknown>;
  const missing = TARGET_FIELDS.filter((f) => typeof target[f] !== 'string' || target[f] === '');
  if (missing.length > 0) throw new DashboardsEventError(`${what}: Target lacks ${missing.join(', ')}`);
  const dashboards = p.Dashboards;
  const valid =
    Array.isArray(dashboards) && dashboards.every((d: { name?: unknown; views?: unknown }) => typeof d?.name === 'string' && Array.isArray(d.views));
  if (!valid) throw new DashboardsEventError(`${what}: Dashboards must be [{ name, views: [...] }]`);
  return { Target: target as unknown as QuickSightTarget, Dashboards: dashboards as DeployedDashboard[], Version: String(p.Version ?? '') };
}

export function parseDashboardsEvent(event: unknown, properties?: () => DashboardsResourceProperties): DashboardsResourceEvent {
  if ((event as { action?: unknown } | null)?.action === PUBLISH_ACTION) {
    if (!properties) throw new DashboardsEventError('this function has no QuickSight target in its environment');
    return { RequestType: 'Create', ResourceProperties: parseProperties(properties(), 'environment') };
  }
  const e = (event ?? {}) as Partial<Record<keyof DashboardsResourceEvent, unknown>>;
  if (e.RequestType !== 'Create' && e.RequestType !== 'Update' && e.RequestType !== 'Delete') {
    throw new DashboardsEventError(`expected a CloudFormation custom resource event, got RequestType ${JSON.stringify(e.RequestType)}`);
  }
  return {
    RequestType: e.RequestType,
    PhysicalResourceId: typeof e.PhysicalResourceId === 'string' ? e.PhysicalResourceId : undefined,
    ResourceProperties: parseProperties(e.ResourceProperties, 'ResourceProperties'),
    OldResourceProperties: e.RequestType === 'Update' ? parseProperties(e.OldResourceProperties, 'OldResourceProperties') : undefined,
  };
}

/** One id per account, region and id prefix: moving to another changes it, and CloudFormation then deletes the old one. */
export const physicalId = (target: QuickSightTarget): string => `${target.awsAccountId}:${target.region}:${dataSourceId(target)}`;

export async function handleDashboardsEvent(raw: unknown, deps: DashboardsResourceDependencies): Promise<DashboardsResourceResult> {
  const event = parseDashboardsEvent(raw, deps.properties);
  const log = deps.log ?? (() => {});
  const { Target: target, Dashboards: dashboards } = event.ResourceProperties;
  const client = deps.quicksight(target.region);
  const id = physicalId(target);
  const data = { DataSourceArn: quickSightArn(target, 'datasource', dataSourceId(target)), Published: '', Pending: '' };

  if (event.RequestType === 'Delete') {
    const removed = await removeQuickSight(client, target, { dashboards, dataSource: true });
    log('quicksight_removed', { removed });
    return { PhysicalResourceId: event.PhysicalResourceId ?? id, Data: data };
  }

  const deployment = await deployDashboards({
    ...(await deps.context()),
    quicksight: client,
    target,
    onStep: (step: PublishStep) => log('quicksight_step', step),
  });
  log('dashboards_deployed', { published: deployment.published, pending: deployment.pending, runId: deployment.runId });
  const old = event.OldResourceProperties;
  if (old && physicalId(old.Target) === id) {
    const stale = staleDashboards(old.Dashboards, dashboards);
    if (stale.dashboards.length > 0 || (stale.dataSets ?? []).length > 0) {
      log('quicksight_removed', { removed: await removeQuickSight(client, target, { ...stale, dataSource: false }) });
    }
  }
  return {
    PhysicalResourceId: id,
    Data: {
      ...data,
      Published: deployment.published.join(','),
      Pending: deployment.pending.map((p) => `${p.dashboard} (needs ${p.missing.join(', ')})`).join('; '),
    },
  };
}
