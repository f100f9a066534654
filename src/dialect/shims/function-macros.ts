// Macros for the function table's `shim` entries (src/dialect/functions). Each follows the Trino documentation of
// the function it stands for; NULL handling is Trino's (a NULL argument gives NULL unless the docs say otherwise).
import { mapRefused, REFUSED_KEY_MARKER } from './error-messages.js';
import { HAS_ZONED_ELEMENTS, IS_NESTED, IS_ZONED_VALUE, SEARCH_KEYS } from './nested-type.js';
import { IP_FIELD, IP_STRUCT } from './ip-address.js';
import { DECIMAL_TO_VARCHAR, OFFSET_ZONE, TZ_STRUCT } from './macros.js';
import { NAN_KEYED_TYPES } from './nan-macros.js';

/** java.lang.Character.isWhitespace code points (what Trino's trim functions remove) as an RE2 character class. */
const JAVA_WHITESPACE_CLASS = `[${[
  9, 10, 11, 12, 13, 28, 29, 30, 31, 32, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x205f, 0x3000,
]
  .map((c) => `\\x{${c.toString(16)}}`)
  .join('')}]`;

const INTEGER_TYPES = "('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT')";

/**
 * The first code point of each run of ten decimal digits (Unicode's Nd, 0 to 9) in the Basic Multilingual Plane beyond
 * ASCII: Arabic-Indic to fullwidth. Listed, not found by testing all 65,408 code points against /\p{Nd}/u at every
 * process start (~5 ms of a `lake run`'s start-up, issue 18); tests/dialect/java-digits.test.ts checks the list
 * against that scan.
 */
export const BMP_DIGIT_ZEROS = [
  0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946,
  0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
];

/**
 * What java.lang.Character.digit reads as a digit beyond ASCII, as the pair of texts translate() maps (from_base is
 * Java's Long.parseLong, which reads one UTF-16 unit at a time: every decimal digit of the Basic Multilingual Plane,
 * `١٢` is 12, and the fullwidth Latin letters, `ＦＦ` is 255 in base 16; a digit past U+FFFF is no digit there).
 */
export const JAVA_DIGITS = (() => {
  let from = '';
  let to = '';
  for (const zero of BMP_DIGIT_ZEROS) {
    for (let d = 0; d < 10; d++) {
      from += String.fromCharCode(zero + d);
      to += String(d);
    }
  }
  for (let k = 0; k < 26; k++) {
    from += String.fromCharCode(0xff21 + k, 0xff41 + k);
    to += String.fromCharCode(0x61 + k, 0x61 + k);
  }
  return { from, to };
})();

/** A family's type names (of a one-element array: typeof([x])), exact or as LIKE patterns (with a `%`). */
type FamilyTypes = readonly string[];
/**
 * The type families among which Trino 476 has no implicit coercion (trino_type_family below), by DuckDB's names of
 * typeof([x]); types in none (NULL, ENUM, nested, zoned) are not checked.
 */
export const TYPE_FAMILIES: Readonly<Record<string, FamilyTypes>> = {
  number: ['TINYINT[]', 'SMALLINT[]', 'INTEGER[]', 'BIGINT[]', 'HUGEINT[]', 'FLOAT[]', 'DOUBLE[]', 'DECIMAL(%)[]'],
  varchar: ['VARCHAR[]'],
  boolean: ['BOOLEAN[]'],
  date: ['DATE[]', 'TIMESTAMP%[]'],
  json: ['JSON[]'],
  varbinary: ['BLOB[]'],
  interval: ['INTERVAL[]'],
  time: ['TIME[]'],
  uuid: ['UUID[]'],
};

/** Whether the type name `t` is one of `types`: one IN list and one LIKE per pattern, so `t` is written few times. */
export function ofTypes(t: string, types: FamilyTypes): string {
  const exact = types.filter((n) => !n.includes('%'));
  const patterns = types.filter((n) => n.includes('%'));
  const names = exact.map((n) => `'${n}'`).join(', ');
  const tests = [...(exact.length > 1 ? [`${t} IN (${names})`] : exact.length === 1 ? [`${t} = ${names}`] : []), ...patterns.map((n) => `${t} LIKE '${n}'`)];
  return tests.length > 1 ? `(${tests.join(' OR ')})` : tests[0];
}

/** Whether the type name `t` is of a family other than `family` (not of none). */
export const ofOtherFamily = (t: string, family: string): string =>
  ofTypes(
    t,
    Object.entries(TYPE_FAMILIES).flatMap(([name, types]) => (name === family ? [] : types)),
  );

/** Regular expression of a LIKE pattern of TYPE_FAMILIES (`%`: any text, line breaks too). */
const likeRegex = (pattern: string): string => `(?s)^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('%', '.*')}$`;

/** The type name `t` with a name matching a pattern of TYPE_FAMILIES replaced by that pattern: a key of the families. */
function familyKey(t: string): string {
  const patterns = Object.values(TYPE_FAMILIES)
    .flat()
    .filter((type) => type.includes('%'));
  return patterns.reduce((key, pattern) => `regexp_replace(${key}, '${likeRegex(pattern)}', '${pattern}')`, t);
}

/**
 * The key by which trino_nested_comparable tells two values' types apart (trino_compare_family below): the type name
 * `t` (typeof of a one-element array) with each scalar type of TYPE_FAMILIES written as its family (`#number`), MAP
 * and STRUCT as `m` and `s`, and a row's field names dropped (Trino 476 compares rows by position: `row(a integer)`
 * meets `row(b integer)`), so that an array, map or row of numbers and one of varchars differ (`#number[][]`,
 * `#varchar[][]`: Trino's "Cannot check if array(integer) is identical to array(varchar(1))") where the same nesting
 * of families is equal. NULL where any type in it is of no family (NULL, ENUM, the local zoned and ipaddress structs,
 * unsigned integers), as trino_type_family is NULL for them: those meet anything. One expression naming `t` once, one
 * regexp_replace per family (a chain of replace() per name cost DuckDB's binder twice as much; issue 18).
 */
function compareFamilyKey(t: string): string {
  // `%` is DECIMAL's digits (dropped first) or TIMESTAMP's suffix (`WITH TIME ZONE` shortened to TZ first).
  const names = (type: string): string[] => {
    const name = type.slice(0, -2).replace('(%)', '');
    return name.endsWith('%') ? ['_NS', '_MS', '_S', 'TZ', ''].map((suffix) => name.slice(0, -1) + suffix) : [name];
  };
  const keys: [string, string[]][] = [
    ...Object.entries(TYPE_FAMILIES).map(([family, types]): [string, string[]] => [`#${family}`, types.flatMap(names)]),
    ['s', ['STRUCT']],
    ['m', ['MAP']],
  ];
  const shortened = `regexp_replace(replace(replace(${t}, ' WITH TIME ZONE', 'TZ'), 'STRUCT(trino_', 'LOCAL('), '\\([0-9]+,[0-9]+\\)', '', 'g')`;
  const unnamed = `regexp_replace(${shortened}, '([(]|, )(?:"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_$]*) ([A-Z])', '\\1\\2', 'g')`;
  // One regexp_replace per family, whole words only: no lambda (a lambda inside a comparison in a lambda's body keeps
  // DuckDB from folding the guard: "Key name for struct_extract needs to be a constant string").
  const replaced = keys.reduce((key, [to, words]) => `regexp_replace(${key}, '\\b(?:${words.join('|')})\\b', '${to}', 'g')`, unnamed);
  return `nullif(regexp_replace(${replaced}, '(?s)^.*[A-Z"].*$', ''), '')`;
}

/**
 * TRUE, or a binder error when one of a and b is a text and the other is not (translate/text-comparisons.ts): Trino
 * compares a varchar only with a varchar; or when `differ` says their type families differ.
 * A NULL or unknown-typed side (ENUM, unknown-types.ts) meets anything. typeof of a one-element array: DuckDB folds it
 * inside a macro where it does not fold typeof(a).
 */
const comparableGuard = (differ: string, more = '') => `{'trino_v': true}[CASE WHEN typeof([a]) <> '"NULL"[]' AND typeof([b]) <> '"NULL"[]'
     AND typeof([a]) NOT LIKE 'ENUM%' AND typeof([b]) NOT LIKE 'ENUM%' AND (typeof([a]) = 'VARCHAR[]') <> (typeof([b]) = 'VARCHAR[]')
     THEN '${REFUSED_KEY_MARKER}text-compare'
     WHEN ${differ} THEN '${REFUSED_KEY_MARKER}type-compare'${more} ELSE 'trino_v' END]`;

/** `trino_fail(message)` typed like `witness`, for errors Trino raises. */
/** Trino's contains(array, x); elements that are arrays, maps or rows compare as Trino does (nested-compare.ts). */
const ARRAY_CONTAINS = `CASE WHEN x IS NULL OR a IS NULL THEN NULL WHEN ${IS_NESTED('x')} THEN trino_nested_contains(a, x)
     WHEN trino_list_contains(a, x) AND NOT trino_nan_of(x) THEN true WHEN list_count(a) < len(a) THEN NULL ELSE false END`;
const fail = (message: string, witness: string) => `cast_to_type(trino_fail(${message}), ${witness})`;
/**
 * a || b (trino_pair) of two arrays, one of unknown elements and one not: AMBIGUOUS_FUNCTION_CALL in Trino 476
 * (trino_concat_typed). Read by typeof of one-element arrays, which DuckDB folds inside a macro.
 */
const UNKNOWN_ARRAY_PAIR = (pair: string) =>
  `${pair} AND typeof([a]) LIKE '%[][]' AND typeof([b]) LIKE '%[][]' AND (typeof([a]) = '"NULL"[][]') <> (typeof([b]) = '"NULL"[][]')`;
/**
 * a || b of operands whose types typed overloads cannot see (an aggregate's): Trino's rules, checked per row, as the
 * typed overloads and trino_concat_not_json check them while binding (an unknown operand, `ARRAY[1] || array_agg(NULL)`
 * or `'a' || (SELECT array_agg(…) …)`'s NULL-typed or array(unknown) side, hunt42).
 */
const CONCAT_ANY = (pair: string) => `CASE WHEN NOT (trino_concat_text_like(a) AND trino_concat_text_like(b))
     THEN ${fail(`'Unexpected parameters (' || lower(typeof(a)) || ', ' || lower(typeof(b)) || ') for function concat'`, 'a || b')}
     WHEN ${pair} AND (typeof([a]) = '"NULL"[]' OR typeof([b]) = '"NULL"[]') THEN ${fail(`'${REFUSED_KEY_MARKER}unknown concat'`, 'a || b')}
     WHEN ${UNKNOWN_ARRAY_PAIR(pair)} THEN ${fail(`'${REFUSED_KEY_MARKER}unknown array concat'`, 'a || b')}
     ELSE a || b END`;

/** The boolean and number types in x's type text, in order (every number type as NUM), folded while binding. */
const CONCAT_SCALARS = (x: string) =>
  `regexp_extract_all(regexp_replace(typeof([${x}]), '\\b(?:TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|FLOAT|DOUBLE|DECIMAL\\(\\d+,\\s*\\d+\\))', 'NUM', 'g'), '\\b(?:BOOLEAN|NUM)\\b')`;

