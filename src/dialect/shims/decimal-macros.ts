// Trino's decimal result types where DuckDB's rules differ (Trino's MathFunctions signatures;
// https://trino.io/docs/current/functions/math.html):
// - floor/ceil/round(decimal(p,s)) → decimal(min(38, p - s + min(s, 1)), 0); DuckDB keeps the width p;
// - truncate(decimal(p,s)) → decimal(max(1, p - s), 0); an integer kind is truncated as its decimal(p, 0);
// - round(decimal(p,s), d) → decimal(min(38, p + 1), s); sign(decimal) → decimal(1,0).
//
// No DuckDB type rule subtracts a scale from a precision, so the type is picked by name: `typeof` folds to a
// constant, `struct_extract` takes a constant key, and a struct holding a NULL of every decimal(k,0) gives a witness
// of the exact type for `cast_to_type`. The argument is bound once as a lambda parameter: DuckDB checks a macro body
// when it is created, where a key computed from a macro parameter is not constant but one from a lambda parameter is;
// and a macro parameter used several times is expanded as many times, which nested calls multiply (round(round(x))
// took seconds to bind). Measured cost: about 3 ms of planning per call, 45 ns per row.

import { FLOAT_OVERFLOW } from './macros.js';

const WIDTHS = Array.from({ length: 38 }, (_, i) => i + 1);
const INTEGRAL = WIDTHS.map((k) => `'i${k}': NULL::DECIMAL(${k}, 0)`).join(', ');
export const INTEGER_KINDS = "('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT')";

/**
 * The type name of the lambda parameter v, as `typeof([v])` without its `[]`: typeof(v) of a NULL-typed parameter is
 * not folded (so not a constant key); typeof of a list of it is ("NULL"[]).
 */
const T = `regexp_replace(typeof([v]), '\\[\\]$', '')`;
const IS_DECIMAL = `${T} LIKE 'DECIMAL(%'`;
/** Precision and scale of v's type (an integer kind as the decimal(p, 0) Trino's arithmetic reads); NULL otherwise. */
const P = `(CASE WHEN ${IS_DECIMAL} THEN CAST(regexp_extract(${T}, '^DECIMAL\\(([0-9]+),', 1) AS INTEGER)
  WHEN ${T} = 'TINYINT' THEN 3 WHEN ${T} = 'SMALLINT' THEN 5 WHEN ${T} = 'INTEGER' THEN 10 WHEN ${T} IN ('BIGINT', 'HUGEINT') THEN 19 END)`;
const S = `(CASE WHEN ${IS_DECIMAL} THEN CAST(regexp_extract(${T}, ',([0-9]+)\\)$', 1) AS INTEGER) WHEN ${T} IN ${INTEGER_KINDS} THEN 0 END)`;

/** A NULL of type decimal(digits, 0), v's own type when digits is NULL, DuckDB's integer NULL for an untyped NULL. */
const witness = (digits: string) => `struct_extract({'same': v, 'null': NULL::INTEGER, ${INTEGRAL}},
  CASE WHEN ${T} = '"NULL"' THEN 'null' WHEN (${digits}) IS NULL THEN 'same' ELSE 'i' || least(38, greatest(1, ${digits})) END)`;

/** `value` (over v) in the type `digits` gives, x bound once as v. */
const bound = (value: string, digits: string) => `list_transform([x], lambda v: cast_to_type(${value}, ${witness(digits)}))[1]`;

const ROUNDED = `CASE WHEN ${IS_DECIMAL} THEN ${P} - ${S} + least(${S}, 1) END`;
/**
 * Trino's floor and ceil of a non-zero decimal(38,38) fail (its table of powers of ten stops at 10^37: Trino 476
 * answers GENERIC_INTERNAL_ERROR "Index 38 out of bounds for length 38"); DuckDB answers 0 or 1.
 */
const SCALE_38_FAILS = (value: string) =>
  `CASE WHEN ${S} = 38 AND v <> 0 THEN cast_to_type(trino_fail('Index 38 out of bounds for length 38'), ${value}) ELSE ${value} END`;

/**
 * A NULL of type decimal(min(38, p + 1), s), round(x, d)'s type; of v's own type otherwise (the branches for integers
 * and doubles keep it), integer for an untyped NULL (as DuckDB's own).
 */
const ROUND_PLACES_WITNESS = `from_json('null', CAST(to_json(CASE WHEN ${IS_DECIMAL}
  THEN 'DECIMAL(' || least(38, ${P} + 1) || ',' || ${S} || ')' WHEN ${T} = '"NULL"' THEN 'INTEGER' ELSE ${T} END) AS VARCHAR))`;
