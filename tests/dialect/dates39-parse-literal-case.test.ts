// date_parse and parse_datetime patterns whose literal letters differ in case from the input (docs/issue-15-audit.md,
// "ISO 8601 week and ordinal dates, reduced forms … branch dates39"). Joda matches a pattern's literal letters without
// regard to case; strptime with it, so each value below failed locally ("Literal does not match") before dates39.
// Every value, type and error is the shared Trino 476's answer to the same SQL.
import { describeFunctions } from './functions/harness.js';

describeFunctions(
  'date_parse / parse_datetime: literal letters match without case',
  [
    ['a lower-case t against T', "date_parse('2020t01', '%YT%m')", '2020-01-01 00:00:00.000', 'timestamp(3)'],
    ['an upper-case T against t', "date_parse('2020T01', '%Yt%m')", '2020-01-01 00:00:00.000', 'timestamp(3)'],
    ['an other character after % (%Q) against q', "date_parse('2024q', '%Y%Q')", '2024-01-01 00:00:00.000', 'timestamp(3)'],
    ['a word', "date_parse('2020-01-01 at 10', '%Y-%m-%d AT %H')", '2020-01-01 10:00:00.000', 'timestamp(3)'],
    ['beside a month name', "date_parse('JAN 2020 x', '%b %Y X')", '2020-01-01 00:00:00.000', 'timestamp(3)'],
    ['beside AM/PM', "date_parse('2020-01-01 10:00 PM h', '%Y-%m-%d %h:%i %p H')", '2020-01-01 22:00:00.000', 'timestamp(3)'],
    ['beside a weekday', "date_parse('Mon 2025-01-05 T', '%a %Y-%m-%d t')", '2024-12-30 00:00:00.000', 'timestamp(3)'],
    ['beside a day of the year', "date_parse('2024 366 T', '%Y %j t')", '2024-12-31 00:00:00.000', 'timestamp(3)'],
    ['parse_datetime, a quoted T', "parse_datetime('2020t01', 'yyyy''T''MM')", '2020-01-01 00:00:00.000 UTC', 'timestamp(3) with time zone'],
    [
      'a column',
      "array_agg(date_parse(x, '%YT%m') ORDER BY x) FROM (VALUES '2020t01', '2021T02', CAST(NULL AS varchar)) t(x)",
      ['2020-01-01 00:00:00.000', '2021-02-01 00:00:00.000', null],
      'array(timestamp(3))',
    ],
  ],
  [
    [
      'day 366 of a common year is still checked',
      "date_parse('2023 366 T', '%Y %j t')",
      /Cannot parse "2023 366 T": Value 366 for dayOfYear must be in the range \[1,365\]/,
    ],
    ['another letter still fails', "date_parse('2020x01', '%YT%m')", /2020x01/],
  ],
);
