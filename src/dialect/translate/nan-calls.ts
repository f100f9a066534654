// max, max(x, n) and max_by skip NaN in Trino 476: they order NaN below every value (max(1.5, NaN) is 1.5,
// max(-Infinity, NaN) -Infinity, max of NaNs alone NaN; max(x, 3) of 1.5, NaN, 0.5 is [1.5, 0.5, NaN]; max_by(k, x)
// takes the row of the largest key that is not NaN), where DuckDB orders NaN above +Infinity. min, min(x, n) and
// min_by order NaN above every value, as DuckDB does. Each form folds to DuckDB's own call for other types: the NaN
// guards (shims/nan-macros.ts) fold away while binding, and DuckDB computes the identical aggregates (or window
// functions) left once.
import { mapRefused } from '../shims/error-messages.js';
import { NAN_KEYED_TYPES } from '../shims/nan-macros.js';
import type { CallHandler } from './functions.js';
import { hasAggregate } from './unbound.js';
import { isParen, meaningful, nodeKeyword, nodeText, type Node } from './tree.js';
import { IS_ZONED_VALUE } from '../shims/nested-type.js';

const distinctOf = (arg: string) => /^DISTINCT\s+/i.exec(arg)?.[0] ?? '';

/**
 * Inside an array, map or row Trino's max and max_by order NaN below every number too, element by element (max of
 * [NaN, 5] and [1, 2] is [1, 2]; of [2, NaN], [2, 1] and [2, 3] it is [2, 3]), which DuckDB's one ordering cannot give:
 * an array of doubles or reals holding a NaN takes `trinoAnswer` (ordered by trino_nan_max_key), any other value
 * holding one (a row, a map, an array of arrays) fails instead. `typed` is an aggregate of the value bound only for its
 * type: DuckDB folds the CASE and drops it, so other types keep their one aggregate. The failure is typed by
 * trino_fail_as: `answer` is NULL-typed for a NULL-typed value (max_by(x, k) of a NULL column), which cast_to_type refuses.
 */
function refusingNestedNaN(typed: string, value: string, tail: string, answer: string, scalar: string, trinoAnswer: string): string {
  return `CASE WHEN regexp_matches(typeof([${typed}${tail}]), '^(STRUCT|MAP)\\(|\\[\\]\\[\\]$')
    THEN CASE WHEN bool_or(trino_nested_nan(${value}))${tail}
      THEN CASE WHEN typeof([${typed}${tail}]) IN (${NAN_KEYED_TYPES}) THEN ${trinoAnswer} ELSE trino_fail_as(${NESTED_NAN}, ${answer}) END
      ELSE ${answer} END
    ELSE ${scalar} END`;
}
const NESTED_NAN =
  "'max or max_by of an array, map or row holding NaN: Athena orders NaN below every number inside it (max of [NaN, 5] and [1, 2] is [1, 2]), which the local engine does not reproduce; filter the NaN out first (is_nan)'";

/**
 * trino_nan_max_key of `x` through a lambda over `[x]`: DuckDB binds the list before the lambda's body, so a value that
 * does not bind (an unknown column) fails with its own error ("Referenced column … not found", at its place) instead of
 * "Macro trino_nan_max_key() has multiple overloads that match" (the typed overloads all match an unbound argument).
 * The lambda picks the overload where x has its type, in a subquery that may read outer columns too (an aggregate's
 * argument that reads an outer column is refused at lint: correlated-subqueries.ts).
 */
const nanMaxKey = (x: string): string => `list_transform([${x}], lambda trino_k: trino_nan_max_key(trino_k))[1]`;

/**
 * max_by's and min_by's key, zoned timestamps by instant: Trino 476 takes the first row met among keys of one instant
 * in two zones (max_by(k, t) of (1, 01:00 +01:00), (2, 00:00 UTC) is 1), where the local struct ordered them by zone
 * name (2). An outer column's type is unseen where the typed trino_cmp is chosen: it goes through trino_cmp_outer's
 * lambda in statements that make zoned values. Not an aggregate (a window's argument), kept as it is.
 */
const instantKeyOf = (c: Parameters<CallHandler>[0]): string =>
  hasAggregate(c.arg(1)) ? c.arg(1) : !c.correlatable ? `trino_cmp(${c.arg(1)})` : c.makesZoned ? `trino_cmp_outer(${c.arg(1)})` : c.arg(1);

/**
 * array_agg(DISTINCT t [ORDER BY …]) of zoned timestamps keeps one value per instant, the first met (Trino 476:
 * [01:00 +01:00] of 01:00 +01:00, 00:00 UTC), where the local structs differ by zone: their array_agg without
 * DISTINCT goes through trino_array_distinct (by instant). Other types keep DuckDB's DISTINCT (the CASE folds while
 * binding; the unused aggregates are dropped).
 */
