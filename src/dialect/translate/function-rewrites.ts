// Rewrites of calls whose DuckDB namesake answers differently: NULL arguments (greatest, least), array arguments
// (concat_ws), result types (avg) and statistics (skewness). Merged into FUNCTIONS (functions.ts).
import { checkedCoalesce, checkedFamilies, checkedOnce, mayMixFamilies, mixesIpAddress } from './decimal-common-type.js';
import { type CallHandler, refusedUntypedNull } from './functions.js';
import { nodeKeyword } from './tree.js';
import { hasAggregate, shimCall, shimCallText } from './unbound.js';

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
 * Shims that dispatch on typed macro overloads cannot take an aggregate argument: DuckDB binds it as UNKNOWN, which
 * matches the first overload (reverse(array_agg(x)) would reverse the array's text). With an aggregate argument the
 * call takes `plain` (a form right for the usual type) or, without one, is refused.
 */
const typedShim =
  (shim: string, plain?: string): CallHandler =>
  (c) => {
    if (!hasAggregate(c.all())) return `${shim}(${c.all()})${c.tail}`;
    if (plain) return `${plain}(${c.all()})${c.tail}`;
    c.report(
      'aggregate-argument',
      `${c.name.text}() of an aggregate cannot be typed locally`,
      `compute the aggregate in a subquery, then apply ${c.name.text.toLowerCase()}() to its column`,
    );
    return undefined;
  };

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
  checkedCoalesce(
    `coalesce(${c.all()})`,
    c.args,
    c.args.map((_a, k) => c.arg(k)),
  );

/**
 * corr, covar_pop, covar_samp, regr_slope, regr_intercept: Trino has double and real forms only, so integer and decimal
 * arguments become real (rounded to float, trino_stat_arg) and the result is real unless an argument is a double (the
 * witness, bound through (SELECT …) inside min() as avg's is). corr and the regressions write NULL where the result is
 * not finite (RealCorrelationAggregation and friends compute in double, then cast to float).
 */
const realOrDoubleStatistic =
  (finiteOnly: boolean): CallHandler =>
  (c) => {
    if (hasAggregate(c.all())) return undefined;
    const distinct = /^DISTINCT\s+/i.exec(c.arg(0))?.[0] ?? '';
    const [x, y] = [c.arg(0).slice(distinct.length), c.arg(1)];
    const call = `${c.name.text}(${distinct}trino_stat_arg(${x}, ${x}, ${y}), trino_stat_arg(${y}, ${x}, ${y}))${c.tail}`;
    const witness = `min(trino_stat_type((SELECT ${x})) + trino_stat_type((SELECT ${y})))${c.tail}`;
    return `cast_to_type(${finiteOnly ? `trino_finite_or_null(${call})` : call}, ${witness})`;
  };

export const NULL_AWARE_REWRITES: Record<string, CallHandler> = {
  coalesce: coalesceCall,
  // Trino 476: "Types are not comparable with NULLIF: integer vs varchar(1)" where DuckDB casts the text.
  nullif: (c) =>
    c.args.length === 2
      ? checkedFamilies(
          'nullif()',
          // A NaN second argument matches nothing (NaN = NaN is false in Trino; nan-macros.ts). A zoned argument
          // matches by instant (Trino 476: nullif(01:00 +01:00, 00:00 UTC) is NULL).
          c.args.some((a) => c.renderZoned(a).zoned)
            ? `CASE WHEN ${shimCall('trino_cmp', [c.arg(0)])} = ${shimCall('trino_cmp', [c.arg(1)])} THEN NULL ELSE ${c.arg(0)} END`
            : `nullif(${c.arg(0)}, trino_nan_null(${c.arg(1)}))`,
          c.args,
          c.args.map((_a, k) => c.arg(k)),
        )
      : undefined,
  // LISTAGG(x, sep) WITHIN GROUP (ORDER BY …): string_agg skips NULLs and gives NULL over no rows, as Trino does.
  // The query pass (within-group.ts) has already moved the ORDER BY into the call, defaulted the separator to '' and
  // reported an ON OVERFLOW TRUNCATE at its position; a call without an ordering is refused here.
  listagg: (c) => {
    if (/\bON\s+OVERFLOW\b/i.test(c.all())) return undefined;
    if (c.args.length === 2 && /\bORDER\s+BY\b/i.test(c.arg(1))) return `string_agg(${c.all()})${c.tail}`;
    const group = withinGroup(c.tail);
    if (!group || !/^ORDER\s+BY\b/i.test(group.orderBy)) {
      c.report('listagg', 'listagg() runs locally as listagg(x, separator) WITHIN GROUP (ORDER BY …)', "write listagg(x, ',') WITHIN GROUP (ORDER BY x)");
      return undefined;
    }
    return `string_agg(${c.arg(0)}, ${c.args.length > 1 ? c.arg(1) : "''"} ${group.orderBy})${group.rest}`;
  },
  // Java: log(b, x) = ln(x) / ln(b), NaN or ±Infinity where DuckDB raises or (base 1, a division by 0) gives NULL.
  log: (c) => `trino_double_divide(trino_ln(${c.arg(1)}), trino_ln(${c.arg(0)}))`,
  reverse: typedShim('trino_reverse'),
  length: typedShim('trino_length', 'length'),
  // TRIM(LEADING 'x' FROM s) is SQL syntax DuckDB shares; trim(s) removes Java whitespace, not only spaces.
  trim: (c) => (c.group.items.some((n) => nodeKeyword(n) === 'FROM') ? undefined : `trino_trim(${c.all()})`),
  greatest: overArgumentList('trino_greatest_of'),
  least: overArgumentList('trino_least_of'),
  // concat_ws(sep, array) joins the array (DuckDB would print the array); with strings it skips NULLs like DuckDB's.
  concat_ws: (c) => (c.args.length === 2 ? shimCallText('trino_concat_ws', c.all()) : `concat_ws(${c.all()})`),
  // avg is sum / count in Trino's result type: double for integers (the witness turns the sum into a double), the
  // input's decimal type rounded half up (trino_divide; DuckDB's avg(decimal) is a double), real for real. A decimal
  // sum stays unchecked (trino_avg_sum): Trino's average of a total past 38 digits is still an answer.
  // The witness's argument is a scalar subquery because DuckDB binds an overloaded macro's arguments before the rest
  // of the expression and reports an unknown column there as "multiple overloads match"; bound through (SELECT …)
  // first, the unknown column is reported by name (and the file position follows it).
  avg: (c) => {
    if (refusedUntypedNull(c)) return undefined;
    if (hasAggregate(c.all())) return `avg(${c.all()})${c.tail}`;
    const witness = `min(trino_avg_type((SELECT ${c.arg(0).replace(/^DISTINCT\s+/i, '')})))${c.tail}`;
    return `cast_to_type(trino_divide(trino_avg_sum(sum(${c.all()})${c.tail}, ${witness}), nullif(count(${c.all()})${c.tail}, 0)), ${witness})`;
  },
  // geometric_mean has bigint, double and real forms: a real or a decimal (coerced to real) gives a real (Trino 476:
  // geometric_mean(DECIMAL '1.25') is real; found by the oracle's aggregates, seed 20261208, case 117).
  geometric_mean: (c) => {
    if (hasAggregate(c.all())) return undefined;
    const witness = `min(trino_geometric_mean_type((SELECT ${c.arg(0).replace(/^DISTINCT\s+/i, '')})))${c.tail}`;
    return `cast_to_type(geometric_mean(${c.all()})${c.tail}, ${witness})`;
  },
  corr: realOrDoubleStatistic(true),
  covar_pop: realOrDoubleStatistic(false),
  covar_samp: realOrDoubleStatistic(false),
  regr_slope: realOrDoubleStatistic(true),
  regr_intercept: realOrDoubleStatistic(true),
  // Trino's skewness is the population moment coefficient sqrt(n)·m3 / m2^1.5; DuckDB's is adjusted for samples by
  // sqrt(n(n-1)) / (n-2). Both are NULL under 3 values.
  // grouping() is an integer in Trino (DuckDB's is a BIGINT).
  grouping: (c) => `CAST(grouping(${c.all()}) AS INTEGER)`,
  skewness: (c) => {
    const n = `count(${c.arg(0)})${c.tail}`;
    return `(skewness(${c.all()})${c.tail} * (${n} - 2) / sqrt(${n} * (${n} - 1)))`;
  },
};
