// Trino keeps JSON in one canonical form: what Jackson writes after reading the text into maps, lists and numbers
// (https://trino.io/docs/current/functions/json.html: json_parse, JSON literals). Object keys are sorted, there is no
// whitespace, integers keep their digits and other numbers are doubles printed by Java (`1.50` → `1.5`, `1e2` →
// `100.0`, `-0.00012` → `-1.2E-4`). Equal documents therefore have equal text, which is how JSON equality works.
import { splitTopLevel } from '../type-text.js';
import { javaFloatingText } from './java-format.js';
import { isFloatText, JsonSyntaxError, type JsonScalar, type JsonValue, readWholeJson } from './json-reader.js';

export { JsonSyntaxError };

/** Java's Double.toString: shortest digits, plain between 1e-3 and 1e7, else `d.dddE±n`; always a fraction digit. */
export function javaDouble(d: number): string {
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(d);
  if (abs >= 1e-3 && abs < 1e7) {
    const text = String(d);
    return text.includes('.') ? text : `${text}.0`;
  }
  // Java writes two digits at least, the closer pair when one would do (4.9E-324, where JavaScript has 5e-324).
  const shortest = d.toExponential();
  const [mantissa, exponent] = (shortest.includes('.') ? shortest : d.toExponential(1)).split('e');
  return `${mantissa}E${Number(exponent)}`;
}

/** `d.dddEn` of significant digits (no trailing zeros) whose first has the decimal exponent `exponent`. */
const scientific = (negative: boolean, digits: string, exponent: number): string => `${negative ? '-' : ''}${digits[0]}.${digits.slice(1) || '0'}E${exponent}`;

/**
 * The digits of Java's FloatingDecimal (DecimalFormat's, so Trino's CAST) for an integer-valued double below 2^63: its
 * "easy case" prints the long's own digits with floor(p2 · log10 2) low digits rounded off (half up), p2 = the binary
 * exponent − 54, which is not always the shortest text (2^60 is 1.15292150460684698E18, JavaScript's 1.152921504606847e18).
 * undefined for other doubles, whose digits are the shortest (but a few such as 1e23).
 */
function javaLongDigits(d: number): { digits: string; exponent: number } | undefined {
  const a = Math.abs(d);
  if (!Number.isInteger(a) || a >= 2 ** 63) return undefined;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, a);
  const binaryExponent = ((view.getUint16(0) >> 4) & 0x7ff) - 1023;
  const p2 = binaryExponent - 54;
  const insignificant = p2 > 1 ? Math.floor(p2 * Math.log10(2)) : 0;
  let value = BigInt(a);
  if (insignificant > 0) {
    const unit = 10n ** BigInt(insignificant);
    const residue = value % unit;
    value = value / unit + (residue >= unit / 2n ? 1n : 0n);
  }
  const text = value.toString();
  return { digits: text.replace(/0+$/, ''), exponent: text.length - 1 + insignificant };
}

/**
 * Trino's CAST(real AS varchar): DecimalFormat of the float to 7 significant digits (REAL '123456.79' is 1.234568E5, the
 * largest real 3.402823E38). The JDK rounds digits of its own (not always the shortest), so where the halfway point
 * between two 7-digit texts is the float's shortest text, Trino's choice is not known here (measured on Trino 476: REAL
 * '43.321495', exactly 43.32149505…, gives 4.332149E1, and 1.6683115E13, exactly 1.66831146926E13, 1.668312E13):
 * undefined there. Elsewhere the float's exact value rounded half even (as 3,000 random reals on Trino 476 agree).
 */
/**
 * Trino's CAST(real AS varchar): DecimalFormat to 7 significant digits of Float.toString's shortest digits (REAL
 * '123456.79' is 1.234568E5, the largest real 3.402823E38, the smallest 1.4E-45). Where those digits end in a 5 just past
 * the seventh, the JDK rounds by digits of its own, not always the shortest (Trino 476: REAL '43.321495', exactly
 * 43.32149505…, gives 4.332149E1, and 1.6683115E13, exactly 1.66831146926E13, gives 1.668312E13): undefined there.
 */
