// Lambdas whose parameters DuckDB cannot bind the way Trino does: over a map's key and value (map_filter,
// transform_keys, transform_values), over two arrays or maps at once (zip_with, map_zip_with). The lambda's
// parameters are replaced by what they stand for (`k` → `trino_e.key`), then the body is rendered as usual.
import { REFUSED_KEY_MARKER } from '../shims/error-messages.js';
import type { Token } from '../tokens.js';
import type { CallContext, CallHandler } from './functions.js';
import { isCase, isParen, meaningful, nodeText, splitArgs, type Node } from './tree.js';

interface Lambda {
  params: string[];
  body: Node[];
}

function lambdaOf(c: CallContext, k: number, arity: number): Lambda | undefined {
  const nodes = c.args[k] ?? [];
  const m = meaningful(nodes);
  const arrow = m[1];
  if (arrow?.kind !== 'token' || arrow.token.text !== '->') return undefined;
  const params = isParen(m[0])
    ? meaningful(m[0].items)
        .filter((n) => nodeText(n) !== ',')
        .map(nodeText)
    : [nodeText(m[0])];
  if (params.length !== arity) return undefined;
  return { params: params.map((p) => p.toLowerCase()), body: nodes.slice(nodes.indexOf(arrow) + 1) };
}

/** The body with each parameter (a bare word, not a field after `.`) replaced by its stand-in text. */
function substitute(nodes: readonly Node[], values: ReadonlyMap<string, string>): Node[] {
  let prev: Node | undefined;
  return nodes.map((n) => {
    const before = prev;
    if (n.kind === 'group') {
      prev = n;
      return { ...n, items: substitute(n.items, values) };
    }
    if (n.token.kind !== 'ws' && n.token.kind !== 'comment') prev = n;
    const value = n.token.kind === 'word' ? values.get(n.token.text.toLowerCase()) : undefined;
    const qualified = before?.kind === 'token' && before.token.text === '.';
    if (value === undefined || qualified) return n;
    const token: Token = { ...n.token, kind: 'word', text: `(${value})`, parameter: n.token.text };
    return { kind: 'token', token };
  });
}

const isNullWord = (n: Node) => n.kind === 'token' && n.token.kind === 'word' && n.token.text.toUpperCase() === 'NULL';

/** Calls whose result has their first argument's array type: array(unknown) stays array(unknown). */
const SAME_ARRAY_TYPE = new Set(['reverse', 'array_distinct', 'slice', 'array_sort', 'shuffle', 'filter', 'trim_array']);

/**
 * An array whose element type is Trino's `unknown`: `ARRAY[]` or `ARRAY[NULL, …]`, a call that keeps its first
 * argument's type over one (`reverse(ARRAY[])`, `slice(ARRAY[], 1, 2)`), or concat() of such arrays alone.
 */
export function unknownArrayLiteral(nodes: readonly Node[]): boolean {
  const [word, group, ...more] = meaningful(nodes);
  if (more.length > 0 || word?.kind !== 'token' || group?.kind !== 'group') return false;
  const name = word.token.text.toLowerCase();
  if (name === 'array' && group.open.text === '[')
    return meaningful(group.items)
      .filter((n) => nodeText(n) !== ',')
      .every(isNullWord);
  if (!isParen(group)) return false;
  const args = splitArgs(group.items);
  if (name === 'concat') return args.length > 0 && args.every(unknownArrayLiteral);
  // map_keys(MAP()), map_values(MAP(ARRAY['k'], ARRAY[NULL])): array(unknown) in Trino 476 as well.
  if (name === 'map_keys' || name === 'map_values') return args.length === 1 && unknownMapSide(args[0], name === 'map_keys' ? 0 : 1);
  return SAME_ARRAY_TYPE.has(name) && args.length > 0 && unknownArrayLiteral(args[0]);
}