export const FUNCTION_MACROS: readonly string[] = [
  // --- conditional and session -------------------------------------------------------------------------------------
  `trino_current_timezone() AS 'UTC'`,
  // The guard of a comparison (comparableGuard): values of two type families (trino_type_family) fail alike: `true = 1`,
  // `date_col = int_col`.
  `trino_text_comparable(a, b) AS ${comparableGuard('trino_type_family(typeof([a])) <> trino_type_family(typeof([b]))')}`,
  // The same through arrays, maps and rows (trino_compare_family: `ARRAY[1] IS DISTINCT FROM ARRAY['a']`, overref44):
  // IS [NOT] DISTINCT FROM (translate/operators.ts) and comparisons of visibly nested values. Not every comparison's
  // guard: its key costs DuckDB's binder ~2 ms per comparison (a chain of replace() in it made 60 `abs(i + k) = n`
  // take 1.3 → 2.1 s; issue 18). The key of both types at once, `|` between: one key to bind, not two.
  // Rows whose field names differ are refused: Trino compares rows by position (CAST(ROW(1) AS ROW(a integer)) IS
  // DISTINCT FROM CAST(ROW(1) AS ROW(b integer)) is false, = true), DuckDB matches fields by name (true, NULL).
  `trino_nested_comparable(a, b) AS ${comparableGuard(
    "len(list_distinct(string_split(trino_compare_family(typeof([a]) || '|' || typeof([b])), '|'))) > 1",
    `
     WHEN typeof([a]) LIKE '%STRUCT(%' AND typeof([b]) LIKE '%STRUCT(%' AND trino_row_names(typeof([a])) <> trino_row_names(typeof([b]))
     THEN '${REFUSED_KEY_MARKER}row-names'`,
  )}`,
  // The field names of the rows in a type name, in order (a zoned or ipaddress struct's own left out).
  `trino_row_names(t) AS regexp_extract_all(regexp_replace(t, 'STRUCT\\(trino_[^()]*\\)', 'Z', 'g'), '(?:STRUCT\\(|, )("(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_$]*) [A-Z"]', 1)`,
  // trino_text_comparable(a, b) for b a string literal (a VARCHAR: the guard of a comparison with one): its family branch
  // never fires then, so a is written twice and no family is looked up (issue 18: those guards were ~20 % of binding the
  // example's models).
  `trino_text_literal_comparable(a) AS {'trino_v': true}[CASE WHEN typeof([a]) IN ('VARCHAR[]', '"NULL"[]') OR typeof([a]) LIKE 'ENUM%'
     THEN 'trino_v' ELSE '${REFUSED_KEY_MARKER}text-compare' END]`,
  // The offset of lag, lead (at least 0, not NULL) and nth_value (at least 1; NULL gives NULL): Trino fails on others.
  `trino_window_offset(n, least) AS CASE WHEN n IS NULL AND least = 0 THEN ${fail(`'Offset must not be null'`, '0::BIGINT')}
     WHEN n < least THEN ${fail(`'Offset must be at least ' || least`, '0::BIGINT')} ELSE n END`,
  // random(n) in [0, n) and random(m, n) in [m, n), of the bound's integer type (Trino has no other overloads).
  `trino_random() AS random(),
     (n) AS CASE WHEN typeof(n) NOT IN ${INTEGER_TYPES} THEN ${fail(`'random(n) takes a tinyint, smallint, integer or bigint bound'`, 'n')}
       WHEN n <= 0 THEN ${fail(`'bound must be positive'`, 'n')}
       ELSE cast_to_type(floor(random() * n), n) END,
     (m, n) AS CASE WHEN typeof(m + n) NOT IN ${INTEGER_TYPES} THEN ${fail(`'random(m, n) takes tinyint, smallint, integer or bigint bounds'`, 'm + n')}
       WHEN m >= n THEN ${fail(`'start value must be less than stop value'`, 'm + n')}
       ELSE cast_to_type(m + floor(random() * (n - m)), m + n) END`,
  `trino_concat_ws(sep, a VARCHAR[]) AS CASE WHEN sep IS NOT NULL AND a IS NOT NULL THEN coalesce(array_to_string(a, sep), '') END,
     (sep, s VARCHAR) AS concat_ws(sep, s),
     (sep, x) AS ${fail(`'concat_ws takes varchar arguments or an array(varchar)'`, "''")}`,
  // concat_ws(sep, a, b, …) takes varchar values only (Trino 476: FUNCTION_NOT_FOUND "Unexpected parameters (varchar(1),
  // integer, integer) for function concat_ws"; DuckDB's casts them): each value is refused while binding otherwise.
  // coalesce(x) as in trino_concat_not_json.
  `trino_concat_ws_text(x) AS {'trino_v': coalesce(x)}[CASE WHEN typeof([x]) IN ('VARCHAR[]', '"NULL"[]') THEN 'trino_v' ELSE '${REFUSED_KEY_MARKER}concat_ws' END]`,
  // For an aggregate argument (typed overloads cannot bind it): typeof picks the branch per row; both bind for any type.
  `trino_concat_ws_any(sep, a) AS CASE WHEN typeof(a) LIKE '%[]'
     THEN CASE WHEN sep IS NOT NULL AND a IS NOT NULL THEN coalesce(array_to_string(CAST(a AS VARCHAR[]), sep), '') END
     ELSE concat_ws(sep, CAST(a AS VARCHAR)) END`,
  // avg(decimal) and avg(real) keep the input type; integers and doubles give double (typed overloads pick it; a
  // DOUBLE overload would also catch decimals).
  // An interval day to second is marked VARCHAR, as in trino_sum_type (macros.ts); its milliseconds are summed.
  `trino_avg_type(x TINYINT) AS 0::DOUBLE, (x SMALLINT) AS 0::DOUBLE, (x INTEGER) AS 0::DOUBLE, (x BIGINT) AS 0::DOUBLE,
     (x HUGEINT) AS 0::DOUBLE, (x INTERVAL) AS NULL::VARCHAR, (x) AS x`,
  // avg from its sum s, count n and witness w, bound once each in a struct (a typed macro does not see an aggregate's
  // type; the lambda's fields have theirs). An interval's average is Trino 476's: the milliseconds summed as a double,
  // divided by the count and rounded half up (Math.round): avg(INTERVAL '1' DAY, INTERVAL '2' HOUR) is 0 13:00:00.000.
  // Made an interval as days and milliseconds (trino_interval_from_millis): to_milliseconds alone fails past 2^63
  // microseconds, about 106,751,991 days (Trino 476: avg of 60 intervals of 2e9 days is 2000000000 00:00:00.000).
  `trino_avg_of(s, n, w) AS list_transform([{'s': s, 'n': n, 'w': w}], lambda trino_a: trino_avg_bound(trino_a.s, trino_a.n, trino_a.w))[1]`,
  `trino_avg_bound(s, n, w VARCHAR) AS trino_interval_from_millis(CAST(floor(CAST(s AS DOUBLE) / n + 0.5) AS BIGINT)),
     (s, n, w) AS cast_to_type(trino_divide(trino_avg_sum(s, w), nullif(n, 0)), w)`,
  // avg's sum s in the type of s + 0 * w (a double for integers, w the witness above), but a decimal sum as it is:
  // Trino's average of decimals whose total passes 38 digits answers (avg(DECIMAL '9…9' (38 digits), 1) is 5…0), where
  // a decimal addition would fail past 38 digits. The struct's fields are types only (cast_to_type reads its type).
  `trino_avg_sum(s, w) AS cast_to_type(s, struct_extract({'same': s, 'widened': s + 0 * w},
     CASE WHEN typeof(w) LIKE 'DECIMAL%' THEN 'same' ELSE 'widened' END))`,

  // corr, covar_pop, covar_samp, regr_slope and regr_intercept have double and real forms only (Trino 476 SHOW
  // FUNCTIONS): unless an argument is a double, both become real (rounded to float) and the result is real.
  `trino_stat_type(x TINYINT) AS 0::FLOAT, (x SMALLINT) AS 0::FLOAT, (x INTEGER) AS 0::FLOAT, (x BIGINT) AS 0::FLOAT,
     (x HUGEINT) AS 0::FLOAT, (x DECIMAL) AS 0::FLOAT, (x FLOAT) AS 0::FLOAT, (x DOUBLE) AS 0::DOUBLE, (x) AS 0::FLOAT`,
  // A decimal becomes the real or double as Trino 476 converts it (macros.ts trino_floating_read: DuckDB's cast of a
  // decimal of more than 7 digits to real, or 15 to double, differed: covar_pop of decimal(9,1) 16777217.5 and 16777219.5).
  `trino_stat_arg(v, x, y) AS CASE WHEN typeof(x) = 'DOUBLE' OR typeof(y) = 'DOUBLE' THEN CAST(trino_floating_read(v, CAST(NULL AS DOUBLE)) AS DOUBLE)
     ELSE CAST(CAST(trino_floating_read(v, CAST(NULL AS FLOAT)) AS FLOAT) AS DOUBLE) END`,
  // Trino's covariance state (count, means, C2, M2X, M2Y) updated pair by pair in double, in Trino's order of
  // operations, over the pairs with no NULL; corr, regr_slope and regr_intercept write NULL for a result that is not
  // finite (a constant column's NaN), covar_pop over no pair and covar_samp under two pairs are NULL.
  `trino_finite_or_null(v) AS CASE WHEN isfinite(v) THEN v END`,
  `trino_covariance_next(a, x, y, n, mx, my) AS {'n': n, 'mx': mx, 'my': my, 'c2': a.c2 + (x - a.mx) * (y - my),
     'm2x': a.m2x + (x - a.mx) * (x - mx), 'm2y': a.m2y + (y - a.my) * (y - my)}`,
  `trino_covariance_add(a, x, y) AS trino_covariance_next(a, x, y, a.n + 1, a.mx + (x - a.mx) / (a.n + 1), a.my + (y - a.my) / (a.n + 1))`,
  `trino_covariance_state(l) AS list_reduce(
     list_transform(list_filter(l, lambda p: p.x IS NOT NULL AND p.y IS NOT NULL),
       lambda p: {'n': 0::DOUBLE, 'mx': p.x, 'my': p.y, 'c2': 0::DOUBLE, 'm2x': 0::DOUBLE, 'm2y': 0::DOUBLE}),
     lambda a, b: trino_covariance_add(a, b.mx, b.my),
     {'n': 0::DOUBLE, 'mx': 0::DOUBLE, 'my': 0::DOUBLE, 'c2': 0::DOUBLE, 'm2x': 0::DOUBLE, 'm2y': 0::DOUBLE})`,
  `trino_covar_pop_of(s) AS CASE WHEN s.n > 0 THEN trino_double_divide(s.c2, s.n) END`,
  `trino_covar_samp_of(s) AS CASE WHEN s.n > 1 THEN trino_double_divide(s.c2, s.n - 1) END`,
  `trino_corr_of(s) AS trino_finite_or_null(trino_double_divide(trino_double_divide(s.c2, sqrt(s.m2x)), sqrt(s.m2y)))`,
  `trino_regr_slope_of(s) AS trino_finite_or_null(trino_double_divide(s.c2, s.m2x))`,
  `trino_regr_intercept_of(s) AS trino_finite_or_null(s.my - trino_double_divide(s.c2, s.m2x) * s.mx)`,
  // skewness and kurtosis over Trino's central moments (CentralMomentsAggregation): count and M1..M4 updated value by
  // value in double, in Trino's order of operations, from a list of the group's values (NULLs skipped). The divisions
  // by M2 are Java's (a constant column: 0 / 0 is NaN; DuckDB's `/` gives NULL).
  `trino_moments_next(a, v, n, delta, dn) AS {'n': n, 'm1': a.m1 + dn, 'm2': a.m2 + delta * dn * a.n,
     'm3': a.m3 + delta * dn * a.n * dn * (n - 2) - 3 * dn * a.m2,
     'm4': a.m4 + delta * dn * a.n * (dn * dn) * (n * n - 3 * n + 3) + 6 * (dn * dn) * a.m2 - 4 * dn * a.m3}`,
  `trino_moments_add(a, v) AS trino_moments_next(a, v, a.n + 1, v - a.m1, (v - a.m1) / (a.n + 1))`,
  `trino_central_moments(l) AS list_reduce(
     list_transform(list_filter(l, lambda v: v IS NOT NULL), lambda v: {'n': 0::DOUBLE, 'm1': v, 'm2': 0::DOUBLE, 'm3': 0::DOUBLE, 'm4': 0::DOUBLE}),
     lambda a, b: trino_moments_add(a, b.m1),
     {'n': 0::DOUBLE, 'm1': 0::DOUBLE, 'm2': 0::DOUBLE, 'm3': 0::DOUBLE, 'm4': 0::DOUBLE})`,
  `trino_skewness_of(m) AS CASE WHEN m.n >= 3 THEN trino_double_divide(sqrt(m.n) * m.m3, pow(m.m2, 1.5)) END`,
  `trino_kurtosis_of(m) AS CASE WHEN m.n >= 4 THEN trino_double_divide(((m.n - 1) * m.n * (m.n + 1)) / ((m.n - 2) * (m.n - 3)) * m.m4, m.m2 * m.m2)
     - 3 * ((m.n - 1) * (m.n - 1)) / ((m.n - 2) * (m.n - 3)) END`,
  // geometric_mean's forms: bigint and double give a double, real a real; decimals take the real form (Trino 476:
  // geometric_mean of decimal(5,2) values is a real). The argument is rounded to real where the form is real.
  // Integers name their own overloads: DuckDB would otherwise bind them to the DECIMAL one.
  `trino_geomean_type(x TINYINT) AS 0::DOUBLE, (x SMALLINT) AS 0::DOUBLE, (x INTEGER) AS 0::DOUBLE, (x BIGINT) AS 0::DOUBLE,
     (x HUGEINT) AS 0::DOUBLE, (x DECIMAL) AS 0::FLOAT, (x FLOAT) AS 0::FLOAT, (x) AS 0::DOUBLE`,
  `trino_geomean_arg(x TINYINT) AS CAST(x AS DOUBLE), (x SMALLINT) AS CAST(x AS DOUBLE), (x INTEGER) AS CAST(x AS DOUBLE),
     (x BIGINT) AS CAST(x AS DOUBLE), (x HUGEINT) AS CAST(x AS DOUBLE), (x DECIMAL) AS CAST(CAST(trino_floating_read(x, CAST(NULL AS FLOAT)) AS FLOAT) AS DOUBLE),
     (x) AS CAST(x AS DOUBLE)`,

  // --- math --------------------------------------------------------------------------------------------------------
  `trino_e() AS exp(1)`,
  `trino_nan() AS 'NaN'::DOUBLE`,
  `trino_infinity() AS 'Infinity'::DOUBLE`,
  // Java's Math.sin/cos/tan of ±Infinity and asin/acos outside [-1, 1] are NaN in Trino 476; DuckDB fails ("input
  // value inf is out of range", "ASIN is undefined outside [-1,1]").
  ...['sin', 'cos', 'tan'].map((f) => `trino_${f}(x) AS ${f}(CASE WHEN abs(x) = 'Infinity'::DOUBLE THEN 'NaN'::DOUBLE ELSE x END)`),
  ...['asin', 'acos'].map((f) => `trino_${f}(x) AS ${f}(CASE WHEN abs(x) > 1 THEN 'NaN'::DOUBLE ELSE x END)`),
  // greatest/least over the list of their arguments (function-rewrites.ts): NULL when any argument is NULL (DuckDB's
  // skip NULLs). Trino 476's greatest ignores a NaN unless all arguments are NaN (greatest(nan(), 1e0) is 1.0), which
  // is how DuckDB's least (NaN sorts above +Infinity there) already treats NaN.
  `trino_is_nan(x) AS (typeof(x) IN ('DOUBLE', 'FLOAT') AND CAST(x AS VARCHAR) IN ('nan', '-nan'))`,
  // Inside arrays and rows Trino's greatest orders NaN below every number too, element by element (greatest(ARRAY[nan()],
  // ARRAY[1e0]) is [1.0]): arrays of doubles or reals are ordered by trino_nan_max_key (nan-macros.ts), rows, maps and
  // arrays of arrays holding a NaN fail.
  // Zoned values: the first of the extreme instant (Trino 476: greatest(01:00 +01:00, 00:00 UTC) is 01:00 +01:00;
  // the local struct would order the two by zone name).
  `trino_zoned_extreme(l, extreme) AS l[list_position(trino_cmp_keys(l), extreme)]`,
  // The first of the arrays whose key is the largest (keys: trino_nan_max_key of each).
  `trino_nan_greatest(l, keys) AS l[list_position(keys, list_max(keys))]`,
  // Maps have no order in Trino 476 (FUNCTION_NOT_FOUND "… greatest(E) E:orderable"): greatest, least, array_max,
  // array_min and array_sort of a value holding one are refused while binding (DuckDB ordered maps by their entries).
  // Of arrays or rows, greatest and least fail where Trino's walk over the arguments (each against the one kept, up to
  // a NULL argument: greatest(ARRAY[1, NULL], ARRAY[1, 3], NULL) fails, greatest(NULL, …) is NULL) compares a NULL
  // element first, as array_max does (nested-compare.ts trino_nested_max_checked); array_sort where its sort may
  // (trino_sorted_null_checked).
  `trino_orderable(x) AS ${mapRefused(['x'], 'x', 'map-extreme')}`,
  `trino_greatest_of(l) AS trino_nested_max_checked(l, trino_greatest_of_ordered(trino_orderable(l)))`,
  `trino_greatest_of_ordered(l) AS CASE WHEN list_count(l) = len(l) THEN CASE
     WHEN ${HAS_ZONED_ELEMENTS('l')} THEN trino_zoned_extreme(l, list_max(trino_cmp_keys(l)))
     WHEN typeof(l) IN (${NAN_KEYED_TYPES}) AND list_bool_or(list_transform(l, lambda x: trino_nested_nan(x)))
       THEN trino_nan_greatest(l, list_transform(l, lambda x: trino_nan_max_key(x)))
     WHEN regexp_matches(typeof(l), '^(STRUCT|MAP)\\(|\\[\\]\\[\\]$') AND list_bool_or(list_transform(l, lambda x: trino_nested_nan(x)))
       THEN trino_fail_as('greatest of arrays or rows holding NaN: Athena orders NaN below every number inside them (greatest(ARRAY[nan()], ARRAY[1e0]) is [1.0]), which the local engine does not reproduce; filter the NaN out first (is_nan)', l[1])
     ELSE coalesce(list_max(list_filter(l, lambda x: NOT trino_is_nan(x))), l[1]) END END`,
  `trino_least_of(l) AS trino_nested_min_checked(l, trino_least_of_ordered(trino_orderable(l)))`,
  `trino_least_of_ordered(l) AS CASE WHEN list_count(l) = len(l) THEN CASE WHEN ${HAS_ZONED_ELEMENTS('l')} THEN trino_zoned_extreme(l, list_min(trino_cmp_keys(l)))
     ELSE list_min(l) END END`,
  // trino_type_scale (the scale of a type name, macros.ts) serves the check that DuckDB's common type of several values
  // keeps each one's scale (translate/decimal-common-type.ts): DuckDB narrows the scale past 38 digits where Trino
  // narrows the integer digits.
  // The family of a type name (typeof of a one-element array) among which Trino 476 has no implicit coercion: values
  // of two families meet in no common type there ("Cannot find common type between integer and varchar(1)"), where
  // DuckDB casts one (translate/decimal-common-type.ts). NULL for types not checked (NULL, ENUM, nested, zoned).
  // One lookup naming `t` once: DuckDB binds a macro's argument again at each mention, and a CASE per family named it
  // 11 times, so a comparison's guard (trino_text_comparable) copied each side ~15 times (issue 18).
  // The same families for trino_text_comparable, through arrays, maps and rows (compareFamilyKey).
  `trino_compare_family(t) AS ${compareFamilyKey('t')}`,
  `trino_type_family(t) AS MAP {${Object.entries(TYPE_FAMILIES)
    .flatMap(([family, types]) => types.map((type) => `'${type}': '${family}'`))
    .join(', ')}}[${familyKey('t')}]`,
  // Java returns NaN or -Infinity where DuckDB raises (sqrt(-1), ln(0)).
  `trino_sqrt(x) AS CASE WHEN x < 0 THEN 'NaN'::DOUBLE ELSE sqrt(x) END`,
  // Java's Math.pow is NaN for a NaN exponent (C's pow(1, NaN) is 1) and for ±1 to an infinite power (C: 1).
  `trino_pow(x, y) AS CASE WHEN x IS NOT NULL AND (isnan(CAST(y AS DOUBLE)) OR (abs(CAST(x AS DOUBLE)) = 1 AND isinf(CAST(y AS DOUBLE))))
     THEN 'NaN'::DOUBLE ELSE pow(x, y) END`,
  ...['ln', 'log2', 'log10'].map((fn) => `trino_${fn}(x) AS CASE WHEN x = 0 THEN '-Infinity'::DOUBLE WHEN x < 0 THEN 'NaN'::DOUBLE ELSE ${fn}(x) END`),
  // Trino has truncate(double), truncate(real) and truncate(decimal[, n]): an integer is a decimal(p,0) there (an
  // integer is decimal(10,0), a bigint decimal(19,0)), and truncate(double, n) does not exist.
  // truncate(x) alone: trino_truncate_whole, truncate(decimal, n): trino_truncate_decimal (decimal-macros.ts).
  // An integer x is truncated as that decimal(p,0) at n places: a negative n cuts its integer digits (Trino 476:
  // truncate(12345, -2) is 12300; the integer overloads returned x unchanged, 12345).
  `trino_truncate(x TINYINT, n) AS trino_truncate_decimal(CAST(x AS DECIMAL(3,0)), n),
     (x SMALLINT, n) AS trino_truncate_decimal(CAST(x AS DECIMAL(5,0)), n),
     (x INTEGER, n) AS trino_truncate_decimal(CAST(x AS DECIMAL(10,0)), n),
     (x BIGINT, n) AS trino_truncate_decimal(CAST(x AS DECIMAL(19,0)), n),
     (x, n) AS CASE WHEN typeof(x) LIKE 'DECIMAL%' THEN trino_truncate_decimal(x, n)
       ELSE cast_to_type(trino_fail('truncate(x, n) takes a decimal x, as in Trino; for a double write truncate(CAST(x AS decimal(p, s)), n)'), x) END`,
  // Trino's width_bucket(double, double, double, bigint) (MathFunctions.widthBucket): the arguments are doubles, so
  // integer bounds do not divide as integers; the bucket in ascending bounds is (long) (n * (x - lower) / (upper -
  // lower) + 1), and reversed bounds count it from the other end (n - bucket + 1).
  `trino_width_bucket(x, lo, hi, n) AS
     trino_width_bucket_double(trino_number_arg(x, 'width_bucket'), trino_number_arg(lo, 'width_bucket'), trino_number_arg(hi, 'width_bucket'),
       trino_integer_arg(n, 'width_bucket')),
     (x, bins) AS trino_width_bucket_bins(trino_number_arg(x, 'width_bucket'), trino_number_array_arg(bins, 'width_bucket'))`,
  // width_bucket(x, bins): bins is array(double) in Trino; an array of another number type is coerced to it.
  `trino_number_array_arg(a, fn) AS CASE WHEN typeof(a) IN ('TINYINT[]', 'SMALLINT[]', 'INTEGER[]', 'BIGINT[]', 'FLOAT[]', 'DOUBLE[]', '"NULL"[]', '"NULL"')
       OR typeof(a) LIKE 'DECIMAL(%)[]'
     THEN CAST(a AS DOUBLE[]) ELSE cast_to_type(trino_fail(fn || '() takes an array of numbers on Athena, not ' || lower(typeof(a))), []::DOUBLE[]) END`,
  `trino_width_bucket_double(x, lo, hi, n) AS CASE
     WHEN x IS NULL OR lo IS NULL OR hi IS NULL OR n IS NULL THEN NULL
     WHEN n <= 0 THEN ${fail(`'bucketCount must be greater than 0'`, '0::BIGINT')}
     WHEN isnan(x) THEN ${fail(`'operand must not be NaN'`, '0::BIGINT')}
     WHEN NOT isfinite(lo) THEN ${fail(`'first bound must be finite'`, '0::BIGINT')}
     WHEN NOT isfinite(hi) THEN ${fail(`'second bound must be finite'`, '0::BIGINT')}
     WHEN lo = hi THEN ${fail(`'bounds cannot equal each other'`, '0::BIGINT')}
     WHEN lo < hi THEN trino_width_bucket_ascending(x, lo, hi, n)
     ELSE n - trino_width_bucket_ascending(x, hi, lo, n) + 1 END`,
  `trino_width_bucket_ascending(x, lower, upper, n) AS CASE WHEN x < lower THEN 0::BIGINT WHEN x >= upper THEN n + 1
     ELSE CAST(trunc(CAST(n AS DOUBLE) * (x - lower) / (upper - lower) + 1) AS BIGINT) END`,
  `trino_to_base(x, r) AS trino_to_base_of(trino_integer_arg(x, 'to_base'), trino_integer_arg(r, 'to_base'))`,
  `trino_to_base_of(x, r) AS CASE WHEN r < 2 OR r > 36 THEN ${fail(`'Radix must be between 2 and 36'`, "''")}
     -- The bigint minimum has no positive twin (-x overflowed): its digits are those of -(x // r), then -(x % r); in
     -- base 2 its 65 characters pass to_base's varchar(64) (Trino 476 fails; hunt38).
     WHEN x = -9223372036854775808 AND r = 2 THEN ${fail(`'Character count exceeds length limit 64'`, "''")}
     WHEN x = -9223372036854775808 THEN '-' || lower(to_base(-(CAST(x AS BIGINT) // r), CAST(r AS INTEGER)) || to_base(-(CAST(x AS BIGINT) % r), CAST(r AS INTEGER)))
     WHEN x < 0 THEN '-' || lower(to_base(-CAST(x AS BIGINT), CAST(r AS INTEGER))) ELSE lower(to_base(CAST(x AS BIGINT), CAST(r AS INTEGER))) END`,
  `trino_base_digits(s) AS list_transform(string_split(lower(translate(s, '${JAVA_DIGITS.from}', '${JAVA_DIGITS.to}')), ''), lambda c: position(c IN '0123456789abcdefghijklmnopqrstuvwxyz') - 1)`,
  // Long.parseLong accumulates with the number's sign, so '-8000000000000000' (base 16) is the bigint minimum, where
  // negating the positive total overflowed (hunt38, Trino 476).
  `trino_from_base_unsigned(s, r, sign) AS CASE
     WHEN s = '' OR list_bool_or(list_transform(trino_base_digits(s), lambda d: d < 0 OR d >= r))
       THEN ${fail(`'Not a valid base-' || r || ' number: ' || s`, '0::BIGINT')}
     ELSE list_reduce(list_transform(trino_base_digits(s), lambda d: sign * CAST(d AS BIGINT)), lambda acc, d: acc * r + d) END`,
  // approx_distinct(x, e): how many distinct values Trino's sketch of standard error e counts exactly (translate/
  // functions.ts approxDistinctWithError); an e outside Trino's bounds fails as there.
  `trino_approx_exact_up_to(e) AS CASE WHEN e IS NULL THEN NULL
     WHEN CAST(e AS DOUBLE) < 0.0040625 OR CAST(e AS DOUBLE) > 0.26
       THEN ${fail(`'Max standard error must be in [0.0040625, 0.26]: ' || trino_java_double_text(CAST(e AS DOUBLE))`, '0::BIGINT')}
     ELSE list_transform([CAST(pow(2, ceil(log2(ceil(1.0816 / (CAST(e AS DOUBLE) * CAST(e AS DOUBLE)))))) AS BIGINT)],
       lambda trino_buckets: CASE WHEN trino_buckets >= 512 THEN least(trino_buckets // 8 - 6, 2042) ELSE 2 END)[1] END`,
  // Java's Double.toString (a message's number): plain digits from 10^-3 to 10^7, Trino's CAST text (1.0E-5) beyond.
  `trino_java_double_text(d) AS CASE WHEN abs(d) >= 1e-3 AND abs(d) < 1e7 THEN CAST(d AS VARCHAR) ELSE trino_to_varchar(d) END`,
  `trino_from_base(s, r) AS trino_from_base_of(s, trino_integer_arg(r, 'from_base'))`,
  `trino_from_base_of(s, r) AS CASE WHEN r < 2 OR r > 36 THEN ${fail(`'Radix must be between 2 and 36'`, '0::BIGINT')}
     WHEN starts_with(s, '-') THEN trino_from_base_unsigned(s[2:], r, -1)
     WHEN starts_with(s, '+') THEN trino_from_base_unsigned(s[2:], r, 1)
     ELSE trino_from_base_unsigned(s, r, 1) END`,
  // Wilson score interval for a binomial proportion (Trino's formula, its argument checks: successes and trials are
  // bigint, 0 <= successes <= trials, trials > 0, z >= 0).
  `trino_wilson_interval_lower(s, n, z) AS trino_wilson_interval(trino_integer_arg(s, 'wilson_interval_lower'),
     trino_integer_arg(n, 'wilson_interval_lower'), trino_number_arg(z, 'wilson_interval_lower'), -1)`,
  `trino_wilson_interval_upper(s, n, z) AS trino_wilson_interval(trino_integer_arg(s, 'wilson_interval_upper'),
     trino_integer_arg(n, 'wilson_interval_upper'), trino_number_arg(z, 'wilson_interval_upper'), 1)`,
  `trino_wilson_interval(s, n, z, sign) AS CASE
     WHEN s < 0 THEN ${fail(`'number of successes must not be negative'`, '0::DOUBLE')}
     WHEN n <= 0 THEN ${fail(`'number of trials must be positive'`, '0::DOUBLE')}
     WHEN s > n THEN ${fail(`'number of successes must not be larger than number of trials'`, '0::DOUBLE')}
     WHEN z < 0 THEN ${fail(`'z-score must not be negative'`, '0::DOUBLE')}
     ELSE (CAST(s AS DOUBLE) / n + z * z / (2 * n)
       + sign * z * sqrt(CAST(s AS DOUBLE) / n * (1 - CAST(s AS DOUBLE) / n) / n + z * z / (4 * n * n))) / (1 + z * z / n) END`,

  // --- bitwise (two's complement bigint) ---------------------------------------------------------------------------
  // Trino casts nothing to bigint implicitly but the smaller integers: bitwise_and(DECIMAL '1.5', 2), bit_count('5', 8)
  // and to_base(5E0, 2) fail there (FUNCTION_NOT_FOUND), where DuckDB's CAST would answer. The argument keeps its type.
  // (The failing branch yields x too, so the type stays x's, also for an untyped NULL that cast_to_type cannot take.)
  `trino_integer_checked(x, fn) AS CASE WHEN typeof(x) IN ('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', '"NULL"') THEN x
     WHEN trino_fail(fn || '() takes integer arguments on Athena, not ' || lower(typeof(x)) || ': CAST it to bigint first') IS NULL THEN x ELSE x END`,
  // A shift's count is an integer parameter (bitwise_left_shift(bigint, integer)): a bigint count, even BIGINT '3', is
  // FUNCTION_NOT_FOUND in Trino 476 (it casts no bigint to integer implicitly), where DuckDB shifted (hunt42). Refused
  // while binding (so `lake lint` sees it); other types go on to trino_integer_checked.
  `trino_shift_count_checked(x, fn) AS {'trino_v': x}[CASE WHEN typeof(x) IN ('BIGINT', 'HUGEINT')
     THEN '${REFUSED_KEY_MARKER}shift-count ' || fn || ' ' || typeof(x) ELSE 'trino_v' END]`,
  `trino_integer_arg(x, fn) AS CAST(trino_integer_checked(x, fn) AS BIGINT)`,
  // TABLE(sequence(start, stop, step))'s checks (translate/table-sequence.ts), in Trino 476's words; its start.
  `trino_table_sequence_start(a, b, s) AS CASE WHEN a IS NULL THEN ${fail(`'Start is null'`, '0::BIGINT')}
     WHEN b IS NULL THEN ${fail(`'Stop is null'`, '0::BIGINT')}
     WHEN s IS NULL THEN ${fail(`'Step is null'`, '0::BIGINT')}
     WHEN trino_integer_arg(a, 'sequence') < trino_integer_arg(b, 'sequence') AND trino_integer_arg(s, 'sequence') <= 0
       THEN ${fail(`'Step must be positive for sequence [' || a || ', ' || b || ']'`, '0::BIGINT')}
     WHEN trino_integer_arg(a, 'sequence') > trino_integer_arg(b, 'sequence') AND trino_integer_arg(s, 'sequence') >= 0
       THEN ${fail(`'Step must be negative for sequence [' || a || ', ' || b || ']'`, '0::BIGINT')}
     ELSE trino_integer_arg(a, 'sequence') END`,
  // A double parameter takes the integers, decimals and real (implicit casts), not varchar.
  `trino_number_arg(x, fn) AS CASE WHEN typeof(x) IN ('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'FLOAT', 'DOUBLE', '"NULL"') OR typeof(x) LIKE 'DECIMAL%'
     THEN CAST(x AS DOUBLE) ELSE cast_to_type(trino_fail(fn || '() takes numbers on Athena, not ' || lower(typeof(x))), 0::DOUBLE) END`,
  `trino_bit_count(x, bits) AS trino_bit_count_of(trino_integer_arg(x, 'bit_count'), trino_integer_arg(bits, 'bit_count'))`,
  `trino_bit_count_of(x, bits) AS CASE WHEN bits < 2 OR bits > 64 THEN ${fail(`'Bits specified in bit_count must be between 2 and 64, got ' || bits`, '0::BIGINT')}
     WHEN x < -((CAST(1 AS HUGEINT) << (bits - 1))) OR x >= (CAST(1 AS HUGEINT) << (bits - 1))
       THEN ${fail(`'Number must be representable with the bits specified. ' || x || ' cannot be represented with ' || bits || ' bits'`, '0::BIGINT')}
     ELSE CAST(bit_count(CAST(CASE WHEN x < 0 THEN (CAST(1 AS HUGEINT) << bits) + x ELSE x END AS UBIGINT)) AS BIGINT) END`,
  `trino_bitwise_and(a, b) AS trino_integer_arg(a, 'bitwise_and') & trino_integer_arg(b, 'bitwise_and')`,
  `trino_bitwise_or(a, b) AS trino_integer_arg(a, 'bitwise_or') | trino_integer_arg(b, 'bitwise_or')`,
  `trino_bitwise_xor(a, b) AS xor(trino_integer_arg(a, 'bitwise_xor'), trino_integer_arg(b, 'bitwise_xor'))`,
  `trino_bitwise_not(a) AS ~trino_integer_arg(a, 'bitwise_not')`,
  // Shifts keep the value's type and width (tinyint 8 … bigint 64 bits); a count of the width or more gives 0.
  `trino_shift_bits(a) AS CASE typeof(a) WHEN 'TINYINT' THEN 8 WHEN 'SMALLINT' THEN 16 WHEN 'INTEGER' THEN 32 ELSE 64 END`,
  `trino_unsigned(a) AS (CAST(a AS HUGEINT) + (CAST(1 AS HUGEINT) << trino_shift_bits(a))) % (CAST(1 AS HUGEINT) << trino_shift_bits(a))`,
  `trino_signed(u, a) AS cast_to_type(CASE WHEN u >= (CAST(1 AS HUGEINT) << (trino_shift_bits(a) - 1)) THEN u - (CAST(1 AS HUGEINT) << trino_shift_bits(a)) ELSE u END, a)`,
  // A NULL value or count is NULL (the width branches would answer 0). A negative count below the width shifts by its
  // low six bits, as Java's long shift does in Trino 476 (bitwise_left_shift(BIGINT '1', -1) is -9223372036854775808,
  // bitwise_right_shift_arithmetic(-8, -1) is -1); DuckDB failed or answered 0.
  `trino_bitwise_left_shift(a, n) AS trino_bitwise_left_shift_of(trino_integer_checked(a, 'bitwise_left_shift'), trino_integer_checked(trino_shift_count_checked(n, 'bitwise_left_shift'), 'bitwise_left_shift'))`,
  `trino_bitwise_left_shift_of(a, n) AS CASE WHEN a IS NULL OR n IS NULL THEN NULL WHEN n >= trino_shift_bits(a) THEN cast_to_type(0, a)
     ELSE trino_signed(trino_unsigned(a) * (CAST(1 AS HUGEINT) << (n & 63)) % (CAST(1 AS HUGEINT) << trino_shift_bits(a)), a) END`,
  `trino_bitwise_right_shift(a, n) AS trino_bitwise_right_shift_of(trino_integer_checked(a, 'bitwise_right_shift'), trino_integer_checked(trino_shift_count_checked(n, 'bitwise_right_shift'), 'bitwise_right_shift'))`,
  `trino_bitwise_right_shift_of(a, n) AS CASE WHEN a IS NULL OR n IS NULL THEN NULL WHEN n >= trino_shift_bits(a) THEN cast_to_type(0, a)
     ELSE trino_signed(trino_unsigned(a) // (CAST(1 AS HUGEINT) << (n & 63)), a) END`,
  `trino_bitwise_right_shift_arithmetic(a, n) AS trino_bitwise_right_shift_arithmetic_of(trino_integer_checked(a, 'bitwise_right_shift_arithmetic'), trino_integer_checked(trino_shift_count_checked(n, 'bitwise_right_shift_arithmetic'), 'bitwise_right_shift_arithmetic'))`,
  `trino_bitwise_right_shift_arithmetic_of(a, n) AS CASE WHEN a IS NULL OR n IS NULL THEN NULL WHEN n >= trino_shift_bits(a) THEN cast_to_type(CASE WHEN a < 0 THEN -1 ELSE 0 END, a)
     ELSE cast_to_type(CAST(a AS BIGINT) >> (n & 63), a) END`,

  // --- strings ------------------------------------------------------------------------------------------------------
  // a || b and concat(): Trino has them for varchar, varbinary and arrays only, so a number, date or boolean operand is
  // FUNCTION_NOT_FOUND there, where DuckDB's || would cast it to text. The typed overloads decide while binding (so
  // `lake lint` refuses varchar_col || 1 over empty inputs): another scalar type reaches array_concat, whose binder
  // error error-messages.ts words as Trino's. Arrays keep DuckDB's || (array_concat only type-checks them).
  // The casts keep the type where DuckDB folds || of a constant NULL (nullif('a', 'a') || 'b') into an untyped NULL.
  // A json operand (Trino: "Unexpected parameters (varchar(1), json) for function concat") would bind to the varchar
  // overload through DuckDB's implicit JSON → VARCHAR cast, so it is refused first, while binding: the operands'
  // own types are seen only before a typed parameter casts them.
  // Two arrays, one of unknown elements (a call or column typed array(unknown): transform(a, x -> NULL), a column of
  // ARRAY[NULL]) and one not, are AMBIGUOUS_FUNCTION_CALL in Trino 476 for || and two-argument concat() (joining the
  // arrays or appending the array as an element), where DuckDB joins them; concat() of three or more arguments, Trino's
  // variadic array form, joins them (trino_pair false). A literal ARRAY[] is refused at lint (concat-operands.ts).
  // Arrays whose elements are booleans on one side and numbers on the other at one place (ARRAY[1] || ARRAY[true],
  // ARRAY[ARRAY[1]] || ARRAY[ARRAY[true]]) have no common type in Trino 476 (FUNCTION_NOT_FOUND), where DuckDB casts the
  // booleans to numbers: compared by the sequence of boolean and number types in each operand's type (CONCAT_SCALARS).
  `trino_concat(a, b) AS trino_concat_typed(trino_concat_not_json(a, true), trino_concat_not_json(b, true), true),
     (a, b, trino_pair) AS trino_concat_typed(trino_concat_not_json(a, trino_pair), trino_concat_not_json(b, trino_pair), trino_pair)`,
  `trino_concat_typed(a VARCHAR, b VARCHAR, trino_pair) AS CAST(a || b AS VARCHAR), (a BLOB, b BLOB, trino_pair) AS CAST(a || b AS BLOB),
     (a, b, trino_pair) AS {'trino_v': CASE WHEN false THEN array_concat(a, b) ELSE a || b END}[CASE WHEN ${UNKNOWN_ARRAY_PAIR('trino_pair')}
       THEN '${REFUSED_KEY_MARKER}unknown array concat'
       WHEN typeof([a]) LIKE '%[][]' AND typeof([b]) LIKE '%[][]' AND len(${CONCAT_SCALARS('a')}) = len(${CONCAT_SCALARS('b')})
         AND ${CONCAT_SCALARS('a')} <> ${CONCAT_SCALARS('b')} THEN '${REFUSED_KEY_MARKER}array concat types' ELSE 'trino_v' END]`,
  // NULL || x (concat-operands.ts): a NULL array of x's type; x an array, varbinary or NULL is ambiguous on Athena.
  `trino_concat_unknown(x) AS {'trino_v': CASE WHEN false THEN [x] END}[CASE WHEN typeof([x]) LIKE '%[][]' OR typeof([x]) IN ('BLOB[]', '"NULL"[]')
     THEN '${REFUSED_KEY_MARKER}concat unknown' ELSE 'trino_v' END]`,
  // coalesce(x): DuckDB loses the field's name when x is a macro call reading an outer column (macros.ts OPERAND_PAIR).
  // An operand of two (trino_pair) typed unknown in Trino 476 (a NULL-typed scalar subquery, if(false, NULL),
  // element_at(ARRAY[NULL], 1), coalesce(NULL, NULL)) is read as array(E) there: 'a' || (SELECT NULL) is an
  // array(varchar) NULL, beside an array, a varbinary or another unknown AMBIGUOUS_FUNCTION_CALL, where DuckDB answered
  // a varchar or an array (hunt42; a NULL-typed column is refused alike by translate/column-operands.ts unknownGuarded,
  // a bare NULL at lint). Three or more arguments are Trino's varchar or array concat, which takes it.
  `trino_concat_not_json(x, trino_pair) AS {'trino_v': coalesce(x)}[CASE WHEN typeof([x]) = 'JSON[]' THEN '${REFUSED_KEY_MARKER}concat json'
     WHEN trino_pair AND typeof([x]) = '"NULL"[]' THEN '${REFUSED_KEY_MARKER}unknown concat' ELSE 'trino_v' END]`,
  // With an aggregate argument typed overloads cannot bind (both are unknown then): the same rule, checked per row.
  `trino_concat_text_like(x) AS typeof(x) IN ('VARCHAR', 'BLOB', '"NULL"') OR typeof(x) LIKE '%[]'`,
  `trino_concat_any(a, b) AS ${CONCAT_ANY('true')}, (a, b, trino_pair) AS ${CONCAT_ANY('trino_pair')}`,
  // One regular expression, which names its argument once: a CASE around trim() would copy the argument into each
  // branch, and nested macros (trim inside from_iso8601_timestamp inside a view) multiply the copies at bind time.
  `trino_trim(s) AS regexp_replace(s, '^${JAVA_WHITESPACE_CLASS}+|${JAVA_WHITESPACE_CLASS}+$', '', 'g'), (s, chars) AS trim(s, chars)`,
  `trino_ltrim(s) AS regexp_replace(s, '^${JAVA_WHITESPACE_CLASS}+', ''), (s, chars) AS ltrim(s, chars)`,
  `trino_rtrim(s) AS regexp_replace(s, '${JAVA_WHITESPACE_CLASS}+$', ''), (s, chars) AS rtrim(s, chars)`,
  // Trino reverses code points (Java's), DuckDB's reverse() grapheme clusters: reverse('e' || chr(769) || 'a') is
  // 'a' || chr(769) || 'e' in Trino 476 (the accent moves to the a), 'aé' in DuckDB. string_split(x, '') splits code points.
  // Bytes are reversed as their hex text's pairs of digits (Trino 476: reverse(X'010203') is 030201; DuckDB's
  // list_reverse failed on a BLOB, "Slice with steps has not been implemented").
  `trino_reverse(x VARCHAR) AS array_to_string(list_reverse(string_split(x, '')), ''),
     (x BLOB) AS unhex(array_to_string(list_reverse(regexp_extract_all(hex(x), '..')), '')), (x) AS list_reverse(x)`,
  `trino_length(s VARCHAR) AS length(s), (s BLOB) AS octet_length(s)`,
  // Luhn: from the right, every second digit doubled (minus 9 above 9); valid when the sum ends in 0. Trino 476: ''
  // is false, any character but 0-9 fails (DuckDB's cast failed on both, with its own message).
  `trino_luhn_check(s) AS CASE WHEN s = '' THEN false
     WHEN regexp_matches(s, '[^0-9]') THEN ${fail("'Input contains non-digit character'", 'true')}
     WHEN s IS NOT NULL THEN list_sum(list_transform(list_reverse(string_split(s, '')),
     lambda c, i: CASE WHEN i % 2 = 0 THEN (CAST(c AS INTEGER) * 2) % 10 + (CAST(c AS INTEGER) * 2) // 10
       ELSE CAST(c AS INTEGER) END)) % 10 = 0 END`,
  // Trino's parsing and exact arithmetic live in the UDF (src/dialect/shims/data-size.ts); the type is decimal(38,0).
  `trino_parse_data_size(s) AS CAST(trino_parse_data_size_bytes(s) AS DECIMAL(38, 0))`,
  `trino_normalize(s) AS nfc_normalize(s)`,
  // format_number of an integer kind exactly; of a double, real or decimal after Java's (long) cast (truncation).
  `trino_format_number(x) AS CASE WHEN typeof(x) IN ${INTEGER_TYPES} THEN trino_format_number_long(CAST(x AS BIGINT))
     ELSE trino_format_number_double(CAST(x AS DOUBLE)) END`,
  // strpos(s, sub, instance): the position of the instance-th occurrence (overlapping ones count), from the end when
  // instance is negative; 0 when there are fewer; an empty sub is at 1. From the end, Trino 476 counts UTF-16 units
  // (Java's lastIndexOf): a character past U+FFFF before the match counts twice (strpos('🙂b', 'b', -1) is 3).
  `trino_occurrences(s, sub) AS list_filter(range(1, length(s) + 1), lambda trino_i: substr(s, trino_i, length(sub)) = sub)`,
  // hamming_distance counts differing code points; DuckDB's hamming compares bytes ('é' and 'e' failed) and fails on ''.
  `trino_hamming_distance(a, b) AS CASE
     WHEN a IS NULL OR b IS NULL THEN NULL
     WHEN length(a) <> length(b) THEN ${fail(`'The input strings to hamming_distance function must have the same length'`, '0::BIGINT')}
     ELSE CAST(len(list_filter(range(1, length(a) + 1), lambda trino_i: substr(a, trino_i, 1) <> substr(b, trino_i, 1))) AS BIGINT) END`,
  `trino_utf16_position(s, p) AS p + length(regexp_replace(substr(s, 1, p - 1), '[^\\x{10000}-\\x{10FFFF}]', '', 'g'))`,
  `trino_strpos(s, sub) AS strpos(s, sub),
     (s, sub, n) AS CASE WHEN s IS NULL OR sub IS NULL OR n IS NULL THEN NULL
       WHEN n = 0 THEN ${fail(`'''instance'' must be a positive or negative number.'`, '0::BIGINT')}
       WHEN sub = '' THEN 1::BIGINT
       WHEN abs(n) > len(trino_occurrences(s, sub)) THEN 0::BIGINT
       WHEN n > 0 THEN trino_occurrences(s, sub)[n]::BIGINT
       ELSE trino_utf16_position(s, trino_occurrences(s, sub)[len(trino_occurrences(s, sub)) + n + 1])::BIGINT END`,
  // split_to_map / split_to_multimap: the entries between entry delimiters (one trailing empty entry dropped), each
  // with the key-value delimiter exactly once, as Trino 476 checks ('a=1=2' and an empty entry fail). A NULL
  // delimiter gives NULL (DuckDB's string_split(s, NULL) is [s]: split_to_map('a=1', NULL, '=') was {a=1}; hunt39).
  `trino_split_entries(s, entry) AS list_slice(string_split(s, entry), 1,
     len(string_split(s, entry)) - CASE WHEN s = '' OR ends_with(s, entry) THEN 1 ELSE 0 END)`,
  `trino_split_checked(s, entry, kv, quote) AS CASE
     WHEN entry IS NULL OR kv IS NULL THEN NULL
     WHEN entry = '' THEN ${fail(`'entryDelimiter is empty'`, `[{'key': '', 'value': ''}]`)}
     WHEN kv = '' THEN ${fail(`'keyValueDelimiter is empty'`, `[{'key': '', 'value': ''}]`)}
     WHEN entry = kv THEN ${fail(`'entryDelimiter and keyValueDelimiter must not be the same'`, `[{'key': '', 'value': ''}]`)}
     ELSE list_transform(trino_split_entries(s, entry), lambda e: CASE
       WHEN (length(e) - length(replace(e, kv, ''))) // length(kv) <> 1
         THEN ${fail(`'Key-value delimiter must appear exactly once in each entry. Bad input: ' || quote || e || quote`, `{'key': '', 'value': ''}`)}
       ELSE {'key': split_part(e, kv, 1), 'value': e[strpos(e, kv) + length(kv):]} END) END`,
  // The witnesses keep the map type when s is a constant NULL (DuckDB would fold the call to an integer NULL).
  `trino_split_to_map(s, entry, kv) AS cast_to_type(map_from_entries(trino_split_checked(s, entry, kv, '''')), map_from_entries([{'key': '', 'value': ''}]))`,
  `trino_split_to_multimap(s, entry, kv) AS cast_to_type(CASE WHEN s IS NOT NULL THEN map_from_entries(list_transform(
     trino_array_distinct(list_transform(trino_split_checked(s, entry, kv, ''), lambda e: e.key)),
     lambda k: {'key': k, 'value': list_transform(list_filter(trino_split_checked(s, entry, kv, ''), lambda e: e.key = k), lambda e: e.value)})) END,
     map_from_entries([{'key': '', 'value': ['']}]))`,

  // Trino reads hex digits in pairs: an odd count fails (DuckDB's unhex pads a leading 0).
  `trino_from_hex(s) AS CASE WHEN length(s) % 2 = 1 THEN ${fail(`'invalid input length ' || length(s)`, 'unhex(s)')} ELSE unhex(s) END`,

  // --- regular expressions ------------------------------------------------------------------------------------------
  `trino_regexp_count(s, p) AS CAST(len(regexp_extract_all(s, p)) AS BIGINT)`,
  // Position of the n-th match: the text before it is the first n pieces of the split and the first n-1 matches.
  `trino_regexp_nth_position(s, p, n) AS CASE WHEN len(regexp_extract_all(s, p)) < n THEN -1
     ELSE CAST(list_sum(list_transform(regexp_split_to_array(s, p)[1:n], lambda piece: length(piece)))
       + coalesce(list_sum(list_transform(regexp_extract_all(s, p)[1:n - 1], lambda m: length(m))), 0) + 1 AS INTEGER) END`,
  `trino_regexp_position_from(s, p, start, n) AS CASE
       WHEN start < 1 THEN ${fail(`'start position cannot be smaller than 1'`, '0::INTEGER')}
       WHEN n < 1 THEN ${fail(`'occurrence cannot be smaller than 1'`, '0::INTEGER')}
       WHEN start > length(s) THEN -1
       WHEN trino_regexp_nth_position(substr(s, start), p, n) = -1 THEN -1
       ELSE CAST(trino_regexp_nth_position(substr(s, start), p, n) + start - 1 AS INTEGER) END`,
  `trino_regexp_position(s, p) AS trino_regexp_nth_position(s, p, 1),
     (s, p, start) AS trino_regexp_position_from(s, p, start, 1),
     (s, p, start, n) AS trino_regexp_position_from(s, p, start, n)`,

  // --- arrays -------------------------------------------------------------------------------------------------------
  // contains(a, x): NULL when x is NULL, or when x is absent and a has a NULL element. contains(network varchar,
  // address ipaddress) is Trino's other overload (src/dialect/shims/ip-address.ts); an aggregate argument takes the
  // array path (`_any`), so an aggregated ipaddress there is a bind error, never another answer.
  // Zoned values are searched by their instants (trino_search_keys, trino_cmp, inside a lambda where their types are
  // known), so a zoned array meets a plain timestamp or a date (read in the session zone, UTC) and the other way round.
  `trino_contains(a VARCHAR, x ${IP_STRUCT}) AS trino_ipaddress_contains(a, x.${IP_FIELD}), (a, x) AS ${SEARCH_KEYS('trino_contains_keys')}`,
  `trino_contains_any(a, x) AS trino_contains_keys(a, x)`,
  `trino_contains_keys(a, x) AS ${ARRAY_CONTAINS}`,
  // Inside try() (try-escapes.ts) with a network that is not a literal: Trino's error for a prefix length that is not a
  // number escapes try(), DuckDB's TRY would give NULL, so the ipaddress overload is refused while DuckDB binds it.
  `trino_contains_in_try(a, x) AS {'trino_v': trino_contains(a, x)}[CASE WHEN typeof([x]) = '${IP_STRUCT}[]' THEN '${REFUSED_KEY_MARKER}contains-in-try' ELSE 'trino_v' END]`,
  `trino_has_null(a) AS list_count(a) < len(a)`,
  // x is in b, NULL equal to NULL (set operations treat NULL as a value).
  `trino_in_set(x, b) AS CASE WHEN x IS NULL THEN trino_has_null(b) ELSE coalesce(trino_list_contains(b, x), false) END`,
  // The elements take the common type of both arrays, as Trino coerces them (array_except(array(integer),
  // array(bigint)) is array(bigint)); [a[1], b[1]] is only a type witness.
  // Trino 476 returns a unchanged, duplicates kept, when b is empty (array_except(ARRAY[2, NULL, 2], ARRAY[]) is
  // [2, NULL, 2]; found by the random oracle).
  `trino_array_except(a, b) AS CASE WHEN b IS NOT NULL THEN CASE WHEN len(b) = 0 THEN cast_to_type(a, [a[1], b[1]])
     ELSE list_filter(trino_array_distinct(cast_to_type(a, [a[1], b[1]])), lambda x: NOT trino_in_set(x, b)) END END`,
  // Trino 476 walks the longer array, the first when both are as long: array_intersect(ARRAY[2, 1], ARRAY[1, 2, 3]) is
  // [1, 2] (found replaying Trino's TestArrayOperators).
  `trino_array_intersect(a, b) AS CASE WHEN a IS NOT NULL AND b IS NOT NULL THEN CASE WHEN len(a) < len(b)
     THEN list_filter(trino_array_distinct(cast_to_type(b, [a[1], b[1]])), lambda x: trino_in_set(x, a))
     ELSE list_filter(trino_array_distinct(cast_to_type(a, [a[1], b[1]])), lambda x: trino_in_set(x, b)) END END`,
  `trino_array_union(a, b) AS CASE WHEN a IS NOT NULL AND b IS NOT NULL THEN trino_array_distinct(list_concat(a, b)) END`,
  // Trino's array_max skips NaN unless every element is NaN, as max does (translate/nan-aggregates.ts); inside arrays
  // of doubles NaN orders first (Trino 476: array_max(ARRAY[ARRAY[NaN()], ARRAY[3]]) is [3.0], DuckDB's [NaN]), and
  // inside rows and deeper arrays too (nested-compare.ts trino_nan_lowest_max). array_min: NaN last, as DuckDB's order.
  // Arrays or rows as elements fail where Trino's walk compares a NULL element (nested-compare.ts trino_nested_max_checked).
  `trino_array_max(a) AS trino_array_max_ordered(trino_orderable(a))`,
  `trino_array_max_ordered(a) AS CASE WHEN NOT trino_has_null(a) THEN CASE WHEN typeof([a]) IN ('DOUBLE[][]', 'FLOAT[][]')
     THEN coalesce(list_max(list_filter(a, lambda trino_e: NOT isnan(TRY_CAST(trino_e AS DOUBLE)))), list_max(a))
     WHEN typeof([a]) IN ('DOUBLE[][][]', 'FLOAT[][][]') THEN trino_nested_max_checked(a, list_max(list_transform(a, lambda trino_e:
       {'k': list_transform(TRY_CAST(trino_e AS DOUBLE[]), lambda trino_x: {'n': NOT isnan(trino_x), 'x': trino_x}), 'v': trino_e})).v)
     WHEN ${HAS_ZONED_ELEMENTS('a')} THEN trino_zoned_extreme(a, list_max(trino_cmp_keys(a))) ELSE trino_nested_max_checked(a, trino_nan_lowest_max(a, list_max(a))) END END`,
  `trino_array_min(a) AS trino_array_min_ordered(trino_orderable(a))`,
  `trino_array_min_ordered(a) AS CASE WHEN NOT trino_has_null(a) THEN CASE WHEN ${HAS_ZONED_ELEMENTS('a')} THEN trino_zoned_extreme(a, list_min(trino_cmp_keys(a)))
     ELSE trino_nested_min_checked(a, list_min(a)) END END`,
  // The elements take the common type of the element and x, as Trino coerces (array(integer) without a bigint is
  // array(bigint)); [a[1], x] is only a type witness.
  `trino_array_remove(a, x) AS CASE WHEN x IS NULL THEN NULL
     WHEN ${HAS_ZONED_ELEMENTS('a')} OR ${IS_ZONED_VALUE('x')} THEN list_transform([trino_cmp_keys(list_prepend(x, a))],
       lambda trino_k: list_filter(cast_to_type(a, [a[1], x]), lambda e, i: e IS NULL OR trino_k[i + 1] <> trino_k[1]))[1]
     ELSE list_filter(cast_to_type(a, [a[1], x]), lambda e: e IS NULL OR e <> x OR trino_nan_in(e, x)) END`,
  // array_remove of arrays, maps or rows (chosen at translation where the SQL shows them: translate/array-remove.ts),
  // and of any element type in a correlated subquery whose operands show no type: each non-NULL element is compared
  // with x as Trino 476 compares (nested-compare.ts trino_remove_kept_json over the JSON of x and the element, a UDF on
  // the lambda's parameter: NaN equal to nothing, zoned values by instant), and where that comparison meets a NULL
  // before it is decided Trino fails (NOT_SUPPORTED: array_remove(ARRAY[ARRAY[1, NULL]], ARRAY[1, 2])). NULL elements
  // are kept.
  `trino_array_remove_nested(a, x) AS CASE WHEN x IS NULL THEN NULL
     ELSE list_filter(cast_to_type(a, [a[1], x]), lambda e: e IS NULL OR coalesce(trino_remove_kept_json(CAST(to_json([x, e]) AS VARCHAR)),
       trino_fail_as('array_remove does not support arrays with elements that are null or contain null', true))) END`,
  // cast_to_type: DuckDB folds list_sort of a constant NULL (split(nullif('a', 'a'), ',')) into an untyped NULL.
  // Zoned elements sort by instant, equal instants in their order in a (Trino 476's sort is stable: array_sort of
  // 02:00 +01:00, 00:00 UTC, 01:00 +01:00 keeps 00:00 UTC first), NULLs last; the local struct sorted them by zone name.
  `trino_array_sort(a) AS trino_sorted_null_checked(a, trino_array_sort_ordered(trino_orderable(a)))`,
  `trino_array_sort_ordered(a) AS CASE WHEN ${HAS_ZONED_ELEMENTS('a')} THEN CASE WHEN a IS NOT NULL THEN list_concat(list_transform(list_sort(list_transform(
       list_filter(a, lambda trino_e: trino_e IS NOT NULL), lambda trino_e, trino_i: {'k': trino_cmp(trino_e), 'i': trino_i, 'e': trino_e})),
       lambda trino_s: trino_s.e), list_filter(a, lambda trino_e: trino_e IS NULL)) END
     ELSE cast_to_type(list_sort(a, 'ASC', 'NULLS LAST'), a) END`,
  `trino_sort_by_ranks(a, ranks) AS CASE
     WHEN list_sort(ranks) <> range(1, len(a) + 1) THEN ${fail(`'Lambda comparator violates the comparator contract'`, 'a')}
     ELSE list_transform(range(1, len(a) + 1), lambda trino_p: a[list_position(ranks, trino_p)]) END`,
  // The witness of a NULL-typed r is an integer, so that binding reaches array_sort's type check (lambda-rewrites.ts
  // sortWithComparator), which names Trino's FUNCTION_NOT_FOUND; cast_to_type cannot cast to NULL.
  `trino_comparator_result(r) AS CASE WHEN r IN (-1, 0, 1) THEN r ELSE ${fail(`'Lambda comparator must return either -1, 0, or 1'`, 'coalesce(r, NULL::INTEGER)')} END`,
  `trino_array_join(a, sep) AS CASE WHEN a IS NOT NULL AND sep IS NOT NULL
     THEN coalesce(array_to_string(list_transform(a, lambda trino_e: trino_text(trino_e)), sep), '') END`,
  // An empty array overlaps nothing, NULL elements or not (Trino 476: arrays_overlap(ARRAY[], ARRAY[2, NULL]) is false).
  `trino_arrays_overlap(a, b) AS CASE WHEN a IS NULL OR b IS NULL THEN NULL WHEN len(a) = 0 OR len(b) = 0 THEN false WHEN trino_list_has_any(a, b) THEN true
     WHEN trino_has_null(a) OR trino_has_null(b) THEN NULL ELSE false END`,
  `trino_contains_sequence(a, b) AS CASE WHEN a IS NULL OR b IS NULL THEN NULL WHEN len(b) = 0 THEN true
     ELSE coalesce(list_bool_or(list_transform(range(1, len(a) - len(b) + 2), lambda i: a[i:i + len(b) - 1] IS NOT DISTINCT FROM b)), false) END`,
  `trino_ngrams(a, n) AS CASE WHEN n <= 0 THEN ${fail(`'N must be positive'`, '[a]')}
     WHEN len(a) <= n THEN [a] ELSE list_transform(range(1, len(a) - n + 2), lambda i: a[i:i + n - 1]) END`,
  `trino_repeat(x, n) AS CASE WHEN n < 0 THEN ${fail(`'count argument of repeat function must be greater than or equal to 0'`, '[x]')}
     WHEN n > 10000 THEN ${fail(`'count argument of repeat function must be less than or equal to 10000'`, '[x]')}
     WHEN n IS NOT NULL THEN list_transform(range(n), lambda i: x) END`,
  // A NULL array gives NULL whatever the start and length (Trino returns NULL on a NULL argument), also in trim_array.
  `trino_slice(a, start, n) AS CASE
     WHEN a IS NULL THEN list_slice(a, 1, 0)
     WHEN start = 0 THEN ${fail(`'SQL array indices start at 1'`, 'a')}
     WHEN n < 0 THEN ${fail(`'length must be greater than or equal to 0'`, 'a')}
     WHEN start > 0 THEN list_slice(a, start, start + n - 1)
     WHEN len(a) + start + 1 < 1 THEN list_slice(a, 1, 0)
     ELSE list_slice(a, len(a) + start + 1, len(a) + start + n) END`,
  `trino_trim_array(a, n) AS CASE WHEN a IS NOT NULL AND (n < 0 OR n > len(a))
     THEN ${fail(`'size must not be negative or greater than the array length: ' || n`, 'a')}
     ELSE list_slice(a, 1, len(a) - n) END`,

  // --- JSON ---------------------------------------------------------------------------------------------------------
  // The text as kept (json-canonical.ts): DuckDB's json() would unescape a character outside the BMP, and json_parse
  // would sort the fields of a row's JSON and merge its empty names.
  `trino_json_format(j) AS trino_json_of_value(CAST(j AS VARCHAR), 'JSON')`,
  // The json functions take json or varchar (Trino 476: json_array_length(12) is FUNCTION_NOT_FOUND; DuckDB's CAST
  // would read the number as JSON).
  `trino_json_arg(j, fn) AS CASE WHEN typeof(j) IN ('VARCHAR', 'JSON', '"NULL"') THEN CAST(j AS JSON)
     ELSE CAST(trino_fail(fn || '() takes json or varchar on Athena, not ' || lower(typeof(j))) AS JSON) END`,
  // The text of a json or varchar argument for the JSON functions that read it as Trino does (json-functions.ts).
  `trino_json_text(j, fn) AS CASE WHEN typeof(j) IN ('VARCHAR', 'JSON', '"NULL"') THEN CAST(j AS VARCHAR)
     ELSE CAST(trino_fail(fn || '() takes json or varchar on Athena, not ' || lower(typeof(j))) AS VARCHAR) END`,
  `trino_json_size(j, p) AS trino_json_size_text(trino_json_text(j, 'json_size'), p)`,
  `trino_json_array_length(j) AS trino_json_array_length_text(trino_json_text(j, 'json_array_length'))`,
  `trino_is_json_scalar(j) AS json_type(trino_json_arg(j, 'is_json_scalar')) NOT IN ('OBJECT', 'ARRAY')`,
  `trino_json_array_get(j, i) AS CAST(trino_json_array_get_text(trino_json_text(j, 'json_array_get'), i) AS JSON)`,
  // Trino's overloads take a boolean, bigint, double or varchar needle (an integer is a bigint; a real or decimal a
  // double), and each matches JSON elements of its own kind only.
  `trino_json_array_contains(j, v) AS trino_json_array_contains_text(trino_json_text(j, 'json_array_contains'), CASE
       WHEN typeof(v) IN ('BOOLEAN', 'VARCHAR') THEN lower(typeof(v))
       WHEN typeof(v) IN ('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT') THEN 'bigint'
       WHEN typeof(v) IN ('DOUBLE', 'FLOAT') OR typeof(v) LIKE 'DECIMAL%' THEN 'double'
       WHEN typeof(v) <> '"NULL"' THEN CAST(trino_fail('json_array_contains() takes a boolean, bigint, double or varchar value on Athena, not ' || lower(typeof(v))) AS VARCHAR) END,
     CASE WHEN typeof(v) IN ('DOUBLE', 'FLOAT') OR typeof(v) LIKE 'DECIMAL%' THEN CAST(TRY_CAST(v AS DOUBLE) AS VARCHAR) ELSE CAST(v AS VARCHAR) END)`,

  // --- date and time ------------------------------------------------------------------------------------------------
  // The zone offset of a zoned value is its wall clock minus its instant; a plain timestamp or date is read in the
  // session zone (UTC), as Trino's implicit cast to timestamp with time zone does.
  `trino_zone_offset_minutes(x ${TZ_STRUCT}) AS CAST(round((epoch(CAST(x.trino_wall AS TIMESTAMP)) - epoch(CAST(x.trino_instant AS TIMESTAMPTZ))) / 60) AS BIGINT),
     (x) AS CASE WHEN typeof(x) IN ('TIMESTAMP', 'TIMESTAMP_S', 'DATE') THEN CASE WHEN x IS NOT NULL THEN 0::BIGINT END
       ELSE ${fail(`'timezone_hour and timezone_minute take a timestamp with time zone'`, '0::BIGINT')} END`,
  // format()'s arguments as Java's %s prints them (java-format.ts): a double or real as Double.toString does
  // (1.0E7, NaN), a decimal as BigDecimal.toString (-0.5), a timestamp as LocalDateTime.toString (2025-01-01T10:00, seconds and milliseconds only when not
  // zero), a zoned one as ZonedDateTime.toString (…T10:00Z[UTC], …T10:00+01:00); Trino 476 refuses arrays, maps, rows
  // and varbinary ("Type not supported for formatting"). The lambda binds the argument once, however deep calls nest.
  // LocalDate.toString's year: a sign before the year 0 and past 9999 (-0001-01-01, +10000-01-01; hunt38, Trino 476).
  `trino_java_local_date_time(t) AS trino_year_text(year(t), '+') || strftime(t, '-%m-%dT') || trino_java_local_time(t)`,
  // LocalTime.toString of a timestamp's time of day: HH:mm, then :ss and .SSS only when not zero (10:00, 10:00:01.500).
  `trino_java_local_time(t) AS strftime(t, '%H:%M') || CASE WHEN microsecond(t) = 0 THEN ''
     ELSE strftime(t, ':%S') || CASE WHEN microsecond(t) % 1000000 = 0 THEN '' ELSE '.' || strftime(t, '%g') END END`,
  `trino_java_zone_offset(minutes) AS CASE WHEN minutes = 0 THEN 'Z' ELSE (CASE WHEN minutes < 0 THEN '-' ELSE '+' END)
     || lpad(CAST(abs(minutes) // 60 AS VARCHAR), 2, '0') || ':' || lpad(CAST(abs(minutes) % 60 AS VARCHAR), 2, '0') END`,
  // Typed overloads bind inside the lambda, where an aggregate argument has its type (not UNKNOWN).
  `trino_format_text(x) AS list_transform([x], lambda trino_f: trino_format_value(trino_f))[1]`,
  `trino_format_value(v ${TZ_STRUCT}) AS trino_java_local_date_time(v.trino_wall) || trino_java_zone_offset(trino_zone_offset_minutes(v))
       || CASE WHEN regexp_matches(v.trino_zone, ${OFFSET_ZONE}) THEN '' ELSE '[' || v.trino_zone || ']' END,
     (v ${IP_STRUCT}) AS trino_ipaddress_text(v.${IP_FIELD}),
     (v) AS CASE
       -- A real is marked (java-format.ts REAL_MARK): %s prints it as a Float, %f and %e as the double it widens to.
       WHEN typeof(v) = 'FLOAT' THEN chr(1) || trino_java_floating_text(CAST(v AS VARCHAR), true)
       -- Doubles, varchars, booleans, dates and timestamps are marked for %h (java-format.ts DOUBLE_MARK…: Java's hashCode
       -- of its class).
       WHEN typeof(v) = 'DOUBLE' THEN chr(4) || trino_java_floating_text(CAST(v AS VARCHAR), false)
       WHEN typeof(v) = 'VARCHAR' THEN chr(5) || CAST(v AS VARCHAR)
       WHEN typeof(v) = 'BOOLEAN' THEN chr(6) || CAST(v AS VARCHAR)
       -- Integers and decimals are marked too (INTEGER_MARK, DECIMAL_MARK): %f of a Long and %d of a BigDecimal fail.
       WHEN typeof(v) IN ('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT') THEN chr(2) || CAST(v AS VARCHAR)
       WHEN typeof(v) LIKE 'DECIMAL%' THEN chr(3) || ${DECIMAL_TO_VARCHAR.replace('CAST(x AS', 'CAST(v AS')}
       WHEN typeof(v) IN ('TIMESTAMP', 'TIMESTAMP_S') THEN chr(8) || trino_java_local_date_time(TRY_CAST(CAST(v AS VARCHAR) AS TIMESTAMP))
       -- A date as LocalDate.toString, a time as LocalTime.toString, an interval as SqlIntervalDayTime.toString (its
       -- CAST to varchar's text, 1 00:00:00.000), where DuckDB's own text was 0002-01-01 (BC), 10:00:00, 1 day (hunt38).
       WHEN typeof(v) = 'DATE' THEN chr(7) || list_transform([TRY_CAST(CAST(v AS VARCHAR) AS DATE)], lambda trino_d:
         trino_year_text(year(trino_d), '+') || strftime(trino_d, '-%m-%d'))[1]
       WHEN typeof(v) = 'TIME' THEN trino_java_local_time(DATE '1970-01-01' + TRY_CAST(CAST(v AS VARCHAR) AS TIME))
       WHEN typeof(v) = 'INTERVAL' THEN trino_interval_text(TRY_CAST(CAST(v AS VARCHAR) AS INTERVAL))
       WHEN typeof(v) = 'BLOB' OR typeof(v) LIKE '%[]' OR typeof(v) LIKE 'MAP(%' OR typeof(v) LIKE 'STRUCT(%'
       THEN ${fail("'format(): Type not supported for formatting: ' || lower(typeof(v))", "''")}
       ELSE CAST(v AS VARCHAR) END`,
  `trino_timezone(x ${TZ_STRUCT}) AS x.trino_zone, (x TIMESTAMP) AS CASE WHEN x IS NOT NULL THEN 'UTC' END,
     (x DATE) AS CASE WHEN x IS NOT NULL THEN 'UTC' END`,
  `trino_timezone_hour(x) AS CAST(trunc(trino_zone_offset_minutes(x) / 60) AS BIGINT)`,
  `trino_timezone_minute(x) AS trino_zone_offset_minutes(x) - trino_timezone_hour(x) * 60`,
  `trino_to_milliseconds(i) AS CAST(round(epoch(i) * 1000) AS BIGINT)`,
  `trino_seconds_unit(n, unit) AS CASE WHEN n <> 0 THEN n || ' ' || unit || CASE WHEN n = 1 THEN '' ELSE 's' END END`,
  `trino_human_readable_seconds_of(s) AS coalesce(nullif(array_to_string([
     trino_seconds_unit(s // 604800, 'week'), trino_seconds_unit(s % 604800 // 86400, 'day'),
     trino_seconds_unit(s % 86400 // 3600, 'hour'), trino_seconds_unit(s % 3600 // 60, 'minute'),
     trino_seconds_unit(s % 60, 'second')], ', '), ''), '0 seconds')`,
  // Trino rounds the magnitude half up (Math.round(Math.abs(x))): -0.5 is '1 second', not '-1 seconds'. Java's
  // Math.round of a double from 2^63 up is Long.MAX_VALUE (Trino 476: human_readable_seconds(1e300) is '15250284452471
  // weeks, 3 days, 15 hours, 30 minutes, 7 seconds'; locally "Out of range for bigint", overref44); NaN and ±Infinity
  // fail ("Invalid argument found: NaN").
  `trino_human_readable_seconds(x) AS CASE WHEN x IS NOT NULL THEN trino_human_readable_seconds_of(CASE
     WHEN isnan(CAST(x AS DOUBLE)) OR isinf(CAST(x AS DOUBLE)) THEN ${fail(
       `'Invalid argument found: ' || CASE WHEN isnan(CAST(x AS DOUBLE)) THEN 'NaN' WHEN x > 0 THEN 'Infinity' ELSE '-Infinity' END`,
       '0::BIGINT',
     )}
     WHEN abs(CAST(x AS DOUBLE)) >= 9223372036854775808.0 THEN 9223372036854775807 ELSE CAST(round(abs(CAST(x AS DOUBLE))) AS BIGINT) END) END`,
  // Day-to-second intervals keep whole days apart from the time of day (as Trino prints them).
  `trino_interval_from_millis(ms) AS to_days(CAST(ms // 86400000 AS INTEGER)) + to_milliseconds(ms % 86400000)`,
  `trino_parse_duration(s) AS CASE WHEN s IS NOT NULL THEN CASE
     WHEN NOT regexp_matches(s, '^\\s*[0-9]+(\\.[0-9]+)?\\s*(ns|us|ms|s|m|h|d)\\s*$')
       THEN ${fail(`'duration is not a valid data duration string: ' || s`, 'INTERVAL 0 SECOND')}
     ELSE trino_interval_from_millis(CAST(round(CAST(regexp_extract(s, '([0-9]+(\\.[0-9]+)?)', 1) AS DOUBLE) * CASE regexp_extract(s, '(ns|us|ms|s|m|h|d)\\s*$', 1)
       WHEN 'ns' THEN 0.000001 WHEN 'us' THEN 0.001 WHEN 'ms' THEN 1 WHEN 's' THEN 1000 WHEN 'm' THEN 60000
       WHEN 'h' THEN 3600000 ELSE 86400000 END) AS BIGINT)) END END`,

  // --- binary ---------------------------------------------------------------------------------------------------------
  // A varbinary-only argument (FunctionEntry.varbinaryArgs): Trino 476 fails md5('abc') and to_hex(255) with
  // FUNCTION_NOT_FOUND; DuckDB cast the varchar to a blob (and hex() takes numbers). typeof folds while binding.
  ...['trino_varbinary_arg', 'trino_varbinary_arg_any'].map(
    (name) => `${name}(x, fn) AS CASE WHEN typeof(x) NOT IN ('BLOB', '"NULL"')
       THEN trino_fail_as('Unexpected parameters (' || lower(typeof(x)) || ') for function ' || fn || '. Expected: ' || fn || '(varbinary)', x)
       ELSE x END`,
  ),
  `trino_to_hex(b) AS upper(hex(b))`,
  `trino_to_base64url(b) AS replace(replace(to_base64(b), '+', '-'), '/', '_')`,
  // Java's Base64 decoder (Trino 476): the padding may be left out ('AP8' is 00ff), where DuckDB wants a multiple of
  // four characters; '=' only ends the last unit ('AA=A' fails, DuckDB read 00). Valid text is padded for DuckDB.
  `trino_from_base64(s) AS CASE WHEN regexp_full_match(s, '([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}(==)?|[A-Za-z0-9+/]{3}=?)?')
     THEN from_base64(s || repeat('=', (4 - length(s) % 4) % 4))
     ELSE trino_fail_as('Illegal base64 input: ' || s, from_base64('')) END`,
  // The URL alphabet has - and _ in place of + and /, which Java's URL decoder rejects (from_base64url('+/8=') fails).
  `trino_from_base64url(s) AS CASE WHEN contains(s, '+') OR contains(s, '/')
     THEN trino_fail_as('Illegal base64 input: ' || s, from_base64(''))
     ELSE trino_from_base64(replace(replace(s, '-', '+'), '_', '/')) END`,
  // from_base32 takes varchar or varbinary (its bytes read as text).
  `trino_from_base32(s) AS trino_from_base32_text(CAST(s AS VARCHAR))`,

  // --- URL ---------------------------------------------------------------------------------------------------------
  ...['protocol', 'host', 'port', 'path', 'query', 'fragment'].map(
    (part) => `trino_url_extract_${part}(u) AS ${part === 'port' ? "CAST(trino_url_part(u, 'port') AS BIGINT)" : `trino_url_part(u, '${part}')`}`,
  ),
  `trino_url_extract_parameter(u, name) AS trino_url_parameter(u, name)`,
];
