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
// A hash-ordered array is refused unless its call is an argument of an order-free consumer (cardinality, contains,
// array_sort of one argument, array_max, array_min, arrays_overlap, any_match, all_match, none_match; Trino 476's
// array_max of [1, NaN, 2], [NaN, 1, 2] and [2, 1, NaN] is 2 in each), directly or through calls that pass elements on
// (filter, transform, array_distinct, …: ORDER_PASSERS), or a subquery's column read only so (unreadHashOrderCalls):
// everything else (a subscript, array_join, UNNEST, a cast, `=`, reduce, zip, the array as an output column) reveals
// the order. A map is also hash-ordered through coalesce, if, nullif, try and CASE (Trino 476 keeps the order), and
// through names: a WITH or subquery column named after one in a select list or a column list (`WITH t(m) AS (SELECT
// map_agg(k, v) …)`), passed on as `m AS n`, or a lambda parameter bound to the elements of ARRAY[…]/array_agg of one
// (hashOrderedAliases), by name in the whole statement; and a column of a table or view the statement reads that holds
// one (a CTAS, INSERT, UPDATE, MERGE or view wrote it from such a map: queryHashOrderedOutputs,
// assignedHashOrderedColumns; a view's derived again from its query when the catalog lists them:
// relationsHashOrderedColumns; kept by the local catalog and handed in as TranslateContext.hashOrderedColumns; `lake lint` reads upstream models' columns: lint/hash-upstream.ts;
// docs/issue-15-audit.md, hashv41's, hashrun42's and hashv43's sections).
import { splitStatements } from '../statements.js';
import { tokenize } from '../tokens.js';
import { buildTree, isCase, isParen, meaningful, nodeKeyword, nodeText, type GroupNode, type Node } from './tree.js';
import { relationNamesIn } from './zoned-groups.js';

/** Aggregates and scalars whose map comes out of a hash table in Trino 476 (each asked with keys in an order its hash does not keep). */
const HASH_MAP_PRODUCERS = new Set(['map_agg', 'histogram', 'multimap_agg', 'map_union', 'split_to_map', 'split_to_multimap', 'approx_most_frequent']);
/**
 * Map functions whose result keeps its map arguments' order (Trino 476), by the argument positions that pass it on;
 * also the forms that hand one of their arguments on (coalesce, if, nullif, try: Trino 476 map_keys of each around a
 * map_agg of 3, 1, 2 is [3, 2, 1], as of the map_agg; CASE's branches are read in isHashOrderedMap).
 */
const MAP_ORDER_KEEPERS: Record<string, readonly number[] | 'all'> = {
  map_filter: [0],
  transform_keys: [0],
  transform_values: [0],
  map_zip_with: [0, 1],
  map_concat: 'all',
  coalesce: 'all',
  if: [1, 2],
  nullif: [0],
  try: [0],
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
  // Trino 476 stops at the first deciding element, the local engine reads them all: an element whose predicate fails
  // fails locally wherever it is, so an order can only make Trino's answer where the local engine fails (loud).
  any_match: [0],
  all_match: [0],
  none_match: [0],
};
/**
 * Calls whose array keeps (part of) its array arguments' elements in their order, by the positions that pass them on:
 * under an order-free consumer (cardinality(filter(array_agg(DISTINCT x), …))) the order stays unread.
 */