/** v's unscaled value (its digits without the point), exact up to 38 digits. */
const UNSCALED = `CAST(replace(CAST(v AS VARCHAR), '.', '') AS HUGEINT)`;
const TEN_TO = (digits: string) => `CAST('1' || repeat('0', ${digits}) AS HUGEINT)`;
/** Trino's overflow of round(decimal, d) names the unscaled argument. */
const ROUND_OVERFLOW = `cast_to_type(trino_fail('decimal overflow: ' || ${UNSCALED}), '')`;
/** The unscaled r (a HUGEINT) as the text of a decimal of scale S. */
const SCALED_TEXT = (r: string) => `(CASE WHEN ${r} < 0 THEN '-' ELSE '' END) || regexp_replace(
  lpad(CAST(abs(${r}) AS VARCHAR), CAST(greatest(length(CAST(abs(${r}) AS VARCHAR)), ${S} + 1) AS INTEGER), '0'),
  '(\\d{' || ${S} || '})$', '.\\1')`;
/**
 * round(decimal(p,s), d), Trino's RoundN (MathFunctions.java): half away from zero at d places, in decimal(min(38,
 * p + 1), s). DuckDB's round of a decimal to d < 0 places is 0 (round(DECIMAL '9.9', -1): Trino 10.0), so a negative
 * d rounds the unscaled value (a HUGEINT) by 10^(s - d) and writes it back as text. Where p + 1 passes 38 digits
 * (p = 38), Trino fails instead of answering a 39-digit value, and also when s - d passes 38 (10^39 has no HUGEINT):
 * `decimal overflow: <unscaled argument>`. p < 18 uses the 64-bit path that answers 0 past the integer digits.
 */
const ROUND_PLACES = `list_transform([x], lambda v: cast_to_type(CASE
  WHEN v IS NULL THEN NULL
  WHEN d >= ${S} THEN CAST(v AS VARCHAR)
  WHEN d >= 0 AND ${P} < 38 THEN CAST(round(v, d) AS VARCHAR)
  WHEN ${P} < 18 AND ${P} - ${S} + d < 0 THEN '0'
  WHEN ${S} - d > 38 THEN ${ROUND_OVERFLOW}
  ELSE list_transform([sign(${UNSCALED}) * ((abs(${UNSCALED}) + ${TEN_TO(`${S} - d`)} // 2) // ${TEN_TO(`${S} - d`)}) * ${TEN_TO(`${S} - d`)}],
    lambda trino_r: CASE WHEN abs(trino_r) >= ${TEN_TO(`least(38, ${P} + 1)`)} THEN ${ROUND_OVERFLOW} ELSE ${SCALED_TEXT('trino_r')} END)[1]
  END, ${ROUND_PLACES_WITNESS}))[1]`;
/**
 * truncate(decimal(p,s), n), Trino's TruncateN: towards zero at n places, in x's own type. The unscaled value (a
 * HUGEINT) is cut by 10^(s - n) and written back as text: DuckDB has no truncate of a decimal to places, and going
 * through a double lost digits past 15 (truncate(DECIMAL '12345678901234567.895', -1) was 12345678901234561.024).
 */
const TRUNCATE_PLACES = `list_transform([x], lambda v: cast_to_type(CASE
  WHEN v IS NULL THEN NULL
  WHEN n >= ${S} THEN CAST(v AS VARCHAR)
  WHEN ${S} - CAST(n AS BIGINT) > 38 THEN '0'
  ELSE list_transform([(${UNSCALED} // ${TEN_TO(`${S} - n`)}) * ${TEN_TO(`${S} - n`)}], lambda trino_r: ${SCALED_TEXT('trino_r')})[1]
  END, v))[1]`;
/**
 * sum(decimal(p,s)) is decimal(38,s) in Trino, and a total past 38 digits fails with "Decimal overflow"
 * (NUMERIC_VALUE_OUT_OF_RANGE, DecimalSumAggregation); DuckDB sums into a HUGEINT (up to about 1.7e38) and wrote the
 * 39-digit total into the decimal(38,s) unchecked. The largest decimal(38,s) is a constant per type, so a total is
 * checked with one comparison. Other types pass unchanged.
 */
