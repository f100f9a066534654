// P2 steps against mocked AWS clients: the trigger takes the DynamoDB lock and starts one execution per file set;
// the threshold step forces a batch after the waiting window; validate runs the real DuckDB validation on files served
// by a mocked S3 and registers the raw partitions; transform runs the KPI models on a fake Athena and writes the rows to
// the KPI tables with their own key attributes; failures go to SNS and the failure metric.
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { DeleteItemCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { BatchCreatePartitionCommand, GetTableCommand, GlueClient } from '@aws-sdk/client-glue';
import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { S3ObjectCreatedNotificationEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler as failure } from '../../functions/p2-failure.js';
import { handler as releaseLock } from '../../functions/p2-release-lock.js';
import { handler as threshold } from '../../functions/p2-threshold.js';
import { handler as transform } from '../../functions/p2-transform.js';
import { handler as trigger } from '../../functions/p2-trigger.js';
import { handler as validate } from '../../functions/p2-validate.js';
import { resetLake } from '../../functions/lib/lake.js';
import { fakeAthena, fixtureProject } from './fakes.js';

/** EventBridge's S3 "Object Created" event; the trigger reads none of it (it lists incoming/ itself). */
const OBJECT_CREATED = {
  'detail-type': 'Object Created',
  source: 'aws.s3',
  detail: { bucket: { name: 'lake' }, object: { key: 'incoming/orders_1.csv' } },
} as unknown as S3ObjectCreatedNotificationEvent;

const project = fixtureProject({
  'ddl/p2_raw.sql':
    "CREATE EXTERNAL TABLE IF NOT EXISTS p2_raw_orders (order_id BIGINT, order_date DATE, total_amount DECIMAL(12, 2)) PARTITIONED BY (batch_id STRING) STORED AS PARQUET LOCATION 's3://${lake_bucket}/raw/ecommerce/orders/'",
  'transforms/p2_order_kpis.sql':
    '/*\nmaterialized: incremental\nperiod: day\npartitioned_by: [order_date]\n*/\nSELECT count(*) AS total_orders, order_date FROM p2_raw_orders WHERE order_date >= CAST(${period_start} AS DATE) AND order_date < CAST(${period_end} AS DATE) GROUP BY order_date',
  'transforms/p2_category_kpis.sql':
    "/*\nmaterialized: incremental\nperiod: day\npartitioned_by: [order_date]\n*/\nSELECT 'Books' AS category, sum(total_amount) AS daily_revenue, order_date FROM p2_raw_orders WHERE order_date >= CAST(${period_start} AS DATE) AND order_date < CAST(${period_end} AS DATE) GROUP BY order_date",
});
const env = {
  LAKEHOUSE_ROOT: project.root,
  LAKE_STAGE: 'prod',
  LAKE_BUCKET: 'lake',
  ATHENA_WORKGROUP: 'wg',
  GLUE_DATABASE: 'lakehouse',
  LOCK_TABLE: 'Locks',
  STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:123456789012:stateMachine:p2',
  P2_THRESHOLDS: JSON.stringify({ minOrderFiles: 2, minItemFiles: 1, minProductFiles: 1 }),
  FORCE_AFTER_MINUTES: '30',
  ORDER_KPIS_TABLE: 'OrderKPIs',
  CATEGORY_KPIS_TABLE: 'CategoryKPIs',
  FAILURE_TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:alerts',
  METRIC_NAMESPACE: 'SqlLakehouse',
};
const FILES: Record<string, string> = {
  'incoming/orders_1.csv': 'order_id,user_id,order_date,total_amount,status\n1,10,2025-07-07,150.00,completed\n2,11,2025-07-08,20.00,returned\n',
  'incoming/orders_2.csv': 'order_id,user_id,order_date,total_amount,status\n3,12,2025-07-08,30.00,completed\n',
  'incoming/order_items_1.csv': 'order_id,product_id,quantity,unit_price\n1,2001,2,75.00\n2,2001,1,20.00\n3,2001,1,30.00\n9,2001,1,1.00\n',
  'incoming/products.csv': 'product_id,category,name,price\n2001,Books,Novel,75.00\n',
};

/** An S3 mock over an in-memory bucket: list, get, put, delete. */
function fakeS3(objects: Map<string, string | Uint8Array>) {
  const s3 = mockClient(S3Client);
  s3.on(ListObjectsV2Command).callsFake((input: { Prefix: string }) => ({
    Contents: [...objects.keys()]
      .filter((k) => k.startsWith(input.Prefix))
      .sort()
      .map((Key) => ({ Key, Size: 1, LastModified: new Date(0) })),
  }));
  s3.on(GetObjectCommand).callsFake((input: { Key: string }) => {
    const body = objects.get(input.Key);
    if (body === undefined) throw Object.assign(new Error('not found'), { name: 'NoSuchKey' });
    // The part of the SDK's stream body S3ObjectStore reads.
    return { Body: { transformToByteArray: async () => new Uint8Array(Buffer.from(body)) } };
  });
  s3.on(PutObjectCommand).callsFake((input: { Key: string; Body: string | Uint8Array }) => {
    objects.set(input.Key, input.Body);
    return {};
  });
  s3.on(DeleteObjectsCommand).callsFake((input: { Delete: { Objects: Array<{ Key: string }> } }) => {
    for (const { Key } of input.Delete.Objects) objects.delete(Key);
    return {};
  });
  return s3;
}

beforeAll(() => {
  Object.assign(process.env, env);
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
beforeEach(() => resetLake());
afterAll(() => {
  for (const name of Object.keys(env)) delete process.env[name];
  project.remove();
  vi.restoreAllMocks();
});

describe('p2-trigger', () => {
  it('takes the lock and starts one execution named after the landed files; a second event while locked starts nothing', async () => {
    fakeS3(new Map(Object.entries(FILES)));
    const ddb = mockClient(DynamoDBClient);
    ddb
      .on(GetItemCommand)
      .resolvesOnce({})
      .resolves({
        Item: {
          pk: { S: 'p2-pipeline' },
          value: { M: { token: { S: 'held' }, takenAt: { N: String(Date.now()) }, pid: { N: '1' }, host: { S: 'x' } } },
          version: { N: '1' },
        },
      });
    ddb.on(PutItemCommand).resolves({});
    const sfn = mockClient(SFNClient);
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:exec' });

    const first = await trigger(OBJECT_CREATED);
    expect(first.started).toBe(true);
    const start = sfn.commandCalls(StartExecutionCommand)[0].args[0].input;
    expect(start.name).toMatch(/^p2-[0-9a-f]{32}$/);
    expect(JSON.parse(start.input as string)).toEqual({ lockToken: start.name });
    expect(ddb.commandCalls(PutItemCommand)[0].args[0].input).toMatchObject({ TableName: 'Locks', ConditionExpression: 'attribute_not_exists(#pk)' });

    expect(await trigger(OBJECT_CREATED)).toEqual({ started: false, heldBy: 'held' });
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(1);
  });
});

describe('p2-threshold', () => {
  it('waits while thresholds are unmet, remembering since when, and forces the batch after the window', async () => {
    const objects = new Map<string, string | Uint8Array>([['incoming/orders_1.csv', FILES['incoming/orders_1.csv']]]);
    fakeS3(objects);
    const waiting = await threshold({ lockToken: 't' });
    expect(waiting).toMatchObject({ status: 'waiting', files: { orders: 1, order_items: 0, products: 0 } });
    const marker = JSON.parse(objects.get('incoming/threshold_not_met_timestamp.json') as string) as { timestamp: number };
    objects.set('incoming/threshold_not_met_timestamp.json', JSON.stringify({ timestamp: marker.timestamp - 31 * 60_000 }));
    expect(await threshold({ lockToken: 't' })).toEqual({
      status: 'due',
      files: ['orders_1.csv'],
      counts: { orders: 1, order_items: 0, products: 0 },
      forced: true,
    });
  });
});

describe('p2-validate', () => {
  it('validates with DuckDB into raw/ecommerce/ under a batch id from the execution, registers partitions, archives the inputs', async () => {
    const objects = new Map<string, string | Uint8Array>(Object.entries(FILES));
    fakeS3(objects);
    const glue = mockClient(GlueClient);
    glue.on(GetTableCommand).callsFake((input: { Name: string }) => ({
      Table: { Name: input.Name, PartitionKeys: [{ Name: 'batch_id' }], StorageDescriptor: { Location: `s3://lake/raw/ecommerce/${input.Name}/` } },
    }));
    glue.on(BatchCreatePartitionCommand).resolves({});
    const files = ['order_items_1.csv', 'orders_1.csv', 'orders_2.csv', 'products.csv'];

    const state = {
      lockToken: 'p2-abc',
      startedAt: '2025-07-09T10:11:12.345Z',
      threshold: { status: 'due' as const, files, counts: { orders: 2, order_items: 1, products: 1 }, forced: false },
    };
    const batch = await validate(state);

    expect(batch).toMatchObject({
      batchId: expect.stringMatching(/^20250709T101112-[0-9a-f]{8}$/),
      files: 4,
      rejectedRows: 1,
      accepted: { orders: 3, order_items: 3, products: 1 },
    });
    expect([...objects.keys()].filter((k) => k.startsWith('raw/')).sort()).toEqual(
      ['order_items', 'orders', 'products'].map((t) => `raw/ecommerce/${t}/batch_id=${batch.batchId}/data.parquet`),
    );
    expect([...objects.keys()].filter((k) => k.startsWith('incoming/'))).toEqual([]);
    expect([...objects.keys()].filter((k) => k.startsWith('archive/incoming/'))).toHaveLength(4);
    const partitions = glue.commandCalls(BatchCreatePartitionCommand).map((c) => [c.args[0].input.TableName, c.args[0].input.PartitionInputList?.[0].Values]);
    expect(partitions.sort()).toEqual([
      ['p2_raw_order_items', [batch.batchId]],
      ['p2_raw_orders', [batch.batchId]],
      ['p2_raw_products', [batch.batchId]],
    ]);
    // A retry of the same execution files its objects under the same batch id.
    expect((await import('../../functions/lib/batch-validate.js')).batchIdOf(state)).toBe(batch.batchId);
  });
});

describe('p2-transform', () => {
  it("runs both KPI models for the batch's order days and writes their rows with the tables' key attributes", async () => {
    const athena = fakeAthena((sql) => {
      if (sql.startsWith('SELECT CAST(min(order_date)'))
        return {
          columns: [
            { name: 'first_day', type: 'varchar' },
            { name: 'last_day', type: 'varchar' },
          ],
          rows: [['2025-07-07', '2025-07-08']],
        };
      if (sql.startsWith('SHOW TABLES'))
        return { statementType: 'UTILITY', columns: [{ name: 'tab_name', type: 'varchar' }], rows: [['p2_order_kpis'], ['p2_category_kpis']] };
      if (sql.startsWith('SELECT DISTINCT')) return { columns: [{ name: 'order_date', type: 'date' }], rows: [] };
      if (sql.startsWith('INSERT')) return { updateCount: 2 };
      if (sql.startsWith('SELECT * FROM "lakehouse"."p2_order_kpis"'))
        return {
          columns: [
            { name: 'total_orders', type: 'bigint' },
            { name: 'order_date', type: 'date' },
          ],
          rows: [
            ['1', '2025-07-07'],
            ['2', '2025-07-08'],
          ],
        };
      if (sql.startsWith('SELECT * FROM "lakehouse"."p2_category_kpis"'))
        return {
          columns: [
            { name: 'category', type: 'varchar' },
            { name: 'daily_revenue', type: 'double' },
            { name: 'order_date', type: 'date' },
          ],
          rows: [['Books', '150.0', '2025-07-07']],
        };
      return { statementType: 'DDL' };
    });
    const s3 = mockClient(S3Client);
    s3.on(ListObjectsV2Command).resolves({});
    s3.on(DeleteObjectsCommand).resolves({});
    s3.on(PutObjectCommand).resolves({});
    const ddb = mockClient(DynamoDBClient);
    ddb.on(PutItemCommand).resolves({});

    const result = await transform({ lockToken: 't', batch: { batchId: '20250709T101112-abcdef12' } });

    expect(result).toMatchObject({ batchId: '20250709T101112-abcdef12', days: 2, served: { p2_order_kpis: 2, p2_category_kpis: 1 } });
    expect(athena.statements[0]).toContain(`WHERE batch_id = '20250709T101112-abcdef12'`);
    expect(athena.statements).toContain(`SELECT * FROM "lakehouse"."p2_order_kpis" WHERE order_date >= DATE '2025-07-07' AND order_date < DATE '2025-07-09'`);
    const items = ddb.commandCalls(PutItemCommand).map((c) => c.args[0].input);
    expect(items.find((i) => i.TableName === 'CategoryKPIs')?.Item).toEqual({
      category: { S: 'Books' },
      order_date: { S: '2025-07-07' },
      daily_revenue: { N: '150' },
      _version: { N: '1' },
    });
    expect(items.filter((i) => i.TableName === 'OrderKPIs').map((i) => i.Item?.order_date?.S)).toEqual(['2025-07-07', '2025-07-08']);
  });
});

describe('p2-release-lock and p2-failure', () => {
  it('releases only its own lock; a failure is published and counted', async () => {
    const ddb = mockClient(DynamoDBClient);
    ddb.on(GetItemCommand).resolves({
      Item: {
        pk: { S: 'p2-pipeline' },
        value: { M: { token: { S: 'run-1' }, takenAt: { N: '0' }, pid: { N: '1' }, host: { S: 'x' } } },
        version: { N: '1' },
      },
    });
    ddb.on(DeleteItemCommand).resolves({});
    expect(await releaseLock({ lockToken: 'run-2' })).toEqual({ released: false });
    expect(await releaseLock({ lockToken: 'run-1' })).toEqual({ released: true });
    expect(ddb.commandCalls(DeleteItemCommand)).toHaveLength(1);

    const sns = mockClient(SNSClient);
    sns.on(PublishCommand).resolves({});
    const cloudwatch = mockClient(CloudWatchClient);
    cloudwatch.on(PutMetricDataCommand).resolves({});
    await failure({ lockToken: 'run-1', error: { Error: 'ValidationError', Cause: 'bad csv' } });
    expect(sns.commandCalls(PublishCommand)[0].args[0].input).toMatchObject({
      TopicArn: env.FAILURE_TOPIC_ARN,
      Message: expect.stringContaining('ValidationError'),
    });
    expect(cloudwatch.commandCalls(PutMetricDataCommand)[0].args[0].input).toMatchObject({
      Namespace: 'SqlLakehouse',
      MetricData: [expect.objectContaining({ MetricName: 'P2PipelineFailures', Value: 1 })],
    });
  });
});