function arrayAggCall(c: Parameters<CallHandler>[0]): string | undefined {
  const nodes = c.args[0] ?? [];
  const first = meaningful(nodes);
  if (c.args.length !== 1 || nodeKeyword(first[0]) !== 'DISTINCT') return `array_agg(${c.all()})${c.tail}`;
  const order = nodes.findIndex((n, k) => k > nodes.indexOf(first[0]) && nodeKeyword(n) === 'ORDER');
  const value = c.render(nodes.slice(nodes.indexOf(first[0]) + 1, order < 0 ? nodes.length : order)).trim();
  const ordered = order < 0 ? '' : ` ${c.render(nodes.slice(order)).trim()}`;
  // Maps (at any depth) are one value per set of entries, the first met kept (trino_array_distinct).
  const answer = `CASE WHEN ${IS_ZONED_VALUE(`min(${value})${c.tail}`)} OR trino_holds_map(any_value(${value})${c.tail}) THEN trino_array_distinct(array_agg(${value}${ordered})${c.tail}) ELSE array_agg(${c.all()})${c.tail} END`;
  // Sorted, the distinct values fail where two meet a NULL element first, as Trino 476's sort does (NOT_SUPPORTED;
  // nested-compare.ts trino_sorted_null_checked: other types fold to the answer, the list aggregate dropped). Not over
  // a window (DuckDB fails on the folded window list).
  return ordered && !/^\s*OVER\b/i.test(c.tail) ? `trino_sorted_null_checked(list(DISTINCT ${value})${c.tail}, ${answer})` : answer;
}

/**
 * max_by(x, key, n) and min_by(x, key, n): the x of the n rows of the largest (smallest) keys, by key descending
 * (ascending), rows of a NULL key skipped and NULL values kept (DuckDB's own form skips them: a struct carries each).
 * Trino 476 keeps the rows in a heap, so among tied keys its order, and at the n-th key its choice, is its heap's: a
 * group whose n + 1 first keys are not all distinct fails, and so does a NaN key (ordered below every key there) or a
 * NULL value among more than n rows.
 * n is a literal, 1 to 10000 as Trino checks it (a column n takes one row's value there).
 */
function byRows(which: 'max' | 'min'): CallHandler {
  return (c) => {
    const name = `${which}_by`;
    // A count written NULL: Trino 476 answers NULL, array of x's type (over no rows, in a window too).
    if (isNullCount(c.args[2])) return `CASE WHEN false THEN [any_value(${c.arg(0)})${c.tail}] END`;
    const n = c.arg(2).trim();
    if (!/^\d+$/.test(n) || Number(n) < 1 || Number(n) > 10_000) {
      const wrong = !/^\d+$/.test(n) ? 'an integer literal' : Number(n) < 1 ? 'a positive integer' : 'less than or equal to 10000';
      c.report('by-rows', `the third argument of ${name} must be ${wrong} (Athena: INVALID_FUNCTION_ARGUMENT)`, `write ${name}(x, key, 3)`);
      return undefined;
    }
    // Zoned keys by instant, so that one instant in two zones is a tie (Trino 476 compares instants).
    const [v, key] = [c.arg(0), instantKeyOf(c)];
    const keys = `${name}(${key}, ${key}, ${Number(n) + 1})${c.tail}`;
    const answer = `list_transform(${name}({'v': ${v}}, ${key}, ${n})${c.tail}, lambda trino_e: trino_e.v)`;
    // A NULL value among more rows than n: Trino's heap mistakes it (min_by(x, y, 2) of (1, 10), (NULL, 30), (4, 5) is
    // [NULL, 1] there).
    const nullAmongMore = `(count(CASE WHEN ${v} IS NULL THEN ${key} END)${c.tail} > 0 AND count(${key})${c.tail} > ${n})`;
    const undecided = `len(list_distinct(${keys})) < len(${keys}) OR coalesce(bool_or(trino_nan_of(${key}))${c.tail}, false) OR ${nullAmongMore}`;
    const failure = `'${name}(x, key, n) of a group whose n + 1 ${which === 'max' ? 'largest' : 'smallest'} keys are not all distinct or hold NaN, or with a NULL value among more than n rows: Athena picks among tied keys in its heap''s order (and mistakes NULL values), which the local engine does not reproduce; break the ties: slice(array_agg(x ORDER BY key ${which === 'max' ? 'DESC' : 'ASC'}, id), 1, n)'`;
    return `CASE WHEN ${undecided} THEN cast_to_type(trino_fail(${failure}), ${answer}) ELSE ${answer} END`;
  };
}

