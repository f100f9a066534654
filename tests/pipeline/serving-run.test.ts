// Serving in a pipeline run (header `serve`): after a model and its checks succeed, the rows the step wrote are in
// its key-value table (the local JSON-file store that stands in for DynamoDB), exactly, keyed by the declared columns.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { JsonFileKeyValueStore } from '../../src/storage/kv-store/json-file.js';
import { LocalObjectStore } from '../../src/storage/object-store/index.js';
import { runPipeline, type PipelineContext } from '../../src/pipeline/runner.js';
import { servedValue, servingKey, servingQueries, type ServedValue } from '../../src/pipeline/serving.js';
import { loadProject } from '../../src/project/loader.js';
import { projectVariables } from '../../src/project/variables.js';
import { day, openExampleLake, type ExampleLake, type Row } from './example/harness.js';

type Item = Record<string, ServedValue>;

/** Every item of a JSON-file store, by key (what a DynamoDB Scan would return). */
function itemsOf(path: string): Map<string, Item> {
  const file = JSON.parse(readFileSync(path, 'utf8')) as { items: Record<string, { value: Item }> };
  return new Map(Object.entries(file.items).map(([key, item]) => [key, item.value]));
}

const asItem = (row: Row): Item => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, servedValue(v)]));

describe('servingQueries', () => {
  it('selects the period days by the partition column; one query per day when the key does not hold it', () => {
    const period = { start: new Date('2025-03-01T00:00:00Z'), end: new Date('2025-03-03T00:00:00Z'), column: 'order_date' };
    expect(servingQueries('db', 'kpis', ['category', 'order_date'], period)).toEqual([
      `SELECT * FROM "db"."kpis" WHERE CAST("order_date" AS DATE) >= DATE '2025-03-01' AND CAST("order_date" AS DATE) < DATE '2025-03-03'`,
    ]);
    expect(servingQueries('db', 'f', ['customer_id'], { ...period, column: 'date' }).map((q) => q.slice(q.indexOf('>=')))).toEqual([
      `>= DATE '2025-03-01' AND CAST("date" AS DATE) < DATE '2025-03-02'`,
      `>= DATE '2025-03-02' AND CAST("date" AS DATE) < DATE '2025-03-03'`,
    ]);
    expect(servingQueries('db', 't', ['id'])).toEqual(['SELECT * FROM "db"."t"']);
  });
});

describe('a run serves the models that declare serve', () => {
  const roots: string[] = [];
  afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

  async function runTiny(contract: string) {
    const root = mkdtempSync(join(tmpdir(), 'serving-run-'));
    roots.push(root);
    const files: Record<string, string> = {
      'lakehouse.yaml': 'name: t\ndatabase: shop\nlake: lake\nstages:\n  local:\n    variables:\n      lake_bucket: b\n',
      'sql/transforms/orders.sql': `SELECT * FROM (VALUES (1, 'books', DATE '2025-03-01', 10.5), (2, 'books', DATE '2025-03-01', 4.5), (3, 'toys', DATE '2025-03-02', 7.0), (4, 'toys', DATE '2025-03-05', 1.0)) AS t(order_id, category, order_date, amount)`,
      'sql/transforms/category_kpis.sql': `/*
materialized: incremental
period: day
partitioned_by: [order_date]
serve: { table: CategoryKPIs, key: [category, order_date] }
${contract}*/
SELECT category, count(*) AS orders, sum(amount) AS revenue, order_date FROM orders
WHERE order_date >= CAST(\${period_start} AS DATE) AND order_date < CAST(\${period_end} AS DATE)
GROUP BY category, order_date`,
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    const project = await loadProject(root);
    const engine = await AthenaLocalEngine.open({ lakeRoot: join(root, 'lake'), inMemory: true, database: 'shop' });
    const storePath = join(root, 'lake', '.state', 'serving', 'CategoryKPIs.json');
    const tables: string[] = [];
    const ctx: PipelineContext = {
      project,
      engine,
      objectStore: new LocalObjectStore(join(root, 'lake')),
      variables: projectVariables(project.config, 'local'),
      retry: { maxAttempts: 1 },
      servingStore: (table) => {
        tables.push(table);
        return new JsonFileKeyValueStore(storePath);
      },
    };
    try {
      const summary = await runPipeline(ctx, { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-03-03T00:00:00Z') });
      return { summary, storePath, tables };
    } finally {
      await engine.close();
    }
  }

  it('writes exactly the period rows, keyed by the declared columns, and records a serve step', async () => {
    const { summary, storePath, tables } = await runTiny('');
    expect(summary.ok).toBe(true);
    expect(tables).toEqual(['CategoryKPIs']);
    const items = itemsOf(storePath);
    // 2025-03-05 is outside the run's period: not served.
    expect([...items.keys()].sort()).toEqual(['books#2025-03-01', 'toys#2025-03-02']);
    expect(items.get('books#2025-03-01')).toEqual({ category: 'books', orders: 2, revenue: '15.0', order_date: '2025-03-01' });
    const serve = summary.records.filter((r) => r.kind === 'serve');
    expect(serve).toEqual([expect.objectContaining({ step: 'serve:CategoryKPIs', node: 'shop.category_kpis', status: 'success', rows_written: 2 })]);
    // Served items are not lake rows: the summary counts only the model's rows.
    expect(summary.rowsWritten).toBe(4 + 2);
  });

  it('serves nothing when a blocking contract check of the model fails', async () => {
    const { summary, storePath } = await runTiny('contract:\n  row_count: { min: 100 }\n');
    expect(summary.records.some((r) => r.kind === 'check' && r.status === 'failed')).toBe(true);
    expect(summary.records.some((r) => r.kind === 'serve')).toBe(false);
    expect(() => readFileSync(storePath)).toThrow(/ENOENT/);
  });
});

describe('the example project serves its KPI and feature tables', () => {
  let lake: ExampleLake;
  const servingDir = () => join(lake.lake, '.state', 'serving');

  beforeAll(async () => {
    lake = await openExampleLake();
    lake.ctx.servingStore = (table) => new JsonFileKeyValueStore(join(servingDir(), `${table}.json`));
    await lake.run('+p2_order_kpis +p2_category_kpis +p5_customer_features', day(0), day(3));
  }, 120_000);
  afterAll(async () => lake?.close());

  it.each([
    ['CategoryKPIs', 'p2_category_kpis', ['category', 'order_date']],
    ['OrderKPIs', 'p2_order_kpis', ['order_date']],
  ])('%s holds exactly the rows of %s', async (table, model, key) => {
    const rows = await lake.query(`SELECT * FROM ${model}`);
    expect(rows.length).toBeGreaterThan(0);
    const items = itemsOf(join(servingDir(), `${table}.json`));
    expect(items).toEqual(new Map(rows.map((row) => [servingKey(asItem(row), key), asItem(row)])));
  });

  it('CustomerFeatures holds each customer latest day of features', async () => {
    const rows = await lake.query(
      `SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY customer_id ORDER BY "date" DESC) AS latest FROM p5_customer_features) WHERE latest = 1`,
    );
    expect(rows.length).toBeGreaterThan(0);
    const expected = new Map(rows.map(({ latest: _, ...row }) => [String(row.customer_id), asItem(row)]));
    expect(itemsOf(join(servingDir(), 'CustomerFeatures.json'))).toEqual(expected);
  });
});
