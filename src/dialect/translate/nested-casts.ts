// CAST to array(…), map(…, …) and row(…): each element, key, value and field is cast by the same shim as a scalar
// CAST to its type, as Trino 476 casts them one by one. DuckDB's own cast of a list converts the elements by its rules:
// CAST(ARRAY[2.5E0] AS array(integer)) was [2] (Trino [3], half away from zero), ARRAY['1.5'] to array(integer) [2]
// (Trino: "Cannot cast '1.5' to INT"), ARRAY['yes'] to array(boolean) [true], ARRAY[1.005E0] to array(decimal(4, 2))
// [1.00] (Trino 1.01), ARRAY[123] to array(varchar(2)) ['123'] (Trino fails), timestamps to array(varchar) without
// their trailing zeros (found by the fourth hunt, docs/issue-15-audit.md).
import { hasAggregate, shimCall } from './unbound.js';
import { isParen, meaningful, nodeKeyword, nodeText, splitArgs, type GroupNode, type Node } from './tree.js';
import { translateType, type TranslatedType } from './types.js';
import { REFUSED_KEY_MARKER } from '../shims/error-messages.js';
import { argumentWeight, expandedSize } from '../shims/macro-weights.js';

/** A string literal as rendered. */
const STRING_LITERAL = /^\s*'(?:[^']|'')*'\s*$/;

/** The lambda parameter an outer column's cast reads (scalarCastShim). */
const CAST_OPERAND = 'cast_operand';

export const INTEGER_TARGETS: ReadonlySet<string> = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'INT', 'BIGINT']);
/** Targets whose cast from a text reads less than DuckDB's (trino_to_boolean, trino_to_double, trino_to_float). */
export const TEXT_CHECKED_TARGETS: ReadonlySet<string> = new Set(['BOOLEAN', 'DOUBLE', 'FLOAT']);

/** DuckDB's names of the types whose text TRY does not shield from a too long varchar(n) (castCall's `unbounded`). */
const UNBOUNDED_TEXT = '(?:BOOLEAN|INTERVAL|UUID|TIMESTAMP(?:_S|_MS|_NS| WITH TIME ZONE)?)';
/**
 * The types whose cast to a too long varchar(n) Trino 476's TRY does not catch (GENERIC_INTERNAL_ERROR "Character count
 * exceeds length limit 3"; a uuid or ipaddress has no cast to varchar(n) at all): UNBOUNDED_TEXT, zoned, ipaddress.
 */
const UNCAUGHT_TOO_LONG = `${UNBOUNDED_TEXT}|STRUCT\\(trino_(?:instant|ipaddress) .*`;

/**
 * The cast shim `name` (its `_any` form over an aggregate) of x; its `_once` form where x holds a call, which binds x
 * once: the cast macros mention x 8 to 28 times, so a cast over a shim's call made DuckDB bind the call's operands that
 * many times over (issue 18: CAST(max(from_iso8601_timestamp(s)) AS VARCHAR) took ~16 s of CPU).
 */
