// DuckDB logical types and values → Trino type names and Athena-shaped values.
import {
  DuckDBBlobValue,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBIntervalValue,
  DuckDBListValue,
  DuckDBArrayValue,
  DuckDBMapValue,
  DuckDBStructValue,
  DuckDBTimeValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBTypeId,
  DuckDBUUIDValue,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { SqlValue } from '../engine.js';
import { valueText } from '../value-text.js';
import { civilFromDays } from '../../dialect/shims/civil-days.js';
import { IP_FIELD, ipAddressText } from '../../dialect/shims/ip-address.js';
import { javaDouble } from '../../dialect/shims/json-canonical.js';

/**
 * DuckDB's TIMESTAMPTZ drops the zone, so the local engine carries Trino's `timestamp with time zone` as a struct of
 * (instant, zone name, wall clock in that zone) — see src/dialect/shims. Recognised here by its field names.
 */
const ZONED_FIELDS = ['trino_instant', 'trino_zone', 'trino_wall'];

/** The one value of the ENUM that stands for Trino's `unknown` in a planned type. */
export const UNKNOWN_MARKER = 'trino_unknown';

const isZonedStruct = (names: readonly string[]): boolean => names.length === ZONED_FIELDS.length && names.every((n, i) => n === ZONED_FIELDS[i]);

/** timestamp(0) with time zone: the zoned struct whose wall clock is a TIMESTAMP_S. */
const isZonedSecondsStruct = (type: DuckDBType): boolean =>
  type.typeId === DuckDBTypeId.STRUCT && isZonedStruct(type.entryNames) && type.entryTypes[2]?.typeId === DuckDBTypeId.TIMESTAMP_S;

/** Trino's ipaddress is a struct of its 16 bytes locally (src/dialect/shims/ip-address.ts). */
const isIpAddressStruct = (names: readonly string[]): boolean => names.length === 1 && names[0] === IP_FIELD;

/**
 * An anonymous row field: DuckDB's own (an empty name, which its client merges when a row has several), or the
 * reserved name `trino_field_<i>` that the shims give the fields of the anonymous rows they build (zip), so that a
 * row of several unnamed fields keeps them all.
 */
const isAnonymousField = (name: string): boolean => name === '' || /^trino_field_\d+$/.test(name);

/** Trino names anonymous row fields field0, field1, … */
const rowFieldName = (name: string, index: number): string => (isAnonymousField(name) ? `field${index}` : name);

/** Trino type name for a DuckDB type, as Athena engine v3 reports it. */
export function trinoTypeName(type: DuckDBType): string {
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return 'boolean';
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.UTINYINT:
      return 'tinyint';
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.USMALLINT:
      return 'smallint';
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UINTEGER:
      return 'integer';
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
      return 'bigint';
    case DuckDBTypeId.FLOAT:
      return 'real';
    case DuckDBTypeId.DOUBLE:
      return 'double';
    case DuckDBTypeId.DECIMAL:
      return `decimal(${type.width},${type.scale})`;
    case DuckDBTypeId.VARCHAR:
      return type.alias === 'JSON' ? 'json' : 'varchar';
    case DuckDBTypeId.BLOB:
      return 'varbinary';
    case DuckDBTypeId.DATE:
      return 'date';
    case DuckDBTypeId.TIME:
      return 'time(3)';
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
    case DuckDBTypeId.TIMESTAMP_S:
      return 'timestamp(3)';
    case DuckDBTypeId.TIMESTAMP_TZ:
      return 'timestamp(3) with time zone';
    case DuckDBTypeId.INTERVAL:
      return 'interval day to second';
    case DuckDBTypeId.UUID:
      return 'uuid';
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY:
      return `array(${trinoTypeName(type.valueType)})`;
    case DuckDBTypeId.MAP:
      return `map(${trinoTypeName(type.keyType)}, ${trinoTypeName(type.valueType)})`;
    case DuckDBTypeId.STRUCT:
      if (isZonedStruct(type.entryNames)) return 'timestamp(3) with time zone';
      if (isIpAddressStruct(type.entryNames)) return 'ipaddress';
      if (type.entryNames.every(isAnonymousField)) return `row(${type.entryTypes.map(trinoTypeName).join(', ')})`;
      return `row(${type.entryNames.map((n, i) => `${n} ${trinoTypeName(type.entryTypes[i])}`).join(', ')})`;
    case DuckDBTypeId.SQLNULL:
      return 'unknown';
    case DuckDBTypeId.ENUM:
      // The marker of a NULL type (trino_unknown_marked, src/engines/local/unknown-types.ts).
      return type.values.length === 1 && type.values[0] === UNKNOWN_MARKER ? 'unknown' : type.toString().toLowerCase();
    default:
      return type.toString().toLowerCase();
  }
}

