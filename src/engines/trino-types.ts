// Trino types → the names and value shapes of the Engine contract, shared by every engine that talks to Trino itself
// (Athena through its API, a Trino cluster through the client protocol) so their answers cannot drift apart.
// The local engine reaches the same names from DuckDB types (src/engines/duckdb/types.ts).

/** A Trino type as a tree: what the client protocol's typeSignature carries, or what Athena's ColumnInfo names. */
export type TrinoType =
  | { kind: 'scalar'; name: string; params?: number[] }
  | { kind: 'array'; element: TrinoType }
  | { kind: 'map'; key: TrinoType; value: TrinoType }
  | { kind: 'row'; fields: { name?: string; type: TrinoType }[] };

/** Hive spellings Athena uses in DDL-ish results; Trino's names are the contract. */
const TYPE_ALIASES: Record<string, string> = {
  int: 'integer',
  float: 'real',
  string: 'varchar',
  binary: 'varbinary',
  struct: 'row',
};

export const scalarName = (raw: string): string => {
  const name = raw.trim().toLowerCase();
  return TYPE_ALIASES[name] ?? name;
};

/**
 * The contract's name of a Trino type (Column.type). Timestamps and times are `(3)` because Athena shows them, and
 * SqlValue carries them, with millisecond precision; varchar drops its length as Athena's column metadata does.
 */
export function trinoTypeName(type: TrinoType): string {
  switch (type.kind) {
    case 'array':
      return `array(${trinoTypeName(type.element)})`;
    case 'map':
      return `map(${trinoTypeName(type.key)}, ${trinoTypeName(type.value)})`;
    case 'row':
      return `row(${type.fields.map((f) => (f.name === undefined ? trinoTypeName(f.type) : `${f.name} ${trinoTypeName(f.type)}`)).join(', ')})`;
    case 'scalar':
      return scalarTypeName(type.name, type.params);
  }
}

function scalarTypeName(raw: string, params: number[] = []): string {
  const name = scalarName(raw);
  switch (name) {
    case 'decimal':
      return `decimal(${params[0] ?? 38},${params[1] ?? 0})`;
    case 'char':
      return params.length > 0 ? `char(${params[0]})` : 'char';
    case 'varchar':
      return 'varchar';
    case 'timestamp':
    case 'time':
      return `${name}(3)`;
    case 'timestamp with time zone':
    case 'time with time zone':
      return name.replace(' with', '(3) with');
    default:
      return params.length > 0 ? `${name}(${params.join(',')})` : name;
  }
}

/** The outermost type name: `array(integer)` → `array`, `decimal(10,2)` → `decimal`. */
export const baseType = (type: string): string => type.replace(/\(.*$/s, '').trim();

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
export const INTEGER_TEXT = /^-?\d+$/;

/** An integer as a number, or a bigint beyond 2^53 (the contract's BIGINT shape). */
export function parseInteger(text: string): number | bigint {
  const value = BigInt(text);
  return value <= MAX_SAFE && value >= -MAX_SAFE ? Number(value) : value;
}

/** `…HH:MM:SS[.f…][ zone]` with the fraction padded or truncated to milliseconds, as the local engine shows it. */
export function normalizeTimeFraction(text: string): string {
  return text.replace(/(\d{2}:\d{2}:\d{2})(?:\.(\d+))?/, (_match, hms: string, fraction: string | undefined) => {
    return `${hms}.${(fraction ?? '').padEnd(3, '0').slice(0, 3)}`;
  });
}
