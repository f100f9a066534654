// NaN in Trino's comparisons of double and real (Trino 476; IEEE 754 as Java's `==` and `<`): `nan() = nan()` is false,
// `nan() <> x` true, `nan() < x` and `nan() > x` false. DuckDB orders NaN above +Infinity and equal to itself
// (https://duckdb.org/docs/stable/sql/data_types/numeric#nan-and-infinity). The translator
// (translate/nan-comparisons.ts) adds these guards to a comparison whose operands may be NaN. Each dispatches on type
// with typeof([x]), which DuckDB folds while binding: for any other type the guard is the constant false (or x itself),
// so `x > 5 AND NOT trino_nan_in(x, 5)` plans as `x > 5` (a filter still pushes down) and a join key stays a column.
// TRY_CAST(x AS DOUBLE) binds for every type (NULL where there is no cast), so the dead branch binds too.

import { REFUSED_KEY_MARKER } from './error-messages.js';
import { IS_NESTED } from './nested-type.js';

const IS_FLOAT = (x: string) => `typeof([${x}]) IN ('DOUBLE[]', 'FLOAT[]')`;
const ZONED_USING = `'JOIN … USING of timestamp with time zone keys is refused locally: Athena joins them by instant (01:00 +01:00 matches 00:00 UTC); write ON a.k = b.k' || CASE WHEN k IS NULL THEN '' ELSE '' END`;

/** typeof([x]) of the values trino_nan_max_key orders (arrays and arrays of arrays of doubles or reals). */
export const NAN_KEYED_TYPES = "'DOUBLE[][]', 'FLOAT[][]', 'DOUBLE[][][]', 'FLOAT[][][]'";
const NESTED_USING = `{'trino_v': false}[CASE WHEN ${IS_NESTED('k')} THEN '${REFUSED_KEY_MARKER}nested-compare' ELSE 'trino_v' END]`;

