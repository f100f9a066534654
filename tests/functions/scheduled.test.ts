// run-sql and evaluate-alert handlers end to end against mocked AWS clients: the bundled project is loaded, the
// model runs for the period that ended at the fire time, the alert notifies the stage topic and keeps its state.
import { DeleteObjectsCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { StartQueryExecutionCommand } from '@aws-sdk/client-athena';
import { CreateTableCommand, EntityNotFoundException, GetTableCommand, GlueClient } from '@aws-sdk/client-glue';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler as evaluateAlert } from '../../functions/evaluate-alert.js';
import { resetLake } from '../../functions/lib/lake.js';
import { scheduledRange } from '../../functions/lib/scheduled.js';
import { handler as runSql } from '../../functions/run-sql.js';
import type { ProjectNode } from '../../src/project/model.js';
import { fakeAthena, fixtureProject } from './fakes.js';

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:alerts';
const project = fixtureProject({
  'transforms/daily_kpis.sql':
    '/*\nschedule: cron(0 2 * * ? *)\nmaterialized: incremental\nperiod: day\npartitioned_by: [dt]\nexternal_location: s3://${lake_bucket}/curated/daily_kpis/\n*/\n' +
    "SELECT count(*) AS orders, date_format(${period_start}, '%Y-%m-%d') AS dt FROM orders WHERE order_ts >= ${period_start} AND order_ts < ${period_end}",
  'ddl/orders.sql': "CREATE EXTERNAL TABLE IF NOT EXISTS orders (order_ts TIMESTAMP) STORED AS PARQUET LOCATION 's3://${lake_bucket}/raw/orders/'",
  'ddl/order_dim.sql':
    "CREATE TABLE IF NOT EXISTS order_dim (order_ts TIMESTAMP) LOCATION 's3://${lake_bucket}/curated/order_dim/' TBLPROPERTIES ('table_type' = 'ICEBERG')",
  'transforms/stg_orders.sql':
    '/*\nmaterialized: incremental\nperiod: day\npartitioned_by: [dt]\nexternal_location: s3://${lake_bucket}/staging/orders/\n*/\n' +
    "SELECT order_ts, date_format(${period_start}, '%Y-%m-%d') AS dt FROM orders WHERE order_ts >= ${period_start} AND order_ts < ${period_end}",
  'transforms/order_summary.sql':
    '/*\nschedule: cron(30 1 * * ? *)\nmaterialized: table\n*/\nSELECT count(*) AS n FROM stg_orders AS s JOIN order_dim AS d ON s.order_ts = d.order_ts',
  'alerts/too_many.sql':
    "/*\nschedule: rate(1 hour)\nalert:\n  condition: count > 10\n  severity: critical\n  message: 'Alert: {count} orders'\n  channels: [console, file]\n*/\n" +
    'SELECT count(*) AS count FROM orders WHERE order_ts >= ${window_start} AND order_ts < ${now}',
});

const s3 = mockClient(S3Client);
const ddb = mockClient(DynamoDBClient);
const sns = mockClient(SNSClient);
const glue = mockClient(GlueClient);
let logs: string[] = [];

beforeAll(() => {
  Object.assign(process.env, {
    LAKEHOUSE_ROOT: project.root,
    LAKE_STAGE: 'prod',
    LAKE_BUCKET: 'deployed-bucket',
    ATHENA_WORKGROUP: 'prod-lakehouse',
    GLUE_DATABASE: 'lakehouse',
    ALERT_STATE_TABLE: 'AlertState',
    ALERT_TOPIC_ARN: TOPIC,
  });
});
afterAll(() => {
  for (const name of ['LAKEHOUSE_ROOT', 'LAKE_STAGE', 'LAKE_BUCKET', 'ATHENA_WORKGROUP', 'GLUE_DATABASE', 'ALERT_STATE_TABLE', 'ALERT_TOPIC_ARN'])
    delete process.env[name];
  project.remove();
  vi.restoreAllMocks();
});
beforeEach(() => {
  resetLake();
  s3.reset();
  ddb.reset();
  sns.reset();
  glue.reset();
  logs = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    logs.push(String(chunk));
    return true;
  });
});

