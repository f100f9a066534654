// date_parse and parse_datetime of a year with a sign where the pattern starts with the year (docs/issue-15-audit.md,
// "ISO 8601 week and ordinal dates, reduced forms … branch dates39"). Joda reads a sign and up to four digits there,
// strptime no sign: each value below failed locally ("Expected a number") before dates39. Every value, type and error
// is the shared Trino 476's answer to the same SQL.
import { describeFunctions } from './functions/harness.js';

describeFunctions(
  'date_parse / parse_datetime: a signed year at the start of the pattern',
  [
    ['a negative year', "date_parse('-0005-02-03', '%Y-%m-%d')", '-0005-02-03 00:00:00.000', 'timestamp(3)'],
    ['a plus sign', "date_parse('+2024-02-03', '%Y-%m-%d')", '2024-02-03 00:00:00.000', 'timestamp(3)'],
    ['a leap day of a negative year', "date_parse('-2024-02-29', '%Y-%m-%d')", '-2024-02-29 00:00:00.000', 'timestamp(3)'],
    ['minus zero', "date_parse('-0-02-03', '%Y-%m-%d')", '0000-02-03 00:00:00.000', 'timestamp(3)'],
    ['a year alone', "date_parse('-5', '%Y')", '-0005-01-01 00:00:00.000', 'timestamp(3)'],
    ['two digits', "date_parse('-05', '%Y')", '-0005-01-01 00:00:00.000', 'timestamp(3)'],
    ['a plus sign alone', "date_parse('+2020', '%Y')", '2020-01-01 00:00:00.000', 'timestamp(3)'],
    ['with a time', "date_parse('-0005-02-03 10:11', '%Y-%m-%d %H:%i')", '-0005-02-03 10:11:00.000', 'timestamp(3)'],
    ['with a fraction', "date_parse('-0004-02-29 10:11:12.345', '%Y-%m-%d %H:%i:%s.%f')", '-0004-02-29 10:11:12.345', 'timestamp(3)'],
    ['day 366 of a negative leap year', "date_parse('-0004-366', '%Y-%j')", '-0004-12-31 00:00:00.000', 'timestamp(3)'],
    ['with a literal of another case', "date_parse('-0005 t01', '%Y T%m')", '-0005-01-01 00:00:00.000', 'timestamp(3)'],
    ['parse_datetime yyyy', "parse_datetime('-0005-02-03', 'yyyy-MM-dd')", '-0005-02-03 00:00:00.000 UTC', 'timestamp(3) with time zone'],
    ['parse_datetime y', "parse_datetime('-5', 'y')", '-0005-01-01 00:00:00.000 UTC', 'timestamp(3) with time zone'],
    ['parse_datetime with a plus sign', "parse_datetime('+2024-02-03', 'yyyy-MM-dd')", '2024-02-03 00:00:00.000 UTC', 'timestamp(3) with time zone'],
    ['parse_datetime with a time', "parse_datetime('-0005-02-03 10:11', 'yyyy-MM-dd HH:mm')", '-0005-02-03 10:11:00.000 UTC', 'timestamp(3) with time zone'],
    [
      'a column',
      "array_agg(date_parse(x, '%Y-%m-%d') ORDER BY x) FROM (VALUES '-0005-02-03', '+0005-02-03', '0005-02-03', CAST(NULL AS varchar)) t(x)",
      ['0005-02-03 00:00:00.000', '-0005-02-03 00:00:00.000', '0005-02-03 00:00:00.000', null],
      'array(timestamp(3))',
    ],
  ],
  [
    [
      'day 366 of a negative common year',
      "date_parse('-0005-366', '%Y-%j')",
      /Cannot parse "-0005-366": Value 366 for dayOfYear must be in the range \[1,365\]/,
    ],
    // A sign not followed by a digit fails in Trino ("Invalid format"); locally it must not become NULL.
    ['a sign and a letter', "date_parse('-x', '%Y')", /-x/],
    ['two signs', "date_parse('--5', '%Y')", /--5/],
    ['five digits after a sign', "date_parse('-123456', '%Y')", /123456/],
  ],
);
