// The PARTITION BY and ORDER BY expressions of a window (`OVER (…)`) compare zoned timestamps by instant, as Trino
// does (https://trino.io/docs/current/language/types.html#timestamp-with-time-zone: "values are compared by instant"):
// `count(*) OVER (PARTITION BY t)` puts 10:00 UTC and 11:00 +01:00 in one partition, and `rank() OVER (ORDER BY t)`
// ranks them equal. The local zoned value is a struct that DuckDB partitions and orders field by field. Each
// expression goes through trino_cmp, which DuckDB's binder expands to the instant of a zoned value and to the value
// itself for any other type (no cost for ordinary columns). An expression holding an aggregate is left as written:
// a typed macro cannot take one (src/dialect/translate/unbound.ts).
import { mapRefused, REFUSED_KEY_MARKER } from '../shims/error-messages.js';
import { nanOf, nullsFirst, splitOrderElement, withNanKey } from './nan-order.js';
import { hasAggregate } from './unbound.js';
import type { Token } from '../tokens.js';
import { meaningful, nodeKeyword, splitArgs, type Node } from './tree.js';

const CLAUSE_WORDS = new Set(['PARTITION', 'ORDER', 'ROWS', 'RANGE', 'GROUPS']);

/** `(x)` as the key trino_cmp gives, unless x holds an aggregate or window call. */
export const instantKey = (x: string): string => (hasAggregate(x) ? x : x.replace(/^(\s*)([\s\S]*?)(\s*)$/, '$1trino_cmp($2)$3'));
const keyed = instantKey;

/**
 * One ORDER BY element: its expression keyed, its ASC/DESC/NULLS words kept; with NULLS FIRST, NaN's key before it
 * (nan-order.ts); where a RANGE frame with an offset needs the one key, a NaN key fails instead.
 */
function orderElement(element: readonly Node[], render: (nodes: readonly Node[]) => string, oneKey: boolean, numberRange = false): string {
  const { expression, modifiers } = splitOrderElement(element);
  const checked = orderable(keyed(render(expression)));
  const key = numberRange ? numberRangeKey(checked, render(expression)) : checked;
  if (!nullsFirst(modifiers)) return key + render(modifiers);
  // A RANGE offset measures on the one key: a NaN there fails (shims/nan-macros.ts).
  return oneKey
    ? key.replace(/^(\s*)([\s\S]*?)(\s*)$/, '$1trino_nan_range_key($2)$3') + render(modifiers)
    : withNanKey(nanOf(key), key, modifiers, render(modifiers));
}

/**
 * Whether a value is of a type with no order in Trino 476: a map, or an array or row holding one (TYPE_MISMATCH "map(…)
 * is not orderable, and therefore cannot be used in ORDER BY"). DuckDB orders maps. The refusal's key (error-messages.ts)
 * is bound with the value's type; the condition, a constant false once bound, is folded away (no cost per row).
 */
const mapTyped = (values: readonly string[], refusal = 'map-order-by') =>
  mapRefused(
    values.map((v) => v.trim()),
    'false',
    refusal,
  );

/**
 * A window's ORDER BY key (or PARTITION BY key: Trino 476 fails "map(…) is not orderable" there too, where DuckDB
 * partitions by the entry list), refused while binding when it is a map (or holds one). An array or row key holding a
 * NULL element is refused while running (nested-compare.ts trino_null_element_free): Trino 476 fails NOT_SUPPORTED
 * where its sort compares two keys equal up to that NULL (even two equal ones of one partition), and which pairs it
 * compares is its plan's (PARTITION BY ARRAY[1, NULL] and ARRAY[1, 3] answered there, two ARRAY[1, NULL] failed).
 */
const orderable = (key: string, refusal?: string): string =>
  key.replace(
    /^(\s*)([\s\S]*?)(\s*)$/,
    (_m, lead: string, value: string, trail: string) =>
      `${lead}CASE WHEN ${mapTyped([value], refusal)} THEN NULL WHEN trino_null_element_free(${value}) THEN ${value} END${trail}`,
  );

/**
 * A query's or an aggregate's trailing ORDER BY key that refuses, while binding, an element (`values`, rendered; an
 * ordinal's select item) that is a map or holds one, and while running one that is an array or row holding a NULL
 * element (as a window's key); a constant NULL otherwise, so the order is the elements'. (trino_null_element_free is
 * true or fails, so the last branch is never taken; DuckDB could fold a CASE whose branches are all NULL unevaluated.)
 */
