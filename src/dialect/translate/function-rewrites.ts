// Rewrites of calls whose DuckDB namesake answers differently: NULL arguments (greatest, least), array arguments
// (concat_ws), result types (avg) and statistics (skewness). Merged into FUNCTIONS (functions.ts).
import { mayBeUnknownExpression, unknownGuarded } from './column-operands.js';
import { checkedCoalesce, checkedFamilies, checkedOnce, mayMixFamilies, mixesIpAddress } from './decimal-common-type.js';
import { besideFloating, doubleArgument, floatingPair, floatingRefused } from './floating-operands.js';
import { type CallContext, type CallHandler, refusedUntypedNull, splitAggregateOrder } from './functions.js';
import { isParen, meaningful, type Node, nodeKeyword } from './tree.js';
import { hasOuterAggregate, shimCall } from './unbound.js';
import { INTEGER_TYPES, typedWhereOuter } from './operators.js';
import { typeFamily } from './nested-comparisons.js';
import { REFUSED_KEY_MARKER } from '../shims/error-messages.js';
import { unknownWitness } from './unknown-aggregates.js';

/**
 * Trino's greatest/least (trino_greatest_of / trino_least_of, function-macros.ts) look at all the arguments at once:
 * NULL when any is NULL, and greatest skips a NaN. The arguments become one struct bound to a lambda parameter
 * (decimal-common-type.ts), so each is rendered once and keeps its own type for the check of their common type.
 */
const overArgumentList =
  (macro: string): CallHandler =>
  (c) => {
    const struct = `{${c.args.map((_a, k) => `'trino_${k}': ${c.arg(k)}`).join(', ')}}`;
    const list = (fields: readonly string[]) => `${macro}(list_value(${fields.join(', ')}))`;
    const wanted = { scale: true, ip: mixesIpAddress(c.args), families: mayMixFamilies(c.args) };
    return checkedOnce(`${c.name.text.toLowerCase()}()`, struct, c.args.length, list, wanted);
  };

/**
 * Shims of one argument that dispatch on typed macro overloads cannot take an aggregate argument: DuckDB binds it as
 * UNKNOWN, which matches the first overload (reverse(array_agg(x)) would reverse the array's text). With an aggregate
 * argument the call takes `plain` (a form right for the usual type) or, without one, the shim inside a lambda over the
 * argument's value, where its type is known, as trino_format_text (overref44: Trino 476 reverse(max(s)) of 'ab', 'ac'
 * is 'ca'; it was refused with unfaithful/aggregate-argument).
 */
const typedShim =
  (shim: string, plain?: string): CallHandler =>
  (c) => {
    // An aggregate inside a scalar subquery is the subquery's own: the subquery's column is typed when DuckDB binds the
    // macro (reverse(regexp_replace((SELECT max_by(x, y) FROM …), '[0-9]')), the random tier's seed 20261205, case 515).
    if (!hasOuterAggregate(c.all())) return `${shim}(${c.all()})${c.tail}`;
    if (plain) return `${plain}(${c.all()})${c.tail}`;
    return `list_transform([${c.all()}], lambda trino_typed: ${shim}(trino_typed))[1]${c.tail}`;
  };

/** `array_agg(…)`, alone (an array whatever its argument: reverse() of it is list_reverse, with or without OVER/FILTER). */
function arrayAggregate(arg: readonly Node[] | undefined): boolean {
  const [name, group, ...rest] = meaningful(arg ?? []);
  return nodeKeyword(name) === 'ARRAY_AGG' && isParen(group) && rest.every((n) => ['FILTER', 'OVER'].includes(nodeKeyword(n)) || isParen(n));
}