/** Whether the keys (side 0) or values (side 1) of a MAP(…) literal are `unknown` in Trino: MAP(), or ARRAY[] or NULLs there. */
function unknownMapSide(nodes: readonly Node[], side: 0 | 1): boolean {
  const [word, call, ...more] = meaningful(nodes);
  if (more.length > 0 || word?.kind !== 'token' || word.token.text.toUpperCase() !== 'MAP' || !isParen(call)) return false;
  const args = splitArgs(call.items);
  return meaningful(call.items).length === 0 || (args.length === 2 && unknownArrayLiteral(args[side]));
}

/**
 * A map literal whose key or value type is `unknown` in Trino: `MAP()`, or `MAP(keys, values)` with `ARRAY[]` or only
 * NULLs on one side. A lambda over it has `unknown` parameters in Trino (`k || 'x'` is then array concatenation,
 * `v + x` still evaluates x), which DuckDB types as integer: refused rather than answered differently.
 */
function unknownMapLiteral(nodes: readonly Node[]): boolean {
  const [word, call, ...more] = meaningful(nodes);
  if (more.length > 0 || word?.kind !== 'token' || word.token.text.toUpperCase() !== 'MAP' || !isParen(call)) return false;
  const items = meaningful(call.items);
  return items.length === 0 || splitArgs(call.items).some(unknownArrayLiteral);
}

/** `IS NULL` or `IS NOT NULL` at the start of the nodes. */
const isNullTest = (nodes: readonly Node[]) => {
  const words = meaningful(nodes)
    .slice(0, 3)
    .map((n) => nodeText(n).toUpperCase());
  return words[0] === 'IS' && (words[1] === 'NULL' || (words[1] === 'NOT' && words[2] === 'NULL'));
};

/**
 * Whether the nodes use one of the parameters (a bare word, not a field after `.`) other than to test it for NULL,
 * which answers alike whatever its type.
 */
function mentions(nodes: readonly Node[], params: ReadonlySet<string>): boolean {
  return nodes.some((n, k) => {
    if (n.kind === 'group') return mentions(n.items, params);
    const before = meaningful(nodes.slice(0, k)).at(-1);
    const named = n.token.kind === 'word' && params.has(n.token.text.toLowerCase());
    return named && !(before?.kind === 'token' && before.token.text === '.') && !isNullTest(nodes.slice(k + 1));
  });
}

const OPERATOR_PRECEDENCE: Readonly<Record<string, number>> = {
  '*': 3,
  '/': 3,
  '%': 3,
  '+': 2,
  '-': 2,
  '=': 1,
  '<>': 1,
  '!=': 1,
  '<': 1,
  '>': 1,
  '<=': 1,
  '>=': 1,
};
const precedence = (n: Node | undefined): number | undefined => (n?.kind === 'token' && n.token.kind === 'op' ? OPERATOR_PRECEDENCE[n.token.text] : undefined);
const isIntegerLiteral = (n: Node | undefined) => n?.kind === 'token' && n.token.kind === 'number' && /^\d+$/.test(n.token.text);

/**
 * Whether the parameter at m[k] is an operand of an arithmetic or comparison operator whose other operand is an
 * integer literal alone (`x + 1`, `10 / x`, `x > 1`): Trino coerces the `unknown` parameter to the literal's integer
 * type there. The parameter belongs to the tighter of the operators beside it, of two alike to the one on its left.
 */
function coercedToInteger(m: readonly Node[], k: number): boolean {
  const [left, right] = [precedence(m[k - 1]), precedence(m[k + 1])];
  if (right !== undefined && (left === undefined || right > left)) {
    const after = precedence(m[k + 3]);
    return isIntegerLiteral(m[k + 2]) && (after === undefined || after <= right);
  }
  // `1 + 2 + x` adds x to `1 + 2`, `-1 + x` to `-1`: the literal must stand alone on the left.
  const before = m[k - 3];
  return left !== undefined && isIntegerLiteral(m[k - 2]) && !(before?.kind === 'token' && before.token.kind === 'op');
}

