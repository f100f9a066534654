// Comparisons of arrays, maps and rows: `=`, `<>`, `!=`, IN and NOT IN lists and `<`, `<=`, `>`, `>=` where an operand
// is visibly nested (an ARRAY[…] constructor, a CAST to array/map/row, a call returning one) become the shims of
// src/dialect/shims/nested-compare.ts, which give Trino's answer when elements are NULL. Comparisons of other operands
// are left as written: wrapping every `=` would turn DuckDB's hash joins into nested loops. A comparison of two columns
// (or elements `x[i]`), or any comparison in a JOIN's ON condition, whose types only DuckDB's binder knows, is refused
// while binding when one is nested (and `lake lint` binds every model): CAST one side to its type to compare it as
// Trino does. Other operands that may be nested (calls, CASE, subqueries: `tags = element_at(m, 'k')`), also in IN
// lists, BETWEEN and `CASE x WHEN`, go through trino_compare_any, which DuckDB folds while binding to Trino's
// comparison when a type is nested, to the plain one otherwise.
import type { GroupNode, Node } from './tree.js';
import { meaningful, nodeKeyword } from './tree.js';
import type { Part } from './operators.js';
import { inJoinCondition } from './operators.js';
import { isNumberLiteralText, numberComparable } from './column-operands.js';
import { besideFloating, floatingPair, floatingRefused, isReadColumn, unseenBesideReal } from './floating-operands.js';
import {
  betweenGuards,
  comparisonMeetsNaN,
  decidesJoinMatch,
  nanAwareBetween,
  nanAwareComparison,
  nanAwareInList,
  nanAwareJoinComparison,
  BIGINT_LITERAL,
  literalKind,
} from './nan-forms.js';
import { hasAggregate, shimCall } from './unbound.js';
import { expandedSize } from '../shims/macro-weights.js';

/**
 * How a comparison whose operand types only DuckDB's binder knows is rewritten (guardColumnComparisons): refused
 * while binding when an operand is nested, dispatched on the operand types (trino_compare_any), or, when one operand
 * is visibly a scalar (visiblyScalar), only checked for a text meeting another type.
 */
export type Guard = 'refuse' | 'dispatch' | 'text' | 'number';

/** A rendered expression and whether it is visibly an array, map or row. */
export interface Rendered {
  text: string;
  nested?: boolean;
  zoned?: boolean;
  /** Visibly a varchar: a CAST or TRY_CAST to varchar (isVarcharCast). */
  varchar?: boolean;
}

/** Calls whose value is an array, a map or a row, whatever their arguments. */
const NESTED_CALLS = new Set([
  'array_agg',
  'array_distinct',
  'array_except',
  'array_intersect',
  'array_remove',
  'array_sort',
  'array_union',
  'combinations',
  'filter',
  'flatten',
  'histogram',
  'map',
  'map_agg',
  'map_concat',
  'map_entries',
  'map_filter',
  'map_from_entries',
  'map_keys',
  'map_values',
  'map_zip_with',
  'multimap_agg',
  'ngrams',
  'regexp_extract_all',
  'regexp_split',
  'repeat',
  'row',
  'sequence',
  'shuffle',
  'slice',
  'split',
  'split_to_map',
  'split_to_multimap',
  'transform',
  'transform_keys',
  'transform_values',
  'trim_array',
  'zip',
  'zip_with',
]);

const NESTED_TYPES = new Set(['ARRAY', 'MAP', 'ROW']);

/** The type keyword a call `name(group)` casts to (`CAST(x AS varchar(3))`: VARCHAR), if it is a CAST or TRY_CAST. */
function castTarget(name: string, group: GroupNode): string | undefined {
  if (name !== 'cast' && name !== 'try_cast') return undefined;
  const items = meaningful(group.items);
  const as = items.map((n: Node) => nodeKeyword(n)).lastIndexOf('AS');
  return as >= 0 ? nodeKeyword(items[as + 1]) : undefined;
}

/** Whether a call `name(group)` is visibly an array, map or row: a nested call or a CAST to a nested type. */
export function isNestedCall(name: string, group: GroupNode): boolean {
  return NESTED_CALLS.has(name) || NESTED_TYPES.has(castTarget(name, group) ?? '');
}

/** Trino's names of the scalar types whose CAST or TRY_CAST castType reads, by the type keyword as written. */
const SCALAR_CAST_TYPES = new Map([
  ['TINYINT', 'tinyint'],
  ['SMALLINT', 'smallint'],
  ['INTEGER', 'integer'],
  ['INT', 'integer'],
  ['BIGINT', 'bigint'],
  ['REAL', 'real'],
  ['DOUBLE', 'double'],
]);

/**
 * The Trino type of a call `name(group)` that is a CAST or TRY_CAST to an integer type, real or double (Part.knownType):
 * the cast's value has that type whatever its operand, so a comparison of two such casts needs no guard against a
 * nested or text operand, and one to an integer type is never NaN. TestUnwrapCastInComparison's one-row queries of
 * ~60 `CAST(v AS DOUBLE) op CAST(c AS DOUBLE)` took DuckDB ~3 s of binding their trino_compare_any dispatch and
 * trino_text_comparable guards, each naming both casts again (issue 18).
 */
