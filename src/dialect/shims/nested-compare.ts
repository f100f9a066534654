// Trino's comparisons of arrays, maps and rows, whose NULL elements DuckDB compares as values.
//
// Trino 476 (ArrayType, MapType, RowType operators): `=` of two nested values is false when some pair of elements is
// definitely unequal (both present and different, or arrays of different lengths, or maps with different keys), else
// NULL when some compared pair holds a NULL, else true; `<>` is its negation, IN an OR of `=`. `<`, `<=`, `>`, `>=`
// compare element by element and fail ("ARRAY comparison not supported for arrays with null elements", "ROW
// comparison …") when a NULL is met before the order is decided. DuckDB says ARRAY[1, NULL] = ARRAY[1, NULL] is true.
//
// A macro cannot recurse into nested types, so one JavaScript UDF walks both values, given as the JSON of the
// two-element list [a, b]: the list gives both sides DuckDB's common type, so equal values have equal JSON text
// (numbers compared by their text, except that -0.0 equals 0.0; NaN equals nothing).
import { BIGINT, BOOLEAN, type DuckDBScalarFunction, VARCHAR } from '@duckdb/node-api';
import { mapRefused, REFUSED_KEY_MARKER } from './error-messages.js';
import { IS_NESTED } from './nested-type.js';
import { udf } from './scalar-udf.js';

/** A JSON value with numbers kept as their text (bigints past 2^53 stay exact). */
type Json = null | boolean | string | { number: string } | Json[] | { entries: Map<string, Json> };

const NUMBER = /-?(?:\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|Infinity)|NaN/y;
const STRING = /"(?:[^"\\]|\\.)*"/y;
const LITERAL = /true|false|null/y;

/** Parses DuckDB's to_json() text (which writes NaN and ±Infinity bare). */
export function parseJson(text: string): Json {
  let at = 0;
  const skip = () => {
    while (/\s/.test(text[at] ?? '')) at++;
  };
  const match = (re: RegExp): string | undefined => {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) return undefined;
    at += m[0].length;
    return m[0];
  };
  const value = (): Json => {
    skip();
    const c = text[at];
    if (c === '[' || c === '{') {
      at++;
      const items: Json[] = [];
      const entries = new Map<string, Json>();
      skip();
      while (text[at] !== (c === '[' ? ']' : '}')) {
        if (c === '[') items.push(value());
        else {
          skip();
          const key = JSON.parse(match(STRING) ?? '') as string;
          skip();
          at++; // ':'
          // An unnamed row's fields all have the name "" in DuckDB's JSON ({"":2,"":2} of (x, 2)): a repeated name is
          // keyed by its position, so its fields stay apart and pair up by position, as Trino compares rows.
          entries.set(entries.has(key) ? `${key}\u0000${entries.size}` : key, value());
        }
        skip();
        if (text[at] === ',') at++;
        skip();
      }
      at++;
      return c === '[' ? items : { entries };
    }
    const string = match(STRING);
    if (string !== undefined) return JSON.parse(string) as string;
    const literal = match(LITERAL);
    if (literal !== undefined) return literal === 'null' ? null : literal === 'true';
    const number = match(NUMBER);
    if (number !== undefined) return { number };
    throw new Error(`internal: unexpected JSON at ${at}: ${text.slice(at, at + 20)}`);
  };
  return value();
}

const isNumber = (v: Json): v is { number: string } => typeof v === 'object' && v !== null && 'number' in v;
const isObject = (v: Json): v is { entries: Map<string, Json> } => typeof v === 'object' && v !== null && 'entries' in v;

/**
 * A zoned timestamp (the local struct of instant, zone and wall clock, shims/macros.ts TZ_STRUCT) compares by its
 * instant in Trino: ARRAY[TIMESTAMP '2025-01-01 10:00 UTC'] = ARRAY[TIMESTAMP '2025-01-01 11:00 +01:00'] is true.
 */
const INSTANT = 'trino_instant';
const zoned = (v: Json): v is { entries: Map<string, Json> } => !Array.isArray(v) && isObject(v) && v.entries.has(INSTANT);
const byInstant = (v: Json): Json => (zoned(v) ? (v.entries.get(INSTANT) ?? null) : v);

function sameScalar(a: Json, b: Json): boolean {
  if (isNumber(a) && isNumber(b)) return a.number !== 'NaN' && (a.number === b.number || (Number(a.number) === 0 && Number(b.number) === 0));
  return a === b;
}

/** The pairs of elements two nested values compare, or false when their shapes differ (lengths, map keys). */
function pairs(a: Json, b: Json): [Json, Json][] | false | undefined {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length ? a.map((x, i) => [x, b[i]]) : false;
  if (isObject(a) && isObject(b)) {
    if (a.entries.size !== b.entries.size) return false;
    const matched: [Json, Json][] = [];
    for (const [key, x] of a.entries) {
      if (!b.entries.has(key)) return false;
      matched.push([x, b.entries.get(key) ?? null]);
    }
    return matched;
  }
  return undefined;
}

