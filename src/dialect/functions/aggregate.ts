// Aggregate functions (https://trino.io/docs/current/functions/aggregate.html).
import { builtin, duckdb, rewrite, type FunctionFamily } from './entry.js';

const NON_FINITE_VARIANCE = 'NaN when a value is NaN or ±Infinity (DuckDB raises), given the values it needs';
const REAL_OR_DOUBLE = 'real unless an argument is a double (Trino has real and double forms only: integers and decimals become real)';

export const AGGREGATE: FunctionFamily = {
  array_agg: rewrite('NULL values are kept; DISTINCT of timestamps with time zone by instant, the first met kept', '1'),
  avg: rewrite('sum / count: double for integers and doubles, the input type for decimals (rounded half up) and real', '1'),
  bool_and: duckdb('1'),
  bool_or: duckdb('1'),
  every: builtin('bool_and', '1'),
  count: rewrite('bigint; count(DISTINCT x) counts zoned timestamps by instant', '0-1'),
  count_if: rewrite('bigint, 0 over no rows', '1'),
  sum: rewrite('bigint for integer kinds (DuckDB: hugeint)', '1'),
  max: rewrite('max(x, n) is the array of the n largest; NaN is below every value (skipped unless all are NaN)', '1-2'),
  min: rewrite('min(x, n) is the array of the n smallest; a map, or a value holding one, is refused (not orderable on Athena)', '1-2'),
  max_by: rewrite(
    'the value of the row with the largest key, even when that value is NULL; a NaN key is below every key; with n, the values of the n largest keys, refused where keys tie',
    '2-3',
  ),
  min_by: rewrite(
    'the value of the row with the smallest key, even when that value is NULL; with n, the values of the n smallest keys, refused where keys tie',
    '2-3',
  ),
  arbitrary: rewrite('any non-NULL value', '1'),
  any_value: duckdb('1'),
  approx_distinct: rewrite(
    'exact while Athena’s sketch is (250 distinct values; for a standard error e, as many as its buckets keep), over a window and of an aggregate there too; refused while running past that, where the two estimates differ, and for maps whose keys and values hash alike (Athena’s map hash collides: {1:1} and {2:2} count once)',
    '1-2',
  ),
  approx_percentile: rewrite(
    'the sorted element at floor(p * n), as Trino’s t-digest up to 39 values; refused while running past them (Athena interpolates); bigint for integers, real for decimals; weights and accuracy are refused',
  ),
  corr: rewrite(`${REAL_OR_DOUBLE}; NULL when not finite (a constant column)`, '2'),
  covar_pop: rewrite(REAL_OR_DOUBLE, '2'),
  covar_samp: rewrite(REAL_OR_DOUBLE, '2'),
  geometric_mean: rewrite('exp(Σ ln(x) / n): NaN with a negative value, 0 with a zero; a real for real and decimal arguments', '1'),
  kurtosis: rewrite(
    'excess kurtosis with the sample correction Trino documents, from central moments updated value by value (NaN with a NaN or ±Infinity)',
    '1',
  ),
  skewness: rewrite('Fisher’s moment coefficient, population form, from central moments updated value by value (NaN with a NaN or ±Infinity)', '1'),
  regr_intercept: rewrite(`${REAL_OR_DOUBLE}; NULL when not finite (a constant x)`, '2'),
  regr_slope: rewrite(`${REAL_OR_DOUBLE}; NULL when not finite (a constant x)`, '2'),
  stddev: rewrite(NON_FINITE_VARIANCE, '1'),
  stddev_pop: rewrite(NON_FINITE_VARIANCE, '1'),
  stddev_samp: rewrite(NON_FINITE_VARIANCE, '1'),
  variance: rewrite(NON_FINITE_VARIANCE, '1'),
  var_pop: rewrite(NON_FINITE_VARIANCE, '1'),
  var_samp: rewrite(NON_FINITE_VARIANCE, '1'),
  checksum: rewrite(
    'the wrapping sum of XXH64 · PRIME64 per row (bit-exact) for integers, booleans, dates, timestamps, short decimals, doubles, reals, varchar and varbinary; other types fail',
    '1',
  ),
  listagg: rewrite('WITHIN GROUP (ORDER BY …) required; NULLs skipped; ON OVERFLOW is refused', '1-2'),
  approx_most_frequent: rewrite(
    'exact counts of the top buckets while the distinct values fit in the capacity (where Athena is exact too); an estimate or a tie at the last bucket fails',
    '3',
  ),
  numeric_histogram: rewrite(
    'exact bins (value → count, ascending) while the distinct values fit in the buckets, where Athena is exact too; more distinct values, NaN, or a weight argument fail: Athena then merges the closest bins in an order that depends on how rows arrive',
    '2',
  ),
  reduce_agg: rewrite('the input function folded over the non-NULL values from the initial state; NULL over no such value', '4'),
};
