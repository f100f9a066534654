// Cases of Trino's own unit tests (trino-main TestDateTimeFunctions, TestArrayOperators' sequences, …) replayed on the
// local engine: where it answered differently from Trino 476, Trino's value and type (docs/issue-15-audit.md,
// "Trino's unit tests replayed, collections and time"). Both engines in UTC.
import { describeFunctions } from './harness.js';

// EXTRACT read DuckDB's interval fields (INTERVAL '27' HOUR is 27 hours and 0 days); Trino reads whole days and the
// remainder, as hour() and day() already did locally.
describeFunctions('EXTRACT from a day-to-second interval', [
  ['hour past a day', "extract(hour FROM INTERVAL '27' HOUR)", 3, 'bigint'],
  ['negative hours', "extract(hour FROM INTERVAL '-27' HOUR)", -3, 'bigint'],
  ['days of hours', "extract(day FROM INTERVAL '55' HOUR)", 2, 'bigint'],
  ['minutes of seconds', "extract(minute FROM INTERVAL '247' SECOND)", 4, 'bigint'],
  ['seconds past a day', "extract(second FROM INTERVAL '90061.234' SECOND)", 1, 'bigint'],
  ['an interval column', "extract(hour FROM i) FROM (SELECT INTERVAL '27' HOUR AS i)", 3, 'bigint'],
  ['a timestamp is unchanged', "extract(hour FROM TIMESTAMP '2001-08-22 03:04:05.321')", 3, 'bigint'],
  ['a date is unchanged', "extract(day FROM DATE '2001-08-22')", 22, 'bigint'],
]);

// Joda reads an hour of the half day without AM/PM as the morning: 12 is midnight; strptime kept 12 as noon.
describeFunctions('an hour of the half day read without AM/PM', [
  ['%h of 12', "date_parse('2013-05-17 12:35:10', '%Y-%m-%d %h:%i:%s')", '2013-05-17 00:35:10.000', 'timestamp(3)'],
  ['%l of 12', "date_parse('12:35', '%l:%i')", '1970-01-01 00:35:00.000', 'timestamp(3)'],
  ['%h of 11 stays', "date_parse('2013-05-17 11:35:10', '%Y-%m-%d %h:%i:%s')", '2013-05-17 11:35:10.000', 'timestamp(3)'],
  ['%p makes 12 noon', "date_parse('2013-05-17 12:35:10 PM', '%Y-%m-%d %h:%i:%s %p')", '2013-05-17 12:35:10.000', 'timestamp(3)'],
  ["parse_datetime's hh", "parse_datetime('2013-05-17 12:35:10', 'yyyy-MM-dd hh:mm:ss')", '2013-05-17 00:35:10.000 UTC', 'timestamp(3) with time zone'],
  ['a column', "date_parse(s, '%Y-%m-%d %h:%i:%s') FROM (VALUES '2013-05-17 12:35:10') t(s)", '2013-05-17 00:35:10.000', 'timestamp(3)'],
]);

// A literal's fraction was found after a two-digit second only, so '3:4:5.321' was timestamp(0) and lost .321; a zone
// was found after two-digit fields only, so '2001-1-2 … UTC' dropped its zone (Trino reads one-digit fields too).
describeFunctions(
  'datetime literals with one-digit fields',
  [
    ['one-digit clock fields', "TIMESTAMP '2001-1-2 3:4:5.321'", '2001-01-02 03:04:05.321', 'timestamp(3)'],
    ['a one-digit second', "TIMESTAMP '2001-01-02 03:04:5.321'", '2001-01-02 03:04:05.321', 'timestamp(3)'],
    ['a TIME literal', "TIME '3:4:5.321'", '03:04:05.321', 'time(3)'],
    ['a zone after one-digit fields', "TIMESTAMP '2001-1-2 3:4:5.321 UTC'", '2001-01-02 03:04:05.321 UTC', 'timestamp(3) with time zone'],
    [
      'an offset after a one-digit month',
      "TIMESTAMP '2001-1-22 03:04:05.321 +05:09' + INTERVAL '3' hour",
      '2001-01-22 06:04:05.321 +05:09',
      'timestamp(3) with time zone',
    ],
  ],
  [
    ['one fraction digit is timestamp(1)', "TIMESTAMP '2001-1-2 3:4:5.3'", /precision/],
    // Trino 476: INVALID_LITERAL; the local engine read the zone (a pre-existing difference of two-digit fields too).
    ['a zone straight after the date', "TIMESTAMP '2001-01-02+07:09'", /INVALID_LITERAL/],
    ['a zone name straight after the date', "TIMESTAMP '2001-1-2UTC'", /INVALID_LITERAL/],
  ],
);

// IS DISTINCT FROM of two columns holding zoned timestamps compared the zone and wall clock; Trino 476 compares the
// instants, as = does.
describeFunctions('IS DISTINCT FROM of arrays of zoned timestamps', [
  [
    'the same instant in two zones',
    "a IS DISTINCT FROM b FROM (SELECT ARRAY[TIMESTAMP '2020-01-01 00:00:00 UTC'] AS a, ARRAY[TIMESTAMP '2020-01-01 01:00:00 +01:00'] AS b)",
    false,
    'boolean',
  ],
  [
    'IS NOT DISTINCT FROM',
    "a IS NOT DISTINCT FROM b FROM (SELECT ARRAY[TIMESTAMP '2020-01-01 00:00:00 UTC', NULL] AS a, ARRAY[TIMESTAMP '2020-01-01 01:00:00 +01:00', NULL] AS b)",
    true,
    'boolean',
  ],
  [
    'another instant',
    "a IS DISTINCT FROM b FROM (SELECT ARRAY[TIMESTAMP '2020-01-01 00:00:00 UTC'] AS a, ARRAY[TIMESTAMP '2020-01-01 01:00:01 +01:00'] AS b)",
    true,
    'boolean',
  ],
]);

// Trino 476 reads one space between the date and the time and at most 12 fraction digits (TestVarcharToTimestampCast);
// the local text reader took any run of white space and any number of digits.
describeFunctions(
  'text cast to timestamp: the separator and the fraction',
  [
    ['two spaces under TRY_CAST', "TRY_CAST('2020-01-01  12:34:56' AS timestamp)", null, 'timestamp(3)'],
    ['two spaces in a column', "TRY_CAST(s AS timestamp) FROM (SELECT '2020-01-01  12:34:56' AS s)", null, 'timestamp(3)'],
    ['two spaces, zoned', "TRY_CAST('2020-01-01  12:34:56' AS timestamp with time zone)", null, 'timestamp(3) with time zone'],
    ['22 fraction digits', "TRY_CAST('2020-01-01 12:34:56.1234567890123456789012' AS timestamp)", null, 'timestamp(3)'],
    ['12 fraction digits are read', "CAST('2020-01-01 12:34:56.123456789012' AS timestamp)", '2020-01-01 12:34:56.123', 'timestamp(3)'],
    ['spaces before a zone are read', "CAST('2020-01-01 12:34:56   UTC' AS timestamp)", '2020-01-01 12:34:56.000', 'timestamp(3)'],
  ],
  [['two spaces under CAST', "CAST('2020-01-01  12:34:56' AS timestamp)", /Value cannot be cast to timestamp: 2020-01-01 {2}12:34:56/]],
);
