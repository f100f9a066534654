// Trino's JSON functions over a JSON text (a varchar, or a json value's canonical text), as Trino 476's JsonExtract and
// JsonFunctions read it with Jackson: one pass from the start, a malformed text giving NULL unless the value was found
// before the error, and numbers as written where Trino gives the parser's text
// (https://trino.io/docs/current/functions/json.html; each rule below is a case of
// tests/dialect/functions/json-numbers.test.ts, asked of Trino 476).
import { sqlJsonExists, sqlJsonQuery, sqlJsonValue, type Wrapper } from './sql-json-path.js';
import { BIGINT, BLOB, BOOLEAN, VARCHAR, type DuckDBScalarFunction } from '@duckdb/node-api';
import { trinoJsonPathTokens } from '../translate/json-path.js';
import { canonicalNumber, jacksonString } from './json-canonical.js';
import { isFloatText, javaUtf8Text, JsonReader, JsonSyntaxError, type JsonValue } from './json-reader.js';
import { bytesOf, udf } from './scalar-udf.js';

/** What Jackson's copyCurrentStructure writes: entries in their order (repeats kept), numbers and strings canonical. */
export function copiedJson(v: JsonValue): string {
  if (v.kind === 'string') return jacksonString(v.value);
  if (v.kind === 'number') return canonicalNumber(v.text);
  if (v.kind === 'word') return v.word;
  if (v.kind === 'array') return `[${v.items.map(copiedJson).join(',')}]`;
  return `{${v.entries.map(([key, value]) => `${jacksonString(key)}:${copiedJson(value)}`).join(',')}}`;
}

/**
 * What a JsonNode's toString writes (json_array_get of an array or object element): a repeated key keeps its first
 * place and last value, as a map does, and a character outside the BMP is written as it is.
 */
function treeJson(v: JsonValue): string {
  if (v.kind === 'array') return `[${v.items.map(treeJson).join(',')}]`;
  if (v.kind !== 'object') return v.kind === 'string' ? jacksonString(v.value, false) : copiedJson(v);
  return `{${[...new Map(v.entries)].map(([key, value]) => `${jacksonString(key, false)}:${treeJson(value)}`).join(',')}}`;
}

const pathCache = new Map<string, string[]>();

function pathTokens(path: string): string[] {
  let tokens = pathCache.get(path);
  if (!tokens) {
    tokens = trinoJsonPathTokens(path);
    if (!tokens) throw new Error(`Invalid JSON path: '${path}'`);
    if (pathCache.size > 1000) pathCache.clear();
    pathCache.set(path, tokens);
  }
  return tokens;
}

/** Java's Integer.parseInt of a step, or -1: a step of digits is an array index and also an object's key. */
function stepIndex(step: string): number {
  return /^[0-9]+$/.test(step) && Number(step) <= 2147483647 ? Number(step) : -1;
}

/**
 * The value at Trino's JSON path, given to `finish` at the cursor; undefined when the path reaches nothing or the
 * text is malformed before the value (Trino's extract() returns NULL on a JsonParseException).
 */
function extract<T>(text: string, path: string, finish: (reader: JsonReader) => T | undefined): T | undefined {
  const steps = pathTokens(path);
  const reader = new JsonReader(text);
  const walk = (k: number): T | undefined => {
    if (k === steps.length) return finish(reader);
    const first = reader.peek();
    const index = stepIndex(steps[k]);
    let found: T | undefined;
    const reach = () => {
      found = walk(k + 1);
      return undefined;
    };
    if (first === '{') reader.entries((key) => (key === steps[k] ? reach() : false));
    else if (first === '[' && index >= 0) reader.elements((i) => (i === index ? reach() : false));
    return found;
  };
  try {
    if (reader.atEnd()) return undefined;
    return walk(0);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return undefined;
    throw error;
  }
}

/** json_extract: the value's JSON as Jackson copies it (a double too large is "Infinity"). */
export const jsonExtract = (text: string, path: string): string | null => extract(text, path, (r) => copiedJson(r.value())) ?? null;

