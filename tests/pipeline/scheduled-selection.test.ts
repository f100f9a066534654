// What a scheduled run takes along, what a data arrival triggers, and the models nothing runs (`lake lint --stage`).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { modelsThatNeverRun, scheduledSelection, selectionGrain, triggeredModels } from '../../src/pipeline/scheduled-selection.js';
import { lintProject } from '../../src/lint/lint.js';
import { loadProject } from '../../src/project/loader.js';
import type { Project } from '../../src/project/model.js';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function writeProject(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'scheduled-selection-'));
  roots.push(root);
  writeFileSync(
    join(root, 'lakehouse.yaml'),
    'name: t\ndatabase: shop\nstages:\n  local:\n    variables:\n      lake_bucket: b\n  dev:\n    variables:\n      lake_bucket: b\n',
  );
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const model = (header: string, sql: string) => `/*\n${header}\n*/\n${sql}\n`;
const FILES = {
  'sql/ddl/raw.sql':
    "CREATE EXTERNAL TABLE IF NOT EXISTS raw_customers (id BIGINT, name STRING) STORED AS PARQUET LOCATION 's3://${lake_bucket}/raw/customers/'\n",
  'sql/ddl/curated.sql':
    "CREATE EXTERNAL TABLE IF NOT EXISTS segments (id BIGINT) STORED AS PARQUET LOCATION 's3://${lake_bucket}/curated/segments/';\n" +
    "CREATE TABLE IF NOT EXISTS customer_dim (id BIGINT, name STRING) LOCATION 's3://${lake_bucket}/curated/dim/' TBLPROPERTIES ('table_type' = 'ICEBERG')\n",
  'sql/ddl/p2.sql':
    "CREATE EXTERNAL TABLE IF NOT EXISTS p2_raw_orders (id BIGINT, order_date DATE) PARTITIONED BY (batch_id STRING) STORED AS PARQUET LOCATION 's3://${lake_bucket}/raw/ecommerce/orders/'\n",
  'sql/transforms/stg_customers.sql': model('materialized: incremental\nincremental_strategy: append\nperiod: day', 'SELECT id, name FROM raw_customers'),
  'sql/transforms/customer_dim.sql': model(
    'materialized: merge\nperiod: day',
    'MERGE INTO customer_dim AS t USING stg_customers AS s ON t.id = s.id WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name)',
  ),
  'sql/transforms/customer_360.sql': model('materialized: table\nschedule: cron(30 1 * * ? *)', 'SELECT id, name FROM customer_dim'),
  'sql/transforms/hourly.sql': model('materialized: table\nschedule: rate(1 hour)', 'SELECT count(*) AS n FROM stg_customers'),
  'sql/transforms/order_kpis.sql': model(
    'materialized: incremental\nincremental_strategy: append\nperiod: day',
    'SELECT order_date, count(*) AS orders FROM p2_raw_orders GROUP BY order_date',
  ),
  'sql/transforms/order_kpis_weekly.sql': model('materialized: table', 'SELECT count(*) AS orders FROM order_kpis'),
  'sql/transforms/orphan.sql': model('materialized: table', 'SELECT id FROM raw_customers'),
};

const names = (nodes: ReadonlyArray<{ id: string }>) => nodes.map((n) => n.id).sort();
const node = (project: Project, name: string) => project.nodes.find((n) => n.name === name)!;

describe('scheduled selection', () => {
  it('takes the unscheduled models upstream of a scheduled one along, with the Iceberg DDL only Athena can create', async () => {
    const project = await loadProject(writeProject(FILES), { stage: 'dev' });
    const selection = scheduledSelection(project, node(project, 'customer_360'), 'iceberg');
    expect(names(selection)).toEqual(['shop.customer_360', 'shop.customer_dim', 'shop.segments', 'shop.stg_customers']);
    // Locally every DDL file it reads from runs too (a fresh lake has no tables).
    expect(names(scheduledSelection(project, node(project, 'customer_360'), 'all'))).toEqual([
      'shop.customer_360',
      'shop.customer_dim',
      'shop.raw_customers',
      'shop.segments',
      'shop.stg_customers',
    ]);
    // The external-table DDL is created by the stacks: a run that reads only it does not execute it on AWS.
    expect(names(scheduledSelection(project, node(project, 'hourly'), 'iceberg'))).toEqual(['shop.hourly', 'shop.stg_customers']);
    expect(selectionGrain(selection, node(project, 'customer_360'))).toBe('day');
  });

  it('runs the unscheduled models downstream of the P2 raw tables when a batch arrives, and no scheduled run takes them along', async () => {
    const project = await loadProject(
      writeProject({
        ...FILES,
        'sql/transforms/p2_daily.sql': model('materialized: table\nschedule: cron(0 3 * * ? *)', 'SELECT count(*) AS n FROM order_kpis_weekly'),
      }),
      { stage: 'dev' },
    );
    expect(names(triggeredModels(project))).toEqual(['shop.order_kpis', 'shop.order_kpis_weekly']);
    expect(names(scheduledSelection(project, node(project, 'p2_daily'), 'all'))).toEqual(['shop.p2_daily']);
  });

  it('finds the models nothing runs', async () => {
    const project = await loadProject(writeProject(FILES), { stage: 'dev' });
    expect(names(modelsThatNeverRun(project))).toEqual(['shop.orphan']);
  });

  it('every model of the example project runs once deployed', async () => {
    const project = await loadProject(new URL('../..', import.meta.url).pathname, { stage: 'dev' });
    expect(names(modelsThatNeverRun(project))).toEqual([]);
    // P3 runs as one selection in DAG order; its Iceberg dimension is an scd2 model, created by its own first run
    // (so no DDL step is needed on AWS).
    const p3 = scheduledSelection(project, node(project, 'p3_customer_360'), 'iceberg');
    expect(names(p3)).toEqual([
      'lakehouse.p3_customer_360',
      'lakehouse.p3_customer_dim',
      'lakehouse.p3_customers_checked',
      'lakehouse.p3_stg_customers',
      'lakehouse.p3_stg_events',
      'lakehouse.p3_stg_orders',
    ]);
    expect(names(triggeredModels(project))).toEqual([
      'lakehouse.p2_category_kpis',
      'lakehouse.p2_latest_orders',
      'lakehouse.p2_order_kpis',
      'lakehouse.p2_order_status_daily',
    ]);
  });
});

describe('lake lint --stage', () => {
  it('reports a model that would never run as an error at its file, only when a stage is named', async () => {
    const root = writeProject(FILES);
    const { diagnostics } = await lintProject(root, { stage: 'dev', cache: false, bind: false });
    const never = diagnostics.filter((d) => d.rule === 'deploy/never-runs');
    expect(never.map((d) => [d.file, d.line, d.severity])).toEqual([['sql/transforms/orphan.sql', 1, 'error']]);
    expect(never[0].message).toMatch(/shop\.orphan would never run on stage dev/);
    const unnamed = await lintProject(root, { cache: false, bind: false });
    expect(unnamed.diagnostics.filter((d) => d.rule === 'deploy/never-runs')).toEqual([]);
  });
});