/** Whether the nodes use one of the parameters where its `unknown` type matters (see mentions, coercedToInteger). */
function mentionsUntyped(nodes: readonly Node[], params: ReadonlySet<string>): boolean {
  const m = meaningful(nodes);
  return m.some((n, k) => {
    if (n.kind === 'group') return mentionsUntyped(n.items, params);
    const named = n.token.kind === 'word' && params.has(n.token.text.toLowerCase()) && nodeText(m[k - 1] ?? n) !== '.';
    return named && !isNullTest(m.slice(k + 1)) && !coercedToInteger(m, k);
  });
}

/** Whether a lambda over `ARRAY[]` or `ARRAY[NULL, …]` uses its parameters where their `unknown` type matters. */
function unknownElementLambdaUses(c: CallContext): boolean {
  if (!c.args[0] || !unknownArrayLiteral(c.args[0])) return false;
  return c.args.slice(1).some((arg, i) => {
    const first = meaningful(arg)[0];
    const lambda = lambdaOf(c, i + 1, isParen(first) ? splitArgs(first.items).length : 1);
    if (!lambda) return false;
    const body = meaningful(lambda.body);
    const identity = body.length === 1 && body[0].kind === 'token' && lambda.params.includes(body[0].token.text.toLowerCase());
    const params = new Set(lambda.params);
    return !identity && (lambda.params.length === 1 ? mentionsUntyped(lambda.body, params) : mentions(lambda.body, params));
  });
}

/**
 * A lambda over the elements of `ARRAY[]` or `ARRAY[NULL, …]` (transform, filter, any_match, reduce, …): Trino types
 * its parameter `unknown`, which picks other overloads than DuckDB's NULL-typed integer (Trino 476:
 * `transform(ARRAY[NULL], x -> x * 2.5)` is array(decimal(3,1)), `x || 'a'` array concatenation, `x * BIGINT '2'`
 * AMBIGUOUS_FUNCTION_CALL). Refused (reported on the call), unless the body is the parameter alone or does not use
 * it, where the element type does not matter (`transform(ARRAY[], x -> x)`, `filter(ARRAY[NULL], x -> true)`), or a
 * one-parameter lambda uses it only where Trino makes it an integer (`x + 1`, `x > 1`), as DuckDB's NULL-typed
 * element is then (every element is NULL: only the type matters).
 */
export function refusedUnknownElementLambda(c: CallContext): boolean {
  if (refusedUnknownPredicate(c)) return true;
  const used = unknownElementLambdaUses(c);
  if (used)
    c.report(
      'unknown-array-lambda',
      `${c.name.text}() over ARRAY[] or an array of only NULLs: Athena types its lambda's parameter as unknown, which the local engine cannot follow`,
      'give the array its type first: CAST(ARRAY[] AS array(integer))',
    );
  return used;
}

function withLambda(arg: number, arity: number, build: (c: CallContext, body: (values: string[]) => string) => string): CallHandler {
  return (c) => {
    const maps = MAP_LAMBDAS.has(c.name.text.toLowerCase()) ? c.args.slice(0, arg) : [];
    if (maps.some(unknownMapLiteral)) {
      c.report(
        'unknown-map-lambda',
        `${c.name.text}() over MAP() or a map of only NULLs: Athena types its lambda's parameters as unknown, which the local engine cannot follow`,
        'give the map its types first: CAST(MAP() AS map(varchar, integer))',
      );
      return undefined;
    }
    const lambda = lambdaOf(c, arg, arity);
    if (!lambda) {
      c.report(
        'lambda',
        `${c.name.text}() needs a lambda with ${arity} parameters as argument ${arg + 1}`,
        `write ${c.name.text.toLowerCase()}(…, (${['k', 'v', 'w'].slice(0, arity).join(', ')}) -> …)`,
      );
      return undefined;
    }
    const body = (values: string[]) => (c.renderLambdaBody ?? c.render)(substitute(lambda.body, new Map(lambda.params.map((p, i) => [p, values[i]])))).trim();
    return build(c, body);
  };
}