/**
 * Trino's `a = b`: false when a pair is definitely unequal, NULL when a compared pair holds a NULL, else true. With
 * `nanKeys` (the operands' type holds a map keyed by double or real), a map keyed by NaN equals nothing, itself neither
 * (Trino 476: `MAP(ARRAY[nan()], ARRAY[1]) = MAP(ARRAY[nan()], ARRAY[1])` is false, with NULL values too).
 */
export function nestedEqual(a: Json, b: Json, nanKeys: NanKeys = false): boolean | null {
  if (a === null || b === null) return null;
  if (zoned(a) || zoned(b)) return sameScalar(byInstant(a), byInstant(b));
  if (nanKeys && (keyedByNan(a, nanKeys) || keyedByNan(b, nanKeys))) return false;
  const compared = pairs(a, b);
  if (compared === undefined) return sameScalar(a, b);
  if (compared === false) return false;
  let unknown = false;
  for (const [x, y] of compared) {
    const equal = nestedEqual(x, y, nanKeys);
    if (equal === false) return false;
    if (equal === null) unknown = true;
  }
  return unknown ? null : true;
}

/**
 * Where Trino's ordering of a and b meets a NULL before the order is decided: 'ARRAY' or 'ROW' (the innermost value
 * being compared), or undefined when the order is decided first (or by the lengths). 'ZONE' where it meets zoned
 * timestamps of one instant in different zones first: equal in Trino, where DuckDB's order of the local structs goes
 * on to the zone names (refused).
 */
export function orderingNull(a: Json, b: Json): 'ARRAY' | 'ROW' | 'ZONE' | undefined {
  const walk = (x: Json, y: Json): 'ARRAY' | 'ROW' | 'ZONE' | 'decided' | undefined => {
    let kind: 'ARRAY' | 'ROW';
    let elements: [Json, Json][];
    if (zoned(x) && zoned(y)) {
      if (!sameScalar(byInstant(x), byInstant(y))) return 'decided';
      return sameScalar(x.entries.get('trino_zone') ?? null, y.entries.get('trino_zone') ?? null) ? undefined : 'ZONE';
    }
    if (Array.isArray(x) && Array.isArray(y)) {
      kind = 'ARRAY';
      elements = x.slice(0, Math.min(x.length, y.length)).map((e, i) => [e, y[i]]);
    } else if (isObject(x) && isObject(y)) {
      kind = 'ROW';
      const fields = [...y.entries.values()];
      elements = [...x.entries.values()].map((e, i) => [e, fields[i] ?? null]);
    } else return sameScalar(x, y) ? undefined : 'decided';
    for (const [e, f] of elements) {
      if (e === null || f === null) return kind;
      const inner = walk(e, f);
      if (inner !== undefined) return inner;
    }
    return undefined;
  };
  if (a === null || b === null) return undefined;
  const found = walk(a, b);
  return found === 'decided' ? undefined : found;
}

/** What contains() and array_position() meet searching elements for x: the position, or why not. */
export const SEARCH = { absent: 0, absentWithNull: -1, indeterminate: -2 } as const;

/**
 * Trino's search of `elements` for x (ArrayContains, ArrayPositionFunction): NULL elements are skipped; an element
 * whose comparison with x is NULL (a NULL inside either) stops the search with NOT_SUPPORTED, unless x was found
 * before it.
 */
export function nestedSearch(x: Json, elements: readonly Json[], nanKeys: NanKeys = false): number {
  let sawNull = false;
  // A value holding a map keyed by NaN equals nothing in Trino 476 (contains: false, array_position: 0).
  const apart = (e: Json) => nanKeys && (holdsNanKey(x, nanKeys) || holdsNanKey(e, nanKeys));
  for (const [i, e] of elements.entries()) {
    if (e === null) {
      sawNull = true;
      continue;
    }
    const equal = apart(e) ? false : nestedEqual(e, x);
    if (equal === null) return SEARCH.indeterminate;
    if (equal) return i + 1;
  }
  return sawNull ? SEARCH.absentWithNull : SEARCH.absent;
}

const bothSides = (json: unknown): [Json, Json] => {
  const both = parseJson(String(json));
  return Array.isArray(both) ? [both[0] ?? null, both[1] ?? null] : [null, null];
};

