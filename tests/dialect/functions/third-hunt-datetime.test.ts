// date_parse / parse_datetime / format_datetime as Trino 476 answers them (found by the third hunt,
// docs/issue-15-audit.md "Found by the third hunt"; values and errors are the shared Trino 476's).
// - Parsing: Trino parses with Joda, which matches each literal of the pattern exactly
//   (https://trino.io/docs/current/functions/datetime.html#date_parse, #parse_datetime): white space before or after
//   the input, or two spaces where the pattern has one, fail "Invalid format"; DuckDB's strptime skipped them.
// - Formatting: a Joda letter repeated n times pads a number to n digits
//   (https://trino.io/docs/current/functions/datetime.html#format_datetime, JodaTime's DateTimeFormat): 'ddd' is 005,
//   'DD' 05, 'yyyyy' 02025. strftime has no such widths: those runs were refused at the call, and are written by
//   trino_joda_text since dates38 (tests/dialect/dates38-datetime-formats.test.ts).
// - DATE ± a day-to-second interval that is not whole days fails (INVALID_FUNCTION_ARGUMENT "Cannot add hour, minutes
//   or seconds to a date"; INTERVAL '24' HOUR passes), and EXTRACT(HOUR | MINUTE | SECOND FROM a date) fails
//   (TYPE_MISMATCH "Cannot extract HOUR from date") although hour(DATE …) is 0; DuckDB answered both
//   (https://trino.io/docs/current/functions/datetime.html#date-and-time-operators, #extract).
// - A TIMESTAMP literal is `yyyy-mm-dd[ hh:mm[:ss[.f…]]][ zone]`
//   (https://trino.io/docs/current/language/types.html#timestamp): an ISO 'T' or a leading space is INVALID_LITERAL in
//   Trino 476; DuckDB read both. Refused at the literal.
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
    ['a date plus 24 hours', "DATE '2025-01-01' + INTERVAL '24' HOUR", '2025-01-02', 'date'],
    ['a date column minus 48 hours', "d - INTERVAL '48' HOUR FROM (VALUES DATE '2025-01-03') t(d)", '2025-01-01', 'date'],
    ['an aggregated date plus a day', "max(d) + INTERVAL '1' DAY FROM (VALUES DATE '2025-01-01') t(d)", '2025-01-02', 'date'],
    ['a timestamp plus an hour', "TIMESTAMP '2025-01-01 10:00:00' + INTERVAL '1' HOUR", '2025-01-01 11:00:00.000', 'timestamp(3)'],
    ['a TIMESTAMP literal with a trailing space', "TIMESTAMP '2025-01-01 10:00:00 '", '2025-01-01 10:00:00.000', 'timestamp(3)'],
    ['hour() of a date', "hour(DATE '2025-01-01')", 0, 'bigint'],
    ['EXTRACT(DAY FROM a date)', "extract(day FROM DATE '2025-01-05')", 5, 'bigint'],
    ['EXTRACT(SECOND FROM an aggregated timestamp)', "extract(second FROM max(t)) FROM (VALUES TIMESTAMP '2025-01-05 10:00:07') x(t)", 7, 'bigint'],
    ['DDD pads to 3 digits', "format_datetime(TIMESTAMP '2025-01-05 03:04:05', 'DDD')", '005', 'varchar'],
    ['ddd pads to 3 digits (was refused)', "format_datetime(TIMESTAMP '2025-01-05 03:04:05', 'ddd')", '005', 'varchar'],
    ['DD pads to 2 digits (was refused)', "format_datetime(TIMESTAMP '2025-01-05 03:04:05', 'DD')", '05', 'varchar'],
    ['yyyyy pads to 5 digits (was refused)', "format_datetime(TIMESTAMP '2025-01-05 03:04:05', 'yyyyy')", '02025', 'varchar'],
    ['HHH pads to 3 digits (was refused)', "format_datetime(TIMESTAMP '2025-01-05 03:04:05', 'HHH')", '003', 'varchar'],
  ],
  [
    ['a leading space', "date_parse(' 2025-01-05', '%Y-%m-%d')", /^Invalid format: " 2025-01-05"/],
    ['a trailing space', "date_parse('2025-01-05 ', '%Y-%m-%d')", /^Invalid format: "2025-01-05 "/],
    ['two spaces for one', "date_parse(x, '%Y-%m-%d %H:%i') FROM (VALUES '2025-01-05  13:02') t(x)", /Invalid format: "2025-01-05 {2}13:02"/],
    ['one space for two', "date_parse('2025-01-05 13:02', '%Y-%m-%d  %H:%i')", /Invalid format: "2025-01-05 13:02"/],
    ['a tab for a space', "date_parse('2025-01-05' || chr(9) || '13:02', '%Y-%m-%d %H:%i')", /Invalid format: "2025-01-05\t13:02"/],
    ['parse_datetime with a leading space', "parse_datetime(' 2025-01-05', 'yyyy-MM-dd')", /Invalid format: " 2025-01-05"/],
    ['a date plus an hour', "DATE '2025-01-01' + INTERVAL '1' HOUR", /^Cannot add hour, minutes or seconds to a date/],
    ['a date column minus a minute', "d - INTERVAL '1' MINUTE FROM (VALUES DATE '2025-01-01') t(d)", /Cannot subtract hour, minutes or seconds from a date/],
    ['an interval plus a date', "INTERVAL '1' HOUR + DATE '2025-01-01'", /Cannot add hour, minutes or seconds to a date/],
    ['an aggregated date plus an hour', "max(d) + INTERVAL '1' HOUR FROM (VALUES DATE '2025-01-01') t(d)", /Cannot add hour, minutes or seconds to a date/],
    ['EXTRACT(MINUTE FROM a date)', "extract(minute FROM DATE '2025-01-01')", /^Cannot extract MINUTE from date/],
    ['EXTRACT(HOUR FROM an aggregated date)', "extract(hour FROM max(d)) FROM (VALUES DATE '2025-01-01') t(d)", /Cannot extract HOUR from date/],
    ['a TIMESTAMP literal with a T', "TIMESTAMP '2025-01-01T10:00:00'", /invalid-literal.*'2025-01-01T10:00:00' is not a valid TIMESTAMP literal/],
    ['a TIMESTAMP literal with a leading space', "TIMESTAMP ' 2025-01-01 10:00:00'", /invalid-literal.*is not a valid TIMESTAMP literal/],
  ],
);