export const orderableCheck = (values: readonly string[]): string =>
  `CASE WHEN ${mapTyped(values)} THEN 0 WHEN ${values.map((v) => `trino_null_element_free(${v.trim()})`).join(' AND ')} THEN NULL ELSE 0 END`;

/** A PARTITION BY key: keyed by instant, refused while binding when it holds a map. */
const partitionKey = (key: string): string => orderable(keyed(key), 'map-partition-by');

/** `RANGE BETWEEN 1 PRECEDING …`: a frame whose offset DuckDB measures on the one ORDER BY key. */
function rangeWithOffset(items: readonly Node[]): boolean {
  const m = meaningful(items);
  return (
    m.some((n) => nodeKeyword(n) === 'RANGE') &&
    m.some((n, k) => (nodeKeyword(n) === 'PRECEDING' || nodeKeyword(n) === 'FOLLOWING') && nodeKeyword(m[k - 1]) !== 'UNBOUNDED')
  );
}

/**
 * `RANGE BETWEEN 1 PRECEDING …` over a date, time or timestamp key: Trino 476 fails with TYPE_MISMATCH "Window frame
 * RANGE value type (integer) not compatible with sort item type (date)"; DuckDB measured days. The key is refused while
 * binding (typeof folds: no per-row cost); an INTERVAL offset measures such a key in both.
 */
function rangeWithNumberOffset(items: readonly Node[]): boolean {
  const m = meaningful(items);
  if (!m.some((n) => nodeKeyword(n) === 'RANGE')) return false;
  return m.some((n, k) => {
    if (nodeKeyword(n) !== 'PRECEDING' && nodeKeyword(n) !== 'FOLLOWING') return false;
    let start = k - 1;
    while (start > 0 && !['BETWEEN', 'AND', 'RANGE'].includes(nodeKeyword(m[start - 1]))) start--;
    return !['UNBOUNDED', 'INTERVAL'].includes(nodeKeyword(m[start]));
  });
}

const numberRangeKey = (key: string, value: string): string =>
  key.replace(
    /^(\s*)([\s\S]*?)(\s*)$/,
    (_m, lead: string, inner: string, trail: string) =>
      `${lead}{'trino_v': ${inner}}[CASE WHEN regexp_matches(typeof(${value}), '^(DATE|TIME|TIMESTAMP|INTERVAL)') THEN '${REFUSED_KEY_MARKER}range-offset ' || typeof(${value}) ELSE 'trino_v' END]${trail}`,
  );

/**
 * A ROWS or GROUPS offset of a type Trino 476 refuses there (TYPE_MISMATCH "Window frame ROWS start value type must be
 * exact numeric type with scale 0 (actual double)"): a decimal with a scale, a double, a real, a text, an unknown NULL.
 * DuckDB cast it (`ROWS BETWEEN x PRECEDING` over a decimal(2,1) x = 1.5 measured 2 rows; `DECIMAL '1.5' PRECEDING`
 * too), where the literal check at lint (mistypedFrameOffset) sees number tokens only. Refused while binding from the
 * offset's type (the CASE folds; over no rows too, as Trino fails at analysis). The type is read as typeof([x]): DuckDB
 * does not fold typeof(x) of a NULL-typed column (trino_condition in shims/macros.ts).
 */
const exactOffset = (unit: string, bound: string, value: string): string =>
  `{'trino_v': ${value}}[CASE WHEN regexp_matches(typeof([${value}]), '^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|DECIMAL\\(\\d+,0\\))\\[\\]$') THEN 'trino_v' ELSE '${REFUSED_KEY_MARKER}frame-offset ${unit} ${bound} ' || replace(replace(typeof([${value}]), '"', ''), '[]', '') END]`;

/**
 * The frame after ROWS or GROUPS, each offset (`n PRECEDING`, `n FOLLOWING`) checked by trino_frame_offset: Trino fails
 * on a negative or NULL offset (INVALID_WINDOW_FRAME), DuckDB answered over an empty or shortened frame. A RANGE
 * offset (`check` trino_range_offset, also an interval) likewise: DuckDB measured a NULL one as none, and a negative
 * one beside a NULL key was not read.
 */
