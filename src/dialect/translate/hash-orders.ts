// Hash orders (issue 15). Where Trino 476 builds a map or a distinct set in a hash table, the order it hands the
// entries out in is its hash order (and, in Athena's distributed plan, that of its partial aggregations too):
// map_keys(map_agg(k, v)) of 3, 1, 2 is [3, 2, 1] there, [3, 1, 2] locally (input order); map_keys(histogram(x)) of
// 3, 1, 2 is [3, 2, 1] ([1, 2, 3] locally); map_keys(split_to_map('c=1,a=2,b=3', ',', '=')) is [a, b, c] ([c, a, b]);
// array_agg(DISTINCT x) of 'c', 'a', 'b', 'a' is [c, b, a] ([b, c, a]). SQL promises no order there, and the local
// engine does not reproduce Trino's hash, so a use that reveals the order is refused (unfaithful/hash-order), with a
// rewrite both engines answer alike. One concept: a value whose order is a hash order.
// - A hash-ordered map: a call of a producer below (with or without FILTER/OVER), or a map function that keeps its
//   argument's order (map_filter, transform_keys, transform_values, map_concat, map_zip_with: asked of Trino 476, they
//   keep the input order) of one. A map itself reveals nothing: it prints and compares by its entries, and
//   element_at(m, key) or m[key] read one entry.
// - A hash-ordered array: map_keys, map_values or map_entries of a hash-ordered map; array_agg(DISTINCT x) without an
//   ORDER BY and without OVER (the window form keeps the input order in Trino 476, as locally).
// A hash-ordered array is refused unless its call is the direct argument of an order-free consumer (cardinality,
// contains, array_sort of one argument, array_max, array_min, arrays_overlap;
// Trino 476's array_max of [1, NaN, 2], [NaN, 1, 2] and [2, 1, NaN] is 2 in each): everything else (a subscript, array_join, UNNEST, a cast,
// `=`, transform, zip, the array as an output column) reveals the order.
// A WITH or subquery column named in a select list after such a map (`WITH t AS (SELECT map_agg(k, v) m …) SELECT
// map_keys(m) FROM t`) is one too, by name (hashOrderedAliases). Not seen: a name given in a column list, a view's
// column, a table written by an earlier model; an order-free consumer reached through other calls (cardinality(filter(array_agg(DISTINCT
// x), …)) is refused: write the array_sort inside).
import { isParen, meaningful, nodeKeyword, nodeText, type GroupNode, type Node } from './tree.js';

/** Aggregates and scalars whose map comes out of a hash table in Trino 476 (each asked with keys in an order its hash does not keep). */
const HASH_MAP_PRODUCERS = new Set(['map_agg', 'histogram', 'multimap_agg', 'map_union', 'split_to_map', 'split_to_multimap', 'approx_most_frequent']);
/** Map functions whose result keeps its map arguments' order (Trino 476), by the argument positions that pass it on. */
const MAP_ORDER_KEEPERS: Record<string, readonly number[] | 'all'> = {
  map_filter: [0],
  transform_keys: [0],
  transform_values: [0],
  map_zip_with: [0, 1],
  map_concat: 'all',
};
/** The calls that hand a map's entries out as an array, in the map's order. */
const MAP_ORDER_REVEALERS = new Set(['map_keys', 'map_values', 'map_entries']);
/** Calls whose answer does not depend on their array argument's order, by argument position (array_sort: one argument only). */
const ORDER_FREE_CONSUMERS: Record<string, readonly number[]> = {
  cardinality: [0],
  contains: [0],
  array_sort: [0],
  array_max: [0],
  array_min: [0],
  arrays_overlap: [0, 1],
};

interface WrittenCall {
  name: string;
  group: GroupNode;
  args: Node[][];
  tail: Node[];
}

/** The call the nodes are (in parentheses or not), with its tail; undefined for anything else. */
function writtenCall(nodes: readonly Node[], splitArgs: (items: readonly Node[]) => Node[][]): WrittenCall | undefined {
  const m = meaningful(nodes);
  if (m.length === 1 && isParen(m[0]) && m[0].items.length > 0) return writtenCall(m[0].items, splitArgs);
  const [name, group] = m;
  if (name?.kind !== 'token' || !isParen(group) || name.token.kind !== 'word') return undefined;
  return { name: nodeText(name).toLowerCase(), group, args: splitArgs(group.items), tail: m.slice(2) };
}