/** Calls whose lambda is a predicate: Trino 476 binds function(…, boolean) only. */
const PREDICATE_LAMBDAS = new Set(['filter', 'any_match', 'all_match', 'none_match', 'map_filter']);

/** The results of a CASE (after each THEN and the ELSE). */
function caseResults(items: readonly Node[]): Node[][] {
  const results: Node[][] = [];
  let current: Node[] | undefined;
  for (const n of meaningful(items)) {
    const word = n.kind === 'token' ? n.token.text.toUpperCase() : '';
    if (word === 'THEN' || word === 'ELSE') results.push((current = []));
    else if (word === 'WHEN') current = undefined;
    else current?.push(n);
  }
  return results;
}

/**
 * A body whose type is visibly Trino's `unknown`: NULL, (NULL), IF(c, NULL[, NULL]), CASE … THEN NULL … END,
 * coalesce(NULL, …), nullif(NULL, …).
 */
function unknownTyped(nodes: readonly Node[]): boolean {
  const m = meaningful(nodes);
  if (m.length === 1 && isCase(m[0]) && m[0].kind === 'group') return caseResults(m[0].items).every(unknownTyped);
  if (m.length === 1) return isNullWord(m[0]) || (isParen(m[0]) && unknownTyped(m[0].items));
  if (m.length !== 2 || m[0].kind !== 'token' || !isParen(m[1])) return false;
  const args = splitArgs(m[1].items);
  const name = m[0].token.text.toLowerCase();
  if (name === 'if') return args.length >= 2 && args.slice(1).every(unknownTyped);
  if (name === 'coalesce') return args.every(unknownTyped);
  return name === 'nullif' && args.length === 2 && unknownTyped(args[0]);
}

/**
 * filter(a, x -> NULL) and the other predicate lambdas fail in Trino 476 when the body's type is unknown
 * (FUNCTION_NOT_FOUND "Unexpected parameters (array(integer), <function>) for function filter. Expected:
 * filter(array(t), function(t,boolean))"); DuckDB took NULL as false (an empty array, any_match NULL). Reported on
 * the call.
 */
export function refusedUnknownPredicate(c: CallContext): boolean {
  const name = c.name.text.toLowerCase();
  // array_sort's comparator alike (Trino 476: array_sort(ARRAY[3, 1, 2], (x, y) -> NULL) fails FUNCTION_NOT_FOUND
  // "… Expected: …, array_sort(array(t), function(t,t,integer))"; DuckDB failed "cast_to_type cannot be used to cast to NULL").
  const comparator = name === 'array_sort' && c.args.length === 2;
  if (!PREDICATE_LAMBDAS.has(name) && !comparator) return false;
  const lambda = c.args.length >= 2 ? lambdaOf(c, c.args.length - 1, name === 'map_filter' || comparator ? 2 : 1) : undefined;
  if (!lambda || !unknownTyped(lambda.body)) return false;
  c.report(
    'lambda-type',
    comparator
      ? `${c.name.text}(): a comparator whose body is a NULL of no type returns no integer: Athena fails with FUNCTION_NOT_FOUND (it expects function(t,t,integer))`
      : `${c.name.text}(): a lambda whose body is a NULL of no type is not a predicate: Athena fails with FUNCTION_NOT_FOUND (it expects function(…, boolean))`,
    comparator
      ? 'return -1, 0 or 1: IF(x < y, -1, IF(x = y, 0, 1)), or give the NULL a type: CAST(NULL AS integer)'
      : 'give the NULL a type: CAST(NULL AS boolean), or write the condition',
  );
  return true;
}

/** The lambdas over a map's keys and values. */
const MAP_LAMBDAS = new Set(['map_filter', 'transform_values', 'transform_keys', 'map_zip_with']);

