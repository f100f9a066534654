// array_remove(a, x): Trino 476 fails (NOT_SUPPORTED "array_remove does not support arrays with elements that are
// null or contain null") where comparing an element with x meets a NULL inside them before the comparison is decided
// (array_remove(ARRAY[ARRAY[1, NULL]], ARRAY[1, NULL])), where DuckDB compares NULL elements as values and answers.
// The check is chosen here, from the types the SQL shows, so that a plain array_remove costs DuckDB nothing more to
// bind: a macro around every call that decided by typeof named its operands again (rows28's check, reverted: the
// UNNEST … WITH ORDINALITY speed guard went from 6.5 to 11.2 s of CPU). Elements visibly arrays, maps or rows take
// trino_array_remove_nested (its per-element check is a UDF over a lambda's parameter); elements visibly scalars keep
// trino_array_remove; where neither operand shows its type, the call is refused while DuckDB binds (lake lint binds
// every model) when the elements turn out nested: CAST the array or the value to its type to have it checked.
import { keyword } from '../tokens.js';
import { REFUSED_KEY_MARKER } from '../shims/error-messages.js';
import { isParen, meaningful, nodeKeyword, splitArgs, type Node } from './tree.js';
import { TYPED_LITERAL_KEYWORDS } from './types.js';
import { isNestedCall } from './nested-comparisons.js';
import { isColumnName } from './column-operands.js';

/** What the SQL shows of a value's type: an array, map or row; another type; a bare NULL; or nothing. */
export type Shown = 'nested' | 'scalar' | 'null' | 'unknown';

const NESTED_TYPE_WORDS = new Set(['ARRAY', 'MAP', 'ROW']);

/** Calls whose value is visibly not an array, map or row (a scalar of their own type). */
const SCALAR_CALLS = new Set([
  'abs',
  'cardinality',
  'concat_ws',
  'date',
  'date_add',
  'date_trunc',
  'from_unixtime',
  'length',
  'lower',
  'round',
  'substr',
  'substring',
  'to_unixtime',
  'trim',
  'upper',
]);

/** Calls whose elements are their first argument's (a subset, a reordering, a copy). */
const SAME_ELEMENT_CALLS = new Set([
  'array_distinct',
  'array_except',
  'array_intersect',
  'array_remove',
  'array_sort',
  'array_union',
  'reverse',
  'slice',
  'trim_array',
]);

/** Calls returning arrays of scalars (numbers, texts, dates). */
const SCALAR_ELEMENT_CALLS = new Set(['regexp_extract_all', 'regexp_split', 'sequence', 'split']);

/** Calls returning arrays of arrays, maps or rows. */
const NESTED_ELEMENT_CALLS = new Set(['combinations', 'map_entries', 'ngrams', 'zip']);

/** The type a CAST or TRY_CAST call casts to: the nodes after its last top-level AS. */
function castTargetNodes(name: string, args: readonly Node[]): Node[] | undefined {
  if (name !== 'cast' && name !== 'try_cast') return undefined;
  const items = meaningful(args);
  const as = items.map((n) => nodeKeyword(n)).lastIndexOf('AS');
  return as >= 0 ? items.slice(as + 1) : undefined;
}

/** A call `name(…)` written as two nodes: its lower-case name and its parenthesised arguments. */
function callParts(m: readonly Node[]): { name: string; args: Node[] } | undefined {
  if (m.length !== 2 || m[0].kind !== 'token' || m[0].token.kind !== 'word' || !isParen(m[1])) return undefined;
  const group = m[1];
  return group.kind === 'group' ? { name: m[0].token.text.toLowerCase(), args: group.items } : undefined;
}

/** What the SQL shows of the type of the value `nodes`. */
export function shownType(nodes: readonly Node[]): Shown {
  const m = meaningful(nodes);
  if (m.length === 0) return 'unknown';
  if (m.length === 1 && isParen(m[0])) {
    const inner = splitArgs(m[0].items);
    // (a, b) is a row; (x) is x.
    return inner.length > 1 ? 'nested' : shownType(m[0].items);
  }
  if (m.length === 1 && m[0].kind === 'token') {
    const t = m[0].token;
    if (t.kind === 'number' || t.kind === 'string') return 'scalar';
    const word = keyword(t);
    if (word === 'NULL') return 'null';
    return word === 'TRUE' || word === 'FALSE' ? 'scalar' : 'unknown';
  }
  // -1, +2.5
  if (m.length === 2 && m[0].kind === 'token' && (m[0].token.text === '-' || m[0].token.text === '+') && m[1].kind === 'token' && m[1].token.kind === 'number')
    return 'scalar';
  // DATE '…', TIMESTAMP '… UTC', REAL '1.5', INTERVAL '1' DAY
  if (m[0].kind === 'token' && TYPED_LITERAL_KEYWORDS.has(keyword(m[0].token)) && m[1]?.kind === 'token' && m[1].token.kind === 'string') return 'scalar';
  if (m.length === 2 && NESTED_TYPE_WORDS.has(nodeKeyword(m[0])) && (isParen(m[1], '[') || isParen(m[1]))) return 'nested';
  const call = callParts(m);
  if (!call) return 'unknown';
  const target = castTargetNodes(call.name, call.args);
  if (target) return NESTED_TYPE_WORDS.has(nodeKeyword(target[0])) ? 'nested' : 'scalar';
  const group = m[1];
  if (group.kind === 'group' && isNestedCall(call.name, group)) return 'nested';
  return SCALAR_CALLS.has(call.name) ? 'scalar' : 'unknown';
}