function castShimCall(name: string, x: string): string {
  const call = shimCall(name, [x]);
  return /\(/.test(x) ? call.replace(/^(\w+)\(/, '$1_once(') : call;
}

/** Casts whose shim has a `_once` form without going through shimCall (no `_any` form): trino_to_double, trino_to_float. */
const ONCE_TARGETS: ReadonlySet<string> = new Set(['DOUBLE', 'FLOAT']);

/** A cast shim's call in translated text: a cast nested in another multiplies their mentions of the operand. */
const CAST_SHIM_CALL = /\btrino_(?:to_\w+|cast_json\w*)\(/;

/**
 * `name`, or its `_once` form where x holds an aggregate or window call or another cast: trino_to_double and
 * trino_to_float mention x 8 times, trino_to_decimal 13, so CAST(CAST(sum(x) AS DOUBLE) AS DECIMAL(10, 2)) bound sum(x)
 * 13 × 8 times (issue 18). Narrower than castShimCall's rule (any call): the lambda runs per row, ~0.15 µs a cast
 * (2M rows, two casts of abs(x - y): 1.45 → 2.0 s CPU), where an aggregate's or window's runs once per group or row of
 * the result, and binding a plain call 8 or 13 times costs less than that on a large scan.
 */
function onceWhereCall(name: string, x: string): string {
  return hasAggregate(x) || CAST_SHIM_CALL.test(x) || heavyOperand(name, x) ? `${name}_once` : name;
}

/**
 * Characters of expanded SQL that binding a cast's operand again at each of its mentions must add before the cast
 * binds it once (the threshold of translate/bind-once.ts, which leaves casts alone).
 */
const HEAVY_OPERAND = 200_000;

/**
 * Whether x is a call whose expansion, bound at each of the cast's mentions, would cost more than HEAVY_OPERAND: the
 * p3_contract_violations alert's `CAST(total - failing AS DOUBLE) / total` over columns of unknown type, a guarded
 * subtraction (~9,600 characters expanded) that trino_to_double's 26 mentions made ~250,000, three times over inside
 * its condition's checks: ~0.45 s of binding per evaluation (issue 18). A per-row lambda (~0.15 µs) costs less than that
 * below tens of millions of rows.
 */
function heavyOperand(name: string, x: string): boolean {
  return /\(/.test(x) && (argumentWeight(name, name === 'trino_to_decimal' ? 2 : 1, 0) - 1) * expandedSize(x) > HEAVY_OPERAND;
}

/**
 * The shim of a CAST of `x` to a scalar type, whatever x is; undefined where DuckDB's own CAST is Trino's. `unbound`:
 * x may read an outer column (a correlated subquery), whose type DuckDB does not see when it picks a typed shim's
 * overload of the varchar, time and zoned casts ("multiple overloads", or the zoned one for a text): those shims are
 * then applied inside a lambda over [x], where x has its type (the `_any` forms would read text and json less
 * strictly). The others bind an outer column as they are.
 */
export function scalarCastShim(x: string, type: TranslatedType, unbound = false, lenient = false): string | undefined {
  // A string literal to varchar(n) is cut to n characters (trino_varchar_fit's reading of a varchar), written so: the
  // shims named the literal ~100 times (TestUnwrapCastInComparison's rows of `CAST(v AS VARCHAR(2)) op CAST('a' AS
  // VARCHAR(2))`, 1.5 s of binding; issue 18).
  if (type.base === 'VARCHAR' && type.length && STRING_LITERAL.test(x)) return `left(${x.trim()}, ${type.length})`;
  const overloaded = type.base === 'VARCHAR' || (type.base === 'TIME' && !type.withTimeZone) || (type.base === 'TIMESTAMP' && type.withTimeZone);
  if (unbound && overloaded && !hasAggregate(x)) {
    const typed = scalarCastShim(CAST_OPERAND, type, false, lenient);
    return typed && `list_transform([${x}], lambda ${CAST_OPERAND}: ${typed})[1]`;
  }
  if (type.base === 'VARCHAR') {
    const source = type.length && !lenient ? shimCall('trino_bounded_varchar_source', [x, String(type.length)]) : x;
    const text = castShimCall('trino_to_varchar', source);
    // `lenient`: a text whose length TRY does not shield is cut as a varchar's (TRY_CAST's second look, castCall).
    const sourceType = lenient ? `CASE WHEN regexp_full_match(typeof(${x}), '${UNCAUGHT_TOO_LONG}') THEN 'VARCHAR' ELSE typeof(${x}) END` : `typeof(${x})`;
    return type.length ? `trino_varchar_fit(${text}, ${type.length}, ${sourceType})` : text;
  }
  if (type.base === 'TIMESTAMP') return shimCall(type.withTimeZone ? 'trino_to_tstz' : 'trino_to_timestamp', [x]);
  if (type.base === 'DATE') return shimCall('trino_to_date', [x]);
  if (type.base === 'TIME' && !type.withTimeZone) return shimCall('trino_to_time', [x]);
  if (ONCE_TARGETS.has(type.sql)) return `${onceWhereCall(`trino_to_${type.sql.toLowerCase()}`, x)}(${x})`;
  if (INTEGER_TARGETS.has(type.base) || TEXT_CHECKED_TARGETS.has(type.sql)) return `trino_to_${type.sql.toLowerCase()}(${x})`;
  if (type.base === 'DECIMAL') return `${onceWhereCall('trino_to_decimal', x)}(${x}, CAST(NULL AS ${type.sql}))`;
  if (type.base === 'JSON') return castShimCall('trino_cast_json', x);
  if (type.base === 'IPADDRESS') return shimCall('trino_to_ipaddress', [x]);
  if (type.base === 'UUID') return `trino_to_uuid(${x})`;
  if (type.sql === 'BLOB') return `trino_to_varbinary(${x})`;
  return undefined;
}

/** Operands whose value is visibly an array, map or row (never json): their elements are cast as they are. */
const NESTED_VALUE_CALLS = new Set([
  'ARRAY',
  'MAP',
  'ROW',
  'SPLIT',
  'SEQUENCE',
  'REGEXP_EXTRACT_ALL',
  'ARRAY_AGG',
  'MAP_KEYS',
  'MAP_VALUES',
  'FILTER',
  'TRANSFORM',
  'SLICE',
  'ARRAY_DISTINCT',
  'ARRAY_SORT',
  'FLATTEN',
  'REPEAT',
]);

function visiblyNested(operand: readonly Node[]): boolean {
  const m = meaningful(operand);
  return m.length === 2 && NESTED_VALUE_CALLS.has(nodeKeyword(m[0]) ?? '') && m[1].kind === 'group' && (isParen(m[1]) || isParen(m[1], '['));
}

/** The positions of a written ROW(…)'s bare NULL fields, or undefined when the operand is no ROW(…). */
function writtenRowNullFields(operand: readonly Node[]): ReadonlySet<number> | undefined {
  const m = meaningful(operand);
  if (m.length !== 2 || nodeKeyword(m[0]) !== 'ROW' || !isParen(m[1])) return undefined;
  const args = splitArgs((m[1] as GroupNode).items).map((arg) => arg.map(nodeText).join('').trim());
  return new Set(args.flatMap((arg, k) => (/^null$/i.test(arg) ? [k] : [])));
}

/**
 * Where a written value's rows hold bare NULL fields, which DuckDB types "NULL" (ARRAY[ROW(true, NULL)] is
 * STRUCT(BOOLEAN, "NULL")[]): the row's positions (`fields`), its elements' (`element`), a map's values' (`value`).
 */
interface WrittenNulls {
  readonly fields?: ReadonlySet<number>;
  readonly element?: WrittenNulls;
  readonly value?: WrittenNulls;
  /** A written row's fields that are written values holding NULL fields themselves (ROW(ROW(true, NULL))), by position. */
  readonly rowFields?: ReadonlyMap<number, WrittenNulls>;
}

/** The written rows, arrays or maps with NULL fields among a written ROW(…)'s fields, by position. */
function writtenRowFields(operand: readonly Node[]): ReadonlyMap<number, WrittenNulls> | undefined {
  const m = meaningful(operand);
  const found = new Map<number, WrittenNulls>();
  splitArgs((m[1] as GroupNode).items).forEach((arg, k) => {
    const nulls = writtenNulls(arg);
    if (holdsNullField(nulls)) found.set(k, nulls as WrittenNulls);
  });
  return found.size > 0 ? found : undefined;
}

/** The NULL fields of a written ROW(…), ARRAY[…] of them or MAP(…, ARRAY[…]) of them, or undefined when not so written. */
function writtenNulls(operand: readonly Node[]): WrittenNulls | undefined {
  const m = meaningful(operand);
  if (m.length !== 2 || m[1].kind !== 'group') return undefined;
  const keyword = nodeKeyword(m[0]);
  if (keyword === 'ROW' && isParen(m[1])) return { fields: writtenRowNullFields(operand), rowFields: writtenRowFields(operand) };
  if (keyword === 'ARRAY' && isParen(m[1], '[')) {
    // A bare NULL element gives no type; a field is typed "NULL" only where every other element's is (else DuckDB
    // gives it the common type).
    const shapes = splitArgs((m[1] as GroupNode).items)
      .filter((e) => !/^null$/i.test(e.map(nodeText).join('').trim()))
      .map(writtenNulls);
    if (shapes.length === 0 || shapes.some((s) => s === undefined)) return undefined;
    return { element: (shapes as WrittenNulls[]).reduce(commonNulls) };
  }
  if (keyword === 'MAP' && isParen(m[1])) {
    const args = splitArgs((m[1] as GroupNode).items);
    const value = args.length === 2 ? writtenNulls(args[1])?.element : undefined;
    return value && { value };
  }
  return undefined;
}

function commonNulls(a: WrittenNulls, b: WrittenNulls): WrittenNulls {
  const both = (x: WrittenNulls | undefined, y: WrittenNulls | undefined) => (x && y ? commonNulls(x, y) : undefined);
  const fields = a.fields && b.fields ? new Set([...a.fields].filter((k) => b.fields?.has(k))) : undefined;
  const rowFields = new Map<number, WrittenNulls>();
  for (const [k, x] of a.rowFields ?? []) {
    const common = both(x, b.rowFields?.get(k));
    if (common) rowFields.set(k, common);
  }
  return { fields, element: both(a.element, b.element), value: both(a.value, b.value), rowFields: rowFields.size > 0 ? rowFields : undefined };
}

function holdsNullField(n: WrittenNulls | undefined): boolean {
  return (
    n !== undefined &&
    ((n.fields?.size ?? 0) > 0 || holdsNullField(n.element) || holdsNullField(n.value) || [...(n.rowFields?.values() ?? [])].some(holdsNullField))
  );
}

/** A written ROW(…)'s field count and the target ROW(…)'s, or undefined when either is not written so. */
export function writtenRowWidths(operand: readonly Node[], target: readonly Node[]): { operand: number; target: number } | undefined {
  const [o, t] = [meaningful(operand), meaningful(target)];
  if (o.length !== 2 || nodeKeyword(o[0]) !== 'ROW' || !isParen(o[1]) || nodeKeyword(t[0]) !== 'ROW' || !isParen(t[1])) return undefined;
  return { operand: splitArgs((o[1] as GroupNode).items).length, target: splitArgs((t[1] as GroupNode).items).length };
}

/**
 * A written ROW(…) or parenthesised row `(1, 2)` of another width than the target's row at the same place, inside
 * written ARRAY[…]s and as the values of a written MAP(ARRAY[…], ARRAY[…]) (ARRAY[ROW(1, 2)] or ARRAY[(1, 2)] to
 * array(row(a integer)), MAP(ARRAY['k'], ARRAY[ROW(1, 2)]) to map(varchar, row(a integer))): Trino 476 fails at
 * analysis (TYPE_MISMATCH "Cannot cast array(row(integer, integer)) to array(row(a integer))"), under TRY_CAST and
 * over no rows too, where the element casts' width check runs per row inside TRY (NULL). Both widths, or undefined.
 */
export function writtenElementRowWidths(operand: readonly Node[], target: readonly Node[], nested = false): { operand: number; target: number } | undefined {
  const widths = writtenRowWidths(operand, target);
  if (widths) return widths.operand === widths.target ? undefined : widths;
  const [o, t] = [meaningful(operand), meaningful(target)];
  const targetArgs = (k: number): Node[][] | undefined => (isParen(t[k]) ? splitArgs((t[k] as GroupNode).items) : undefined);
  // A parenthesised row of two or more fields (one is a parenthesised value), inside an array or a map only.
  if (nested && o.length === 1 && isParen(o[0]) && nodeKeyword(t[0]) === 'ROW') {
    const fields = splitArgs((o[0] as GroupNode).items).length;
    const width = targetArgs(1)?.length;
    return fields < 2 || width === undefined || fields === width ? undefined : { operand: fields, target: width };
  }
  const elementsOf = (n: Node | undefined): Node[][] | undefined => (isParen(n, '[') ? splitArgs(n.items) : undefined);
  let elements: Node[][] | undefined;
  let inner: Node[] | undefined;
  if (o.length === 2 && nodeKeyword(o[0]) === 'ARRAY' && nodeKeyword(t[0]) === 'ARRAY') {
    elements = elementsOf(o[1]);
    const types = targetArgs(1);
    inner = types?.length === 1 ? types[0] : undefined;
  } else if (o.length === 2 && nodeKeyword(o[0]) === 'MAP' && isParen(o[1]) && nodeKeyword(t[0]) === 'MAP') {
    const args = splitArgs((o[1] as GroupNode).items);
    const values = args.length === 2 ? meaningful(args[1]) : [];
    elements = values.length === 2 && nodeKeyword(values[0]) === 'ARRAY' ? elementsOf(values[1]) : undefined;
    const types = targetArgs(1);
    inner = types?.length === 2 ? types[1] : undefined;
  }
  if (!elements || !inner) return undefined;
  for (const element of elements) {
    const found = writtenElementRowWidths(element, inner, true);
    if (found) return found;
  }
  return undefined;
}

/** The number of fields of the row `e`, from its type's text with the parenthesized parts of its fields' types left out. */
function rowWidth(e: string): string {
  let fields = `regexp_replace(typeof(${e}), '^STRUCT\\((.*)\\)$', '\\1')`;
  for (let depth = 0; depth < 4; depth++) fields = `regexp_replace(${fields}, '\\([^()]*\\)', '', 'g')`;
  return `len(string_split(${fields}, ','))`;
}

/**
 * `sql` (a cast of `value` to the written ROW(…) `target`) refused while binding when value is a row of another number
 * of fields (Trino 476 fails at analysis, TYPE_MISMATCH, also under TRY_CAST and over no rows).
 */
export function rowWidthChecked(sql: string, value: string, target: readonly Node[]): string {
  const t = meaningful(target);
  if (nodeKeyword(t[0]) !== 'ROW' || !isParen(t[1]) || hasAggregate(value)) return sql;
  const width = splitArgs((t[1] as GroupNode).items).length;
  // typeof([value]): typeof(value) of a NULL-typed value is not a constant.
  let fields = `regexp_replace(typeof([${value}]), '^STRUCT\\((.*)\\)\\[\\]$', '\\1')`;
  for (let depth = 0; depth < 4; depth++) fields = `regexp_replace(${fields}, '\\([^()]*\\)', '', 'g')`;
  return `{'trino_v': ${sql}}[CASE WHEN typeof([${value}]) LIKE 'STRUCT(%' AND len(string_split(${fields}, ',')) <> ${width} THEN '${REFUSED_KEY_MARKER}row width' ELSE 'trino_v' END]`;
}

// typeof([x]) (typeof(x) of a NULL-typed x is not a constant), matched once: the operand is bound once more only.
const NUMBER_TYPES = 'TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|FLOAT|DOUBLE|DECIMAL\\(.*';
const DATETIME_TYPES = 'DATE|TIMESTAMP.*|STRUCT\\(trino_instant .*';
/** The source types Trino 476 has no cast from, by target (its TYPE_MISMATCH "Cannot cast date to integer"). */
const UNCASTABLE_FROM: Readonly<Record<string, string>> = {
  number: `${DATETIME_TYPES}|BLOB`,
  BOOLEAN: `${DATETIME_TYPES}|BLOB`,
  datetime: `${NUMBER_TYPES}|BOOLEAN|JSON|BLOB`,
  JSON: 'BLOB',
};
/** An operand checked by castableChecked is at most this long (a column, a literal). */
const MAX_CHECKED_OPERAND = 200;
const NUMBER_TARGETS = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'FLOAT', 'DOUBLE']);

const SCALAR_LITERAL = /^(?:[A-Za-z]+(?:\s+[A-Za-z]+)*\s*)?'(?:[^']|'')*'(?:\s*[A-Za-z]+)?$|^[-+]?[\d.]+(?:[eE][-+]?\d+)?$/;
/** The family of a cast target in UNCASTABLE_FROM (or varchar, which no array, map or row casts to). */
function castFamily(type: TranslatedType): string | undefined {
  if (NUMBER_TARGETS.has(type.sql) || type.sql.startsWith('DECIMAL')) return 'number';
  if (type.base === 'DATE' || type.base === 'TIMESTAMP') return 'datetime';
  if (type.sql === 'BOOLEAN' || type.sql === 'JSON') return type.sql;
  return type.base === 'VARCHAR' ? 'VARCHAR' : undefined;
}

