// JSON values ↔ DynamoDB attribute values, so stored items are readable as native attributes (a serving table's
// columns), not one opaque JSON string.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { KeyValueStoreError } from './key-value-store.js';

export function toAttribute(value: unknown, path = 'value'): AttributeValue {
  if (value === null) return { NULL: true };
  switch (typeof value) {
    case 'string':
      return { S: value };
    case 'boolean':
      return { BOOL: value };
    case 'number':
      if (!Number.isFinite(value)) throw new KeyValueStoreError(`${path}: ${value} cannot be stored`);
      return { N: String(value) };
    case 'object': {
      if (Array.isArray(value)) return { L: value.map((v, i) => toAttribute(v, `${path}[${i}]`)) };
      const map: Record<string, AttributeValue> = {};
      for (const [k, v] of Object.entries(value)) if (v !== undefined) map[k] = toAttribute(v, `${path}.${k}`);
      return { M: map };
    }
    default:
      throw new KeyValueStoreError(`${path}: a ${typeof value} cannot be stored`);
  }
}

export function fromAttribute(attribute: AttributeValue): unknown {
  if (attribute.NULL) return null;
  if (attribute.S !== undefined) return attribute.S;
  if (attribute.N !== undefined) return Number(attribute.N);
  if (attribute.BOOL !== undefined) return attribute.BOOL;
  if (attribute.L !== undefined) return attribute.L.map(fromAttribute);
  if (attribute.M !== undefined) return Object.fromEntries(Object.entries(attribute.M).map(([k, v]) => [k, fromAttribute(v)]));
  throw new KeyValueStoreError(`unsupported DynamoDB attribute type: ${Object.keys(attribute).join(', ')}`);
}