export function scalarCastType(name: string, group: GroupNode): string | undefined {
  if (name !== 'cast' && name !== 'try_cast') return undefined;
  const items = meaningful(group.items);
  const as = items.map((n: Node) => nodeKeyword(n)).lastIndexOf('AS');
  const type = as >= 0 ? items.slice(as + 1).map((n: Node) => nodeKeyword(n)) : [];
  // DOUBLE PRECISION is DOUBLE; anything longer (a precision, a time zone) is not one of these types.
  if (type.length === 2 && type[0] === 'DOUBLE' && type[1] === 'PRECISION') return 'double';
  return type.length === 1 ? SCALAR_CAST_TYPES.get(type[0] ?? '') : undefined;
}

/**
 * The Trino type of a call whose type does not depend on its arguments' (Part.knownType): date_diff is a bigint
 * whatever it compares (the local trino_date_diff is DuckDB's date_sub, a BIGINT). Its comparison with a column of a
 * number type needs no guard (issue 18: the freshness alert's `date_diff('minute', latest, now) > max_lag_minutes`
 * bound its call ~10 times in trino_compare_any's dispatch, trino_nan_in and trino_text_comparable).
 */
export const fixedCallType = (name: string): string | undefined => (name === 'date_diff' ? 'bigint' : undefined);

/**
 * Whether a call `name(group)` is a CAST or TRY_CAST to timestamp(p) with time zone: a zoned value, however its shim
 * is written (a column's cast is wrapped in the check that refuses a json operand, a TRY_CAST in its own forms), so it
 * is compared by instant. Two casts of columns compared as the structs were false for one instant in two zones
 * (`CAST(v AS timestamp(3) with time zone) = CAST(w AS timestamp(3) with time zone)` of 01:23:45 Europe/Warsaw and
 * 23:23:45 UTC the day before), where Trino 476 answers true.
 */
export function isZonedCast(name: string, group: GroupNode): boolean {
  if (name !== 'cast' && name !== 'try_cast') return false;
  const items = meaningful(group.items);
  const as = items.map((n: Node) => nodeKeyword(n)).lastIndexOf('AS');
  const words = as >= 0 ? items.slice(as + 1).map((n: Node) => nodeKeyword(n)) : [];
  return words[0] === 'TIMESTAMP' && words.slice(-3).join(' ') === 'WITH TIME ZONE';
}

/**
 * Whether a call `name(group)` is visibly a varchar: a CAST or TRY_CAST to varchar, whose rendering is a VARCHAR for
 * DuckDB too. Compared, it is checked as a string literal is (text-comparisons.ts: trino_text_literal_comparable of
 * the other side, which names it twice), not dispatched on nested types: a comparison with the example's period
 * filter `CAST(CAST(${period_start} - INTERVAL '14' DAY AS DATE) AS VARCHAR)` named its operands ~20 times in
 * trino_compare_any's branches, ~100 ms of binding P4's operations model (issue 18).
 */
export function isVarcharCast(name: string, group: GroupNode): boolean {
  return castTarget(name, group) === 'VARCHAR';
}

const ORDERINGS = new Set(['<', '<=', '>', '>=']);
const COMPARISONS = new Set(['=', '<>', '!=', ...ORDERINGS]);
const ARITHMETIC = new Set(['+', '-', '*', '/', '%', '||']);
const inOperand = (p: Part) => p.kind !== 'boundary' && (p.kind !== 'op' || ARITHMETIC.has(p.op ?? ''));

/** [first, last] meaningful part of the operand ending just before `i` (direction -1) or starting just after it. */
export function operand(parts: readonly Part[], i: number, direction: -1 | 1): [number, number] | undefined {
  const found: number[] = [];
  for (let k = i + direction; k >= 0 && k < parts.length && inOperand(parts[k]); k += direction) if (parts[k].kind !== 'trivia') found.push(k);
  if (found.length === 0) return undefined;
  const [a, b] = [found[0], found[found.length - 1]];
  return direction < 0 ? [b, a] : [a, b];
}

export const textOf = (parts: readonly Part[], [a, b]: [number, number]) =>
  parts
    .slice(a, b + 1)
    .map((p) => p.text)
    .join('');

const isNested = (parts: readonly Part[], [a, b]: [number, number]) => a === b && parts[a].nested === true;

export const previous = (parts: readonly Part[], i: number) => {
  for (let k = i - 1; k >= 0; k--) if (parts[k].kind !== 'trivia') return k;
  return -1;
};

/** The Trino comparison of `a op b` for nested values. */
export function nestedComparison(a: string, op: string, b: string): string {
  if (op === '=') return `trino_nested_eq(${a}, ${b})`;
  if (op === '<>' || op === '!=') return `(NOT trino_nested_eq(${a}, ${b}))`;
  return `trino_nested_ordered(${a}, ${b}, (${a}) ${op} (${b}))`;
}

