import { describe, expect, it } from 'vitest';
import { analyzeProject, loadProject, ProjectError } from '../../src/project/loader.js';
import { FIXTURE, makeProject } from './project-helpers.js';

const errorsOf = async (root: string) => {
  try {
    await loadProject(root);
  } catch (error) {
    if (error instanceof ProjectError) return error.diagnostics;
    throw error;
  }
  throw new Error('expected loadProject to fail');
};

describe('loadProject on the fixture project', () => {
  it('builds nodes in run order (topological; ready DDL, then models, alerts, dashboards; then by id), ignoring non-SQL files', async () => {
    const project = await loadProject(FIXTURE);
    expect(project.stage).toBe('local');
    expect(project.nodes.map((n) => n.id)).toEqual([
      'analytics.crm_data',
      'analytics.orders',
      'analytics.dim_customer',
      'analytics.daily_revenue',
      'analytics.interactions_hourly',
      'alert:negative_interactions',
      'dashboard:support_overview',
    ]);
    expect(project.nodes.map((n) => n.file)).not.toContain('sql/dashboards/support.yaml');
  });

  it('builds each node once, with its id and edges, and freezes it: nothing after the loader rewrites the DAG', async () => {
    const { project, sources } = await analyzeProject(FIXTURE);
    expect(Object.isFrozen(project.nodes)).toBe(true);
    for (const node of [...project.nodes, ...sources]) {
      expect(Object.isFrozen(node)).toBe(true);
      for (const list of [node.upstream, node.downstream, node.produces, node.dependsOn]) expect(Object.isFrozen(list)).toBe(true);
    }
    // The DDL that creates the table a model MERGEs into is known by its next table, from the start.
    expect(sources.find((n) => n.file.startsWith('sql/ddl/') && n.produces.includes('analytics.dim_customer'))?.id).toBe('analytics.orders');
    expect(() => (project.nodes[0].upstream as string[]).push('x')).toThrow(TypeError);
  });

  it('parses dependencies from the SQL: CTEs skipped, names qualified, MERGE targets filled', async () => {
    const project = await loadProject(FIXTURE);
    const hourly = project.node('analytics.interactions_hourly')!;
    expect(hourly).toMatchObject({
      kind: 'model',
      name: 'interactions_hourly',
      file: 'sql/transforms/p1/interactions_hourly.sql',
      bodyLine: 8,
      database: 'analytics',
      produces: ['analytics.interactions_hourly'],
      dependsOn: ['analytics.crm_data'],
      upstream: ['analytics.crm_data'],
      downstream: ['alert:negative_interactions', 'dashboard:support_overview'],
    });
    expect(hourly.header.materialized).toBe('incremental');
    expect(hourly.sql.startsWith('WITH base AS (')).toBe(true);

    const shop = project.node('analytics.orders')!;
    expect(shop.produces).toEqual(['analytics.orders', 'analytics.customers', 'analytics.dim_customer']);
    // The MERGE model writes into the Iceberg table created in sql/ddl: it runs after the DDL, and readers of the
    // table run after the MERGE.
    const dim = project.node('analytics.dim_customer')!;
    expect(dim.dependsOn).toEqual(['analytics.customers']);
    expect(dim.upstream).toEqual(['analytics.orders']);
    expect(project.node('analytics.daily_revenue')!.upstream).toEqual(['analytics.dim_customer', 'analytics.orders']);
    expect(project.node('dashboard:support_overview')).toMatchObject({ kind: 'dashboard', produces: ['analytics.support_overview'] });
    expect(project.node('alert:negative_interactions')).toMatchObject({ kind: 'alert', produces: [], dependsOn: ['analytics.interactions_hourly'] });
  });

  it('rejects an unknown stage', async () => {
    await expect(loadProject(FIXTURE, { stage: 'qa' })).rejects.toThrow(/unknown stage 'qa'.*local, prod/s);
    expect((await loadProject(FIXTURE, { stage: 'prod' })).stage).toBe('prod');
  });
});

