// Shim calls whose argument DuckDB cannot type when it picks a macro overload.
//
// DuckDB binds a macro's arguments to choose among typed overloads; an aggregate or window call cannot be bound
// there, so `trino_wall(max(d))` would take the zoned-struct overload and fail. When an argument contains such a
// call, the translator names the untyped `_any` variant instead (src/dialect/shims/unbound-macros.ts).

// Aggregate and window functions as they appear in translated text (Trino names and their DuckDB renames).
const AGGREGATE_CALL = new RegExp(
  '\\b(?:' +
    [
      'count',
      'sum',
      'min',
      'max',
      'avg',
      'any_value',
      'arbitrary',
      'approx_count_distinct',
      'approx_distinct',
      'quantile_disc',
      'approx_percentile',
      'array_agg',
      'list',
      'bool_and',
      'bool_or',
      'every',
      'max_by',
      'min_by',
      'arg_max',
      'arg_min',
      'stddev',
      'stddev_pop',
      'stddev_samp',
      'variance',
      'var_pop',
      'var_samp',
      'corr',
      'covar_pop',
      'covar_samp',
      'geometric_mean',
      'histogram',
      'listagg',
      'string_agg',
      'checksum',
      'kurtosis',
      'skewness',
      'first',
      'last',
      'lag',
      'lead',
      'first_value',
      'last_value',
      'nth_value',
      'row_number',
      'rank',
      'dense_rank',
      'ntile',
      'percent_rank',
      'cume_dist',
      'median',
      'mode',
      'arg_max_null',
      'arg_min_null',
      'trino_bitwise_and_agg',
      'trino_bitwise_or_agg',
      'bit_and',
      'bit_or',
      'regr_intercept',
      'regr_slope',
    ].join('|') +
    ')\\s*\\(|\\)\\s*OVER\\b',
  'i',
);

/** Whether translated text contains an aggregate or window call (a false positive only costs speed). */
export const hasAggregate = (text: string): boolean => AGGREGATE_CALL.test(text);

/** `name(args…)`, or `name_any(args…)` when an argument holds an aggregate or window call. */
export function shimCall(name: string, args: readonly string[]): string {
  return `${name}${args.some(hasAggregate) ? '_any' : ''}(${args.join(', ')})`;
}

/** The same choice for a call whose arguments are already rendered as one text (spacing kept). */
export function shimCallText(name: string, argsText: string): string {
  return `${name}${hasAggregate(argsText) ? '_any' : ''}(${argsText})`;
}