/**
 * A comparison after `guard` of the first operand with each other one, bound first. Of visibly nested values
 * (`ARRAY[1] = ARRAY['a']`, `a IN (ARRAY['a'])`) trino_nested_comparable: values of two families, nested alike too
 * (trino_compare_family), fail with the product's TYPE_MISMATCH (Trino 476: "Cannot apply operator: array(integer) =
 * array(varchar(1))") before trino_nested_eq's list of both fails with DuckDB's binder error (overref44).
 */
function typesGuarded([x, ...others]: readonly string[], compared: string, guard = 'trino_nested_comparable'): string {
  return `(${[...new Set(others.map((e) => e.trim()))].map((e) => `${guard}(${x}, ${e}) AND `).join('')}${compared})`;
}

/** `x IN (e1, e2)` is `x = e1 OR x = e2` in Trino, NULL included; NOT IN its negation. */
function nestedInList(x: string, elements: readonly string[], not: boolean): string {
  const any = `(${elements.map((e) => `trino_nested_eq(${x}, ${e.trim()})`).join(' OR ')})`;
  return not ? `(NOT ${any})` : any;
}

/** The operands of the `[NOT] BETWEEN … AND …` whose BETWEEN is parts[i], as ranges of parts. */
export function betweenOperands(
  parts: readonly Part[],
  i: number,
): { not: boolean; x: [number, number]; low: [number, number]; high: [number, number] } | undefined {
  const notAt = previous(parts, i);
  const not = parts[notAt]?.text.toUpperCase() === 'NOT';
  const x = operand(parts, not ? notAt : i, -1);
  const low = operand(parts, i, 1);
  const andAt = low ? low[1] + 1 + parts.slice(low[1] + 1).findIndex((p) => p.kind !== 'trivia') : -1;
  if (!x || !low || parts[andAt]?.text.toUpperCase() !== 'AND') return undefined;
  const high = operand(parts, andAt, 1);
  return high ? { not, x, low, high } : undefined;
}

/**
 * Columns (and number literals) of one IN list or BETWEEN as the comparison reads them: a decimal beside a real or
 * double column made that type as Trino 476 makes it (`d IN (r)`, `r BETWEEN d AND d` of a decimal(9,1) 16777217.5 and
 * a real 16777218: true; floating-operands.ts unseenBesideReal). Written in the comparison only, not in its NaN,
 * NULL and nested forms (each read binds its column again). Undefined where a value is not a column name or literal,
 * or in a subquery that may read an outer column (the read's overload is picked before its type is known).
 */
function readColumns(texts: readonly string[], correlatable: boolean): string[] | undefined {
  if (correlatable || texts.filter((t) => isReadColumn(t.trim())).length < 2) return undefined;
  const reads = unseenBesideReal(texts, correlatable, false);
  return reads?.map((r, k) => r ?? texts[k].trim());
}

/**
 * `plain` (an IN list's or BETWEEN's comparison of `texts`, all column names) in a subquery that may read an outer
 * column: refused while DuckDB binds where a decimal meets a real or double among the pairs of the first value with
 * each other and of BETWEEN's bounds (floating-operands.ts floatingRefused; the read cannot be written there).
 */
function correlatedColumnsRefused(texts: readonly string[], plain: string, what: string): string {
  const names = texts.map((t) => t.trim());
  if (names.length < 2 || !names.every(isReadColumn)) return plain;
  const pairs = names.slice(1).map((t) => [names[0], t] as const);
  if (what === 'BETWEEN') pairs.push([names[1], names[2]]);
  return pairs.reduce((whole, [a, b]) => floatingRefused(a, b, whole, `${what} in a correlated subquery`), plain);
}

/** `x BETWEEN lo AND hi` is `lo <= x AND x <= hi` in Trino. */
function nestedBetween(parts: Part[], i: number, correlatable: boolean): number {
  const between = betweenOperands(parts, i);
  if (!between) return i;
  const { not, x, low, high } = between;
  const visible = [x, low, high].some((r) => isNested(parts, r));
  const unseen = !visible && mayBeNested(parts, x) && (mayBeNested(parts, low) || mayBeNested(parts, high)) && !inJoinCondition(parts, i);
  const [a, lo, hi] = [x, low, high].map((r) => textOf(parts, r).trim());
  const read = visible ? undefined : readColumns([a, lo, hi], correlatable);
  if (!visible && !unseen) {
    // A JOIN's ON condition keeps its BETWEEN for the passes after this one, its columns read.
    if (!read) return i;
    for (const [k, r] of [high, low, x].entries()) parts.splice(r[0], r[1] - r[0] + 1, { kind: 'operand', text: read[2 - k] });
    return x[0];
  }
  const both = `(${nestedComparison(lo, '<=', a)} AND ${nestedComparison(a, '<=', hi)})`;
  const nested = not ? `(NOT ${both})` : both;
  const compared = nanAwareBetween(a, lo, hi, not, betweenGuards(parts, x, low, high), read as [string, string, string] | undefined);
  // Unseen operands take ='s text guard too, bound first (overref44: `i BETWEEN v AND v` of an integer and a varchar
  // column, Trino 476 TYPE_MISMATCH "Cannot check if integer is BETWEEN varchar(1) and varchar(1)"; locally DuckDB's
  // "Cannot mix values" of the columns' reads).
  const plain = typesGuarded([a, lo, hi], correlatable ? correlatedColumnsRefused([a, lo, hi], compared, 'BETWEEN') : compared, 'trino_text_comparable');
  const text = unseen ? compareAny(a, mayBeNested(parts, low) ? lo : hi, plain, nested) : typesGuarded([a, lo, hi], nested);
  parts.splice(x[0], high[1] - x[0] + 1, { kind: 'operand', text });
  return x[0];
}