const E = 'trino_e';
const I = 'trino_i';
const J = 'trino_j';

/** array_sort comparators being built, nested: each binds its array under its own name (sortWithComparator). */
let sortDepth = 0;

/**
 * array_sort(a, (x, y) -> …): a stable sort by the comparator. Element i goes to 1 + the number of elements that
 * compare below it, or equal to it and stand before it (no element is compared with itself; trino_sort_by_ranks places them; a comparator that gives no
 * order fails). A comparator result other than -1, 0 or 1 fails as in Trino.
 *
 * The array is bound once, as a lambda's parameter (`list_transform([a], lambda trino_sorted1: …)[1]`), and so is
 * each comparator result: the sort names the array ~5 times and the comparator twice, and each comparison in the
 * comparator names its operands again through its shims, so DuckDB bound the array's text hundreds of times (issue 18:
 * `array_sort(ARRAY[ARRAY[2, 3, 1], ARRAY[1], ARRAY[4, 5]], (x, y) -> IF(cardinality(x) < cardinality(y), …))` took
 * ~11 s of CPU to bind). Trino evaluates the array before sorting and the comparator once per pair, so binding them
 * once changes no answer.
 */
function sortWithComparator(c: CallContext, body: (values: string[]) => string): string {
  const array = c.arg(0);
  sortDepth++;
  try {
    const a = `(trino_sorted${sortDepth})`;
    // The comparator's result bound once too (trino_comparator_result names it three times).
    const R = `trino_r${sortDepth}`;
    const cmp = `trino_comparator_result(${R})`;
    const rank = `1 + len(list_filter(range(1, len(${a}) + 1), lambda ${J}: CASE WHEN ${J} <> ${I} THEN list_transform([${body([`${a}[${J}]`, `${a}[${I}]`])}], lambda ${R}: ${cmp} < 0 OR (${cmp} = 0 AND ${J} < ${I}))[1] ELSE false END))`;
    // Trino 476 takes a comparator returning an integer only (function(t,t,integer)), not a NULL of type unknown
    // either (array_sort(ARRAY[NULL, NULL], (x, y) -> x) fails FUNCTION_NOT_FOUND); checked once while binding.
    // The body over a lambda's parameter, not over an element of the array: DuckDB binds it once more.
    const W = 'trino_w';
    const typed = `{'trino_v': ${a}}[CASE WHEN typeof(list_transform(${a}, lambda ${W}: ${body([W, W])})) = 'INTEGER[]' THEN 'trino_v' ELSE '${REFUSED_KEY_MARKER}comparator-type' END]`;
    return `list_transform([${array}], lambda trino_sorted${sortDepth}: trino_sort_by_ranks(${typed}, list_transform(range(1, len(${a}) + 1), lambda ${I}: ${rank})))[1]`;
  } finally {
    sortDepth--;
  }
}

const arraySortByComparator = withLambda(1, 2, sortWithComparator);

/** Whether argument k is a lambda of `arity` parameters. */
export function isLambdaArgument(c: CallContext, k: number, arity: number): boolean {
  return lambdaOf(c, k, arity) !== undefined;
}

/**
 * regexp_replace(s, pattern, x -> …): Trino 476 calls the lambda once per match with the array of the match's
 * capturing groups (group 1 first; `regexp_replace('new york', '(\w)(\w*)', x -> upper(x[1]) || lower(x[2]))` is New
 * York) and fails on a result that is not a varchar (FUNCTION_NOT_FOUND); a NULL result makes the whole value NULL.
 * DuckDB has no per-match callback: the text between matches (regexp_split_to_array) and each group's texts
 * (regexp_extract_all, one list per group, bound once) are joined in order. The caller admits only patterns that match
 * no empty text and whose every group takes part in every match (RE2 gives '' where Java gives NULL).
 */