export const NAN_MACROS: readonly string[] = [
  // Whether a or b is NaN (NULL when either is NULL: |a| + |b| is NaN only for a NaN operand, ±Infinity included).
  `trino_nan_in(a, b) AS CASE WHEN ${IS_FLOAT('a')} OR ${IS_FLOAT('b')}
     THEN isnan(abs(TRY_CAST(a AS DOUBLE)) + abs(TRY_CAST(b AS DOUBLE))) ELSE false END`,
  `trino_nan_of(x) AS CASE WHEN ${IS_FLOAT('x')} THEN isnan(TRY_CAST(x AS DOUBLE)) ELSE false END`,
  // x, or NULL where x is NaN: a join key (a NULL key joins nothing, as NaN in Trino) and an aggregate's input.
  `trino_nan_null(x) AS CASE WHEN ${IS_FLOAT('x')} AND isnan(TRY_CAST(x AS DOUBLE)) THEN NULL ELSE x END`,
  // Whether an array, map or row holds a double or real NaN at any depth: DuckDB's to_json writes NaN bare, after `[`,
  // `,` or `:` (a string holding ",NaN]" reads as one too: its max fails where Trino answers, never silently).
  `trino_nested_nan(x) AS CASE WHEN regexp_matches(typeof(x), '^(STRUCT|MAP)\\(|\\[\\]$') AND regexp_matches(typeof(x), 'DOUBLE|FLOAT')
     THEN regexp_matches(CAST(to_json(x) AS VARCHAR), '[\\[,:]-?NaN[\\],}]') ELSE false END`,
  // The key by which Trino 476's max, max_by and greatest order an array of doubles or reals: element by element with
  // NaN below every number (max of [NaN, 5] and [1, 2] is [1, 2]; of [-Infinity, 3] and [NaN, 5] it is
  // [-Infinity, 3]), where DuckDB orders NaN above +Infinity. Any other value is its own key (its max takes it only
  // where no NaN is met: translate/nan-calls.ts); arrays of arrays of doubles too; rows and maps holding NaN are refused.
  `trino_nan_max_key(x DOUBLE[]) AS list_transform(x, lambda trino_e: {'n': NOT isnan(trino_e), 'v': trino_e}),
     (x FLOAT[]) AS list_transform(x, lambda trino_e: {'n': NOT isnan(trino_e), 'v': trino_e}),
     (x DOUBLE[][]) AS list_transform(x, lambda trino_l: list_transform(trino_l, lambda trino_e: {'n': NOT isnan(trino_e), 'v': trino_e})),
     (x FLOAT[][]) AS list_transform(x, lambda trino_l: list_transform(trino_l, lambda trino_e: {'n': NOT isnan(trino_e), 'v': trino_e})),
     (x "NULL") AS x, (x) AS x`,
  // histogram(x) of doubles or reals holding NaN (translate/functions.ts): DuckDB's counted every value under the NaN
  // key ({NaN: 3} for NaN, 1, 2); Trino 476 counts NaN as one key among the others ({NaN: 1, 1.0: 1, 2.0: 1}). h is
  // the histogram of the values but NaN, nans their count. The NaN key is cast from text: it binds for any key type,
  // also a NULL-typed one (histogram of a NULL column), as a list: cast_to_type refuses to cast to NULL itself.
  `trino_nan_histogram(h, nans) AS CASE WHEN nans > 0 THEN map_concat(MAP(cast_to_type([CASE WHEN nans > 0 THEN 'NaN' END], map_keys(h)), [CAST(nans AS UBIGINT)]), h) ELSE h END`,
  // A right key of JOIN … USING (translate/nan-using.ts): NaN as NULL (inner and LEFT joins) or refused (RIGHT, FULL:
  // trino_nan_outer_key), and a zoned timestamp refused: Trino 476 joins zoned keys by instant (01:00 +01:00 USING
  // 00:00 UTC is one row, shown with the left key), where DuckDB compares the local structs field by field, and the
  // merged key cannot take the left side's zone. The message reads k, so DuckDB cannot fold it while binding.
  // An array, map or row key is refused while binding as in an ON condition (nested-compare.ts): Trino's = of NULL
  // elements or fields is NULL, so ROW(NULL, 'b') joins no row, where DuckDB matched it (a constant condition, folded).
  `trino_using_key(k) AS CASE WHEN ${NESTED_USING} THEN NULL WHEN typeof(k) LIKE 'STRUCT(trino_instant %' AND k IS NOT NULL THEN trino_fail_as(${ZONED_USING}, k) ELSE trino_nan_null(k) END`,
  `trino_using_outer_key(k) AS CASE WHEN ${NESTED_USING} THEN NULL WHEN typeof(k) LIKE 'STRUCT(trino_instant %' AND k IS NOT NULL THEN trino_fail_as(${ZONED_USING}, k) ELSE trino_nan_outer_key(k) END`,
  // The key of a window ORDER BY … NULLS FIRST with a RANGE offset (translate/window-keys.ts): Trino sorts NaN below
  // every number there, which a second key cannot give under a RANGE offset, so a NaN key fails.
  `trino_nan_range_key(x) AS CASE WHEN ${IS_FLOAT('x')} AND isnan(TRY_CAST(x AS DOUBLE)) THEN cast_to_type(trino_fail(
     'a NaN in a window ORDER BY … NULLS FIRST with a RANGE offset: Athena sorts NaN first there (below every number), which the local engine does not reproduce; filter the NaN out first (is_nan) or use ROWS'), x) ELSE x END`,
  // A right key of RIGHT or FULL JOIN … USING (translate/nan-using.ts): NULL in place of NaN would be the merged key of
  // a row without match, where Trino keeps NaN, so a NaN key fails.
  `trino_nan_outer_key(x) AS CASE WHEN ${IS_FLOAT('x')} AND isnan(TRY_CAST(x AS DOUBLE)) THEN cast_to_type(trino_fail(
     'a NaN key in RIGHT or FULL JOIN … USING: Athena joins no NaN key and keeps NaN as the key of a row without match, which the local engine does not reproduce; write ON a.k = b.k and coalesce(a.k, b.k)'), x) ELSE x END`,
  // A quantified comparison over its subquery's bounds (translate/quantified-comparisons.ts): n rows, of which `known`
  // are not NULL, and `condition`, x compared with the bound. An empty set gives false (ANY) or true (ALL); a NULL
  // among the values joins as OR NULL (ANY) or AND NULL (ALL), as in Trino's plan.
  `trino_quantified_any(n, known, condition) AS CASE WHEN n = 0 THEN false ELSE condition OR (CASE WHEN n <> known THEN NULL ELSE false END) END`,
  `trino_quantified_all(n, known, condition) AS CASE WHEN n = 0 THEN true ELSE condition AND (CASE WHEN n <> known THEN NULL ELSE true END) END`,
  // max(x, n) (translate/nan-aggregates.ts): the n largest values that are not NaN (skipping), then NaNs up to n from
  // DuckDB's own answer, which lists the NaNs first.
  `trino_max_n(skipping, every, n) AS CASE WHEN every IS NOT NULL THEN list_concat(coalesce(skipping, []),
     list_filter(every, lambda trino_e: trino_nan_of(trino_e))[1:n - len(coalesce(skipping, []))]) END`,
  // min(x, n) and max(x, n) with a column n (translate/nan-calls.ts columnCount): s holds the answer a over the rows
  // whose x and n are not NULL, with k distinct counts among them, the least lo and the largest hi. Trino 476 reads n
  // from one such row, in no fixed order: a count that varies is refused; f names Trino's function (max_n, min_n).
  `trino_extremes_counted(s, f) AS list_transform([s], lambda trino_s: CASE
     WHEN trino_s.k > 1 THEN cast_to_type(trino_fail(replace(f, '_n', '') || '(x, n) whose n varies among the rows of a group: Athena reads n from one row, in no fixed order, so its answer is not fixed; write one count per group (a literal, or a column with one value per group)'), trino_s.a)
     WHEN trino_s.hi > 10000 THEN cast_to_type(trino_fail('second argument of ' || f || ' must be less than or equal to 10000; found ' || trino_s.hi), trino_s.a)
     WHEN trino_s.lo <= 0 THEN cast_to_type(trino_fail('second argument of ' || f || ' must be positive'), trino_s.a)
     ELSE trino_s.a END)[1]`,
  // approx_percentile fails on a value that is not finite (Trino 476: "value must be finite; was NaN"); the first one
  // met is named, as Java's Double.toString writes it.
  `trino_finite_values(l) AS CASE WHEN typeof([l]) IN ('DOUBLE[][]', 'FLOAT[][]')
       AND list_bool_or(list_transform(l, lambda trino_e: NOT isfinite(TRY_CAST(trino_e AS DOUBLE))))
     THEN cast_to_type(trino_fail('value must be finite; was ' || list_transform(
       list_filter(l, lambda trino_e: NOT isfinite(TRY_CAST(trino_e AS DOUBLE))),
       lambda trino_e: CASE WHEN isnan(TRY_CAST(trino_e AS DOUBLE)) THEN 'NaN' WHEN TRY_CAST(trino_e AS DOUBLE) > 0 THEN 'Infinity' ELSE '-Infinity' END)[1]), l)
     ELSE l END`,
];
