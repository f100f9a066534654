import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject, selectNodes, type Project } from '../../src/project/loader.js';
import { FIXTURE } from './project-helpers.js';

let project: Project;
beforeAll(async () => {
  project = await loadProject(FIXTURE);
});
const ids = (selector?: string) => selectNodes(project, selector).map((n) => n.id);

describe('selectNodes', () => {
  it('selects everything without a selector', () => {
    expect(ids()).toEqual(project.nodes.map((n) => n.id));
    expect(ids('  ')).toHaveLength(7);
  });

  it('matches a name, an id or a table a file produces', () => {
    expect(ids('daily_revenue')).toEqual(['analytics.daily_revenue']);
    expect(ids('analytics.daily_revenue')).toEqual(['analytics.daily_revenue']);
    expect(ids('alert:negative_interactions')).toEqual(['alert:negative_interactions']);
    expect(ids('negative_interactions')).toEqual(['alert:negative_interactions']);
    // `customers` is the second table of sql/ddl/shop.sql
    expect(ids('customers')).toEqual(['analytics.orders']);
    expect(ids('Daily_Revenue')).toEqual(['analytics.daily_revenue']);
  });

  it('adds downstream with name+, upstream with +name, both with +name+', () => {
    expect(ids('crm_data+')).toEqual(['analytics.crm_data', 'analytics.interactions_hourly', 'alert:negative_interactions', 'dashboard:support_overview']);
    expect(ids('+daily_revenue')).toEqual(['analytics.orders', 'analytics.dim_customer', 'analytics.daily_revenue']);
    expect(ids('+interactions_hourly+')).toEqual(['analytics.crm_data', 'analytics.interactions_hourly', 'alert:negative_interactions', 'dashboard:support_overview']);
  });

  it('selects by tag, kind, folder and file path', () => {
    expect(ids('tag:kpi')).toEqual(['analytics.daily_revenue']);
    expect(ids('tag:p2')).toEqual(['analytics.orders', 'analytics.dim_customer', 'analytics.daily_revenue']);
    expect(ids('kind:ddl')).toEqual(['analytics.crm_data', 'analytics.orders']);
    expect(ids('path:sql/transforms/p2')).toEqual(['analytics.dim_customer', 'analytics.daily_revenue']);
    expect(ids('path:sql/transforms/p2/')).toEqual(['analytics.dim_customer', 'analytics.daily_revenue']);
    expect(ids('sql/alerts/negative_interactions.sql')).toEqual(['alert:negative_interactions']);
    expect(ids(join(FIXTURE, 'sql/dashboards'))).toEqual(['dashboard:support_overview']);
    expect(ids('+sql/transforms/p2/dim_customer.sql')).toEqual(['analytics.orders', 'analytics.dim_customer']);
  });

  it('unions space-separated selectors, in run order', () => {
    expect(ids('dashboard:support_overview tag:kpi crm_data')).toEqual(['analytics.crm_data', 'analytics.daily_revenue', 'dashboard:support_overview']);
  });

  it('fails on a selector that matches nothing, naming it', () => {
    expect(() => selectNodes(project, 'daily_revenue nope')).toThrow(/selector 'nope' matches no SQL file/);
    expect(() => selectNodes(project, 'tag:none')).toThrow(/selector 'tag:none'/);
    expect(() => selectNodes(project, 'kind:table')).toThrow(/kind must be one of ddl, model, alert, dashboard/);
  });
});