export function regexpReplaceByLambda(c: CallContext, groups: number): string | undefined {
  return withLambda(2, 1, (call, body) => {
    const [S, P, G, K, Q] = ['trino_rs', 'trino_rp', 'trino_rg', 'trino_rk', 'trino_rq'];
    const pattern = call.arg(1);
    const lists = `[${Array.from({ length: groups }, (_v, g) => `regexp_extract_all(${S}, ${pattern}, ${g + 1})`).join(', ')}]`;
    const match = groups === 0 ? 'CAST([] AS VARCHAR[])' : `[${Array.from({ length: groups }, (_v, g) => `${G}[${g + 1}][${K}]`).join(', ')}]`;
    const result = body([match]);
    const typed = `{'trino_v': ${result}}[CASE WHEN typeof(${result}) = 'VARCHAR' THEN 'trino_v' ELSE '${REFUSED_KEY_MARKER}regexp-replace-lambda-type' END]`;
    const pieces = `list_transform(range(1, len(${P}) + 1), lambda ${K}: ${P}[${K}] || CASE WHEN ${K} < len(${P}) THEN ${typed} ELSE '' END)`;
    const joined = `list_transform([${pieces}], lambda ${Q}: CASE WHEN NOT list_bool_or(list_transform(${Q}, lambda trino_re: trino_re IS NULL)) THEN array_to_string(${Q}, '') END)[1]`;
    return `list_transform([${call.arg(0)}], lambda ${S}: list_transform([${lists}], lambda ${G}: list_transform([regexp_split_to_array(${S}, ${pattern})], lambda ${P}: ${joined})[1])[1])[1]`;
  })(c);
}

const mapFilter = withLambda(1, 2, (c, body) => `map_from_entries(list_filter(map_entries(${c.arg(0)}), lambda ${E}: ${body([`${E}.key`, `${E}.value`])}))`);

export const LAMBDA_REWRITES: Record<string, CallHandler> = {
  array_sort: (c) => (c.args.length === 1 ? `trino_array_sort(${c.all()})` : refusedUnknownPredicate(c) ? undefined : arraySortByComparator(c)),
  map_filter: (c) => (refusedUnknownPredicate(c) ? undefined : mapFilter(c)),
  transform_values: withLambda(
    1,
    2,
    (c, body) => `map_from_entries(list_transform(map_entries(${c.arg(0)}), lambda ${E}: {'key': ${E}.key, 'value': ${body([`${E}.key`, `${E}.value`])}}))`,
  ),
  // A duplicate or NULL key fails in map_from_entries, as Trino fails.
  transform_keys: withLambda(
    1,
    2,
    (c, body) => `map_from_entries(list_transform(map_entries(${c.arg(0)}), lambda ${E}: {'key': ${body([`${E}.key`, `${E}.value`])}, 'value': ${E}.value}))`,
  ),
  // The shorter array is padded with NULLs (DuckDB's a[i] past the end is NULL).
  zip_with: withLambda(
    2,
    2,
    (c, body) =>
      `CASE WHEN (${c.arg(0)}) IS NOT NULL AND (${c.arg(1)}) IS NOT NULL THEN list_transform(range(1, greatest(len(${c.arg(0)}), len(${c.arg(1)})) + 1), lambda ${I}: ${body([`(${c.arg(0)})[${I}]`, `(${c.arg(1)})[${I}]`])}) END`,
  ),
  // Keys of both maps (first map's order, then the second's new keys); a key missing from one map gives NULL there.
  map_zip_with: withLambda(
    2,
    3,
    (c, body) =>
      `CASE WHEN (${c.arg(0)}) IS NOT NULL AND (${c.arg(1)}) IS NOT NULL THEN map_from_entries(list_transform(trino_array_union(map_keys(${c.arg(0)}), map_keys(${c.arg(1)})), lambda ${E}: {'key': ${E}, 'value': ${body([E, `map_extract_value(${c.arg(0)}, ${E})`, `map_extract_value(${c.arg(1)}, ${E})`])}})) END`,
  ),
};
