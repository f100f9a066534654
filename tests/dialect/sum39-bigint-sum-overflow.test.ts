// sum() of bigints past the bigint range (docs/issue-15-audit.md, "Integer overflow in aggregates and windows … branch
// sum39"). Trino 476 adds an aggregate's bigints with Math.addExact in the order its plan chooses: VALUES
// 9223372036854775807, 1, -1 fails "bigint addition overflow: 9223372036854775807 + 1", VALUES -1,
// 9223372036854775807, 1 answers 9223372036854775807, where the local engine summed exactly (a HUGEINT) and answered
// 9223372036854775807 for both. Where the positive values or the negative ones alone leave the range the local sum is
// now refused while running; where neither does, no order can overflow and the sum answers. A window's bigint sum
// wraps around in Trino 476 (two's complement, running, sliding and whole frames alike), where the local cast to bigint
// failed: it now wraps too. An interval day to second is summed as bigint milliseconds in Trino, with the same rule. Every value and type below is Trino 476's answer, and every error Trino's failure or the
// local refusal of a plan-dependent answer, asked of the shared Trino.
import { describeFunctions } from './functions/harness.js';

const MAX = "BIGINT '9223372036854775807'";
const MIN = "BIGINT '-9223372036854775808'";
const REFUSED =
  /sum\(\) of bigint values \(or of intervals, as milliseconds\) whose running total can leave the bigint range before coming back is refused locally/;
// Intervals of ±2,000,000,000 days (172,800,000,000,000,000 ms each): n positive ones, then m negative ones.
const intervals = (n: number, m: number): string =>
  `FROM (SELECT INTERVAL '1' DAY * 2000000000 * (CASE WHEN i <= ${n} THEN 1 ELSE -1 END) AS x FROM UNNEST(sequence(1, ${n + m})) t(i))`;

describeFunctions(
  'sum() of bigints: answered where no order of the rows can overflow, refused where the answer depends on the order',
  [
    ['the maximum and a negative value', `sum(x) FROM (VALUES ${MAX}, -1) t(x)`, 9223372036854775806n, 'bigint'],
    ['the minimum and a positive value', `sum(x) FROM (VALUES ${MIN}, 5) t(x)`, -9223372036854775803n, 'bigint'],
    ['FILTER drops the value that would overflow', `sum(x) FILTER (WHERE x <> 1) FROM (VALUES ${MAX}, 1, -1) t(x)`, 9223372036854775806n, 'bigint'],
    ['DISTINCT drops the repeated value', `sum(DISTINCT x) FROM (VALUES ${MAX}, -1, -1) t(x)`, 9223372036854775806n, 'bigint'],
    [
      'per group',
      `WITH g AS (SELECT g, sum(x) AS s FROM (VALUES (1, ${MAX}), (1, -1), (2, ${MIN}), (2, 5)) t(g, x) GROUP BY g) SELECT array_agg(s ORDER BY g) FROM g`,
      [9223372036854775806n, -9223372036854775803n],
      'array(bigint)',
    ],
    // An integer's sum is a bigint (Trino: LongSumAggregation over the integer); no check is made (trino_sum_positive).
    ['integers past the integer range', 'sum(x) FROM (VALUES 2147483647, 2147483647) t(x)', 4294967294, 'bigint'],
    ['smallints', "sum(x) FROM (VALUES SMALLINT '32767', SMALLINT '32767') t(x)", 65534, 'bigint'],
    ['tinyints', "sum(x) FROM (VALUES TINYINT '127', TINYINT '127') t(x)", 254, 'bigint'],
    // The refusal's advice: a decimal(38, 0) sum is exact on both engines.
    ['as decimals', `sum(CAST(x AS decimal(38, 0))) FROM (VALUES ${MAX}, 1, -1) t(x)`, '9223372036854775807', 'decimal(38,0)'],
    // avg(bigint) does not overflow in Trino 476 (and did not locally): the exact sum divided as a double.
    // An interval's milliseconds are a bigint sum in Trino 476: 40 of each sign stay in range (0 00:00:00.000).
    ['intervals that cannot overflow', `sum(x) ${intervals(40, 40)}`, '0 00:00:00.000', 'interval day to second'],
    ['avg past the range', `avg(x) FROM (VALUES ${MAX}, ${MAX}) t(x)`, 2 ** 63, 'double'],
  ],
  [
    // Trino 476: "bigint addition overflow: 9223372036854775807 + 1".
    ['the maximum, 1 and -1', `sum(x) FROM (VALUES ${MAX}, 1, -1) t(x)`, REFUSED],
    // Trino 476: 9223372036854775807 (its order adds -1 first).
    ['-1, the maximum and 1', `sum(x) FROM (VALUES -1, ${MAX}, 1) t(x)`, REFUSED],
    // Trino 476: "bigint addition overflow: -9223372036854775808 + -1".
    ['the minimum, -1 and 1', `sum(x) FROM (VALUES ${MIN}, -1, 1) t(x)`, REFUSED],
    // Trino 476: 9223372036854775807 (the distinct values in another order).
    ['DISTINCT', `sum(DISTINCT x) FROM (VALUES ${MAX}, 1, -1) t(x)`, REFUSED],
    // Trino 476: "bigint addition overflow: 9223372036854775807 + 1".
    ['FILTER', `sum(x) FILTER (WHERE x <> 0) FROM (VALUES ${MAX}, 1, -1) t(x)`, REFUSED],
    // Trino 476 fails: an ORDER BY in sum() does not fix its order (ascending would have answered).
    ['ORDER BY in the call', `sum(x ORDER BY x) FROM (VALUES ${MAX}, 1, -1) t(x)`, REFUSED],
    ['one group of two', `g, sum(x) FROM (VALUES (1, ${MAX}), (1, 1), (1, -1), (2, 5)) t(g, x) GROUP BY g`, REFUSED],
    // Trino 476: "bigint addition overflow: 9158400000000000000 + 172800000000000000" (locally 0 00:00:00.000 before).
    ['intervals, 60 of each sign', `sum(x) ${intervals(60, 60)}`, REFUSED],
    // A total out of the range fails in every order (Trino 476: "bigint addition overflow: 9223372036854775807 + 1").
    ['a total past the range', `sum(x) FROM (VALUES ${MAX}, 1) t(x)`, /Out of range for bigint|bigint addition overflow/],
  ],
);