/** Splits a rendered `WITHIN GROUP (ORDER BY …) rest` tail into the ORDER BY text and the rest. */
function withinGroup(tail: string): { orderBy: string; rest: string } | undefined {
  const open = /^\s*WITHIN\s+GROUP\s*\(/i.exec(tail);
  if (!open) return undefined;
  let depth = 1;
  let i = open[0].length;
  for (; i < tail.length && depth > 0; i++) depth += tail[i] === '(' ? 1 : tail[i] === ')' ? -1 : 0;
  return depth === 0 ? { orderBy: tail.slice(open[0].length, i - 1).trim(), rest: tail.slice(i) } : undefined;
}

/** coalesce() of decimals whose common type needs more than 38 digits is refused (decimal-common-type.ts). */
const coalesceCall: CallHandler = (c) =>
  oneKnownFamily(c)
    ? `coalesce(${c.all()})`
    : checkedCoalesce(
        `coalesce(${c.all()})`,
        c.args,
        c.args.map((_a, k) => c.arg(k)),
      );

const STRING_LITERAL = /^'(?:[^']|'')*'$/;
const INTEGER_LITERAL = /^(?:-\s*)?(?:\d+|CAST\(\d+ AS INTEGER\))$/;
/** count() and count_if() of anything, as rendered (count_if is count(CASE …)): a bigint. */
/** sum(x) as rendered (sum39's bigint check; trino_summand reads an interval's milliseconds): x. */
const INTEGER_SUM = /^trino_sum_checked\(sum\(trino_summand\(([^()]+)\)\), min\(trino_sum_type\(\1\)\), sum\(trino_sum_positive\(\1\)\)\)$/;
const COUNT_CALL = /^count\((?:[^()']|'(?:[^']|'')*'|\((?:[^()']|'(?:[^']|'')*'|\([^()]*\))*\))*\)$/i;

/**
 * The type family (number without decimals, varchar, boolean, date) of a rendered argument whose type is known before
 * DuckDB binds it: a column the catalog types (issue 18), a string or integer literal, a count; undefined otherwise.
 */
function argumentFamily(c: CallContext, text: string): string | undefined {
  if (STRING_LITERAL.test(text)) return 'varchar';
  if (INTEGER_LITERAL.test(text) || COUNT_CALL.test(text)) return 'number';
  // sum of a column the catalog types as an integer: a bigint (the p3_contract_violations alert's coalesce(sum(c), 0)).
  const summed = INTEGER_SUM.exec(text)?.[1];
  if (summed !== undefined && INTEGER_TYPES.has(c.knownType?.(summed) ?? '')) return 'number';
  const type = c.knownType?.(text);
  return type === undefined ? undefined : typeFamily(type);
}

/**
 * Whether every argument of a call (coalesce, nullif) is of one known type family without decimals, so the checks of
 * its values meeting in one type (families, decimal scales, ipaddress: decimal-common-type.ts) can only pass.
 */
function oneKnownFamily(c: CallContext): boolean {
  if (c.args.length < 2) return false;
  const family = argumentFamily(c, c.arg(0));
  return family !== undefined && c.args.every((_a, k) => argumentFamily(c, c.arg(k)) === family);
}

/**
 * Macros that pick their overload by a type tag DuckDB folds from the column's type (trino_cmp_column of nullif(x, y),
 * trino_floating_operand of tan(x) over VALUES): inside an aggregate's witness `(SELECT …)` the column is an outer one,
 * whose tag is not folded, and DuckDB failed "multiple overloads" (Trino 476: avg(tan(x)) over (VALUES 1e0, NULL)
 * 1.5574077246549023, corr(nullif(x, x), x) NULL, both double).
 */
const PICKS_BY_TYPE = /\btrino_(?:cmp_column|floating_operand)\(/;

/**
 * `macro` applied to `value` for an aggregate's type witness: through `(SELECT …)`, so that DuckDB reports an unknown
 * column by name, or through a lambda where the value holds a macro of PICKS_BY_TYPE.
 */
const typedWitness = (value: string, macro: string): string =>
  PICKS_BY_TYPE.test(value) ? `list_transform([${value}], lambda trino_e: ${macro}(trino_e))[1]` : `${macro}((SELECT ${typedWhereOuter(value)}))`;

/**
 * corr, covar_pop, covar_samp, regr_slope, regr_intercept: Trino has double and real forms only, so integer and decimal
 * arguments become real (rounded to float, trino_stat_arg) and the result is real unless an argument is a double (the
 * witness, bound through (SELECT …) inside min() as avg's is). The value is Trino's: its covariance state updated pair by
 * pair in double (trino_covariance_state, function-macros.ts; DuckDB's own raise "out of range" on a NaN, an Infinity or
 * a sum past the doubles). corr and the regressions write NULL where the result is not finite.
 */
const realOrDoubleStatistic: CallHandler = (c) => {
  if (hasOuterAggregate(c.all())) return undefined;
  const distinct = /^DISTINCT\s+/i.exec(c.arg(0))?.[0] ?? '';
  // (y, x): the first argument is the dependent one; Trino's state reads the pair as (x, y).
  const [y, x] = [c.arg(0).slice(distinct.length), c.arg(1)];
  const pairs = `list(${distinct}{'x': trino_stat_arg(${x}, ${x}, ${y}), 'y': trino_stat_arg(${y}, ${x}, ${y})})${c.tail}`;
  const witness = `min(${typedWitness(y, 'trino_stat_type')} + ${typedWitness(x, 'trino_stat_type')})${c.tail}`;
  return `cast_to_type(trino_${c.name.text.toLowerCase()}_of(trino_covariance_state(${pairs})), ${witness})`;
};

/**
 * `x` (the argument rendered for the aggregate) refused while DuckDB binds where the aggregate is DISTINCT and `raw` (the
 * argument as written) is a decimal of more than 15 digits: Trino 476 merges partial states of a DISTINCT statistic
 * in an order its plan decides, so its last digits differ between plans (stddev(DISTINCT d) of four decimal(17,5)
 * values 238181407490.20306 alone, …203 beside count(*)). typeof folds while binding: free per row; `raw` is bound once
 * more (DISTINCT statistics only).
 */
const distinctDecimalRefused = (distinct: string, name: string, raw: string, x: string, tail: string): string =>
  // A window's DISTINCT aggregate reads its frame row by row (Trino 476: stddev(DISTINCT d) OVER () is …203, as here).
  distinct && !/^\s*(?:FILTER\s*\([\s\S]*\)\s*)?OVER\b/i.test(tail)
    ? `{'trino_v': ${x}}[CASE WHEN trino_decimal_digits(typeof([${raw.trim()}])) > 15 THEN '${REFUSED_KEY_MARKER}distinct statistic ${name}' ELSE 'trino_v' END]`
    : x;

/**
 * The variance family: Trino runs Welford's update in double, so one NaN or ±Infinity makes the result NaN (Infinity -
 * Infinity), where DuckDB's aggregate raises "out of range" (and answers 0 for var_pop of one Infinity). Finite values
 * keep DuckDB's aggregate (the same update); a group holding a non-finite value is NaN once it has the values the
 * function needs (`least`: 2 for the sample forms, 1 for the population forms), else NULL. Finite values whose squares
 * may overflow fail with a clear error (Trino's answer there depends on its plan).
 */
const varianceStatistic =
  (least: number): CallHandler =>
  (c) => {
    if (hasOuterAggregate(c.all())) return undefined;
    const distinct = /^DISTINCT\s+/i.exec(c.arg(0))?.[0] ?? '';
    // A decimal of more than 15 digits made a double as Trino 476 makes it (floating-operands.ts doubleArgument).
    const x = doubleArgument(c.arg(0).slice(distinct.length), c.correlatable);
    const finite = `isfinite(CAST(${x} AS DOUBLE))`;
    const nonFinite = `count(CASE WHEN NOT ${finite} THEN 1 END)${c.tail}`;
    const nan = `CASE WHEN count(${distinct}${x})${c.tail} >= ${least} THEN 'NaN'::DOUBLE END`;
    const name = c.name.text.toLowerCase();
    const largest = `max(abs(CASE WHEN ${finite} THEN CAST(${x} AS DOUBLE) END))${c.tail}`;
    // Values past 2^500 may overflow the squares: DuckDB raises "out of range", and Trino 476's answer depends on its
    // plan: Infinity where one Welford update sees them all (variance of 1e200, -1e200 over VALUES), NaN where partial
    // states are merged (GROUP BY, DISTINCT, a table of several files: its merge into an empty state multiplies the
    // overflowed square by a count of 0). Such a group fails with that said; only DuckDB's aggregate over the other
    // groups sees the values (which cannot overflow it).
    const large = `cast_to_type(trino_fail('${name}() of values past 2^500 (±3.27E150), whose squares may overflow: Athena answers Infinity or NaN there depending on how it plans the aggregation, which the local engine cannot tell; scale the values down first (x / 1e150)'), 0::DOUBLE)`;
    const value = distinctDecimalRefused(distinct, name, c.arg(0).slice(distinct.length), x, c.tail);
    const plain = `${c.name.text}(${distinct}CASE WHEN ${finite} AND abs(CAST(${x} AS DOUBLE)) <= pow(2.0, 500) THEN ${value} END)${c.tail}`;
    return `CASE WHEN ${nonFinite} > 0 THEN ${nan} WHEN ${largest} > pow(2.0, 500) THEN ${large} ELSE ${plain} END`;
  };

/**
 * skewness and kurtosis: Trino's central moments, updated value by value in double (trino_central_moments,
 * function-macros.ts). DuckDB's own sum powers of the raw values, which cancel catastrophically away from 0 (kurtosis of
 * 1e8+1, 1e8+2, 1e8+3, 1e8+7 is -1.5e16 there, 2.2349 in Trino) and raise "out of range" on NaN or Infinity.
 */
const centralMoment =
  (macro: string): CallHandler =>
  (c) => {
    if (hasOuterAggregate(c.all())) return undefined;
    const distinct = /^DISTINCT\s+/i.exec(c.arg(0))?.[0] ?? '';
    const raw = c.arg(0).slice(distinct.length);
    const x = distinctDecimalRefused(distinct, c.name.text.toLowerCase(), raw, `CAST(${doubleArgument(raw, c.correlatable)} AS DOUBLE)`, c.tail);
    return `${macro}(trino_central_moments(list(${distinct}${x})${c.tail}))`;
  };

/**
 * geometric_mean is exp(Σ ln(x) / n) in double (a negative value makes it NaN, a zero 0, where DuckDB raises); Trino has
 * bigint, double and real forms, so decimals and reals are rounded to real and give a real (trino_geomean_*).
 */
const geometricMean: CallHandler = (c) => {
  if (hasOuterAggregate(c.all())) return undefined;
  const distinct = /^DISTINCT\s+/i.exec(c.arg(0))?.[0] ?? '';
  const x = c.arg(0).slice(distinct.length);
  const witness = `min(${typedWitness(x, 'trino_geomean_type')})${c.tail}`;
  const logs = `sum(${distinct}trino_ln(trino_geomean_arg(${x})))${c.tail}`;
  return `cast_to_type(exp(${logs} / count(${distinct}${x})${c.tail}), ${witness})`;
};

/** A column reference (`a`, `t.a`), not a literal word. */
const COLUMN_NAME = /^(?!(?:TRUE|FALSE|NULL)$)[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/i;

/** The instant comparison of a compared column: an outer one's overload is picked in trino_cmp_outer's lambda. */
const columnCmp = (c: Parameters<CallHandler>[0]) => (c.correlatable ? 'trino_cmp_outer' : 'trino_cmp_column');

/**
 * nullif(d, REAL '…') or nullif(REAL '…', d) of a column d: Trino 476 compares in the real or double, d the value
 * nearest its exact value (floating-operands.ts; nullif(d, REAL '16777218') of a decimal(9,1) 16777217.5 is NULL).
 */
function nullifBesideFloating(c: Parameters<CallHandler>[0]): string | undefined {
  const [first, second] = [besideFloating(c.arg(0), [c.arg(1)], c.correlatable), besideFloating(c.arg(1), [c.arg(0)], c.correlatable)];
  if (first === undefined && second === undefined) return undefined;
  return `CASE WHEN ${first ?? c.arg(0)} = trino_nan_null(${second ?? c.arg(1)}) THEN NULL ELSE ${c.arg(0)} END`;
}

/**
 * `a = b` of two compared columns; outside a correlated subquery a decimal beside a real or double is read as Trino
 * compares it (floating-operands.ts floatingPair: nullif(d, r) of a decimal(9,1) 16777217.5 and REAL '16777218' is NULL).
 */
function columnsCompared(c: Parameters<CallHandler>[0], a: string, b: string): string {
  // In a correlated subquery: refused where a decimal meets a real or double (floating-operands.ts floatingRefused).
  if (c.correlatable) return floatingRefused(a, b, `${a} = ${b}`, 'nullif() in a correlated subquery');
  const read = floatingPair(a, b);
  return read ? `${read[0]} = ${read[1]}` : `${a} = ${b}`;
}

export const NULL_AWARE_REWRITES: Record<string, CallHandler> = {
  coalesce: coalesceCall,
  // Trino 476: "Types are not comparable with NULLIF: integer vs varchar(1)" where DuckDB casts the text.
  nullif: (c) => {
    if (c.args.length !== 2) return undefined;
    // A NaN second argument matches nothing (NaN = NaN is false in Trino; nan-macros.ts). A zoned argument matches by
    // instant (Trino 476: nullif(01:00 +01:00, 00:00 UTC) is NULL), and so do two columns, whose types only DuckDB's
    // binder knows (in a subquery that may reference outer columns, of a statement that makes zoned values only).
    const whole = c.args.some((a) => c.renderZoned(a).zoned)
      ? `CASE WHEN ${shimCall('trino_cmp', [c.arg(0)])} = ${shimCall('trino_cmp', [c.arg(1)])} THEN NULL ELSE ${c.arg(0)} END`
      : (!c.correlatable || c.makesZoned) && [c.arg(0), c.arg(1)].every((a) => COLUMN_NAME.test(a) && !c.lambdaParameters?.has(a.toLowerCase()))
        ? `CASE WHEN ${columnsCompared(c, `${columnCmp(c)}(${c.arg(0)})`, `${columnCmp(c)}(trino_nan_null(${c.arg(1)}))`)} THEN NULL ELSE ${c.arg(0)} END`
        : (nullifBesideFloating(c) ??
          // DuckDB 1.5 fails to bind nullif of an outer column inside the check's struct ("Need named argument for
          // struct pack"): in a subquery that may be correlated it is written as its CASE.
          (c.correlatable
            ? `CASE WHEN ${
                [c.arg(0), c.arg(1)].every((a) => COLUMN_NAME.test(a) && !c.lambdaParameters?.has(a.toLowerCase()))
                  ? columnsCompared(c, c.arg(0), `trino_nan_null(${c.arg(1)})`)
                  : `${c.arg(0)} = trino_nan_null(${c.arg(1)})`
              } THEN NULL ELSE ${c.arg(0)} END`
            : `nullif(${c.arg(0)}, trino_nan_null(${c.arg(1)}))`));
    // Two values of one known family (`nullif(count(x), 0)`): "Types are not comparable with NULLIF" cannot happen.
    return oneKnownFamily(c)
      ? whole
      : checkedFamilies(
          'nullif()',
          whole,
          c.args,
          c.args.map((_a, k) => c.arg(k)),
        );
  },
  // LISTAGG(x, sep) WITHIN GROUP (ORDER BY …): string_agg skips NULLs and gives NULL over no rows, as Trino does.
  // The query pass (within-group.ts) has already moved the ORDER BY into the call, defaulted the separator to '' and
  // reported an ON OVERFLOW TRUNCATE at its position; a call without an ordering is refused here.
  listagg: (c) => {
    if (/\bON\s+OVERFLOW\b/i.test(c.all())) return undefined;
    // Trino 476 takes varchar only ("Expected expression of varchar, but 'v' has integer type", a NULL included);
    // string_agg would cast any value to text. typeof folds while binding: a check of the type, no per-row cost.
    // Under DISTINCT DuckDB wants the ORDER BY keys among the arguments as written: the separator carries the check.
    const [, distinct, value] = /^(\s*DISTINCT\s)?([\s\S]*)$/i.exec(c.arg(0)) ?? ['', undefined, c.arg(0)];
    const varcharOnly = (x: string) =>
      `{'trino_v': ${x}}[CASE WHEN typeof(${value}) <> 'VARCHAR' THEN '${REFUSED_KEY_MARKER}listagg ' || replace(typeof(${value}), '"', '') ELSE 'trino_v' END]`;
    const call = (separator: string, rest: string) =>
      distinct ? `string_agg(${c.arg(0)}, ${varcharOnly(separator)}${rest})` : `string_agg(${varcharOnly(value)}, ${separator}${rest})`;
    const inline = c.args.length === 2 ? /\bORDER\s+BY\b/i.exec(c.arg(1)) : null;
    if (inline) return `${call(c.arg(1).slice(0, inline.index), ` ${c.arg(1).slice(inline.index)}`)}${c.tail}`;
    const group = withinGroup(c.tail);
    if (!group || !/^ORDER\s+BY\b/i.test(group.orderBy)) {
      c.report('listagg', 'listagg() runs locally as listagg(x, separator) WITHIN GROUP (ORDER BY …)', "write listagg(x, ',') WITHIN GROUP (ORDER BY x)");
      return undefined;
    }
    return `${call(c.args.length > 1 ? c.arg(1) : "''", ` ${group.orderBy}`)}${group.rest}`;
  },
  // Java: log(b, x) = ln(x) / ln(b), NaN or ±Infinity where DuckDB raises or (base 1, a division by 0) gives NULL.
  log: (c) => `trino_double_divide(trino_ln(${c.arg(1)}), trino_ln(${c.arg(0)}))`,
  reverse: (c) => (refusedUntypedNull(c) ? undefined : arrayAggregate(c.args[0]) ? `list_reverse(${c.arg(0)})` : typedShim('trino_reverse')(c)),
  length: typedShim('trino_length', 'length'),
  // TRIM(LEADING 'x' FROM s) is SQL syntax DuckDB shares; trim(s) removes Java whitespace, not only spaces.
  // TRIM(LEADING FROM s), without characters, is ltrim(s) in Trino; DuckDB read LEADING as a column.
  trim: (c) => {
    const [side, from] = meaningful(c.group.items).map(nodeKeyword);
    // TRIM(FROM s), neither a side nor characters: a syntax error in Trino (DuckDB trimmed spaces).
    if (side === 'FROM') {
      c.report(
        'trim-from',
        "Athena fails with SYNTAX_ERROR: The 'trim' function must have specification, char or both arguments when it takes FROM",
        'write trim(s) or trim(BOTH FROM s)',
      );
      return undefined;
    }
    const shim = { LEADING: 'trino_ltrim', TRAILING: 'trino_rtrim', BOTH: 'trino_trim' }[side];
    if (shim && from === 'FROM') return `${shim}(${c.all().replace(/^\s*\S+\s+FROM\s+/i, '')})`;
    return c.group.items.some((n) => nodeKeyword(n) === 'FROM') ? undefined : `trino_trim(${c.all()})`;
  },
  greatest: overArgumentList('trino_greatest_of'),
  least: overArgumentList('trino_least_of'),
  // concat_ws(sep, array) joins the array (DuckDB would print the array); with strings it skips NULLs like DuckDB's,
  // which would also cast numbers and dates to text, where Trino fails (trino_concat_ws_text).
  // concat_ws(sep, NULL): a NULL of no type matches both the varchar and the array form, and Trino 476 fails
  // (AMBIGUOUS_FUNCTION_CALL); locally it was ''.
  concat_ws: (c) => {
    if (c.args.length === 2 && /^NULL$/i.test(c.arg(1).trim())) {
      c.report(
        'ambiguous-call',
        'concat_ws(separator, NULL): Could not choose a best candidate operator. Explicit type casts must be added (Athena fails with AMBIGUOUS_FUNCTION_CALL: a NULL of no type matches the varchar and the array form)',
        "CAST the NULL to a type: concat_ws(',', CAST(NULL AS varchar))",
      );
      return undefined;
    }
    // A value typed unknown otherwise (a column of NULLs, (SELECT NULL), if(c, NULL)) matches both forms too (hunt42).
    return c.args.length === 2
      ? shimCall('trino_concat_ws', [c.arg(0), unknownGuarded(c.arg(1), c.mayHoldUnknown === true, 'concat_ws', true, mayBeUnknownExpression(c.arg(1)))])
      : `concat_ws(${[c.arg(0), ...c.args.slice(1).map((_a, k) => `trino_concat_ws_text(${c.arg(k + 1)})`)].join(', ')})`;
  },
  // avg is sum / count in Trino's result type: double for integers (the witness turns the sum into a double), the
  // input's decimal type rounded half up (trino_divide; DuckDB's avg(decimal) is a double), real for real. A decimal
  // sum stays unchecked (trino_avg_sum): Trino's average of a total past 38 digits is still an answer.
  // The witness's argument is a scalar subquery because DuckDB binds an overloaded macro's arguments before the rest
  // of the expression and reports an unknown column there as "multiple overloads match"; bound through (SELECT …)
  // first, the unknown column is reported by name (and the file position follows it).
  avg: (whole) => {
    // avg(x ORDER BY y): the ORDER BY goes back inside sum's and count's own calls, not the macros' (splitAggregateOrder).
    const { c, order } = splitAggregateOrder(whole);
    if (refusedUntypedNull(c)) return undefined;
    // A column the catalog types as an integer (issue 18: the hourly KPI's avg(rating)): Trino's double average, the
    // sum as a double over the count, as trino_avg_of computes it for integers without its witness and shims.
    const integer = c.args.length === 1 && order === '' && c.tail.trim() === '' && INTEGER_TYPES.has(c.knownType?.(c.arg(0)) ?? '');
    if (integer) return `CAST(sum(${c.arg(0)}) AS DOUBLE) / CAST(count(${c.arg(0)}) AS DOUBLE)`;
    const value = unknownGuarded(c.arg(0).replace(/^DISTINCT\s+/i, ''), c.mayHoldUnknown === true, 'avg', true);
    // A window over an aggregate (avg(sum(x)) OVER ()) types it through a lambda, as sum does; an aggregate over an
    // aggregate has no witness.
    const overAggregate = hasOuterAggregate(c.all());
    if (overAggregate && (!/^\s*OVER\b/i.test(c.tail) || /\bOVER\b/i.test(value))) return `avg(${c.all()}${order})${c.tail}`;
    // A value holding a macro that picks its overload by the column's type (avg(tan(x)) over VALUES) is typed through
    // a lambda too (PICKS_BY_TYPE).
    const typed =
      overAggregate || PICKS_BY_TYPE.test(value)
        ? `list_transform([${value}], lambda trino_e: trino_avg_type(${unknownGuarded('trino_e', c.mayHoldUnknown === true, 'avg')}))[1]`
        : `trino_avg_type((SELECT ${typedWhereOuter(unknownWitness(value, c.mayHoldUnknown === true, 'avg'))}))`;
    const witness = `min(${typed})${c.tail}`;
    // An interval is summed as its milliseconds (trino_summand), where the call holds the value alone.
    const distinct = /^\s*DISTINCT\s/i.test(c.arg(0));
    const lone = c.args.length === 1 && c.all().trim() === c.arg(0).trim();
    // Over an aggregate (avg(max(x)) OVER ()) through a lambda, as in sum: the typed macro would not see the aggregate's
    // type and took its interval overload ("Unimplemented type for cast (DECIMAL(3,2) -> INTERVAL)").
    const bare = c.arg(0).replace(/^\s*DISTINCT\s+/i, '');
    const summand = overAggregate ? `list_transform([${bare}], lambda trino_e: trino_summand(trino_e))[1]` : `trino_summand(${bare})`;
    const summed = lone ? `${distinct ? 'DISTINCT ' : ''}${summand}` : c.all();
    return `trino_avg_of(sum(${summed}${order})${c.tail}, count(${c.all()}${order})${c.tail}, ${witness})`;
  },
  corr: realOrDoubleStatistic,
  covar_pop: realOrDoubleStatistic,
  covar_samp: realOrDoubleStatistic,
  regr_slope: realOrDoubleStatistic,
  regr_intercept: realOrDoubleStatistic,
  // grouping() is an integer in Trino (DuckDB's is a BIGINT), a bigint of 32 to 63 arguments (Trino 476: 32 arguments
  // bigint, 33 under ROLLUP 8589934591, where the INTEGER cast failed "Out of range"), and 64 or more fail
  // TOO_MANY_ARGUMENTS (DuckDB's wording differed). OVER or FILTER after it is a syntax error there (DuckDB dropped
  // neither): refused as after any call of a function that reads one row (expressions.ts reportRowClauses).
  grouping: (c) => {
    if (c.args.length > 63) {
      c.report('grouping-call', 'TOO_MANY_ARGUMENTS: GROUPING supports up to 63 column arguments (Athena fails)', 'split it into several grouping() calls');
      return undefined;
    }
    return c.tail.trim() ? undefined : `CAST(grouping(${c.all()}) AS ${c.args.length > 31 ? 'BIGINT' : 'INTEGER'})`;
  },
  skewness: centralMoment('trino_skewness_of'),
  kurtosis: centralMoment('trino_kurtosis_of'),
  stddev: varianceStatistic(2),
  stddev_samp: varianceStatistic(2),
  variance: varianceStatistic(2),
  var_samp: varianceStatistic(2),
  stddev_pop: varianceStatistic(1),
  var_pop: varianceStatistic(1),
  geometric_mean: geometricMean,
};
