// date_parse / parse_datetime / format_datetime as Trino 476 answers them (found by the third hunt,
// docs/issue-15-audit.md "Found by the third hunt"; values and errors are the shared Trino 476's).
// - Parsing: Trino parses with Joda, which matches each literal of the pattern exactly
//   (https://trino.io/docs/current/functions/datetime.html#date_parse, #parse_datetime): white space before or after
//   the input, or two spaces where the pattern has one, fail "Invalid format"; DuckDB's strptime skipped them.
// - Formatting: a Joda letter repeated n times pads a number to n digits
//   (https://trino.io/docs/current/functions/datetime.html#format_datetime, JodaTime's DateTimeFormat): 'ddd' is 005,
//   'DD' 05, 'yyyyy' 02025. strftime has no such widths, so those runs are refused at the call.
import { describeFunctions } from './harness.js';

describeFunctions(
  'third hunt: parsing and formatting dates',
  [
    ['one space where the pattern has one', "date_parse('2025-01-05 13:02', '%Y-%m-%d %H:%i')", '2025-01-05 13:02:00.000', 'timestamp(3)'],
    ['no space, a month name', "date_parse('Jan 5 2025', '%b %e %Y')", '2025-01-05 00:00:00.000', 'timestamp(3)'],
    ['a default year', "date_parse('12-25', '%m-%d')", '2000-12-25 00:00:00.000', 'timestamp(3)'],
    ['a two-digit year', "date_parse('25-01-05', '%y-%m-%d')", '2025-01-05 00:00:00.000', 'timestamp(3)'],
    ['a NULL input', "date_parse(x, '%Y-%m-%d') FROM (VALUES CAST(NULL AS varchar)) t(x)", null, 'timestamp(3)'],
    ['an aggregate input', "date_parse(max(x), '%Y-%m-%d') FROM (VALUES '2025-01-05') t(x)", '2025-01-05 00:00:00.000', 'timestamp(3)'],
    ['TRY of a leading space', "TRY(date_parse(' 2025-01-05', '%Y-%m-%d'))", null, 'timestamp(3)'],
    [
      'a quoted space in a Joda pattern',
      "parse_datetime('2025-01-05 13:04', 'yyyy-MM-dd'' ''HH:mm')",
      '2025-01-05 13:04:00.000 UTC',
      'timestamp(3) with time zone',
    ],
    ['yyyy pads to 4 digits', "format_datetime(TIMESTAMP '2025-01-05 03:04:05', 'yyyy-MM-dd HH')", '2025-01-05 03', 'varchar'],
    ['DDD pads to 3 digits', "format_datetime(TIMESTAMP '2025-01-05 03:04:05', 'DDD')", '005', 'varchar'],
  ],
  [
    ['a leading space', "date_parse(' 2025-01-05', '%Y-%m-%d')", /^Invalid format: " 2025-01-05"/],
    ['a trailing space', "date_parse('2025-01-05 ', '%Y-%m-%d')", /^Invalid format: "2025-01-05 "/],
    ['two spaces for one', "date_parse(x, '%Y-%m-%d %H:%i') FROM (VALUES '2025-01-05  13:02') t(x)", /Invalid format: "2025-01-05 {2}13:02"/],
    ['one space for two', "date_parse('2025-01-05 13:02', '%Y-%m-%d  %H:%i')", /Invalid format: "2025-01-05 13:02"/],
    ['a tab for a space', "date_parse('2025-01-05' || chr(9) || '13:02', '%Y-%m-%d %H:%i')", /Invalid format: "2025-01-05\t13:02"/],
    ['parse_datetime with a leading space', "parse_datetime(' 2025-01-05', 'yyyy-MM-dd')", /Invalid format: " 2025-01-05"/],
    ['ddd', "format_datetime(TIMESTAMP '2025-01-05 03:04:05', 'ddd')", /format-pattern.*Joda 'ddd' pads the number to 3 digits/],
    ['DD', "format_datetime(TIMESTAMP '2025-01-05 03:04:05', 'DD')", /format-pattern.*Joda 'DD' pads the number to 2 digits/],
    ['yyyyy', "format_datetime(TIMESTAMP '2025-01-05 03:04:05', 'yyyyy')", /format-pattern.*Joda 'yyyyy' pads the number to 5 digits/],
    ['HHH', "format_datetime(TIMESTAMP '2025-01-05 03:04:05', 'HHH')", /format-pattern.*Joda 'HHH'/],
  ],
);