function renderCheckedFrame(items: readonly Node[], render: (nodes: readonly Node[]) => string, unit: string): string {
  let out = '';
  let start = 0;
  let bound = 'start';
  for (let k = 0; k < items.length; k++) {
    const word = nodeKeyword(items[k]);
    if (word === 'BETWEEN' || word === 'AND') {
      out += render(items.slice(start, k + 1));
      start = k + 1;
      if (word === 'AND') bound = 'end';
    } else if (word === 'PRECEDING' || word === 'FOLLOWING') {
      const offset = items.slice(start, k);
      const words = meaningful(offset);
      // An INTERVAL literal is neither NULL nor negative here; rendered token by token, as the frame was before, since
      // a year-month interval rendered whole is refused as a value of its own (it measures a date key here).
      if (nodeKeyword(words[0]) === 'INTERVAL') out += offset.map((n) => render([n])).join('');
      else if (words.length === 1 && nodeKeyword(words[0]) === 'UNBOUNDED') out += render(offset);
      else out += unit === 'RANGE' ? ` trino_range_offset(${render(offset)}) ` : ` trino_frame_offset(${exactOffset(unit, bound, render(offset))}) `;
      out += render([items[k]]);
      start = k + 1;
    }
  }
  return out + render(items.slice(start));
}

/** The rendered items of a window specification, its PARTITION BY and ORDER BY expressions keyed, frame offsets checked. */
export function renderWindowSpecification(items: readonly Node[], render: (nodes: readonly Node[]) => string): string {
  let out = '';
  let i = 0;
  while (i < items.length) {
    const word = nodeKeyword(items[i]);
    if (word === 'ROWS' || word === 'GROUPS' || word === 'RANGE') {
      out += render([items[i]]) + renderCheckedFrame(items.slice(i + 1), render, word);
      break;
    }
    const by = items.findIndex((n, k) => k > i && meaningful([n]).length > 0);
    if ((word !== 'PARTITION' && word !== 'ORDER') || nodeKeyword(items[by]) !== 'BY') {
      out += render([items[i]]);
      i++;
      continue;
    }
    let end = by + 1;
    while (end < items.length && !CLAUSE_WORDS.has(nodeKeyword(items[end]))) end++;
    const elements = splitArgs(items.slice(by + 1, end));
    const rendered = elements.map((e) =>
      word === 'ORDER' ? orderElement(e, render, rangeWithOffset(items), rangeWithNumberOffset(items)) : partitionKey(render(e)),
    );
    out += `${render(items.slice(i, by + 1))}${rendered.join(',')}`;
    i = end;
  }
  return out;
}

/**
 * A frame offset written as a literal of a type Trino 476 refuses there (TYPE_MISMATCH), which DuckDB casts: a text
 * (`'1' PRECEDING`) for ROWS, GROUPS and RANGE, a decimal or double (`1.5 PRECEDING`) for ROWS and GROUPS.
 */
export function mistypedFrameOffset(items: readonly Node[]): { at: Token; message: string } | undefined {
  const m = meaningful(items);
  const unit = m.find((n) => ['ROWS', 'GROUPS', 'RANGE'].includes(nodeKeyword(n)));
  if (unit === undefined) return undefined;
  const kind = nodeKeyword(unit);
  for (let k = 1; k < m.length; k++) {
    const word = nodeKeyword(m[k]);
    const offset = m[k - 1];
    if ((word !== 'PRECEDING' && word !== 'FOLLOWING') || offset.kind !== 'token' || !['BETWEEN', 'AND', kind].includes(nodeKeyword(m[k - 2]))) continue;
    const text = offset.token.kind === 'string';
    const fraction = offset.token.kind === 'number' && /[.eE]/.test(offset.token.text);
    if (text && kind === 'RANGE')
      return {
        at: offset.token,
        message:
          'Athena fails with TYPE_MISMATCH: Window frame RANGE value type (varchar) not compatible with sort item type; the local engine would cast the text',
      };
    if (text || (fraction && kind !== 'RANGE'))
      return {
        at: offset.token,
        message: `Athena fails with TYPE_MISMATCH: Window frame ${kind} start value type must be exact numeric type with scale 0 (actual ${text ? 'varchar' : 'decimal'}); the local engine would cast it`,
      };
  }
  return undefined;
}