/** What the SQL shows of the type of the elements of the array `nodes`. */
export function shownElementType(nodes: readonly Node[]): Shown {
  const m = meaningful(nodes);
  if (m.length === 1 && isParen(m[0]) && splitArgs(m[0].items).length === 1) return shownElementType(m[0].items);
  if (m.length === 2 && nodeKeyword(m[0]) === 'ARRAY' && isParen(m[1], '[')) {
    const kinds = splitArgs(m[1].kind === 'group' ? m[1].items : []).map(shownType);
    if (kinds.includes('nested')) return 'nested';
    return kinds.includes('scalar') ? 'scalar' : 'unknown';
  }
  const call = callParts(m);
  if (!call) return 'unknown';
  const target = castTargetNodes(call.name, call.args);
  if (target) {
    // CAST(… AS array(T)): T's first word.
    if (nodeKeyword(target[0]) !== 'ARRAY' || !isParen(target[1])) return 'unknown';
    const element = target[1].kind === 'group' ? meaningful(target[1].items) : [];
    return NESTED_TYPE_WORDS.has(nodeKeyword(element[0])) ? 'nested' : 'scalar';
  }
  if (SCALAR_ELEMENT_CALLS.has(call.name)) return 'scalar';
  if (NESTED_ELEMENT_CALLS.has(call.name)) return 'nested';
  if (SAME_ELEMENT_CALLS.has(call.name)) return shownElementType(splitArgs(call.args)[0] ?? []);
  return 'unknown';
}

/** Whether array_remove(a, x) compares arrays, maps or rows, as far as the SQL shows. */
export function removedType(a: readonly Node[], x: readonly Node[]): Shown {
  const [elements, value] = [shownElementType(a), shownType(x)];
  if (elements === 'nested' || value === 'nested') return 'nested';
  if (elements === 'scalar' || value === 'scalar') return 'scalar';
  // A bare NULL removed: NULL whatever the elements (the macros' first branch, as Trino).
  return value === 'null' ? 'scalar' : 'unknown';
}

/** typeof(t) shows an array, a map or a row (not a zoned timestamp's or an ipaddress's struct). */
const NESTED_TYPE_TEXT = (t: string, suffix: string) =>
  `(${t} LIKE '%[]${suffix}' OR ${t} LIKE 'MAP(%)${suffix}' OR (${t} LIKE 'STRUCT(%)${suffix}' AND ${t} NOT LIKE 'STRUCT(trino\\_%' ESCAPE '\\'))`;

/**
 * The DuckDB text of array_remove(a, x) (a and x rendered): the nested shim where the SQL shows arrays, maps or rows
 * compared, the plain one where it shows scalars, else the plain one refused while binding where DuckDB types the
 * elements nested (typeof folds while binding; the check names the value removed, or the array when only it is a
 * column, once more).
 */
export function arrayRemoveText(shown: Shown, a: string, x: string, correlatable = false): string {
  // In a subquery that may read outer columns the binding refusal does not bind (DuckDB's "Need named argument for
  // struct pack"): the nested shim, which compares any element type as Trino does, decides there.
  if (shown === 'nested' || (shown === 'unknown' && correlatable)) return `trino_array_remove_nested(${a}, ${x})`;
  const plain = `trino_array_remove(${a}, ${x})`;
  if (shown === 'scalar') return plain;
  const nested = isColumnName(a) && !isColumnName(x) ? NESTED_TYPE_TEXT(`typeof([${a}])`, '[][]') : NESTED_TYPE_TEXT(`typeof([${x}])`, '[]');
  return `{'trino_v': ${plain}}[CASE WHEN ${nested} THEN '${REFUSED_KEY_MARKER}array_remove nested' ELSE 'trino_v' END]`;
}
