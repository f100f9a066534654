// Scalar UDFs (JavaScript) for Trino functions that no DuckDB expression reproduces: cbrt, hashes and HMACs over
// bytes, CRC-32, XXH64, soundex, java.net.URI parts and java.net.URLEncoder/URLDecoder. One row at a time; NULL in, NULL out.
import { createHash, createHmac } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { BIGINT, BLOB, BOOLEAN, DOUBLE, type DuckDBListValue, type DuckDBScalarFunction, FLOAT, INTEGER, LIST, listValue, VARCHAR } from '@duckdb/node-api';
import { parseDataSize } from './data-size.js';
import { javaFloatingText } from './java-format.js';
import { trinoDoubleText, trinoRealText } from './json-canonical.js';
import { betaCdf, inverseBetaCdf } from './beta-distribution.js';
import { tCdf, tPdf } from './t-distribution.js';
import { inverseNormalCdf, normalCdf } from './normal-distribution.js';
import { murmur3, spookyHash32, spookyHash64 } from './murmur-spooky.js';
import { xxhash64 } from './xxhash64.js';
import { decodeUriComponent, parseJavaUri } from './java-uri.js';
import { bytesOf, shimFunction, udf } from './scalar-udf.js';
import { emptyMatchAfterAssertion, javaPatternToRe2, type Re2Pattern, regexpChecks } from '../translate/java-regex.js';

// --- java.net.URI ----------------------------------------------------------------------------------------------------

interface UriParts {
  protocol: string;
  host: string;
  port: string | null;
  path: string;
  rawQuery: string | null;
  query: string | null;
  fragment: string;
}

/** The parts Trino's url_extract_* read of `new URI(text)` (a missing part is ''); undefined where it throws. */
function parseUri(text: string): UriParts | undefined {
  const uri = parseJavaUri(text);
  if (!uri) return undefined;
  return {
    protocol: uri.scheme ?? '',
    host: uri.host ?? '',
    port: uri.port >= 0 ? String(uri.port) : null,
    path: uri.path === null ? '' : decodeUriComponent(uri.path),
    rawQuery: uri.query,
    query: uri.query === null ? null : decodeUriComponent(uri.query),
    fragment: uri.fragment === null ? '' : decodeUriComponent(uri.fragment),
  };
}

function urlPart(url: string, part: string): string | null {
  const uri = parseUri(url);
  if (!uri) return null;
  if (part === 'port') return uri.port;
  const value = uri[part as keyof UriParts];
  return value ?? '';
}

/**
 * The first value of a query parameter: '' when it has no `=`, NULL when absent. As Trino: the raw query split at `&`,
 * the name compared as written (`a%20b`), the value decoded as URLDecoder does (`+` is a space).
 */
function urlParameter(url: string, name: string): string | null {
  const query = parseUri(url)?.rawQuery;
  if (query === undefined || query === null) return null;
  for (const arg of query.split('&')) {
    const eq = arg.indexOf('=');
    const key = eq < 0 ? arg : arg.slice(0, eq);
    if (key === name) return eq < 0 ? '' : urlDecode(arg.slice(eq + 1));
  }
  return null;
}