/**
 * The render of a simple `CASE x WHEN v THEN …` for decimal-common-type.ts's checkedCase: when x or a v is visibly
 * nested, the operand is dropped and each `WHEN v` becomes `WHEN trino_nested_eq(x, v)` (Trino compares with `=`);
 * when x and a v may be nested (columns, calls), `WHEN trino_compare_any(x, v, …)`.
 */
export function simpleCaseRender(
  group: GroupNode,
  render: (nodes: readonly Node[]) => Rendered,
  byInstant?: (texts: readonly string[]) => string[] | undefined,
  correlatable = false,
): (nodes: readonly Node[]) => string {
  const plain = (nodes: readonly Node[]) => render(nodes).text;
  const items = group.items;
  // A loop, not flatMap (issue 18: this line was ~2 % of a bench model's translation, one CASE each).
  const whens: number[] = [];
  for (let k = 0; k < items.length; k++) if (nodeKeyword(items[k]) === 'WHEN') whens.push(k);
  if (whens.length === 0 || meaningful(items.slice(0, whens[0])).length === 0) return plain;
  const operandValue = render(items.slice(0, whens[0]));
  const values = new Map(
    whens.map((w) => {
      const then = items.findIndex((n, k) => k > w && nodeKeyword(n) === 'THEN');
      const value = items.slice(w + 1, then < 0 ? items.length : then);
      return [value[0], render(value)] as const;
    }),
  );
  // A column meeting WHEN values written as a real or double is read as Trino coerces it (floating-operands.ts).
  const read = operandValue.zoned
    ? undefined
    : besideFloating(
        operandValue.text,
        [...values.values()].map((v) => v.text),
      );
  const x = read === undefined ? operandValue : { ...operandValue, text: read };
  const visible = x.nested || [...values.values()].some((v) => v.nested);
  const unseen = (v: Rendered) => !x.zoned && !v.zoned && !isLiteral(x.text) && !isLiteral(v.text);
  // A zoned operand or value: every WHEN compares instants (Trino 476: CASE 01:00 +01:00 WHEN 00:00 UTC matches).
  const zoned = !visible && (x.zoned || [...values.values()].some((v) => v.zoned));
  const operandStart = items[0];
  if (!visible && !zoned && ![...values.values()].some(unseen))
    return read === undefined ? plain : (nodes) => (nodes[0] === operandStart ? ` ${read} ` : plain(nodes));
  return (nodes) => {
    if (nodes[0] === operandStart) return ' ';
    const value = values.get(nodes[0]);
    if (!value) return plain(nodes);
    const [lead, trail] = [/^\s*/.exec(value.text)?.[0] ?? '', /\s*$/.exec(value.text)?.[0] ?? ''];
    // Two columns: zoned ones compare by instant (Trino 476: CASE s WHEN t of 01:00 +01:00 and 00:00 UTC matches).
    const written = [x.text.trim(), value.text.trim()];
    const [a, b] = (!visible && !zoned && byInstant?.(written)) || written;
    const nested = `trino_nested_eq(${a}, ${b})`;
    if (zoned) return `${lead}${shimCall('trino_cmp', [a])} = ${shimCall('trino_cmp', [b])}${trail}`;
    // Two columns (`CASE d WHEN r`): a decimal beside a real or double is read as Trino compares it (floatingPair).
    // In a subquery that may read an outer column the pair is refused where a decimal meets a real or double
    // (floatingRefused: the read's overload is picked before an outer column's type is known).
    const columns = !visible && COMPARED_COLUMN.test(a) && COMPARED_COLUMN.test(b);
    const [fa, fb] = (columns && !correlatable && floatingPair(a, b)) || [a, b];
    const compared = nanAwareComparison(`(${fa}) = (${fb})`, '=', fa, fb);
    const checked = columns && correlatable ? floatingRefused(a, b, compared, 'CASE x WHEN y in a correlated subquery') : compared;
    return `${lead}${visible ? nested : compareAny(a, b, checked, nested)}${trail}`;
  };
}