/**
 * The zoned operand's TYPE_MISMATCH for a target Trino 476 has no cast to from `timestamp(3) with time zone` (a
 * number or boolean: "Cannot cast timestamp(3) with time zone to bigint"), or undefined.
 */
export function zonedCastMismatch(type: TranslatedType): string | undefined {
  const family = castFamily(type);
  return family === 'number' || family === 'BOOLEAN' ? `Cannot cast timestamp(3) with time zone to ${type.sql.toLowerCase()}` : undefined;
}

/**
 * `sql` (a cast of `value` to `type`) refused while binding when Trino 476 has no cast from value's type to it: a number
 * from a date or timestamp, a date or timestamp from a number, boolean or json, anything but a varchar from varbinary,
 * a varchar from an array, map or row (not a zoned timestamp's or ipaddress's struct). It fails at analysis there,
 * under TRY_CAST too, where DuckDB's TRY_CAST gave NULL (CAST(date AS integer) failed). `bound`: value is a lambda's
 * parameter or its field (a TRY_CAST's operand evaluated apart, an element of a nested cast), bound once already;
 * otherwise only a column or a literal is checked: a call's text would be bound once more (a date_add's ~20 % of its
 * planning).
 */
export function castableChecked(sql: string, value: string, type: TranslatedType, bound = false): string {
  const family = castFamily(type);
  if (!family || (!bound && (value.length > MAX_CHECKED_OPERAND || value.includes('(')))) return sql;
  // A scalar literal (DATE '…', 'x', 1.5) is no array, map or row: its cast to varchar needs no check (and stays folded).
  if (family === 'VARCHAR' && SCALAR_LITERAL.test(value.trim())) return sql;
  // typeof([value]): typeof(value) of a NULL-typed value is not a constant.
  const t = `typeof([${value}])`;
  const uncastable =
    family === 'VARCHAR'
      ? `(${t} LIKE '%[][]' OR ${t} LIKE 'MAP(%' OR (${t} LIKE 'STRUCT(%' AND ${t} NOT LIKE 'STRUCT(trino_%'))`
      : `regexp_full_match(${t}, '(?:${UNCASTABLE_FROM[family]})\\[\\]')`;
  return `{'trino_v': ${sql}}[CASE WHEN ${uncastable} THEN '${REFUSED_KEY_MARKER}cast-family' ELSE 'trino_v' END]`;
}

