// The SQL/JSON path functions json_exists, json_value and json_query (https://trino.io/docs/current/functions/json.html), for the
// subset the translator lets through (translate/functions.ts sqlJsonCall): lax mode, member accessors `.a` and `."a b"`,
// array accessors `[0]` and `[*]`, the default behaviours (json_exists FALSE ON ERROR, json_value NULL ON EMPTY and NULL
// ON ERROR, RETURNING varchar). The input is JSON text, read as Trino's Jackson reads it (repeated keys: the last; the
// first value only: json-reader.ts readFirstJson).
import { isFloatText, javaUtf8Text, type JsonValue, readFirstJson } from './json-reader.js';
import { jacksonString, scalarJson, trinoDoubleText } from './json-canonical.js';

export type PathStep = { kind: 'member'; name: string } | { kind: 'element'; index: number } | { kind: 'all' };

const STEP = /\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_]*)|\.\s*"([^"\\]*)"|\[\s*(\d+)\s*\]|\[\s*\*\s*\])/y;

/** The steps of a lax path of the subset, or undefined for any other path (strict mode, filters, methods, `last`, …). */
export function sqlJsonPathSteps(path: string): PathStep[] | undefined {
  const head = /^\s*lax\s+\$/.exec(path);
  if (!head) return undefined;
  const steps: PathStep[] = [];
  let at = head[0].length;
  while (at < path.length) {
    if (/^\s*$/.test(path.slice(at))) break;
    STEP.lastIndex = at;
    const m = STEP.exec(path);
    if (!m) return undefined;
    const index = m[3] === undefined ? undefined : Number(m[3]);
    if (index !== undefined && !Number.isSafeInteger(index)) return undefined;
    steps.push(
      m[1] !== undefined
        ? { kind: 'member', name: m[1] }
        : m[2] !== undefined
          ? { kind: 'member', name: m[2] }
          : index !== undefined
            ? { kind: 'element', index }
            : { kind: 'all' },
    );
    at = STEP.lastIndex;
  }
  return steps;
}

/** Lax mode: a member accessor unwraps an array (its objects' members), a scalar has none; an array accessor wraps a non-array. */
function step(items: readonly JsonValue[], s: PathStep): JsonValue[] {
  const out: JsonValue[] = [];
  const member = (v: JsonValue) => {
    if (v.kind !== 'object' || s.kind !== 'member') return;
    // Jackson keeps the last of repeated keys (Trino 476: json_value('{"a":1,"a":2}', 'lax $.a') is '2').
    const entry = [...v.entries].reverse().find(([key]) => key === s.name);
    if (entry) out.push(entry[1]);
  };
  for (const v of items) {
    if (s.kind === 'member') {
      if (v.kind === 'array') v.items.forEach(member);
      else member(v);
      continue;
    }
    const array = v.kind === 'array' ? v.items : [v];
    if (s.kind === 'all') out.push(...array);
    else if (s.index < array.length) out.push(array[s.index]);
  }
  return out;
}

function evaluate(text: string, path: string): JsonValue[] {
  const steps = sqlJsonPathSteps(path);
  if (!steps) throw new Error(`JSON path not supported locally: ${path}`);
  return steps.reduce(step, [readFirstJson(text)]);
}

/** The path's items, or undefined for a text that is not JSON (NULL ON ERROR); an unsupported path still fails. */
function itemsOrError(text: string, path: string): JsonValue[] | undefined {
  try {
    return evaluate(text, path);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('JSON path not supported')) throw error;
    return undefined;
  }
}

/** json_exists(text, path): whether the path finds an item; false for a text that is not JSON (FALSE ON ERROR). */
export function sqlJsonExists(text: string, path: string): boolean {
  return (itemsOrError(text, path)?.length ?? 0) > 0;
}

const LONG = [-(2n ** 63n), 2n ** 63n - 1n];

/**
 * json_value(text, path) RETURNING varchar: the one scalar item as text (Trino 476: an integer as a bigint's text,
 * `-0` is 0, past a bigint NULL; a fraction or exponent as a double's, 1.50 is 1.5E0), NULL for no item, several, an
 * array or object, JSON null or a text that is not JSON (NULL ON EMPTY, NULL ON ERROR).
 */
export function sqlJsonValue(text: string, path: string): string | null {
  const items = itemsOrError(text, path);
  if (items === undefined) return null;
  if (items.length !== 1) return null;
  const [v] = items;
  if (v.kind === 'string') return javaUtf8Text(v.value);
  if (v.kind === 'word') return v.word === 'null' ? null : v.word;
  if (v.kind !== 'number') return null;
  if (isFloatText(v.text)) return trinoDoubleText(Number(v.text));
  const n = BigInt(v.text);
  return n >= LONG[0] && n <= LONG[1] ? n.toString() : null;
}

/** An item as Jackson writes a JsonNode: keys in their first place with their last value (a LinkedHashMap), no spaces. */
function itemJson(v: JsonValue): string {
  if (v.kind === 'array') return `[${v.items.map(itemJson).join(',')}]`;
  if (v.kind === 'object') return `{${[...new Map(v.entries)].map(([k, e]) => `${jacksonString(k)}:${itemJson(e)}`).join(',')}}`;
  return scalarJson(v);
}

export type Wrapper = 'without' | 'unconditional' | 'conditional';

/**
 * json_query(text, path [wrapper]) RETURNING varchar: without a wrapper the one item's JSON (a scalar too: Trino 476's
 * json_query('{"a":"x"}', 'lax $.a') is '"x"'), NULL for several; with one, the items in an array (the conditional
 * wrapper leaves one array or object as it is); NULL for no item (also with a wrapper) and a text that is not JSON.
 */
export function sqlJsonQuery(text: string, path: string, wrapper: Wrapper): string | null {
  const items = itemsOrError(text, path);
  if (items === undefined) return null;
  if (items.length === 0) return null;
  const single = items.length === 1 && (wrapper === 'without' || (wrapper === 'conditional' && (items[0].kind === 'array' || items[0].kind === 'object')));
  if (single) return itemJson(items[0]);
  return wrapper === 'without' ? null : `[${items.map(itemJson).join(',')}]`;
}