describe('DAG errors', () => {
  it('lists a cycle with each file:line', async () => {
    const root = makeProject({
      'sql/transforms/a.sql': 'SELECT * FROM c',
      'sql/transforms/b.sql': '-- reads a\nSELECT *\nFROM a',
      'sql/transforms/c.sql': 'SELECT *\nFROM b JOIN ok ON true',
      'sql/transforms/ok.sql': 'SELECT 1 AS x',
    });
    const diagnostics = await errorsOf(root);
    expect(diagnostics).toHaveLength(1);
    const [cycle] = diagnostics;
    expect(cycle).toMatchObject({ rule: 'dag/cycle', file: 'sql/transforms/a.sql', line: 1, col: 15 });
    expect(cycle.message).toBe(
      'dependency cycle: analytics.a (sql/transforms/a.sql:1 reads analytics.c) → analytics.c (sql/transforms/c.sql:2 reads analytics.b) → ' +
        'analytics.b (sql/transforms/b.sql:3 reads analytics.a) → analytics.a',
    );
    // Loading for lint still gives every node, cycle members last.
    const { project } = await analyzeProject(root);
    expect(project.nodes.map((n) => n.id)).toEqual(['analytics.ok', 'analytics.a', 'analytics.b', 'analytics.c']);
  });

  it('names file:line:col of a reference to a table no file creates', async () => {
    const root = makeProject({
      'sql/ddl/raw.sql': "CREATE EXTERNAL TABLE raw.events (a STRING) LOCATION 's3://${lake_bucket}/e/'",
      'sql/transforms/m.sql': '/*\ntags: [x]\n*/\nSELECT *\nFROM raw.events e\n  JOIN raw.evnets x ON true',
    });
    expect(await errorsOf(root)).toEqual([
      expect.objectContaining({
        rule: 'dag/unknown-table',
        file: 'sql/transforms/m.sql',
        line: 6,
        col: 8,
        message: 'unknown table raw.evnets: no file under sql/ creates it',
      }),
    ]);
  });

  it('rejects two files producing one table', async () => {
    const root = makeProject({
      'sql/ddl/a.sql': 'CREATE TABLE analytics.orders (a INT)',
      'sql/ddl/b.sql': 'CREATE TABLE analytics.customers (a INT);\nCREATE TABLE orders (a INT)',
      'sql/transforms/p1/m.sql': 'SELECT 1 AS a',
      'sql/transforms/p2/m.sql': 'SELECT 2 AS a',
    });
    const diagnostics = await errorsOf(root);
    expect(diagnostics.map((d) => [d.rule, d.file, d.line])).toEqual([
      ['dag/duplicate-producer', 'sql/ddl/b.sql', 2],
      ['dag/duplicate-producer', 'sql/transforms/p2/m.sql', 1],
    ]);
    expect(diagnostics[0].message).toBe('analytics.orders is created by two files: sql/ddl/a.sql:1 and this one');
  });

  it('resolves unqualified names against the header database, and variables in names', async () => {
    const root = makeProject({
      'sql/ddl/raw.sql': 'CREATE TABLE raw.events (a INT);\nCREATE TABLE ${database}.dims (a INT)',
      'sql/transforms/clean.sql': '/*\ndatabase: raw\n*/\nSELECT * FROM events JOIN ${database}.dims ON true',
      'sql/transforms/report.sql': 'SELECT * FROM raw.clean',
    });
    const project = await loadProject(root);
    expect(project.node('raw.clean')).toMatchObject({ database: 'raw', dependsOn: ['raw.events', 'analytics.dims'] });
    expect(project.node('analytics.report')!.upstream).toEqual(['raw.clean']);
  });

  it('orders an INSERT model after the DDL of its table and before its readers; quoted and qualified names resolve', async () => {
    const root = makeProject({
      'sql/ddl/facts.sql': 'CREATE TABLE IF NOT EXISTS "Curated"."Facts" (a INT);\nCREATE EXTERNAL TABLE raw.src (a INT) LOCATION \'s3://${lake_bucket}/src/\'',
      'sql/transforms/facts.sql': '/*\ndatabase: curated\n*/\nINSERT INTO curated.facts\nSELECT a FROM "awsdatacatalog".raw."SRC"',
      'sql/transforms/report.sql': 'WITH f AS (SELECT * FROM `curated`.facts) SELECT count(*) AS n FROM f, (SELECT 1 AS one) AS sub',
    });
    const project = await loadProject(root);
    // The DDL's first table is filled by the model, so the DDL is known by its next table.
    expect(project.nodes.map((n) => n.id)).toEqual(['raw.src', 'curated.facts', 'analytics.report']);
    expect(project.node('raw.src')!.produces).toEqual(['curated.facts', 'raw.src']);
    expect(project.node('curated.facts')).toMatchObject({ kind: 'model', dependsOn: ['raw.src'], upstream: ['raw.src'] });
    expect(project.node('analytics.report')).toMatchObject({ dependsOn: ['curated.facts'], upstream: ['curated.facts'] });
    // With only the filled table in it, the DDL file is `ddl:<file name>`.
    const single = makeProject({
      'sql/ddl/dim.sql': 'CREATE TABLE dim (a INT)',
      'sql/transforms/dim.sql': 'MERGE INTO dim USING (SELECT 1 AS a) s ON dim.a = s.a WHEN NOT MATCHED THEN INSERT (a) VALUES (s.a)',
    });
    expect((await loadProject(single)).nodes.map((n) => n.id)).toEqual(['ddl:dim', 'analytics.dim']);
  });

  it('reports unknown variables, bad headers and model misuse with file:line, all at once', async () => {
    const root = makeProject({
      'sql/transforms/a.sql': '/*\nmaterialized: tabel\n*/\nSELECT ${nope} AS x',
      'sql/transforms/b.sql': 'INSERT INTO analytics.other SELECT 1',
      'sql/transforms/c.sql': 'CREATE TABLE c AS SELECT 1 AS x',
      'sql/alerts/w.sql': '/*\nschedule: rate(1 hour)\nalert: { condition: rows > 0, message: x }\n*/\nDELETE FROM analytics.a',
    });
    const diagnostics = await errorsOf(root);
    expect(diagnostics.map((d) => `${d.file}:${d.line} ${d.rule}`)).toEqual([
      'sql/alerts/w.sql:5 alert/read-only',
      'sql/transforms/a.sql:2 header/schema',
      'sql/transforms/a.sql:4 variables/unknown',
      'sql/transforms/b.sql:1 model/write-target',
      'sql/transforms/c.sql:1 model/create',
    ]);
  });

  it('treats information_schema as always present and a project without sql/ as empty', async () => {
    const root = makeProject({
      'sql/alerts/x.sql': '/*\nschedule: rate(5 minutes)\nalert: { condition: rows > 0, message: x }\n*/\nSELECT * FROM information_schema.tables',
    });
    expect((await loadProject(root)).nodes.map((n) => n.id)).toEqual(['alert:x']);
    expect((await loadProject(makeProject({}))).nodes).toEqual([]);
  });
});
