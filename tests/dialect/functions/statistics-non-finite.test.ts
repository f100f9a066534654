// The statistical aggregates over non-finite and badly conditioned doubles, and geometric_mean's forms
// (https://trino.io/docs/current/functions/aggregate.html#statistical-aggregate-functions). DuckDB's variance family
// raises "out of range" on a NaN or ±Infinity (Trino: NaN) and answers 0 for var_pop of one Infinity; its kurtosis and
// skewness sum powers of the raw values, which cancel away from 0 (kurtosis of 1e8+1 … 1e8+7 was -1.5e16); its
// geometric_mean raises on a zero or a negative value and is a double for decimals and reals. Values and types are
// Trino 476's answers (the shared Trino of scripts/trino.sh), to the last bit where the values are few.
import { describeFunctions } from './harness.js';

const withNaN = 'FROM (VALUES 1e0, nan(), 3e0, 4e0) t(x)';
const withInfinity = 'FROM (VALUES infinity(), 1e0, 2e0, 3e0) t(x)';
const farFromZero = 'FROM (VALUES 1e8+1, 1e8+2, 1e8+3, 1e8+7) t(x)';

describeFunctions('statistical aggregates over non-finite values', [
  ['stddev with a NaN', `stddev(x) ${withNaN}`, Number.NaN, 'double'],
  ['variance with a NaN', `variance(x) ${withNaN}`, Number.NaN, 'double'],
  ['var_pop with an Infinity', `var_pop(x) ${withInfinity}`, Number.NaN, 'double'],
  ['stddev_pop of one Infinity', 'stddev_pop(x) FROM (VALUES infinity()) t(x)', Number.NaN, 'double'],
  ['var_samp of one Infinity is NULL (one value)', 'var_samp(x) FROM (VALUES infinity()) t(x)', null, 'double'],
  ['stddev_samp of finite values keeps DuckDB’s aggregate', 'stddev_samp(x) FROM (VALUES 1e0, 2e0, 4e0) t(x)', 1.5275252316519465, 'double'],
  ['stddev of DISTINCT values with an Infinity', 'stddev(DISTINCT x) FROM (VALUES 1e0, 1e0, infinity()) t(x)', Number.NaN, 'double'],
  ['stddev with a FILTER leaving the Infinity out', 'stddev(x) FILTER (WHERE x < 5) FROM (VALUES 1e0, 3e0, infinity()) t(x)', Math.SQRT2, 'double'],
  [
    'var_pop over a window frame reaching an Infinity',
    'array_agg(v ORDER BY x) FROM (SELECT x, var_pop(x) OVER (ORDER BY x ROWS 1 PRECEDING) AS v FROM (VALUES 2e0, 3e0, infinity()) t(x)) u',
    [0, 0.25, Number.NaN],
    'array(double)',
  ],
  ['kurtosis with an Infinity', `kurtosis(x) ${withInfinity}`, Number.NaN, 'double'],
  ['skewness with a NaN', `skewness(x) ${withNaN}`, Number.NaN, 'double'],
  ['kurtosis far from zero', `kurtosis(x) ${farFromZero}`, 2.23486717956162, 'double'],
  ['skewness far from zero', `skewness(x) ${farFromZero}`, 0.8331504071506617, 'double'],
  ['kurtosis of reals', "kurtosis(x) FROM (VALUES REAL '1.5', REAL '5', REAL '6', REAL '9') t(x)", 1.0199495920372517, 'double'],
  ['skewness of reals', "skewness(x) FROM (VALUES REAL '1.5', REAL '5', REAL '6', REAL '9') t(x)", -0.13484178586936413, 'double'],
  ['kurtosis of a constant column', 'kurtosis(x) FROM (VALUES 1, 1, 1, 1) t(x)', Number.NaN, 'double'],
  ['skewness of a constant column', 'skewness(x) FROM (VALUES 1, 1, 1) t(x)', Number.NaN, 'double'],
  ['kurtosis under 4 values', 'kurtosis(x) FROM (VALUES 1e0, 2e0, 9e0) t(x)', null, 'double'],
  ['kurtosis with a FILTER', 'kurtosis(x) FILTER (WHERE x > 1) FROM (VALUES 1, 2, 3, 5, 8, 13) t(x)', 0.2672060604498956, 'double'],
  [
    'kurtosis over a growing window',
    'max(k) FROM (SELECT kurtosis(x) OVER (ORDER BY x) AS k FROM (VALUES 1e0, 2e0, 4e0, 4e0, 11e0) t(x)) u',
    3.02319620658721,
    'double',
  ],
  ['kurtosis over no rows', 'kurtosis(x) FROM (VALUES 1e0) t(x) WHERE x > 5', null, 'double'],
]);