const events = () =>
  logs
    .flatMap((l) => l.split('\n'))
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('run-sql', () => {
  it('runs the named model on Athena for the day before the fire time and logs the run as JSON lines', async () => {
    const athena = fakeAthena((sql) => {
      if (sql.startsWith('SHOW TABLES')) return { statementType: 'UTILITY', columns: [{ name: 'tab_name', type: 'varchar' }], rows: [['daily_kpis']] };
      if (sql.startsWith('SELECT DISTINCT')) return { columns: [{ name: 'dt', type: 'varchar' }], rows: [['2025-03-09']] };
      if (sql.startsWith('INSERT')) return { updateCount: 1 };
      return { statementType: 'DDL' };
    });
    s3.on(ListObjectsV2Command).resolves({ Contents: [{ Key: 'curated/daily_kpis/dt=2025-03-09/old.parquet', Size: 1 }] });
    s3.on(DeleteObjectsCommand).resolves({});
    s3.on(PutObjectCommand).resolves({});

    const result = await runSql({ kind: 'model', name: 'daily_kpis', time: '2025-03-10T02:00:00Z' });

    expect(result.rowsWritten).toBe(1);
    // The model's query runs once, into a staging table that the partition inserts then read.
    const staged = athena.statements.find((s) => s.startsWith('CREATE TABLE "lakehouse"."daily_kpis__stage_'))!;
    expect(staged).toContain("TIMESTAMP '2025-03-09 00:00:00.000'");
    expect(staged).toContain("TIMESTAMP '2025-03-10 00:00:00.000'");
    expect(athena.statements.find((s) => s.startsWith('INSERT INTO'))).toMatch(/FROM "lakehouse"\."daily_kpis__stage_\w+"/);
    // Only the model: no DDL file and no alert of the project ran.
    expect(athena.statements.some((s) => s.includes('CREATE EXTERNAL TABLE IF NOT EXISTS orders'))).toBe(false);
    // The partition is replaced in the deployed bucket (the env's, not lakehouse.yaml's), then the run is logged.
    expect(s3.commandCalls(ListObjectsV2Command)[0].args[0].input).toMatchObject({ Bucket: 'deployed-bucket', Prefix: 'curated/daily_kpis/dt=2025-03-09/' });
    expect(s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input.Key)).toEqual([expect.stringMatching(/^system\/run_log\/dt=\d{4}-\d{2}-\d{2}\//)]);
    expect(athena.mock.commandCalls(StartQueryExecutionCommand)[0].args[0].input).toMatchObject({ WorkGroup: 'prod-lakehouse' });
    const finished = events().find((e) => e.event === 'step_finished');
    expect(finished).toMatchObject({ step: 'lakehouse.daily_kpis', status: 'success', period_start: '2025-03-09 00:00:00.000' });
  });

  it('runs a scheduled model with the unscheduled models upstream and the Iceberg DDL Athena must create, in DAG order, for the day that ended', async () => {
    const athena = fakeAthena((sql) => {
      if (sql.startsWith('SHOW TABLES')) return { statementType: 'UTILITY', columns: [{ name: 'tab_name', type: 'varchar' }], rows: [] };
      if (sql.startsWith('SELECT DISTINCT')) return { columns: [{ name: 'dt', type: 'varchar' }], rows: [['2025-03-09']] };
      if (sql.startsWith('INSERT')) return { updateCount: 1 };
      return { statementType: 'DDL' };
    });
    s3.on(ListObjectsV2Command).resolves({ Contents: [] });
    s3.on(PutObjectCommand).resolves({});
    // The table model's first run: Glue has the scratch table CTAS made, not the table itself yet.
    glue.on(GetTableCommand).callsFake((input: { Name: string }) => {
      if (input.Name.startsWith('order_summary__')) return { Table: { Name: input.Name, StorageDescriptor: { Location: 's3://deployed-bucket/x/' } } };
      throw new EntityNotFoundException({ message: 'not found', $metadata: {} });
    });
    glue.on(CreateTableCommand).resolves({});

    await runSql({ kind: 'model', name: 'order_summary', time: '2025-03-10T01:30:00Z' });
    expect(glue.commandCalls(CreateTableCommand).map((c) => c.args[0].input.TableInput?.Name)).toEqual(['order_summary']);

    const at = (pattern: RegExp) => athena.statements.findIndex((s) => pattern.test(s));
    const iceberg = at(/^CREATE TABLE IF NOT EXISTS order_dim/);
    const staging = at(/^CREATE TABLE "lakehouse"\."stg_orders__stage_/);
    const summary = at(/^CREATE TABLE "lakehouse"\."order_summary/);
    expect(iceberg).toBeGreaterThanOrEqual(0);
    expect(staging).toBeGreaterThan(iceberg);
    expect(summary).toBeGreaterThan(staging);
    // The upstream incremental model runs for the day that ended before the fire time.
    expect(athena.statements[staging]).toContain("TIMESTAMP '2025-03-09 00:00:00.000'");
    // External tables of sql/ddl are the stack's (Glue): their DDL does not run on Athena.
    expect(athena.statements.some((s) => s.includes('CREATE EXTERNAL TABLE IF NOT EXISTS orders'))).toBe(false);
  });

  it('fails the invocation when the model fails, so the function-errors alarm sees it', async () => {
    fakeAthena((sql) => {
      if (sql.startsWith('SHOW TABLES')) return { statementType: 'UTILITY', columns: [{ name: 'tab_name', type: 'varchar' }], rows: [['daily_kpis']] };
      if (sql.startsWith('CREATE TABLE "lakehouse"."daily_kpis__stage_'))
        return { failed: "TABLE_NOT_FOUND: line 8:92: Table 'awsdatacatalog.lakehouse.orders' does not exist" };
      return { statementType: 'DDL' };
    });
    s3.on(PutObjectCommand).resolves({});
    await expect(runSql({ kind: 'model', name: 'daily_kpis', time: '2025-03-10T02:00:00Z' })).rejects.toThrow(/lakehouse\.daily_kpis: .*TABLE_NOT_FOUND/);
    // The failed run is still recorded in run_log.
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(1);
  });

  it('rejects events that are not from its rules', async () => {
    await expect(runSql({ kind: 'alert', name: 'daily_kpis', time: '2025-03-10T02:00:00Z' })).rejects.toThrow(/expected \{"kind":"model"/);
    fakeAthena(() => ({}));
    await expect(runSql({ kind: 'model', name: 'nope', time: '2025-03-10T02:00:00Z' })).rejects.toThrow(/no model named 'nope'/);
  });
});

describe('scheduledRange', () => {
  const node = (period?: 'hour' | 'day') => ({ header: { period } }) as unknown as ProjectNode;
  it('ends at the last period boundary at or before the fire time', () => {
    expect(scheduledRange(node('day'), new Date('2025-03-10T02:00:00Z'))).toEqual({ to: new Date('2025-03-10T00:00:00Z') });
    expect(scheduledRange(node('hour'), new Date('2025-03-10T02:05:00Z'))).toEqual({ to: new Date('2025-03-10T02:00:00Z') });
    expect(scheduledRange(node(), new Date('2025-03-10T02:05:00Z'))).toEqual({});
  });
});

describe('evaluate-alert', () => {
  it('evaluates at the fire time, publishes to the stage topic (file channel), logs the notice, keeps state and history', async () => {
    const athena = fakeAthena(() => ({ columns: [{ name: 'count', type: 'bigint' }], rows: [['11']] }));
    ddb.on(GetItemCommand).resolves({});
    ddb.on(PutItemCommand).resolves({});
    sns.on(PublishCommand).resolves({ MessageId: 'm1' });
    s3.on(PutObjectCommand).resolves({});

    const result = await evaluateAlert({ kind: 'alert', name: 'too_many', time: '2025-03-10T08:00:00Z' });

    expect(result).toEqual({ alert: 'too_many', notices: 1, pending: 0 });
    expect(athena.statements[0]).toContain("order_ts >= TIMESTAMP '2025-03-10 07:00:00.000' AND order_ts < TIMESTAMP '2025-03-10 08:00:00.000'");
    const publish = sns.commandCalls(PublishCommand)[0].args[0].input;
    expect(publish).toMatchObject({ TopicArn: TOPIC, Message: expect.stringContaining('Alert: 11 orders') });
    expect(events().find((e) => e.event === 'alert_notice')).toMatchObject({ alert: 'too_many', kind: 'firing', message: 'Alert: 11 orders' });
    expect(ddb.commandCalls(PutItemCommand)[0].args[0].input.TableName).toBe('AlertState');
    const history = s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
    expect(history[0]).toMatchObject({ Bucket: 'deployed-bucket', Key: expect.stringMatching(/^system\/alert_history\/dt=2025-03-10\//) });
    expect(events().find((e) => e.event === 'alert_evaluated')).toMatchObject({ ok: true, notices: 1, pending: 0 });
  });
});
