// Hive column types (as written in Athena DDL and stored in Glue) ↔ DuckDB types.
import { LakeError } from '../errors.js';
import { splitTopLevel } from './type-text.js';

export type HiveType =
  | { kind: 'primitive'; name: string; params?: number[] }
  | { kind: 'array'; element: HiveType }
  | { kind: 'map'; key: HiveType; value: HiveType }
  | { kind: 'struct'; fields: { name: string; type: HiveType }[] };

const PRIMITIVES: Record<string, string> = {
  string: 'VARCHAR',
  varchar: 'VARCHAR',
  char: 'VARCHAR',
  tinyint: 'TINYINT',
  smallint: 'SMALLINT',
  int: 'INTEGER',
  integer: 'INTEGER',
  bigint: 'BIGINT',
  float: 'FLOAT',
  real: 'FLOAT',
  double: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
  binary: 'BLOB',
  decimal: 'DECIMAL',
};

export class HiveTypeError extends LakeError {
  override readonly name: string = 'HiveTypeError';
}

/** Parses `array<struct<a:int,b:string>>`, `decimal(10,2)`, `map<string,bigint>`… (case-insensitive). */
export function parseHiveType(text: string): HiveType {
  const src = text.trim();
  let i = 0;
  const skip = () => {
    while (i < src.length && /\s/.test(src[i])) i++;
  };
  const word = (): string => {
    skip();
    const m = /^[A-Za-z_][A-Za-z0-9_]*|^`[^`]+`|^"[^"]+"/.exec(src.slice(i));
    if (!m) throw new HiveTypeError(`bad type '${text}': expected a name at position ${i + 1}`);
    i += m[0].length;
    return m[0].replace(/^[`"]|[`"]$/g, '');
  };
  const expect = (c: string) => {
    skip();
    if (src[i] !== c) throw new HiveTypeError(`bad type '${text}': expected '${c}' at position ${i + 1}`);
    i++;
  };
  const peek = () => {
    skip();
    return src[i];
  };
  const parse = (): HiveType => {
    const name = word().toLowerCase();
    if (name === 'array') {
      expect('<');
      const element = parse();
      expect('>');
      return { kind: 'array', element };
    }
    if (name === 'map') {
      expect('<');
      const key = parse();
      expect(',');
      const value = parse();
      expect('>');
      return { kind: 'map', key, value };
    }
    if (name === 'struct') {
      expect('<');
      const fields: { name: string; type: HiveType }[] = [];
      while (peek() !== '>') {
        const fieldName = word().toLowerCase();
        expect(':');
        fields.push({ name: fieldName, type: parse() });
        // Hive's `name: type COMMENT 'text'` (Athena's DDL takes it; the comment is no part of the type).
        skip();
        const comment = /^COMMENT\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/i.exec(src.slice(i));
        if (comment) i += comment[0].length;
        if (peek() === ',') i++;
        else break;
      }
      expect('>');
      return { kind: 'struct', fields };
    }
    if (!(name in PRIMITIVES)) throw new HiveTypeError(`unknown Hive type '${name}' in '${text}'`);
    if (peek() === '(') {
      i++;
      const params: number[] = [];
      for (;;) {
        skip();
        const m = /^\d+/.exec(src.slice(i));
        if (!m) throw new HiveTypeError(`bad type '${text}': expected a number at position ${i + 1}`);
        params.push(Number(m[0]));
        i += m[0].length;
        if (peek() === ',') i++;
        else break;
      }
      expect(')');
      return { kind: 'primitive', name, params };
    }
    return { kind: 'primitive', name };
  };
  const type = parse();
  skip();
  if (i !== src.length) throw new HiveTypeError(`bad type '${text}': unexpected '${src.slice(i)}'`);
  return type;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export function duckDbTypeOf(type: HiveType): string {
  switch (type.kind) {
    case 'array':
      return `${duckDbTypeOf(type.element)}[]`;
    case 'map':
      return `MAP(${duckDbTypeOf(type.key)}, ${duckDbTypeOf(type.value)})`;
    case 'struct':
      return `STRUCT(${type.fields.map((f) => `${quoteIdent(f.name)} ${duckDbTypeOf(f.type)}`).join(', ')})`;
    case 'primitive':
      if (type.name === 'decimal') return `DECIMAL(${(type.params ?? [10, 0]).join(', ')})`;
      return PRIMITIVES[type.name];
  }
}

/** DuckDB type for a Hive type text: `array<string>` → `VARCHAR[]`. */
export const hiveToDuckDb = (text: string): string => duckDbTypeOf(parseHiveType(text));

/** Canonical Hive spelling, as Glue stores it: lower case, no spaces. */
export function formatHiveType(type: HiveType): string {
  switch (type.kind) {
    case 'array':
      return `array<${formatHiveType(type.element)}>`;
    case 'map':
      return `map<${formatHiveType(type.key)},${formatHiveType(type.value)}>`;
    case 'struct':
      return `struct<${type.fields.map((f) => `${f.name}:${formatHiveType(f.type)}`).join(',')}>`;
    case 'primitive': {
      const name = type.name === 'integer' ? 'int' : type.name === 'real' ? 'float' : type.name;
      return type.params ? `${name}(${type.params.join(',')})` : name;
    }
  }
}

export const normalizeHiveType = (text: string): string => formatHiveType(parseHiveType(text));

/** True for types whose values are nested (read from JSON with json_transform rather than a text cast). */
export const isNestedHiveType = (text: string): boolean => parseHiveType(text).kind !== 'primitive';