/** Lambda parameter names, one per nesting level. */
const element = (depth: number): string => `trino_cast_e${depth}`;

/** `value` (of any type DuckDB can cast to the target) cast to the Trino type `items` element by element. */
/** `nulls`: where a written value's rows have bare NULL fields, cast as NULL of their type (a NULL matches every overload of trino_to_varchar). */
/** `knownWidth`: the value is a written ROW(…) of the target's width, so the width check is left out. */
/** `lenient`: a too long varchar(n) of an UNCAUGHT_TOO_LONG type is cut (scalarCastShim). */
function castEach(value: string, items: readonly Node[], depth: number, nulls: WrittenNulls = {}, knownWidth = false, lenient = false): string {
  const m = meaningful(items);
  const base = nodeKeyword(m[0]);
  const args = isParen(m[1]) ? splitArgs((m[1] as GroupNode).items) : [];
  const e = element(depth);
  const inner = (v: string, t: readonly Node[], n?: WrittenNulls) => castEach(v, t, depth + 1, n, false, lenient);
  const nullFields = nulls.fields ?? new Set<number>();
  if (base === 'ARRAY' && args.length === 1) return `list_transform(${value}, lambda ${e}: ${inner(e, args[0], nulls.element)})`;
  if (base === 'MAP' && args.length === 2) {
    const entry = `{'key': ${inner(`${e}.key`, args[0])}, 'value': ${inner(`${e}.value`, args[1], nulls.value)}}`;
    return `map_from_entries(list_transform(map_entries(${value}), lambda ${e}: ${entry}))`;
  }
  if (base === 'ROW') {
    const fields = args.map((arg) => meaningful(arg));
    // A field's type is what follows its name; ROW(integer, varchar) without names keeps DuckDB's cast.
    if (fields.some((f) => f.length < 2)) return value;
    // The row is bound once, as a lambda's parameter: each field reads it.
    const packed = fields.map(
      (f, i) =>
        `${nodeText(f[0])} := ${nullFields.has(i) ? `CAST(NULL AS ${translateType(f.slice(1)).sql})` : inner(`struct_extract_at(${e}, ${i + 1})`, f.slice(1), nulls.rowFields?.get(i))}`,
    );
    // Trino casts a row of as many fields only ("Cannot cast row(integer, integer) to row(a integer)"); struct_pack
    // would drop the fields past the target's. The width is read from typeof, folded while binding.
    const failure = `trino_fail('Cannot cast a row of ' || ${rowWidth(e)} || ' fields to a row of ${fields.length}') IS NULL`;
    const check = knownWidth ? '' : `WHEN ${rowWidth(e)} <> ${fields.length} AND ${failure} THEN NULL`;
    return `list_transform([${value}], lambda ${e}: CASE WHEN ${e} IS NULL THEN NULL ${check} ELSE struct_pack(${packed.join(', ')}) END)[1]`;
  }
  // An element of a type Trino has no cast from fails at analysis, under TRY_CAST and over no rows too (array(date) to
  // array(integer), a row's array field to varchar); the element is a lambda's parameter, bound once.
  const type = translateType(items);
  return castableChecked(scalarCastShim(value, type, false, lenient) ?? `CAST(${value} AS ${type.sql})`, value, type, true);
}