/**
 * min, max, min_by and max_by of a value (or by a key) holding a map: Trino 476 has no order of maps (FUNCTION_NOT_FOUND
 * "Unexpected parameters (map(integer,integer)) for function max"), where DuckDB ordered them by entries. Refused while
 * binding, over no rows too: an aggregate of the value is bound for its type only (the CASE folds).
 * Of arrays or rows, Trino compares each value with the one kept so far and fails where a comparison meets a NULL
 * element first (NOT_SUPPORTED); which pairs meet depends on the input order, so the group fails where any two of
 * its values may (trino_sorted_null_checked). Over a window (whose list DuckDB fails to fold away), each row's value
 * holding a NULL element is refused instead (trino_null_element_free).
 */
function orderable(value: string, tail: string, sql: string | undefined): string | undefined {
  if (!sql) return undefined;
  const checked = /^\s*OVER\b/i.test(tail)
    ? `CASE WHEN trino_null_element_free(${value}) THEN ${sql} END`
    : `trino_sorted_null_checked(list(${value})${tail}, ${sql})`;
  return mapRefused([`min(${value})${tail}`], checked, 'map-extreme');
}
const byKey = (c: Parameters<CallHandler>[0], sql: string | undefined) => orderable(c.arg(1), c.tail, sql);

/**
 * min(x, n) and max(x, n): Trino fails INVALID_FUNCTION_ARGUMENT "second argument of max_n must be less than or equal
 * to 10000" (over no rows too), where DuckDB answered. Refused at lint for a literal n (a column n is a binder error
 * locally).
 */
function countOverLimit(c: Parameters<CallHandler>[0], which: 'min' | 'max'): boolean {
  const n = c.args.length === 2 ? c.arg(1).trim() : '';
  if (!/^\d+$/.test(n) || Number(n) <= 10_000) return false;
  c.report(
    'min-max-count',
    `the second argument of ${which}_n must be less than or equal to 10000 (Athena: INVALID_FUNCTION_ARGUMENT)`,
    `write ${which}(x, 3)`,
  );
  return true;
}

/**
 * min(x, NULL) and max(x, NULL) (also with OVER): Trino 476 answers NULL of type array(x's type), over rows holding
 * NULL elements too, where DuckDB fails "n value cannot be NULL". The array's type comes from `[min(x)]` in a branch
 * never taken (DuckDB folds it); a map is still refused (Trino: FUNCTION_NOT_FOUND, not orderable).
 */
/** A count argument written `NULL` or `CAST(NULL AS bigint|integer)`, read as written (the rendered cast is an unfolded NULL, UNFOLDED_NULL). */
function isNullCount(nodes: Parameters<CallHandler>[0]['args'][number] | undefined): boolean {
  const n = meaningful(nodes ?? [])
    .map(nodeText)
    .join(' ');
  return /^(NULL|CAST\s*\(\s*NULL\s+AS\s+(BIGINT|INTEGER)\s*\))$/i.test(n);
}

function nullCount(c: Parameters<CallHandler>[0]): string | undefined {
  if (c.args.length !== 2 || !isNullCount(c.args[1])) return undefined;
  const x = c.arg(0).slice(distinctOf(c.arg(0)).length);
  return mapRefused([`min(${x})${c.tail}`], `CASE WHEN false THEN [min(${x})${c.tail}] END`, 'map-extreme');
}

/**
 * min(x, n) OVER (…) and max(x, n) OVER (…) with a count that is no literal: Trino 476 skips the rows whose n is NULL
 * (max(x, n) OVER () of (1, 2), (2, NULL) is [1]) where DuckDB reads them ([2, 1]), a silently different answer.
 * Refused (unfaithful/min-max-count). Without OVER, see columnCount.
 */
function columnCountInWindow(c: Parameters<CallHandler>[0], which: 'min' | 'max'): boolean {
  if (c.args.length !== 2 || !/^\s*OVER\b/i.test(c.tail)) return false;
  const n = meaningful(c.args[1] ?? [])
    .map(nodeText)
    .join(' ');
  if (/^(\d+|NULL|CAST\s*\(\s*NULL\s+AS\s+(BIGINT|INTEGER)\s*\))$/i.test(n)) return false;
  c.report(
    'min-max-count',
    `the second argument of ${which}(x, n) OVER (…) must be an integer literal here: Athena skips the rows whose n is NULL, which the local engine does not reproduce`,
    `write ${which}(x, 3), or filter the rows first`,
  );
  return true;
}

