// Trino functions as DuckDB macros under `trino_*` names (the translator renames calls to them; built-ins are never
// shadowed). Macros are inlined at bind time, so they cost nothing per row beyond the expression they expand to.
//
// Type dispatch without type knowledge in the translator:
// - typed overloads (`(x TZ_STRUCT)` + untyped fallback) let DuckDB's binder pick by argument type. Only types
//   nothing else casts to implicitly are safe as typed parameters (a `(x DOUBLE)` overload would catch integers).
// - `cast_to_type(value, witness)` gives a result the witness's type; the witness is dropped at plan time.
// - `typeof(x)` folds to a constant, so `CASE WHEN typeof(x) …` branches cost nothing; each branch is wrapped in
//   cast_to_type so the CASE does not unify branch types.
import { MULTI_CHARACTER_FOLDS } from '../translate/java-regex.js';
import { FAIL_MARKER } from './fail-marker.js';
import { REFUSED_KEY_MARKER } from './error-messages.js';
import { IP_FIELD, IP_STRUCT } from './ip-address.js';
import { floatingToVarchar } from './json-canonical.js';
import { HAS_ZONED_ELEMENTS, IS_NESTED, IS_ZONED_VALUE, SEARCH_KEYS } from './nested-type.js';
import { JODA_HISTORY_LATEST } from './joda-zones.js';

/**
 * Trino `timestamp with time zone` keeps its zone; DuckDB's TIMESTAMPTZ does not. Zoned values are this struct:
 * the instant first (so ordering follows the instant), the zone name (`UTC`, `+02:00`, `Europe/Berlin`) and the
 * wall-clock time in that zone (what hour(), date_trunc, CAST(… AS timestamp) see).
 */
export const TZ_STRUCT = 'STRUCT(trino_instant TIMESTAMPTZ, trino_zone VARCHAR, trino_wall TIMESTAMP)';
export const TZ_FIELDS = ['trino_instant', 'trino_zone', 'trino_wall'] as const;
/**
 * Trino's timestamp(0) with time zone (a zoned literal without a fraction, a timestamp(0) put into a zone): the same
 * struct with a TIMESTAMP_S wall clock, so its text has no fraction (trino_timestamp_text reads the wall's type), and
 * the common type with timestamp(3) with time zone (ARRAY, CASE, UNION: DuckDB casts TIMESTAMP_S to TIMESTAMP) is
 * TZ_STRUCT, as Trino's is timestamp(3) with time zone.
 */
export const TZ0_STRUCT = 'STRUCT(trino_instant TIMESTAMPTZ, trino_zone VARCHAR, trino_wall TIMESTAMP_S)';

/**
 * The overloads of a shim over a zoned argument x (`head` and `tail`: the parameters around it). A timestamp(0) with
 * time zone would take the TZ_STRUCT overload through DuckDB's implicit cast of the struct and come back as
 * timestamp(3): it has its own overload, `tz0(x)`. An untyped NULL would then match both typed overloads (DuckDB: "has
 * multiple overloads"): it takes the timestamp(3) answer, as it did with one typed overload.
 */
const zonedOverloads = (head: string, tail: string, tz3: (x: string) => string, tz0: (x: string) => string): string =>
  `(${head}x ${TZ_STRUCT}${tail}) AS ${tz3('x')},
     (${head}x ${TZ0_STRUCT}${tail}) AS ${tz0('x')},
     (${head}x "NULL"${tail}) AS ${tz3(`CAST(x AS ${TZ_STRUCT})`)}`;
/** A zoned answer computed at timestamp(3) and given back x's precision 0 (whole seconds already: an exact cast). */
const keptAtSeconds = (tz3: (x: string) => string) => (x: string) => `cast_to_type(${tz3(x)}, ${x})`;

/** `then` where the interval i is whole days, Trino 476's failure for a date otherwise ('add … to', 'subtract … from'). */
const wholeDays = (what: string, then: string, x = 'x', i = 'i') =>
  `CASE WHEN epoch_us(${i}) % 86400000000 <> 0 THEN cast_to_type(trino_fail('Cannot ${what} a date'), ${x}) ELSE ${then} END`;

/** Trino 476's TYPE_MISMATCH for a time of day and a year-month interval. */
const TIME_YEAR_MONTH = (op: '+' | '-') => `cast_to_type(trino_fail('Cannot apply operator: time(3) ${op} interval year to month'), x)`;

/**
 * A time of day plus a day-to-second interval i (minus is plus -i). Trino 476 adds picoseconds in a long, the
 * interval's milliseconds times 10^9, and takes the sum modulo a day: where the sum passes a long (i over ~106 days,
 * less the time; the product alone may wrap, the sum comes back) it answers another time or fails (TIME '12:00:00.000' + INTERVAL '107' DAY: "picos contains data
 * beyond specified precision"), where DuckDB gave 12:00:00.000; refused there (found by hunt39). x is named once, as
 * a lambda's parameter.
 */
const TIME_PLUS_DAY_SECOND = `list_transform([x], lambda trino_t: CASE
     WHEN list_transform([CAST(epoch_us(i) AS HUGEINT) // 1000 * 1000000000], lambda trino_p:
       NOT (CAST(epoch_us(trino_t) AS HUGEINT) * 1000000 + trino_p BETWEEN -9223372036854775808 AND 9223372036854775807))[1]
     THEN cast_to_type(trino_fail('A time of day plus or minus an interval past about 106 days is refused locally: Trino''s time arithmetic overflows there (it fails or answers another time)'), trino_t)
     ELSE trino_t + i END)[1]`;

/**
 * Trino 476's AMBIGUOUS_FUNCTION_CALL for sequence(NULL, NULL): two values of no type match the bigint, date and
 * timestamp forms alike (DuckDB picked the date form and answered a NULL array(date); found by hunt39). With this
 * overload DuckDB's binder finds several forms for a NULL-typed pair and fails ("multiple overloads"), as Trino does.
 */
const SEQUENCE_OF_NULLS = 'sequence(NULL, NULL): Could not choose a best candidate operator. Explicit type casts must be added.';

/** Trino 476's FUNCTION_NOT_FOUND for sequence(timestamp, timestamp): timestamps need a step. */
const SEQUENCE_WITHOUT_STEP = (type: string) =>
  `Unexpected parameters (${type}, ${type}) for function sequence. Expected: sequence(bigint, bigint), sequence(bigint, bigint, bigint), sequence(date, date), sequence(date, date, interval day to second), sequence(date, date, interval year to month), sequence(timestamp(p), timestamp(p), interval day to second), sequence(timestamp(p), timestamp(p), interval year to month)`;

export const OFFSET_ZONE = `'^[+-][0-9]{2}:[0-9]{2}$'`;
const FLOATING = `('DOUBLE', 'FLOAT')`;
/** approx_percentile answers as Trino 476's t-digest up to this many values (macros below), and is refused past it. */
const EXACT_PERCENTILE_VALUES = 39;
const PERCENTILE_REFUSAL = `'approx_percentile over more than ${EXACT_PERCENTILE_VALUES} values is refused locally: Athena''s t-digest then interpolates between neighbouring values, which the local engine does not reproduce (it picks the sorted element at floor(p * n))'`;
/**
 * The smallest double that Java's (float) cast rounds to Infinity (FLT_MAX plus half its last unit; ties go to even,
 * away from FLT_MAX's odd mantissa): CAST(double AS real) from there on is ±Infinity in Trino 476, an "out of range"
 * failure in DuckDB, which rounds the doubles below it to FLT_MAX as Java does.
 */
export const FLOAT_OVERFLOW = '3.4028235677973366e38';
/**
 * The operands a and b as the struct {a, b}. Each is wrapped in coalesce(): DuckDB 1.5 loses a struct field's name when
 * its value is a macro call reading an outer column inside a subquery (`(SELECT a[t.i] + 1 FROM …)`: trino_plus of
 * trino_subscript failed "Need named argument for struct pack"); coalesce of one value is that value.
 */
const OPERAND_PAIR = "{'a': coalesce(a), 'b': coalesce(b)}";
/**
 * A decimal operand x of an operator whose other operand y is a real or a double: Trino 476 makes x that type by its
 * own rule (trino_floating_operand below: DECIMAL '16777217.5' + REAL '0' is 16777218, DECIMAL '400149.50' + REAL '0'
 * 400149.53), where DuckDB's implicit cast differs (16777216, 400149.5; a decimal of more than 15 digits: DECIMAL
 * '9007199254740993.0000000001' + DOUBLE '0' was 9007199254740992, Trino …994); the explicit CAST takes the same rule
 * (trino_to_float, trino_to_double). A decimal of up to 7 digits (to a real) or 15 (to a double) keeps DuckDB's cast,
 * exact there; a constant tag (UUID or INTERVAL: convert, BIT: keep x) picks the overload of trino_floating_operand while DuckDB
 * binds, so other operands pay nothing per row.
 */
const floatingOperand = (x: string, y: string) =>
  `trino_floating_operand(${x}, ${y}, from_json('null', CASE WHEN typeof([${x}]) LIKE 'DECIMAL%' AND trino_type_precision(typeof([${x}]))
       > CASE typeof([${y}]) WHEN 'FLOAT[]' THEN 7 WHEN 'DOUBLE[]' THEN 15 ELSE 38 END
       THEN CASE WHEN trino_type_precision(typeof([${x}])) + trino_type_scale(typeof([${x}])) <= 18 THEN '"UUID"' ELSE '"INTERVAL"' END ELSE '"BIT"' END))`;
/**
 * `name(a, b)`: a one-element list of {a, b, w, s}, a and b bound once; w a NULL of the type `typeName` gives the
 * result of a op b (DuckDB's type of a op b is its third argument), s the scale of b.
 */
const typedOperands = (name: string, typeName: string, op: string, more = '') =>
  `${name}(a, b) AS list_transform([${OPERAND_PAIR}], lambda trino_ab: {'a': ${floatingOperand("trino_ab['a']", "trino_ab['b']")},
     'b': ${floatingOperand("trino_ab['b']", "trino_ab['a']")},
     'w': cast_to_type(NULL, from_json('null', '"' || ${typeName}(typeof([trino_ab['a']]), typeof([trino_ab['b']]), typeof([trino_ab['a'] ${op} trino_ab['b']])) || '"')),
     's': trino_type_scale(typeof([trino_ab['b']]))${more}})`;
/**
 * The operands of a + b or a - b (typedOperands) with v, a NULL of the type the left operand is computed in
 * (trino_addend_type; to_json quotes any type name, a zoned struct's or a NULL's too).
 */
const sumOperands = (name: string, op: '+' | '-') =>
  typedOperands(
    name,
    'trino_addition_type',
    op,
    `,
     'v': cast_to_type(NULL, from_json('null', to_json(trino_addend_type(typeof([trino_ab['a']]), typeof([trino_ab['b']])))))`,
  );
/** a + b or a - b (fn: add or subtract) in Trino's type (trino_addition_type), the left operand cast to v first. */
const typedSum = (operands: string, fn: 'add' | 'subtract') =>
  `list_transform(${operands}(a, b), lambda trino_abw: cast_to_type(${fn}(cast_to_type(trino_abw['a'], trino_abw['v']), trino_abw['b']), trino_abw['w']))[1]`;
/** DATE - DATE: an interval day to second in Trino 476, DuckDB's a BIGINT count of days. */
const DATE_DIFFERENCE = '(a - b) * INTERVAL 1 DAY';
/**
 * The typed arithmetic `typed` only where Trino's decimal rules may apply (an operand is a decimal) or a is NULL-typed
 * (cast to b's type first); any other pair (doubles, reals, a double beside a decimal, text, dates) gets `fn(a, b)` itself,
 * which is what the typed form computes there (v is a's own type, w the type of `a op b`) at ~0.3 ms of binding
 * instead of ~3 ms: a constant tag of type BIT (plain) or UUID (typed), which no other type casts to implicitly, picks
 * the overload while DuckDB binds (a DOUBLE overload would also take decimals and reals).
 */
const unlessDecimal = (name: string, fn: 'add' | 'subtract' | 'multiply', typed: string): string =>
  `${name}(a, b, trino_plain BIT) AS ${fn}(a, b), (a, b, trino_plain) AS ${typed}`;
const DECIMAL_OR_NULL_TAG = `from_json('null', CASE WHEN typeof([a]) LIKE 'DECIMAL%' OR typeof([b]) LIKE 'DECIMAL%' OR typeof([a]) = '"NULL"[]'
     THEN '"UUID"' ELSE '"BIT"' END)`;
const decimalDispatch = (name: string) => `${name}(a, b, ${DECIMAL_OR_NULL_TAG})`;
const TYPED_SUM = decimalDispatch('trino_typed_sum');
const TYPED_DIFFERENCE = decimalDispatch('trino_typed_difference');
/**
 * The typed overloads of a + b or a - b that keep DuckDB's add() or subtract(): integers of one type, and dates,
 * timestamps and intervals, which bind at no cost (the typed sum's lambda costs milliseconds of binding per call). No
 * decimal casts implicitly to these types; a double overload would take decimals, so doubles take the typed sum.
 * Narrower integers first: a pair of two integer types takes the wider type's, as add() does.
 */
const sumOverloads = (fn: 'add' | 'subtract') => [
  ...['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'INTERVAL'].map((t) => `(a ${t}, b ${t}) AS ${fn}(a, b)`),
  // DATE ± NULL stays a date (Trino's too), which the interval's overload would make a timestamp.
  `(a DATE, b "NULL") AS ${fn}(a, b)`,
  ...(fn === 'add' ? ['(a "NULL", b DATE) AS add(a, b)'] : []),
  // DATE ± an interval (a column's: a literal takes trino_plus_day_second) is a date in Trino 476, moved by whole days
  // only ("Cannot add hour, minutes or seconds to a date"); DuckDB's is a timestamp.
  `(a DATE, b INTERVAL) AS ${wholeDays(fn === 'add' ? 'add hour, minutes or seconds to' : 'subtract hour, minutes or seconds from', `CAST(${fn}(a, b) AS DATE)`, 'a', 'b')}`,
  `(a TIMESTAMP, b INTERVAL) AS ${fn}(a, b)`,
  ...(fn === 'add'
    ? [`(a INTERVAL, b DATE) AS ${wholeDays('add hour, minutes or seconds to', 'CAST(add(a, b) AS DATE)', 'b', 'a')}`, '(a INTERVAL, b TIMESTAMP) AS add(a, b)']
    : ['(a TIMESTAMP, b TIMESTAMP) AS subtract(a, b)']),
];
/**
 * `name(a, b)` choosing among typed overloads (`levels`, else `fallback`). DuckDB binds a typed macro's arguments once
 * more to pick the overload, so nested typed macros (a chain a + b + c …) doubled the binding of their operands at each
 * step (five decimal terms: 108 ms). Here a and b are bound once, as the fields of a lambda's parameter, and the
 * overload is picked on those fields: one typed overload per macro (name_1, name_2 …, each falling back to the next),
 * as a macro's body may call a macro of one typed overload only (DuckDB checks the call when it creates the macro,
 * where any overload matches the untyped operands). The lambda also types an aggregate or an outer reference.
 */
const overloadChain = (name: string, levels: readonly string[], fallback: string): string[] => [
  `${name}(a, b) AS list_transform([${OPERAND_PAIR}], lambda trino_ab: ${name}_1(trino_ab['a'], trino_ab['b']))[1]`,
  ...levels.map((level, i) => `${name}_${i + 1}${level}, (a, b) AS ${i + 1 < levels.length ? `${name}_${i + 2}(a, b)` : fallback}`),
];
/** a * b in Trino's type (trino_product_type), the left operand widened for decimals (see trino_multiply). */
const TYPED_PRODUCT = `list_transform(trino_product_operands(a, b), lambda trino_abw: cast_to_type(multiply(multiply(trino_abw['a'],
       cast_to_type(1, from_json('null', CASE WHEN typeof(trino_abw['w']) LIKE 'DECIMAL%' THEN '"DECIMAL(19,0)"' ELSE '"TINYINT"' END))),
     trino_abw['b']), trino_abw['w']))[1]`;
/** Half a unit of the last digit of w's decimal type (5e-3 for decimal(10,2)), as the double DuckDB reads from that text. */
const HALF_UNIT_OF_SCALE = "CAST('5e-' || (trino_type_scale(typeof(w)) + 1) AS DOUBLE)";
/** typeof([x]) of a double or a real. */
const FLOATING_KINDS = `('DOUBLE[]', 'FLOAT[]')`;
/** typeof([x]) of an exact number that is not a decimal, or of a NULL. */
const EXACT_KINDS = `('TINYINT[]', 'SMALLINT[]', 'INTEGER[]', 'BIGINT[]', 'HUGEINT[]', '"NULL"[]')`;
/** CAST(double or real AS varchar) of x: Trino's scientific text, 1.5E0. */
export const DOUBLE_TO_VARCHAR = floatingToVarchar('x');

/**
 * CAST(decimal AS varchar): Trino's BigDecimal text keeps the 0 before the point (-0.5, 0.005); DuckDB drops it when
 * the decimal has no integer digits (DECIMAL(1,1) '-0.5' gives -.5).
 */
export const DECIMAL_TO_VARCHAR = `regexp_replace(CAST(x AS VARCHAR), '^(-?)\\.', '\\10.')`;

/** CAST(date AS varchar): Trino's year text outside the years 1000-9999 (trino_date_text). */
export const DATE_TO_VARCHAR = (x: string) => `trino_date_text(CAST(${x} AS DATE))`;
/**
 * CAST(interval AS varchar): Trino's `D HH:MM:SS.mmm` of a day-to-second interval (`-0 01:00:00.000`, `1 12:00:00.000`
 * for 36 hours), where DuckDB writes `1 day -01:00:00`. Through VARCHAR, so the branch binds for any x.
 */
export const INTERVAL_TO_VARCHAR = 'trino_interval_text(CAST(CAST(x AS VARCHAR) AS INTERVAL))';
/** CAST(x AS varchar) where DuckDB's text is Trino's: integers, booleans, varchar, and the types no branch names. */
export const OWN_TEXT_TO_VARCHAR = (x: string) => `CAST(${x} AS VARCHAR)`;

/**
 * CAST(x AS varchar) for an x of a DuckDB type the translator knows (the operand is a CAST to it): the branch the
 * general trino_to_varchar takes for that type. The general macro's CASE on typeof(x) folds at run time, but DuckDB
 * binds every branch (JSON, double, decimal, timestamp texts) whatever the type: ~4 ms of planning per call, most of
 * binding a model with a period filter (CAST(CAST(${period_start} AS DATE) AS VARCHAR)).
 */
export const VARCHAR_OF_KNOWN_TYPE: Readonly<Record<string, (x: string) => string>> = {
  DATE: DATE_TO_VARCHAR,
  ...Object.fromEntries(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'BOOLEAN', 'VARCHAR'].map((t) => [t, OWN_TEXT_TO_VARCHAR])),
};