const LARGEST_OF_SCALE = `cast_to_type(repeat('9', 38 - ${S}) || CASE WHEN ${S} > 0 THEN '.' || repeat('9', ${S}) ELSE '' END, v)`;
// A sum past 38 digits fails as Trino's decimal sum does; an interval's sum of milliseconds, typed VARCHAR (macros.ts
// trino_sum_type), is made an interval again, as days and milliseconds (trino_interval_from_millis; to_milliseconds alone
// failed past 2^63 microseconds, where Trino 476's sum of INTERVAL '100000000' DAY twice is 200000000 00:00:00.000). In
// a lambda: a typed macro does not see an aggregate's type.
const SUM_CHECKED = `list_transform([x], lambda v: trino_sum_back(v))[1]`;
const SUM_BACK = `(v VARCHAR) AS trino_interval_from_millis(CAST(v AS BIGINT)),
  (v) AS CASE WHEN ${IS_DECIMAL} AND abs(v) > ${LARGEST_OF_SCALE} THEN cast_to_type(trino_fail('Decimal overflow'), v) ELSE v END`;
/**
 * sum(x) cast to its Trino type (the witness w, macros.ts trino_sum_type) and checked. A real total is summed as a
 * double and made real as Java's (float) cast does: past the range it is ±Infinity (Trino 476: sum of REAL '3e38'
 * twice is Infinity, real), where DuckDB's cast failed "out of range". The total and the witness are bound once each,
 * as one struct, and the real case is told by the witness's type; BETWEEN keeps NaN (DuckDB orders it above Infinity).
 */
const SUM_TYPED_OF = (
  total: string,
): string => `list_transform([{'s': coalesce(${total}), 'w': coalesce(w)}], lambda p: trino_sum_back(CASE WHEN typeof(struct_extract(p, 'w')) = 'FLOAT'
  THEN cast_to_type(CASE WHEN abs(struct_extract(p, 's')) BETWEEN ${FLOAT_OVERFLOW} AND 'Infinity'::DOUBLE THEN sign(struct_extract(p, 's')) * 'Infinity'::DOUBLE ELSE struct_extract(p, 's') END, struct_extract(p, 'w'))
  ELSE cast_to_type(struct_extract(p, 's'), struct_extract(p, 'w')) END))[1]`;