/**
 * min(x, n) and max(x, n) without OVER with a count that is no literal: Trino 476 skips the rows whose x or n is NULL
 * and reads n from one of the others (min(x, n) of (5, 2), (1, NULL), (3, 2) is [3, 5]; max(x, n) of (NULL, 1), (3,
 * 2), (5, 2) is [5, 3]), where DuckDB read every row ([1, 3]; max was a binder error: trino_max_n named n outside the
 * aggregate). The call is made over those rows only (its FILTER), its count is the group's, and
 * trino_extremes_counted fails as Trino does for a count past 10000 or below 1 and refuses a count that varies within
 * a group (Trino's answer then depends on which row it reads first). `undefined` where the form is another one.
 */
function columnCount(
  c: Parameters<CallHandler>[0],
  which: 'min' | 'max',
  answer: (c: Parameters<CallHandler>[0], count: string) => string | undefined,
): string | undefined {
  if (c.args.length !== 2 || /^\s*OVER\b/i.test(c.tail)) return undefined;
  const written = meaningful(c.args[1] ?? [])
    .map(nodeText)
    .join(' ');
  if (/^(\d+|NULL|CAST\s*\(\s*NULL\s+AS\s+(BIGINT|INTEGER)\s*\))$/i.test(written)) return undefined;
  const filter = /^\s*FILTER\s*\(\s*WHERE\s+([\s\S]*)\)\s*$/i.exec(c.tail);
  if (c.tail.trim() !== '' && !filter) return undefined;
  const x = c.arg(0).slice(distinctOf(c.arg(0)).length);
  const n = c.arg(1);
  const tail = ` FILTER (WHERE (${x}) IS NOT NULL AND (${n}) IS NOT NULL${filter ? ` AND (${filter[1]})` : ''})`;
  const sql = answer({ ...c, tail }, `max(${n})${tail}`);
  if (!sql) return undefined;
  return `trino_extremes_counted({'a': ${sql}, 'k': count(DISTINCT ${n})${tail}, 'lo': min(${n})${tail}, 'hi': max(${n})${tail}}, '${which}_n')`;
}

/**
 * Trino types of one value (no array, map or row), never a NaN and never zoned: min and max of them are DuckDB's own
 * calls, every guard of the forms above folding away while binding (issue 18: the freshness alert's four `max(x)` of
 * timestamps were ~1.1M of its 1.5M characters of expanded SQL). Spelled as the catalog and a CAST spell them.
 */
const PLAIN_ORDERED =
  /^(tinyint|smallint|int|integer|bigint|decimal\(\d+,\d+\)|decimal\(\d+\)|decimal|varchar|varchar\(\d+\)|date|timestamp|timestamp\(\d+\)|boolean)$/;

/** The type of a CAST or TRY_CAST as written (lower case, no blanks), undefined for anything else. */
function castTarget(m: readonly Node[]): string | undefined {
  if (m.length !== 2 || !['CAST', 'TRY_CAST'].includes(nodeKeyword(m[0])) || !isParen(m[1])) return undefined;
  const inner = meaningful(m[1].items);
  const as = inner.findIndex((n) => nodeKeyword(n) === 'AS');
  return as > 0
    ? inner
        .slice(as + 1)
        .map(nodeText)
        .join('')
        .replace(/\s+/g, '')
        .toLowerCase()
    : undefined;
}

/**
 * Whether a value is visibly of a PLAIN_ORDERED type: a column of one (`type`: the catalog's column types, where the
 * caller has them), a CAST or TRY_CAST to one (whatever its operand: the cast gives that type or fails), or a date or
 * timestamp of those `± INTERVAL '…' unit` (a date or timestamp again: Trino's date and timestamp arithmetic).
 */
export function plainOrderedValue(nodes: readonly Node[], type?: (text: string) => string | undefined): boolean {
  const m = meaningful(nodes);
  if (m.length === 1 && isParen(m[0])) return plainOrderedValue(m[0].items, type);
  const target = castTarget(m);
  if (target !== undefined) return PLAIN_ORDERED.test(target);
  const sign = m.findIndex((n) => n.kind === 'token' && n.token.kind === 'op' && (n.token.text === '+' || n.token.text === '-'));
  if (sign > 0 && nodeKeyword(m[sign + 1]) === 'INTERVAL' && m.slice(sign + 1).every((n) => n.kind === 'token' && n.token.kind !== 'op')) {
    const left = m.slice(0, sign);
    const leftType = castTarget(left) ?? (left.length === 1 || left.length === 3 ? type?.(left.map(nodeText).join('')) : undefined);
    return leftType !== undefined && /^(date|timestamp(\(\d+\))?)$/.test(leftType);
  }
  const column = type?.(m.map(nodeText).join(''));
  return column !== undefined && PLAIN_ORDERED.test(column.replace(/\s+/g, ''));
}