/** A column written `c` or `t.c` (its name lower-cased, unquoted), else undefined. */
function columnName(nodes: readonly Node[]): string | undefined {
  const m = meaningful(nodes);
  const last = m[m.length - 1];
  const plain = m.length === 1 || (m.length === 3 && nodeText(m[1]) === '.' && m[0].kind === 'token');
  if (!plain || last?.kind !== 'token' || (last.token.kind !== 'word' && last.token.kind !== 'quoted')) return undefined;
  return nameOf(last.token.text);
}
const nameOf = (text: string): string => (/^["`]/.test(text) ? text.slice(1, -1).replace(/""/g, '"') : text).toLowerCase();

/**
 * Whether the nodes are a map whose order is a hash order: a producer's call, an order keeper of one, or a column
 * named like a WITH or subquery output that is one (`columns`, hashOrderedAliases).
 */
function isHashOrderedMap(nodes: readonly Node[], splitArgs: (items: readonly Node[]) => Node[][], columns: ReadonlySet<string>): boolean {
  const column = columns.size > 0 ? columnName(nodes) : undefined;
  if (column !== undefined) return columns.has(column);
  const selected = scalarSelectItem(nodes);
  if (selected) return isHashOrderedMap(selected, splitArgs, columns);
  const call = writtenCall(nodes, splitArgs);
  if (!call) return false;
  if (HASH_MAP_PRODUCERS.has(call.name)) return true;
  const keeps = MAP_ORDER_KEEPERS[call.name];
  if (!keeps) return false;
  return call.args.some((a, k) => (keeps === 'all' || keeps.includes(k)) && isHashOrderedMap(a, splitArgs, columns));
}

/**
 * The one select item of a scalar subquery written as the nodes (`(SELECT map_agg(k, v) FROM …)`), without its alias;
 * undefined for anything else.
 */
function scalarSelectItem(nodes: readonly Node[]): Node[] | undefined {
  const m = meaningful(nodes);
  if (m.length !== 1 || !isParen(m[0])) return undefined;
  const items = meaningful(m[0].items);
  if (nodeKeyword(items[0]) !== 'SELECT') return undefined;
  const from = items.findIndex((n) => nodeKeyword(n) === 'FROM');
  const item = items.slice(nodeKeyword(items[1]) === 'ALL' ? 2 : 1, from < 0 ? items.length : from);
  if (item.some((n) => nodeText(n) === ',')) return undefined;
  const named = item.length > 1 && item[item.length - 1].kind === 'token' && (item.length === 2 || nodeKeyword(item[item.length - 2]) === 'AS');
  return named ? item.slice(0, nodeKeyword(item[item.length - 2]) === 'AS' ? -2 : -1) : item;
}

/** Words that end a select item without naming it. */
const NOT_AN_ALIAS = new Set([
  'FROM',
  'WHERE',
  'GROUP',
  'ORDER',
  'HAVING',
  'UNION',
  'INTERSECT',
  'EXCEPT',
  'LIMIT',
  'WINDOW',
  'OFFSET',
  'FETCH',
  'AND',
  'OR',
  'IS',
  'IN',
  'NOT',
  'BETWEEN',
  'LIKE',
  'THEN',
  'ELSE',
  'END',
  'WHEN',
  'AT',
]);
/** A regular expression for the statements that may name a hash-ordered map (cheap to test before walking the tree). */
export const MAY_NAME_HASH_ORDERED = /\b(?:map_agg|histogram|multimap_agg|map_union|split_to_map|split_to_multimap|approx_most_frequent)\s*\(/i;

/**
 * The names given to hash-ordered maps in the statement's select lists (`map_agg(k, v) AS m`, `histogram(x) h`), at any
 * level, lower-cased: `map_keys(m)` of such a column of a WITH query or subquery reveals the order as the call does.
 * By name only (a table column of the same name elsewhere in the statement is taken as one too); a name given in a
 * column list (`WITH t(m) AS (…)`) is not read.
 */
export function hashOrderedAliases(tree: readonly Node[], splitArgs: (items: readonly Node[]) => Node[][]): Set<string> {
  const names = new Set<string>();
  const walk = (items: readonly Node[]) => {
    const m = meaningful(items);
    for (let i = 0; i < m.length; i++) {
      const n = m[i];
      if (n.kind === 'group') walk(n.items);
      if (n.kind !== 'token' || n.token.kind !== 'word' || !isParen(m[i + 1])) continue;
      let j = i + 2;
      while (['OVER', 'FILTER'].includes(nodeKeyword(m[j])) && m[j + 1]) j += 2;
      const end = j;
      if (nodeKeyword(m[j]) === 'AS') j++;
      const alias = m[j];
      if (alias?.kind !== 'token' || (alias.token.kind !== 'word' && alias.token.kind !== 'quoted') || NOT_AN_ALIAS.has(nodeKeyword(alias))) continue;
      if (isHashOrderedMap(m.slice(i, end), splitArgs, new Set())) names.add(nameOf(alias.token.text));
    }
  };
  walk(tree);
  return names;
}

/** array_agg(DISTINCT x) without ORDER BY and without OVER. */
function isUnorderedDistinctAgg(name: string, args: readonly Node[][], tail: readonly Node[]): boolean {
  if (name !== 'array_agg' || args.length !== 1) return false;
  const nodes = meaningful(args[0]);
  if (nodeKeyword(nodes[0]) !== 'DISTINCT' || nodes.some((n) => nodeKeyword(n) === 'ORDER')) return false;
  return !tail.some((n) => nodeKeyword(n) === 'OVER');
}

export interface HashOrderRefusal {
  message: string;
  hint: string;
}

/**
 * The refusal of a call whose array comes in a hash order (map_keys of a map_agg, array_agg(DISTINCT x)), unless
 * `orderFree` (the call is the direct argument of an order-free consumer); undefined otherwise.
 */
export function hashOrderRefusal(
  name: string,
  args: readonly Node[][],
  tail: readonly Node[],
  orderFree: boolean,
  splitArgs: (items: readonly Node[]) => Node[][],
  columns: ReadonlySet<string> = new Set(),
): HashOrderRefusal | undefined {
  if (orderFree) return undefined;
  if (isUnorderedDistinctAgg(name, args, tail))
    return {
      message:
        "array_agg(DISTINCT x) without ORDER BY hands its values out in Athena's hash order (which also depends on its distributed plan), which the local engine does not reproduce",
      hint: 'write array_agg(DISTINCT x ORDER BY x), or array_sort(array_agg(DISTINCT x))',
    };
  if (MAP_ORDER_REVEALERS.has(name) && args.length === 1 && isHashOrderedMap(args[0], splitArgs, columns)) {
    const column = columnName(args[0]);
    const producer =
      column !== undefined
        ? `a column (${column}) holding a map_agg, histogram or split_to_map`
        : `a map made by ${innermostProducer(args[0], splitArgs) ?? 'map_agg'}`;
    return {
      message: `${name} of ${producer} hands its entries out in Athena's hash order (which also depends on its distributed plan), which the local engine does not reproduce`,
      hint: `write array_sort(${name}(…))${name === 'map_entries' ? ', or read the entries by key: element_at(m, key)' : ''}`,
    };
  }
  return undefined;
}

function innermostProducer(nodes: readonly Node[], splitArgs: (items: readonly Node[]) => Node[][]): string | undefined {
  const call = writtenCall(nodes, splitArgs);
  if (!call) return undefined;
  if (HASH_MAP_PRODUCERS.has(call.name)) return call.name;
  for (const a of call.args) {
    const inner = innermostProducer(a, splitArgs);
    if (inner) return inner;
  }
  return undefined;
}

/** The calls written as the order-free arguments of the call `name(args)` (their hash order is not revealed there). */
export function orderFreeArgumentCalls(name: string, args: readonly Node[][], splitArgs: (items: readonly Node[]) => Node[][]): GroupNode[] {
  const positions = ORDER_FREE_CONSUMERS[name];
  if (!positions || (name === 'array_sort' && args.length !== 1)) return [];
  return positions.flatMap((k) => {
    const call = args[k] ? writtenCall(args[k], splitArgs) : undefined;
    return call ? [call.group] : [];
  });
}