/**
 * The text by which Trino's DISTINCT, count(DISTINCT) and array_distinct tell nested values apart: a map is a set of
 * entries (MAP(ARRAY[1, 2], …) and MAP(ARRAY[2, 1], …) are one value), so object entries are sorted by key (a row's
 * fields too, harmless: one type has one field order); a zoned timestamp is its instant; -0.0 is 0.0 and NaN is NaN,
 * as DISTINCT of doubles reads them. A map keyed by a double (or real) NaN equals no other value in Trino 476, itself
 * neither (`m IS DISTINCT FROM m` is true, count(DISTINCT) counts each): `nanKeys` (the value's type holds a map keyed
 * by double or real) gives a value holding one a key no other value has: `#nan-keyed at <position>` where the caller
 * names a position from 1 (the element's in its list, the operand's side), else (0) one of its own per call (nanKeyedKey).
 */
export function unorderedKey(v: Json, nanKeys: NanKeys = false, position = 0n): string {
  if (nanKeys && holdsNanKey(v, nanKeys)) return position === 0n ? nanKeyedKey() : `#nan-keyed at ${position}`;
  if (v === null || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (isNumber(v)) return v.number !== 'NaN' && Number(v.number) === 0 ? '0' : v.number;
  if (Array.isArray(v)) return `[${v.map((e) => unorderedKey(e)).join(',')}]`;
  if (!isObject(v)) return String(v);
  if (v.entries.has(INSTANT)) return unorderedKey(byInstant(v));
  const entries = [...v.entries].map(([key, value]) => `${JSON.stringify(key)}:${unorderedKey(value)}`);
  return `{${entries.sort().join(',')}}`;
}

/**
 * Where a value's type holds a map keyed by double or real (or arrays or rows of them): the names of the double and
 * real fields of its rows (a varchar field's `nan` is no NaN); false where it holds none.
 */
type NanKeys = false | { readonly doubleFields: ReadonlySet<string> };

/** NanKeys from the value's DuckDB type text (NAN_KEY_TYPES; '' where no map in it is keyed by doubles or reals). */
function nanKeyTypes(types: unknown): NanKeys {
  if (typeof types !== 'string' || types === '') return false;
  const names = [...types.matchAll(/(?:STRUCT\(|, )("(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_$]*) (?:DOUBLE|FLOAT)\b/g)].map(([, name]) =>
    name.startsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name,
  );
  return { doubleFields: new Set(names) };
}

/** DuckDB's to_json writes a NaN map key as `nan` or `-nan` (a varchar key so spelled is read alike: rare). */
const NAN_KEYS = new Set(['nan', '-nan']);
/**
 * A map keyed by arrays or rows writes each key as DuckDB's text of it (`[nan]`, `{'x': nan}`): a NaN element or field
 * there makes the map equal to nothing in Trino 476 too. A row's varchar field is written unquoted too (`{'s': nan,
 * 'x': 1.0}` of ROW('nan', 1e0)): a field's `nan` is a NaN where the field is named as a double or real one is.
 */
const NAN_IN_NESTED_KEY = /(?<=[[\s{:,])-?nan(?=[\]\s},])/g;
/** The field name right before a value (`'x': `), in a key's text. */
const FIELD_BEFORE = /'((?:[^'\\]|\\.)*)': $/;

function nestedKeyHoldsNan(key: string, nanKeys: Exclude<NanKeys, false>): boolean {
  if (!/^[[{]/.test(key)) return false;
  // Quoted texts (a varchar with a comma or quote in it) hold no value of the key's own.
  let text = '';
  for (let at = 0; at < key.length; ) {
    const quoted = key[at] === "'" ? /^'(?:[^'\\]|\\.)*'/.exec(key.slice(at))?.[0] : undefined;
    if (!quoted) text += key[at++];
    else {
      at += quoted.length;
      text += key[at] === ':' ? quoted : '_'.repeat(quoted.length);
    }
  }
  for (const found of text.matchAll(NAN_IN_NESTED_KEY)) {
    const field = FIELD_BEFORE.exec(text.slice(0, found.index));
    if (!field || nanKeys.doubleFields.has(field[1].replace(/\\(.)/g, '$1'))) return true;
  }
  return false;
}

/** Whether v is itself a map with a NaN key (its elements and values are not looked at). */
const keyedByNan = (v: Json, nanKeys: Exclude<NanKeys, false>): boolean =>
  !Array.isArray(v) && isObject(v) && [...v.entries.keys()].some((key) => NAN_KEYS.has(key) || nestedKeyHoldsNan(key, nanKeys));

function holdsNanKey(v: Json, nanKeys: Exclude<NanKeys, false>): boolean {
  if (Array.isArray(v)) return v.some((e) => holdsNanKey(e, nanKeys));
  if (!isObject(v)) return false;
  return keyedByNan(v, nanKeys) || [...v.entries.values()].some((e) => holdsNanKey(e, nanKeys));
}

let nanKeyedCalls = 0;

/**
 * A key no other call gives: each row's value holding a NaN-keyed map is apart from every other (count(DISTINCT m),
 * which computes each row's key once). A list's keys are computed more than once (trino_distinct_by names them twice):
 * those take their positions instead.
 */
const nanKeyedKey = (): string => `#nan-keyed ${++nanKeyedCalls}`;

/** Trino's order of two values whose comparison meets no NULL (orderingNull said so): -1, 0 or 1. */
function ordered(a: Json, b: Json): number {
  if (zoned(a) && zoned(b)) return ordered(byInstant(a), byInstant(b));
  if (isNumber(a) && isNumber(b)) return Math.sign(Number(a.number) - Number(b.number)) || 0;
  const fields = (v: Json) => (Array.isArray(v) ? v : isObject(v) ? [...v.entries.values()] : v);
  const [x, y] = [fields(a), fields(b)];
  if (Array.isArray(x) && Array.isArray(y)) {
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const c = ordered(x[i], y[i]);
      if (c !== 0) return c;
    }
    return Math.sign(x.length - y.length);
  }
  return x === y ? 0 : String(x) < String(y) ? -1 : 1;
}