const window = (frame: string, rows: string): string =>
  `WITH w AS (SELECT k, sum(x) OVER (${frame}) AS s FROM (VALUES ${rows}) t(k, x)) SELECT array_agg(s ORDER BY k) FROM w`;

describeFunctions('a windowed bigint sum wraps around as in Trino 476', [
  ['a running sum', window('ORDER BY k', `(1, ${MAX}), (2, 1), (3, -1)`), [9223372036854775807n, -9223372036854775808n, 9223372036854775807n], 'array(bigint)'],
  [
    'a running sum below the minimum',
    window('ORDER BY k', `(1, ${MIN}), (2, -1), (3, 1)`),
    [-9223372036854775808n, 9223372036854775807n, -9223372036854775808n],
    'array(bigint)',
  ],
  ['the whole partition', window('', `(1, ${MAX}), (2, 1)`), [-9223372036854775808n, -9223372036854775808n], 'array(bigint)'],
  ['by partition', window('PARTITION BY k % 2', `(1, ${MAX}), (2, 1), (3, 1)`), [-9223372036854775808n, 1, -9223372036854775808n], 'array(bigint)'],
  [
    'a sliding frame',
    window('ORDER BY k ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING', `(1, ${MAX}), (2, 1), (3, -5)`),
    [-9223372036854775808n, 9223372036854775803n, -4],
    'array(bigint)',
  ],
  [
    'a RANGE frame',
    window('ORDER BY k RANGE BETWEEN 1 PRECEDING AND CURRENT ROW', `(1, ${MAX}), (2, 1), (3, 5)`),
    [9223372036854775807n, -9223372036854775808n, 6],
    'array(bigint)',
  ],
  [
    'DISTINCT over the whole partition',
    `WITH w AS (SELECT k, sum(DISTINCT x) OVER () AS s FROM (VALUES (1, ${MAX}), (2, 1)) t(k, x)) SELECT array_agg(s ORDER BY k) FROM w`,
    [-9223372036854775808n, -9223372036854775808n],
    'array(bigint)',
  ],
  [
    'a window over an aggregate',
    `WITH w AS (SELECT g, sum(sum(x)) OVER () AS s FROM (VALUES (1, ${MAX}), (2, 1)) t(g, x) GROUP BY g) SELECT array_agg(s ORDER BY g) FROM w`,
    [-9223372036854775808n, -9223372036854775808n],
    'array(bigint)',
  ],
  ['integers in a running sum', window('ORDER BY k', '(1, 2147483647), (2, 1)'), [2147483647, 2147483648], 'array(bigint)'],
]);

// An interval's sum and avg were made intervals with to_milliseconds, which fails past 2^63 microseconds (about
// 106,751,991 days: "Interval value … milliseconds out of range"); they are built from days and milliseconds now.
describeFunctions('interval sums and averages past 106,751,991 days', [
  ['sum', "sum(x) FROM (VALUES INTERVAL '100000000' DAY, INTERVAL '100000000' DAY) t(x)", '200000000 00:00:00.000', 'interval day to second'],
  [
    'a negative sum with a fraction',
    "sum(x) FROM (VALUES INTERVAL '-100000000' DAY, INTERVAL '-100000000' DAY, INTERVAL '-1.5' SECOND) t(x)",
    '-200000000 00:00:01.500',
    'interval day to second',
  ],
  ['avg', `avg(x) ${intervals(60, 0)}`, '2000000000 00:00:00.000', 'interval day to second'],
  ['a negative avg', "avg(x) FROM (VALUES INTERVAL '-100000000' DAY, INTERVAL '-100000001' DAY) t(x)", '-100000000 12:00:00.000', 'interval day to second'],
  [
    'a windowed sum',
    "WITH w AS (SELECT sum(x) OVER () AS s FROM (VALUES INTERVAL '100000000' DAY, INTERVAL '100000000' DAY) t(x)) SELECT max(s) FROM w",
    '200000000 00:00:00.000',
    'interval day to second',
  ],
]);