/** The number of row fields in the written type `items` (nested ones too). */
function rowFieldCount(items: readonly Node[]): number {
  const m = meaningful(items);
  const args = m.length === 2 && isParen(m[1]) ? splitArgs((m[1] as GroupNode).items) : [];
  const base = nodeKeyword(m[0]);
  if (base === 'ROW') return args.reduce((n, arg) => n + 1 + rowFieldCount(meaningful(arg).slice(1)), 0);
  return base === 'ARRAY' || base === 'MAP' ? args.reduce((n, arg) => n + rowFieldCount(arg), 0) : 0;
}

// A field without a name in DuckDB's type text: a type name right after `STRUCT(` or `, ` and followed by `,`, `)`,
// `(` or `[` (a named field's name is followed by a space; `WITH TIME ZONE` is the one type name with spaces).
const UNNAMED_FIELD = '(STRUCT\\(|, )([A-Z][A-Z0-9_]*[,)(\\[]|[A-Z][A-Z0-9_]* WITH TIME ZONE)';
/**
 * A map's key/value separator (its value would read as an unnamed field), marked apart: the key is text without commas
 * or parentheses and parenthesized parts up to two deep (a row key of rows).
 */
const MAP_SEPARATOR = ['MAP\\(((?:[^,()]|\\((?:[^()]|\\([^()]*\\))*\\))+), ', ',\u00a6 '];

