import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject, selectNodes, type Project } from '../../src/project/loader.js';
import { SelectorError } from '../../src/project/selector.js';
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
    expect(ids('+interactions_hourly+')).toEqual([
      'analytics.crm_data',
      'analytics.interactions_hourly',
      'alert:negative_interactions',
      'dashboard:support_overview',
    ]);
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
    expect(() => selectNodes(project, 'daily_revenue nope')).toThrow(/selector 'nope' matches no node/);
    expect(() => selectNodes(project, 'tag:none')).toThrow(/selector 'tag:none'/);
    expect(() => selectNodes(project, 'kind:table')).toThrow(/kind must be one of ddl, model, alert, dashboard/);
    expect(() => selectNodes(project, { exclude: ['nope'] })).toThrow(/--exclude selector 'nope' matches no node/);
  });

  it('suggests the closest names, tags and folders, and names no file position', () => {
    const error = (selector: string) => {
      try {
        selectNodes(project, selector);
      } catch (e) {
        return e as SelectorError;
      }
      throw new Error(`${selector} matched`);
    };
    expect(error('daily_revenu+')).toBeInstanceOf(SelectorError);
    expect(error('daily_revenu+').message).toBe("selector 'daily_revenu+' matches no node in the project");
    expect(error('daily_revenu+').message).not.toMatch(/<sql>|:1:1/);
    expect(error('daily_revenu+').hint).toMatch(/^did you mean 'daily_revenue'\?/);
    expect(error('tag:kpis').hint).toMatch(/did you mean 'tag:kpi'/);
    expect(error('path:sql/transforms/p3').hint).toMatch(/did you mean 'path:sql\/transforms\/p1' or 'path:sql\/transforms\/p2'/);
    expect(error('zzzzzzzz').hint).toMatch(/use a model or table name/);
  });

  it('limits + to n levels with n+name and name+n', () => {
    expect(ids('1+daily_revenue')).toEqual(['analytics.orders', 'analytics.dim_customer', 'analytics.daily_revenue']);
    expect(ids('crm_data+1')).toEqual(['analytics.crm_data', 'analytics.interactions_hourly']);
    expect(ids('crm_data+2')).toEqual(['analytics.crm_data', 'analytics.interactions_hourly', 'alert:negative_interactions', 'dashboard:support_overview']);
    expect(ids('0+daily_revenue')).toEqual(['analytics.daily_revenue']);
    expect(ids('1+dim_customer+1')).toEqual(['analytics.orders', 'analytics.dim_customer', 'analytics.daily_revenue']);
  });

  it('intersects a,b and removes --exclude from the union of --select', () => {
    expect(ids('tag:p2,kind:model')).toEqual(['analytics.dim_customer', 'analytics.daily_revenue']);
    expect(ids('crm_data+,kind:model tag:kpi')).toEqual(['analytics.daily_revenue', 'analytics.interactions_hourly']);
    expect(selectNodes(project, { select: ['crm_data+'], exclude: ['negative_interactions'] }).map((n) => n.id)).toEqual([
      'analytics.crm_data',
      'analytics.interactions_hourly',
      'dashboard:support_overview',
    ]);
    expect(selectNodes(project, { select: ['tag:p1', 'daily_revenue'], exclude: ['kind:ddl kind:dashboard'] }).map((n) => n.id)).toEqual([
      'analytics.daily_revenue',
      'analytics.interactions_hourly',
      'alert:negative_interactions',
    ]);
    // Only an exclusion: everything else.
    expect(selectNodes(project, { exclude: ['tag:p2'] }).map((n) => n.id)).toEqual([
      'analytics.crm_data',
      'analytics.interactions_hourly',
      'alert:negative_interactions',
      'dashboard:support_overview',
    ]);
  });
});
