// Trino type syntax → DuckDB type syntax: ARRAY(T) → T[], ROW(a T) → STRUCT(a T), MAP(K, V), VARBINARY → BLOB,
// TIMESTAMP(p) WITH TIME ZONE → the zoned-timestamp struct the shims use.
import { identifierName } from '../tokens.js';
import { IP_STRUCT } from '../shims/ip-address.js';
import { TZ0_STRUCT, TZ_STRUCT } from '../shims/macros.js';
import { isParen, meaningful, nodeKeyword, nodeText, splitArgs, type Node } from './tree.js';

/**
 * Trino 476, the engine Athena v3 follows, has no IPPREFIX type ("Unknown type: IPPREFIX"; only Presto has it):
 * https://trino.io/docs/current/language/types.html#ipaddress is the one network type.
 */
export const IPPREFIX_REFUSED = 'IPPREFIX is not a type of Trino 476 or Athena engine v3 (Presto only): Athena fails with "Unknown type: IPPREFIX"';
export const IPPREFIX_INSTEAD = "keep the network as varchar CIDR text and test addresses with contains('10.0.0.0/8', ip)";

export class TypeSyntaxError extends Error {
  /** What to write instead, when the type has a portable alternative. */
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/**
 * Hive's names for types, which Athena takes in DDL (src/dialect/hive-types.ts) but not in a query: Trino 476 fails
 * `CAST(1 AS STRING)` with "Unknown type: STRING" (DuckDB knows them all).
 */
const HIVE_ONLY: Record<string, string> = { STRING: 'varchar', FLOAT: 'real', BINARY: 'varbinary' };

const SIMPLE: Record<string, string> = {
  BOOLEAN: 'BOOLEAN',
  TINYINT: 'TINYINT',
  SMALLINT: 'SMALLINT',
  INT: 'INTEGER',
  INTEGER: 'INTEGER',
  BIGINT: 'BIGINT',
  REAL: 'FLOAT',
  DOUBLE: 'DOUBLE',
  VARCHAR: 'VARCHAR',
  CHAR: 'VARCHAR',
  VARBINARY: 'BLOB',
  DATE: 'DATE',
  TIME: 'TIME',
  JSON: 'JSON',
  UUID: 'UUID',
};

export interface TranslatedType {
  sql: string;
  /** Upper-cased base name: VARCHAR, TIMESTAMP, ARRAY, ... */
  base: string;
  withTimeZone: boolean;
  /** VARCHAR(n) length. */
  length?: number;
  /** TIMESTAMP(p) fraction digits: 0 or 3 (the default, also of a bare TIMESTAMP). */
  precision?: number;
}

/**
 * TIMESTAMP(p) / TIME(p) (https://trino.io/docs/current/language/types.html#timestamp-p): the local engine carries
 * timestamp(3), Trino's default (DuckDB's TIMESTAMP, shown with milliseconds), and timestamp(0) (DuckDB's TIMESTAMP_S,
 * shown without a fraction), and timestamp(0) with time zone, at the top of a CAST, where the translator rounds half up
 * as Trino does. Any other
 * precision, time(p) other than 3, and timestamp(0) inside an array, map or row (DuckDB's own cast would round half away
 * from zero) would report another type or other digits: refused.
 */
function timestampPrecision(base: string, params: Node | undefined, secondsHere: boolean): number {
  if (!params) return 3;
  const precision = nodeText(params).slice(1, -1).trim();
  if (precision === '3' || (precision === '0' && base === 'TIMESTAMP' && secondsHere)) return Number(precision);
  const kept = base === 'TIMESTAMP' ? `${base}(0) and ${base}(3)` : `${base} with millisecond precision (${base}(3))`;
  const where = precision !== '0' || base !== 'TIMESTAMP' ? '' : ' (TIMESTAMP(0) only as the type of a CAST, not inside an array, map or row)';
  throw new TypeSyntaxError(`${base}(${precision}) is not supported locally: the local engine keeps ${kept}${where}`, `write ${base}(3) or ${base}`);
}

/** `topLevel`: the type of the CAST itself, not of an array element, map key or value, or row field. */
export function translateType(items: readonly Node[], topLevel = false): TranslatedType {
  const m = meaningful(items);
  const base = nodeKeyword(m[0]);
  const params = isParen(m[1]) ? m[1] : undefined;
  const rest = m.slice(params ? 2 : 1).map(nodeKeyword);
  if (!base) throw new TypeSyntaxError(`not a type: ${items.map(nodeText).join('').trim()}`);
  const args = params ? splitArgs(params.items) : [];
  // `row<a integer>`, `struct<…>` or a bare `array`: Trino 476's SYNTAX_ERROR (its array<T> and map<K, V> reach here
  // written array(T) and map(K, V), type-context.ts); DuckDB would have read an empty STRUCT().
  if (!params && (base === 'ARRAY' || base === 'MAP' || base === 'ROW')) throw new TypeSyntaxError(`not a type: ${items.map(nodeText).join('').trim()}`);
  switch (base) {
    case 'ARRAY':
      return { sql: `${translateType(args[0] ?? []).sql}[]`, base, withTimeZone: false };
    case 'MAP':
      return { sql: `MAP(${translateType(args[0] ?? []).sql}, ${translateType(args[1] ?? []).sql})`, base, withTimeZone: false };
    case 'ROW': {
      const fields = args.map((arg) => {
        const [name, ...type] = meaningful(arg);
        // row(double, boolean): Trino's fields without names (field0, field1 in its client). DuckDB's structs need
        // names, and a named stand-in would report another type: refused with a message that says so.
        if (name === undefined || type.length === 0 || isParen(type[0]) || ['WITH', 'PRECISION'].includes(nodeKeyword(type[0])))
          throw new TypeSyntaxError(
            `a row type with unnamed fields (ROW(${args.map((a) => a.map(nodeText).join('').trim()).join(', ')})) is not supported locally: the local engine's rows need field names`,
            'name the fields: ROW(a double, b boolean)',
          );
        // Trino folds an unquoted field name to lower case (row(ABC bigint) has the field abc); DuckDB kept ABC.
        const field = name.kind === 'token' && name.token.kind === 'word' ? nodeText(name).toLowerCase() : nodeText(name);
        return `${field} ${translateType(type).sql}`;
      });
      // row(a integer, a integer): Trino 476 keeps both fields (CAST(ROW(1, 2) AS ROW(a integer, a integer)).* is the
      // columns a, a: 1, 2); a DuckDB struct cannot hold one name twice ("Duplicate struct entry name", which read as
      // the star-over-join refusal). Refused with a message that says so.
      const seen = new Set<string>();
      for (const arg of args) {
        const name = meaningful(arg)[0];
        const key = name.kind === 'token' ? identifierName(name.token).toLowerCase() : nodeText(name).toLowerCase();
        if (seen.has(key))
          throw new TypeSyntaxError(
            `a row type with two fields named ${key} is not supported locally: the local engine's rows need distinct field names`,
            'name the fields apart: ROW(a integer, a2 integer)',
          );
        seen.add(key);
      }
      return { sql: `STRUCT(${fields.join(', ')})`, base, withTimeZone: false };
    }
    case 'DECIMAL':
    case 'NUMERIC':
      // Trino's bare DECIMAL is decimal(38,0); DuckDB's would be (18,3).
      return { sql: params ? `DECIMAL${nodeText(params)}` : 'DECIMAL(38, 0)', base: 'DECIMAL', withTimeZone: false };
    case 'TIMESTAMP': {
      const withTimeZone = rest.join(' ') === 'WITH TIME ZONE';
      // timestamp(0) with time zone is the zoned struct with a TIMESTAMP_S wall clock (src/dialect/shims/macros.ts).
      const precision = timestampPrecision(base, params, topLevel);
      const zonedSql = precision === 0 ? TZ0_STRUCT : TZ_STRUCT;
      return { sql: withTimeZone ? zonedSql : precision === 0 ? 'TIMESTAMP_S' : 'TIMESTAMP', base, withTimeZone, precision };
    }
    case 'TIME':
      // Trino 476: CAST(TIMESTAMP '2025-03-10 10:00:00 +05:30' AS time with time zone) is 10:00:00.000+05:30, typed
      // time(3) with time zone; DuckDB's TIME dropped the zone (hunt37). As a TIME literal with a zone: refused.
      if (rest.join(' ') === 'WITH TIME ZONE')
        throw new TypeSyntaxError(
          'time with time zone is not supported locally: the local engine has no zoned time of day (it would drop the zone)',
          'CAST to timestamp with time zone, or to time',
        );
      timestampPrecision(base, params, false);
      return { sql: 'TIME', base, withTimeZone: false };
    case 'CHAR':
      // https://trino.io/docs/current/language/types.html#char: "A CHAR(x) value always has x characters" (padded
      // with spaces, compared with the padding); locally there is only VARCHAR.
      throw new TypeSyntaxError('CHAR(n) is not supported locally: Trino pads the value to n characters and compares it with the padding');
    case 'DOUBLE':
      return { sql: 'DOUBLE', base, withTimeZone: false }; // also DOUBLE PRECISION
    case 'IPADDRESS':
      return { sql: IP_STRUCT, base, withTimeZone: false };
    case 'IPPREFIX':
      throw new TypeSyntaxError(IPPREFIX_REFUSED, IPPREFIX_INSTEAD);
  }
  if (HIVE_ONLY[base])
    throw new TypeSyntaxError(`${base} is Hive's type name (DDL only): Athena fails with "Unknown type: ${base}" in a query`, `write ${HIVE_ONLY[base]}`);
  const simple = SIMPLE[base];
  if (!simple) throw new TypeSyntaxError(`type ${base} has no local equivalent`);
  const length = params && base === 'VARCHAR' ? Number(nodeText(params).slice(1, -1)) : undefined;
  return { sql: simple, base: simple === 'VARCHAR' ? 'VARCHAR' : base, withTimeZone: false, length };
}

/** Type names that introduce a typed literal (`DATE '2025-01-01'`, `DECIMAL '1.5'`, `JSON '{}'`). */
export const TYPED_LITERAL_KEYWORDS: ReadonlySet<string> = new Set([
  'TIMESTAMP',
  'DATE',
  'TIME',
  'INTERVAL',
  'DECIMAL',
  'NUMERIC',
  'DOUBLE',
  'REAL',
  'JSON',
  'BIGINT',
  'INTEGER',
  'VARCHAR',
  'CHAR',
  'TINYINT',
  'SMALLINT',
  'BOOLEAN',
]);