const farPairs = 'FROM (VALUES (1e8+1, 1e0), (1e8+2, 3e0), (1e8+4, 4e0), (1e8+9, 2.5e0), (1e8+11, 7.25e0)) t(x, y)';
const hugePairs = 'FROM (VALUES (1e300, 1e0), (-1e300, 2e0), (3e0, 1e300)) t(x, y)';
const infinityPair = 'FROM (VALUES (1e0, 1e0), (infinity(), 3e0)) t(x, y)';

// Trino's covariance state updated pair by pair: the same bits as Trino where DuckDB's aggregates differ in the last
// digits, and answers where DuckDB raises "out of range".
describeFunctions('covariance, correlation and regression', [
  ['covar_pop with an Infinity', `covar_pop(x, y) ${infinityPair}`, Number.NaN, 'double'],
  ['covar_samp with an Infinity', `covar_samp(x, y) ${infinityPair}`, Number.NaN, 'double'],
  ['corr with an Infinity is NULL', `corr(x, y) ${infinityPair}`, null, 'double'],
  ['regr_slope with an Infinity is NULL', `regr_slope(y, x) ${infinityPair}`, null, 'double'],
  ['corr with a NaN is NULL', 'corr(x, y) FROM (VALUES (1e0, nan()), (2e0, 3e0), (3e0, 1e0)) t(x, y)', null, 'double'],
  ['covar_pop past the doubles’ squares', `covar_pop(x, y) ${hugePairs}`, 3.3333333333333335e299, 'double'],
  ['regr_intercept past the doubles’ squares', `regr_intercept(y, x) ${hugePairs}`, 3.3333333333333335e299, 'double'],
  ['corr far from zero', `corr(x, y) ${farPairs}`, 0.7166554916912518, 'double'],
  ['corr far from zero, arguments swapped', `corr(y, x) ${farPairs}`, 0.7166554921059408, 'double'],
  ['regr_intercept far from zero', `regr_intercept(y, x) ${farPairs}`, -38082900.06228182, 'double'],
  ['regr_slope of x on y', `regr_slope(x, y) ${farPairs}`, 1.348623852402154, 'double'],
  ['covar_samp far from zero', `covar_samp(x, y) ${farPairs}`, 7.34999999559174, 'double'],
  [
    'integers: a real, pairs with a NULL skipped',
    'regr_intercept(y, x) FROM (VALUES (1, 2), (2, 4), (3, 7), (NULL, 1), (5, NULL)) t(x, y)',
    -0.6666667,
    'real',
  ],
  ['covar_pop of one pair', 'covar_pop(x, y) FROM (VALUES (1e0, 1e0)) t(x, y)', 0, 'double'],
  ['covar_samp of one pair is NULL', 'covar_samp(x, y) FROM (VALUES (1e0, 1e0)) t(x, y)', null, 'double'],
  ['covar_pop with a FILTER', 'covar_pop(x, y) FILTER (WHERE x > 1) FROM (VALUES (1, 2), (2, 4), (3, 7)) t(x, y)', 0.75, 'real'],
  [
    'corr over a window',
    'array_agg(c ORDER BY g) FROM (SELECT g, corr(x, y) OVER (ORDER BY g) AS c FROM (VALUES (1, 1e0, 2e0), (2, 2e0, 1e0), (3, 3e0, 5e0)) t(g, x, y)) u',
    [null, -0.9999999999999999, 0.7205766921228921],
    'array(double)',
  ],
]);

describeFunctions('geometric_mean', [
  ['of integers: a double', 'geometric_mean(x) FROM (VALUES 1, 5) t(x)', 2.23606797749979, 'double'],
  ['of tinyints, DISTINCT', "geometric_mean(DISTINCT x) FROM (VALUES TINYINT '3', TINYINT '5', TINYINT '5') t(x)", 3.872983346207417, 'double'],
  ['of decimals: a real', 'geometric_mean(x) FROM (VALUES CAST(1.10 AS decimal(5,2)), CAST(2.5 AS decimal(5,2))) t(x)', 1.6583124, 'real'],
  ['of reals: a real', "geometric_mean(x) FROM (VALUES REAL '1.5', REAL '5') t(x)", 2.738613, 'real'],
  ['with a negative value: NaN', 'geometric_mean(x) FROM (VALUES 2e0, -8e0) t(x)', Number.NaN, 'double'],
  ['with a zero: 0', 'geometric_mean(x) FROM (VALUES 0e0, 8e0) t(x)', 0, 'double'],
  ['with an Infinity', 'geometric_mean(x) FROM (VALUES infinity(), 8e0) t(x)', Number.POSITIVE_INFINITY, 'double'],
  ['of huge doubles', 'geometric_mean(x) FROM (VALUES 1e300, 1e300) t(x)', 9.999999999999763e299, 'double'],
  ['over no rows', 'geometric_mean(x) FROM (VALUES 1e0) t(x) WHERE x > 5', null, 'double'],
]);
