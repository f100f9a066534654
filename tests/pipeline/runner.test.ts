import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { AthenaClient, GetQueryExecutionCommand, GetQueryResultsCommand, StartQueryExecutionCommand } from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { AthenaEngine } from '../../src/engines/athena/engine.js';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { EngineError, type Engine } from '../../src/engines/engine.js';
import { LocalObjectStore } from '../../src/storage/object-store/index.js';
import { loadProject } from '../../src/project/loader.js';
import { projectVariables } from '../../src/project/variables.js';
import { runPipeline, type PipelineContext } from '../../src/pipeline/runner.js';
import { execution } from '../engines/athena/replay.js';

const BUCKET = 'test-lake';

function writeProject(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'runner-'));
  writeFileSync(join(root, 'lakehouse.yaml'), `name: t\ndatabase: shop\nlake: lake\nstages:\n  local:\n    variables:\n      lake_bucket: ${BUCKET}\n`);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function landEvents(root: string, hour: string, events: object[]): void {
  const [day, hh] = hour.split('T');
  const dir = join(root, 'lake', BUCKET, 'events', `dt=${day}`, `hour=${hh}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `part-${Math.random().toString(36).slice(2)}.json.gz`), gzipSync(events.map((e) => JSON.stringify(e)).join('\n')));
}

const PROJECT = {
  'sql/ddl/events.sql': `/*
tags: [raw]
*/
CREATE EXTERNAL TABLE IF NOT EXISTS events (
  order_id INT,
  amount DOUBLE,
  ts TIMESTAMP
)
PARTITIONED BY (dt STRING, hour STRING)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
LOCATION 's3://\${lake_bucket}/events/'`,
  'sql/transforms/hourly_revenue.sql': `/*
materialized: incremental
period: hour
partitioned_by: [dt, hr]
tags: [kpi]
*/
SELECT date_trunc('hour', ts) AS hour_start, count(*) AS orders, sum(amount) AS revenue, CAST(CAST(ts AS DATE) AS VARCHAR) AS dt, hour(ts) AS hr
FROM events
WHERE ts >= \${period_start} AND ts < \${period_end}
GROUP BY 1, 4, 5`,
  'sql/transforms/daily_revenue.sql': `/*
materialized: table
*/
SELECT dt, sum(orders) AS orders, sum(revenue) AS revenue FROM hourly_revenue GROUP BY dt`,
  'sql/dashboards/revenue_view.sql': `SELECT dt, revenue FROM daily_revenue`,
};

let engines: Engine[] = [];
afterEach(async () => {
  await Promise.all(engines.map((e) => e.close()));
  engines = [];
});

async function context(root: string, overrides: Partial<PipelineContext> = {}): Promise<PipelineContext> {
  const project = await loadProject(root);
  const engine = await AthenaLocalEngine.open({ lakeRoot: join(root, 'lake'), inMemory: true, database: 'shop' });
  engines.push(engine);
  return {
    project,
    engine,
    objectStore: new LocalObjectStore(join(root, 'lake')),
    variables: projectVariables(project.config, 'local'),
    retry: { sleep: async () => {} },
    ...overrides,
  };
}

const query = async (engine: Engine, sql: string) => (await engine.execute(sql, { database: 'shop' })).rows;

describe('runPipeline', () => {
  it('runs ddl, models per period and views in DAG order, idempotently, and logs every step', async () => {
    const root = writeProject(PROJECT);
    landEvents(root, '2025-03-10T07', [
      { order_id: 1, amount: 10.5, ts: '2025-03-10 07:05:00' },
      { order_id: 2, amount: 4.5, ts: '2025-03-10 07:59:59' },
    ]);
    landEvents(root, '2025-03-10T08', [{ order_id: 3, amount: 1, ts: '2025-03-10 08:00:00' }]);
    const ctx = await context(root);
    expect(ctx.project.nodes.map((n) => n.id)).toEqual(['shop.events', 'shop.hourly_revenue', 'shop.daily_revenue', 'dashboard:revenue_view']);
    const range = { from: new Date('2025-03-10T07:00Z'), to: new Date('2025-03-10T09:00Z'), perPeriod: true };
    const first = await runPipeline(ctx, range);
    expect(first.ok).toBe(true);
    expect(first.records.map((r) => [r.step, r.period_start, r.status])).toEqual([
      ['shop.events', null, 'success'],
      ['shop.hourly_revenue', '2025-03-10 07:00:00.000', 'success'],
      ['shop.hourly_revenue', '2025-03-10 08:00:00.000', 'success'],
      ['shop.daily_revenue', '2025-03-10 07:00:00.000', 'success'],
      ['dashboard:revenue_view', '2025-03-10 07:00:00.000', 'success'],
    ]);
    expect(await query(ctx.engine, 'SELECT dt, revenue FROM revenue_view')).toEqual([['2025-03-10', 16]]);

    // Late data for 07:00 arrives; rerunning that hour replaces it, 08:00 is untouched, nothing is duplicated.
    landEvents(root, '2025-03-10T07', [{ order_id: 4, amount: 2, ts: '2025-03-10 07:30:00' }]);
    await runPipeline(ctx, { from: new Date('2025-03-10T07:00Z'), to: new Date('2025-03-10T08:00Z') });
    await runPipeline(ctx, { from: new Date('2025-03-10T07:00Z'), to: new Date('2025-03-10T08:00Z') });
    expect(await query(ctx.engine, 'SELECT hour_start, orders, revenue FROM hourly_revenue ORDER BY 1')).toEqual([
      ['2025-03-10 07:00:00.000', 3, 17],
      ['2025-03-10 08:00:00.000', 1, 1],
    ]);

    const log = await query(ctx.engine, "SELECT count(DISTINCT run_id), count(*), count_if(status = 'success') FROM run_log");
    expect(log).toEqual([[3, 13, 13]]);

    // A backfill over the range runs each incremental model once and gives the same tables.
    const backfill = await runPipeline(ctx, { from: new Date('2025-03-10T07:00Z'), to: new Date('2025-03-10T09:00Z') });
    expect(backfill.records.filter((r) => r.step === 'shop.hourly_revenue').map((r) => [r.period_start, r.period_end])).toEqual([
      ['2025-03-10 07:00:00.000', '2025-03-10 09:00:00.000'],
    ]);
    expect(await query(ctx.engine, 'SELECT hour_start, orders, revenue FROM hourly_revenue ORDER BY 1')).toEqual([
      ['2025-03-10 07:00:00.000', 3, 17],
      ['2025-03-10 08:00:00.000', 1, 1],
    ]);
  });

  it('offers the engine’s native partition replacement to incremental models (one write locally, no batches)', async () => {
    const root = writeProject(PROJECT);
    landEvents(root, '2025-03-10T07', [{ order_id: 1, amount: 10.5, ts: '2025-03-10 07:05:00' }]);
    const ctx = await context(root);
    const local = ctx.engine as AthenaLocalEngine;
    const replaced: string[] = [];
    const spied: Engine = {
      name: local.name,
      capabilities: local.capabilities,
      execute: (sql, options) => local.execute(sql, options),
      replacePartitions: (target, selectSql, options) => {
        replaced.push(`${target.database}.${target.name}`);
        return local.replacePartitions(target, selectSql, options);
      },
      swapTable: (source, target, properties) => local.swapTable(source, target, properties),
      close: () => local.close(),
    };
    const run = await runPipeline({ ...ctx, engine: spied }, { from: new Date('2025-03-10T07:00Z'), to: new Date('2025-03-10T08:00Z') });
    expect(run.ok).toBe(true);
    expect(replaced).toEqual(['shop.hourly_revenue']);
    expect(await query(ctx.engine, 'SELECT hour_start, orders, revenue FROM hourly_revenue')).toEqual([['2025-03-10 07:00:00.000', 1, 10.5]]);
  });

  it('skips everything downstream of a failed model and reports the file', async () => {
    const root = writeProject({
      ...PROJECT,
      'sql/transforms/daily_revenue.sql': 'SELECT dt, sum(orders) AS orders, sum(no_such_column) AS revenue FROM hourly_revenue GROUP BY dt',
    });
    landEvents(root, '2025-03-10T07', [{ order_id: 1, amount: 1, ts: '2025-03-10 07:05:00' }]);
    const ctx = await context(root);
    const summary = await runPipeline(ctx, { from: new Date('2025-03-10T07:00Z'), to: new Date('2025-03-10T08:00Z') });
    expect(summary.ok).toBe(false);
    const byStep = Object.fromEntries(summary.records.map((r) => [r.step, r]));
    expect(byStep['shop.daily_revenue'].status).toBe('failed');
    expect(byStep['shop.daily_revenue'].error).toMatch(/^sql\/transforms\/daily_revenue\.sql:1:39: .*no_such_column/s);
    expect(byStep['shop.daily_revenue'].attempts).toBe(1);
    expect(byStep['dashboard:revenue_view']).toMatchObject({ status: 'skipped', error: 'skipped: shop.daily_revenue failed' });
  });

  it('a failed blocking contract check skips downstream models; a warning does not', async () => {
    const root = writeProject({
      ...PROJECT,
      'sql/transforms/daily_revenue.sql': `/*
contract:
  not_null: [dt]
  row_count: { min: 5, severity: warn }
  assertions:
    - name: revenue_is_small
      sql: SELECT * FROM daily_revenue WHERE revenue > 10
*/
SELECT dt, sum(orders) AS orders, sum(revenue) AS revenue FROM hourly_revenue GROUP BY dt`,
    });
    landEvents(root, '2025-03-10T07', [{ order_id: 1, amount: 50, ts: '2025-03-10 07:05:00' }]);
    const ctx = await context(root);
    const summary = await runPipeline(ctx, { from: new Date('2025-03-10T07:00Z'), to: new Date('2025-03-10T08:00Z') });
    const checks = summary.records.filter((r) => r.kind === 'check');
    expect(checks.map((r) => [r.status, r.error?.split(':')[0] ?? null])).toEqual([
      ['success', null],
      ['success', 'warning'],
      ['failed', '1 failing row'],
    ]);
    expect(summary.ok).toBe(false);
    expect(summary.records.find((r) => r.step === 'shop.daily_revenue')?.status).toBe('success');
    expect(summary.records.find((r) => r.step === 'dashboard:revenue_view')).toMatchObject({
      status: 'skipped',
      error: expect.stringMatching(/^skipped: check .*revenue_is_small.* failed on shop\.daily_revenue$/),
    });
  });

  it('retries a transient failure with backoff, then succeeds', async () => {
    const root = writeProject(PROJECT);
    const ctx = await context(root);
    let failures = 2;
    const flaky: Engine = {
      name: ctx.engine.name,
      capabilities: ctx.engine.capabilities,
      close: async () => {},
      execute: async (sql, options) => {
        if (/CREATE TABLE[^(]*daily_revenue/i.test(sql) && failures-- > 0) throw new EngineError('ThrottlingException: rate exceeded', { retryable: true });
        return ctx.engine.execute(sql, options);
      },
      swapTable: (source, target, properties) => (ctx.engine as AthenaLocalEngine).swapTable(source, target, properties),
    };
    const delays: number[] = [];
    const summary = await runPipeline(
      { ...ctx, engine: flaky, retry: { maxAttempts: 3, sleep: async (ms) => void delays.push(ms) } },
      { selector: '+daily_revenue', from: new Date('2025-03-10T07:00Z'), to: new Date('2025-03-10T08:00Z') },
    );
    const daily = summary.records.find((r) => r.step === 'shop.daily_revenue');
    expect(daily).toMatchObject({ status: 'success', attempts: 3 });
    expect(delays).toHaveLength(2);
  });

  it('submits a permanently throttled Athena step exactly as often as the engine retries, not runner × engine times', async () => {
    const root = writeProject({ 'sql/ddl/events.sql': PROJECT['sql/ddl/events.sql'] });
    const ctx = await context(root);
    const client = new AthenaClient({ region: 'eu-west-1' });
    const mock = mockClient(client);
    const sqlOf = new Map<string, string>();
    mock.on(StartQueryExecutionCommand).callsFake((input: { QueryString: string }) => {
      const id = `q-${sqlOf.size + 1}`;
      sqlOf.set(id, input.QueryString);
      return { QueryExecutionId: id };
    });
    // The step's CREATE TABLE fails with a failure Athena marks retryable, every time; the rest (CREATE DATABASE, the
    // run log) succeeds.
    const isStep = (sql: string | undefined) => /CREATE EXTERNAL TABLE IF NOT EXISTS events/i.test(sql ?? '');
    mock.on(GetQueryExecutionCommand).callsFake(({ QueryExecutionId: id }: { QueryExecutionId: string }) => ({
      QueryExecution: !isStep(sqlOf.get(id))
        ? execution(id, 'SUCCEEDED', { StatementType: 'DDL' })
        : execution(id, 'FAILED', {
            Status: {
              State: 'FAILED',
              StateChangeReason: 'ThrottlingException: Rate exceeded',
              AthenaError: { ErrorCategory: 2, ErrorType: 1001, Retryable: true },
            },
          }),
    }));
    mock.on(GetQueryResultsCommand).resolves({ ResultSet: { Rows: [], ResultSetMetadata: { ColumnInfo: [] } } });
    const athena = new AthenaEngine(
      { region: 'eu-west-1', workgroup: 'lakehouse', retry: { maxAttempts: 4 } },
      { client, sleep: async () => {}, random: () => 0 },
    );
    const summary = await runPipeline(
      { ...ctx, engine: athena, retry: { maxAttempts: 3, sleep: async () => {} } },
      { from: new Date('2025-03-10T07:00Z'), to: new Date('2025-03-10T08:00Z') },
    );
    const submissions = mock.commandCalls(StartQueryExecutionCommand).filter((call) => isStep(call.args[0].input.QueryString));
    expect(submissions).toHaveLength(4);
    expect(summary.records.find((r) => r.step === 'shop.events')).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: expect.stringContaining('gave up after 4 attempts'),
    });
  });

  it('the header retries: N caps a model at N + 1 attempts, whatever the run allows', async () => {
    const root = writeProject({
      ...PROJECT,
      'sql/transforms/daily_revenue.sql': `/*\nmaterialized: table\nretries: 1\n*/\nSELECT dt, sum(orders) AS orders, sum(revenue) AS revenue FROM hourly_revenue GROUP BY dt`,
    });
    const ctx = await context(root);
    let calls = 0;
    const throttled: Engine = {
      name: ctx.engine.name,
      capabilities: ctx.engine.capabilities,
      close: async () => {},
      execute: async (sql, options) => {
        if (/CREATE TABLE[^(]*daily_revenue/i.test(sql)) {
          calls++;
          throw new EngineError('ThrottlingException: rate exceeded', { retryable: true });
        }
        return ctx.engine.execute(sql, options);
      },
      swapTable: (source, target, properties) => (ctx.engine as AthenaLocalEngine).swapTable(source, target, properties),
    };
    const summary = await runPipeline(
      { ...ctx, engine: throttled, retry: { maxAttempts: 5, sleep: async () => {} } },
      { selector: '+daily_revenue', from: new Date('2025-03-10T07:00Z'), to: new Date('2025-03-10T08:00Z') },
    );
    expect(summary.records.find((r) => r.step === 'shop.daily_revenue')).toMatchObject({ status: 'failed', attempts: 2 });
    expect(calls).toBe(2);
  });
});