/**
 * What Trino 476's array_max (`largest`) or array_min meets walking the elements (ArrayMaxFunction): each compared
 * with the one kept so far, failing where that comparison meets a NULL element first ('ARRAY' or 'ROW'), so
 * array_max(ARRAY[ARRAY[1, NULL], ARRAY[2, 2], ARRAY[2, NULL]]) fails and array_min of it answers [1, NULL].
 */
export function extremeNull(elements: readonly Json[], largest: boolean): 'ARRAY' | 'ROW' | undefined {
  let kept: Json | undefined;
  for (const e of elements) {
    if (e === null) return undefined;
    if (kept === undefined) {
      kept = e;
      continue;
    }
    const found = orderingNull(e, kept);
    if (found === 'ARRAY' || found === 'ROW') return found;
    if (ordered(e, kept) === (largest ? 1 : -1)) kept = e;
  }
  return undefined;
}

/**
 * Trino 476's order of two nested values inside array_max, where a double or real NaN orders below every number
 * (ArrayMaxFunction compares with NaN first: array_max(ARRAY[ROW(nan()), ROW(3)]) is ROW(3.0); DuckDB's order puts
 * NaN above every number). Texts compare by their UTF-8 bytes; NULL elements are checked apart (extremeNull).
 */
function nanLowestOrder(a: Json, b: Json): number {
  if (zoned(a) && zoned(b)) return nanLowestOrder(byInstant(a), byInstant(b));
  if (isNumber(a) && isNumber(b)) {
    const [x, y] = [Number(a.number), Number(b.number)];
    if (Number.isNaN(x) || Number.isNaN(y)) return Number(Number.isNaN(y)) - Number(Number.isNaN(x));
    if (x !== y) return x < y ? -1 : 1;
    // Integers past 2^53 that one double holds
    const exact = /^-?\d+$/;
    if (exact.test(a.number) && exact.test(b.number)) return BigInt(a.number) === BigInt(b.number) ? 0 : BigInt(a.number) < BigInt(b.number) ? -1 : 1;
    return 0;
  }
  if (typeof a === 'string' && typeof b === 'string') return Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const fields = (v: Json) => (Array.isArray(v) ? v : isObject(v) ? [...v.entries.values()] : v);
  const [x, y] = [fields(a), fields(b)];
  if (Array.isArray(x) && Array.isArray(y)) {
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const c = nanLowestOrder(x[i], y[i]);
      if (c !== 0) return c;
    }
    return Math.sign(x.length - y.length);
  }
  return x === y ? 0 : Number(x === true) - Number(y === true);
}

/** The position (from 1) of Trino's array_max among `elements` (none NULL): the first largest, NaN lowest. */
export function nanLowestMaxPosition(elements: readonly Json[]): number {
  let kept = 0;
  for (let i = 1; i < elements.length; i++) if (nanLowestOrder(elements[i], elements[kept]) > 0) kept = i;
  return kept + 1;
}

/**
 * A total order of nested values in which every value sharing a prefix with another sits next to it (element by
 * element, shorter first, NULL elements last; zoned values by instant, then zone): the order in which sortNull looks
 * for a pair Trino's sort would fail on. Not Trino's order where it differs in ways that cannot split such a block
 * (texts by UTF-16 units).
 */
function blockOrder(a: Json, b: Json): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (zoned(a) && zoned(b))
    return blockOrder(byInstant(a), byInstant(b)) || blockOrder(a.entries.get('trino_zone') ?? null, b.entries.get('trino_zone') ?? null);
  if (isNumber(a) && isNumber(b)) return Math.sign(Number(a.number) - Number(b.number)) || (a.number === b.number ? 0 : a.number < b.number ? -1 : 1);
  const fields = (v: Json) => (Array.isArray(v) ? v : isObject(v) ? [...v.entries.values()] : v);
  const [x, y] = [fields(a), fields(b)];
  if (Array.isArray(x) && Array.isArray(y)) {
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const c = blockOrder(x[i], y[i]);
      if (c !== 0) return c;
    }
    return Math.sign(x.length - y.length);
  }
  return x === y ? 0 : String(x) < String(y) ? -1 : 1;
}