/** x is an array, map or row (a zoned timestamp or ipaddress struct is matched by an earlier branch or overload). */
export const IS_NESTED_TYPE = `(typeof(x) LIKE '%[]' OR typeof(x) LIKE 'MAP(%' OR typeof(x) LIKE 'STRUCT(%')`;
/** Trino 476: "TYPE_MISMATCH: Cannot cast array(integer) to varchar" (also map and row); DuckDB writes its own text. */
/** Trino 476 has no cast from varbinary to varchar (TYPE_MISMATCH); DuckDB decoded the bytes. */
export const VARBINARY_TO_VARCHAR_FAIL = `cast_to_type(trino_fail('Cannot cast varbinary to varchar; write from_utf8(b)'), '')`;
export const NESTED_TO_VARCHAR_FAIL = `cast_to_type(trino_fail('Cannot cast an array, map or row to varchar; write json_format(CAST(x AS JSON)) or array_join(x, sep)'), '')`;
/** Trino's substr failure where its 32-bit end position wraps around (trino_substr). */
const SUBSTR_RANGE_FAIL = `'Range out of bounds: substr''s start and length end past position 2147483647 (Athena fails with GENERIC_INTERNAL_ERROR "Range [i, i + n) out of bounds"); give a length that ends within the value'`;

/** A DuckDB type name with the field of each row without field names named trino_field_0 (trino_unknown_marked). */
const nameAnonymousFields = (type: string) => `regexp_replace(${type}, 'STRUCT\\(([A-Z])', 'STRUCT(trino_field_0 \\1', 'g')`;

/**
 * A NULL DuckDB does not fold: it folds a call whose argument is a constant NULL into an untyped NULL, so
 * `-CAST(NULL AS decimal(10,2))` would be `integer` where Trino keeps decimal(10,2). current_query() is not folded, so
 * a NULL conditioned on it keeps the type it is cast to.
 */
export const UNFOLDED_NULL = "(CASE WHEN current_query() IS NULL THEN '' END)";

/**
 * to_iso8601 of a zoned value: its wall clock at its precision and the offset. An offset of whole minutes only: Trino
 * 476 fails on a local mean time's (Asia/Kolkata before 1942: INVALID_ARGUMENTS "Timezone with non-zero seconds
 * offset cannot be rendered as ISO8601: +05:21:10"), where the minutes alone were written.
 */
const isoText = (x: string) => `list_transform([CAST(round(epoch(${x}.trino_wall) - epoch(timezone('UTC', ${x}.trino_instant))) AS BIGINT)],
       lambda trino_s: CASE WHEN trino_s % 60 <> 0
         THEN trino_fail_as('Timezone with non-zero seconds offset cannot be rendered as ISO8601: ' || CASE WHEN trino_s < 0 THEN '-' ELSE '+' END
           || lpad(CAST(abs(trino_s) // 3600 AS VARCHAR), 2, '0') || ':' || lpad(CAST(abs(trino_s) // 60 % 60 AS VARCHAR), 2, '0')
           || ':' || lpad(CAST(abs(trino_s) % 60 AS VARCHAR), 2, '0'), '')
         ELSE trino_timestamp_text(${x}.trino_wall, 'T') || trino_iso_offset(trino_s // 60) END)[1]`;
/** x + a year-month interval, or (by value) a day-to-second one. */
const zonedPlus = (x: string) => `list_transform([${x}], lambda trino_x: list_transform([i], lambda trino_d:
       CASE WHEN datepart('year', trino_d) = 0 AND datepart('month', trino_d) = 0
       THEN trino_tz_plus_elapsed(trino_x, trino_d) ELSE trino_tz_plus_wall(trino_x, trino_d) END)[1])[1]`;
const zonedDateAdd = (x: string) => `list_transform([${x}], lambda trino_x: CASE
       WHEN lower(unit) IN ('millisecond', 'second', 'minute', 'hour')
       THEN trino_tz_plus_elapsed(trino_x, trino_interval(unit, trino_date_add_count(n)))
       ELSE trino_tz_plus_wall(trino_x, trino_interval(unit, trino_date_add_count(n))) END)[1]`;
const zonedDateTrunc = (x: string) => `list_transform([${x}], lambda trino_x: CASE
       WHEN lower(unit) IN ('millisecond', 'second', 'minute', 'hour') THEN trino_tz_from_instant(
         trino_x.trino_instant - (trino_x.trino_wall - date_trunc(unit, trino_x.trino_wall)), trino_x.trino_zone)
       ELSE trino_tz_from_wall(date_trunc(unit, trino_x.trino_wall), trino_x.trino_zone) END)[1]`;

