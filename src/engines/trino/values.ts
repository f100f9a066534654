// Trino's JSON result encoding → the Engine contract (the same names and shapes as the Athena and local engines).
import type { SqlValue } from '../engine.js';
import { normalizeTimeFraction, trinoTypeName, type TrinoType } from '../trino-types.js';
import type { ClientTypeSignature } from './protocol.js';

/** The type tree of a column from the protocol's typeSignature. */
export function typeFromSignature(signature: ClientTypeSignature): TrinoType {
  const raw = signature.rawType.toLowerCase();
  const types = signature.arguments.flatMap((a) => (a.kind === 'TYPE' ? [typeFromSignature(a.value)] : []));
  if (raw === 'array' && types.length === 1) return { kind: 'array', element: types[0] };
  if (raw === 'map' && types.length === 2) return { kind: 'map', key: types[0], value: types[1] };
  if (raw === 'row') {
    return {
      kind: 'row',
      fields: signature.arguments.flatMap((a) =>
        a.kind === 'NAMED_TYPE' ? [{ ...(a.value.fieldName ? { name: a.value.fieldName.name } : {}), type: typeFromSignature(a.value.typeSignature) }] : [],
      ),
    };
  }
  const params = signature.arguments.flatMap((a) => (a.kind === 'LONG' ? [Number(a.value)] : []));
  return { kind: 'scalar', name: raw, ...(params.length > 0 ? { params } : {}) };
}

export const columnTypeName = (signature: ClientTypeSignature): string => trinoTypeName(typeFromSignature(signature));

class UnexpectedValue extends Error {}

const unexpected = (value: unknown, type: TrinoType): never => {
  throw new UnexpectedValue(
    `Trino sent ${JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))} for a ${trinoTypeName(type)} value`,
  );
};

/** One cell of Trino's JSON encoding, typed by its column, in the contract's shape. */
export function toSqlValue(value: unknown, type: TrinoType): SqlValue {
  if (value === null || value === undefined) return null;
  switch (type.kind) {
    case 'array':
      return Array.isArray(value) ? value.map((item) => toSqlValue(item, type.element)) : unexpected(value, type);
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) return unexpected(value, type);
      const out: { [key: string]: SqlValue } = {};
      for (const [key, item] of Object.entries(value)) out[key] = toSqlValue(item, type.value);
      return out;
    }
    case 'row': {
      // Rows travel as positional arrays; the contract names their fields, anonymous ones field0, field1, … as Trino does.
      if (!Array.isArray(value)) return unexpected(value, type);
      const out: { [key: string]: SqlValue } = {};
      type.fields.forEach((field, i) => (out[field.name ?? `field${i}`] = toSqlValue(value[i], field.type)));
      return out;
    }
    case 'scalar':
      return scalarValue(value, type);
  }
}

function scalarValue(value: unknown, type: Extract<TrinoType, { kind: 'scalar' }>): SqlValue {
  switch (type.name) {
    case 'tinyint':
    case 'smallint':
    case 'integer':
    case 'bigint':
      return typeof value === 'number' || typeof value === 'bigint' ? value : unexpected(value, type);
    case 'real':
    case 'double':
      // NaN and the infinities travel as the strings "NaN", "Infinity", "-Infinity".
      return typeof value === 'number'
        ? value
        : typeof value === 'string'
          ? Number(value)
          : typeof value === 'bigint'
            ? Number(value)
            : unexpected(value, type);
    case 'boolean':
      return typeof value === 'boolean' ? value : unexpected(value, type);
    case 'varbinary':
      // Base64 on the wire; the contract shows bytes as one hex string.
      return typeof value === 'string' ? Buffer.from(value, 'base64').toString('hex') : unexpected(value, type);
    case 'timestamp':
    case 'time':
    case 'timestamp with time zone':
    case 'time with time zone':
      return typeof value === 'string' ? normalizeTimeFraction(value) : unexpected(value, type);
    default:
      // varchar, char, decimal, date, json, uuid, intervals, ipaddress: text in their contract shape already.
      return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : unexpected(value, type);
  }
}