const pad = (n: number | bigint, width = 2) => String(n).padStart(width, '0');
const MICROS_PER_DAY = 86_400_000_000n;

/** Java's ISO year (LocalDate.toString, as Trino prints a date): -0075 is 76 BC, a year past 9999 has a `+` sign. */
const isoYear = (year: number) => (year > 9999 ? `+${year}` : year < 0 ? `-${pad(-year, 4)}` : pad(year, 4));

/**
 * Java's LocalDate text of a day number (days since 1970-01-01), from integers (civil-days.ts): JavaScript's Date stops at
 * ±100,000,000 days (years ±275,760), where DuckDB's dates and Trino's go on (`date_add('day', 100000000, DATE
 * '2025-03-10')` is +275815-11-22 in Trino 476; Date printed 0NaN-NaN-NaN).
 */
function formatDate(days: number): string {
  const [year, month, day] = civilFromDays(days);
  return `${isoYear(year)}-${pad(month)}-${pad(day)}`;
}

/** `YYYY-MM-DD HH:MM:SS.fff` from microseconds since the epoch, truncated to Athena's millisecond precision. */
export function formatTimestampMicros(micros: bigint): string {
  let days = micros / MICROS_PER_DAY;
  let rest = micros % MICROS_PER_DAY;
  if (rest < 0n) {
    rest += MICROS_PER_DAY;
    days -= 1n;
  }
  const ms = rest / 1000n;
  const h = ms / 3_600_000n;
  const m = (ms / 60_000n) % 60n;
  const s = (ms / 1000n) % 60n;
  return `${formatDate(Number(days))} ${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000n, 3)}`;
}

function formatTime(micros: bigint): string {
  return formatTimestampMicros(micros).slice(11);
}

function formatDecimal(v: DuckDBDecimalValue): string {
  const negative = v.value < 0n;
  const digits = (negative ? -v.value : v.value).toString().padStart(v.scale + 1, '0');
  const intPart = digits.slice(0, digits.length - v.scale);
  const frac = v.scale > 0 ? `.${digits.slice(digits.length - v.scale)}` : '';
  return `${negative ? '-' : ''}${intPart}${frac}`;
}