const IDENTIFIER = /^(?:"(?:[^"]|"")*"|`[^`]*`|[A-Za-z_][A-Za-z0-9_]*)$/;
/** A column name as a comparison renders it: bare, qualified, or through trino_cmp_column / trino_cmp_outer. */
const COMPARED_COLUMN = /^(?:trino_cmp_(?:column|outer)\(\s*[\w."]+\s*\)|[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)?)$/;
const NOT_COLUMNS = new Set(['TRUE', 'FALSE', 'NULL']);

/** A column reference (`a`, `t.a`, `"s"."t".a`) or an element `x[i]`: its type is known to DuckDB's binder only. */
export function isColumnOrElement(parts: readonly Part[], [a, b]: [number, number]): boolean {
  const m = parts.slice(a, b + 1).filter((p) => p.kind !== 'trivia');
  if (m.length === 1 && /^trino_subscript(?:_any|_once)?\(/.test(m[0].text)) return true;
  if (m.length % 2 === 0 || (m.length === 1 && NOT_COLUMNS.has(m[0].text.toUpperCase()))) return false;
  return m.every((p, n) => (n % 2 === 0 ? p.kind === 'operand' && IDENTIFIER.test(p.text) : p.kind === 'dot'));
}

/**
 * A literal's rendered text: a string, a number, TRUE, FALSE, NULL, DATE, TIME or TIMESTAMP '…', or a CAST of a string
 * or of such a typed literal (`CAST(TIMESTAMP '…' AS TIMESTAMP_S)`, a timestamp literal of precision 0).
 */
const LITERAL =
  /^(?:'|[0-9]|\.[0-9]|(?:TRUE|FALSE|NULL)$|(?:DATE|TIME|TIMESTAMP)\s+'|CAST\((?:(?:DATE|TIME|TIMESTAMP)\s+)?'(?:[^']|'')*' AS [A-Z_]+(?:\(\d+, \d+\))?\)$)/i;
const isLiteral = (text: string) => LITERAL.test(text.trim());
/**
 * Calls whose value is never an array, map or row: the arithmetic rewriteOperators (operators.ts) puts (add(),
 * subtract(), multiply() for `+`, `-`, `*`; the shims of `x + INTERVAL …`, `-`, `/`, `%`, AT TIME ZONE), strftime
 * (date_format's rendering) and DuckDB's date fields year() … second() (a bigint). Dispatching them on nested types
 * cost DuckDB a bind of every branch for nothing: the example's hourly partition predicate `year * 1000000 + …
 * BETWEEN …` took ~100 ms to bind (issue 18).
 */
const SCALAR_CALL =
  /^(?:add|subtract|multiply|strftime|trino_format_result|year|month|day|hour|minute|second|trino_(?:(?:multiply|plus|subtract|minus)(?:_1)?|plus_interval|minus_interval|plus_day_second|minus_day_second|divide|modulus|at_time_zone))\(/;

/** An operand whose type only DuckDB's binder knows: a column, an element, a call, a CASE, a subquery. */
export function unseenType(parts: readonly Part[], range: [number, number]): boolean {
  if (isColumnOrElement(parts, range)) return true;
  const m = parts.slice(range[0], range[1] + 1).filter((p) => p.kind !== 'trivia');
  return m.length === 1 && m[0].kind === 'operand' && !m[0].zoned && !m[0].interval && !m[0].varchar && !isLiteral(m[0].text);
}

/** A single operand visibly a scalar of unseen type (SCALAR_CALL, or the bigint a date field of a literal folds to). */
function visiblyScalar(parts: readonly Part[], range: [number, number]): boolean {
  const m = parts.slice(range[0], range[1] + 1).filter((p) => p.kind !== 'trivia');
  return m.length === 1 && (SCALAR_CALL.test(m[0].text) || BIGINT_LITERAL.test(m[0].text));
}

/**
 * Whether an operand may be an array, map or row that the translator cannot see: a column, an element, a call, a CASE,
 * a subquery; not a literal, a zoned timestamp or a visibly scalar call (arithmetic).
 */
function mayBeNested(parts: readonly Part[], range: [number, number]): boolean {
  return unseenType(parts, range) && !visiblyScalar(parts, range);
}

/** `plain` when a and b are not arrays, maps or rows, else `nested`: DuckDB folds the choice while binding. */
const compareAny = (a: string, b: string, plain: string, nested: string) => `trino_compare_any(${a}, ${b}, ${plain}, ${nested})`;

/** A name the translator gives an inlined lambda's parameter or element (lambda-rewrites.ts: array_sort's comparator…). */
const INLINED_LAMBDA_NAME = /\btrino_(?:sorted\d+|w|e|i|j)\b/;
/** Characters of expanded SQL a guarded comparison in a lambda's body must cost before its operands are bound once. */
const HEAVY_IN_LAMBDA = 5_000;

/**
 * A comparison in a lambda's body (an operand names an inlined lambda's parameter) written with its operands bound
 * once, when its guards would make DuckDB bind them many times: `plain` (`guarded(a, b)`) names each operand ~7 times
 * (trino_nan_in, trino_text_comparable; trino_compare_any's branches ~15), and a comparator lambda's operands are
 * calls (`cardinality(x) < cardinality(y)`, `x % 2 = y % 2`: ~9,000 characters of trino_modulus each) — issue 18.
 * The operands that are calls become the fields of a lambda's parameter, evaluated once, first, as Trino evaluates a
 * comparison's operands (coalesce keeps a NULL-typed operand's type); literals and plain names stay in place. The
 * comparison's answer is unchanged; undefined where nothing is gained (`plain` stays).
 */
function boundOnce(a: string, b: string, plain: string, guarded: (l: string, r: string) => string): string | undefined {
  if (!INLINED_LAMBDA_NAME.test(a) && !INLINED_LAMBDA_NAME.test(b)) return undefined;
  const moved = [a, b].map((t) => /\w\s*\(/.test(t) && !isLiteral(t));
  if (!moved.some(Boolean) || expandedSize(plain) <= HEAVY_IN_LAMBDA) return undefined;
  const parameter = `trino_cmp${(`${a},${b}`.match(/lambda trino_cmp/g)?.length ?? 0) + 1}`;
  const [x, y] = [a, b].map((t, k) => (moved[k] ? `${parameter}['${k === 0 ? 'l' : 'r'}']` : t));
  const fields = [a, b].flatMap((t, k) => (moved[k] ? [`'${k === 0 ? 'l' : 'r'}': coalesce(${t})`] : []));
  return `list_transform([{${fields.join(', ')}}], lambda ${parameter}: ${guarded(x, y)})[1]`;
}

/**
 * Comparisons marked by compareNestedValues, once the other operator rewrites (zoned timestamps compared by instant)
 * are done. 'refuse' (two columns, or a JOIN condition) gets the guard trino_not_nested (nested-compare.ts):
 * `(a = b AND trino_not_nested(a, b))`, which DuckDB plans as `a = b` (a join stays a hash join). 'dispatch' becomes
 * trino_compare_any(a, b, a = b, trino_nested_eq(a, b)), which DuckDB folds to one of them while binding.
 */
export function guardColumnComparisons(parts: Part[], correlatable: boolean): void {
  for (let i = 0; i < parts.length; i++) {
    const guard = parts[i].guarded;
    if (!guard) continue;
    const left = operand(parts, i, -1);
    const right = operand(parts, i, 1);
    if (!left || !right) continue;
    const [a, b] = [textOf(parts, left).trim(), textOf(parts, right).trim()];
    const op = parts[i].op ?? '';
    // Two columns (or a join's keys): a decimal beside a real or double is read as Trino reads it (floatingPair; no
    // cost per row for other types, and join keys stay one per side).
    const read = guard === 'refuse' && !correlatable && !hasAggregate(a) && !hasAggregate(b) ? floatingPair(a, b) : undefined;
    const [ra, rb] = read ?? [a, b];
    const whole = read ? `${ra} ${op} ${rb}` : textOf(parts, [left[0], right[1]]);
    // A text meeting another type fails in Trino (text-comparisons.ts), whatever the guard.
    // NaN compares as in Trino (nan-forms.ts); in a join's ON condition as keys that stay one per side (a hash join).
    const meetsNaN = comparisonMeetsNaN(parts, op, left, right);
    const scalar = !meetsNaN
      ? guard === 'refuse'
        ? whole
        : whole.trim()
      : guard !== 'dispatch' && decidesJoinMatch(parts, i)
        ? nanAwareJoinComparison(whole, op, ra, rb)
        : nanAwareComparison(whole, op, ra, rb);
    const guarded = (l: string, r: string, compared: string) =>
      guard === 'refuse'
        ? `(${compared} AND trino_comparable_columns(${l}, ${r}))`
        : guard === 'text'
          ? `(${compared} AND trino_text_comparable(${l}, ${r}))`
          : compareAny(l, r, `(${compared} AND trino_text_comparable(${l}, ${r}))`, nestedComparison(l, op, r));
    // In a lambda's body, heavy operands bound once (boundOnce; never a join's keys, an outer or aggregated operand).
    const once =
      (guard === 'text' || guard === 'dispatch' || (guard === 'refuse' && !correlatable)) &&
      !hasAggregate(a) &&
      !hasAggregate(b) &&
      !read &&
      !inJoinCondition(parts, i)
        ? boundOnce(a, b, guarded(a, b, scalar), (l, r) => guarded(l, r, meetsNaN ? nanAwareComparison(`${l} ${op} ${r}`, op, l, r) : `${l} ${op} ${r}`))
        : undefined;
    // trino_comparable_columns decides two numbers by its typed overload; an outer reference or an aggregate, whose
    // type DuckDB does not see where it picks one, takes the two guards themselves.
    const text = once
      ? once
      : guard === 'refuse'
        ? correlatable || hasAggregate(a) || hasAggregate(b)
          ? `(${scalar} AND trino_not_nested(${a}, ${b}) AND trino_text_comparable(${a}, ${b})${correlatable && !hasAggregate(a) && !hasAggregate(b) ? ` AND ${floatingRefused(a, b, 'true', 'comparison in a correlated subquery')}` : ''})`
          : guarded(a, b, scalar)
        : guard === 'number'
          ? `(${scalar} AND ${numberComparable(isNumberLiteralText(a) ? b : a)})`
          : guarded(a, b, scalar);
    parts.splice(left[0], right[1] - left[0] + 1, { kind: 'operand', text });
    i = left[0];
  }
}

/**
 * The type family of a type the catalog gives a column (Part.knownType): number (integers, real, double; decimals are
 * left to the decimal checks), varchar, boolean, date, timestamp; undefined for others (arrays, maps, rows…).
 */
export function typeFamily(type: string | undefined): string | undefined {
  if (type === undefined) return undefined;
  if (['tinyint', 'smallint', 'integer', 'bigint', 'real', 'double'].includes(type)) return 'number';
  if (type === 'varchar' || /^varchar\(\d+\)$/.test(type)) return 'varchar';
  if (type === 'boolean' || type === 'date') return type;
  return /^timestamp(?:\(\d+\))?$/.test(type) ? 'timestamp' : undefined;
}

/**
 * The type family of an operand known before DuckDB binds it: a column the catalog types (Part.knownType, issue 18),
 * a number that is never NaN (nan-forms.ts literalKind: a literal, a date field, exact arithmetic of such); undefined
 * where only the binder knows it.
 */
export function knownFamily(parts: readonly Part[], [a, b]: [number, number]): string | undefined {
  const m = parts.slice(a, b + 1).filter((p) => p.kind !== 'trivia');
  if (m.length !== 1 || m[0].kind !== 'operand') return undefined;
  if (m[0].knownType !== undefined) return typeFamily(m[0].knownType);
  const text = m[0].text.trim();
  return isNumberLiteralText(text) || BIGINT_LITERAL.test(text) || literalKind(parts, [a, b]) === 'number' ? 'number' : undefined;
}

/** The guard of a comparison of operands neither of which is visibly nested, or none when one is visibly scalar. */
function unseenComparison(parts: readonly Part[], i: number, left: [number, number], right: [number, number]): Guard | undefined {
  if (isColumnOrElement(parts, left) && isColumnOrElement(parts, right)) return 'refuse';
  if (mayBeNested(parts, left) && mayBeNested(parts, right)) return inJoinCondition(parts, i) ? 'refuse' : 'dispatch';
  // A visibly scalar side: not nested, but a text may still meet another type (`v = n + 1` fails in Trino).
  return unseenType(parts, left) && unseenType(parts, right) ? 'text' : undefined;
}

export function compareNestedValues(parts: Part[], correlatable = false): void {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.kind === 'boundary' && p.text.toUpperCase() === 'BETWEEN') {
      i = nestedBetween(parts, i, correlatable);
      continue;
    }
    if (p.kind === 'op' && COMPARISONS.has(p.op ?? '')) {
      const left = operand(parts, i, -1);
      const right = operand(parts, i, 1);
      if (!left || !right) continue;
      if (!isNested(parts, left) && !isNested(parts, right)) {
        // Two operands of one known family (a catalog column of an integer type and a number literal): nothing to refuse.
        const family = knownFamily(parts, left);
        const typed = [left, right].some(([a, b]) => parts.slice(a, b + 1).some((q) => q.knownType !== undefined));
        p.guarded = typed && family !== undefined && family === knownFamily(parts, right) ? undefined : unseenComparison(parts, i, left, right);
        continue;
      }
      const [a, b] = [textOf(parts, left).trim(), textOf(parts, right).trim()];
      const text = typesGuarded([a, b], nestedComparison(a, p.op ?? '', b));
      parts.splice(left[0], right[1] - left[0] + 1, { kind: 'operand', text });
      i = left[0];
    } else if (p.inList) {
      const inAt = previous(parts, i);
      const notAt = previous(parts, inAt);
      const not = parts[notAt]?.text.toUpperCase() === 'NOT';
      const left = operand(parts, not ? notAt : inAt, -1);
      if (!left) continue;
      const visible = isNested(parts, left) || p.inList.some((e) => e.nested);
      const unseen = p.inList.find((e) => !e.zoned && !isLiteral(e.text));
      if (!visible && !(unseen && mayBeNested(parts, left))) continue;
      const x = textOf(parts, left).trim();
      const nested = nestedInList(
        x,
        p.inList.map((e) => e.text),
        not,
      );
      const elements = p.inList.map((e) => e.text);
      const read = visible ? undefined : readColumns([x, ...elements], correlatable);
      const compared = nanAwareInList(x, p.text, elements, not, read && { x: read[0], list: `(${read.slice(1).join(', ')})` });
      // Each element that is no literal beside x takes ='s text guard (overref43: `i IN (v)` of an integer and a varchar
      // column, Trino 476 TYPE_MISMATCH; locally DuckDB's binder error on the nested branch's list), bound before the
      // comparison, whose columns' reads fail on DuckDB's "Cannot mix values" first (overref44: `i NOT IN (n, v)`).
      const unseenElements = p.inList.filter((e) => !e.zoned && !isLiteral(e.text)).map((e) => e.text);
      const guarded = visible || unseenElements.length === 0 ? compared : typesGuarded([x, ...unseenElements], compared, 'trino_text_comparable');
      const plain = correlatable ? correlatedColumnsRefused([x, ...elements], guarded, 'IN') : guarded;
      const text = visible ? typesGuarded([x, ...elements], nested) : compareAny(x, unseen?.text.trim() ?? '', plain, nested);
      parts.splice(left[0], i - left[0] + 1, { kind: 'operand', text });
      i = left[0];
    }
  }
}

/** A column reference as rendered (`a`, `t.a`, `"s"."t".a`): its value never fails. */
const COLUMN_TEXT = /^(?:(?:"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_]*)\.)*(?:"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_]*)$/;

/**
 * Words of a rendered constant expression that are not calls: keywords (`ARRAY[1]`), the session's date and time,
 * DuckDB's type names and the fields of a zoned value's struct (`CAST(trino_tz_literal(…) AS STRUCT(trino_instant TIMESTAMPTZ, …))`).
 */
const CONSTANT_WORDS = new Set(
  'ARRAY AS CASE WHEN THEN ELSE END NULL TRUE FALSE AND OR NOT IS IN DISTINCT FROM BETWEEN LIKE ESCAPE CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP LOCALTIME LOCALTIMESTAMP INTEGER BIGINT SMALLINT TINYINT HUGEINT DOUBLE FLOAT DECIMAL VARCHAR BOOLEAN DATE TIME TIMESTAMP TIMESTAMP_S TIMESTAMP_MS TIMESTAMPTZ INTERVAL STRUCT TRINO_INSTANT TRINO_ZONE TRINO_WALL'.split(
    ' ',
  ),
);

/**
 * A rendered expression without a column reference (`add(CAST(1 AS INTEGER), CAST(2 AS INTEGER))`): besides literals
 * it names calls and keywords only, never a quoted name or a subquery. DuckDB folds it like a literal.
 */
function isConstantExpression(text: string): boolean {
  const words = text.replace(/'(?:[^']|'')*'/g, "''");
  if (words.includes('"')) return false;
  for (const m of words.matchAll(/[A-Za-z_][A-Za-z0-9_$]*/g)) {
    const called = /^\s*\(/.test(words.slice(m.index + m[0].length));
    if (!called && !CONSTANT_WORDS.has(m[0].toUpperCase())) return false;
  }
  return true;
}

/**
 * Trino 476 evaluates every element of an IN list: `3 IN (3, 5 / y)` fails on y = 0 (DIVISION_BY_ZERO), also
 * `3 IN (3, CAST('a' AS integer))`, unless the left operand is NULL: `NULL IN (3, 5 / y)` is NULL, no element
 * evaluated. DuckDB's optimizer folds a literal (or constant, `1 + 2`, `CAST('3' AS integer)`) left operand equal to a
 * literal element to true and drops the other elements; with a column operand it evaluates every element, also where
 * the operand is NULL. Where an element may fail (neither a literal nor a column; a CAST of a literal may fail), it
 * becomes `CASE WHEN x IS NULL THEN NULL ELSE e END` (the IN is NULL then whatever the elements are), and a constant
 * operand becomes `CASE WHEN x IS NULL THEN NULL WHEN len([e, …]) = 0 THEN NULL ELSE x END` (that list is never
 * empty): those elements are evaluated, and the operand is no longer a constant DuckDB folds. (Not `[e, …] IS NULL`:
 * DuckDB knows a list value is never NULL and drops the test, and the elements with it, in a WHERE clause.)
 * Runs before the passes that guard the IN by its operands' types (they would hide a call's IN inside
 * trino_compare_any).
 */
export function evaluateInElements(parts: Part[]): void {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (!p.inList) continue;
    const inAt = previous(parts, i);
    const notAt = previous(parts, inAt);
    const left = operand(parts, parts[notAt]?.text.toUpperCase() === 'NOT' ? notAt : inAt, -1);
    const x = left && textOf(parts, left).trim();
    if (!left || !x) continue;
    // A column through trino_cmp_column (operators.ts compareColumnListsByInstant) never fails either.
    const mayFail = (e: string) => !(isLiteral(e) && !/^CAST\(/i.test(e)) && !COLUMN_TEXT.test(e) && !isReadColumn(e);
    const failing = p.inList.map((e) => e.text.trim()).filter(mayFail);
    if (failing.length === 0) continue;
    const inList = p.inList.map((e) => (mayFail(e.text.trim()) ? { ...e, text: `(CASE WHEN ${x} IS NULL THEN NULL ELSE ${e.text.trim()} END)` } : e));
    parts[i] = { ...p, inList, text: `(${inList.map((e) => e.text).join(',')})` };
    if (!isLiteral(x) && !isConstantExpression(x)) continue;
    // A single part keeps what it visibly is (zoned, nested, varchar) for the passes after this one.
    const { zoned, nested, varchar } = left[0] === left[1] ? parts[left[0]] : {};
    const text = `(CASE WHEN ${x} IS NULL THEN NULL WHEN len([${failing.join(', ')}]) = 0 THEN NULL ELSE ${x} END)`;
    parts.splice(left[0], left[1] - left[0] + 1, { kind: 'operand', text, zoned, nested, varchar });
    i -= left[1] - left[0];
  }
}
