// date_parse and parse_datetime forms that answered otherwise than Trino 476 (docs/issue-15-audit.md, "Date formats and
// parsing … branch dates38"). Every value, type and error below is the shared Trino 476's answer to the same SQL.
// - A day of the year of 366 in a year that is not a leap year: Joda fails, strptime rolled over to 1 January.
// - A 24-hour field with AM/PM: Joda keeps the hour as written (03:00 PM is 03:00, 12:00 AM 12:00); strptime moved it
//   (15:00, 00:00) or failed (13:00 PM). Refused at the call: the text cannot be read without the marker locally.
import { describeFunctions } from './functions/harness.js';

describeFunctions(
  'date_parse / parse_datetime: day of the year 366',
  [
    ['366 of a leap year', "date_parse('2024 366', '%Y %j')", '2024-12-31 00:00:00.000', 'timestamp(3)'],
    ['001', "date_parse('2023 001', '%Y %j')", '2023-01-01 00:00:00.000', 'timestamp(3)'],
    ['1', "date_parse('2023 1', '%Y %j')", '2023-01-01 00:00:00.000', 'timestamp(3)'],
    ['365', "date_parse('2023 365', '%Y %j')", '2023-12-31 00:00:00.000', 'timestamp(3)'],
    ['a two-digit year 2000', "date_parse('00 366', '%y %j')", '2000-12-31 00:00:00.000', 'timestamp(3)'],
    ['no year (2000)', "date_parse('366', '%j')", '2000-12-31 00:00:00.000', 'timestamp(3)'],
    ['parse_datetime DDD of a leap year', "parse_datetime('2024 366', 'yyyy DDD')", '2024-12-31 00:00:00.000 UTC', 'timestamp(3) with time zone'],
    [
      'a column',
      "array_agg(date_parse(x, '%Y %j') ORDER BY x) FROM (VALUES '2024 366', '2023 365', CAST(NULL AS varchar)) t(x)",
      ['2023-12-31 00:00:00.000', '2024-12-31 00:00:00.000', null],
      'array(timestamp(3))',
    ],
  ],
  [
    // Locally 2024-01-01 00:00:00.000 (silent).
    ['366 of 2023', "date_parse('2023 366', '%Y %j')", /Cannot parse "2023 366": Value 366 for dayOfYear must be in the range \[1,365\]/],
    ['no separator', "date_parse('2023366', '%Y%j')", /Cannot parse "2023366": Value 366 for dayOfYear/],
    ['a two-digit year', "date_parse('23 366', '%y %j')", /Cannot parse "23 366": Value 366 for dayOfYear/],
    ['parse_datetime DDD', "parse_datetime('2023 366', 'yyyy DDD')", /Cannot parse "2023 366": Value 366 for dayOfYear/],
    ['a column', "date_parse(x, '%Y %j') FROM (VALUES '2023 366') t(x)", /Value 366 for dayOfYear must be in the range \[1,365\]/],
  ],
);

describeFunctions(
  'date_parse / parse_datetime: a 24-hour field with AM/PM is refused (Trino keeps the hour as written)',
  [
    ['%h with %p', "date_parse('2024-02-29 03:00 PM', '%Y-%m-%d %h:%i %p')", '2024-02-29 15:00:00.000', 'timestamp(3)'],
    ['%l with %p', "date_parse('2024-02-29 03:00 PM', '%Y-%m-%d %l:%i %p')", '2024-02-29 15:00:00.000', 'timestamp(3)'],
    ['%r', "date_parse('2024-02-29 03:00:00 PM', '%Y-%m-%d %r')", '2024-02-29 15:00:00.000', 'timestamp(3)'],
    ['hh with a', "parse_datetime('2024-02-29 03:00 PM', 'yyyy-MM-dd hh:mm a')", '2024-02-29 15:00:00.000 UTC', 'timestamp(3) with time zone'],
  ],
  [
    // Trino 476: 03:00 (locally 15:00, silent).
    ['%H with %p', "date_parse('2024-02-29 03:00 PM', '%Y-%m-%d %H:%i %p')", /format-pattern.*24-hour field.*with AM\/PM/],
    // Trino 476: 12:00 (locally 00:00, silent).
    ['12 AM with %H', "date_parse('2024-02-29 12:00 AM', '%Y-%m-%d %H:%i %p')", /format-pattern.*24-hour field/],
    // Trino 476: 13:00 (locally failed).
    ['13 PM with %H', "date_parse('2025-03-10 13:00 PM', '%Y-%m-%d %H:%i %p')", /format-pattern.*24-hour field/],
    ['%k with %p', "date_parse('2024-02-29 3:00 PM', '%Y-%m-%d %k:%i %p')", /format-pattern.*24-hour field/],
    ['%p before %H', "date_parse('PM 2024-02-29 03:00', '%p %Y-%m-%d %H:%i')", /format-pattern.*24-hour field/],
    // Trino 476: 03:00 UTC and 12:00 UTC.
    ['HH with a', "parse_datetime('2024-02-29 03:00 PM', 'yyyy-MM-dd HH:mm a')", /format-pattern.*24-hour field/],
  ],
);

describeFunctions(
  'date_parse: a character after % other than a code is read as itself, a trailing % dropped (refused locally)',
  [
    ['%Q', "date_parse('2024Q', '%Y%Q')", '2024-01-01 00:00:00.000', 'timestamp(3)'],
    ['a trailing %', "date_parse('2024', '%Y%')", '2024-01-01 00:00:00.000', 'timestamp(3)'],
    ['%Q alone', "date_parse('Q', '%Q')", '1970-01-01 00:00:00.000', 'timestamp(3)'],
    ['%-', "date_parse('2024-', '%Y%-')", '2024-01-01 00:00:00.000', 'timestamp(3)'],
    ['%%', "date_parse('2024%', '%Y%%')", '2024-01-01 00:00:00.000', 'timestamp(3)'],
    [
      'a column',
      "array_agg(date_parse(x, '%Y%Q') ORDER BY x) FROM (VALUES '2024Q', CAST(NULL AS varchar)) t(x)",
      ['2024-01-01 00:00:00.000', null],
      'array(timestamp(3))',
    ],
  ],
  [
    ['%D', "date_parse('2024 x', '%Y %D')", /%D fails on Athena \(not supported in date format string\)/],
    ['an empty format', "date_parse('', '')", /Both printing and parsing not supported/],
  ],
);