/**
 * DuckDB's type text `t` of a value with rows without field names (STRUCT(INTEGER)[]) with each such field named
 * (`"trino_f1" INTEGER`), `fields` times at most: from_json reads it back as a type of the value's own field types, where
 * the text without names is no type it reads. (A few more than the target's fields are named, so that a row of another
 * width reaches the width check of castEach.)
 */
function namedFieldsType(t: string, fields: number): string {
  let named = `regexp_replace(${t}, '${MAP_SEPARATOR[0]}', 'MAP(\\1${MAP_SEPARATOR[1]}', 'g')`;
  for (let k = 1; k <= fields + 4; k++) named = `regexp_replace(${named}, '${UNNAMED_FIELD}', '\\1"trino_f${k}" \\2')`;
  return `replace(${named}, '${MAP_SEPARATOR[1]}', ', ')`;
}

/**
 * CAST(x AS array(…) | map(…) | row(…)) element by element. `x` is the operand (after the ipaddress guard), `source`
 * x after trino_json_cast_source. The elements are read from x in its own type, through a witness typeof folds while
 * binding; a row without field names in it is read so too, its fields named (DuckDB's cast of such a row to the
 * target converted its fields first: ARRAY[ROW(1234)] to array(row(a varchar(3))) was cut to '123', where Trino 476
 * fails). A json x is first cast whole as Trino reads json (its elements then have their types already: a json operand
 * cannot reach list_transform, which binds before a CASE folds), and so is an x holding NULL-typed parts (ARRAY[NULL],
 * MAP(), ROW(1, NULL): a NULL matches each typed overload of trino_to_varchar): those keep DuckDB's cast of their values.
 */
