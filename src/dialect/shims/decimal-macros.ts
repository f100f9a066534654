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
export const DECIMAL_MACROS: readonly string[] = [
  // + 0.0 (a decimal(2,1)): DuckDB's floor of an integer is a double, of an exact decimal an exact decimal.
  `trino_floor(x) AS ${bound('floor(v + 0.0)', ROUNDED)}`,
  `trino_ceil(x) AS ${bound('ceil(v + 0.0)', ROUNDED)}`,
  // round(x): Java Math.round (half up on the scaled double) for double and real, half away from zero otherwise.
  `trino_round_whole(x) AS ${bound(`CASE WHEN ${T} IN ('DOUBLE', 'FLOAT') THEN cast_to_type(trino_java_round(CAST(v AS DOUBLE), 0), v) ELSE round(v) END`, ROUNDED)}`,
  // round(x, d): x + x is decimal(p + 1, s) in DuckDB too. An integer is rounded as a HUGEINT and cast back:
  // DuckDB's round(integer, -n) wraps around (round(2147483647, -1) is -2147483646), where Trino fails (integer
  // overflow).
  `trino_round_places(x, d) AS CASE WHEN typeof(x) IN ('DOUBLE', 'FLOAT') THEN cast_to_type(trino_java_round(CAST(x AS DOUBLE), d), x)
     WHEN typeof(x) IN ${INTEGER_KINDS} THEN cast_to_type(round(CAST(x AS HUGEINT), d), x)
     ELSE cast_to_type(round(x, d), x + x) END`,
  `trino_truncate_whole(x) AS ${bound('trunc(v)', `CASE WHEN ${P} IS NOT NULL THEN greatest(1, ${P} - ${S}) END`)}`,
  // An integer kind, double or real keeps its type; NaN for NaN.
  `trino_sign(x) AS ${bound(`CASE WHEN ${T} IN ('DOUBLE', 'FLOAT') AND isnan(v) THEN v ELSE sign(v) END`, `CASE WHEN ${IS_DECIMAL} THEN 1 END`)}`,
];
