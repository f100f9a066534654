// The text form of a value as Trino's CLI and Athena's console show it: `[1, 2]` for an array, `{k=v}` for a map or
// a row, NULL for null. `lake sql` tables and CSV use it, and so do map keys that are not scalars (an array or row key
// has no JSON object key of its own).
import type { SqlValue } from './engine.js';

export function valueText(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(valueText).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([k, v]) => `${k}=${valueText(v)}`)
    .join(', ')}}`;
}
