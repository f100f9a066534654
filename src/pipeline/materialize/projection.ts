// Partition projection for a rebuilt `table` model: its partitions are described by table properties, so swapping the
// table in one catalog update also swaps its partitions (Athena, "Partition projection": "Enabling partition
// projection on a table causes Athena to ignore any partition metadata registered to the table"). Without a
// `storage.location.template` Athena looks for `<table location>/<key>=<escaped value>/`, the folders CTAS writes.
// Types follow Athena's projection types (enum, integer, date); Trino's port of the feature allows enum on varchar
// keys only, so a string key is an enum, an integer key an integer range, a date key a daily date range.
import type { Column, SqlValue } from '../../engines/engine.js';
import { MaterializeError } from './types.js';

/** Partitions Athena would look for (the product of the keys' projected values) beyond which the swap is refused. */
export const MAX_PROJECTED_PARTITIONS = 10_000;

const INTEGER_TYPES = new Set(['tinyint', 'smallint', 'integer', 'bigint']);
const DAY_MS = 86_400_000;

interface KeyProjection {
  properties: Record<string, string>;
  /** How many values Athena projects for this key. */
  count: number;
}

/**
 * The table properties that make Athena find exactly the partitions in `rows` (the distinct partition values of the
 * new data, one array per partition in `keys` order); none for an empty table (no partitions to find). A value
 * projection cannot express (NULL, a comma in an enum, a key type without a projection type) is refused, naming it.
 */
export function partitionProjection(table: string, keys: readonly Column[], rows: readonly SqlValue[][]): Record<string, string> {
  if (rows.length === 0) return {};
  const properties: Record<string, string> = { 'projection.enabled': 'true' };
  let projected = 1;
  keys.forEach((key, i) => {
    const values = rows.map((row) => row[i]);
    if (values.includes(null)) {
      throw new MaterializeError(
        `table model ${table}: partition key ${key.name} is NULL in some rows; the table is swapped in with partition projection, which cannot name a NULL partition: filter those rows out or COALESCE the key`,
      );
    }
    const projection = keyProjection(table, key, values as Exclude<SqlValue, null>[]);
    Object.assign(properties, projection.properties);
    projected *= projection.count;
  });
  if (projected > MAX_PROJECTED_PARTITIONS) {
    throw new MaterializeError(
      `table model ${table}: its partition keys (${keys.map((k) => k.name).join(', ')}) project ${projected} partitions, more than ${MAX_PROJECTED_PARTITIONS}, which Athena would each look for: partition on fewer or denser values`,
    );
  }
  return properties;
}

function keyProjection(table: string, key: Column, values: Exclude<SqlValue, null>[]): KeyProjection {
  const prefix = `projection.${key.name}`;
  if (key.type === 'varchar' || key.type.startsWith('varchar(') || key.type.startsWith('char(')) {
    const texts = [...new Set(values.map(String))].sort();
    const comma = texts.find((t) => t.includes(','));
    if (comma !== undefined) {
      throw new MaterializeError(
        `table model ${table}: partition value '${comma}' of ${key.name} has a comma, which an enum projection (a comma-separated list) cannot hold`,
      );
    }
    return { properties: { [`${prefix}.type`]: 'enum', [`${prefix}.values`]: texts.join(',') }, count: texts.length };
  }
  if (INTEGER_TYPES.has(key.type)) {
    // BigInt: a bigint key may be beyond 2^53.
    const numbers = values.map((v) => BigInt(v as number | bigint | string)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const [min, max] = [numbers[0], numbers[numbers.length - 1]];
    return { properties: { [`${prefix}.type`]: 'integer', [`${prefix}.range`]: `${min},${max}` }, count: Number(max - min + 1n) };
  }
  if (key.type === 'date') {
    const days = values.map(String).sort();
    const [min, max] = [days[0], days[days.length - 1]];
    return {
      properties: {
        [`${prefix}.type`]: 'date',
        [`${prefix}.format`]: 'yyyy-MM-dd',
        [`${prefix}.range`]: `${min},${max}`,
        [`${prefix}.interval`]: '1',
        [`${prefix}.interval.unit`]: 'DAYS',
      },
      count: (Date.parse(max) - Date.parse(min)) / DAY_MS + 1,
    };
  }
  throw new MaterializeError(
    `table model ${table}: partition key ${key.name} is ${key.type}; the table is swapped in with partition projection, which Athena has for string, integer and date keys: cast the key to one of those`,
  );
}
