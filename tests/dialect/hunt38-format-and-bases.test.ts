// Found by hand beside the random tier's runs of seeds 20261300 and on (docs/issue-15-audit.md, "Random hunt with new
// seeds … branch hunt38"): format('%s') wrote DuckDB's own text of an interval, a time and a date (1 day, 10:00:00,
// 0002-01-01 (BC)) where Java's toString differs; from_base and to_base failed on the bigint minimum; a decimal
// remainder by a decimal(38,38) failed to bind. Every value and type below is Trino 476's answer, and every error
// Trino's message, asked of the shared Trino.
import { describeFunctions } from './functions/harness.js';

describeFunctions("format('%s'): an interval, a time and a date as Trino's Java objects print them", [
  // SqlIntervalDayTime.toString, the text of CAST(i AS varchar) (local: '1 day', '-00:00:01.5', '25:00:00').
  ['a day', "format('%s', INTERVAL '1' DAY)", '1 00:00:00.000', 'varchar'],
  ['a negative second and a half', "format('%s', INTERVAL '-1.5' SECOND)", '-0 00:00:01.500', 'varchar'],
  ['25 hours', "format('%s', INTERVAL '25' HOUR)", '1 01:00:00.000', 'varchar'],
  ['a sum of intervals', "format('%s', INTERVAL '100' DAY + INTERVAL '0.001' SECOND)", '100 00:00:00.001', 'varchar'],
  ['upper case, past the width', "format('%5S|', INTERVAL '1' DAY)", '1 00:00:00.000|', 'varchar'],
  // LocalTime.toString: the seconds and the fraction only when not zero (local: '10:00:00', '10:00:01.5').
  ['a time on the hour', "format('%s', CAST('10:00:00' AS time))", '10:00', 'varchar'],
  ['a time with a fraction', "format('%s', TIME '10:00:01.500')", '10:00:01.500', 'varchar'],
  ['a time with minutes', "format('%s', TIME '10:01:00.000')", '10:01', 'varchar'],
  ['a time to the millisecond', "format('%s', TIME '23:59:59.999')", '23:59:59.999', 'varchar'],
  // LocalDate.toString: a sign before the year 0 and past 9999 (local: '0002-01-01 (BC)', '10000-01-01').
  ['a date before the year 0', "format('%s', DATE '-0001-01-01')", '-0001-01-01', 'varchar'],
  ['a date past 9999', "format('%s', DATE '10000-01-01')", '+10000-01-01', 'varchar'],
  ['a date of the years 1000-9999', "format('%s', DATE '2025-03-10')", '2025-03-10', 'varchar'],
  ['a timestamp before the year 0', "format('%s', TIMESTAMP '-0001-01-01 10:00:00')", '-0001-01-01T10:00', 'varchar'],
  ['a timestamp past 9999', "format('%s', TIMESTAMP '10000-01-01 10:00:00')", '+10000-01-01T10:00', 'varchar'],
]);

describeFunctions(
  'from_base and to_base of the bigint minimum',
  [
    // Long.parseLong accumulates with the sign (local: "bigint multiplication overflow").
    ['from_base in base 16', "from_base('-8000000000000000', 16)", -9223372036854775808n, 'bigint'],
    ['from_base in base 36', "from_base('-1y2p0ij32e8e8', 36)", -9223372036854775808n, 'bigint'],
    ['from_base of the maximum', "from_base('-7fffffffffffffff', 16)", -9223372036854775807n, 'bigint'],
    // local: "Overflow in negation of numeric value!"
    ['to_base in base 16', 'to_base(-9223372036854775808, 16)', '-8000000000000000', 'varchar'],
    ['to_base in base 36', 'to_base(-9223372036854775808, 36)', '-1y2p0ij32e8e8', 'varchar'],
    ['to_base in base 10', 'to_base(-9223372036854775808, 10)', '-9223372036854775808', 'varchar'],
    ['to_base in base 7', 'to_base(-9223372036854775808, 7)', '-22341010611245052052301', 'varchar'],
    ['to_base of a column', "to_base(x, 16) FROM (VALUES BIGINT '-9223372036854775808') t(x)", '-8000000000000000', 'varchar'],
  ],
  [
    ['past the minimum', "from_base('-8000000000000001', 16)", /bigint addition overflow|Not a valid base-16 number/],
    // 65 characters: past to_base's varchar(64).
    ['to_base in base 2', 'to_base(-9223372036854775808, 2)', /Character count exceeds length limit 64/],
  ],
);

describeFunctions('a decimal remainder by a decimal(38,38)', [
  // local: "Cannot cast '-1' to DECIMAL(38, 38)" (the integer check's literal -1 compared with the divisor).
  ['1 % 3e-38', "DECIMAL '1' % DECIMAL '0.00000000000000000000000000000000000003'", '0.00000000000000000000000000000000000001', 'decimal(38,38)'],
  ['-1 % 3e-38', "DECIMAL '-1' % DECIMAL '0.00000000000000000000000000000000000003'", '-0.00000000000000000000000000000000000001', 'decimal(38,38)'],
  ['0.5 % 3e-38', "DECIMAL '0.5' % DECIMAL '0.00000000000000000000000000000000000003'", '0.00000000000000000000000000000000000002', 'decimal(38,38)'],
  ['an integer % -1 is still 0', "BIGINT '-9223372036854775808' % -1", 0, 'bigint'],
]);