export function trinoRealText(f: number): string | undefined {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? 'Infinity' : '-Infinity';
  if (f === 0) return Object.is(f, -0) ? '-0E0' : '0E0';
  const a = Math.abs(f);
  let shortest = a.toExponential(8);
  // Two digits at least, as Java writes them (Float.MIN_VALUE is 1.4E-45, where one digit would read back too).
  for (let p = 1; p < 8; p++) {
    const text = a.toExponential(p);
    if (Math.fround(Number(text)) === a) {
      shortest = text;
      break;
    }
  }
  const [mantissa, exponentText] = shortest.split('e');
  const digits = mantissa.replace('.', '').replace(/0+$/, '');
  const exponent = Number(exponentText);
  if (digits.length <= 7) return scientific(f < 0, digits, exponent);
  const rest = digits.slice(7);
  if (rest === '5') return undefined;
  const rounded = (BigInt(digits.slice(0, 7)) + (rest > '5' ? 1n : 0n)).toString();
  // 9999999.6 rounds to 10000000: one digit more, the exponent one higher.
  return scientific(f < 0, rounded.slice(0, 7).replace(/0+$/, '') || '0', exponent + rounded.length - 7);
}

/**
 * SQL of CAST(x AS varchar) for a double or real x: Trino's scientific text (the UDFs trino_double_text and
 * trino_real_text over trinoDoubleText and trinoRealText). x is read through DuckDB's text, which reads back as the same
 * value, so the SQL binds for an x of any type (a macro's branches for other types).
 */
export const floatingToVarchar = (x: string): string => `CASE WHEN typeof(${x}) = 'DOUBLE' THEN trino_double_text(CAST(CAST(${x} AS VARCHAR) AS DOUBLE))
       ELSE trino_real_text(CAST(CAST(${x} AS VARCHAR) AS FLOAT)) END`;

/**
 * The digits of Java's older FloatingDecimal for a double in [2^72, 2^83), where DecimalFormat (Trino's CAST) takes
 * them: the free-format shortest digits of the exact (integer) value with both bounds of its rounding interval
 * exclusive, so a shorter text on a bound is passed over (1e23 is 9.999999999999999E22: 1.0E23 lies exactly half an
 * ulp away; 7e22 is 7.0000000000000004E22). undefined outside that range.
 */
function javaOlderDigits(d: number): { digits: string; exponent: number } | undefined {
  const a = Math.abs(d);
  if (!(a >= 2 ** 72 && a < 2 ** 83)) return undefined;
  const exact = BigInt(a);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, a);
  const ulp = 2n ** BigInt(((view.getUint16(0) >> 4) & 0x7ff) - 1023 - 52);
  // Doubled units, so half an ulp is an integer. At a power of two the older code narrows both bounds to the lower
  // neighbour's half gap (Trino 476: 2^82 is 4.8357032784585167E24, not the shortest 4.835703278458517E24).
  const value = exact * 2n;
  const above = exact === ulp * 2n ** 52n ? ulp / 2n : ulp;
  const below = above;
  const exponent = exact.toString().length - 1;
  let digits = '';
  let remainder = value;
  for (let unit = 2n * 10n ** BigInt(exponent); unit >= 2n; unit /= 10n) {
    digits += (remainder / unit).toString();
    remainder %= unit;
    const low = remainder < below;
    const high = remainder + above > unit;
    if (!low && !high) continue;
    const up = high && (!low || remainder * 2n > unit);
    if (!up) return { digits: digits.replace(/0+$/, '') || '0', exponent };
    const raised = (BigInt(digits) + 1n).toString();
    return { digits: raised.replace(/0+$/, '') || '0', exponent: exponent + raised.length - digits.length };
  }
  return undefined;
}

/**
 * Trino's CAST(double AS varchar): Java's digits in scientific notation, one digit before the point and one at least
 * after it (1.5E0, 1.0E2, 1.0E-3, 3.0000000000000004E-1), zero as 0E0 (Trino 476). Trino's DecimalFormat
 * takes the digits of the JDK's older algorithm, which for some doubles is not the shortest: integers below 2^63
 * (javaLongDigits) and doubles in [2^72, 2^83) (javaOlderDigits: 1e23 is 9.999999999999999E22).
 */
export function trinoDoubleText(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (!Number.isFinite(d)) return d > 0 ? 'Infinity' : '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0E0' : '0E0';
  const long = javaLongDigits(d) ?? javaOlderDigits(d);
  if (long) return scientific(d < 0, long.digits, long.exponent);
  const java = javaDouble(d);
  if (java.includes('E')) return java;
  const [whole, fraction] = java.replace('-', '').split('.');
  const all = whole + fraction;
  const leadingZeros = all.length - all.replace(/^0+/, '').length;
  return scientific(d < 0, all.slice(leadingZeros).replace(/0+$/, ''), whole.length - 1 - leadingZeros);
}