export function nestedCastShim(x: string, source: string, operand: readonly Node[], type: TranslatedType, target: readonly Node[], lenient = false): string {
  // An aggregate operand other than array_agg(…) would put typeof() over it: DuckDB's cast is kept there.
  if (hasAggregate(x))
    return visiblyNested(operand) ? `CAST(${castEach(x, target, 0, undefined, false, lenient)} AS ${type.sql})` : `CAST(${source} AS ${type.sql})`;
  // CAST(ROW(…) AS ROW(a …, b …)) names a row's fields: its fields are read as they are, a bare NULL as a NULL.
  const nullFields = writtenRowNullFields(operand);
  const widths = writtenRowWidths(operand, target);
  if (nullFields)
    return `CAST(${castEach(x, target, 0, writtenNulls(operand), widths !== undefined && widths.operand === widths.target, lenient)} AS ${type.sql})`;
  // An array or map of written rows with NULL fields: read as written, each NULL field a NULL of the target's type (the
  // witness below would cast such a value whole: ARRAY[ROW(true, NULL)] into array(row(a varchar(3), …)) gave 'tru',
  // where Trino 476 fails "Character count exceeds length limit 3"), also a written row in a written row's field
  // (ARRAY[ROW(ROW(true, NULL))], ROW(ARRAY[ROW(true, NULL)]) in an array: rowFields).
  const nulls = writtenNulls(operand);
  if (holdsNullField(nulls)) return `CAST(${castEach(x, target, 0, nulls, false, lenient)} AS ${type.sql})`;
  const targetJson = `'"${type.sql.replace(/'/g, "''").replace(/"/g, '\\"')}"'`;
  const castWhole = `typeof(${x}) = 'JSON' OR regexp_matches(typeof(${x}), '"NULL"')`;
  const own = `cast_to_type(${source}, from_json('null', CASE WHEN ${castWhole} THEN ${targetJson} ELSE to_json(${namedFieldsType(`typeof(${x})`, rowFieldCount(target))}) END))`;
  return `CAST(${castEach(own, target, 0, undefined, false, lenient)} AS ${type.sql})`;
}
