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

/**
 * `text` without its parenthesized subqueries (`(SELECT …)`, `(WITH …)`), quotes respected: an aggregate inside one
 * is bound with the subquery, so an outer aggregate may take the subquery as an argument (and its typed witness).
 */
function withoutSubqueries(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      const end = text.indexOf(ch, i + 1);
      const stop = end < 0 ? text.length - 1 : end;
      out += text.slice(i, stop + 1);
      i = stop;
      continue;
    }
    if (ch === '(' && /^\(\s*(?:SELECT|WITH)\b/i.test(text.slice(i, i + 16))) {
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) {
        const c = text[j];
        if (c === "'" || c === '"') {
          const end = text.indexOf(c, j + 1);
          j = end < 0 ? text.length : end;
        } else if (c === '(') depth++;
        else if (c === ')' && --depth === 0) break;
      }
      out += '()';
      i = j;
      continue;
    }
    out += ch;
  }
  return out;
}

/**
 * Whether translated text calls an aggregate or window function outside its scalar subqueries: `sum((SELECT
 * covar_pop(x, y) FROM …))` may take its typed witness (it was typed as DuckDB's sum of a FLOAT, a double).
 */
export const hasOuterAggregate = (text: string): boolean => AGGREGATE_CALL.test(text) && hasAggregate(withoutSubqueries(text));

/** `name(args…)`, or `name_any(args…)` when an argument holds an aggregate or window call. */
export function shimCall(name: string, args: readonly string[]): string {
  return `${name}${args.some(hasAggregate) ? '_any' : ''}(${args.join(', ')})`;
}

/** The same choice for a call whose arguments are already rendered as one text (spacing kept). */
export function shimCallText(name: string, argsText: string): string {
  return `${name}${hasAggregate(argsText) ? '_any' : ''}(${argsText})`;
}
