// JSON values ↔ DynamoDB attribute values, so stored items are readable as native attributes (a serving table's
// columns), not one opaque JSON string. The SDK's own marshalling (@aws-sdk/util-dynamodb) with the options every
// writer and reader of the project shares:
// - numbers are written as they print (a double beyond 2^53 is still a double, not an error); bigint as its digits;
// - an integer N outside the safe range reads back as bigint (no digit lost), any other N as a number (writers store
//   doubles, whose shortest text Number() reads back exactly); undefined members of objects are left out.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { convertToAttr, convertToNative, type NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import { KeyValueStoreError } from './key-value-store.js';

const INTEGER = /^-?\d+$/;

/** N text → number, or bigint when it is an integer a number cannot hold exactly. */
export function numberOf(text: string): number | bigint {
  const value = Number(text);
  return INTEGER.test(text) && !Number.isSafeInteger(value) ? BigInt(text) : value;
}

export function toAttribute(value: unknown): AttributeValue {
  try {
    return convertToAttr(value as NativeAttributeValue, { removeUndefinedValues: true, allowImpreciseNumbers: true, convertClassInstanceToMap: false });
  } catch (error) {
    throw new KeyValueStoreError(`value cannot be stored in DynamoDB: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

export function fromAttribute(attribute: AttributeValue): unknown {
  return convertToNative(attribute, { wrapNumbers: numberOf });
}

/** A whole item (lookup API reads), with the same number rule. */
export const fromItem = (item: Record<string, AttributeValue>): Record<string, unknown> => fromAttribute({ M: item }) as Record<string, unknown>;
