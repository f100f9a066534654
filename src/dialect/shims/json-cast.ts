// CAST(json AS t) as Trino 476's JsonUtil reads each JSON token for the target (https://trino.io/docs/current/functions/json.html#cast-from-json:
// "Casting from JSON to … is supported", a number to varchar is the double's text). The JSON text is rewritten so that
// DuckDB's own cast to the same type reads what Trino reads: a fraction or exponent read for varchar is Trino's double
// text (`1.5E0`), for an integer type the double rounded half away from zero (2.5 → 3), for a decimal its exact digits
// rounded half up (1.005 → 1.01, not through a double); a string read as a boolean, number or integer must be one
// Trino reads. Each rule is a case of tests/dialect/functions/json-casts.test.ts, asked of Trino 476.
import { BOOLEAN, VARCHAR, type DuckDBScalarFunction } from '@duckdb/node-api';
import { splitTopLevel } from '../type-text.js';
import { javaDouble, trinoDoubleText } from './json-canonical.js';
import { copiedJson } from './json-functions.js';
import { isFloatText, type JsonValue, readWholeJson } from './json-reader.js';
import { udf } from './scalar-udf.js';

type IntegerName = 'tinyint' | 'smallint' | 'integer' | 'bigint';

/** A Trino type as the cast needs it; a type whose JSON DuckDB reads as Trino does is `asIs`. */
type Target =
  | { kind: 'array'; element: Target }
  | { kind: 'map'; key: Target; value: Target }
  | { kind: 'row'; fields: { name: string | undefined; type: Target }[] }
  | { kind: 'integer'; name: IntegerName }
  | { kind: 'decimal'; precision: number; scale: number }
  | { kind: 'varchar'; length?: number }
  | { kind: 'boolean' | 'double' | 'real' | 'json' | 'asIs' };

const INTEGER_RANGES: Record<IntegerName, [number, number]> = {
  tinyint: [-128, 127],
  smallint: [-32768, 32767],
  integer: [-2147483648, 2147483647],
  bigint: [-(2 ** 63), 2 ** 63 - 1],
};

/** A Trino type text as the CAST wrote it (`array(decimal(5,2))`, `row(a integer, "b c" varchar)`). */
export function parseTarget(text: string): Target {
  const m = /^([a-z_]+)\s*(?:\((.*)\))?$/is.exec(text.trim());
  if (!m) return { kind: 'asIs' };
  const base = m[1].toLowerCase();
  const inner = m[2] === undefined ? [] : splitTopLevel(m[2]);
  if (base === 'array' && inner.length === 1) return { kind: 'array', element: parseTarget(inner[0]) };
  if (base === 'map' && inner.length === 2) return { kind: 'map', key: parseTarget(inner[0]), value: parseTarget(inner[1]) };
  if (base === 'row')
    return {
      kind: 'row',
      fields: inner.map((field) => {
        const named = /^("(?:[^"]|"")*"|[\p{L}_][\p{L}\p{Nd}_]*)\s+(.+)$/su.exec(field);
        if (!named) return { name: undefined, type: parseTarget(field) };
        const name = named[1].startsWith('"') ? named[1].slice(1, -1).replace(/""/g, '"') : named[1].toLowerCase();
        return { name, type: parseTarget(named[2]) };
      }),
    };
  if (base === 'decimal') return { kind: 'decimal', precision: Number(inner[0] ?? 38), scale: Number(inner[1] ?? 0) };
  if (base === 'int') return { kind: 'integer', name: 'integer' };
  if (base in INTEGER_RANGES) return { kind: 'integer', name: base as IntegerName };
  if (base === 'varchar') return inner.length === 1 ? { kind: 'varchar', length: Number(inner[0]) } : { kind: 'varchar' };
  if (base === 'boolean' || base === 'double' || base === 'real' || base === 'json') return { kind: base };
  return { kind: 'asIs' };
}

/** The types Trino 476 casts json to (JsonUtil.canCastFromJson), and array, map and row of them. */
const JSON_READABLE = new Set(['boolean', 'tinyint', 'smallint', 'integer', 'int', 'bigint', 'real', 'double', 'decimal', 'varchar', 'json']);

/**
 * The first type in a CAST target text (`array(date)`, `row(a varbinary)`) that Trino 476 does not cast json to
 * ("Cannot cast json to array(date)", TYPE_MISMATCH, while analysing the query); undefined when every part is
 * readable. DuckDB read such text as its own cast does (a date, a blob of the string's bytes). A map's key type is
 * checked only when `keys`: a map keyed by dates passes Trino's analysis and fails per row (INVALID_CAST_ARGUMENT).
 */