/**
 * Whether a sort of `values` (NULL values aside) may compare two that meet a NULL element before their order is
 * decided ('ARRAY' or 'ROW', the innermost value compared), as Trino 476 fails then (NOT_SUPPORTED). Such a pair shares
 * every element before the NULL, so in blockOrder the values sharing that prefix are adjacent, and some adjacent pair
 * fails too. Which pairs Trino compares depends on its algorithm and the input order: any sort must compare a value
 * with another of its block to place it, so a failing adjacent pair means Trino may fail (max and min compare fewer).
 */
export function sortNull(values: readonly Json[]): 'ARRAY' | 'ROW' | undefined {
  const sorted = values.filter((v) => v !== null).sort(blockOrder);
  for (let i = 1; i < sorted.length; i++) {
    const found = orderingNull(sorted[i - 1], sorted[i]);
    if (found === 'ARRAY' || found === 'ROW') return found;
  }
  return undefined;
}

/**
 * The innermost kind of value ('ARRAY' or 'ROW') holding a NULL element or field, at any depth, or undefined; with
 * `fieldsOnly`, v is a query's row whose own NULL columns do not count. A zoned value's fields are not elements.
 */
export function nullElement(v: Json, fieldsOnly = false): 'ARRAY' | 'ROW' | undefined {
  if (v === null || zoned(v)) return undefined;
  const [kind, elements] = Array.isArray(v) ? (['ARRAY', v] as const) : isObject(v) ? (['ROW', [...v.entries.values()]] as const) : [undefined, []];
  for (const e of elements) {
    if (e === null && !fieldsOnly && kind) return kind;
    const inner = nullElement(e);
    if (inner) return inner;
  }
  return undefined;
}

export function nestedCompareUdfs(): DuckDBScalarFunction[] {
  return [
    udf('trino_extreme_null_json', [VARCHAR, BOOLEAN], VARCHAR, ([json, largest]) => {
      const elements = parseJson(String(json));
      return Array.isArray(elements) ? (extremeNull(elements, largest === true) ?? null) : null;
    }),
    udf('trino_nan_lowest_max_json', [VARCHAR], BIGINT, ([json]) => {
      const elements = parseJson(String(json));
      return BigInt(Array.isArray(elements) ? nanLowestMaxPosition(elements) : 1);
    }),
    // array_remove's decision for an element (the list's second) and x (its first): kept when unequal, removed when
    // equal, NULL where the comparison meets a NULL before it is decided (shims/function-macros.ts
    // trino_array_remove_nested fails there).
    udf('trino_remove_kept_json', [VARCHAR], BOOLEAN, ([json]) => {
      const [x, e] = parseJson(String(json)) as Json[];
      // A NULL element is kept (DuckDB's OR evaluates both sides of the macro's \`e IS NULL OR …\`).
      if (e === null) return true;
      const equal = nestedEqual(e, x);
      return equal === null ? null : !equal;
    }),
    udf('trino_unordered_key_json', [VARCHAR, VARCHAR, BIGINT], VARCHAR, ([json, types, position]) =>
      unorderedKey(parseJson(String(json)), nanKeyTypes(types), BigInt(position as bigint)),
    ),
    udf('trino_nested_equal_json', [VARCHAR, VARCHAR], BOOLEAN, ([json, types]) => nestedEqual(...bothSides(json), nanKeyTypes(types))),
    udf('trino_nested_search_json', [VARCHAR, VARCHAR], BIGINT, ([json, types]) => {
      const [x, ...elements] = parseJson(String(json)) as Json[];
      return BigInt(nestedSearch(x, elements, nanKeyTypes(types)));
    }),
    udf('trino_sort_null_json', [VARCHAR], VARCHAR, ([json]) => {
      const values = parseJson(String(json));
      return Array.isArray(values) ? (sortNull(values) ?? null) : null;
    }),
    udf('trino_null_element_json', [VARCHAR, BOOLEAN], VARCHAR, ([json, fieldsOnly]) => nullElement(parseJson(String(json)), fieldsOnly === true) ?? null),
    udf('trino_nested_ordering_null_json', [VARCHAR], VARCHAR, ([json]) => orderingNull(...bothSides(json)) ?? null),
  ];
}

/**
 * Whether x's type holds a map keyed by double or real (DuckDB's FLOAT), or by arrays or rows of them: its NaN key
 * makes it equal to nothing.
 */
const NAN_KEYED = (x: string) =>
  `regexp_matches(typeof([${x}]), 'MAP\\((?:(?:DOUBLE|FLOAT)(?:\\[\\])*,|STRUCT\\((?:[^()]|\\([^()]*\\))*?\\b(?:DOUBLE|FLOAT)\\b)')`;