/** Guava's urlFormParameterEscaper (Trino's url_encode): letters, digits and `.-*_` kept, space is `+`. */
function urlEncode(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9.\-*_]/.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** java.net.URLDecoder: `+` is a space, `%XX` are UTF-8 bytes (Java's replacement); a malformed escape is an error. */
function urlDecode(s: string): string {
  if (/%(?![0-9A-Fa-f]{2})/.test(s)) throw new Error(`url_decode: malformed escape in ${s}`);
  return decodeUriComponent(s.replaceAll('+', ' '));
}

// --- regular expressions given as values -----------------------------------------------------------------------------

const translatedPatterns = new Map<string, Re2Pattern>();

/** A pattern that is not a literal, translated as java-regex.ts translates a literal one (a refused one fails). */
function javaRegex(pattern: string, matchOnly: boolean): Re2Pattern {
  const key = `${matchOnly}:${pattern}`;
  let translated = translatedPatterns.get(key);
  if (!translated) {
    translated = javaPatternToRe2(pattern, matchOnly);
    if (translatedPatterns.size > 1000) translatedPatterns.clear();
    translatedPatterns.set(key, translated);
  }
  if (translated.unfaithful) throw new Error(`The regular expression ${JSON.stringify(pattern)} is refused locally: ${translated.unfaithful}`);
  return translated;
}

/** A pattern value of regexp_count or regexp_extract_all, translated; one that can match empty at an assertion fails. */
const emptyAfterAssertion = new Map<string, boolean>();

function listedJavaRegex(pattern: string): string {
  const translated = javaRegex(pattern, false);
  let empty = emptyAfterAssertion.get(pattern);
  if (empty === undefined) {
    empty = emptyMatchAfterAssertion(pattern);
    if (emptyAfterAssertion.size > 1000) emptyAfterAssertion.clear();
    emptyAfterAssertion.set(pattern, empty);
  }
  if (empty)
    throw new Error(
      `The regular expression '${pattern.replaceAll("'", "''")}' can match the empty string at an assertion ($, \\b, \\B, \\z, \\Z, a multi-line ^), and the local engine counts such a match twice in regexp_count and regexp_extract_all where Athena counts it once; match at least one character`,
    );
  return translated.re2;
}

// --- combinations ----------------------------------------------------------------------------------------------------

/**
 * The n-element position lists 1 ≤ i1 < … < in ≤ size in Trino's order of combinations(): by the last position, then
 * the one before (colexicographic).
 */
export function combinationPositions(size: number, n: number): number[][] {
  if (n === 0) return [[]];
  const out: number[][] = [];
  for (let last = n; last <= size; last++) for (const head of combinationPositions(last - 1, n - 1)) out.push([...head, last]);
  return out;
}

function combinationPositionsFunction(): DuckDBScalarFunction {
  return shimFunction({
    name: 'trino_combination_positions',
    returnType: LIST(LIST(INTEGER)),
    parameterTypes: [BIGINT, BIGINT],
    specialHandling: true,
    mainFunction: (_info, input, output) => {
      for (let row = 0; row < input.rowCount; row++) {
        const [size, n] = [0, 1].map((c) => input.getColumnVector(c).getItem(row));
        output.setItem(row, size === null || n === null ? null : listValue(combinationPositions(Number(size), Number(n)).map((p) => listValue(p))));
      }
      output.flush();
    },
  });
}

// --- format_number ---------------------------------------------------------------------------------------------------

const NUMBER_UNITS = ['', 'K', 'M', 'B', 'T', 'Q'];
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** Java's (long) cast of a double: truncation, NaN 0, saturating at the long range. */
export function javaLong(x: number): bigint {
  if (Number.isNaN(x)) return 0n;
  if (x >= 2 ** 63) return LONG_MAX; // 9223372036854775807 as a double is 2^63
  if (x <= -(2 ** 63)) return LONG_MIN;
  return BigInt(Math.trunc(x));
}

/**
 * Trino's format_number(bigint), as Trino 476 answers: the unit (K, M, B, T, Q) by the magnitude, the value in that
 * unit rounded half up (on the double's exact value, as java.text.DecimalFormat does) to 0, 1 or 2 decimals by
 * whether it is at least 100, at least 10 or below (a negative value always gets 2, as in Trino); trailing zeros
 * dropped.
 */
export function formatNumber(value: bigint): string {
  const magnitude = Math.abs(Number(value));
  let unit = 0;
  while (unit < NUMBER_UNITS.length - 1 && magnitude >= 1000 ** (unit + 1)) unit++;
  const divisor = 1000 ** unit;
  const decimals = value >= BigInt(100 * divisor) ? 0 : value >= BigInt(10 * divisor) ? 1 : 2;
  const scaled = Number(value) / divisor;
  const digits = Math.abs(scaled)
    .toFixed(decimals)
    .replace(/\.?0+$/, (m) => (m.startsWith('.') || decimals > 0 ? '' : m));
  return `${scaled < 0 ? '-' : ''}${digits}${NUMBER_UNITS[unit]}`;
}

// --- big-endian and IEEE 754 bytes ------------------------------------------------------------------------------------

/** The bytes of a number written by `write` into `size` bytes (big-endian, as Trino's to_big_endian_* / to_ieee754_*). */
function bytesOfNumber(size: number, write: (view: DataView) => void): Uint8Array {
  const out = new Uint8Array(size);
  write(new DataView(out.buffer));
  return out;
}

/** A view of exactly `size` bytes, or Trino's error for another length. */
function exactBytes(v: unknown, size: number, error: (length: number) => string): DataView {
  const bytes = bytesOf(v);
  if (bytes.length !== size) throw new Error(error(bytes.length));
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const endianError = (size: number) => (length: number) => `expected ${size}-byte input, but got instead: ${length}`;
const ieeeError = (size: number) => () => `Input floating-point value must be exactly ${size} bytes long`;

/** Trino's text of a real, or a clear failure where its digits are not known locally (trinoRealText). */
function realText(f: number): string {
  const text = trinoRealText(f);
  if (text === undefined)
    throw new Error(
      `CAST(real AS varchar) of ${f}: Athena rounds this real to 7 digits by the JDK's own digits, which the local engine does not know (its shortest digits end in a 5 past the seventh); CAST it to double first, or format('%.6e', x)`,
    );
  return text;
}

// --- soundex ---------------------------------------------------------------------------------------------------------

/** American Soundex codes of A … Z (0: not coded; H and W are skipped without separating equal codes). */
const SOUNDEX_CODES = '01230120022455012623010202';

/**
 * Trino's soundex is Apache Commons Codec's Soundex.US_ENGLISH: the letters of the text (Java Character.isLetter,
 * anything else dropped) upper-cased; a letter outside A-Z fails as Commons Codec does.
 */
export function soundex(text: string): string {
  const letters = [...text]
    .filter((ch) => ch.length === 1 && /\p{L}/u.test(ch))
    .join('')
    .toUpperCase();
  if (letters === '') return '';
  const code = (ch: string): string => {
    const index = ch.charCodeAt(0) - 65;
    if (index < 0 || index >= SOUNDEX_CODES.length) throw new Error(`soundex: The character is not mapped: ${ch} (index=${index})`);
    return SOUNDEX_CODES[index];
  };
  let out = letters[0];
  let last = code(letters[0]);
  for (const ch of letters.slice(1)) {
    if (out.length === 4) break;
    if (ch === 'H' || ch === 'W') continue;
    const digit = code(ch);
    if (digit !== '0' && digit !== last) out += digit;
    last = digit;
  }
  return out.padEnd(4, '0');
}

const hash = (algorithm: string) => (args: unknown[]) => new Uint8Array(createHash(algorithm).update(bytesOf(args[0])).digest());
// Trino fails on an empty key ("Empty key", Trino 476 through the oracle); Node would hash with it.
const hmac = (algorithm: string) => (args: unknown[]) => {
  const key = bytesOf(args[1]);
  if (key.length === 0) throw new Error(`hmac_${algorithm}: Empty key`);
  return new Uint8Array(createHmac(algorithm, key).update(bytesOf(args[0])).digest());
};

// --- base32 (Guava's BaseEncoding.base32(), as Trino's to_base32/from_base32) -------------------------------------------

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 with `=` padding to whole blocks of 8 (Trino 476: to_base32(X'FF') is '74======'). */
export function toBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out.padEnd(Math.ceil(out.length / 8) * 8, '=');
}

/**
 * Guava's decoder: trailing `=` removed, then a length that no whole bytes end at fails ("Invalid input length 3"),
 * then a character outside the upper-case alphabet ("Unrecognized character: n"); bits left over are dropped.
 */
export function fromBase32(text: string): Uint8Array {
  const trimmed = text.replace(/=+$/, '');
  if (![0, 2, 4, 5, 7].includes(trimmed.length % 8)) throw new Error(`Invalid input length ${trimmed.length}`);
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of trimmed) {
    const value = BASE32_ALPHABET.indexOf(ch);
    if (value < 0) {
      const code = ch.codePointAt(0) ?? 0;
      throw new Error(`Unrecognized character: ${code > 0x20 && code < 0x7f ? ch : `0x${code.toString(16)}`}`);
    }
    buffer = ((buffer << 5) | value) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

/**
 * width_bucket(x, bins) as Trino 476's MathFunctions.widthBucket: a binary search that checks, at each step, that the
 * range's first bin is not above its last and that the probed bin is finite, so an unsorted array fails only when the
 * search meets the disorder (width_bucket(5, ARRAY[1, 9, 3, 7, 8]) is 3 in Trino). A NULL bin is refused: Trino reads
 * the slot's storage, not a value.
 */
export function widthBucketBins(operand: number, bins: readonly (number | null)[]): bigint {
  if (bins.length === 0) throw new Error('Bins cannot be an empty array');
  if (Number.isNaN(operand)) throw new Error('Operand cannot be NaN');
  const bin = (i: number): number => {
    const value = bins[i];
    if (value === null) throw new Error('width_bucket(x, bins) with a NULL bin is not supported locally: Athena reads the slot, not a value');
    return value;
  };
  let lower = 0;
  let upper = bins.length;
  while (lower < upper) {
    if (bin(lower) > bin(upper - 1)) throw new Error('Bin values are not sorted in ascending order');
    const index = Math.floor((lower + upper) / 2);
    const value = bin(index);
    if (!Number.isFinite(value)) throw new Error(`Bin value must be finite, got ${value}`);
    if (operand < value) upper = index;
    else lower = index + 1;
  }
  return BigInt(lower);
}

/** Trino's levenshtein_distance: edits of code points (Trino 476: 2 for '🙂x' and 'a', DuckDB's bytes gave 5). */
export function levenshteinDistance(a: string, b: string): bigint {
  const left = Array.from(a);
  const right = Array.from(b);
  if (left.length * right.length > 1_000_000) throw new Error('The combined inputs for Levenshtein distance are too large');
  let previous = Array.from({ length: right.length + 1 }, (_v, j) => j);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (left[i - 1] === right[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return BigInt(previous[right.length]);
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * from_utf8(b, r): the bytes as UTF-8 with each invalid sequence replaced by r, one r a sequence as Trino 476 (airlift's
 * SliceUtf8) counts them: a lead byte announces its length (up to 6 bytes, as the old UTF-8 did); the sequence ends
 * early at the first byte that is not a continuation byte, and a whole sequence that decodes to an overlong form, a
 * surrogate or a value past U+10FFFF is one invalid sequence (Trino 476: from_utf8(X'61FF62') is a\uFFFDb,
 * X'E28261' \uFFFDa, X'EDA080EDB080' two, X'F88880808080' two, X'80808080' four). Valid text is decoded as it is.
 */
export function utf8WithReplacement(bytes: Uint8Array, replacement: string): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    // read below
  }
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    const length = lead < 0x80 ? 1 : lead < 0xc0 ? 0 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : lead < 0xf8 ? 4 : lead < 0xfc ? 5 : lead < 0xfe ? 6 : 0;
    if (length === 1) {
      out += String.fromCharCode(lead);
      i++;
      continue;
    }
    if (length === 0) {
      out += replacement;
      i++;
      continue;
    }
    let taken = 1;
    let value = lead & (0x7f >> length);
    while (taken < length && i + taken < bytes.length && (bytes[i + taken] & 0xc0) === 0x80) value = value * 64 + (bytes[i + taken++] & 0x3f);
    const smallest = [0, 0, 0x80, 0x800, 0x10000][length] ?? Number.POSITIVE_INFINITY;
    if (taken < length || length > 4 || value < smallest || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) out += replacement;
    else out += String.fromCodePoint(value);
    i += taken;
  }
  return out;
}

export function functionUdfs(): DuckDBScalarFunction[] {
  return [
    // from_utf8 of bytes that may not be UTF-8 (trino_from_utf8 checks the replacement first).
    udf('trino_utf8_replaced', [BLOB, VARCHAR], VARCHAR, ([b, r]) => utf8WithReplacement(bytesOf(b), String(r))),
    combinationPositionsFunction(),
    // Java's cbrt is fdlibm's, as V8's Math.cbrt is: exact for exact cubes.
    udf('trino_cbrt', [DOUBLE], DOUBLE, ([x]) => Math.cbrt(Number(x))),
    // normalize(s, form): Java's Normalizer, as String.prototype.normalize (both follow Unicode's algorithm; hunt38).
    udf('trino_normalize_form', [VARCHAR, VARCHAR], VARCHAR, ([s, form]) => String(s).normalize(String(form) as 'NFC' | 'NFD' | 'NFKC' | 'NFKD')),
    // format('%s', x) of a double or real: Java's Double.toString / Float.toString of DuckDB's text of it.
    udf('trino_java_floating_text', [VARCHAR, BOOLEAN], VARCHAR, ([t, real]) => javaFloatingText(String(t), real === true)),
    // Java's double division: ±Infinity or NaN by zero, where DuckDB's `/` gives NULL (log(1, x) is ln(x) / 0).
    // CAST(double AS varchar), CAST(real AS varchar): Trino's scientific text (1.5E0, 1.234568E5).
    udf('trino_double_text', [DOUBLE], VARCHAR, ([x]) => trinoDoubleText(Number(x))),
    udf('trino_real_text', [FLOAT], VARCHAR, ([x]) => realText(Number(x))),
    udf('trino_double_divide', [DOUBLE, DOUBLE], DOUBLE, ([a, b]) => Number(a) / Number(b)),
    udf('trino_java_regex', [VARCHAR, BOOLEAN], VARCHAR, ([p, matchOnly]) => javaRegex(String(p), matchOnly === true).re2),
    // regexp_count and regexp_extract_all of a pattern value: DuckDB reports an empty match at an assertion past the
    // search's start twice (java-regex.ts emptyMatchAfterAssertion; a literal such pattern is refused at lint).
    udf('trino_java_regex_listed', [VARCHAR], VARCHAR, ([p]) => listedJavaRegex(String(p))),
    udf('trino_java_regex_checks', [VARCHAR, BOOLEAN], VARCHAR, ([p, matchOnly]) => regexpChecks(javaRegex(String(p), matchOnly === true)).slice(1, -1)),
    udf('trino_url_part', [VARCHAR, VARCHAR], VARCHAR, ([u, p]) => urlPart(String(u), String(p))),
    udf('trino_url_parameter', [VARCHAR, VARCHAR], VARCHAR, ([u, n]) => urlParameter(String(u), String(n))),
    udf('trino_url_encode', [VARCHAR], VARCHAR, ([s]) => urlEncode(String(s))),
    udf('trino_url_decode', [VARCHAR], VARCHAR, ([s]) => urlDecode(String(s))),
    udf('trino_parse_data_size_bytes', [VARCHAR], VARCHAR, ([s]) => parseDataSize(String(s)).toString()),
    udf('trino_normal_cdf', [DOUBLE, DOUBLE, DOUBLE], DOUBLE, ([m, sd, v]) => normalCdf(Number(m), Number(sd), Number(v))),
    udf('trino_inverse_normal_cdf', [DOUBLE, DOUBLE, DOUBLE], DOUBLE, ([m, sd, p]) => inverseNormalCdf(Number(m), Number(sd), Number(p))),
    udf('trino_beta_cdf', [DOUBLE, DOUBLE, DOUBLE], DOUBLE, ([a, b, v]) => betaCdf(Number(a), Number(b), Number(v))),
    udf('trino_inverse_beta_cdf', [DOUBLE, DOUBLE, DOUBLE], DOUBLE, ([a, b, p]) => inverseBetaCdf(Number(a), Number(b), Number(p))),
    udf('trino_t_cdf', [DOUBLE, DOUBLE], DOUBLE, ([x, df]) => tCdf(Number(x), Number(df))),
    udf('trino_t_pdf', [DOUBLE, DOUBLE], DOUBLE, ([x, df]) => tPdf(Number(x), Number(df))),
    udf('trino_soundex', [VARCHAR], VARCHAR, ([s]) => soundex(String(s))),
    udf('trino_to_base32', [BLOB], VARCHAR, ([b]) => toBase32(bytesOf(b))),
    udf('trino_from_base32_text', [VARCHAR], BLOB, ([t]) => fromBase32(String(t))),
    udf('trino_width_bucket_bins', [DOUBLE, LIST(DOUBLE)], BIGINT, ([x, bins]) =>
      widthBucketBins(
        Number(x),
        (bins as DuckDBListValue).items.map((v) => (v === null ? null : Number(v))),
      ),
    ),
    udf('trino_levenshtein_distance', [VARCHAR, VARCHAR], BIGINT, ([a, b]) => levenshteinDistance(String(a), String(b))),
    udf('trino_to_big_endian_32', [INTEGER], BLOB, ([x]) => bytesOfNumber(4, (v) => v.setInt32(0, Number(x)))),
    udf('trino_to_big_endian_64', [BIGINT], BLOB, ([x]) => bytesOfNumber(8, (v) => v.setBigInt64(0, BigInt(x as bigint | number)))),
    udf('trino_from_big_endian_32', [BLOB], INTEGER, ([b]) => exactBytes(b, 4, endianError(4)).getInt32(0)),
    udf('trino_from_big_endian_64', [BLOB], BIGINT, ([b]) => exactBytes(b, 8, endianError(8)).getBigInt64(0)),
    // Trino 476 writes a real's raw bits (Float.floatToRawIntBits): a NaN's sign bit is whatever the computation left
    // (CAST(log(-2e0, 0.0) AS real) is ffc00000 there, 7fc00000 here), so a NaN is refused. A double goes through
    // Double.doubleToLongBits, which writes every NaN as 7ff8000000000000 (DuckDB's -nan() kept its sign: fff8…).
    udf('trino_to_ieee754_32', [FLOAT], BLOB, ([x]) => {
      if (Number.isNaN(Number(x)))
        throw new Error("to_ieee754_32() of a NaN is not supported locally: Athena writes the NaN's raw bits, which depend on how it was computed");
      return bytesOfNumber(4, (v) => v.setFloat32(0, Number(x)));
    }),
    udf('trino_to_ieee754_64', [DOUBLE], BLOB, ([x]) =>
      bytesOfNumber(8, (v) => (Number.isNaN(Number(x)) ? v.setBigUint64(0, 0x7ff8000000000000n) : v.setFloat64(0, Number(x)))),
    ),
    udf('trino_from_ieee754_32', [BLOB], FLOAT, ([b]) => exactBytes(b, 4, ieeeError(4)).getFloat32(0)),
    udf('trino_from_ieee754_64', [BLOB], DOUBLE, ([b]) => exactBytes(b, 8, ieeeError(8)).getFloat64(0)),
    udf('trino_format_number_long', [BIGINT], VARCHAR, ([v]) => formatNumber(BigInt(v as bigint | number))),
    udf('trino_format_number_double', [DOUBLE], VARCHAR, ([v]) => formatNumber(javaLong(Number(v)))),
    udf('trino_md5', [BLOB], BLOB, hash('md5')),
    udf('trino_sha1', [BLOB], BLOB, hash('sha1')),
    udf('trino_sha256', [BLOB], BLOB, hash('sha256')),
    udf('trino_sha512', [BLOB], BLOB, hash('sha512')),
    udf('trino_hmac_md5', [BLOB, BLOB], BLOB, hmac('md5')),
    udf('trino_hmac_sha1', [BLOB, BLOB], BLOB, hmac('sha1')),
    udf('trino_hmac_sha256', [BLOB, BLOB], BLOB, hmac('sha256')),
    udf('trino_hmac_sha512', [BLOB, BLOB], BLOB, hmac('sha512')),
    udf('trino_crc32', [BLOB], BIGINT, ([b]) => BigInt(crc32(bytesOf(b)))),
    udf('trino_xxhash64', [BLOB], BLOB, ([b]) => xxhash64(bytesOf(b))),
    udf('trino_murmur3', [BLOB], BLOB, ([b]) => murmur3(bytesOf(b))),
    udf('trino_spooky_hash_v2_32', [BLOB], BLOB, ([b]) => spookyHash32(bytesOf(b))),
    udf('trino_spooky_hash_v2_64', [BLOB], BLOB, ([b]) => spookyHash64(bytesOf(b))),
  ];
}