export function jsonUnreadablePart(text: string, keys = true): string | undefined {
  const m = /^([a-z_]+)\s*(?:\((.*)\))?(.*)$/is.exec(text.trim());
  if (!m) return text.trim();
  const base = m[1].toLowerCase();
  const inner = m[2] === undefined ? [] : splitTopLevel(m[2]);
  const read = (part: string) => jsonUnreadablePart(part, keys);
  if (base === 'array' || (base === 'map' && keys)) return inner.map(read).find((part) => part !== undefined);
  if (base === 'map')
    return inner
      .slice(1)
      .map(read)
      .find((part) => part !== undefined);
  if (base === 'row')
    return inner
      .map((field) => read(/^("(?:[^"]|"")*"|[\p{L}_][\p{L}\p{Nd}_]*)\s+([a-z_]+\s*(?:\(.*\))?)$/isu.exec(field.trim())?.[2] ?? field))
      .find((part) => part !== undefined);
  return JSON_READABLE.has(base) && m[3].trim() === '' ? undefined : text.trim();
}

/** A JSON null inside a value cast to an array, map or row of json (see convert); no text holds it. */
export const JSON_NULL_MARK = '\uE000trino_json_null';

const INTEGER_TEXT = /^[\u0000-\u0020]*[+-]?[0-9]+[\u0000-\u0020]*$/;
const BOOLEAN_TEXT = /^(true|false|t|f|1|0)$/i;
/** What Java's Double.parseDouble rejects and DuckDB reads: inf, infinity, nan in other cases; digit separators. */
const NOT_JAVA_DOUBLE = (s: string) => s.includes('_') || (/^\s*[+-]?(inf|infinity|nan)\s*$/i.test(s) && !/^\s*[+-]?(Infinity|NaN)\s*$/.test(s));
const INTEGER_CAST_NAME: Record<IntegerName, string> = { tinyint: 'TINYINT', smallint: 'SMALLINT', integer: 'INT', bigint: 'BIGINT' };

class CastError extends Error {}

const fitsLong = (integerText: string): boolean => BigInt(integerText) >= -(2n ** 63n) && BigInt(integerText) < 2n ** 63n;

/** Java's BigDecimal of a text with its scale set half up, as text; fails past the precision or on what BigDecimal cannot read. */
function decimalText(text: string, precision: number, scale: number): string {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new CastError(`Cannot cast '${text}' to DECIMAL(${precision}, ${scale})`);
  const digits = `${m[2]}${m[3] ?? ''}`;
  // value = digits × 10^(exponent − fraction digits); shifted to `scale` fraction digits.
  const shift = Number(m[4] ?? 0) - (m[3] ?? '').length + scale;
  let unscaled = BigInt(digits || '0');
  if (shift >= 0) unscaled *= 10n ** BigInt(shift);
  else {
    const divisor = 10n ** BigInt(-shift);
    const rest = unscaled % divisor;
    unscaled /= divisor;
    if (rest * 2n >= divisor) unscaled += 1n;
  }
  if (unscaled.toString().length > precision) throw new CastError(`Cannot cast input json to DECIMAL(${precision},${scale})`);
  const abs = unscaled.toString().padStart(scale + 1, '0');
  const negative = m[1] === '-' && unscaled !== 0n;
  return `${negative ? '-' : ''}${scale === 0 ? abs : `${abs.slice(0, -scale)}.${abs.slice(-scale)}`}`;
}

function roundedInteger(d: number, name: IntegerName, nested: boolean): JsonValue {
  const rounded = Math.sign(d) * Math.round(Math.abs(d));
  const [min, max] = INTEGER_RANGES[name];
  if (!(rounded >= min && rounded < max + 1)) {
    const text = javaDouble(d);
    throw new CastError(
      nested ? `Out of range for ${name}: ${text}` : name === 'bigint' ? `Unable to cast ${text} to bigint` : `Cannot cast '${text}' to integer`,
    );
  }
  return { kind: 'number', text: BigInt(rounded).toString() };
}

function convert(v: JsonValue, target: Target, nested: boolean): JsonValue {
  switch (target.kind) {
    case 'varchar': {
      if (v.kind === 'array' || v.kind === 'object') {
        const token = v.kind === 'array' ? '[' : '{';
        throw new CastError(nested ? `Unexpected token when cast to varchar: ${token}` : `Cannot cast '${copiedJson(v)}' to varchar`);
      }
      const read: JsonValue = v.kind === 'number' && isFloatText(v.text) ? { kind: 'string', value: trinoDoubleText(Number(v.text)) } : v;
      // A text longer than varchar(n) fails in Trino (DuckDB's cast inside an array, map or row cut it to n).
      const text = read.kind === 'string' ? read.value : read.kind === 'number' ? read.text : read.kind === 'word' && read.word !== 'null' ? read.word : '';
      if (target.length !== undefined && [...text].length > target.length) throw new Error(`Character count exceeds length limit ${target.length}: ${text}`);
      return read;
    }
    case 'integer':
      if (v.kind === 'number' && isFloatText(v.text)) return roundedInteger(Number(v.text), target.name, nested);
      if (v.kind !== 'string') return v;
      if (!INTEGER_TEXT.test(v.value)) throw new CastError(`Cannot cast '${v.value}' to ${INTEGER_CAST_NAME[target.name]}`);
      return { kind: 'number', text: BigInt(v.value.trim()).toString() };
    case 'decimal':
      if (v.kind === 'number' || v.kind === 'string')
        return { kind: 'string', value: decimalText(v.kind === 'number' ? v.text : v.value, target.precision, target.scale) };
      return v;
    case 'boolean':
      if (v.kind === 'string' && !BOOLEAN_TEXT.test(v.value)) throw new CastError(`Cannot cast '${v.value}' to BOOLEAN`);
      // Trino reads an integer as a long (getLongValue): a larger one fails.
      if (v.kind === 'number' && !isFloatText(v.text) && !fitsLong(v.text)) throw new CastError(`Cannot cast '${v.text}' to boolean`);
      return v;
    case 'double':
    case 'real':
      if (v.kind === 'string' && NOT_JAVA_DOUBLE(v.value)) throw new CastError(`Cannot cast '${v.value}' to ${target.kind.toUpperCase()}`);
      // A number past a real's range is Infinity in Trino (Float.parseFloat); DuckDB fails.
      if (target.kind === 'real' && v.kind === 'number' && !Number.isFinite(Math.fround(Number(v.text))))
        return { kind: 'string', value: Number(v.text) > 0 ? 'Infinity' : '-Infinity' };
      return v;
    case 'json':
      // Trino keeps a JSON null inside an array, map or row cast to json as the JSON `null`; DuckDB's cast would make
      // it an SQL NULL (as it makes a missing row field). It travels as a marked string that trino_cast_json turns
      // back into `null`.
      return nested && v.kind === 'word' && v.word === 'null' ? { kind: 'string', value: JSON_NULL_MARK } : v;
    case 'array':
      return v.kind === 'array' ? { kind: 'array', items: v.items.map((item) => convert(item, target.element, true)) } : v;
    case 'map':
      if (v.kind !== 'object') return v;
      if (new Set(v.entries.map(([key]) => key)).size < v.entries.length) throw new CastError('Duplicate map keys are not allowed');
      if (target.key.kind === 'varchar') for (const [key] of v.entries) convert({ kind: 'string', value: key }, target.key, true);
      return { kind: 'object', entries: v.entries.map(([key, value]) => [key, convert(value, target.value, true)]) };
    case 'row':
      return rowOf(v, target.fields);
    default:
      return v;
  }
}

/** A row reads an object's keys without regard to case, and an array by position (Trino's JSON row cast). */
function rowOf(v: JsonValue, fields: { name: string | undefined; type: Target }[]): JsonValue {
  if (fields.some((f) => f.name === undefined)) return v;
  if (v.kind === 'array' && v.items.length === fields.length)
    return { kind: 'object', entries: v.items.map((item, k) => [fields[k].name as string, convert(item, fields[k].type, true)]) };
  if (v.kind !== 'object') return v;
  const byName = new Map(fields.map((f) => [(f.name as string).toLowerCase(), f]));
  // A key no field names is left out, as in Trino (DuckDB would fail on it).
  const entries: [string, JsonValue][] = [];
  for (const [key, value] of v.entries) {
    const field = byName.get(key.toLowerCase());
    if (!field) continue;
    // A key read twice (in any case) fails, as in Trino (CAST(json_parse('{"a":1,"a":2}') AS ROW(a integer))).
    if (entries.some(([name]) => name === field.name)) throw new CastError(`Duplicate field: ${field.name}`);
    entries.push([field.name as string, convert(value, field.type, true)]);
  }
  // A field no key names is NULL (DuckDB would fail without the key).
  for (const field of fields) if (!entries.some(([key]) => key === field.name)) entries.push([field.name as string, { kind: 'word', word: 'null' }]);
  return { kind: 'object', entries };
}

const targetCache = new Map<string, Target>();

/**
 * The JSON text DuckDB's CAST to `targetText` reads as Trino reads `json`, or Trino's error; NULL instead of the
 * error under TRY_CAST (`orNull`).
 */
export function jsonForCast(json: string, targetText: string, orNull: boolean): string | null {
  let target = targetCache.get(targetText);
  if (!target) {
    target = parseTarget(targetText);
    if (targetCache.size > 1000) targetCache.clear();
    targetCache.set(targetText, target);
  }
  const nested = target.kind === 'array' || target.kind === 'map' || target.kind === 'row';
  if (jsonUnreadablePart(targetText) !== undefined) throw new Error(`Cannot cast json to ${targetText}`);
  try {
    return copiedJson(convert(readWholeJson(json), target, false));
  } catch (error) {
    if (!(error instanceof CastError)) throw error;
    if (orNull) return null;
    throw new Error(nested ? `Cannot cast to ${targetText}. ${error.message}` : error.message);
  }
}

/** `trino_json_cast_text(json, target, orNull)` for the JSON cast macros (json-macros.ts). */
export const jsonCastUdf = (): DuckDBScalarFunction =>
  udf('trino_json_cast_text', [VARCHAR, VARCHAR, BOOLEAN], VARCHAR, ([json, target, orNull]) => jsonForCast(String(json), String(target), orNull === true));
