// The key-value store on a DynamoDB table with a string partition key. Each item holds the key, the value as native
// attributes under `value`, and `version` for conditional writes (DynamoDB's ConditionExpression does the compare).
import { DeleteItemCommand, GetItemCommand, PutItemCommand, UpdateItemCommand, type DynamoDBClient, type PutItemCommandInput } from '@aws-sdk/client-dynamodb';
import { fromAttribute, toAttribute } from './dynamodb-values.js';
import { KeyValueStoreError, type KeyValueStore, type Versioned } from './key-value-store.js';

export interface DynamoDbKeyValueStoreOptions {
  client: DynamoDBClient;
  tableName: string;
  /** Name of the table's (string) partition key attribute. */
  partitionKey?: string;
}

const isConditionFailure = (error: unknown): boolean => error instanceof Error && error.name === 'ConditionalCheckFailedException';

export class DynamoDbKeyValueStore implements KeyValueStore {
  private readonly client: DynamoDBClient;
  private readonly table: string;
  private readonly pk: string;

  constructor(options: DynamoDbKeyValueStoreOptions) {
    this.client = options.client;
    this.table = options.tableName;
    this.pk = options.partitionKey ?? 'pk';
  }

  async get<T = unknown>(key: string): Promise<Versioned<T> | undefined> {
    const out = await this.call(key, () =>
      this.client.send(new GetItemCommand({ TableName: this.table, Key: { [this.pk]: { S: key } }, ConsistentRead: true })),
    );
    if (!out.Item) return undefined;
    const { value, version } = out.Item;
    return { value: (value ? fromAttribute(value) : null) as T, version: Number(version?.N ?? 0) };
  }

  async put(key: string, value: unknown): Promise<number> {
    const out = await this.call(key, () =>
      this.client.send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: { [this.pk]: { S: key } },
          UpdateExpression: 'SET #value = :value, #version = if_not_exists(#version, :zero) + :one',
          ExpressionAttributeNames: { '#value': 'value', '#version': 'version' },
          ExpressionAttributeValues: { ':value': toAttribute(value), ':zero': { N: '0' }, ':one': { N: '1' } },
          ReturnValues: 'UPDATED_NEW',
        }),
      ),
    );
    return Number(out.Attributes?.version?.N ?? 1);
  }

  async putIf(key: string, value: unknown, expectedVersion: number | undefined): Promise<number | undefined> {
    const version = (expectedVersion ?? 0) + 1;
    const condition: Pick<PutItemCommandInput, 'ConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'> =
      expectedVersion === undefined
        ? { ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': this.pk } }
        : {
            ConditionExpression: '#version = :expected',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':expected': { N: String(expectedVersion) } },
          };
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.table,
          Item: { [this.pk]: { S: key }, value: toAttribute(value), version: { N: String(version) } },
          ...condition,
        }),
      );
      return version;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw this.wrap(key, error);
    }
  }

  async delete(key: string): Promise<void> {
    await this.call(key, () => this.client.send(new DeleteItemCommand({ TableName: this.table, Key: { [this.pk]: { S: key } } })));
  }

  private async call<R>(key: string, request: () => Promise<R>): Promise<R> {
    try {
      return await request();
    } catch (error) {
      throw this.wrap(key, error);
    }
  }

  private wrap(key: string, error: unknown): KeyValueStoreError {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return new KeyValueStoreError(`DynamoDB table ${this.table}, key '${key}': ${reason}`, { cause: error });
  }
}