/** json_extract_scalar: a string's text, a number's text as written, true/false; NULL for null, arrays and objects. */
export function jsonExtractScalar(text: string, path: string): string | null {
  const found = extract(text, path, (r) => {
    const first = r.peek();
    if (first === '{' || first === '[') return null;
    const v = r.scalar();
    return v.kind === 'string' ? javaUtf8Text(v.value) : v.kind === 'number' ? v.text : v.word === 'null' ? null : v.word;
  });
  return found ?? null;
}

/** json_size: members or elements of an object or array at the path, 0 for a scalar. */
export function jsonSize(text: string, path: string): bigint | null {
  const found = extract(text, path, (r) => {
    const first = r.peek();
    let size = 0n;
    const count = () => {
      size++;
      return false;
    };
    if (first === '{') r.entries(count);
    else if (first === '[') r.elements(count);
    else {
      // A malformed token ('x') is NULL, as a malformed text before the value is (Jackson reads the scalar too).
      r.scalar();
      return 0n;
    }
    return size;
  });
  return found ?? null;
}

/**
 * json_array_get: a scalar element as its text (a number as written), an array or object element as JSON; a negative
 * index counts from the end. Trino gives a string element unquoted as json (not JSON text), which the local JSON type
 * cannot hold: refused. A JSON null reached from the end fails in Trino 476 (its list of texts holds a Java null).
 */
export function jsonArrayGet(text: string, index: bigint): string | null {
  const reader = new JsonReader(text);
  const texts: (JsonValue | undefined)[] = [];
  try {
    if (reader.atEnd() || reader.peek() !== '[') return null;
    let chosen: JsonValue | undefined;
    reader.elements((i) => {
      const element = reader.value();
      if (index >= 0n && BigInt(i) === index) {
        chosen = element;
        return undefined;
      }
      if (index < 0n) texts.push(element);
      return true;
    });
    if (index < 0n && BigInt(texts.length) >= -index) chosen = texts[texts.length + Number(index)];
    if (chosen === undefined) return null;
    if (chosen.kind === 'word' && chosen.word === 'null') {
      if (index < 0n) throw new Error('json_array_get(): a negative index reaching a JSON null fails on Athena (string is null)');
      return null;
    }
    if (chosen.kind === 'string')
      throw new Error(
        "json_array_get() of a string element is refused locally: Trino returns the string unquoted, which is not JSON; use json_extract_scalar(j, '$[i]') for the string",
      );
    return chosen.kind === 'number' ? chosen.text : treeJson(chosen);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return null;
    throw error;
  }
}

/** json_array_length: the elements of a top-level array; NULL for any other value or a malformed array. */
export function jsonArrayLength(text: string): bigint | null {
  const reader = new JsonReader(text);
  try {
    if (reader.atEnd() || reader.peek() !== '[') return null;
    let length = 0n;
    reader.elements(() => {
      length++;
      return false;
    });
    return length;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return null;
    throw error;
  }
}

/** The needle's kind: Trino's overloads of json_array_contains take boolean, bigint, double or varchar. */
export type NeedleKind = 'boolean' | 'bigint' | 'double' | 'varchar';

/** A JSON integer Jackson reads as an int or a long (a larger one is a BigInteger, which no bigint needle equals). */
const LONG_RANGE = [-(2n ** 63n), 2n ** 63n - 1n] as const;

/**
 * json_array_contains: a top-level element of the needle's own JSON kind equal to it. A bigint needle matches integer
 * texts only (`[2.0]` does not contain 2), a double needle fraction or exponent texts only (`[2]` does not contain 2.0),
 * and a NaN or infinite double nothing. NULL when the text is not an array or is malformed before a match.
 */
