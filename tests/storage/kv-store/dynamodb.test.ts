import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbKeyValueStore } from '../../../src/storage/kv-store/dynamodb.js';

const ddb = mockClient(DynamoDBClient);
const store = () => new DynamoDbKeyValueStore({ client: new DynamoDBClient({ region: 'us-east-1' }), tableName: 'AlertState' });

describe('DynamoDbKeyValueStore', () => {
  beforeEach(() => ddb.reset());

  it('reads an item with a consistent read and turns attributes back into JSON', async () => {
    ddb.on(GetItemCommand).resolves({
      Item: {
        pk: { S: 'alert/p1' },
        value: { M: { status: { S: 'firing' }, count: { N: '11' }, ok: { BOOL: false }, none: { NULL: true }, keys: { L: [{ S: 'a' }] } } },
        version: { N: '3' },
      },
    });
    expect(await store().get('alert/p1')).toEqual({
      value: { status: 'firing', count: 11, ok: false, none: null, keys: ['a'] },
      version: 3,
    });
    expect(ddb.commandCalls(GetItemCommand)[0].args[0].input).toEqual({
      TableName: 'AlertState',
      Key: { pk: { S: 'alert/p1' } },
      ConsistentRead: true,
    });
  });

  it('returns undefined for a missing item', async () => {
    ddb.on(GetItemCommand).resolves({});
    expect(await store().get('nope')).toBeUndefined();
  });

  it('conditional put on a new key requires the key to be absent', async () => {
    ddb.on(PutItemCommand).resolves({});
    expect(await store().putIf('k', { a: [1, 'x'] }, undefined)).toBe(1);
    const input = ddb.commandCalls(PutItemCommand)[0].args[0].input;
    expect(input.ConditionExpression).toBe('attribute_not_exists(#pk)');
    expect(input.ExpressionAttributeNames).toEqual({ '#pk': 'pk' });
    expect(input.Item).toEqual({ pk: { S: 'k' }, value: { M: { a: { L: [{ N: '1' }, { S: 'x' }] } } }, version: { N: '1' } });
  });

  it('conditional put compares the version and reports a lost race as undefined', async () => {
    ddb.on(PutItemCommand).rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));
    expect(await store().putIf('k', 'v', 4)).toBeUndefined();
    const input = ddb.commandCalls(PutItemCommand)[0].args[0].input;
    expect(input.ConditionExpression).toBe('#version = :expected');
    expect(input.ExpressionAttributeValues).toEqual({ ':expected': { N: '4' } });
    expect(input.Item?.version).toEqual({ N: '5' });
  });

  it('unconditional put increments the version in DynamoDB', async () => {
    ddb.on(UpdateItemCommand).resolves({ Attributes: { version: { N: '8' } } });
    expect(await store().put('k', 'v')).toBe(8);
    expect(ddb.commandCalls(UpdateItemCommand)[0].args[0].input.UpdateExpression).toBe('SET #value = :value, #version = if_not_exists(#version, :zero) + :one');
  });

  it('names the table and key when DynamoDB fails', async () => {
    ddb.on(DeleteItemCommand).rejects(new Error('ProvisionedThroughputExceeded'));
    await expect(store().delete('alert/p1')).rejects.toThrow(/DynamoDB table AlertState, key 'alert\/p1'/);
  });

  it('rejects values DynamoDB cannot hold before sending anything', async () => {
    await expect(store().put('k', { n: Number.NaN })).rejects.toThrow(/cannot be stored in DynamoDB: Special numeric value NaN/);
    expect(ddb.calls()).toHaveLength(0);
  });

  // DynamoDB Developer Guide, "Supported data types", Number: up to 38 digits of precision, sent as a string; the SDK's
  // marshalling (@aws-sdk/util-dynamodb) reads integers beyond 2^53 as bigint.
  it('stores bigint values and reads every digit back, with doubles as they print', async () => {
    const value = {
      big: 9_223_372_036_854_775_807n,
      negative: -12_345_678_901_234_567_890n,
      safe: 42,
      double: 0.1,
      huge: 1.5e300,
      wide: 1e21,
      list: [2n ** 70n],
    };
    ddb.on(UpdateItemCommand).resolves({ Attributes: { version: { N: '1' } } });
    await store().put('k', value);
    const written = ddb.commandCalls(UpdateItemCommand)[0].args[0].input.ExpressionAttributeValues![':value'];
    expect(written).toEqual({
      M: {
        big: { N: '9223372036854775807' },
        negative: { N: '-12345678901234567890' },
        safe: { N: '42' },
        double: { N: '0.1' },
        huge: { N: '1.5e+300' },
        wide: { N: '1e+21' },
        list: { L: [{ N: '1180591620717411303424' }] },
      },
    });
    ddb.on(GetItemCommand).resolves({ Item: { pk: { S: 'k' }, value: written, version: { N: '1' } } });
    expect((await store().get('k'))?.value).toEqual(value);
  });
});