/** Trino's spelling of a Hive column type: `array<struct<a:int>>` → `array(row("a" integer))`. */
export function trinoTypeOfHive(type: HiveType): string {
  switch (type.kind) {
    case 'array':
      return `array(${trinoTypeOfHive(type.element)})`;
    case 'map':
      return `map(${trinoTypeOfHive(type.key)}, ${trinoTypeOfHive(type.value)})`;
    case 'struct':
      return `row(${type.fields.map((f) => `"${f.name.replaceAll('"', '""')}" ${trinoTypeOfHive(f.type)}`).join(', ')})`;
    case 'primitive': {
      const name = { string: 'varchar', int: 'integer', float: 'real', binary: 'varbinary', timestamp: 'timestamp(3)' }[type.name] ?? type.name;
      return type.params ? `${name}(${type.params.join(',')})` : name;
    }
  }
}

/** True for Hive string types (values are kept as text, never cast). */
export const isStringHiveType = (text: string): boolean => {
  const t = parseHiveType(text);
  return t.kind === 'primitive' && (t.name === 'string' || t.name === 'varchar' || t.name === 'char');
};

/**
 * The first column of a query whose type no Hive or Iceberg table holds, and the type to CAST it to: a zoned timestamp
 * (Athena: "Unsupported Hive type: timestamp(3) with time zone") or an ipaddress, alone or nested (Trino's Hive
 * connector: "Unsupported Hive type: ipaddress"; its Iceberg connector, Trino 476: "Type not supported for Iceberg:
 * ipaddress"), or a json value (stored as its text before, where Athena refuses the table).
 */
export function unwritableColumn<C extends { name: string; trinoType: string }>(columns: readonly C[]): { column: C; castTo: string } | undefined {
  for (const column of columns) {
    if (column.trinoType.includes('with time zone')) return { column, castTo: 'timestamp' };
    if (column.trinoType === 'ipaddress') return { column, castTo: 'varchar' };
    if (/\bipaddress\b/.test(column.trinoType)) return { column, castTo: 'a type without ipaddress (CAST each ipaddress to varchar)' };
    // Trino 476's Iceberg connector: "Type not supported for Iceberg: json" (Hive: "Unsupported Hive type: json").
    if (column.trinoType === 'json') return { column, castTo: 'varchar (json_format(j) for an object or array)' };
    if (/\bjson\b/.test(column.trinoType)) return { column, castTo: 'a type without json (json_format each json value)' };
  }
  return undefined;
}

/**
 * Hive type for a DuckDB column type as `DESCRIBE` prints it (`INTEGER`, `DECIMAL(18,3)`, `VARCHAR[]`,
 * `STRUCT(a INTEGER)`). Throws for types a Hive table cannot hold, naming the column.
 */
export function hiveTypeOfDuckDb(duckType: string, column: string): string {
  const t = duckType.trim();
  const unsupported = (what: string): never => {
    throw new HiveTypeError(
      `NOT_SUPPORTED: Unsupported Hive type: ${what} (column '${column}'). Cast the column to a supported type, e.g. CAST(${column} AS varchar)`,
    );
  };
  if (t.endsWith('[]')) return `array<${hiveTypeOfDuckDb(t.slice(0, -2), column)}>`;
  const arrayN = /^(.*)\[\d+\]$/.exec(t);
  if (arrayN) return `array<${hiveTypeOfDuckDb(arrayN[1], column)}>`;
  const upper = t.toUpperCase();
  const inner = (prefix: string) => t.slice(prefix.length, -1);
  if (upper.startsWith('MAP(')) {
    const [k, v] = splitTopLevel(inner('MAP('));
    return `map<${hiveTypeOfDuckDb(k, column)},${hiveTypeOfDuckDb(v, column)}>`;
  }
  if (upper.startsWith('STRUCT(')) {
    const fields = splitTopLevel(inner('STRUCT(')).map((f) => {
      const m = /^("(?:[^"]|"")+"|\S+)\s+(.*)$/s.exec(f.trim());
      if (!m) return unsupported(t);
      const name = m[1].startsWith('"') ? m[1].slice(1, -1).replaceAll('""', '"') : m[1];
      return `${name.toLowerCase()}:${hiveTypeOfDuckDb(m[2], column)}`;
    });
    return `struct<${fields.join(',')}>`;
  }
  const decimal = /^DECIMAL\((\d+),\s*(\d+)\)$/i.exec(t);
  if (decimal) return `decimal(${decimal[1]},${decimal[2]})`;
  switch (upper) {
    case 'VARCHAR':
      return 'string';
    case 'BOOLEAN':
      return 'boolean';
    case 'TINYINT':
      return 'tinyint';
    case 'SMALLINT':
    case 'UTINYINT':
      return 'smallint';
    case 'INTEGER':
    case 'USMALLINT':
      return 'int';
    case 'BIGINT':
    case 'UINTEGER':
    case 'UBIGINT':
    case 'HUGEINT':
    case 'UHUGEINT':
      // Trino's integer aggregates are BIGINT; DuckDB's HUGEINT would otherwise be written to Parquet as DOUBLE.
      return 'bigint';
    case 'FLOAT':
      return 'float';
    case 'DOUBLE':
      return 'double';
    case 'DATE':
      return 'date';
    case 'TIMESTAMP':
    case 'TIMESTAMP_MS':
    case 'TIMESTAMP_NS':
    case 'TIMESTAMP_S':
      return 'timestamp';
    case 'BLOB':
      return 'binary';
    case 'TIMESTAMP WITH TIME ZONE':
      return unsupported('timestamp(3) with time zone');
    case '"NULL"':
    case 'NULL':
      return unsupported('unknown');
    default:
      return unsupported(t.toLowerCase());
  }
}