const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };

/**
 * A JSON string as Jackson's UTF8JsonGenerator writes it for Trino: the short escapes, other control characters as
 * `\u001F` (upper-case hex), and each UTF-16 surrogate of a character outside the BMP escaped too (`🙂` is
 * `\uD83D\uDE42`, as Trino 476 answers CAST('🙂' AS json)); everything else, `é` and U+2028 included, as it is.
 * A JsonNode's toString (json_array_get of an array or object) keeps the surrogates: `surrogates` false.
 */
export function jacksonString(s: string, surrogates = true): string {
  const special = surrogates ? /["\\\u0000-\u001f\ud800-\udfff]/g : /["\\\u0000-\u001f]/g;
  const escaped = s.replace(special, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  return `"${escaped}"`;
}

/** The text as one JSON value, or Trino's error for a text that is not JSON. */
function parse(text: string): JsonValue {
  try {
    return readWholeJson(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    throw new JsonSyntaxError(`Cannot convert value to JSON: '${text.length > 80 ? `${text.slice(0, 77)}...` : text}'`);
  }
}

/**
 * A number as Jackson writes what it read: an integer's digits (`-0` is 0), any other number as a Java double, and a
 * double too large for one as the string "Infinity" (Trino 476: json_parse('1e400') is `"Infinity"`).
 */
export function canonicalNumber(text: string): string {
  if (!isFloatText(text)) return text === '-0' ? '0' : text;
  const d = Number(text);
  return Number.isFinite(d) ? javaDouble(d) : d > 0 ? '"Infinity"' : '"-Infinity"';
}

/** A scalar's canonical JSON text. */
export function scalarJson(v: JsonScalar): string {
  if (v.kind === 'string') return jacksonString(v.value);
  return v.kind === 'number' ? canonicalNumber(v.text) : v.word;
}

/** An object's entries with sorted keys, the last of a repeated key kept (as a map built from the text keeps it). */
function sortedEntries(entries: readonly [string, JsonValue][]): [string, JsonValue][] {
  return [...new Map(entries)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const writeEntries = (entries: readonly [string, JsonValue][], writeValue: (v: JsonValue, k: number) => string) =>
  `{${entries.map(([key, v], k) => `${jacksonString(key)}:${writeValue(v, k)}`).join(',')}}`;

function write(v: JsonValue): string {
  if (v.kind !== 'array' && v.kind !== 'object') return scalarJson(v);
  if (v.kind === 'array') return `[${v.items.map(write).join(',')}]`;
  return writeEntries(sortedEntries(v.entries), write);
}

/** A JSON value's text as Trino keeps it: its objects' entries in their order, numbers as kept, strings canonical. */
function writeAsWritten(v: JsonValue): string {
  // A json value's number is Trino's text already (a decimal's 1.50 stays 1.50).
  if (v.kind === 'number') return v.text;
  if (v.kind !== 'array' && v.kind !== 'object') return scalarJson(v);
  if (v.kind === 'array') return `[${v.items.map(writeAsWritten).join(',')}]`;
  return writeEntries(v.entries, writeAsWritten);
}

export const canonicalJson = (text: string): string => write(parse(text));

/**
 * Where a value's JSON has objects: a row (ROW, DuckDB's STRUCT) writes its fields in their order, repeated names and
 * an anonymous row's empty names kept; a map writes its keys sorted (Trino 476: CAST(ROW(1, 'a') AS JSON) is
 * `{"":1,"":"a"}`, a row(y, x) `{"y":…,"x":…}`, a map `{"a":…,"b":…}`).
 */
type JsonShape =
  | { kind: 'row'; fields: JsonShape[] }
  | { kind: 'map'; floatingKeys?: 'double' | 'real'; value: JsonShape }
  | { kind: 'list'; element: JsonShape }
  | { kind: 'json' }
  | { kind: 'decimal'; scale: number }
  | { kind: 'real' }
  | { kind: 'other' };

/** The shape of a DuckDB type as typeof() writes it, or of a row field (`name TYPE`, `"a b" TYPE` or `TYPE`). */
export function jsonShape(typeText: string): JsonShape {
  const text = typeText.trim();
  // A JSON value (a json field of a row) is written as it is kept.
  if (/(?:^|\s)JSON$/i.test(text)) return { kind: 'json' };
  // A real is written as Jackson writes a float (Float.toString: REAL '1.1' is 1.1; DuckDB's to_json widens it to
  // the double 1.100000023841858).
  if (/(?:^|\s)FLOAT$/.test(text)) return { kind: 'real' };
  const list = /^(.*)\[\d*\]$/s.exec(text);
  if (list) return { kind: 'list', element: jsonShape(list[1]) };
  // The base type is the word before the first parenthesis outside a quoted field name.
  const open = text.replace(/"(?:[^"]|"")*"/g, (name) => '_'.repeat(name.length)).indexOf('(');
  if (open < 0 || !text.endsWith(')')) return { kind: 'other' };
  const base = /(\w+)\s*$/.exec(text.slice(0, open))?.[1].toUpperCase();
  const inner = splitTopLevel(text.slice(open + 1, -1));
  if (base === 'STRUCT') return { kind: 'row', fields: inner.map(jsonShape) };
  if (base === 'MAP' && inner.length === 2) {
    const key = inner[0].trim();
    return { kind: 'map', floatingKeys: key === 'DOUBLE' ? 'double' : key === 'FLOAT' ? 'real' : undefined, value: jsonShape(inner[1]) };
  }
  if (base === 'DECIMAL' && inner.length === 2) return { kind: 'decimal', scale: Number(inner[1]) };
  return { kind: 'other' };
}

/**
 * A decimal's JSON is its text with all its scale's digits (Trino 476: CAST(1.50 AS JSON) is 1.50, a decimal(3,2) zero
 * 0.00); DuckDB's to_json drops the fraction's trailing zeros.
 */
function decimalJson(text: string, scale: number): string {
  if (/[eE]/.test(text)) return canonicalNumber(text);
  const [whole, fraction = ''] = text.split('.');
  return scale === 0 ? whole : `${whole}.${fraction.padEnd(scale, '0').slice(0, scale)}`;
}

function writeShaped(v: JsonValue, shape: JsonShape): string {
  if (v.kind === 'number' && shape.kind === 'decimal') return decimalJson(v.text, shape.scale);
  if (v.kind === 'number' && shape.kind === 'real') return javaFloatingText(v.text, true);
  if (v.kind === 'array' && shape.kind === 'list') return `[${v.items.map((item) => writeShaped(item, shape.element)).join(',')}]`;
  // A field the shims name trino_field_<i> (zip's, map_entries') is anonymous: Trino writes an empty name.
  if (v.kind === 'object' && shape.kind === 'row' && v.entries.length === shape.fields.length)
    return writeEntries(
      v.entries.map(([name, value]) => [/^trino_field_\d+$/.test(name) ? '' : name, value]),
      (value, k) => writeShaped(value, shape.fields[k]),
    );
  if (v.kind === 'object' && shape.kind === 'map') {
    // A double or real key is Java's Double.toString / Float.toString of it (Trino 476: `1.0E308`, `9.9E-324`, `NaN`,
    // `1.0E-4`, sorted as texts), where DuckDB writes its own text (`1e+308`, `1e-323`, `nan`, `0.0001`).
    const { floatingKeys } = shape;
    const entries = floatingKeys ? v.entries.map(([key, value]): [string, JsonValue] => [javaFloatingText(key, floatingKeys === 'real'), value]) : v.entries;
    return writeEntries(sortedEntries(entries), (value) => writeShaped(value, shape.value));
  }
  return shape.kind === 'json' ? writeAsWritten(v) : write(v);
}

/**
 * DuckDB's to_json writes a double or real NaN or infinity bare (`[NaN,Infinity,-Infinity]`), which is no JSON; Jackson
 * writes them as strings for Trino (Trino 476: CAST(ARRAY[nan(), infinity()] AS JSON) is `["NaN","Infinity"]`,
 * CAST(-infinity() AS JSON) `"-Infinity"`). Strings are passed over as they are.
 */
const quotedSpecialDoubles = (text: string): string =>
  text.replace(/"(?:[^"\\]|\\.)*"|-?Infinity|NaN/g, (token) => (token.startsWith('"') ? token : `"${token}"`));

/** The JSON of a value of DuckDB type `typeText` (DuckDB's to_json text) as Trino's CAST(… AS JSON) writes it. */
export const valueJson = (text: string, typeText: string): string =>
  writeShaped(parse(/\b(?:DOUBLE|FLOAT)\b/.test(typeText) ? quotedSpecialDoubles(text) : text), jsonShape(typeText));
