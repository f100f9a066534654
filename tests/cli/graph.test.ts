import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo, FIXTURE, makeProject } from '../project/project-helpers.js';

const EXAMPLE = join(import.meta.dirname, '..', '..');

describe('lake graph', () => {
  it('prints every node in run order with its upstream', async () => {
    const io = captureIo(FIXTURE);
    expect(await main(['graph'], io)).toBe(0);
    expect(io.out).toBe(`analytics.crm_data [ddl] sql/ddl/crm_data.sql
analytics.orders [ddl] sql/ddl/shop.sql
analytics.dim_customer [model] sql/transforms/p2/dim_customer.sql
  <- analytics.orders
analytics.daily_revenue [model] sql/transforms/p2/daily_revenue.sql
  <- analytics.dim_customer
  <- analytics.orders
analytics.interactions_hourly [model] sql/transforms/p1/interactions_hourly.sql
  <- analytics.crm_data
alert:negative_interactions [alert] sql/alerts/negative_interactions.sql
  <- analytics.interactions_hourly
dashboard:support_overview [dashboard] sql/dashboards/support_overview.sql
  <- analytics.interactions_hourly
`);
  });

  it('--format json shows the header description and owner of each node', async () => {
    const io = captureIo(makeProject({ 'sql/transforms/a.sql': '/*\ndescription: the a table\nowner: team-a\n*/\nSELECT 1 AS x' }));
    expect(await main(['graph', '--format', 'json'], io)).toBe(0);
    expect(JSON.parse(io.out).nodes[0]).toMatchObject({ id: 'analytics.a', description: 'the a table', owner: 'team-a' });
  });

  it('--format json gives nodes and the edges inside the selection', async () => {
    const io = captureIo(FIXTURE);
    expect(await main(['graph', '+daily_revenue', '--format', 'json'], io)).toBe(0);
    const graph = JSON.parse(io.out);
    expect(graph.nodes.map((n: { id: string }) => n.id)).toEqual(['analytics.orders', 'analytics.dim_customer', 'analytics.daily_revenue']);
    expect(graph.nodes[2]).toEqual({
      id: 'analytics.daily_revenue',
      name: 'daily_revenue',
      kind: 'model',
      file: 'sql/transforms/p2/daily_revenue.sql',
      description: 'Revenue per day with customer emails.',
      tags: ['p2', 'kpi'],
      produces: ['analytics.daily_revenue'],
      dependsOn: ['analytics.orders', 'analytics.dim_customer'],
      upstream: ['analytics.dim_customer', 'analytics.orders'],
      downstream: [],
    });
    expect(graph.edges).toEqual([
      { from: 'analytics.orders', to: 'analytics.dim_customer' },
      { from: 'analytics.dim_customer', to: 'analytics.daily_revenue' },
      { from: 'analytics.orders', to: 'analytics.daily_revenue' },
    ]);
  });

  it('--format mermaid draws a flowchart with a shape per kind', async () => {
    const io = captureIo(FIXTURE);
    expect(await main(['graph', 'tag:p1', '--format', 'mermaid'], io)).toBe(0);
    expect(io.out).toBe(`flowchart LR
  n0[("analytics.crm_data")]
  n1["analytics.interactions_hourly"]
  n2{{"alert:negative_interactions"}}
  n3[/"dashboard:support_overview"/]
  n0 --> n1
  n1 --> n2
  n1 --> n3
`);
  });

  it('unions several selectors; file paths are relative to the working directory', async () => {
    const io = captureIo(join(FIXTURE, 'sql/transforms'));
    expect(await main(['graph', 'p2/dim_customer.sql', 'crm_data'], io)).toBe(0);
    expect(io.out.split('\n').filter((l) => l && !l.startsWith(' '))).toEqual([
      'analytics.crm_data [ddl] sql/ddl/crm_data.sql',
      'analytics.dim_customer [model] sql/transforms/p2/dim_customer.sql',
    ]);
  });

  it('exits 1 with the problems when the project does not load or the selector matches nothing', async () => {
    const io = captureIo(makeProject({ 'sql/transforms/a.sql': 'SELECT * FROM missing' }));
    expect(await main(['graph'], io)).toBe(1);
    expect(io.err).toBe(
      'error: sql/transforms/a.sql:1:15: error [dag/unknown-table] unknown table analytics.missing: no file under sql/ creates it\n' +
        "  hint: create it in sql/ddl or sql/transforms, or check the spelling and database (unqualified names resolve to the file's database)\n" +
        'hint: `lake lint` lists every problem with its fix\n',
    );
    const none = captureIo(FIXTURE);
    expect(await main(['graph', 'tag:nothing'], none)).toBe(1);
    expect(none.err).toBe(
      "error: selector 'tag:nothing' matches no node in the project\nhint: use a model or table name, tag:<tag>, path:<folder>, kind:<ddl|model|alert|dashboard> or a file path (with +, n+, a,b); `lake graph` lists every node\n",
    );
    const typo = captureIo(FIXTURE);
    expect(await main(['graph', '--select', 'dim_custmer+'], typo)).toBe(1);
    expect(typo.err).toBe("error: selector 'dim_custmer+' matches no node in the project\nhint: did you mean 'dim_customer'? `lake graph` lists every node\n");
  });

  it('--select and --exclude (repeatable) on the example project: crm_data and downstream without the alert', async () => {
    const io = captureIo(EXAMPLE);
    expect(await main(['graph', '--select', 'crm_data+', '--exclude', 'p1_negative_interactions', '--format', 'json'], io)).toBe(0);
    const ids = JSON.parse(io.out).nodes.map((n: { id: string }) => n.id);
    expect(ids).toContain('lakehouse.p1_interaction_kpis_hourly');
    expect(ids).toContain('lakehouse.crm_data');
    expect(ids).not.toContain('alert:p1_negative_interactions');
    const repeated = captureIo(EXAMPLE);
    expect(
      await main(
        ['graph', 'p2_order_kpis', '--select', 'p4_events', '--select', 'tag:nothing-like-this,p3_stg_orders', '--exclude', 'p4_events', '--format', 'json'],
        repeated,
      ),
    ).toBe(1);
    const union = captureIo(EXAMPLE);
    expect(
      await main(['graph', 'p2_order_kpis', '--select', 'p4_events', '--select', 'p3_stg_orders', '--exclude', 'p4_events', '--format', 'json'], union),
    ).toBe(0);
    expect(
      JSON.parse(union.out)
        .nodes.map((n: { id: string }) => n.id)
        .sort(),
    ).toEqual(['lakehouse.p2_order_kpis', 'lakehouse.p3_stg_orders']);
  });

  it('has help listing the selector forms', async () => {
    const io = captureIo(FIXTURE);
    expect(await main(['graph', '--help'], io)).toBe(0);
    expect(io.out).toMatch(/Usage: lake graph \[options\] \[selector\.\.\.\]/);
    expect(io.out).toContain('tag:x');
    expect(io.out).toContain('mermaid');
  });
});