/**
 * The type text of the first operand that is NAN_KEYED, else '' (a NULL argument would make the UDF's answer NULL): the
 * UDFs read the names of its double and real row fields from it (nanKeyTypes), so that a varchar field spelled nan is
 * not read as a NaN.
 */
const NAN_KEY_TYPES = (...operands: string[]) => `CASE ${operands.map((x) => `WHEN ${NAN_KEYED(x)} THEN typeof([${x}])`).join(' ')} ELSE '' END`;

const NULL_MESSAGE = `CASE trino_nested_ordering_null_json(CAST(to_json([a, b]) AS VARCHAR))
  WHEN 'ARRAY' THEN 'ARRAY comparison not supported for arrays with null elements'
  WHEN 'ROW' THEN 'ROW comparison not supported for fields with null elements'
  WHEN 'ZONE' THEN 'ordering arrays or rows of timestamps with time zone is refused locally where an element has the instant of the other one in another zone (Athena compares instants; CAST the elements to timestamp first)' END`;

const NOT_SUPPORTED = (fn: string) => `'${fn} does not support arrays with elements that are null or contain null'`;

const EXTREME_MESSAGE = (largest: boolean) => `CASE trino_extreme_null_json(CAST(to_json(a) AS VARCHAR), ${largest})
  WHEN 'ARRAY' THEN 'ARRAY comparison not supported for arrays with null elements'
  WHEN 'ROW' THEN 'ROW comparison not supported for fields with null elements' END`;

/** Trino 476's message for a comparison meeting a NULL element, by the kind of value compared (a VARCHAR expression). */
const TRINO_NULL_MESSAGE = (kind: string) => `CASE ${kind}
  WHEN 'ARRAY' THEN 'ARRAY comparison not supported for arrays with null elements'
  WHEN 'ROW' THEN 'ROW comparison not supported for fields with null elements' END`;

/** The local refusal of a sort key (or a compared row) holding a NULL element, where which pairs Trino compares is its plan's. */
const NULL_ELEMENT_REFUSED =
  "'an array or row holding a NULL element as an ORDER BY or PARTITION BY key, the value of min, max, min_by or max_by over a window, or in the rows of INTERSECT ALL or EXCEPT ALL, is refused locally: Athena fails (NOT_SUPPORTED: ARRAY comparison not supported for arrays with null elements, or ROW comparison …) where its sort compares two such values equal up to the NULL, which depends on its plan; replace the NULL elements first, e.g. transform(a, x -> coalesce(x, 0))'";

/** Whether x's type is an array or row (not a zoned timestamp's struct), in which a NULL element may be met. */
const MAY_HOLD_NULL_ELEMENT = (x: string) =>
  `(typeof([${x}]) LIKE '%[][]' OR (typeof([${x}]) LIKE 'STRUCT(%' AND typeof([${x}]) NOT LIKE 'STRUCT(trino\\_%' ESCAPE '\\'))`;

/** A DuckDB type name without nested parentheses but a decimal's (INTEGER, VARCHAR[], DECIMAL(10,2)), as a group. */
const SIMPLE_TYPE = '([A-Z0-9_]+(\\([0-9,]+\\))?(\\[\\])*)';