export function jsonArrayContains(text: string, kind: NeedleKind, needle: string): boolean | null {
  if (kind === 'double' && !Number.isFinite(Number(needle))) return false;
  const reader = new JsonReader(text);
  let found = false;
  const matches = (v: JsonValue): boolean => {
    if (kind === 'boolean') return v.kind === 'word' && v.word === needle;
    if (kind === 'varchar') return v.kind === 'string' && v.value === needle;
    if (v.kind !== 'number') return false;
    if (kind === 'double') return isFloatText(v.text) && Number(v.text) === Number(needle);
    if (isFloatText(v.text)) return false;
    const n = BigInt(v.text);
    return n >= LONG_RANGE[0] && n <= LONG_RANGE[1] && n === BigInt(needle);
  };
  try {
    if (reader.atEnd() || reader.peek() !== '[') return null;
    reader.elements(() => {
      if (!matches(reader.value())) return true;
      found = true;
      return undefined;
    });
    return found;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return found ? true : null;
    throw error;
  }
}

/**
 * A varbinary input of json_exists, json_value and json_query: Trino 476 reads its bytes as UTF-8 text, a byte order
 * mark as the character U+FEFF (json_value(X'5B312C325D', 'lax $[1]') is '2', json_value(X'EFBBBF5B315D', 'lax $[0]')
 * NULL). Bytes that are not well-formed UTF-8 are refused: Java replaces malformed sequences with U+FFFD in its own
 * way (Trino 476: X'5B22EDA080E282225D' reads as two U+FFFD, TextDecoder's reading has four).
 */
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
function bytesText(v: unknown): string {
  try {
    return UTF8.decode(bytesOf(v));
  } catch {
    throw new Error(
      "a varbinary input of json_exists, json_value or json_query that is not well-formed UTF-8 is not read locally (Athena reads malformed bytes as U+FFFD, in Java's way); pass well-formed UTF-8 or a varchar",
    );
  }
}

/** The UDFs the JSON macros call (json-macros.ts), each on the JSON text. */
export function jsonFunctionUdfs(): DuckDBScalarFunction[] {
  return [
    udf('trino_json_extract_text', [VARCHAR, VARCHAR], VARCHAR, ([j, p]) => jsonExtract(String(j), String(p))),
    udf('trino_json_extract_scalar_text', [VARCHAR, VARCHAR], VARCHAR, ([j, p]) => jsonExtractScalar(String(j), String(p))),
    udf('trino_json_size_text', [VARCHAR, VARCHAR], BIGINT, ([j, p]) => jsonSize(String(j), String(p))),
    udf('trino_json_array_length_text', [VARCHAR], BIGINT, ([j]) => jsonArrayLength(String(j))),
    udf('trino_json_array_get_text', [VARCHAR, BIGINT], VARCHAR, ([j, i]) => jsonArrayGet(String(j), BigInt(i as bigint))),
    udf('trino_sql_json_exists', [VARCHAR, VARCHAR], BOOLEAN, ([j, p]) => sqlJsonExists(String(j), String(p))),
    udf('trino_sql_json_value', [VARCHAR, VARCHAR], VARCHAR, ([j, p]) => sqlJsonValue(String(j), String(p))),
    udf('trino_sql_json_query', [VARCHAR, VARCHAR, VARCHAR], VARCHAR, ([j, p, w]) => sqlJsonQuery(String(j), String(p), String(w) as Wrapper)),
    // Overloads over a varbinary input (DuckDB's binder found none before: loud).
    udf('trino_sql_json_exists', [BLOB, VARCHAR], BOOLEAN, ([j, p]) => sqlJsonExists(bytesText(j), String(p))),
    udf('trino_sql_json_value', [BLOB, VARCHAR], VARCHAR, ([j, p]) => sqlJsonValue(bytesText(j), String(p))),
    udf('trino_sql_json_query', [BLOB, VARCHAR, VARCHAR], VARCHAR, ([j, p, w]) => sqlJsonQuery(bytesText(j), String(p), String(w) as Wrapper)),
    udf('trino_json_array_contains_text', [VARCHAR, VARCHAR, VARCHAR], BOOLEAN, ([j, kind, needle]) =>
      jsonArrayContains(String(j), String(kind) as NeedleKind, String(needle)),
    ),
  ];
}