/** min(x) or max(x) (DISTINCT, FILTER, OVER kept) as DuckDB's own call, where x is of a PLAIN_ORDERED type. */
const plainExtreme = (c: Parameters<CallHandler>[0]): string | undefined => {
  if (c.args.length !== 1) return undefined;
  const value = meaningful(c.args[0]);
  const x = nodeKeyword(value[0]) === 'DISTINCT' ? value.slice(1) : value;
  return plainOrderedValue(x, c.knownType && ((text) => c.knownType?.(text))) ? `${c.name.text}(${c.all()})${c.tail}` : undefined;
};

export const NAN_CALL_REWRITES: Record<string, CallHandler> = {
  array_agg: arrayAggCall,
  min: (c) =>
    plainExtreme(c) ?? nullCount(c) ?? (countOverLimit(c, 'min') || columnCountInWindow(c, 'min') ? undefined : (columnCount(c, 'min', minCall) ?? minCall(c))),
  min_by: (c) => byKey(c, c.args.length === 3 ? byRows('min')(c) : c.args.length === 2 ? `arg_min_null(${c.arg(0)}, ${instantKeyOf(c)})${c.tail}` : undefined),
  max: (c) => {
    const plain = plainExtreme(c);
    if (plain) return plain;
    const nulled = nullCount(c);
    if (nulled) return nulled;
    if (countOverLimit(c, 'max') || columnCountInWindow(c, 'max')) return undefined;
    const x = c.arg(0).slice(distinctOf(c.arg(0)).length);
    if (/^\s*NULL\s*$/i.test(x)) return undefined;
    return columnCount(c, 'max', (d, count) => orderable(x, d.tail, maxCall(d, count))) ?? orderable(x, c.tail, maxCall(c));
  },
  max_by: (c) => byKey(c, maxByCall(c)),
};

const minCall = (c: Parameters<CallHandler>[0]) => orderable(c.arg(0).slice(distinctOf(c.arg(0)).length), c.tail, `min(${c.all()})${c.tail}`);

/** `count`: the count trino_max_n slices by, outside the aggregates (the group's, for a column count). */
function maxCall(c: Parameters<CallHandler>[0], count = c.arg(1)): string | undefined {
  const distinct = distinctOf(c.arg(0));
  const x = c.arg(0).slice(distinct.length);
  // max(NULL) is Trino's unknown NULL; the NaN forms would cast to DuckDB's NULL type, which cast_to_type refuses.
  if (/^\s*NULL\s*$/i.test(x)) return undefined;
  if (c.args.length === 1)
    return refusingNestedNaN(
      `min(${x})`,
      x,
      c.tail,
      `max(${c.all()})${c.tail}`,
      `coalesce(max(${distinct}trino_nan_null(${x}))${c.tail}, max(${c.all()})${c.tail})`,
      `arg_max(${x}, ${nanMaxKey(x)})${c.tail}`,
    );
  if (c.args.length !== 2) return undefined;
  const largest = `trino_max_n(max(${distinct}trino_nan_null(${x}), ${c.arg(1)})${c.tail}, max(${c.all()})${c.tail}, ${count})`;
  return refusingNestedNaN(`min(${x})`, x, c.tail, largest, largest, `arg_max(${x}, ${nanMaxKey(x)}, ${c.arg(1)})${c.tail}`);
}

function maxByCall(c: Parameters<CallHandler>[0]): string | undefined {
  if (c.args.length === 3) return byRows('max')(c);
  if (c.args.length !== 2) return undefined;
  const [v, key] = [c.arg(0), instantKeyOf(c)];
  // A key bound through min() only for its type (DuckDB drops the unused aggregate after folding the CASE).
  return `CASE WHEN typeof([min(${key})${c.tail}]) IN ('DOUBLE[]', 'FLOAT[]')
      THEN CASE WHEN count(trino_nan_null(${key}))${c.tail} > 0 THEN arg_max_null(${v}, trino_nan_null(${key}))${c.tail} ELSE arg_max_null(${v}, ${key})${c.tail} END
      ELSE ${refusingNestedNaN(`min(${key})`, key, c.tail, `arg_max_null(${v}, ${key})${c.tail}`, `arg_max_null(${v}, ${key})${c.tail}`, `arg_max_null(${v}, ${nanMaxKey(key)})${c.tail}`)} END`;
}
