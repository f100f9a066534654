// The lookup API on AWS: the contract of src/serving/lookup.ts answered from DynamoDB, one GetItem per request (no
// DuckDB, no SQL). The served tables come in two layouts, as their writers store them:
// - `value` (src/storage/kv-store/dynamodb.ts, the P5 feature table): partition key `pk` = the joined key, the row
//   under the `value` attribute;
// - `item` (src/ingest/aws/dynamodb-item-table.ts, P2's KPI tables): one attribute per column, the key columns as the
//   table's (string) key attributes, and the writers' `_version`.
import { GetItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { lookup, lookupBodyJson, type ServedTable } from '../../src/serving/lookup.js';
import { fromItem } from '../../src/storage/kv-store/dynamodb-values.js';

export interface ServedTableConfig extends ServedTable {
  /** The DynamoDB table's physical name. */
  tableName: string;
  layout: 'value' | 'item';
}

/** Attributes the writers add for conditional writes: not part of the served row. */
const WRITER_ATTRIBUTES = ['_version'];

export function parseServedTables(text: string): Map<string, ServedTableConfig> {
  const tables = JSON.parse(text) as ServedTableConfig[];
  if (!Array.isArray(tables)) throw new Error('SERVED_TABLES must be a JSON array of served tables');
  return new Map(tables.map((t) => [t.name, t]));
}

function keyOf(table: ServedTableConfig, key: string, parts: readonly string[]): Record<string, AttributeValue> {
  if (table.layout === 'value') return { pk: { S: key } };
  return Object.fromEntries(table.key.map((column, i) => [column, { S: parts[i] }]));
}

function rowOf(table: ServedTableConfig, item: Record<string, AttributeValue>): unknown {
  const plain = fromItem(item);
  if (table.layout === 'value') return plain.value ?? null;
  for (const name of WRITER_ATTRIBUTES) delete plain[name];
  return plain;
}

/** The Lambda handler over `tables`, reading with `client`. */
export function lookupHandler(tables: ReadonlyMap<string, ServedTableConfig>, client: DynamoDBClient) {
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const response = await lookup(event.requestContext.http.method, event.rawPath, tables, async (table, key, parts) => {
      const config = tables.get(table.name)!;
      // Eventually consistent: half the read cost and the lower latency; a served table changes once per run.
      const out = await client.send(new GetItemCommand({ TableName: config.tableName, Key: keyOf(config, key, parts) }));
      return out.Item ? rowOf(config, out.Item) : undefined;
    });
    return {
      statusCode: response.status,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
      body: lookupBodyJson(response.body),
    };
  };
}