/** Java's Double.toString / Float.toString of a value already at its shortest digits (shortestReal for a REAL). */
function javaFloatingText(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  return javaDouble(v);
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * A REAL as Trino prints it (Java's Float.toString): the shortest decimal that reads back as the same float, so
 * REAL '12345.67' is 12345.67, not the double 12345.669921875 that the float widens to. Java writes two digits at
 * least, the nearer ones: the least subnormal is 1.4E-45 there, where one digit (1e-45) would read back too.
 */
export function shortestReal(v: number): number {
  if (!Number.isFinite(v)) return v;
  for (let digits = 2; digits < 9; digits++) {
    const candidate = Number(v.toPrecision(digits));
    if (Math.fround(candidate) === v) return candidate;
  }
  return Number(v.toPrecision(9));
}

const MS_PER_DAY = 86_400_000n;

/**
 * Trino's text of an interval day to second: the sign of the whole, the days, the time of day to the millisecond
 * (`1 12:00:00.000` for 36 hours, `0 23:00:00.000` for a day less an hour: DuckDB keeps days and time apart).
 */
function dayToSecondText(value: DuckDBIntervalValue): string {
  const total = (BigInt(value.months) * 30n + BigInt(value.days)) * MS_PER_DAY + value.micros / 1000n;
  const abs = total < 0n ? -total : total;
  const time = abs % MS_PER_DAY;
  const hms = `${pad(time / 3_600_000n)}:${pad((time / 60_000n) % 60n)}:${pad((time / 1000n) % 60n)}.${pad(time % 1000n, 3)}`;
  return `${total < 0n ? '-' : ''}${abs / MS_PER_DAY} ${hms}`;
}

/** Converts one DuckDB value of column type `type` to the shape Athena shows (see SqlValue). */
export function toSqlValue(value: DuckDBValue, type?: DuckDBType): SqlValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' && type?.typeId === DuckDBTypeId.FLOAT) return shortestReal(value);
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return value <= MAX_SAFE && value >= -MAX_SAFE ? Number(value) : value;
  if (value instanceof DuckDBDecimalValue) return formatDecimal(value);
  if (value instanceof DuckDBDateValue) return formatDate(value.days);
  if (value instanceof DuckDBTimestampTZValue) return `${formatTimestampMicros(value.micros)} UTC`;
  if (value instanceof DuckDBTimestampValue) return formatTimestampMicros(value.micros);
  if (value instanceof DuckDBTimestampMillisecondsValue) return formatTimestampMicros(value.millis * 1000n);
  if (value instanceof DuckDBTimestampSecondsValue) return formatTimestampMicros(value.seconds * 1_000_000n);
  if (value instanceof DuckDBTimestampNanosecondsValue) return formatTimestampMicros(value.nanos / 1000n);
  if (value instanceof DuckDBTimeValue) return formatTime(value.micros);
  if (value instanceof DuckDBListValue || value instanceof DuckDBArrayValue) {
    const itemType = type?.typeId === DuckDBTypeId.LIST || type?.typeId === DuckDBTypeId.ARRAY ? type.valueType : undefined;
    return value.items.map((item) => toSqlValue(item, itemType));
  }
  if (value instanceof DuckDBMapValue) {
    const [keyType, valueType] = type?.typeId === DuckDBTypeId.MAP ? [type.keyType, type.valueType] : [];
    // A JSON object key is text: an array or row key is written as Trino prints it (`[1, 2]`, `{a=1}`), so distinct
    // keys stay distinct entries.
    const out: { [key: string]: SqlValue } = {};
    // A double or real key is written as Java does (Trino's client and Athena: `{1.0=…}`, not `{1=…}`).
    const floating = keyType?.typeId === DuckDBTypeId.DOUBLE || keyType?.typeId === DuckDBTypeId.FLOAT;
    // A timestamp(0) key (DuckDB's TIMESTAMP_S) is written as Trino's text of it, without a fraction: Trino's client
    // sends a map's keys as that text, where the milliseconds of a timestamp value are only the contract's shape.
    // So is a timestamp(0) with time zone key (its wall clock a TIMESTAMP_S): `2025-03-10 10:00:00 UTC`.
    const seconds = keyType?.typeId === DuckDBTypeId.TIMESTAMP_S || (keyType !== undefined && isZonedSecondsStruct(keyType));
    for (const { key, value: v } of value.entries) {
      const k = toSqlValue(key, keyType);
      const text = floating && typeof k === 'number' ? javaFloatingText(k) : valueText(k);
      out[seconds ? text.replace(/\.000(?=$| )/, '') : text] = toSqlValue(v, valueType);
    }
    return out;
  }
  if (value instanceof DuckDBStructValue) {
    const entries = Object.entries(value.entries);
    if (isZonedStruct(entries.map(([k]) => k))) {
      const [, zone, wall] = entries.map(([, v]) => v);
      if (wall instanceof DuckDBTimestampValue && typeof zone === 'string') return `${formatTimestampMicros(wall.micros)} ${zone}`;
      // timestamp(0) with time zone: shown with milliseconds, as every zoned column (the contract's shape).
      if (wall instanceof DuckDBTimestampSecondsValue && typeof zone === 'string') return `${formatTimestampMicros(wall.seconds * 1_000_000n)} ${zone}`;
      if (wall === null) return null;
    }
    if (isIpAddressStruct(entries.map(([k]) => k))) {
      const [[, bytes]] = entries;
      return bytes instanceof DuckDBBlobValue ? ipAddressText(bytes.bytes) : null;
    }
    const fieldTypes = type?.typeId === DuckDBTypeId.STRUCT ? type.entryTypes : [];
    const out: { [key: string]: SqlValue } = {};
    entries.forEach(([k, v], i) => (out[rowFieldName(k, i)] = toSqlValue(v, fieldTypes[i])));
    return out;
  }
  if (value instanceof DuckDBBlobValue) return Buffer.from(value.bytes).toString('hex');
  if (value instanceof DuckDBUUIDValue) return value.toString();
  if (value instanceof DuckDBIntervalValue) return dayToSecondText(value);
  return String(value);
}