const ORDER_PASSERS: Record<string, readonly number[] | 'all'> = {
  filter: [0],
  transform: [0],
  array_distinct: [0],
  array_remove: [0],
  array_union: [0, 1],
  array_intersect: [0, 1],
  array_except: [0, 1],
  concat: 'all',
};
/** Functions with lambdas over an array's elements or a map's values, by the lambda parameter each array or map argument binds (hashOrderedAliases). */
const ELEMENT_LAMBDAS: Record<string, readonly (readonly [number, number])[]> = {
  transform: [[0, 0]],
  filter: [[0, 0]],
  any_match: [[0, 0]],
  all_match: [[0, 0]],
  none_match: [[0, 0]],
  array_sort: [
    [0, 0],
    [0, 1],
  ],
  reduce: [[0, 1]],
  zip_with: [
    [0, 0],
    [1, 1],
  ],
  // A map's values: transform_values(mm, (k, h) -> map_keys(h)) of a map of such maps.
  transform_values: [[0, 1]],
  transform_keys: [[0, 1]],
  map_filter: [[0, 1]],
  map_zip_with: [
    [0, 1],
    [1, 2],
  ],
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
  // A map lambda's parameter is substituted by its value before its body is read (lambda-rewrites.ts): by its name.
  return nameOf(last.token.parameter ?? last.token.text);
}
const nameOf = (text: string): string => (/^["`]/.test(text) ? text.slice(1, -1).replace(/""/g, '"') : text).toLowerCase();

/**
 * Whether the nodes are a map whose order is a hash order: a producer's call, an order keeper of one, or a column
 * named like a WITH or subquery output that is one (`columns`, hashOrderedAliases).
 */
function isHashOrderedMap(nodes: readonly Node[], splitArgs: (items: readonly Node[]) => Node[][], columns: ReadonlySet<string>): boolean {
  const column = columns.size > 0 ? columnName(nodes) : undefined;
  const m = meaningful(nodes);
  // `r.m`: a column m, or the field m of a name holding such maps (`CAST(ROW(map_agg(k, v)) AS ROW(m MAP(…))) AS r`).
  if (column !== undefined) return columns.has(column) || (m.length === 3 && columns.has(nameOf(nodeText(m[0]))));
  const selected = scalarSelectItem(nodes);
  if (selected) return isHashOrderedMap(selected, splitArgs, columns);
  if (m.length === 1 && isCase(m[0])) return caseResults(m[0] as GroupNode).some((r) => isHashOrderedMap(r, splitArgs, columns));
  // An element or a field of a value holding such maps: `ARRAY[map_agg(k, v)][1]`, `CAST(ROW(map_agg(k, v)) AS
  // ROW(m MAP(…))).m`, `ROW(map_agg(k, v))[1]` (Trino 476 keeps the order).
  if (m.length >= 2 && isParen(m[m.length - 1], '[') && holdsHashOrderedMaps(m.slice(0, -1), splitArgs, columns)) return true;
  if (m.length > 2 && nodeText(m[m.length - 2]) === '.' && holdsHashOrderedMaps(m.slice(0, -2), splitArgs, columns)) return true;
  const call = writtenCall(nodes, splitArgs);
  if (!call) return false;
  if (HASH_MAP_PRODUCERS.has(call.name)) return true;
  // element_at of an array or a map of such maps; a cast keeps the order (Trino 476: map_keys(CAST(map_agg(k, v) AS MAP(…))) is [3, 2, 1]).
  if (call.name === 'element_at' && call.args.length === 2 && holdsHashOrderedMaps(call.args[0], splitArgs, columns)) return true;
  if ((call.name === 'cast' || call.name === 'try_cast') && call.args.length === 1) return isHashOrderedMap(castOperand(call.args[0]), splitArgs, columns);
  const keeps = MAP_ORDER_KEEPERS[call.name];
  if (!keeps) return false;
  return call.args.some((a, k) => (keeps === 'all' || keeps.includes(k)) && isHashOrderedMap(a, splitArgs, columns));
}

/** The result expressions of a CASE (after each THEN and the ELSE). */
function caseResults(group: GroupNode): Node[][] {
  const results: Node[][] = [];
  let current: Node[] | undefined;
  for (const n of group.items) {
    const word = nodeKeyword(n);
    if (word === 'WHEN') current = undefined;
    else if (word === 'THEN' || word === 'ELSE') results.push((current = []));
    else current?.push(n);
  }
  return results;
}

/** The operand of a cast's `x AS type`. */
const castOperand = (arg: readonly Node[]): Node[] => {
  const m = meaningful(arg);
  const as = m.findIndex((n) => nodeKeyword(n) === 'AS');
  return as < 0 ? m : m.slice(0, as);
};

/**
 * Whether the nodes hold hash-ordered maps inside them (their elements, fields or values): ARRAY[…] or ROW(…) holding
 * one, array_agg of one, map_agg or multimap_agg whose values are such maps, MAP(keys, such an array), a cast or an
 * order keeper of one (transform_values of a map of them), or a name the statement gives such a value or map (names
 * hold both: `map_keys` of a name holding a ROW is an error on both engines, so the sets need not be told apart).
 */
function holdsHashOrderedMaps(nodes: readonly Node[], splitArgs: (items: readonly Node[]) => Node[][], columns: ReadonlySet<string>): boolean {
  const column = columns.size > 0 ? columnName(nodes) : undefined;
  if (column !== undefined) return columns.has(column);
  const selected = scalarSelectItem(nodes);
  if (selected) return holdsHashOrder(selected, splitArgs, columns);
  const m = meaningful(nodes);
  if (m.length === 1 && isCase(m[0])) return caseResults(m[0] as GroupNode).some((r) => holdsHashOrderedMaps(r, splitArgs, columns));
  if (m.length === 2 && nodeKeyword(m[0]) === 'ARRAY' && isParen(m[1], '[')) return splitArgs(m[1].items).some((e) => holdsHashOrder(e, splitArgs, columns));
  // An element or a field of one that holds such values itself (`ARRAY[ARRAY[map_agg(k, v)]][1]`).
  if (
    m.length > 2 &&
    (isParen(m[m.length - 1], '[') || nodeText(m[m.length - 2]) === '.') &&
    holdsHashOrderedMaps(m.slice(0, isParen(m[m.length - 1], '[') ? -1 : -2), splitArgs, columns)
  )
    return true;
  const call = writtenCall(nodes, splitArgs);
  if (!call) return false;
  const [first, second] = call.args;
  switch (call.name) {
    case 'row':
      return call.args.some((a) => holdsHashOrder(a, splitArgs, columns));
    case 'array_agg':
      return call.args.length === 1 && holdsHashOrder(withoutOrderBy(first), splitArgs, columns);
    case 'map_agg':
    case 'multimap_agg':
    case 'map':
      return second !== undefined && holdsHashOrder(second, splitArgs, columns);
    case 'cast':
    case 'try_cast':
      return call.args.length === 1 && holdsHashOrderedMaps(castOperand(first), splitArgs, columns);
    case 'element_at':
      return call.args.length === 2 && holdsHashOrderedMaps(first, splitArgs, columns);
  }
  const keeps = MAP_ORDER_KEEPERS[call.name];
  return keeps !== undefined && call.args.some((a, k) => (keeps === 'all' || keeps.includes(k)) && holdsHashOrderedMaps(a, splitArgs, columns));
}
/** A hash-ordered map, or a value holding such maps. */
const holdsHashOrder = (nodes: readonly Node[], splitArgs: (items: readonly Node[]) => Node[][], columns: ReadonlySet<string>): boolean =>
  isHashOrderedMap(nodes, splitArgs, columns) || holdsHashOrderedMaps(nodes, splitArgs, columns);
const withoutOrderBy = (nodes: readonly Node[]): Node[] => {
  const m = meaningful(nodes);
  const order = m.findIndex((n) => nodeKeyword(n) === 'ORDER');
  return order < 0 ? m : m.slice(0, order);
};

/** The select items of a query's every branch (UNION …), each without its alias; undefined where one is `*` or unread. */
function selectItemsOfBranches(items: readonly Node[], splitArgs: (items: readonly Node[]) => Node[][]): Node[][][] | undefined {
  const branches: Node[][] = [[]];
  for (const n of meaningful(items)) {
    if (['UNION', 'INTERSECT', 'EXCEPT'].includes(nodeKeyword(n))) branches.push([]);
    else branches[branches.length - 1].push(n);
  }
  const lists: Node[][][] = [];
  for (const written of branches) {
    const b = ['ALL', 'DISTINCT'].includes(nodeKeyword(written[0])) ? written.slice(1) : written;
    if (nodeKeyword(b[0]) !== 'SELECT') return undefined;
    const from = b.findIndex((n) => ['FROM', 'WHERE', 'GROUP', 'ORDER', 'LIMIT'].includes(nodeKeyword(n)));
    const list = b.slice(['DISTINCT', 'ALL'].includes(nodeKeyword(b[1])) ? 2 : 1, from < 0 ? b.length : from);
    const selected = splitArgs(list).map(withoutAlias);
    if (selected.some((e) => e.length === 1 && nodeText(e[0]).endsWith('*'))) return undefined;
    lists.push(selected);
  }
  return lists;
}

/** A select item without its alias (`e AS a`, `e a`). */
function withoutAlias(item: readonly Node[]): Node[] {
  const m = meaningful(item);
  const last = m[m.length - 1];
  if (m.length < 2 || last.kind !== 'token' || (last.token.kind !== 'word' && last.token.kind !== 'quoted') || NOT_AN_ALIAS.has(nodeKeyword(last))) return m;
  if (nodeKeyword(m[m.length - 2]) === 'AS') return m.slice(0, -2);
  const before = m[m.length - 2];
  return before.kind === 'group' || before.token.kind === 'word' || before.token.kind === 'quoted' ? m.slice(0, -1) : m;
}

/** The names a column list gives (`t(a, b)`), lower-cased; undefined for anything else. */
function columnListNames(group: Node | undefined): string[] | undefined {
  if (!isParen(group)) return undefined;
  const names = meaningful(group.items).filter((n) => nodeText(n) !== ',');
  return names.every((n) => n.kind === 'token' && (n.token.kind === 'word' || n.token.kind === 'quoted')) ? names.map((n) => nameOf(nodeText(n))) : undefined;
}

/** The column list after a subquery's alias at `at` (`(SELECT …) s(m)`); undefined without one. */
function derivedColumnNames(m: readonly Node[], at: number): string[] | undefined {
  const alias = m[at];
  if (alias?.kind !== 'token' || (alias.token.kind !== 'word' && alias.token.kind !== 'quoted') || NOT_AN_ALIAS.has(nodeKeyword(alias))) return undefined;
  return columnListNames(m[at + 1]);
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
 * The names given to hash-ordered maps in the statement, at any level, lower-cased: `map_keys(m)` of such a name
 * reveals the order as the call does. Read: select items (`map_agg(k, v) AS m`, `histogram(x) h`, a CASE or coalesce
 * around one, a column already so named passed on as `m AS n`), the names of a column list (`WITH t(m) AS (SELECT
 * map_agg(k, v) …)`, `(SELECT map_agg(k, v) …) s(m)`, by position, in any UNION branch) and the lambda parameters bound
 * to the elements of an array of such maps (`transform(ARRAY[map_agg(k, v)], m -> map_keys(m))`), until no new name
 * comes. By name only (a table column of the same name elsewhere in the statement is taken as one too). `seeds`: names
 * known to hold such maps already (an upstream model's columns, lint/hash-upstream.ts).
 */
export function hashOrderedAliases(
  tree: readonly Node[],
  splitArgs: (items: readonly Node[]) => Node[][],
  seeds: ReadonlySet<string> = new Set(),
): Set<string> {
  const names = new Set<string>(seeds);
  const add = (name: string) => names.add(name);
  const walk = (items: readonly Node[]) => {
    const m = meaningful(items);
    for (let i = 0; i < m.length; i++) {
      const n = m[i];
      if (n.kind === 'group') walk(n.items);
      // A column list over a query: WITH t(m) AS (SELECT …), (SELECT …) [AS] s(m).
      const listed =
        n.kind === 'token' && isParen(m[i + 1]) && nodeKeyword(m[i + 2]) === 'AS' && isParen(m[i + 3])
          ? { names: columnListNames(m[i + 1]), query: m[i + 3] as GroupNode }
          : isParen(n) && nodeKeyword(meaningful(n.items)[0]) === 'SELECT'
            ? { names: derivedColumnNames(m, nodeKeyword(m[i + 1]) === 'AS' ? i + 2 : i + 1), query: n }
            : undefined;
      if (listed?.names) {
        const branches = selectItemsOfBranches(listed.query.items, splitArgs) ?? [];
        listed.names.forEach((name, k) => {
          if (branches.some((b) => b[k] && holdsHashOrder(b[k], splitArgs, names))) add(name);
        });
      }
      // UNNEST's columns: `UNNEST(a) u(h)` over an array of such maps (or of rows of them), by position where each
      // argument gives one column, else every name of the list (a row's fields are columns of their own).
      if (nodeKeyword(n) === 'UNNEST' && isParen(m[i + 1])) {
        const args = splitArgs((m[i + 1] as GroupNode).items);
        const after = nodeKeyword(m[i + 2]) === 'WITH' ? i + 4 : i + 2;
        const listed = derivedColumnNames(m, nodeKeyword(m[after]) === 'AS' ? after + 1 : after) ?? [];
        const holding = args.map((a) => holdsHashOrderedMaps(a, splitArgs, names));
        const ordinality = nodeKeyword(m[i + 2]) === 'WITH' ? 1 : 0;
        const byPosition = listed.length === args.length + ordinality;
        if (holding.some(Boolean)) listed.forEach((name, k) => (byPosition ? holding[k] : true) && add(name));
      }
      // Lambda parameters bound to the elements of an array of hash-ordered maps.
      const lambdas = n.kind === 'token' && isParen(m[i + 1]) ? ELEMENT_LAMBDAS[nodeText(n).toLowerCase()] : undefined;
      if (lambdas) {
        const args = splitArgs((m[i + 1] as GroupNode).items);
        for (const a of args) {
          const parts = meaningful(a);
          if (nodeText(parts[1] ?? n) !== '->') continue;
          const params = isParen(parts[0]) ? meaningful(parts[0].items).filter((p) => nodeText(p) !== ',') : [parts[0]];
          for (const [array, param] of lambdas)
            if (params[param] && args[array] !== a && holdsHashOrderedMaps(args[array] ?? [], splitArgs, names)) add(nameOf(nodeText(params[param])));
        }
      }
      // A select item named: a call (with its OVER/FILTER), a CASE, or a column already so named.
      let end: number;
      if (n.kind === 'token' && n.token.kind === 'word' && isParen(m[i + 1])) {
        end = i + 2;
        while (['OVER', 'FILTER'].includes(nodeKeyword(m[end])) && m[end + 1]) end += 2;
      } else if (isCase(n)) end = i + 1;
      else if (nodeKeyword(n) === 'ARRAY' && isParen(m[i + 1], '[')) end = i + 2;
      else if (names.size > 0 && (nodeKeyword(m[i - 1]) === 'SELECT' || nodeText(m[i - 1] ?? n) === ',') && columnName([n]) !== undefined)
        end = nodeText(m[i + 1] ?? n) === '.' && columnName(m.slice(i, i + 3)) !== undefined ? i + 3 : i + 1;
      else continue;
      const j = nodeKeyword(m[end]) === 'AS' ? end + 1 : end;
      const alias = m[j];
      if (alias?.kind !== 'token' || (alias.token.kind !== 'word' && alias.token.kind !== 'quoted') || NOT_AN_ALIAS.has(nodeKeyword(alias))) continue;
      if (holdsHashOrder(m.slice(i, end), splitArgs, names)) add(nameOf(alias.token.text));
    }
  };
  for (let pass = 0; pass < 4; pass++) {
    const known = names.size;
    walk(tree);
    if (names.size === known) break;
  }
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
        ? `a column or lambda parameter (${column}) holding a map_agg, histogram or split_to_map`
        : `a map made by ${innermostProducer(args[0]) ?? 'map_agg'}`;
    return {
      message: `${name} of ${producer} hands its entries out in Athena's hash order (which also depends on its distributed plan), which the local engine does not reproduce`,
      hint: `write array_sort(${name}(…))${name === 'map_entries' ? ', or read the entries by key: element_at(m, key)' : ''}`,
    };
  }
  return undefined;
}

function innermostProducer(nodes: readonly Node[]): string | undefined {
  const m = meaningful(nodes);
  for (let i = 0; i < m.length; i++) {
    const n = m[i];
    if (n.kind === 'token' && isParen(m[i + 1]) && HASH_MAP_PRODUCERS.has(nodeText(n).toLowerCase())) return nodeText(n).toLowerCase();
    const inner = n.kind === 'group' ? innermostProducer(n.items) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

/**
 * The calls written as the order-free arguments of the call `name(args)` (their hash order is not revealed there),
 * also through calls that pass their elements on (cardinality(filter(array_agg(DISTINCT x), …)): ORDER_PASSERS).
 */
export function orderFreeArgumentCalls(name: string, args: readonly Node[][], splitArgs: (items: readonly Node[]) => Node[][]): GroupNode[] {
  const positions = ORDER_FREE_CONSUMERS[name];
  if (!positions || (name === 'array_sort' && args.length !== 1)) return [];
  const calls: GroupNode[] = [];
  const take = (arg: readonly Node[] | undefined) => {
    const call = arg ? writtenCall(arg, splitArgs) : undefined;
    if (!call) return;
    calls.push(call.group);
    const passes = ORDER_PASSERS[call.name];
    if (passes) call.args.forEach((a, k) => (passes === 'all' || passes.includes(k)) && take(a));
  };
  for (const k of positions) take(args[k]);
  return calls;
}

/** A regular expression for the statements that may hand a hash-ordered array out as a subquery's column (cheap test). */
export const MAY_SELECT_HASH_ORDERED = /\b(?:map_keys|map_values|map_entries|array_agg)\s*\(/i;

/**
 * The hash-ordered calls whose order no one reads: a select item `array_agg(DISTINCT x) AS a` (or `map_keys(…) AS a`)
 * of a FROM subquery or a WITH query without a column list, DISTINCT or set operation, where every other mention of
 * `a` in the statement is an order-free consumer's argument (cardinality(a), any_match(filter(a, …), …)). None where
 * the statement selects a star or reads a whole table (TABLE t): the column could be handed out there.
 */
export function unreadHashOrderCalls(tree: readonly Node[], splitArgs: (items: readonly Node[]) => Node[][], columns: ReadonlySet<string>): Set<GroupNode> {
  const free = new Set<Node>();
  const mentions: Node[] = [];
  const candidates: { call: GroupNode; alias: Node; name: string }[] = [];
  let star = false;
  const orderFreeLeaves = (nodes: readonly Node[]) => {
    const column = columnName(nodes);
    if (column !== undefined) {
      const m = meaningful(nodes);
      free.add(m[m.length - 1]);
      return;
    }
    const call = writtenCall(nodes, splitArgs);
    const passes = call && ORDER_PASSERS[call.name];
    if (call && passes) call.args.forEach((a, k) => (passes === 'all' || passes.includes(k)) && orderFreeLeaves(a));
  };
  const selectItems = (query: GroupNode) => {
    const q = meaningful(query.items);
    if (nodeKeyword(q[0]) !== 'SELECT' || ['DISTINCT', 'ALL'].includes(nodeKeyword(q[1]))) return;
    if (q.some((n) => ['UNION', 'INTERSECT', 'EXCEPT'].includes(nodeKeyword(n)))) return;
    const from = q.findIndex((n) => nodeKeyword(n) === 'FROM');
    for (const item of splitArgs(q.slice(1, from < 0 ? q.length : from))) {
      const m = meaningful(item);
      const alias = m[m.length - 1];
      const expression = withoutAlias(m);
      if (expression.length === m.length || alias.kind !== 'token') continue;
      const call = writtenCall(expression, splitArgs);
      if (call && hashOrderRefusal(call.name, call.args, call.tail, false, splitArgs, columns))
        candidates.push({ call: call.group, alias, name: nameOf(alias.token.text) });
    }
  };
  const walk = (items: readonly Node[]) => {
    const m = meaningful(items);
    for (let i = 0; i < m.length; i++) {
      const n = m[i];
      const before = nodeKeyword(m[i - 1]);
      if (n.kind === 'token') {
        if (n.token.text === '*' && (['SELECT', 'DISTINCT', 'ALL'].includes(before) || ['.', ','].includes(nodeText(m[i - 1] ?? n)))) star = true;
        if (nodeKeyword(n) === 'TABLE') star = true;
        if (n.token.kind === 'word' || n.token.kind === 'quoted') mentions.push(n);
        const positions = isParen(m[i + 1]) ? ORDER_FREE_CONSUMERS[nodeText(n).toLowerCase()] : undefined;
        const args = positions ? splitArgs((m[i + 1] as GroupNode).items) : [];
        if (positions && !(nodeText(n).toLowerCase() === 'array_sort' && args.length !== 1)) for (const k of positions) if (args[k]) orderFreeLeaves(args[k]);
        continue;
      }
      // A FROM or JOIN subquery, or a WITH query without a column list (`name AS (SELECT …)`).
      const source =
        before === 'FROM' ||
        before === 'JOIN' ||
        (before === 'AS' && m[i - 2]?.kind === 'token' && ['WITH', ','].includes(nodeKeyword(m[i - 3]) || nodeText(m[i - 3] ?? n)));
      // (Not one renamed by a column list: `(SELECT …) s(b)`.)
      const renamed = derivedColumnNames(m, nodeKeyword(m[i + 1]) === 'AS' ? i + 2 : i + 1) !== undefined;
      if (source && !renamed && isParen(n)) selectItems(n);
      walk(n.items);
    }
  };
  walk(tree);
  if (star) return new Set();
  const unread = new Set<GroupNode>();
  for (const c of candidates)
    if (mentions.every((n) => n === c.alias || n.kind !== 'token' || nameOf(n.token.text) !== c.name || free.has(n))) unread.add(c.call);
  return unread;
}

/**
 * The output columns of a query (its last top-level SELECT's items, by alias or column name, over every UNION branch)
 * that are hash-ordered maps, lower-cased; `seeds` as for hashOrderedAliases (the columns of the tables it reads).
 */
export function outputHashOrderedColumns(tree: readonly Node[], splitArgs: (items: readonly Node[]) => Node[][], seeds: ReadonlySet<string>): Set<string> {
  return new Set(outputHashOrderedItems(tree, splitArgs, seeds).flatMap(({ name }) => (name === undefined ? [] : [name])));
}

/**
 * The hash-ordered output columns of a CTAS's, INSERT's or view's query (`query`, Trino SQL), by position (an INSERT
 * writes by position; none under a star) and name; `seeds`: the hash-ordered columns of the relations it reads (TranslateContext
 * .hashOrderedColumns). The local catalog keeps them with the table or view it writes (LakeCatalog
 * .hashOrderedRelations), so a later statement's `map_keys(m)` of one is refused at `lake run` and `lake sql` as
 * `lake lint` refuses it (lint/hash-upstream.ts). Undefined for none (the query is read only where it may hold one).
 */
export function queryHashOrderedOutputs(
  query: string,
  splitArgs: (items: readonly Node[]) => Node[][],
  seeds: ReadonlySet<string> | undefined,
): { positions: number[] | undefined; names: string[] } | undefined {
  if (!seeds?.size && !MAY_NAME_HASH_ORDERED.test(query)) return undefined;
  const items = outputHashOrderedItems(buildTree(tokenize(query)), splitArgs, seeds ?? new Set());
  if (items.length === 0) return undefined;
  const positions = items.flatMap(({ position }) => (position === undefined ? [] : [position]));
  // Positions only where every column has one (no star): an INSERT then matches the names to the table's columns.
  return { positions: positions.length === items.length ? positions : undefined, names: items.flatMap(({ name }) => (name === undefined ? [] : [name])) };
}

/**
 * The target's columns an UPDATE's or a MERGE's assignments write from hash-ordered maps, lower-cased: `SET m = s.m`
 * (UPDATE, a MERGE's WHEN MATCHED) by name; a MERGE's `INSERT (a, m) VALUES (…)` by its column list's name, `INSERT
 * VALUES (…)` by position among the table's columns. `seeds` as for hashOrderedAliases (the hash-ordered columns of the
 * relations the statement reads). The local catalog adds them to the table's (LakeCatalog.addHashOrderedColumns), as
 * an INSERT's (queryHashOrderedOutputs); `replaced`: the columns an UPDATE of every row sets from other values, whose
 * marks go. Undefined for none.
 */
export function assignedHashOrderedColumns(
  statement: string,
  splitArgs: (items: readonly Node[]) => Node[][],
  seeds: ReadonlySet<string> | undefined,
): { names: string[]; positions: number[]; replaced: string[] } | undefined {
  if (!seeds?.size && !MAY_NAME_HASH_ORDERED.test(statement)) return undefined;
  const tree = buildTree(tokenize(statement));
  const names = hashOrderedAliases(tree, splitArgs, seeds);
  const top = meaningful(tree);
  const out: { names: string[]; positions: number[]; replaced: string[] } = { names: [], positions: [], replaced: [] };
  // An UPDATE of every row (no WHERE) writes each assigned column of every row: one set from a map of no hash order
  // holds none after it (Trino 476: map_keys of a map_agg column updated to MAP(ARRAY[3, 1, 2], …) is [3, 1, 2]).
  const everyRow = nodeKeyword(top[0]) === 'UPDATE' && !top.some((n) => nodeKeyword(n) === 'WHERE');
  top.forEach((n, i) => {
    const word = nodeKeyword(n);
    if (word === 'SET') {
      const end = top.findIndex((e, k) => k > i && ['WHERE', 'WHEN'].includes(nodeKeyword(e)));
      for (const assignment of splitArgs(top.slice(i + 1, end < 0 ? top.length : end))) {
        const [column, equals, ...value] = meaningful(assignment);
        const name = column && columnName([column]);
        if (name === undefined || nodeText(equals ?? column) !== '=') continue;
        if (holdsHashOrder(value, splitArgs, names)) out.names.push(name);
        else if (everyRow) out.replaced.push(name);
      }
    } else if (word === 'INSERT') {
      const listed = nodeKeyword(top[i + 2]) === 'VALUES' ? columnListNames(top[i + 1]) : undefined;
      const values = top[listed ? i + 3 : i + 2];
      if (nodeKeyword(top[listed ? i + 2 : i + 1]) !== 'VALUES' || !isParen(values)) return;
      splitArgs(values.items).forEach((value, k) => {
        if (!holdsHashOrder(value, splitArgs, names)) return;
        if (!listed) out.positions.push(k);
        else if (listed[k] !== undefined) out.names.push(listed[k]);
      });
    }
  });
  return out.names.length > 0 || out.positions.length > 0 || out.replaced.length > 0 ? out : undefined;
}

/**
 * The columns a script's statements give hash-ordered maps, by name, each statement read with what those before it
 * gave (`seeds` and on): a CTAS's, view's or INSERT's query (queryHashOrderedOutputs) and an UPDATE's or MERGE's
 * assignments (assignedHashOrderedColumns). `lake lint` reads a DDL file so (lint/hash-upstream.ts), as the local run
 * reads its statements one by one through the catalog. By name, not by table: the file's tables are one node.
 */
export function scriptHashOrderedColumns(script: string, splitArgs: (items: readonly Node[]) => Node[][], seeds: ReadonlySet<string>): Set<string> {
  const found = new Set(seeds);
  if (found.size === 0 && !MAY_NAME_HASH_ORDERED.test(script)) return found;
  for (const { text } of splitStatements(script)) {
    const verb = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase();
    const written =
      verb === 'UPDATE' || verb === 'MERGE'
        ? assignedHashOrderedColumns(text, splitArgs, found)?.names
        : queryHashOrderedOutputs(text, splitArgs, found)?.names;
    for (const name of written ?? []) found.add(name);
  }
  return found;
}

/**
 * The hash-ordered map columns of tables and views by `database.name` (lower case), a view's derived from its query
 * (Trino SQL) with the columns of the relations it names now as seeds, in rounds until none changes (a view over a view
 * takes a round): a view reads what its relations hold when it is read, not when it was made (a view replaced under
 * it, a table made again). `tables`: the columns a table's writes gave it; `views`: each view's own columns (those its
 * text makes, without seeds) and its query (none for a view made before this was kept: its columns as they were),
 * whose unqualified names are of `database` (the current database when the view was made), and its `columns` (what it
 * passes on is cut to them).
 */
export function relationsHashOrderedColumns(
  tables: ReadonlyMap<string, ReadonlySet<string>>,
  views: readonly { name: string; database: string; own: readonly string[]; query?: string; columns?: readonly string[] }[],
  splitArgs: (items: readonly Node[]) => Node[][],
): Map<string, ReadonlySet<string>> {
  const found = new Map(tables);
  const add = (name: string, columns: readonly string[]): boolean => {
    const known = found.get(name);
    const all = new Set([...(known ?? []), ...columns]);
    if (all.size === (known?.size ?? 0)) return false;
    found.set(name, all);
    return true;
  };
  for (const { name, own } of views) add(name, own);
  if (found.size === 0) return found;
  // Each query's words read once; a query read again only when the columns of the relations it names grew.
  const words = views.map(({ query, database }) => (query === undefined ? undefined : relationNamesIn(query, database)));
  const seen = views.map(() => 0);
  for (let round = 0, changed = true; changed && round <= views.length; round++) {
    changed = false;
    views.forEach(({ name, query, columns }, k) => {
      const seeds = new Set<string>();
      for (const word of words[k] ?? []) for (const column of found.get(word) ?? []) seeds.add(column);
      if (query === undefined || seeds.size === seen[k]) return;
      seen[k] = seeds.size;
      const outputs = queryHashOrderedOutputs(query, splitArgs, seeds);
      // Only the view's own columns (a star passes on every name the query knows: cut to those the view has).
      if (outputs && add(name, columns ? outputs.names.filter((c) => columns.includes(c)) : outputs.names)) changed = true;
    });
  }
  return found;
}

/** The output columns that are hash-ordered maps, by position, with their names where the item gives one. */
function outputHashOrderedItems(
  tree: readonly Node[],
  splitArgs: (items: readonly Node[]) => Node[][],
  seeds: ReadonlySet<string>,
): { position: number | undefined; name: string | undefined }[] {
  const names = hashOrderedAliases(tree, splitArgs, seeds);
  let top = meaningful(tree);
  const out: { position: number | undefined; name: string | undefined }[] = [];
  // A query in parentheses (`CREATE TABLE x AS (SELECT …)`, `INSERT INTO x (SELECT …)`) is the query itself.
  const semicolon = top.findIndex((n) => nodeText(n) === ';');
  if (semicolon >= 0) top = top.slice(0, semicolon);
  while (top.length === 1 && isParen(top[0])) top = meaningful(top[0].items);
  // `TABLE t` is Trino's `SELECT * FROM t` (`INSERT INTO x TABLE t`, `CREATE TABLE x AS TABLE t`): as a star below.
  if (nodeKeyword(top[0]) === 'TABLE') return [...names].map((name) => ({ position: undefined, name }));
  const select = top.findIndex((n) => nodeKeyword(n) === 'SELECT');
  if (select < 0) return out;
  const query = top.slice(select);
  const first = meaningful(query);
  const from = first.findIndex((n) => ['FROM', 'WHERE', 'GROUP', 'ORDER', 'LIMIT', 'UNION', 'INTERSECT', 'EXCEPT'].includes(nodeKeyword(n)));
  const items = splitArgs(first.slice(['DISTINCT', 'ALL'].includes(nodeKeyword(first[1])) ? 2 : 1, from < 0 ? first.length : from));
  // A star (`*`, `t.*`) hands the columns it reads on under their names, at positions the text does not show: every
  // name known to hold such a map (an over-refusal where the star's relation has no such column).
  if (items.some((item) => nodeText(meaningful(item).at(-1) ?? first[0]) === '*')) return [...names].map((name) => ({ position: undefined, name }));
  const branches = selectItemsOfBranches(query, splitArgs);
  if (!branches) return out;
  items.forEach((item, k) => {
    const m = meaningful(item);
    const expression = withoutAlias(m);
    const last = m[m.length - 1];
    const name = expression.length < m.length && last?.kind === 'token' ? nameOf(last.token.text) : columnName(m);
    if (branches.some((b) => b[k] && holdsHashOrder(b[k], splitArgs, names))) out.push({ position: k, name });
  });
  return out;
}