export const NESTED_COMPARE_MACROS: readonly string[] = [
  // array_max/array_min of arrays or rows (value: DuckDB's answer): Trino's failure where its walk compares a NULL
  // element first (extremeNull). typeof folds while binding: other element types keep the value alone.
  ...[true, false].map(
    (
      largest,
    ) => `trino_nested_${largest ? 'max' : 'min'}_checked(a, value) AS CASE WHEN typeof([a]) LIKE '%[][][]' OR (typeof([a]) LIKE 'STRUCT(%)[][]' AND typeof([a]) NOT LIKE 'STRUCT(trino\\_%' ESCAPE '\\')
       THEN CASE WHEN ${EXTREME_MESSAGE(largest)} IS NOT NULL THEN trino_fail_as(${EXTREME_MESSAGE(largest)}, value) ELSE value END ELSE value END`,
  ),
  // array_max of arrays or rows holding doubles or reals (value: DuckDB's list_max): where value holds no NaN it is
  // Trino's too (the two orders differ only where a NaN decides), else Trino's walk with NaN lowest (nanLowestMaxPosition).
  `trino_nan_lowest_max(a, value) AS CASE WHEN regexp_matches(typeof([a]), '\\b(?:DOUBLE|FLOAT)\\b') AND contains(CAST(to_json(value) AS VARCHAR), 'NaN')
     THEN a[trino_nan_lowest_max_json(CAST(to_json(a) AS VARCHAR))] ELSE value END`,
  // TRUE, or a binder error when a or b is an array, map or row: the guard of a comparison of two columns whose types
  // the translator cannot see (translate/nested-comparisons.ts). DuckDB folds typeof() while binding, so
  // \`a = b AND trino_not_nested(a, b)\` plans as \`a = b\` (a hash join stays one, a filter still pushes down).
  `trino_not_nested(a, b) AS {'trino_v': true}[CASE WHEN ${IS_NESTED('a')} OR ${IS_NESTED('b')} THEN '${REFUSED_KEY_MARKER}nested-compare' ELSE 'trino_v' END]`,
  // Both guards of a comparison of two columns (translate/nested-comparisons.ts). Two numbers (or NULL) pass both, and
  // DuckDB's typed overload finds them at ~0.1 ms of binding against ~1 ms for the guards' type names: no other type
  // casts to DOUBLE implicitly (a varchar, boolean, date, interval, JSON, ENUM, UUID, blob, array, map or row does not);
  // tests/dialect/comparable-columns.test.ts compares the two forms over pairs of 28 types.
  `trino_comparable_columns(a DOUBLE, b DOUBLE) AS true, (a, b) AS trino_not_nested(a, b) AND trino_text_comparable(a, b)`,
  // `plain` when neither a nor b is an array, map or row, else `nested` (Trino's comparison): the comparison of
  // operands whose types the translator cannot see (translate/nested-comparisons.ts). DuckDB folds typeof() while
  // binding and the constant CASE while optimizing, so a scalar comparison still pushes down or joins by hash. The plain
  // branch comes first: DuckDB binds the branches in order, so a number compared with a varchar is refused by plain's
  // text guard before nested's list of the two fails with DuckDB's own binder error (overref43: `date_diff(…) = s`).
  `trino_compare_any(a, b, plain, nested) AS CASE WHEN NOT (${IS_NESTED('a')} OR ${IS_NESTED('b')}) THEN plain ELSE nested END`,
  // x prepended to the elements: the list gives them DuckDB's common type, as Trino coerces them.
  `trino_nested_search(a, x) AS trino_nested_search_json(CAST(to_json(list_prepend(x, a)) AS VARCHAR), ${NAN_KEY_TYPES('x')})`,
  `trino_nested_contains(a, x) AS list_transform([trino_nested_search(a, x)], lambda trino_p: CASE
     WHEN trino_p = ${SEARCH.indeterminate} THEN trino_fail_as(${NOT_SUPPORTED('contains')}, true)
     WHEN trino_p = ${SEARCH.absentWithNull} THEN NULL ELSE trino_p > 0 END)[1]`,
  `trino_nested_position(a, x) AS list_transform([trino_nested_search(a, x)], lambda trino_p: CASE
     WHEN trino_p = ${SEARCH.indeterminate} THEN trino_fail_as(${NOT_SUPPORTED('array_position')}, trino_p)
     ELSE greatest(trino_p, 0) END)[1]`,
  // Where a value's type holds a map (typeof folds while binding), its unorderedKey: the key of Trino's DISTINCT.
  // A map keyed by NaN (typeof folds) equals no value: a key of its own per call, per position (at, from 1) or none (hash).
  `trino_unordered_key(x) AS trino_unordered_key_json(CAST(to_json(x) AS VARCHAR), ${NAN_KEY_TYPES('x')}, 0)`,
  `trino_unordered_key_at(x, trino_at) AS trino_unordered_key_json(CAST(to_json(x) AS VARCHAR), ${NAN_KEY_TYPES('x')}, trino_at)`,
  `trino_unordered_hash_key(x) AS trino_unordered_key_json(CAST(to_json(x) AS VARCHAR), '', 0)`,
  `trino_holds_map(x) AS typeof([x]) LIKE '%MAP(%'`,
  // Trino hashes a map as the sum of hash(key) XOR hash(value) over its entries, and approx_distinct counts by hash:
  // where a map's keys and values hash alike (one type, or integers, dates and short decimals, all hashed as a long),
  // {1:1} and {2:2} are one value, {1:2} and {2:1} another (hunt38, Trino 476: approx_distinct of MAP(ARRAY[1],
  // ARRAY[1]), MAP(ARRAY[2], ARRAY[2]), MAP(ARRAY[3], ARRAY[3]) is 1). True for such a map anywhere in x's type, and
  // for a map whose key or value type is itself nested (not read here). typeof folds while binding.
  `trino_map_hash_alike(x) AS list_bool_or(list_transform(string_split(typeof([x]), 'MAP(')[2:], lambda trino_p:
     trino_hash_family(regexp_extract(trino_p, '^${SIMPLE_TYPE}, ${SIMPLE_TYPE}\\)', 1))
       = trino_hash_family(regexp_extract(trino_p, '^${SIMPLE_TYPE}, ${SIMPLE_TYPE}\\)', 4))))`,
  `trino_hash_family(t) AS regexp_replace(t, '^(TINYINT|SMALLINT|INTEGER|BIGINT|DATE|DECIMAL\\((1[0-8]|[1-9]),[0-9]+\\))', 'LONG')`,
  // Where a value's type holds a zoned timestamp inside an array, map or row (not a zoned timestamp alone, which
  // compares by its instant already): its IS DISTINCT FROM goes by unorderedKey, which reads the instant (Trino 476:
  // ARRAY[TIMESTAMP '2020-01-01 00:00 UTC'] IS DISTINCT FROM ARRAY[TIMESTAMP '2020-01-01 01:00 +01:00'] is false).
  `trino_holds_nested_zoned(x) AS typeof(x) LIKE '%trino_instant%' AND typeof(x) NOT LIKE 'STRUCT(trino_instant %)'`,
  // TRUE, or a binder error where x holds a map: a GROUP BY key, or the row of a DISTINCT or set operation
  // (translate/zoned-groups.ts checkMapGroups, zoned-rows.ts checkMapRows).
  `trino_map_key_refused(x) AS ${mapRefused(['x'], 'true', 'map-key')}`,
  // x itself, or a binder error where x holds a map: the key of histogram, map_agg and multimap_agg (functions.ts).
  `trino_map_agg_key(x) AS ${mapRefused(['x'], 'x', 'map-agg-key')}`,
  // The elements of a met first by their unorderedKey (array_distinct, array_agg(DISTINCT …) of maps).
  `trino_distinct_unordered(a) AS trino_distinct_by(a, list_transform(a, lambda trino_e, trino_i: trino_unordered_key_at(trino_e, trino_i)))`,
  // A map keyed by NaN (typeof folds) equals nothing.
  `trino_nested_eq(a, b) AS trino_nested_equal_json(CAST(to_json([a, b]) AS VARCHAR), ${NAN_KEY_TYPES('a', 'b')})`,
  // true, or a failure where x (an ORDER BY or PARTITION BY key) holds a NULL element: which pairs of keys Trino 476
  // compares is its plan's (translate/window-keys.ts). Other types fold to true while binding.
  `trino_null_element_free(x) AS CASE WHEN ${MAY_HOLD_NULL_ELEMENT('x')}
     THEN CASE WHEN trino_null_element_json(CAST(to_json(x) AS VARCHAR), false) IS NULL THEN true ELSE trino_fail_as(${NULL_ELEMENT_REFUSED}, x IS NULL) END ELSE true END`,
  // The same of a row of INTERSECT ALL or EXCEPT ALL (the struct of its columns, whose own NULLs do not count), which
  // Trino 476 partitions by sorting (translate/zoned-rows.ts). Its JSON columns are refused while binding: "json is not
  // orderable" there where two rows meet.
  `trino_sorted_row_free(r) AS {'trino_v': CASE WHEN typeof(r) LIKE '%[]%' OR typeof(r) LIKE 'STRUCT(%STRUCT(%'
     THEN CASE WHEN trino_null_element_json(CAST(to_json(r) AS VARCHAR), true) IS NULL THEN true ELSE trino_fail_as(${NULL_ELEMENT_REFUSED}, r IS NULL) END ELSE true END}[
     CASE WHEN typeof(r) LIKE '% JSON,%' OR typeof(r) LIKE '% JSON)%' OR typeof(r) LIKE '% JSON[%' THEN '${REFUSED_KEY_MARKER}json-sorted-rows' ELSE 'trino_v' END]`,
  // value, or Trino 476's failure where a sort of the list l may compare two elements meeting a NULL element first
  // (sortNull): greatest, least, array_sort, and min, max, min_by and max_by of a group (translate/nan-calls.ts).
  `trino_sorted_null_checked(l, value) AS CASE WHEN typeof(l) LIKE '%[][]' OR (typeof(l) LIKE 'STRUCT(%)[]' AND typeof(l) NOT LIKE 'STRUCT(trino\\_%' ESCAPE '\\')
     THEN list_transform([trino_sort_null_json(CAST(to_json(l) AS VARCHAR))], lambda trino_k: CASE WHEN trino_k IS NULL THEN value
       ELSE trino_fail_as(${TRINO_NULL_MESSAGE('trino_k')}, value) END)[1] ELSE value END`,
  // `ordered` is DuckDB's a < b (or <=, >, >=): its element-by-element order is Trino's once no NULL is met. Maps
  // have no order in Trino (TYPE_MISMATCH "Cannot apply operator"), nor arrays or rows holding one: refused while
  // DuckDB binds.
  `trino_nested_ordered(a, b, ordered) AS ${mapRefused(['a, b'], `CASE WHEN ${NULL_MESSAGE} IS NOT NULL THEN trino_fail_as(${NULL_MESSAGE}, ordered) ELSE ordered END`, 'map-order')}`,
];