export const MACROS: readonly string[] = [
  // DuckDB binds a member or subscript of a JSON value (j.foo, o.j.foo, j[1], j['k']) as a call of json_extract(j, …)
  // that it looks up by name; Trino 476 has neither ("Expression j is not of type ROW", "Cannot use integer for
  // subscript of json"). Shadowed by this macro, the call
  // DuckDB builds fails while binding ("Cannot copy bound expression", reworded by error-messages.ts), over no rows
  // too; a call written json_extract(…) still reaches the built-in (the translator names Trino's json_extract
  // trino_json_extract, so only DuckDB's own rewrites get here).
  'json_extract(j, path) AS system.main.json_extract(j, path)',
  // error() is volatile, and TRY() refuses volatile arguments: a failing cast raises instead, so TRY(a / 0) works.
  // The marker lets the engine show Trino's message alone (failureMessage), not DuckDB's conversion error.
  `trino_fail(message) AS CAST('${FAIL_MARKER}' || message AS INTEGER)`,
  // trino_fail typed like \`witness\`, which may be NULL-typed (an element of ARRAY[] is unknown in Trino), where
  // cast_to_type refuses to cast to NULL. The failure is an index, not a CASE condition: DuckDB evaluates a constant
  // condition while planning, even in a branch no row reaches, so `m['k']` of a map column failed with "Key not present
  // in map" when the key was a literal (a constant argument that fails is left for the rows to evaluate).
  `trino_fail_as(message, witness) AS [witness][trino_fail(message)]`,
  // A ROWS or GROUPS frame offset (translate/window-keys.ts): Trino fails on a negative or NULL one, where DuckDB's
  // ROWS frame was empty (NULL sums) or ended at the current row.
  `trino_frame_offset(n) AS CASE WHEN n >= 0 THEN n ELSE trino_fail_as('Window frame offset value must not be negative or null', n) END`,
  // A bare condition (translate/condition-types.ts): x itself where x is a boolean or NULL (the struct's key is
  // 'trino_v' once bound, and x AND TRUE folds to x); a binder error naming the type otherwise (error-messages.ts).
  // The type is read as typeof([x]): DuckDB does not fold typeof(x) of a NULL-typed column (`(VALUES NULL) t(x)`),
  // and the key was then no constant ("Key name for struct_extract needs to be a constant string").
  `trino_condition(x, context) AS x AND {'trino_v': true}[CASE WHEN typeof([x]) IN ('BOOLEAN[]', '"NULL"[]') THEN 'trino_v' ELSE '${REFUSED_KEY_MARKER}condition ' || context || ' ' || regexp_replace(typeof([x]), '\\[\\]$', '') END]`,
  // A RANGE frame offset, a number or an interval (n - n is its zero): Trino fails on a NULL or negative one, where
  // DuckDB measured a NULL one as none and read no offset of a row whose key is NULL.
  `trino_range_offset(n) AS CASE WHEN n IS NULL OR n < n - n THEN trino_fail_as('Window frame offset value must not be negative or null', n) ELSE n END`,
  // --- zoned timestamps -------------------------------------------------------------------------------------------
  `trino_offset_minutes(zone) AS (CASE WHEN zone[1] = '-' THEN -1 ELSE 1 END) *
     (CAST(zone[2:3] AS INTEGER) * 60 + CAST(zone[5:6] AS INTEGER))`,
  // The UTC offset of a named zone at an instant.
  `trino_zone_offset(zone, instant) AS timezone(zone, instant) - timezone('UTC', instant)`,
  // The instant of a wall clock in a named zone, as Joda (Trino) resolves it: a wall clock that occurs twice (the
  // hour after a fall-back) is its earlier instant, the summer-time one (ICU takes the later: b is the instant with
  // the offset of 3 hours before); one skipped by a spring-forward moves forward by the gap (02:30 Europe/Berlin on
  // 2025-03-30 is 03:30), as ICU does. list_transform([x], lambda …)[1] binds a value once: a macro argument used
  // several times is expanded as many times, and nested macros multiply that.
  `trino_zone_instant(wall, zone) AS list_transform([timezone(zone, wall)], lambda trino_a:
     list_transform([timezone('UTC', wall - trino_zone_offset(zone, trino_a - INTERVAL 3 HOUR))], lambda trino_b:
       CASE WHEN trino_b < trino_a AND timezone(zone, trino_b) = wall THEN trino_b ELSE trino_a END)[1])[1]`,
  // Trino packs a zoned value's UTC millis into 52 bits (DateTimeEncoding.packDateTimeWithZone): an instant past
  // ±2^51 ms fails with "Millis overflow: <millis>" wherever a zoned value is built.
  `trino_tz_from_instant(instant, zone) AS list_transform([instant], lambda trino_i:
     CASE WHEN trino_i IS NOT NULL AND zone IS NOT NULL
       AND NOT epoch_ms(trino_i) BETWEEN -2251799813685248 AND 2251799813685247
     THEN cast_to_type(trino_fail('Millis overflow: ' || epoch_ms(trino_i)), NULL::${TZ_STRUCT})
     WHEN epoch(trino_i) < ${JODA_HISTORY_LATEST} AND trino_joda_history_refused(zone, epoch(trino_i)) THEN NULL
     WHEN trino_i IS NOT NULL AND zone IS NOT NULL THEN struct_pack(
       trino_instant := trino_i,
       trino_zone := zone,
       trino_wall := CASE WHEN regexp_matches(zone, ${OFFSET_ZONE})
         THEN timezone('UTC', trino_i) + to_minutes(trino_offset_minutes(zone))
         ELSE timezone(zone, trino_i) END) END)[1]`,
  // ICU knows named zones, not bare offsets: offsets are applied by hand. The wall clock is read back from the
  // instant, so a skipped wall clock shows where it moved.
  `trino_tz_from_wall(wall, zone) AS trino_tz_from_instant(CASE WHEN regexp_matches(zone, ${OFFSET_ZONE})
       THEN timezone('UTC', CAST(wall AS TIMESTAMP) - to_minutes(trino_offset_minutes(zone)))
       ELSE trino_zone_instant(CAST(wall AS TIMESTAMP), zone) END, zone)`,
  // A zoned literal whose wall clock a spring-forward skips is not a valid literal in Trino (with_timezone moves it).
  `trino_tz_literal(wall, zone) AS list_transform([trino_tz_from_wall(wall, zone)], lambda trino_t:
     CASE WHEN trino_t.trino_wall = wall THEN trino_t
     ELSE cast_to_type(trino_fail('''' || strftime(wall, '%Y-%m-%d %H:%M:%S') || ' ' || zone
       || ''' is not a valid TIMESTAMP literal: that wall clock does not exist in the zone (daylight saving time)'), trino_t) END)[1]`,
  // The wall clock of any datetime: a zoned value's local time, anything else unchanged.
  `trino_wall(x ${TZ_STRUCT}) AS x.trino_wall, (x) AS x`,
  `trino_instant(x ${TZ_STRUCT}) AS x.trino_instant, (x) AS x`,
  // Comparisons with a zoned operand compare instants; a plain TIMESTAMP is read in the session zone (UTC). Both
  // sides become UTC wall-clock TIMESTAMPs, so a plain column is compared as it is (filters still push down).
  `trino_cmp(x ${TZ_STRUCT}) AS timezone('UTC', x.trino_instant), (x) AS x`,
  // The same for a column compared with a column (translate/operators.ts): one of DuckDB's NULL type (VALUES (NULL, 1))
  // would take the struct overload, so it stays itself. Not for a lambda's parameter, whose type is not known yet
  // when the overload is chosen (two overloads would match).
  `trino_cmp_column(x ${TZ_STRUCT}) AS timezone('UTC', x.trino_instant), (x "NULL") AS x, (x) AS x`,
  // The same for an outer column read in a correlated subquery, whose type the overload choice cannot see: the
  // overload is picked inside a lambda over [x], where x has its type (translate/operators.ts instantColumns).
  `trino_cmp_outer(x) AS list_transform([x], lambda trino_o: trino_cmp_column(trino_o))[1]`,
  // The same per element: the list functions below search and deduplicate these keys where the elements are zoned
  // (Trino compares instants), the elements themselves otherwise. x is searched for as the first element of the list
  // it makes with a, so both take DuckDB's common type (the zoned branch binds for ARRAY[], ARRAY[NULL] and an
  // aggregate x too; types without one fail to bind, as they do unzoned).
  `trino_cmp_keys(a) AS list_transform(a, lambda trino_e: trino_cmp(trino_e))`,
  // The keys of an array's elements for contains and array_position (nested-type.ts SEARCH_KEYS): the array itself
  // unless its elements are zoned (one typed overload per macro: the first is for DuckDB's NULL type, ARRAY[]).
  `trino_search_keys(a "NULL"[]) AS a, (a) AS trino_search_zoned_keys(a)`,
  `trino_search_zoned_keys(a ${TZ_STRUCT}[]) AS trino_cmp_keys(a), (a) AS a`,
  // The key of the value searched for: trino_cmp, except for DuckDB's NULL type (it would take the zoned overload).
  `trino_search_key(x "NULL") AS x, (x) AS trino_cmp(x)`,
  `trino_list_contains(a, x) AS CASE WHEN ${HAS_ZONED_ELEMENTS('a')} OR ${IS_ZONED_VALUE('x')}
     THEN list_transform([trino_cmp_keys(list_prepend(x, a))], lambda trino_k: list_contains(trino_k[2:], trino_k[1]))[1]
     ELSE list_contains(a, x) END`,
  `trino_list_position(a, x) AS CASE WHEN ${HAS_ZONED_ELEMENTS('a')} OR ${IS_ZONED_VALUE('x')}
     THEN list_transform([trino_cmp_keys(list_prepend(x, a))], lambda trino_k: list_position(trino_k[2:], trino_k[1]))[1]
     ELSE list_position(a, x) END`,
  `trino_list_has_any(a, b) AS CASE WHEN ${HAS_ZONED_ELEMENTS('a')} OR ${HAS_ZONED_ELEMENTS('b')}
     THEN list_transform([trino_cmp_keys(list_concat(a, b))], lambda trino_k: list_has_any(trino_k[1:len(a)], trino_k[len(a) + 1:]))[1]
     ELSE list_has_any(a, b) END`,
  // Two local groups whose zoned keys have one instant in different zones: one group in Trino (translate/zoned-groups.ts).
  `trino_zoned_groups_apart(n) AS CASE WHEN n > 1 THEN cast_to_type(trino_fail('GROUP BY of timestamp with time zone values is refused locally where values of one instant come in different zones (Athena groups them as one and shows one of them); group by at_timezone(x, ''UTC'') or to_unixtime(x) instead'), true) ELSE true END`,
  // A row's key by instant (translate/zoned-rows.ts): its JSON text without the zone and wall clock of each zoned value,
  // at any depth; two rows DuckDB keeps apart with one key are one row in Trino.
  `trino_row_key(r) AS regexp_replace(CAST(to_json(r) AS VARCHAR), ',"trino_zone":(?:"[^"]*"|null),"trino_wall":(?:"[^"]*"|null)', '', 'g')`,
  // Whether x holds zoned values inside an array, map or row (not a zoned value itself): such keys are compared by
  // trino_row_key (GROUP BY's check, translate/zoned-groups.ts). typeof folds while binding.
  `trino_nested_zoned(x) AS typeof(x) LIKE '%trino\\_instant %' ESCAPE '\\' AND NOT ${IS_ZONED_VALUE('x')}`,
  // true, or a refusal while DuckDB binds where x (a GROUP BY key beside windows and HAVING) holds zoned values: the
  // check of zoned keys cannot count the groups HAVING drops there (translate/zoned-groups.ts). typeof folds.
  `trino_zoned_having_key(x) AS {'trino_v': true}[CASE WHEN typeof([x]) LIKE '%trino\\_instant %' ESCAPE '\\' THEN '${REFUSED_KEY_MARKER}zoned-having-window' ELSE 'trino_v' END]`,
  `trino_zoned_rows_apart(n) AS CASE WHEN n > 0 THEN cast_to_type(trino_fail('DISTINCT, UNION, INTERSECT and EXCEPT of timestamp with time zone values are refused locally where values of one instant come in different zones (Athena compares them by instant and keeps one of them); apply at_timezone(x, ''UTC'') or to_unixtime(x) first'), true) ELSE true END`,
  // min/max of zoned values (translate/zoned-extremes.ts): a zoned value's instant (ascending or descending) and zone,
  // so that max() and min() of these give the largest and smallest zone name among the rows of the extreme instant.
  // An untyped NULL takes this overload uncast: the casts keep epoch_us to one overload.
  `trino_tie_up(x ${TZ_STRUCT}) AS CASE WHEN x IS NOT NULL THEN {'i': epoch_us(CAST(x.trino_instant AS TIMESTAMPTZ)), 'z': CAST(x.trino_zone AS VARCHAR)} END,
     (x) AS NULL::STRUCT(i BIGINT, z VARCHAR)`,
  `trino_tie_down(x ${TZ_STRUCT}) AS CASE WHEN x IS NOT NULL THEN {'i': -epoch_us(CAST(x.trino_instant AS TIMESTAMPTZ)), 'z': CAST(x.trino_zone AS VARCHAR)} END,
     (x) AS NULL::STRUCT(i BIGINT, z VARCHAR)`,
  `trino_ties_apart(a, b) AS CASE WHEN a.z IS DISTINCT FROM b.z THEN cast_to_type(trino_fail('min() and max() of timestamp with time zone values are refused locally where the extreme instant comes in different zones (Athena keeps the first one it meets); apply at_timezone(x, ''UTC'') first'), true) ELSE true END`,
  // The values l of max(x, n) or min(x, n) (translate/zoned-extremes.ts): as many instants as values, or refused.
  `trino_zoned_ties_apart_n(l) AS CASE WHEN coalesce(len(list_distinct(trino_cmp_keys(l))) = len(list_distinct(l)), true) THEN true
     ELSE cast_to_type(trino_fail('max(x, n) and min(x, n) of timestamp with time zone values are refused locally where one instant comes in different zones (Athena orders equal instants as it meets them); apply at_timezone(x, ''UTC'') first'), true) END`,
  `trino_now() AS trino_tz_from_instant(get_current_timestamp(), 'UTC')`,
  `trino_iso_zone(z) AS CASE WHEN z IS NULL OR z IN ('', 'Z', '+00:00', '+0000', '+00', '-00:00', '-0000', '-00') THEN 'UTC'
     WHEN length(z) = 3 THEN z || ':00' WHEN length(z) = 5 THEN z[1:3] || ':' || z[4:5] ELSE z END`,
  // Trino reads ISO 8601 with Joda's parser: a 'T' before the time, an offset only after a time, an offset's hours up
  // to 23, no spaces ('2025-01-01 10:00:00Z' and '+99:99' are malformed there); an offset of -00:00 is UTC. T24:00:00
  // (Joda: hourOfDay must be in [0,23]) is the next midnight here, as DuckDB reads it: the GLOB below would need a
  // second pattern for hours 20-23 (+24 ms CPU per million texts on the hot path; docs/issue-15-audit.md, sixth
  // hunt). The calendar form with hours and minutes (and at most 9 digits of a second's fraction: Trino 476 fails on
  // a tenth, "malformed at") goes to DuckDB's CAST as it is, hours 25-99 too (they fail there, as in the GLOB's path); every other text (week and ordinal dates, reduced forms,
  // signed or long years, an hour alone, comma fractions, a bare T, out-of-range fields) is read by Joda's grammar in
  // JavaScript (shims/iso8601-text.ts), which gives the wall clock's text or fails as Trino does.
  `trino_iso8601_or_invalid(s, text) AS CASE
     WHEN regexp_full_match(s, '[0-9]{4}-[0-9]{2}-[0-9]{2}(T([01][0-9]|2[0-35-9]|[3-9][0-9]):[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-]([01][0-9]|2[0-3])(:?[0-5][0-9])?)?)?')
     THEN text ELSE trino_iso8601_wall_joda(s) END`,
  `trino_from_iso8601_timestamp(s) AS trino_tz_from_wall(
     CAST(trino_iso8601_or_invalid(s, s[1:length(s) - length(regexp_extract(s, 'T[0-9:.,]*(Z|[+-][0-9]{2}(:?[0-9]{2})?)$', 1))]) AS TIMESTAMP),
     trino_iso_zone(regexp_extract(s, 'T[0-9:.,]*(Z|[+-][0-9]{2}(:?[0-9]{2})?)$', 1)))`,
  // CAST(from_iso8601_timestamp(s) AS timestamp): the wall clock alone, i.e. the text without its zone suffix (the
  // same text trino_from_iso8601_timestamp casts, so the same answers and the same errors), at half the cost. A text
  // ending in 'Z' (nearly all event data) drops that last character without a regular expression: in text the check
  // above accepts, a final 'Z' is the zone after `T<time>`, exactly what the replacement removes. The commonest shape,
  // 2025-03-01T10:00:00.123Z (JavaScript's toISOString), is told by a GLOB instead of the check (~50 ns less per
  // evaluation; issue 18: P1's curated step evaluates it twice per row): every text that GLOB matches is one the check
  // accepts, cut to the same 23 characters (tests/dialect/iso8601-wall.test.ts tries every character at every place).
  `trino_iso8601_wall_text(s) AS CASE
     WHEN s GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z' AND NOT contains(s, 'T24') THEN substr(s, 1, 23)
     ELSE trino_iso8601_or_invalid(s, CASE WHEN suffix(s, 'Z') THEN substr(s, 1, length(s) - 1)
       ELSE regexp_replace(s, '(T[0-9:.,]*)(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)$', '\\1') END) END`,
  // Hour 24 (T24:00:00, which DuckDB reads as the next midnight) fails in Trino ("Value 24 for hourOfDay must be in
  // the range [0,23]"): the check refuses it (other hours past 23 fail in the CAST, as before), and the GLOB's shape
  // leaves T24 to the check (a `contains` costs ~10 ms of CPU per million texts, a second GLOB for hours 20-23 ~24 ms).
  // The GLOB's shape is cast whole: DuckDB reads its final 'Z' as UTC, the same instant as the 23 characters before it,
  // without cutting them into a new string (~20 ms of CPU less per million rows, issue 18). A text of that shape DuckDB
  // cannot cast (month 13, hour 25) takes the cut text's CAST, so it fails with the message it failed with before.
  `trino_iso8601_wall(s) AS CASE
     WHEN s GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z' AND NOT contains(s, 'T24')
     THEN coalesce(TRY_CAST(s AS TIMESTAMP), CAST(substr(s, 1, 23) AS TIMESTAMP))
     ELSE CAST(trino_iso8601_wall_text(s) AS TIMESTAMP) END`,
  // CAST(from_iso8601_timestamp(s) AT TIME ZONE 'UTC' AS timestamp): the instant's UTC wall clock. For the shape the
  // GLOB tells, whose zone is 'Z', that is the text's own wall clock, without the zoned struct (~12× less CPU per row:
  // P3's customer view, read by every check of it); any other text takes the zoned path: the UTC wall clock of the
  // parsed instant, read directly. trino_wall(trino_at_time_zone(…, 'UTC')) computed the same from the same instant, but
  // both are typed overloads, which bind their argument twice each: four copies of the parser (issue 18: ~20 ms of
  // binding each staging query of P3).
  `trino_iso8601_utc(s) AS CASE
     WHEN s GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z' THEN trino_iso8601_wall(s)
     ELSE timezone('UTC', trino_from_iso8601_timestamp(s).trino_instant) END`,
  // A timestamp(0), plain or zoned, put into a zone is timestamp(0) with time zone (Trino 476: TIMESTAMP '… 10:00:00'
  // AT TIME ZONE 'UTC', with_timezone and at_timezone of it). A DATE, which DuckDB would cast to TIMESTAMP_S
  // implicitly, keeps the overload it had. A body must not call these shims with an untyped parameter: DuckDB binds a
  // macro's body when it is created, and an untyped argument matches every typed overload (wrap it in a lambda).
  `trino_at_time_zone${zonedOverloads(
    '',
    ', zone',
    (x) => `trino_tz_from_instant(${x}.trino_instant, zone)`,
    keptAtSeconds((x) => `trino_tz_from_instant(${x}.trino_instant, zone)`),
  )},
     (x TIMESTAMP_S, zone) AS cast_to_type(trino_tz_from_instant(timezone('UTC', CAST(x AS TIMESTAMP)), zone), NULL::${TZ0_STRUCT}),
     (x DATE, zone, trino_k := '${REFUSED_KEY_MARKER}date-at-time-zone') AS {'trino_v': NULL::${TZ_STRUCT}}[trino_k],
     (x VARCHAR, zone, trino_k := '${REFUSED_KEY_MARKER}varchar-at-time-zone') AS {'trino_v': NULL::${TZ_STRUCT}}[trino_k],
     (x, zone) AS trino_tz_from_instant(timezone('UTC', CAST(x AS TIMESTAMP)), zone)`,
  `trino_with_timezone(x TIMESTAMP_S, zone) AS cast_to_type(trino_tz_from_wall(CAST(x AS TIMESTAMP), zone), NULL::${TZ0_STRUCT}),
     (x DATE, zone) AS trino_tz_from_wall(CAST(x AS TIMESTAMP), zone),
     (x "NULL", zone) AS trino_tz_from_wall(CAST(x AS TIMESTAMP), zone),
     (x, zone) AS trino_tz_from_wall(CAST(x AS TIMESTAMP), zone)`,
  // Trino 476 rounds the seconds to milliseconds half up (Math.round(x * 1000)); DuckDB's to_timestamp keeps
  // microseconds, which the millisecond text then truncates (0.5366 showed .536, Trino .537).
  // Math.round(NaN) is 0: from_unixtime(nan()) is 1970-01-01 00:00:00.000 UTC in Trino 476 (DuckDB's cast of NaN to
  // BIGINT failed "Out of range"); ±Infinity and values past the millisecond range still fail in both.
  `trino_unixtime_instant(x) AS to_timestamp(0) + to_milliseconds(trino_round_millis(CAST(x AS DOUBLE) * 1000))`,
  `trino_round_millis(v) AS CASE WHEN isnan(v) THEN 0 ELSE CAST(floor(v + 0.5) AS BIGINT) END`,
  `trino_from_unixtime(x) AS trino_tz_from_instant(trino_unixtime_instant(x), 'UTC'),
     (x, zone) AS trino_tz_from_instant(trino_unixtime_instant(x), zone)`,
  `trino_to_unixtime(x ${TZ_STRUCT}) AS epoch(x.trino_instant), (x) AS epoch(x)`,
  // The text's zone is read first, in a list: read as trino_tz_from_wall's zone argument (inside its CASE inside a
  // lambda), the parser's failure escaped DuckDB's try(), so a top-level TRY_CAST('2020-01-02T03:04:05 UTC' AS
  // timestamp with time zone) failed where Trino 476 answers NULL.
  `trino_to_tstz(x ${TZ_STRUCT}) AS x,
     (x) AS CASE WHEN typeof(x) = 'JSON' THEN cast_to_type(trino_fail('Cannot cast json to timestamp with time zone'), trino_tz_from_wall(NULL::TIMESTAMP, 'UTC'))
     WHEN typeof(x) = 'VARCHAR' THEN list_transform([trino_text_zone(CAST(x AS VARCHAR))], lambda trino_z: trino_tz_from_wall(
       CAST(trino_text_wall(CAST(x AS VARCHAR), 'timestamp with time zone') AS TIMESTAMP), trino_z))[1]
     WHEN typeof(x) = 'TIME' THEN trino_tz_from_wall(current_date + CAST(CAST(x AS VARCHAR) AS TIME), 'UTC')
     ELSE trino_tz_from_wall(CAST(x AS TIMESTAMP), 'UTC') END`,
  // A value meeting a zoned one in one type (coalesce, greatest, least, IF, lag/lead's value and default; expressions.ts
  // ZONED_COERCED_ARGUMENTS): Trino 476 coerces a plain timestamp or a date to timestamp with time zone in the session
  // zone, UTC (coalesce(TIMESTAMP '2021-05-06 07:08:09', TIMESTAMP '… +05:00') is 2021-05-06 07:08:09.000 UTC), and
  // fails on any other type (TYPE_MISMATCH "Cannot find common type"); DuckDB found no common type of a timestamp
  // and the zoned struct. Through VARCHAR, so the branch binds for any x.
  `trino_tz_coerced(x ${TZ_STRUCT}) AS x,
     (x) AS CASE WHEN typeof(x) IN ('TIMESTAMP', 'TIMESTAMP_S', 'TIMESTAMP_MS', 'DATE', '"NULL"')
       THEN trino_tz_from_wall(CAST(CAST(x AS VARCHAR) AS TIMESTAMP), 'UTC')
     ELSE cast_to_type(trino_fail('TYPE_MISMATCH: Cannot find common type between ' || lower(typeof(x)) || ' and timestamp with time zone'),
       trino_tz_from_wall(NULL::TIMESTAMP, 'UTC')) END`,
  // The zone as its offset at that instant ('Z' when 0), for named zones too (Trino 476: -04:00, not the zone name).
  `trino_iso_offset(minutes) AS CASE WHEN minutes = 0 THEN 'Z' ELSE CASE WHEN minutes < 0 THEN '-' ELSE '+' END
     || lpad(CAST(abs(minutes) // 60 AS VARCHAR), 2, '0') || ':' || lpad(CAST(abs(minutes) % 60 AS VARCHAR), 2, '0') END`,
  // Java's ISO year, as Trino writes it: four digits at least, a minus sign before the year 0 (-0075 is 76 BC), a
  // plus sign past 9999 where \`plus\` is '+' (+42025-03-31 10:00:00.000; CAST(date AS varchar) has none).
  `trino_year_text(y, plus) AS CASE WHEN y > 9999 THEN plus || CAST(y AS VARCHAR) WHEN y < 0 THEN printf('%05d', y) ELSE printf('%04d', y) END`,
  // DuckDB's own text of a date is Trino's for years 1000-9999 (YYYY-MM-DD): ~0.14 s of CPU less per million dates
  // than the year and strftime texts (issue 18: P1's KPI model groups by CAST(CAST(ts AS date) AS varchar)).
  `trino_date_text(d) AS CASE WHEN d BETWEEN DATE '1000-01-01' AND DATE '9999-12-31' THEN CAST(d AS VARCHAR)
     ELSE trino_year_text(year(d), '') || strftime(d, '-%m-%d') END`,
  // sep: ' ' (CAST to varchar) or 'T' (to_iso8601).
  // A timestamp(0) (DuckDB's TIMESTAMP_S: a literal without a fraction, CAST(… AS timestamp(0))) prints no fraction,
  // a timestamp(3) its milliseconds (https://trino.io/docs/current/language/types.html#timestamp-p). \`type_name\` is
  // typeof of the value before any cast that binds the branch for other types.
  `trino_timestamp_text_of(t, sep, type_name) AS trino_year_text(year(t), '+')
     || CASE WHEN type_name = 'TIMESTAMP_S' THEN strftime(t, '-%m-%d' || sep || '%H:%M:%S') ELSE strftime(t, '-%m-%d' || sep || '%H:%M:%S.%g') END`,
  `trino_timestamp_text(t, sep) AS trino_timestamp_text_of(t, sep, typeof(t))`,
  // CAST(x AS timestamp(0)) rounds half up (1969-12-31 23:59:59.5 is 1970-01-01 00:00:00 in Trino 476); DuckDB's own
  // cast to TIMESTAMP_S rounds half away from zero.
  `trino_round_to_seconds(t) AS CAST(date_trunc('second', CAST(t AS TIMESTAMP) + INTERVAL 500 MILLISECOND) AS TIMESTAMP_S)`,
  // to_iso8601(NULL) is a varchar NULL in Trino 476; a NULL cast to the zoned struct folds into an untyped one.
  `trino_to_iso8601(x ${TZ_STRUCT}) AS ${isoText('x')},
     (x ${TZ0_STRUCT}) AS ${isoText('x')},
     (x "NULL") AS CAST(NULL AS VARCHAR),
     (x) AS CASE WHEN typeof(x) = 'DATE' THEN trino_date_text(x) ELSE trino_timestamp_text(x, 'T') END`,

  // --- date arithmetic: DATE in → DATE out, TIMESTAMP in → TIMESTAMP out -------------------------------------------
  `trino_interval(unit, n) AS CASE lower(unit)
     WHEN 'millisecond' THEN to_milliseconds(n) WHEN 'second' THEN to_seconds(n) WHEN 'minute' THEN to_minutes(n)
     WHEN 'hour' THEN to_hours(n) WHEN 'day' THEN to_days(n) WHEN 'week' THEN to_weeks(n)
     WHEN 'month' THEN to_months(n) WHEN 'quarter' THEN to_months(n * 3) WHEN 'year' THEN to_years(n)
     ELSE cast_to_type(trino_fail('date_add: unknown unit ' || unit), to_days(1)) END`,
  // A zoned value moves on its wall clock by months and days, by elapsed time otherwise: Trino adds a year-month
  // interval and date_add's day and longer units in the zone's calendar, and a day-to-second interval (INTERVAL '1'
  // DAY is 24 hours) and date_add's hours and shorter units to the instant, so across a DST change the wall clock
  // moves by 23 or 25 hours (checked on Trino 476 by the differential oracle).
  `trino_tz_plus_wall(x, i) AS trino_tz_from_wall(x.trino_wall + i, x.trino_zone)`,
  `trino_tz_plus_elapsed(x, i) AS trino_tz_from_instant(timezone('UTC', timezone('UTC', x.trino_instant) + i), x.trino_zone)`,
  // A year-month interval keeps timestamp(0) with time zone (Trino 476); a day-to-second one takes
  // trino_plus_day_second, whose TZ_STRUCT overload makes it timestamp(3) with time zone.
  // A time of day takes no year-month interval: Trino 476 fails TIME '10:00:00.000' + INTERVAL '1' MONTH ("Cannot
  // apply operator: time(3) + interval year to month"), where DuckDB kept the time (found by hunt39).
  `trino_plus_interval${zonedOverloads('', ', i', zonedPlus, keptAtSeconds(zonedPlus))},
     (x TIME, i) AS ${TIME_YEAR_MONTH('+')},
     (x, i) AS cast_to_type(x + i, x)`,
  `trino_minus_interval${zonedOverloads(
    '',
    ', i',
    (x) => `trino_plus_interval(${x}, -i)`,
    (x) => `trino_plus_interval(${x}, -i)`,
  )},
     (x TIME, i) AS ${TIME_YEAR_MONTH('-')},
     (x, i) AS cast_to_type(x - i, x)`,
  // timestamp(p) ± a day-to-second interval is timestamp(max(p, 3)) in Trino 476 (TIMESTAMP '2025-01-01 10:00:00' +
  // INTERVAL '1' SECOND is a timestamp(3)); a year-month interval keeps p (trino_plus_interval). The typed overloads
  // pick the TIMESTAMP_S one for a timestamp(0) only: a DATE would take it through an implicit cast otherwise.
  // A date moves by whole days only: Trino 476 fails DATE '2025-01-01' + INTERVAL '1' HOUR ("Cannot add hour, minutes
  // or seconds to a date"; INTERVAL '24' HOUR is a day and passes); DuckDB answered the date (found by the third hunt).
  `trino_plus_day_second(x ${TZ_STRUCT}, i) AS trino_plus_interval(x, i),
     (x DATE, i) AS ${wholeDays('add hour, minutes or seconds to', 'trino_plus_interval(x, i)')},
     (x TIMESTAMP_S, i) AS CAST(x AS TIMESTAMP) + i,
     (x TIME, i) AS ${TIME_PLUS_DAY_SECOND},
     (x, i) AS cast_to_type(x + i, x)`,
  `trino_minus_day_second(x DATE, i) AS ${wholeDays('subtract hour, minutes or seconds from', 'trino_plus_interval(x, -i)')},
     (x, i) AS trino_plus_day_second(x, -i)`,
  // Trino's date_add takes an int count (Math.toIntExact): a larger one fails with 'integer overflow'. (trino_fail_as:
  // a NULL count is NULL-typed, which cast_to_type refuses.) A NULL count is a NULL date (Trino 476; the BETWEEN of
  // a NULL bigint column failed 'integer overflow' here). A count DuckDB types NULL (element_at(ARRAY[], x)) is read
  // as Trino reads unknown, a bigint (coalesce with a bigint NULL): DuckDB folds a call given a NULL-typed argument
  // into a NULL without evaluating it, which dropped element_at's failure (Trino 476: "SQL array indices start at 1").
  // Other counts keep their type (a double still finds no to_days overload, as Trino finds no date_add).
  `trino_date_add_count(n) AS CASE WHEN NOT (n BETWEEN -2147483648 AND 2147483647) THEN trino_fail_as('date_add: integer overflow', n)
     ELSE coalesce(n, NULL::BIGINT) END`,
  // date_add keeps the precision: on a timestamp(0) the sum is rounded half up to the second (Trino 476:
  // date_add('millisecond', 700, TIMESTAMP '2025-01-01 10:00:00') is 2025-01-01 10:00:01, a timestamp(0)).
  `trino_date_add_plain(x, i) AS cast_to_type(CASE WHEN typeof(x) = 'TIMESTAMP_S'
     THEN date_trunc('second', CAST(x AS TIMESTAMP) + i + INTERVAL 500 MILLISECOND) ELSE x + i END, x)`,
  // On a timestamp(0) with time zone the instant is rounded half up to the second, as on a plain one (Trino 476:
  // date_add('millisecond', 500, TIMESTAMP '2025-03-10 10:00:00 UTC') is 2025-03-10 10:00:01 UTC).
  // CAST(x AS timestamp(0) with time zone) of a timestamp(3) with time zone t: rounded half up as date_add does.
  `trino_tz_round_to_seconds(t) AS cast_to_type(trino_tz_from_instant(trino_round_instant_to_seconds(t.trino_instant), t.trino_zone),
     NULL::${TZ0_STRUCT})`,
  `trino_round_instant_to_seconds(i) AS timezone('UTC', date_trunc('second', timezone('UTC', i) + INTERVAL 500 MILLISECOND))`,
  // A time of day moves around the clock (Trino 476: date_add('hour', 25, time '10:00') is 11:00); its own overload, as
  // trino_date_add_plain's timestamp(0) branch does not bind for a TIME ("Cannot mix values of type TIME and TIMESTAMP
  // in CASE expression", found by hunt39). x is named once. The count is taken modulo a day's units first: Trino 476
  // moves a time by any bigint count (date_add('hour', BIGINT '2147483648', TIME '10:00:00.000') is 18:00:00.000,
  // date_add('millisecond', 9223372036854775807, …) 17:12:55.807), where the int check of dates failed.
  `trino_date_add${zonedOverloads('unit, n, ', '', zonedDateAdd, (x) =>
    keptAtSeconds(
      (y) => `list_transform([${zonedDateAdd(y)}], lambda trino_r:
       trino_tz_from_instant(trino_round_instant_to_seconds(trino_r.trino_instant), trino_r.trino_zone))[1]`,
    )(x),
  )},
     (unit, n, x TIME) AS x + trino_interval(trino_date_unit(unit, NULL::TIME), n % CASE lower(trino_date_unit(unit, NULL::TIME))
       WHEN 'millisecond' THEN 86400000 WHEN 'second' THEN 86400 WHEN 'minute' THEN 1440 ELSE 24 END),
     (unit, n, x) AS trino_date_add_plain(x, trino_interval(trino_date_unit(unit, x), trino_date_add_count(n)))`,
  // Below a day, Trino truncates keeping the offset (01:30 EST on a fall-back night truncates to 01:00 EST, not EDT).
  // A time of day is cut to the millisecond, second, minute or hour (Trino 476: date_trunc('hour', time '10:11:12.345')
  // is 10:00:00.000; DuckDB has no date_trunc of a TIME). Its own overload, as for date_add, which also makes a NULL
  // ambiguous as in Trino (date_trunc('day', NULL) answered a NULL timestamp with time zone; found by hunt39). x is
  // named once, as a lambda's parameter.
  `trino_date_trunc${zonedOverloads('unit, ', '', zonedDateTrunc, keptAtSeconds(zonedDateTrunc))},
     (unit, x TIME) AS list_transform([x], lambda trino_t: trino_t - to_microseconds(epoch_us(trino_t)
       % CASE lower(trino_date_unit(unit, NULL::TIME)) WHEN 'millisecond' THEN 1000 WHEN 'second' THEN 1000000 WHEN 'minute' THEN 60000000 ELSE 3600000000 END))[1],
     (unit, x) AS cast_to_type(date_trunc(trino_date_unit(unit, x), x), x)`,
  // CAST(varchar AS timestamp | date) reads Trino's text grammar only (src/dialect/shims/datetime-text.ts, a UDF:
  // regular expressions in a macro cost their compilation at every CAST the binder expands).
  // json is read as booleans, numbers and text only (Trino 476: "Cannot cast json to date"; DuckDB cast its text).
  // A time of day is read on the session's current date (Trino 476: CAST(TIME '10:11:12.345' AS timestamp) is today's
  // 10:11:12.345, the date in the session zone, UTC on Athena and locally; current_date is the same day locally), also
  // CAST(time AS timestamp with time zone) in trino_to_tstz above (today's 10:11:12.345 UTC).
  `trino_to_timestamp(x) AS CASE WHEN typeof(x) = 'JSON' THEN cast_to_type(trino_fail('Cannot cast json to timestamp'), NULL::TIMESTAMP)
     WHEN typeof(x) = 'VARCHAR' THEN CAST(trino_text_wall(CAST(x AS VARCHAR), 'timestamp') AS TIMESTAMP)
     WHEN typeof(x) = 'TIME' THEN current_date + CAST(CAST(x AS VARCHAR) AS TIME)
     ELSE CAST(trino_wall(x) AS TIMESTAMP) END`,
  `trino_to_date(x) AS CASE WHEN typeof(x) = 'JSON' THEN cast_to_type(trino_fail('Cannot cast json to date'), NULL::DATE)
     WHEN typeof(x) = 'VARCHAR' THEN CAST(trino_text_date(CAST(x AS VARCHAR)) AS DATE)
     ELSE CAST(trino_wall(x) AS DATE) END`,
  // CAST(zoned AS time) is the wall clock's time of day (Trino 476: 01:02:03.456 of 2025-01-01 01:02:03.456 +01:00);
  // text is read by Trino's grammar (trino_text_time); any other value is cast as it is.
  `trino_to_time(x) AS CASE WHEN typeof(x) = 'VARCHAR' THEN CAST(trino_text_time(CAST(x AS VARCHAR)) AS TIME)
     ELSE CAST(trino_wall(x) AS TIME) END`,
  // from_iso8601_date reads Joda's ISO date element only: a year, year-month or year-month-day, the month and day of one
  // or two digits (Trino 476 fails "Invalid format" on a time, a zone, spaces or slashes, which DuckDB's CAST read).
  // The ordinal (2024-034) and week (2024-W05-6, 2024-W05) forms and signed years are read by Joda's grammar in
  // JavaScript (shims/iso8601-text.ts), which fails as Trino does on anything else.
  `trino_from_iso8601_date(s) AS CASE
     WHEN regexp_full_match(s, '[0-9]+-[0-9]{1,2}-[0-9]{1,2}') THEN CAST(s AS DATE)
     WHEN regexp_full_match(s, '[0-9]+-[0-9]{1,2}') THEN CAST(s || '-01' AS DATE)
     WHEN regexp_full_match(s, '[0-9]+') THEN CAST(s || '-01-01' AS DATE)
     ELSE CAST(trino_iso8601_date_text(s) AS DATE) END`,
  // CAST(varchar AS uuid) reads the 8-4-4-4-12 hex form only (DuckDB also reads it without hyphens or in braces).
  `trino_to_uuid(x) AS CASE WHEN typeof(x) = 'JSON' THEN cast_to_type(trino_fail('Cannot cast json to uuid'), NULL::UUID)
     WHEN typeof(x) <> 'VARCHAR'
       OR regexp_full_match(CAST(x AS VARCHAR), '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}')
     THEN CAST(x AS UUID) ELSE cast_to_type(trino_fail('Cannot cast value to UUID: ' || CAST(x AS VARCHAR)), NULL::UUID) END`,

  // --- arithmetic -------------------------------------------------------------------------------------------------
  // Trino's text of a day-to-second interval: the sign, the days, then the time of day to the millisecond.
  `trino_interval_text(i) AS list_transform([CAST(round(epoch(i) * 1000) AS BIGINT)], lambda trino_ms:
     CASE WHEN trino_ms < 0 THEN '-' ELSE '' END || printf('%d %02d:%02d:%02d.%03d', abs(trino_ms) // 86400000,
       abs(trino_ms) // 3600000 % 24, abs(trino_ms) // 60000 % 60, abs(trino_ms) // 1000 % 60, abs(trino_ms) % 1000))[1]`,
  // DATE - DATE is an interval day to second in Trino 476 (`1 00:00:00.000`), DuckDB's a BIGINT count of days; every
  // other a - b is DuckDB's subtract() (a timestamp difference is already its interval; not `-`, whose overflow
  // DuckDB's optimizer moves out of a comparison: translate/operators.ts), decimals in Trino's precision (trino_plus
  // below).
  // zoned - zoned is the interval day to second between the instants (Trino 476: 2 00:00:00.000 for 2025-01-01 01:00
  // +01:00 - 2024-12-30 00:00 UTC); the last level, so other operands bind as before.
  ...overloadChain(
    'trino_minus',
    // DATE - unknown is a date in Trino 476 (date - interval), which the DATE - DATE level would take.
    [
      `(a DATE, b "NULL") AS subtract(a, b)`,
      `(a DATE, b DATE) AS ${DATE_DIFFERENCE}`,
      ...sumOverloads('subtract'),
      `(a ${TZ_STRUCT}, b ${TZ_STRUCT}) AS a.trino_instant - b.trino_instant`,
      // TIME - TIME is the interval day to second between them in Trino 476 (TIME '01:00:00.000' - TIME
      // '23:00:00.000' is -0 22:00:00.000); DuckDB has no subtract(TIME, TIME): both are read on one day.
      `(a TIME, b TIME) AS (DATE '1970-01-01' + a) - (DATE '1970-01-01' + b)`,
    ],
    TYPED_DIFFERENCE,
  ),
  // a + b has the result type Trino gives a / b (integer kinds, double, decimal with scale max(s1, s2)).
  `trino_scale(x) AS CASE WHEN typeof(x) LIKE 'DECIMAL%' THEN CAST(regexp_extract(typeof(x), ',([0-9]+)\\)', 1) AS INTEGER) ELSE 0 END`,
  `trino_unscaled(x) AS CAST(x * CAST(pow(10, trino_scale(x)) AS HUGEINT) AS HUGEINT)`,
  // Trino's decimal(p, s) of an operand, from typeof([x]) (`DECIMAL(4,2)[]`: typeof(x) of a NULL-typed x is not a
  // constant, typeof([x]) is): an integer kind as the decimal it coerces to, a NULL as decimal(1,0) (Trino's
  // DECIMAL '1.5' / NULL is decimal(2,1)).
  `trino_type_precision(t) AS CASE WHEN t LIKE 'DECIMAL(%' THEN CAST(regexp_extract(t, '^DECIMAL\\(([0-9]+),', 1) AS INTEGER)
     WHEN t = 'TINYINT[]' THEN 3 WHEN t = 'SMALLINT[]' THEN 5 WHEN t = 'INTEGER[]' THEN 10 WHEN t IN ('BIGINT[]', 'HUGEINT[]') THEN 19 ELSE 1 END`,
  `trino_type_scale(t) AS CASE WHEN t LIKE 'DECIMAL(%' THEN CAST(regexp_extract(t, ',([0-9]+)\\)', 1) AS INTEGER) ELSE 0 END`,
  // The digits a decimal type holds (0 for any other type), and the digits a real (7) or double (15) takes from a
  // decimal exactly through DuckDB's cast (38 for any other type), by typeof([x]) (translate/decimal-common-type.ts).
  `trino_decimal_digits(t) AS CASE WHEN t LIKE 'DECIMAL(%' THEN trino_type_precision(t) ELSE 0 END`,
  `trino_floating_digits(t) AS CASE WHEN t LIKE 'FLOAT%' THEN 7 WHEN t LIKE 'DOUBLE%' THEN 15 ELSE 38 END`,
  // Whether Trino 476 coerces a value of type s to type b, both as typeof([x]) (translate/recursive-steps.ts: a recursive
  // step's column to its base's): the same type or unknown; an exact number to a wider one (integers as decimal(p, 0):
  // no digit lost on either side of the point); any number to double, an exact one to real; a date to a timestamp.
  `trino_coercible_type(s, b) AS s = b OR s = '"NULL"[]'
     OR ((s LIKE 'DECIMAL(%' OR s IN ${EXACT_KINDS}) AND (b LIKE 'DECIMAL(%' OR b IN ${EXACT_KINDS})
       AND trino_type_scale(b) >= trino_type_scale(s)
       AND trino_type_precision(b) - trino_type_scale(b) >= trino_type_precision(s) - trino_type_scale(s)
       AND NOT (b NOT LIKE 'DECIMAL(%' AND s LIKE 'DECIMAL(%'))
     OR ((s LIKE 'DECIMAL(%' OR s IN ${EXACT_KINDS} OR s = 'FLOAT[]') AND b = 'DOUBLE[]')
     OR ((s LIKE 'DECIMAL(%' OR s IN ${EXACT_KINDS}) AND b = 'FLOAT[]')
     OR (s = 'DATE[]' AND b LIKE 'TIMESTAMP%')`,
  // Both operands are exact numbers (or NULL) and one is a decimal: Trino's decimal operators apply.
  `trino_decimal_operands(ta, tb) AS (ta LIKE 'DECIMAL(%' OR tb LIKE 'DECIMAL(%')
     AND (ta LIKE 'DECIMAL(%' OR ta IN ${EXACT_KINDS}) AND (tb LIKE 'DECIMAL(%' OR tb IN ${EXACT_KINDS})`,
  // The type names of a / b and a % b (Trino's DecimalOperators): decimal(min(38, p1 + s2 + max(s2 - s1, 0)),
  // max(s1, s2)) and decimal(min(p1 - s1, p2 - s2) + max(s1, s2), max(s1, s2)); otherwise DuckDB's type t of the
  // result (integer for NULL / NULL, as DuckDB types a NULL).
  `trino_quotient_type(ta, tb, t) AS CASE WHEN trino_decimal_operands(ta, tb)
     THEN 'DECIMAL(' || least(38, trino_type_precision(ta) + trino_type_scale(tb) + greatest(trino_type_scale(tb) - trino_type_scale(ta), 0))
       || ',' || greatest(trino_type_scale(ta), trino_type_scale(tb)) || ')'
     WHEN t = '"NULL"[]' THEN 'INTEGER' ELSE t[1:-3] END`,
  `trino_remainder_type(ta, tb, t) AS CASE WHEN trino_decimal_operands(ta, tb)
     THEN 'DECIMAL(' || (least(trino_type_precision(ta) - trino_type_scale(ta), trino_type_precision(tb) - trino_type_scale(tb))
       + greatest(trino_type_scale(ta), trino_type_scale(tb))) || ',' || greatest(trino_type_scale(ta), trino_type_scale(tb)) || ')'
     WHEN ta = '"NULL"[]' AND tb = '"NULL"[]' THEN 'TINYINT' WHEN t = '"NULL"[]' THEN 'INTEGER' ELSE t[1:-3] END`,
  // 10^k (k <= 36) as an exact HUGEINT: a DOUBLE power of ten is exact up to 10^22 only.
  `trino_ten_to(k) AS CAST(pow(10, least(k, 18)) AS HUGEINT) * CAST(pow(10, greatest(k - 18, 0)) AS HUGEINT)`,
  // a / b and a % b bind each operand once, as a field of a lambda's parameter: a macro parameter is expanded (and
  // bound) at every use, which nested divisions multiplied (((x / y) / y) / y took seconds to plan). A first lambda
  // adds the constants of the operands' types: w, a NULL of Trino's result type (trino_quotient_type,
  // trino_remainder_type; from_json's structure is a constant, so its NULL has that type); a second lambda computes.
  // A decimal beside a real or double, made that type as Trino makes it (floatingOperand above).
  // A decimal x as the real or double y's type, as Trino 476 converts it (DecimalConversions): a decimal of at most 18
  // digits is its unscaled integer made that type divided by the power of ten made that type, which rounds twice for a
  // real (CAST(DECIMAL '400149.50' AS real) is 400149.53, DECIMAL '16777218.5' 16777220; the nearest reals are
  // 400149.5 and 16777218, which DuckDB's cast and the decimal's text gave); a longer one is the value nearest its text.
  // The tag (floatingOperand above) picks: BIT keeps x; UUID, where the product's unscaled value fits DuckDB's 18 digits
  // (p + s <= 18), takes the unscaled integer as x times an INTEGER power of ten (a BIGINT factor made DuckDB multiply
  // in 128 bits, ~0.45 s for 1 M rows against ~0.02 s); any other tag reads x's text (trino_decimal_floating_any). An
  // overload, not a CASE: inside the typed arithmetic's lambda DuckDB evaluated the CASE's type tests for every row.
  `trino_floating_operand(x, y, trino_plain BIT) AS x,
   (x, y, trino_plain UUID) AS cast_to_type(CAST(x * CAST(pow(10, trino_type_scale(typeof([x]))) AS INTEGER) AS BIGINT), y)
     / cast_to_type(CAST(pow(10, trino_type_scale(typeof([x]))) AS BIGINT), y),
   (x, y, trino_plain) AS trino_decimal_floating_any(x, y)`,
  // x as Trino 476 reads it beside a value of y's type (y a real or double, read for its type only; any other y, or an
  // x that is no decimal of more digits than y's type holds exactly, leaves x as it is): a call of the tag above, for
  // operands that are not a column name (`d * 2 = REAL …`, `sqrt(sum(d))`, stddev's argument) and two columns
  // (`d = c`), so bind-once.ts can bind a heavy x once (translate/floating-operands.ts).
  `trino_floating_read(x, y) AS ${floatingOperand('x', 'y')}`,
  // The same where x holds an aggregate, a window call or a subquery, whose type the tag cannot read while DuckDB binds
  // (`sqrt(sum(d))`): x and y as the fields of a lambda's parameter, which have their types.
  `trino_floating_read_any(x, y) AS list_transform([{'x': x, 'y': y}], lambda trino_fr: trino_floating_read(trino_fr['x'], trino_fr['y']))[1]`,
  // The same where x may be of any type (a CASE branch of trino_to_double, trino_to_float, which must bind for a text
  // too): the unscaled integer is read from x's text up to 18 digits, the nearest value past them.
  `trino_decimal_floating_any(x, y) AS CASE WHEN trino_type_precision(typeof([x])) <= 18
     THEN cast_to_type(CAST(replace(CAST(x AS VARCHAR), '.', '') AS BIGINT), y) / cast_to_type(CAST(pow(10, trino_type_scale(typeof([x]))) AS BIGINT), y)
     ELSE cast_to_type(CAST(x AS VARCHAR), y) END`,
  typedOperands('trino_quotient_operands', 'trino_quotient_type', '+'),
  typedOperands('trino_remainder_operands', 'trino_remainder_type', '%'),
  // a * b: DuckDB keeps the product of two decimals of at most 18 digits in 18 digits (DECIMAL(10,2) * DECIMAL(10,2)
  // is its DECIMAL(18,4), which overflows past 18 digits), where Trino's is decimal(min(38, p1 + p2), s1 + s2), an
  // integer counting as decimal(10,0) and a bigint as decimal(19,0) (https://trino.io/docs/current/language/types.html#
  // decimal). For decimals the left operand is first multiplied by a DECIMAL(19,0) 1, which makes DuckDB compute in 38
  // digits, and the product is cast to Trino's type; other types are multiplied by a TINYINT 1, which changes nothing.
  typedOperands('trino_product_operands', 'trino_product_type', '*'),
  `trino_product_type(ta, tb, t) AS CASE WHEN trino_decimal_operands(ta, tb)
     THEN 'DECIMAL(' || least(38, trino_type_precision(ta) + trino_type_precision(tb)) || ',' || (trino_type_scale(ta) + trino_type_scale(tb)) || ')'
     WHEN t = '"NULL"[]' THEN 'INTEGER' ELSE t[1:-3] END`,
  // Integers of one type keep DuckDB's multiply() through typed overloads, which bind at no cost (the lambda costs ~8 ms
  // of binding per product: the hourly partition predicate's four `year * 1000000` took 10 → 44 ms); DuckDB casts
  // no decimal to an integer implicitly, so decimals, doubles and intervals take the typed product's dispatch, where
  // only decimals pay for it (unlessDecimal; mixed integer types take the wider type's overload, as multiply() does).
  unlessDecimal('trino_typed_product', 'multiply', TYPED_PRODUCT),
  ...overloadChain(
    'trino_multiply',
    ['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT'].map((t) => `(a ${t}, b ${t}) AS multiply(a, b)`),
    decimalDispatch('trino_typed_product'),
  ),
  // a + b and a - b: DuckDB keeps the sum of two decimals of at most 18 digits in 18 digits (DECIMAL(18,2) +
  // DECIMAL(18,2) is its DECIMAL(18,2), which overflows past 18 digits), where Trino's is decimal(min(38, 1 + max(p1 -
  // s1, p2 - s2) + max(s1, s2)), max(s1, s2)), integers counting as decimals as in a product
  // (https://trino.io/docs/current/language/types.html#decimal). For decimals the left operand is first cast to a
  // decimal of at least 19 digits (trino_addend_type), which makes DuckDB compute past 18 digits, and the sum is
  // cast to Trino's type; any other left operand is cast to its own type, which changes nothing (a NULL to the other
  // operand's type, as Trino coerces it, or to an integer next to a date: NULL + DATE is a date).
  sumOperands('trino_addition_operands', '+'),
  sumOperands('trino_subtraction_operands', '-'),
  `trino_addition_type(ta, tb, t) AS CASE WHEN trino_decimal_operands(ta, tb)
     THEN 'DECIMAL(' || least(38, 1 + greatest(trino_type_precision(ta) - trino_type_scale(ta), trino_type_precision(tb) - trino_type_scale(tb))
       + greatest(trino_type_scale(ta), trino_type_scale(tb))) || ',' || greatest(trino_type_scale(ta), trino_type_scale(tb)) || ')'
     WHEN t = '"NULL"[]' THEN 'INTEGER' ELSE t[1:-3] END`,
  `trino_addend_type(ta, tb) AS CASE WHEN trino_decimal_operands(ta, tb)
     THEN 'DECIMAL(' || greatest(19, trino_type_precision(ta)) || ',' || trino_type_scale(ta) || ')'
     WHEN ta = '"NULL"[]' THEN CASE WHEN tb IN ('DATE[]', '"NULL"[]') THEN 'INTEGER' ELSE tb[1:-3] END
     WHEN ta LIKE 'DECIMAL(%' AND tb IN ${FLOATING_KINDS} THEN tb[1:-3] ELSE ta[1:-3] END`,
  // trino_plus(a, b), trino_subtract(a, b) (a - b where a date difference is not possible: translate/operators.ts) and
  // trino_minus(a, b) above; the _any variants type an aggregate or an outer reference in the lambda first.
  unlessDecimal('trino_typed_sum', 'add', typedSum('trino_addition_operands', 'add')),
  unlessDecimal('trino_typed_difference', 'subtract', typedSum('trino_subtraction_operands', 'subtract')),
  ...overloadChain('trino_plus', sumOverloads('add'), TYPED_SUM),
  ...overloadChain('trino_subtract', sumOverloads('subtract'), TYPED_DIFFERENCE),
  // The exact decimal quotient at scale S = max(s1, s2), rounded half up (DuckDB divides decimals as DOUBLE):
  // n / d with n = a·10^(S + s2) and d = b·10^s2, both integers; where n would pass a HUGEINT, in BigInt
  // (decimal-quotient.ts).
  `trino_decimal_quotient(n, d) AS sign(n) * sign(d) * ((abs(n) * 2 + abs(d)) // (2 * abs(d)))`,
  // A decimal quotient: Trino 476 rescales the dividend by 10^(S - s1 + s2) first (S = max(s1, s2)) and fails with
  // 'Decimal overflow' when that factor passes 10^37, whatever the values (DECIMAL '0' / DECIMAL
  // '3.0000000000000000000' fails too; a NULL operand gives NULL). The quotient is computed on HUGEINTs where a·10^(S +
  // s2) and b·10^s2 fit 38 digits with their own scale (a decimal times a HUGEINT keeps the decimal's scale: a
  // decimal(20,18) 1.374 over a decimal(5,4) failed 'Decimal overflow' there), else in BigInt (decimal-quotient.ts).
  // A double or real divided by zero is ±Infinity by the signs of both (1 / -0.0 is -Infinity, as Java divides), NaN
  // for 0 or NaN, NULL for NULL (a NULL dividend over zero too, as any type: Trino 476's NULL / 0 is NULL).
  `trino_divide_bound(a, b, w, s) AS CASE
     WHEN b = 0 AND a IS NOT NULL THEN cast_to_type(CASE WHEN typeof(a + b) IN ${FLOATING}
       THEN CASE WHEN a <> 0 AND NOT isnan(CAST(a AS DOUBLE)) THEN CASE WHEN (a > 0) = signbit(CAST(b AS DOUBLE)) THEN '-Infinity'::DOUBLE ELSE 'Infinity'::DOUBLE END
         WHEN a IS NOT NULL THEN 'NaN'::DOUBLE END
       ELSE trino_fail('Division by zero') END, w)
     WHEN typeof(w) LIKE 'DECIMAL%' AND trino_scale(w) - trino_scale(a) + s >= 38 AND a IS NOT NULL AND b IS NOT NULL
       THEN cast_to_type(trino_fail('Decimal overflow'), w)
     WHEN typeof(w) LIKE 'DECIMAL%' AND (trino_scale(w) + s + trino_scale(a) > 36 OR 2 * s > 36
         OR abs(CAST(a AS DOUBLE)) * pow(10, trino_scale(w) + s + trino_scale(a)) >= 1e37 OR abs(CAST(b AS DOUBLE)) * pow(10, 2 * s) >= 1e37)
       THEN cast_to_type(trino_decimal_quotient_text(CAST(a AS VARCHAR), CAST(b AS VARCHAR), trino_scale(w)), w)
     WHEN typeof(w) LIKE 'DECIMAL%' THEN cast_to_type(CAST(trino_decimal_quotient(
         CAST(a * trino_ten_to(trino_scale(w) + s) AS HUGEINT), CAST(b * trino_ten_to(s) AS HUGEINT)) AS DECIMAL(38, 0))
       * cast_to_type(pow(10, -trino_scale(w)), w), w)
     ELSE cast_to_type(a / b, w) END`,
  // interval / number: Trino 476 divides the milliseconds as a double and truncates, and fails on zero ("Cannot divide
  // by double 0.0"), where DuckDB gives NULL.
  `trino_interval_divide(i, n) AS CASE WHEN n = 0 THEN cast_to_type(trino_fail('Cannot divide by double 0.0'), i) ELSE to_microseconds(CAST(trunc(epoch_us(i) / 1000 / CAST(n AS DOUBLE)) AS BIGINT) * 1000) END`,
  `trino_divide(a, b) AS list_transform(trino_quotient_operands(a, b),
     lambda trino_abw: trino_divide_bound(trino_abw['a'], trino_abw['b'], trino_abw['w'], trino_abw['s']))[1]`,
  // A decimal remainder whose operands' common type passes 38 digits is DuckDB's DOUBLE remainder: exact here
  // (decimal-quotient.ts), as Trino's.
  // NULL % 0 is NULL (it was NaN for doubles, 'Division by zero' for the others). An integer % -1 is 0 (Java's
  // remainder; DuckDB failed "Overflow in division" on the type's minimum). b is compared as a DOUBLE: a decimal(38,38)
  // b has no room for the literal -1 (DuckDB failed "Cannot cast '-1' to DECIMAL(38, 38)"; hunt38).
  `trino_modulus_bound(a, b, w) AS CASE
     WHEN b = 0 AND a IS NOT NULL THEN cast_to_type(CASE WHEN typeof(a + b) IN ${FLOATING} THEN 'NaN'::DOUBLE ELSE trino_fail('Division by zero') END, w)
     WHEN CAST(b AS DOUBLE) = -1 AND a IS NOT NULL AND typeof(w) IN ('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT') THEN cast_to_type(0, w)
     WHEN typeof(w) LIKE 'DECIMAL%' AND greatest(trino_type_precision(typeof([a])) - trino_scale(a), trino_type_precision(typeof([b])) - trino_scale(b))
       + trino_scale(w) > 38
       THEN cast_to_type(trino_decimal_remainder_text(CAST(a AS VARCHAR), CAST(b AS VARCHAR), trino_scale(w)), w)
     ELSE cast_to_type(a % b, w) END`,
  `trino_modulus(a, b) AS list_transform(trino_remainder_operands(a, b),
     lambda trino_abw: trino_modulus_bound(trino_abw['a'], trino_abw['b'], trino_abw['w']))[1]`,
  // Java Math.round: half up on the scaled double (2.675 → 2.67 because 267.49999…). Past the double's range Trino 476
  // keeps x when the scaled value is infinite (round(1e300, 10), round(1.5, 400)) and gives NaN when 10^d is 0
  // (round(1.5, -400)); DuckDB's Infinity / Infinity was NaN and x / 0 NULL.
  `trino_java_round(x, d) AS CASE WHEN isnan(x) OR isinf(x) THEN x WHEN pow(10, d) = 0 THEN 'NaN'::DOUBLE
     WHEN x = 0 THEN 0::DOUBLE WHEN isinf(x * pow(10, d)) THEN x WHEN x < 0
     THEN -(trino_half_up(-x * pow(10, d)) / pow(10, d)) ELSE trino_half_up(x * pow(10, d)) / pow(10, d) END`,
  // Math.round of y >= 0: floor(y + 1/2) taken exactly, which is C's round (half away from zero) for y >= 0. The
  // double sum y + 0.5 rounds (0.49999999999999994 + 0.5 is 1.0, 2^52 + 1.5 is 2^52 + 2).
  `trino_half_up(y) AS round(y)`,
  // CAST(double AS integer) rounds half away from zero in Trino, half to even in DuckDB. A varchar must be an integer
  // between Java's trimmed spaces (Long.parseLong: no '1e3', '1.5', '0x10' or '1_000', which DuckDB reads).
  // CAST(real AS bigint) saturates in Trino 476 (Math.round of the value as a double): a real from 2^63 on, and
  // ±Infinity, give the bigint's bounds (CAST(REAL '1e19' AS bigint) is 9223372036854775807); DuckDB failed "Out of
  // range". A double there fails in both; NaN fails in both (NaN sorts above Infinity in DuckDB, so BETWEEN drops it).
  // The value is cast to DOUBLE only under its own type test: an AND does not stop DuckDB folding CAST('0x10' AS DOUBLE).
  ...(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT'] as const).map(
    (t) => `trino_to_${t.toLowerCase()}(x) AS CASE ${
      t === 'BIGINT'
        ? `WHEN typeof(x) = 'FLOAT' AND abs(CASE WHEN typeof(x) = 'FLOAT' THEN CAST(x AS DOUBLE) END) BETWEEN 9.223372036854775807e18 AND 'Infinity'::DOUBLE
       THEN CASE WHEN CAST(x AS DOUBLE) > 0 THEN 9223372036854775807 ELSE -9223372036854775808 END
       `
        : ''
    }WHEN typeof(x) IN ${FLOATING}
       THEN CAST(trino_java_round(CAST(x AS DOUBLE), 0) AS ${t})
       WHEN typeof(x) = 'VARCHAR' THEN CAST(trino_integer_text(CAST(x AS VARCHAR), '${t === 'INTEGER' ? 'INT' : t}') AS ${t})
       WHEN typeof(x) = 'JSON' THEN CAST(trino_json_for_cast(x, '${t.toLowerCase()}') AS ${t})
       ELSE CAST(x AS ${t}) END`,
  ),
  // A text Trino 476 does not read as a boolean: only true, false, t, f, 1, 0 in any case, without spaces (DuckDB also
  // reads yes, no, y, n and trims).
  `trino_to_boolean(x) AS CASE WHEN typeof(x) = 'VARCHAR' AND NOT regexp_full_match(CAST(x AS VARCHAR), '(?i)true|false|t|f|1|0')
       THEN cast_to_type(trino_fail('Cannot cast ''' || CAST(x AS VARCHAR) || ''' to BOOLEAN'), CAST(NULL AS BOOLEAN))
       WHEN typeof(x) = 'JSON' THEN CAST(trino_json_for_cast(x, 'boolean') AS BOOLEAN)
       ELSE CAST(x AS BOOLEAN) END`,
  // Java's Double.parseDouble and Float.parseFloat spell the special values NaN and Infinity (a sign allowed) and know
  // no digit separator; DuckDB also reads inf, infinity and nan in any case, and 1_0.
  // A decimal becomes a double or real as Trino 476 converts it (trino_decimal_floating_any: the unscaled integer divided
  // by the power of ten in the target type up to 18 digits, the nearest value past them); DuckDB's cast differed:
  // CAST(DECIMAL '16777217.5' AS real) was 16777216 (Trino 16777218), CAST(DECIMAL '400149.50' AS real) 400149.5 (Trino
  // 400149.53), CAST(DECIMAL '9007199254740993.0000000001' AS double) 9007199254740992 (Trino …994). A double is exact
  // up to 15 digits (the unscaled value and the power of ten are exact doubles, and one division rounds once), so those
  // keep DuckDB's cast.
  ...(['DOUBLE', 'FLOAT'] as const).map(
    (t) => `trino_to_${t.toLowerCase()}(x) AS CASE WHEN typeof(x) = 'VARCHAR' AND (contains(CAST(x AS VARCHAR), '_')
         OR (regexp_full_match(CAST(x AS VARCHAR), '(?i)\\s*[+-]?(inf|infinity|nan)\\s*')
           AND NOT regexp_full_match(CAST(x AS VARCHAR), '\\s*[+-]?(Infinity|NaN)\\s*')))
       THEN cast_to_type(trino_fail('Cannot cast ''' || CAST(x AS VARCHAR) || ''' to ${t === 'FLOAT' ? 'REAL' : t}'), CAST(NULL AS ${t}))
       WHEN typeof(x) = 'JSON' THEN CAST(trino_json_for_cast(x, '${t === 'FLOAT' ? 'real' : 'double'}') AS ${t})${
         t === 'FLOAT'
           ? `
       WHEN typeof(x) = 'DOUBLE' AND abs(CASE WHEN typeof(x) = 'DOUBLE' THEN CAST(x AS DOUBLE) END) BETWEEN ${FLOAT_OVERFLOW} AND 'Infinity'::DOUBLE
       THEN CAST(sign(CAST(x AS DOUBLE)) * 'Infinity'::DOUBLE AS FLOAT)`
           : ''
       }
       WHEN typeof(x) LIKE 'DECIMAL%'${t === 'DOUBLE' ? ' AND trino_type_precision(typeof(x)) > 15' : ''} THEN trino_decimal_floating_any(x, CAST(NULL AS ${t}))
       ELSE CAST(trino_float_text(x, ${t === 'FLOAT'}) AS ${t}) END`,
  ),
  // Java's parse reads a decimal number with a type suffix f, F, d or D (Trino 476: CAST('1.1f' AS real) is 1.1,
  // CAST('2D' AS double) 2.0, TRY_CAST('1.5f ' AS double) 1.5; not after NaN or Infinity, not before a space): the text
  // without it. A typed overload, so the operand is not mentioned again (other types pass through unchanged).
  // Java also reads hexadecimal floating-point text (Trino 476: CAST('0x1p3' AS double) 8.0, CAST('0x1.8p1f' AS real)
  // 3.0; DuckDB failed): a text that starts like one is given as the decimal text of its value, rounded once to the
  // target (real: r), by trino_hex_float_text (hex-float.ts). Bound once, in a lambda.
  `trino_float_text(x VARCHAR, r BOOLEAN) AS list_transform([x], lambda v: CASE WHEN regexp_matches(v, '^[\\x00-\\x20]*[+-]?0[xX]')
     THEN trino_hex_float_text(v, r)
     ELSE regexp_replace(v, '^(\\s*[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)[fFdD](\\s*)$', '\\1\\2') END)[1], (x, r) AS x`,
  // CAST(double or real AS decimal): Trino 476 reads the shortest text that gives the value back (Java's
  // Double.toString, Float.toString: BigDecimal.valueOf) and rounds it half up, so CAST(1.005E0 AS DECIMAL(4, 2)) is
  // 1.01 although the double is 1.00499…; DuckDB rounds the binary value (1.00). DuckDB's text of a double or real is
  // that shortest text too. A text must be a number as Java's BigDecimal reads it: DuckDB also trims spaces and
  // reads 1_0. A value that does not fit (NaN, an infinity) keeps DuckDB's cast, whose error is reworded as Trino's.
  // DuckDB's text-to-decimal cast rounds an exponent form whose first digit lies two or more places past the scale as
  // if that digit were the first one dropped: CAST('6e-4' AS DECIMAL(10,2)) and CAST(6e-10 AS DECIMAL(10,2)) gave
  // 0.01 (Trino 476: 0.00). Below half a unit of the scale (5e-3 at scale 2, as the double it reads) the value is 0.
  // A real is compared with the real nearest that half unit, below which its shortest text lies below the half unit
  // too: REAL '0.005' is 0.00499999988… as a double, but its text 0.005 rounds to 0.01 (Trino 476; was 0.00).
  `trino_to_decimal(x, w) AS CASE
     WHEN typeof(x) IN ${FLOATING} THEN CASE
       WHEN abs(TRY_CAST(x AS DOUBLE)) < CASE WHEN typeof(x) = 'FLOAT' THEN CAST(CAST(${HALF_UNIT_OF_SCALE} AS FLOAT) AS DOUBLE)
         ELSE ${HALF_UNIT_OF_SCALE} END THEN cast_to_type(0, w)
       WHEN abs(TRY_CAST(x AS DOUBLE)) < pow(10, trino_type_precision(typeof(w)) - trino_type_scale(typeof(w)))
       THEN cast_to_type(CAST(x AS VARCHAR), w) ELSE cast_to_type(x, w) END
     WHEN typeof(x) = 'VARCHAR' AND NOT regexp_full_match(CAST(x AS VARCHAR), '[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?')
       THEN cast_to_type(trino_fail('Cannot cast VARCHAR ''' || CAST(x AS VARCHAR) || ''' to ' || replace(typeof(w), ',', ', ') || '. Value is not a number.'), w)
     WHEN typeof(x) = 'VARCHAR' AND abs(TRY_CAST(x AS DOUBLE)) < ${HALF_UNIT_OF_SCALE} THEN cast_to_type(0, w)
     WHEN typeof(x) = 'JSON' THEN cast_to_type(trino_json_for_cast(x, lower(typeof(w))), w)
     ELSE cast_to_type(x, w) END`,
  `trino_integer_text(s, type_name) AS CASE WHEN regexp_full_match(s, '[\\x00-\\x20]*[+-]?[0-9]+[\\x00-\\x20]*') THEN s
     ELSE cast_to_type(trino_fail('Cannot cast ''' || s || ''' to ' || type_name), s) END`,
  // CAST(x AS varchar(n)): a text longer than n is cut to n characters, any other value must fit (Trino 476: "Value
  // 123 cannot be represented as varchar(2)"; a boolean, timestamp, time, interval or JSON fails too, with an internal
  // error). source_type is typeof(x), folded while binding.
  `trino_varchar_fit(text, n, source_type) AS CASE WHEN source_type NOT IN ('VARCHAR', '"NULL"') AND length(text) > n
     THEN cast_to_type(trino_fail('Value ' || text || ' cannot be represented as varchar(' || n || ')'), text) ELSE left(text, n) END`,
  // A timestamp(0) with time zone prints no fraction (its TIMESTAMP_S wall clock). No NULL overload: the ipaddress
  // one already makes an untyped NULL ambiguous here (CAST(NULL AS varchar) is not translated to this shim).
  `trino_to_varchar(x ${TZ_STRUCT}) AS trino_timestamp_text(x.trino_wall, ' ') || ' ' || x.trino_zone,
   (x ${TZ0_STRUCT}) AS trino_timestamp_text(x.trino_wall, ' ') || ' ' || x.trino_zone,
   (x ${IP_STRUCT}) AS trino_ipaddress_text(x.${IP_FIELD}),
   (x) AS CASE
     WHEN typeof(x) = 'JSON' THEN trino_json_to_varchar(CAST(x AS JSON))
     WHEN typeof(x) IN ${FLOATING} THEN ${DOUBLE_TO_VARCHAR}
     WHEN typeof(x) LIKE 'DECIMAL%' THEN ${DECIMAL_TO_VARCHAR}
     WHEN typeof(x) LIKE 'TIMESTAMP%' THEN trino_timestamp_text_of(CAST(x AS TIMESTAMP), ' ', typeof(x))
     -- A time(3) prints its milliseconds (DuckDB's text drops a fraction's trailing zeros).
     WHEN typeof(x) = 'TIME' THEN strftime(DATE '1970-01-01' + TRY_CAST(CAST(x AS VARCHAR) AS TIME), '%H:%M:%S.%g')
     WHEN typeof(x) = 'DATE' THEN ${DATE_TO_VARCHAR('x')}
     WHEN typeof(x) = 'INTERVAL' THEN ${INTERVAL_TO_VARCHAR}
     WHEN typeof(x) = 'BLOB' THEN ${VARBINARY_TO_VARCHAR_FAIL}
     WHEN ${IS_NESTED_TYPE} THEN ${NESTED_TO_VARCHAR_FAIL}
     ELSE ${OWN_TEXT_TO_VARCHAR('x')} END`,
  // x with its NULL type (SELECT NULL, ARRAY[], MAP()) marked as ENUM('trino_unknown'), which DuckDB keeps in a
  // result where it makes a NULL type INTEGER (src/engines/local/unknown-types.ts). to_json quotes the type's name
  // for from_json, whose structure is a constant. A type name cannot spell a row without field names (ROW(NULL) is
  // STRUCT("NULL")): its field, a type where a name would stand (names are lowercase or quoted), is named
  // trino_field_0, which the engine reports as anonymous (src/engines/duckdb/types.ts); twice, as a match takes the
  // first letter of a directly nested STRUCT(.
  `trino_unknown_marked(x) AS cast_to_type(x, from_json('null', CAST(to_json(${nameAnonymousFields(nameAnonymousFields(`replace(typeof([x]), '"NULL"', 'ENUM(''trino_unknown'')')`))}[1:-3]) AS VARCHAR)))`,
  // sum() over integers is BIGINT in Trino, HUGEINT in DuckDB: this gives the type sum() must be cast to.
  // sum() of an interval day to second (DuckDB has no sum(INTERVAL)) adds its milliseconds (trino_summand), typed
  // VARCHAR, a type no other sum has and no number is implicitly cast to (BIGNUM took the BIGINT sums), which
  // trino_sum_checked turns back into an interval (decimal-macros.ts). Trino 476 adds the milliseconds as a bigint:
  // sum(INTERVAL '1' DAY, INTERVAL '2' HOUR) is 1 02:00:00.000.
  `trino_sum_type(x TINYINT) AS 0::BIGINT, (x SMALLINT) AS 0::BIGINT, (x INTEGER) AS 0::BIGINT,
     (x BIGINT) AS 0::BIGINT, (x HUGEINT) AS 0::BIGINT, (x INTERVAL) AS NULL::VARCHAR, (x) AS x + 0::HUGEINT`,
  `trino_summand(x INTERVAL) AS epoch_ms(x), (x) AS x`,
  // The positive part of a bigint summand, summed beside sum(x) (translate/functions.ts sumCall): Trino 476 adds bigints
  // with Math.addExact in an order its plan chooses, so a total that leaves the bigint range and comes back
  // (9223372036854775807, 1, -1) fails in some orders ("bigint addition overflow") and answers in others; where the
  // positive values and the negative ones each sum into the range, no order can leave it (trino_sum_orderless,
  // decimal-macros.ts). NULL for tinyint, smallint and integer, listed by name as DuckDB would cast them to BIGINT:
  // each is at most 2^31 in size, so its bigint total can leave the range only past 2^32 rows in one group, and a
  // constant NULL costs DuckDB's sum next to nothing. An interval day to second is summed as its milliseconds, a
  // bigint, with Math.addExact too (Trino 476: 120 intervals of ±2e9 days fail "bigint addition overflow" in one
  // order). The others give a DOUBLE NULL, whose sum is no HUGEINT, which tells trino_sum_orderless's overloads apart.
  `trino_sum_positive(x TINYINT) AS NULL::DOUBLE, (x SMALLINT) AS NULL::DOUBLE, (x INTEGER) AS NULL::DOUBLE,
     (x BIGINT) AS greatest(x, 0), (x INTERVAL) AS greatest(epoch_ms(x), 0), (x) AS NULL::DOUBLE`,
  // approx_percentile's type in Trino: bigint for integers, real for real and decimal (a decimal coerces to real),
  // double for double (https://trino.io/docs/current/functions/aggregate.html#approx_percentile).
  `trino_percentile_type(x TINYINT) AS 0::BIGINT, (x SMALLINT) AS 0::BIGINT, (x INTEGER) AS 0::BIGINT,
     (x BIGINT) AS 0::BIGINT, (x FLOAT) AS 0::REAL, (x DOUBLE) AS 0::DOUBLE, (x DECIMAL) AS 0::REAL,
     (x) AS cast_to_type(trino_fail('approx_percentile takes a number, not ' || typeof(x)), 0::REAL)`,
  // Trino's t-digest answers, on inputs small enough to be kept exactly, the sorted element at floor(p * n)
  // (quantile_disc takes floor(p * (n - 1)): the median of 1, 2 is 2 in Trino, 1 in DuckDB). l: sorted, no NULLs.
  // From 40 values on, the digest interpolates between neighbours (Trino 476, 1.5 · 1..40 at 0.5: 30.75, the element
  // 31.5; every percentile 0.00 … 1.00 agrees up to 39 values, integers, reals and doubles alike): refused there. A
  // NULL percentile skips its rows (NULL); one outside [0, 1], or a NULL in an array of them, fails once a value is
  // met (Trino 476: "Percentile must be between 0 and 1", "Percentile cannot be null"). Each operand is bound once.
  // The element picked is given as its text, which the caller casts to Trino's type: a decimal becomes the real nearest
  // its value, where DuckDB's cast rounded twice (Trino 476: 16777218 for DECIMAL '16777217.5', 1e-38 for DECIMAL
  // '1e-38' at scale 38; locally 16777216 and 1.0000001e-38, seed 20261296 of the aggregates form, hunt37); integers,
  // doubles and reals read back from their text unchanged (DuckDB writes the shortest digits that read back).
  // Trino 476 adds a bigint to its digest as a double and fails on one that has no exact double ("no exact double
  // representation for long: 9223372036854775806"; Java's (long) of 2^63 saturates, so 2^63 - 1 passes); locally it was
  // picked (hunt37). l: the group's values, not NULL, bound once.
  `trino_exact_double_longs(l) AS list_transform([l], lambda trino_l: CASE WHEN typeof(trino_l) = 'BIGINT[]' AND list_bool_or(list_transform(trino_l,
       lambda trino_e: least(CAST(CAST(TRY_CAST(trino_e AS BIGINT) AS DOUBLE) AS HUGEINT), 9223372036854775807) <> TRY_CAST(trino_e AS HUGEINT)))
     THEN cast_to_type(trino_fail('no exact double representation for long: ' || CAST(list_filter(trino_l, lambda trino_e:
       least(CAST(CAST(TRY_CAST(trino_e AS BIGINT) AS DOUBLE) AS HUGEINT), 9223372036854775807) <> TRY_CAST(trino_e AS HUGEINT))[1] AS VARCHAR)), trino_l)
     ELSE trino_l END)[1]`,
  `trino_percentile_pick(l, p) AS list_transform([l], lambda trino_l: CASE WHEN coalesce(len(trino_l), 0) = 0 OR p IS NULL THEN NULL
     WHEN NOT (p >= 0 AND p <= 1) THEN cast_to_type(trino_fail('Percentile must be between 0 and 1'), '')
     WHEN len(trino_l) > ${EXACT_PERCENTILE_VALUES} THEN cast_to_type(trino_fail(${PERCENTILE_REFUSAL}), '')
     ELSE CAST(trino_l[least(CAST(floor(p * len(trino_l)) AS BIGINT), len(trino_l) - 1) + 1] AS VARCHAR) END)[1]`,
  `trino_percentiles_pick(l, ps) AS list_transform([l], lambda trino_l: CASE WHEN coalesce(len(trino_l), 0) = 0 OR ps IS NULL THEN NULL
     WHEN list_bool_or(list_transform(ps, lambda trino_p: trino_p IS NULL)) THEN cast_to_type(trino_fail('Percentile cannot be null'), [''])
     ELSE list_transform(ps, lambda trino_p: trino_percentile_pick(trino_l, trino_p)) END)[1]`,
  // A percentile read from a column (approx_percentile(x, p)): one percentage or an array of them, told by p's type;
  // w: the result's type witness. p: the rows' one percentile (trino_row_percentile).
  `trino_percentile_any(l, p DOUBLE, w) AS cast_to_type(trino_percentile_pick(l, p), w),
     (l, p DOUBLE[], w) AS cast_to_type(trino_percentiles_pick(l, p), [w])`,
  // Trino 476 keeps the percentile of the last row it reads (rows whose value or percentile is NULL skipped): its
  // answer depends on the row order where the rows' percentiles differ, so n (their count of distinct ones) past 1
  // fails; p: any of them.
  `trino_row_percentile(p, n) AS list_transform([p], lambda trino_p: CASE WHEN n > 1 THEN cast_to_type(trino_fail('approx_percentile with a percentile that differs between rows is refused locally: Athena keeps the percentile of the last row it reads, which depends on its plan; give one percentile (a literal) for the whole group'), trino_p) ELSE trino_p END)[1]`,

  `trino_nonempty_delimiter(d) AS CASE WHEN d = '' THEN cast_to_type(trino_fail('The delimiter may not be the empty string'), d) ELSE d END`,
  // from_utf8(b[, r]): invalid UTF-8 becomes r, U+FFFD by default (Trino 476: from_utf8(X'61FF62') is a\uFFFDb,
  // from_utf8(X'61FF62', '?') a?b, '' drops it, 63 a?b); DuckDB's decode failed. A replacement text longer than one
  // UTF-16 unit fails "Replacement character string must empty or a single character" (also where the bytes are valid),
  // a code point that is negative, a surrogate or past U+10FFFF "Invalid replacement character"; a NULL one is NULL.
  // Bytes DuckDB decodes are read by decode; the others by trino_utf8_replaced (function-udfs.ts), for those rows alone.
  `trino_from_utf8(b) AS coalesce(try(decode(b)), trino_utf8_replaced(b, chr(65533))),
     (b, r VARCHAR) AS trino_utf8_replaced(b, CASE WHEN length(r) > 1 OR unicode(r) > 65535
       THEN cast_to_type(trino_fail('Replacement character string must empty or a single character'), r) ELSE r END),
     (b, r) AS trino_utf8_replaced(b, CASE WHEN r < 0 OR r > 1114111 OR r BETWEEN 55296 AND 57343
       THEN cast_to_type(trino_fail('Invalid replacement character'), '') ELSE chr(CAST(r AS INTEGER)) END)`,
  // split(s, NULL) is NULL in Trino 476; DuckDB's string_split(s, NULL) is [s] (a varchar NULL delimiter answered
  // ['a,b']; found by hunt39). A delimiter of no type (split('a,b', NULL)) is typed varchar first (expressions.ts
  // BOTH_ARRAYS_TYPED; cast_to_type failed to bind it).
  // split(s, d, limit): at most limit elements, the last holding the rest of the text (Trino 476: split('a,b,c,d', ',', 2)
  // is [a, b,c,d], split('a,b,', ',', 3) [a, b, ]); a limit of 0 or less fails "Limit must be positive", past 2^31 - 1
  // "Limit is too large"; a NULL
  // argument gives NULL. The rest is the remaining pieces joined by the delimiter again, which gives the text back.
  `trino_split(s, d) AS CASE WHEN d IS NOT NULL THEN string_split(s, trino_nonempty_delimiter(d)) END,
     (s, d, n) AS CASE WHEN d IS NOT NULL AND n IS NOT NULL THEN list_transform([string_split(s, trino_nonempty_delimiter(d))], lambda trino_parts:
       CASE WHEN trino_parts IS NULL THEN NULL
         WHEN n <= 0 THEN cast_to_type(trino_fail('Limit must be positive'), trino_parts)
         WHEN n > 2147483647 THEN cast_to_type(trino_fail('Limit is too large'), trino_parts)
         WHEN len(trino_parts) <= n THEN trino_parts
         ELSE list_concat(trino_parts[1:n - 1], [list_reduce(trino_parts[n:], lambda trino_a, trino_b: trino_a || d || trino_b)]) END)[1] END`,
  // --- strings, regexps, json -------------------------------------------------------------------------------------
  `trino_split_part(s, d, i) AS CASE WHEN i < 1 THEN cast_to_type(trino_fail('Index must be greater than zero'), s)
     WHEN d = '' THEN CASE WHEN i <= length(s) THEN substr(s, i, 1) END
     WHEN i > (length(s) - length(replace(s, d, ''))) // length(d) + 1 THEN NULL
     ELSE split_part(s, d, i) END`,
  // Trino checks the group first, match or not ("Group cannot be negative", "Pattern has 0 groups. Cannot access
  // group 1"); RE2 checks it on a match only, so the probe matches the pattern made optional against ''. A group that
  // does not take part in the match is NULL in Trino (DuckDB's regexp_extract gives '', regexp_extract_all NULL).
  `trino_regexp_group(p, g) AS CASE WHEN g < 0 THEN cast_to_type(trino_fail('Group cannot be negative'), 0)
     WHEN len(regexp_extract_all('', '(?:' || p || ')?', CAST(g AS INTEGER))) >= 0 THEN CAST(g AS INTEGER) END`,
  `trino_regexp_extract(s, p) AS CASE WHEN regexp_matches(s, p) THEN regexp_extract(s, p) END,
     (s, p, g) AS CAST(CASE WHEN s IS NOT NULL THEN regexp_extract_all(s, p, trino_regexp_group(p, g))[1] END AS VARCHAR)`,
  // java-regex.ts: what RE2 cannot say of a Java pattern, checked on the text (checks: regexpChecks' letters). `w`:
  // `\b`, `\B` and POSIX classes count non-ASCII letters in Java, not in RE2; `n`: Java's `$` also matches before a
  // final line break; `i`: under (?i) Java matches ß with ss (and other multi-letter case foldings).
  `trino_regexp_checked_text(s, checks) AS CASE
     WHEN contains(checks, 'w') AND regexp_matches(s, '[^\\x00-\\x7F]')
       THEN CAST(trino_fail('A regular expression with \\b, \\B or a [[:class:]] counts non-ASCII letters as word characters on Athena (Java regex) but not in the local engine (RE2), and the text has non-ASCII characters; match the letters with \\p{L} instead') AS VARCHAR)
     WHEN contains(checks, 'n') AND ends_with(s, chr(10))
       THEN CAST(trino_fail('A regular expression''s $ also matches before a final line break on Athena (Java regex), not in the local engine (RE2), and the text ends with one; remove the line break first (rtrim) or match it') AS VARCHAR)
     WHEN contains(checks, 'i') AND regexp_matches(s, '${MULTI_CHARACTER_FOLDS.source.replace(/\\u([0-9A-F]{4})/g, '\\x{$1}')}')
       THEN CAST(trino_fail('Under (?i) a regular expression matches ß, ﬁ and other characters whose case folding is several letters with those letters on Athena (Java regex: ß with ss), not in the local engine (RE2), and the text has one; match them without (?i)') AS VARCHAR)
     ELSE s END`,
  // A pattern given as a value that matches the empty string (regexp_split, regexp_position, regexp_replace): Trino
  // finds empty matches at other places (translate/functions.ts refuses a literal one).
  `trino_regexp_nonempty(p) AS CASE WHEN NOT regexp_matches('', p) THEN p
     ELSE CAST(trino_fail('The regular expression ' || p || ' matches the empty string, and empty matches are found at other positions locally than on Athena; use a pattern that needs at least one character') AS VARCHAR) END`,
  `trino_regexp_extract_all(s, p) AS regexp_extract_all(s, p),
     (s, p, g) AS CASE WHEN s IS NOT NULL THEN regexp_extract_all(s, p, trino_regexp_group(p, g)) END`,
  // A NULL argument gives NULL before the out-of-range cases give ''.
  // Bytes (Trino 476: substr(X'010203', 2) is 0203, substr(X'010203', -2, 5) 0203; DuckDB has no substr of a BLOB)
  // are cut from their hex text, two digits a byte: a start p > 0 is digit 2p - 1, p < 0 digit 2p (from the end).
  // substring(bytes, p) is no function in Trino (only the FROM form is): trino_substring fails there.
  // A start of -2^63 is out of abs's BIGINT range and a length past 2^31 - 1 out of DuckDB's substr range (Trino 476:
  // substr('abc', -9223372036854775808) is '', substr('abc', 2, 9223372036854775807) 'bc'): abs of a HUGEINT, and the
  // length capped (no text is that long). Trino caps the length at 2^31 - 1 and adds it to the 0-based start in 32
  // bits: text counted from the end (a start < 0) and bytes from either end fail where that sum passes 2^31 - 1
  // (Trino 476: substr('abc', -2, 2147483647) and substr(X'010203', 2, 2147483647) fail GENERIC_INTERNAL_ERROR "Range
  // [1, 1 + …) out of bounds for length 3"; substr('abc', -2, 2147483646) is 'bc', substr('abc', -3, 2^63 - 1) 'abc').
  `trino_substr(s, start) AS CASE WHEN s IS NULL OR start IS NULL THEN NULL
       WHEN start = 0 OR abs(CAST(start AS HUGEINT)) > length(s) THEN '' ELSE substr(s, start) END,
     (s, start, n) AS CASE WHEN s IS NULL OR start IS NULL OR n IS NULL THEN NULL
       WHEN start = 0 OR n <= 0 OR abs(CAST(start AS HUGEINT)) > length(s) THEN ''
       WHEN start < 0 AND length(s) + start + least(n, 2147483647) > 2147483647 THEN cast_to_type(trino_fail(${SUBSTR_RANGE_FAIL}), s)
       ELSE substr(s, start, least(n, 2147483647)) END,
     (s BLOB, start) AS CASE WHEN s IS NULL OR start IS NULL THEN NULL
       WHEN start = 0 OR abs(CAST(start AS HUGEINT)) > octet_length(s) THEN ''::BLOB
       ELSE unhex(substr(hex(s), CAST(CASE WHEN start > 0 THEN 2 * start - 1 ELSE 2 * start END AS BIGINT))) END,
     (s BLOB, start, n) AS CASE WHEN s IS NULL OR start IS NULL OR n IS NULL THEN NULL
       WHEN start = 0 OR n <= 0 OR abs(CAST(start AS HUGEINT)) > octet_length(s) THEN ''::BLOB
       WHEN CASE WHEN start > 0 THEN start - 1 ELSE octet_length(s) + start END + least(n, 2147483647) > 2147483647
         THEN cast_to_type(trino_fail(${SUBSTR_RANGE_FAIL}), s)
       ELSE unhex(substr(hex(s), CAST(CASE WHEN start > 0 THEN 2 * start - 1 ELSE 2 * start END AS BIGINT),
         CAST(2 * least(n, octet_length(s)) AS BIGINT))) END`,
  `trino_substring(s BLOB, start) AS cast_to_type(trino_fail('Unexpected parameters (varbinary, bigint) for function substring. Expected: substring(varchar(x), bigint), substring(varchar(x), bigint, bigint); Athena reads bytes with substr(b, start) or SUBSTRING(b FROM start)'), s),
     (s, start) AS trino_substr(s, start),
     (s BLOB, start, n) AS cast_to_type(trino_fail('Unexpected parameters (varbinary, bigint, bigint) for function substring. Expected: substring(varchar(x), bigint), substring(varchar(x), bigint, bigint); Athena reads bytes with substr(b, start, length) or SUBSTRING(b FROM start FOR length)'), s),
     (s, start, n) AS trino_substr(s, start, n)`,

  // --- arrays and maps --------------------------------------------------------------------------------------------
  // DuckDB types map_from_entries(x) and flatten(x) as NULL when x is a constant it folds to NULL (`zip(split(NULL,
  // ','), …)`); Trino keeps the map or array type. coalesce hides the constant; the CASE keeps the NULL.
  `trino_map_from_entries(e) AS CASE WHEN e IS NOT NULL THEN map_from_entries(coalesce(e, [])) END`,
  `trino_flatten(a) AS CASE WHEN a IS NOT NULL THEN flatten(coalesce(a, [])) END`,
  // len() rejects maps and cardinality() rejects lists at bind time, and typed map overloads are ambiguous, so both
  // go through JSON; the typeof test folds to a constant. A map's type ends with ')', an array of maps' with '[]'
  // (MAP(INTEGER, VARCHAR)[] was counted as a map: cardinality(ARRAY[MAP(…), MAP(…)]) was 0).
  `trino_cardinality(x) AS CAST(CASE WHEN typeof(x) LIKE 'MAP(%)' THEN len(json_keys(to_json(x)))
     ELSE json_array_length(to_json(x)) END AS BIGINT)`,
  // A NULL array gives NULL (list_bool_and(NULL) would fall through to the ELSE).
  `trino_any_match(matches) AS CASE WHEN matches IS NULL THEN NULL WHEN list_bool_or(matches) THEN true
     WHEN list_count(matches) < len(matches) THEN NULL ELSE false END`,
  `trino_all_match(matches) AS CASE WHEN matches IS NULL THEN NULL WHEN NOT list_bool_and(matches) THEN false
     WHEN list_count(matches) < len(matches) THEN NULL ELSE true END`,
  `trino_none_match(matches) AS CASE WHEN matches IS NULL THEN NULL WHEN list_bool_or(matches) THEN false
     WHEN list_count(matches) < len(matches) THEN NULL ELSE true END`,
  // Trino keeps the first occurrence order; list_distinct neither keeps order nor NULL.
  // Maps (at any depth) are sets of entries there: MAP(ARRAY[1, 2], …) and MAP(ARRAY[2, 1], …) are one element.
  `trino_array_distinct(a) AS CASE WHEN ${HAS_ZONED_ELEMENTS('a')} THEN trino_distinct_by(a, trino_cmp_keys(a))
     WHEN trino_holds_map(a) THEN trino_distinct_unordered(a)
     ELSE list_filter(a, lambda x, i: coalesce(list_position(a, x) = i, list_position(a, NULL) = i)) END`,
  // The elements of a whose key (keys[i]) is met first at i: zoned timestamps of one instant are one element in Trino.
  `trino_distinct_by(a, keys) AS list_filter(a, lambda x, i: coalesce(list_position(keys, keys[i]) = i, list_position(keys, NULL) = i))`,
  // a[i] whose array or index is itself an expression (a[1][2], a[b[1]]): trino_subscript mentions a and i ~17 times
  // each, so nested subscripts made DuckDB bind the innermost operand 17^depth times (a[1][1][1][1]: ~7 s of CPU, issue
  // 18). Here a and i are bound once, as the fields of a lambda's parameter (coalesce: see OPERAND_PAIR), and the
  // checks below read the fields. A plain column's subscript keeps trino_subscript: the lambda costs more binding
  // than a column's mentions (translate/operators.ts chooses).
  `trino_subscript_once(a, i) AS list_transform([{'a': coalesce(a), 'i': coalesce(i)}], lambda trino_ai: trino_subscript(trino_ai['a'], trino_ai['i']))[1]`,
  // The casts whose macro mentions its operand most (trino_to_varchar_any x 28, trino_to_varchar 24, trino_cast_json
  // 16): an operand that is itself an expression of calls (CAST(max(zoned) AS VARCHAR): ~16 s of
  // CPU, issue 18) is bound once, as a lambda's parameter (coalesce: see OPERAND_PAIR), which the cast's macro reads;
  // inside the lambda it has its type, so the typed overloads pick as they would on x. A column keeps the plain macro
  // (translate/nested-casts.ts castShimCall chooses).
  // The same for trino_to_double and trino_to_float (x 8) and trino_to_decimal (x 13; w, the NULL of the target type,
  // is a constant).
  ...['trino_to_varchar', 'trino_to_varchar_any', 'trino_cast_json', 'trino_cast_json_any', 'trino_to_double', 'trino_to_float'].map(
    (name) => `${name}_once(x) AS list_transform([coalesce(x)], lambda trino_v: ${name}(trino_v))[1]`,
  ),
  `trino_to_decimal_once(x, w) AS list_transform([coalesce(x)], lambda trino_v: trino_to_decimal(trino_v, w))[1]`,
  // a[i]: Trino raises where DuckDB gives NULL (index past the end, missing map key) or counts from the end (i < 0).
  // The checks run only when a[i] is NULL; typeof folds to a constant and to_json binds for lists and maps alike.
  // A NULL array or map gives NULL whatever the index (Trino's functions return NULL on a NULL argument).
  // A varchar a (DuckDB's string subscript, 'abc'[1] = 'a') is refused while DuckDB binds (typeof folds): Trino 476
  // fails TYPE_MISMATCH at analysis, also over no rows. One more mention of a, folded (no copy of the operand's check).
  `trino_subscript(a, i) AS {'trino_v': CASE
     WHEN a IS NULL THEN a[i]
     WHEN typeof(a) NOT LIKE 'MAP(%)' AND TRY_CAST(i AS BIGINT) < 1 THEN trino_fail_as(CASE WHEN TRY_CAST(i AS BIGINT) = 0
       THEN 'SQL array indices start at 1' ELSE 'Array subscript is negative: ' || i END, a[i])
     WHEN typeof(a) LIKE 'MAP(%)' AND trino_nan_of(i) THEN trino_fail_as('Key not present in map: NaN', a[i])
     WHEN a[i] IS NOT NULL OR a IS NULL OR i IS NULL THEN a[i]
     WHEN typeof(a) LIKE 'MAP(%)' THEN CASE WHEN list_contains(json_keys(to_json(a)), CAST(i AS VARCHAR)) THEN a[i]
       ELSE trino_fail_as('Key not present in map: ' || i, a[i]) END
     WHEN TRY_CAST(i AS BIGINT) <= json_array_length(to_json(a)) THEN a[i]
     ELSE trino_fail_as('Array subscript must be less than or equal to array length: '
       || i || ' > ' || json_array_length(to_json(a)), a[i]) END}[CASE WHEN typeof([a]) = 'VARCHAR[]'
       THEN '${REFUSED_KEY_MARKER}varchar subscript' ELSE 'trino_v' END]`,
  // m[k] and element_at(m, k) of a zoned key k (translate/operators.ts, functions.ts): Trino finds the key of k's instant
  // in any zone. The map's keys are compared by trino_cmp; the key text of the failure is Trino's text of k.
  // The key of m[k] or element_at(m, k) where k's type is known only here (translate/column-operands.ts keyByInstant):
  // a zoned k becomes m's key of the same instant, if any; a key of any other type is itself.
  // DuckDB types an array's element at an index that folds to NULL (`element_at(MAP(), 'x') - 1`, nullif(1, 1)) or at
  // a NULL-typed one (a bare NULL) as an untyped NULL, where Trino keeps the element's type (`ARRAY['a'][NULL]` is a
  // varchar NULL): a NULL index becomes one DuckDB cannot fold (current_query() is not folded), and a NULL-typed one
  // (which would take the zoned overload) a BIGINT one for an array and stays unknown for a map, whose value keeps its
  // type; the lambda defers the binding of from_json's structure, which must be a constant.
  `trino_map_key(m, k ${TZ_STRUCT}) AS coalesce(list_filter(map_keys(m), lambda trino_e: trino_cmp(trino_e) = trino_cmp(k))[1], k),
     (m, k "NULL") AS list_transform([k], lambda trino_k: CASE WHEN current_query() IS NOT NULL
       THEN from_json('null', CASE WHEN typeof([m]) LIKE 'MAP(%' THEN '"NULL"' ELSE '"BIGINT"' END) END)[1],
     (m, k) AS coalesce(k, CASE WHEN current_query() IS NULL THEN k END)`,
  `trino_zoned_key_position(m, k) AS coalesce(list_position(trino_cmp_keys(map_keys(m)), trino_cmp_keys([k])[1]), 0)`,
  `trino_zoned_element_at(m, k) AS CASE WHEN k IS NOT NULL THEN map_values(m)[nullif(trino_zoned_key_position(m, k), 0)] END`,
  `trino_zoned_subscript(m, k) AS CASE WHEN m IS NULL OR k IS NULL THEN map_values(m)[1]
     WHEN trino_zoned_key_position(m, k) > 0 THEN map_values(m)[trino_zoned_key_position(m, k)]
     ELSE trino_fail_as('Key not present in map: ' || trino_to_varchar_any(k), map_values(m)[1]) END`,
  // Keys k (a list) that hold no two zoned values of one instant; true for keys of other types (typeof folds).
  `trino_instants_unique(k) AS NOT ${HAS_ZONED_ELEMENTS('k')} OR coalesce(len(list_distinct(trino_cmp_keys(k))) = len(list_filter(k, lambda trino_e: trino_e IS NOT NULL)), true)`,
  // MAP(keys, values): keys of one instant in other zones are one key in Trino 476, which fails as for any duplicate
  // key ("Duplicate map keys (<the later key>) are not allowed").
  // The key's text is read from its JSON, which binds for keys of every type (the branch is taken for zoned ones only).
  `trino_map() AS MAP(),
     (k, v) AS CASE WHEN trino_instants_unique(k) THEN MAP(k, v) ELSE trino_fail_as(list_transform(
       [to_json(list_filter(k, lambda trino_e, trino_i: list_position(trino_cmp_keys(k), trino_cmp_keys(k)[trino_i]) < trino_i)[1])],
       lambda trino_j: 'Duplicate map keys (' || json_extract_string(trino_j, '$.trino_wall') || ' '
         || json_extract_string(trino_j, '$.trino_zone') || ') are not allowed')[1], MAP(k, v)) END`,
  // map_agg, map_concat, histogram and map_from_entries whose zoned keys meet one instant in other zones: Trino keeps
  // one entry (map_concat the last map's, map_agg one of them, histogram counts them together) or fails
  // (map_from_entries: Duplicate map keys); refused while running.
  `trino_zoned_keys_apart(m) AS CASE WHEN trino_instants_unique(map_keys(m)) THEN m
     ELSE trino_fail_as('maps of timestamp with time zone keys (map_agg, map_concat, histogram, map_from_entries) are refused locally where keys of one instant come in different zones (Athena keeps one entry of them or fails); apply at_timezone(k, ''UTC'') to the keys first', m) END`,
  // element_at: NULL past the end and for a missing key, counts from the end for i < 0 (as DuckDB's a[i]), but
  // index 0 fails in Trino where a[i] gives NULL, and so does the lowest bigint (Java's Math.abs of it stays
  // negative, so Trino 476 computes length + index with toIntExact: "integer overflow"). A NaN key is found in no map
  // (Trino 476: NULL; m[nan()] fails "Key not present in map: NaN"), where DuckDB finds a NaN key. Each message reads
  // i: DuckDB folds `trino_fail(constant)` while binding, which failed every call whose key is not a constant.
  `trino_element_at(a, i) AS CASE WHEN a IS NULL OR (typeof(a) LIKE 'MAP(%)' AND trino_nan_of(i)) THEN NULL
     WHEN typeof(a) NOT LIKE 'MAP(%)' AND TRY_CAST(i AS BIGINT) = 0
       THEN trino_fail_as(CASE WHEN i IS NOT NULL THEN 'SQL array indices start at 1' END, a[i])
     WHEN typeof(a) NOT LIKE 'MAP(%)' AND TRY_CAST(i AS BIGINT) = -9223372036854775808
       THEN trino_fail_as(CASE WHEN i IS NOT NULL THEN 'integer overflow' END, a[i])
     ELSE a[i] END`,
  // NULL searched for gives NULL; NULL elements never match (list_position would find a NULL). Elements that are
  // arrays, maps or rows compare as Trino does (nested-compare.ts).
  `trino_array_position(a, x) AS ${SEARCH_KEYS('trino_array_position_keys')}`,
  `trino_array_position_any(a, x) AS trino_array_position_keys(a, x)`,
  `trino_array_position_keys(a, x) AS CASE WHEN x IS NOT NULL AND a IS NOT NULL THEN CASE WHEN ${IS_NESTED('x')} THEN trino_nested_position(a, x)
     WHEN trino_nan_of(x) THEN CAST(0 AS BIGINT) ELSE CAST(coalesce(trino_list_position(a, x), 0) AS BIGINT) END END`,
  // Trino fails where DuckDB gives [] (a step away from the stop) and past 10000 elements (Trino 476, oracle).
  `trino_sequence_checked(a, b, step) AS CASE
     WHEN step = 0 THEN cast_to_type(trino_fail('step must not be zero'), generate_series(a, b, 1))
     WHEN (step > 0 AND b < a) OR (step < 0 AND b > a) THEN cast_to_type(trino_fail('sequence stop value should be greater than or equal to start value if step is greater than zero otherwise stop should be less than or equal to start'), generate_series(a, b, step))
     WHEN (b - a) // step >= 10000 THEN cast_to_type(trino_fail('result of sequence function must not have more than 10000 entries'), generate_series(a, b, step))
     ELSE generate_series(a, b, step) END`,
  // sequence(start, stop, interval) over dates and timestamps (timestamp(3) elements, as Trino 476 answers for any
  // precision): the k-th element is start + k * step, so month steps are not added one onto the other (01-31 then
  // 02-29, 03-31); Trino checks the step's type, zero, direction and the 10000 entries
  // (https://trino.io/docs/current/functions/array.html#sequence). A year-to-month interval is the one with months.
  `trino_interval_months(i) AS datepart('year', i) * 12 + datepart('month', i)`,
  `trino_sequence_fail(message, a) AS cast_to_type(trino_fail(message), [a])`,
  `trino_sequence_datetime(a, b, step) AS CASE
     WHEN trino_interval_months(step) = 0 AND epoch_us(step) = 0 THEN trino_sequence_fail('step must not be zero', a)
     WHEN (step > INTERVAL 0 SECOND AND b < a) OR (step < INTERVAL 0 SECOND AND b > a) THEN trino_sequence_fail('sequence stop value should be greater than or equal to start value if step is greater than zero otherwise stop should be less than or equal to start', a)
     WHEN trino_interval_months(step) <> 0 THEN trino_sequence_steps(a, trino_joda_months(b, a) // trino_interval_months(step),
       lambda j: a + to_months(CAST(j * trino_interval_months(step) AS INTEGER)))
     ELSE trino_sequence_steps(a, (epoch_us(b) - epoch_us(a)) // epoch_us(step), lambda k: a + to_microseconds(k * epoch_us(step))) END`,
  // The number of elements past the start is Joda's months from start to stop (getDifferenceAsLong(stop, start)) over
  // the step, as Trino counts them; the last element may pass the stop by its day: sequence(DATE '2016-06-30',
  // DATE '2016-01-31', INTERVAL '-1' MONTH) ends at 2016-01-30 in Trino 476. Joda counts the whole months from the
  // earlier y to the later x: the calendar months, one less where x's day and time come before y's (y's day cut to
  // x's where x is the last day of its month).
  `trino_joda_months_forward(x, y) AS (year(x) * 12 + month(x)) - (year(y) * 12 + month(y))
     - CASE WHEN [day(x), epoch_us(x - date_trunc('day', x))]
       < [CASE WHEN day(x) = day(last_day(x)) THEN least(day(y), day(x)) ELSE day(y) END, epoch_us(y - date_trunc('day', y))] THEN 1 ELSE 0 END`,
  `trino_joda_months(x, y) AS CASE WHEN x < y THEN -trino_joda_months_forward(y, x) ELSE trino_joda_months_forward(x, y) END`,
  `trino_sequence_steps(a, last, element) AS CASE WHEN last >= 10000
     THEN trino_sequence_fail('result of sequence function must not have more than 10000 entries', a)
     ELSE list_transform(range(0, last + 1), element) END`,
  `trino_sequence(a DATE, b DATE) AS CASE WHEN abs(b - a) >= 10000
       THEN cast_to_type(trino_fail('result of sequence function must not have more than 10000 entries'), [a])
       ELSE list_transform(generate_series(CAST(a AS TIMESTAMP), CAST(b AS TIMESTAMP),
       CASE WHEN a <= b THEN INTERVAL 1 DAY ELSE -INTERVAL 1 DAY END), lambda d: CAST(d AS DATE)) END,
     (a DATE, b DATE, step INTERVAL) AS CASE WHEN a IS NULL OR b IS NULL OR step IS NULL THEN NULL
       WHEN trino_interval_months(step) = 0 AND epoch_us(step) % 86400000000 <> 0
         THEN cast_to_type(trino_fail('sequence step must be a day interval if start and end values are dates'), [a])
       ELSE list_transform(trino_sequence_datetime(CAST(a AS TIMESTAMP), CAST(b AS TIMESTAMP), step), lambda d: CAST(d AS DATE)) END,
     (a TIMESTAMP, b TIMESTAMP, step INTERVAL) AS CASE WHEN a IS NULL OR b IS NULL OR step IS NULL THEN NULL
       ELSE trino_sequence_datetime(a, b, step) END,
     (a TIMESTAMP_S, b TIMESTAMP_S) AS cast_to_type(trino_fail('${SEQUENCE_WITHOUT_STEP('timestamp(0)')}'), [a]),
     (a TIMESTAMP, b TIMESTAMP) AS cast_to_type(trino_fail('${SEQUENCE_WITHOUT_STEP('timestamp(3)')}'), [a]),
     (a "NULL", b "NULL") AS cast_to_type(trino_fail('${SEQUENCE_OF_NULLS}'), NULL::DATE[]),
     (a, b) AS trino_sequence_checked(a, b, CASE WHEN a <= b THEN 1 ELSE -1 END),
     (a, b, step) AS trino_sequence_checked(a, b, step)`,
];
