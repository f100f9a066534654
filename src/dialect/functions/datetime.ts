// Date and time functions (https://trino.io/docs/current/functions/datetime.html). Zoned values are the struct
// described in src/dialect/shims/README.md; the rewrites read their wall clock or instant as Trino does.
import { refused, rewrite, shim, type FunctionFamily } from './entry.js';

const wallClock = (what: string) => rewrite(`${what} of the wall clock (a zoned value answers in its own zone)`, '1');
const NANOS = 'nanosecond precision is not kept locally (timestamps are microsecond, Athena shows milliseconds)';

export const DATETIME: FunctionFamily = {
  date_add: rewrite('DATE stays DATE, TIMESTAMP stays TIMESTAMP, zoned values keep their zone; a literal count past every date of Athena is refused', '3'),
  date_diff: rewrite('whole elapsed units between instants', '3'),
  date_trunc: rewrite('in the value’s own zone; DATE stays DATE', '2'),
  date_format: rewrite(
    'MySQL format codes translated to strftime for years 1678-2261, other years written in JavaScript; another character after % is written as itself (literal patterns only)',
    '2',
  ),
  date_parse: rewrite('MySQL format codes translated to strptime (literal patterns only); a 24-hour field with %p is refused', '2'),
  format_datetime: rewrite(
    'Joda patterns: strftime for the letters and years it writes as Joda does, JavaScript for the others (literal patterns only; ZZZ and z refused)',
    '2',
  ),
  parse_datetime: rewrite('Joda patterns translated to strptime (literal patterns only); the result is in UTC', '2'),
  from_iso8601_timestamp: rewrite(
    'keeps the offset or zone of the text; week and ordinal dates, reduced forms and fractions of an hour or minute read as Joda reads them',
    '1',
  ),
  from_iso8601_date: rewrite(
    'Joda’s ISO date element: calendar, week (2020-W01-1) and ordinal (2020-123) dates, reduced forms, signed years; a time, zone or other form fails',
    '1',
  ),
  from_unixtime: rewrite('timestamp with time zone in UTC, or in the given zone', '1-2'),
  to_unixtime: rewrite('seconds since the epoch of the instant, as double', '1'),
  to_iso8601: rewrite('ISO 8601 text with milliseconds', '1'),
  to_milliseconds: shim('trino_to_milliseconds', '1', 'of a day-to-second interval'),
  with_timezone: rewrite('the wall clock read in the zone', '2'),
  at_timezone: rewrite('the instant seen in the zone', '2'),
  now: rewrite('timestamp with time zone in UTC', '0'),
  current_timestamp: rewrite('timestamp with time zone in UTC, written without parentheses (current_timestamp() is a syntax error on Athena)', '0'),
  date: rewrite('CAST(x AS DATE) of the wall clock', '1'),
  year: wallClock('year'),
  quarter: wallClock('quarter'),
  month: wallClock('month'),
  week: wallClock('ISO week'),
  week_of_year: wallClock('ISO week'),
  day: wallClock('day of month'),
  day_of_month: wallClock('day of month'),
  day_of_week: wallClock('ISO day of week (Monday 1)'),
  dow: wallClock('ISO day of week (Monday 1)'),
  day_of_year: wallClock('day of year'),
  doy: wallClock('day of year'),
  year_of_week: wallClock('ISO week-year'),
  yow: wallClock('ISO week-year'),
  hour: wallClock('hour'),
  minute: wallClock('minute'),
  second: wallClock('second'),
  millisecond: wallClock('millisecond'),
  last_day_of_month: wallClock('last day of the month'),
  extract: rewrite('EXTRACT(field FROM x) of the wall clock; DOW is ISO', '1'),
  human_readable_seconds: shim('trino_human_readable_seconds', '1'),
  parse_duration: shim('trino_parse_duration', '1', 'a day-to-second interval'),
  timezone_hour: shim('trino_timezone_hour', '1', 'hours of the zone offset at that instant (0 for a plain timestamp)'),
  timezone: shim('trino_timezone', '1', 'the zone of a zoned value as written (UTC, +01:00, Europe/Berlin); UTC for a timestamp or date'),
  timezone_minute: shim('trino_timezone_minute', '1', 'minutes of the zone offset, signed like the hours'),
  from_iso8601_timestamp_nanos: refused(NANOS, 'from_iso8601_timestamp(s)'),
  from_unixtime_nanos: refused(NANOS, 'from_unixtime(n / 1e9)'),
  current_time: refused('time with time zone is not supported locally', 'current_timestamp'),
  localtime: refused('time values are not supported locally', 'localtimestamp'),
};
