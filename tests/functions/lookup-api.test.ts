// The lookup API's Lambda: the contract of src/serving/lookup.ts answered with exactly one DynamoDB GetItem per
// lookup, from both layouts the serving writers store (the P5 feature table's `pk`/`value` items, P2's KPI tables
// whose items are the rows), and no DynamoDB call at all for a request the contract refuses.
// HTTP API payload 2.0 (`rawPath`, `requestContext.http.method`): AWS API Gateway Developer Guide, "Working with AWS
// Lambda proxy integrations for HTTP APIs".
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/lookup-api.js';
import type { ServedTableConfig } from '../../functions/lib/lookup.js';
import { toAttribute } from '../../src/storage/kv-store/dynamodb-values.js';
import { DynamoDbItemTable } from '../../src/ingest/aws/dynamodb-item-table.js';

const TABLES: ServedTableConfig[] = [
  { name: 'CustomerFeatures', key: ['customer_id'], tableName: 'stage-CustomerFeatures', layout: 'value' },
  { name: 'CategoryKPIs', key: ['category', 'order_date'], tableName: 'stage-CategoryKPIs', layout: 'item' },
];
const dynamodb = mockClient(DynamoDBClient);

const request = (rawPath: string, method = 'GET') =>
  handler({ rawPath, requestContext: { http: { method } } } as APIGatewayProxyEventV2) as Promise<{ statusCode: number; body: string }>;
const answer = async (rawPath: string, method?: string) => {
  const out = await request(rawPath, method);
  return { status: out.statusCode, body: JSON.parse(out.body) as unknown };
};

beforeAll(() => {
  process.env.SERVED_TABLES = JSON.stringify(TABLES);
});
afterAll(() => {
  delete process.env.SERVED_TABLES;
  dynamodb.restore();
});
beforeEach(() => dynamodb.reset());

describe('lookup-api handler', () => {
  it('reads a feature item by its pk and answers the stored row', async () => {
    const row = { customer_id: 42, interaction_count_1d: 3, avg_rating: 4.5, date: '2025-03-09', channels: ['web'] };
    dynamodb.on(GetItemCommand).resolves({ Item: { pk: { S: '42' }, value: toAttribute(row), version: { N: '7' } } });
    expect(await answer('/v1/CustomerFeatures/42')).toEqual({ status: 200, body: row });
    expect(dynamodb.commandCalls(GetItemCommand).map((c) => c.args[0].input)).toEqual([{ TableName: 'stage-CustomerFeatures', Key: { pk: { S: '42' } } }]);
    expect(dynamodb.calls()).toHaveLength(1);
  });

  it('reads a KPI row by its key columns, as DynamoDbItemTable wrote it, without the writer version', async () => {
    const row = { category: 'Home & Garden', order_date: '2025-03-01', orders: 2, revenue: '15.0' };
    // What the P2 writer puts is what GetItem returns.
    dynamodb.on(PutItemCommand).resolves({});
    await new DynamoDbItemTable({ client: new DynamoDBClient({}), tableName: 'stage-CategoryKPIs', key: ['category', 'order_date'] }).put(
      'Home & Garden#2025-03-01',
      row,
    );
    const stored = dynamodb.commandCalls(PutItemCommand)[0].args[0].input.Item;
    dynamodb.reset();
    dynamodb.on(GetItemCommand).resolves({ Item: stored });
    expect(await answer(`/v1/CategoryKPIs/${encodeURIComponent('Home & Garden#2025-03-01')}`)).toEqual({ status: 200, body: row });
    expect(dynamodb.commandCalls(GetItemCommand).map((c) => c.args[0].input)).toEqual([
      { TableName: 'stage-CategoryKPIs', Key: { category: { S: 'Home & Garden' }, order_date: { S: '2025-03-01' } } },
    ]);
  });

  it('answers a whole number beyond 2^53 with every digit (DynamoDB N read back as a bigint)', async () => {
    dynamodb.on(GetItemCommand).resolves({
      Item: { pk: { S: '7' }, value: { M: { customer_id: { N: '7' }, total_spend_cents: { N: '9007199254740993' } } }, version: { N: '1' } },
    });
    const out = await request('/v1/CustomerFeatures/7');
    expect(out.statusCode).toBe(200);
    expect(out.body).toBe('{"customer_id":7,"total_spend_cents":9007199254740993}');
  });

  it('answers 404 not_found when DynamoDB has no item', async () => {
    dynamodb.on(GetItemCommand).resolves({});
    expect(await answer('/v1/CustomerFeatures/nobody')).toEqual({ status: 404, body: { error: 'not_found' } });
    expect(dynamodb.calls()).toHaveLength(1);
  });

  it('answers 404 for an unknown table and 400 for a malformed key without calling DynamoDB', async () => {
    expect(await answer('/v1/OrderKPIs/2025-03-01')).toEqual({ status: 404, body: { error: 'not_found' } });
    expect(await answer('/v1/CategoryKPIs/Books')).toMatchObject({ status: 400, body: { error: 'bad_request' } });
    expect(await answer('/v1/CustomerFeatures/1%232')).toMatchObject({ status: 400 });
    expect(await answer('/v1/CustomerFeatures/%E0%A4%A')).toMatchObject({ status: 400 });
    expect(await answer('/v1/CustomerFeatures/42', 'POST')).toMatchObject({ status: 405 });
    expect(dynamodb.calls()).toHaveLength(0);
  });

  it('reads the served tables of its current environment, also when a warm module was built with other ones', async () => {
    process.env.SERVED_TABLES = JSON.stringify([{ ...TABLES[0], tableName: 'other-CustomerFeatures' }]);
    dynamodb.on(GetItemCommand).resolves({});
    await answer('/v1/CustomerFeatures/42');
    process.env.SERVED_TABLES = JSON.stringify(TABLES);
    await answer('/v1/CustomerFeatures/42');
    expect(dynamodb.commandCalls(GetItemCommand).map((c) => c.args[0].input.TableName)).toEqual(['other-CustomerFeatures', 'stage-CustomerFeatures']);
  });

  it('lets a DynamoDB failure fail the invocation (API Gateway answers 500)', async () => {
    dynamodb.on(GetItemCommand).rejects(Object.assign(new Error('Requested resource not found'), { name: 'ResourceNotFoundException' }));
    await expect(request('/v1/CustomerFeatures/42')).rejects.toThrow(/Requested resource not found/);
  });
});