const SUM_TYPED = SUM_TYPED_OF('s');
const BIGINT_MIN = '-9223372036854775808::HUGEINT';
const BIGINT_MAX = '9223372036854775807::HUGEINT';
const SUM_ORDER_REFUSAL = `'sum() of bigint values (or of intervals, as milliseconds) whose running total can leave the bigint range before coming back is refused locally: Athena adds in an order its plan chooses and fails (bigint addition overflow) in some orders, answers in others; the local engine sums exactly. Sum bigints as decimals, sum(CAST(x AS decimal(38, 0))), for the exact total on both'`;
export const DECIMAL_MACROS: readonly string[] = [
  // A NULL of type decimal(s, s) under key 's<s>', of no type under 'n': DuckDB's common type of several of them keeps
  // the largest scale (the set operation check, translate/set-operation-types.ts).
  `trino_scale_nulls() AS {'n': NULL, ${WIDTHS.map((k) => `'s${k}': NULL::DECIMAL(${k}, ${k})`).join(', ')}}`,
  // The key of trino_scale_nulls for a type name t (typeof([x])): 's<scale>' for a decimal of scale > 0, else 'n'. One
  // expression naming t once, where `CASE WHEN trino_type_scale(t) > 0 THEN 's' || trino_type_scale(t) ELSE 'n' END`
  // named it six times (issue 18: a witness per column per branch of each set operation, 44 in the SCD2 MERGE).
  `trino_scale_key(t) AS coalesce('s' || nullif(regexp_extract(t, '^DECIMAL\\([0-9]+,([1-9][0-9]*)\\)', 1), ''), 'n')`,
  `trino_sum_checked(x) AS ${SUM_CHECKED}, (s, w) AS ${SUM_TYPED}, (s, w, trino_pos) AS ${SUM_TYPED_OF('trino_sum_orderless(s, trino_pos)')}`,
  `trino_sum_back${SUM_BACK}`,
  // sum(x) of bigints, total s, with p the sum of its positive values (macros.ts trino_sum_positive; a DOUBLE NULL for other
  // types): where s is in the bigint range but the positive values or the negative ones (s - p) alone are not, Trino
  // 476's answer depends on the order it adds in (it fails once a running total leaves the range: 9223372036854775807,
  // 1, -1 fails, -1, 9223372036854775807, 1 answers), so the local sum is refused. A total out of the range fails in
  // every order, as the cast to bigint does here. Each operand is bound once (trino_sum_checked(s, w, p) above). Told
  // apart by p's type alone: DuckDB would cast a decimal or double total s to a HUGEINT parameter.
  `trino_sum_orderless(s, p HUGEINT) AS list_transform([{'s': coalesce(s), 'p': coalesce(p)}], lambda q: CASE
     WHEN struct_extract(q, 's') BETWEEN ${BIGINT_MIN} AND ${BIGINT_MAX} AND (struct_extract(q, 'p') > ${BIGINT_MAX}
       OR struct_extract(q, 's') - struct_extract(q, 'p') < ${BIGINT_MIN})
     THEN cast_to_type(trino_fail(${SUM_ORDER_REFUSAL}), struct_extract(q, 's')) ELSE struct_extract(q, 's') END)[1], (s, p) AS s`,
  // A windowed sum of bigints wraps around in Trino 476 (sum(x) OVER () of 9223372036854775807 and 1 is
  // -9223372036854775808; running and sliding frames alike), where the cast to bigint fails: the HUGEINT total is
  // wrapped into 64 bits first. Only under a bigint witness (integers of every width; told apart by the witness's type
  // alone, as DuckDB would cast a decimal total to a typed parameter); an interval's milliseconds are not wrapped.
  `trino_sum_windowed(s, w) AS list_transform([{'s': coalesce(s), 'w': coalesce(w)}], lambda trino_sw: trino_sum_checked(trino_sum_wrap(struct_extract(trino_sw, 's'), struct_extract(trino_sw, 'w')), struct_extract(trino_sw, 'w')))[1]`,
  `trino_sum_wrap(s, w BIGINT) AS (((s + 9223372036854775808::HUGEINT) % 18446744073709551616::HUGEINT + 18446744073709551616::HUGEINT) % 18446744073709551616::HUGEINT) - 9223372036854775808::HUGEINT, (s, w) AS s`,
  // - 0 as a decimal(1,0): DuckDB's floor of an integer is a double, of an exact decimal an exact decimal. Minus,
  // because -0.0 + 0.0 is +0.0 where Trino's floor(-0.0) and ceil(-0.0) keep -0.0 (1 / floor(x) is -Infinity). Of
  // scale 0, so that a decimal(38,0) keeps its type (Trino 476: ceil(DECIMAL '99999999999999999999999999999999999999')
  // is that value, decimal(38,0); a decimal(2,1) 0.0 made it a decimal(38,1), which failed to hold it).
  `trino_floor(x) AS ${bound(SCALE_38_FAILS('floor(v - 0::DECIMAL(1,0))'), ROUNDED)}`,
  `trino_ceil(x) AS ${bound(SCALE_38_FAILS('ceil(v - 0::DECIMAL(1,0))'), ROUNDED)}`,
  // round(x): Java Math.round (half up on the scaled double) for double and real, half away from zero otherwise.
  `trino_round_whole(x) AS ${bound(`CASE WHEN ${T} IN ('DOUBLE', 'FLOAT') THEN cast_to_type(trino_java_round(CAST(v AS DOUBLE), 0), v) ELSE round(v) END`, ROUNDED)}`,
  // round(x, d): an integer is rounded as a HUGEINT and cast back: DuckDB's round(integer, -n) wraps around
  // (round(2147483647, -1) is -2147483646), where Trino fails (integer overflow). Trino's 10^-d is a long, so d <= -19
  // fails for every integer, 0 too (round(15, -19): "numerical overflow: 15"); DuckDB answered 0. A decimal: ROUND_PLACES.
  `trino_round_places(x, d) AS CASE WHEN typeof(x) IN ('DOUBLE', 'FLOAT') THEN cast_to_type(trino_java_round(CAST(x AS DOUBLE), d), x)
     WHEN typeof(x) IN ${INTEGER_KINDS} AND d <= -19 AND x IS NOT NULL THEN cast_to_type(trino_fail('numerical overflow: ' || x), x)
     WHEN typeof(x) IN ${INTEGER_KINDS} THEN cast_to_type(round(CAST(x AS HUGEINT), d), x)
     ELSE ${ROUND_PLACES} END`,
  `trino_truncate_decimal(x, n) AS ${TRUNCATE_PLACES}`,
  `trino_truncate_whole(x) AS ${bound('trunc(v)', `CASE WHEN ${P} IS NOT NULL THEN greatest(1, ${P} - ${S}) END`)}`,
  // An integer kind, double or real keeps its type; NaN for NaN, and a double zero itself (Java's Math.signum(-0.0) is -0.0).
  `trino_sign(x) AS ${bound(`CASE WHEN ${T} IN ('DOUBLE', 'FLOAT') AND (isnan(v) OR v = 0) THEN v ELSE sign(v) END`, `CASE WHEN ${IS_DECIMAL} THEN 1 END`)}`,
];
