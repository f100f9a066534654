// A serving table whose items are the rows themselves (seed 001's CategoryKPIs: partition key `category`, sort key
// `order_date`; OrderKPIs: partition key `order_date`): every column a native attribute, the key attributes taken from
// the row. It implements the KeyValueStore that serveQuery writes to; a store key is the key columns' values joined
// with `#` (serving.ts `servingKey`), in the table's key order.
import { DeleteItemCommand, GetItemCommand, PutItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { fromAttribute, toAttribute } from '../../storage/kv-store/dynamodb-values.js';
import { KeyValueStoreError, type KeyValueStore, type Versioned } from '../../storage/kv-store/key-value-store.js';

export interface ItemTableOptions {
  client: DynamoDBClient;
  tableName: string;
  /** Key attribute names: [partition] or [partition, sort]; the rows' columns of the same names. */
  key: readonly string[];
}

const VERSION = '_version';

export class DynamoDbItemTable implements KeyValueStore {
  constructor(private readonly options: ItemTableOptions) {}

  async get<T = unknown>(key: string): Promise<Versioned<T> | undefined> {
    const out = await this.options.client.send(new GetItemCommand({ TableName: this.options.tableName, Key: this.keyOf(key), ConsistentRead: true }));
    if (!out.Item) return undefined;
    const { [VERSION]: version, ...attributes } = out.Item;
    return { value: fromAttribute({ M: attributes }) as T, version: Number(version?.N ?? 0) };
  }

  async put(key: string, value: unknown): Promise<number> {
    await this.options.client.send(new PutItemCommand({ TableName: this.options.tableName, Item: this.itemOf(key, value, 1) }));
    return 1;
  }

  async putIf(key: string, value: unknown, expectedVersion: number | undefined): Promise<number | undefined> {
    const version = (expectedVersion ?? 0) + 1;
    try {
      await this.options.client.send(
        new PutItemCommand({
          TableName: this.options.tableName,
          Item: this.itemOf(key, value, version),
          ...(expectedVersion === undefined
            ? { ConditionExpression: 'attribute_not_exists(#k)', ExpressionAttributeNames: { '#k': this.options.key[0] } }
            : {
                ConditionExpression: '#v = :v',
                ExpressionAttributeNames: { '#v': VERSION },
                ExpressionAttributeValues: { ':v': { N: String(expectedVersion) } },
              }),
        }),
      );
      return version;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.options.client.send(new DeleteItemCommand({ TableName: this.options.tableName, Key: this.keyOf(key) }));
  }

  private keyOf(key: string): Record<string, AttributeValue> {
    const parts = key.split('#');
    if (parts.length !== this.options.key.length)
      throw new KeyValueStoreError(`${this.options.tableName}: key '${key}' does not have ${this.options.key.length} part(s)`);
    return Object.fromEntries(this.options.key.map((name, i) => [name, { S: parts[i] }]));
  }

  private itemOf(key: string, value: unknown, version: number): Record<string, AttributeValue> {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new KeyValueStoreError(`${this.options.tableName}: an item must be a row object`);
    const attributes = (toAttribute(value).M ?? {}) as Record<string, AttributeValue>;
    // Key attributes as strings (the tables' key types), from the store key so they match what get/delete address.
    return { ...attributes, ...this.keyOf(key), [VERSION]: { N: String(version) } };
  }
}
