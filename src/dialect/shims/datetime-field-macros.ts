import { TZ0_STRUCT, TZ_STRUCT } from './macros.js';
import { IS_ZONED_VALUE } from './nested-type.js';

// Macros for the fields of dates and intervals where DuckDB's built-ins answer for input Trino 476 rejects or reads
// otherwise (https://trino.io/docs/current/functions/datetime.html): a unit below a day on a DATE, and the hour,
// minute, second and millisecond of a day-to-second interval (found by asking both engines the same query;
// tests/dialect/functions/datetime-fields.test.ts).

const zonedClock = (x: string) => `CASE WHEN lower(unit) IN ('day', 'week', 'month', 'quarter', 'year')
       THEN CAST(trino_tz_from_instant(${x}.trino_instant, zone).trino_wall AS TIMESTAMP) ELSE timezone('UTC', ${x}.trino_instant) END`;

export const DATETIME_FIELD_MACROS: readonly string[] = [
  // date_format and format_datetime's text (translate/datetime-formats.ts datetimeText): the value itself, a name the
  // translator's checks read as text, never a number or a nested value.
  `trino_format_result(s) AS s`,
  // date_add, date_diff and date_trunc of a DATE take day, week, month, quarter or year; DuckDB moved a DATE by an
  // hour and truncated it back to the same day. Of a TIME they take millisecond, second, minute or hour (Trino 476:
  // "'day' is not a valid TIME field"; DuckDB's TIME + INTERVAL 1 DAY is the same time). x is named once.
  `trino_date_unit(unit, x) AS CASE typeof(x)
     WHEN 'DATE' THEN CASE WHEN lower(unit) NOT IN ('day', 'week', 'month', 'quarter', 'year')
       THEN cast_to_type(trino_fail('''' || unit || ''' is not a valid DATE field'), '') ELSE unit END
     WHEN 'TIME' THEN CASE WHEN lower(unit) NOT IN ('millisecond', 'second', 'minute', 'hour')
       THEN cast_to_type(trino_fail('''' || unit || ''' is not a valid TIME field'), '') ELSE unit END
     ELSE unit END`,
  // A day-to-second interval is a number of milliseconds in Trino: hour() is its hours within a day, day() its whole
  // days (hour(INTERVAL '27' HOUR) is 3, day() of it 1; Java's / and % keep the sign). DuckDB keeps days and
  // microseconds apart as written (27 hours, 0 days). The interval is rebuilt as whole days and the remainder.
  // One untyped macro (typed overloads bind the argument once per overload, which multiplies inside nested shims): in
  // the lambda, a value other than an interval gets INTERVAL 0 added. The shift is built from epoch() and
  // datepart('day'), which bind for dates and timestamps too; DuckDB adds intervals field by field.
  // Only an interval runs the lambda: DuckDB folds typeof() when it binds, so for a date, time or timestamp the CASE is
  // x alone, cast to the type the lambda's x + INTERVAL 0 has (the same value; the lambda still binds, so a type it
  // refuses is refused as before). x is named twice, so its expression binds twice (not evaluated twice). Issue 18: a
  // timestamp's day() or hour() costs ~25 ns a row less (P1's curated and KPI steps take three per event;
  // tests/dialect/interval-fields-plan.test.ts).
  `trino_interval_fields(x) AS CASE WHEN typeof(x) = 'INTERVAL' THEN list_transform([x], lambda trino_i: trino_i + CASE
       WHEN typeof(trino_i) = 'INTERVAL' AND datepart('year', trino_i) = 0 AND datepart('month', trino_i) = 0
       THEN to_days(CAST(CAST(round(epoch(trino_i) * 1000) AS BIGINT) // 86400000 - datepart('day', trino_i) AS INTEGER))
         + to_microseconds(CAST(round(epoch(trino_i) * 1000) AS BIGINT) % 86400000 * 1000
           - CAST(round(epoch(trino_i) * 1000000) AS BIGINT) + datepart('day', trino_i) * 86400000000)
       ELSE INTERVAL 0 SECOND END)[1] ELSE x END`,
  // date_diff of zoned values counts days, weeks, months, quarters and years on the wall clock of the first value's
  // zone (Joda's zoned fields: 2025-03-08 10:00 to 2025-03-09 10:00 America/New_York is 1 day, 23 hours apart), and
  // shorter units between instants. Each value becomes the TIMESTAMP date_sub counts on; a plain one stays as it is.
  `trino_diff_clock(unit, x ${TZ_STRUCT}, zone) AS ${zonedClock('x')},
     (unit, x ${TZ0_STRUCT}, zone) AS ${zonedClock('x')},
     (unit, x "NULL", zone) AS CAST(x AS TIMESTAMP),
     (unit, x, zone) AS x`,
  // Each argument is named once (inside lambdas), so nested date_diff calls bind in linear time; an aggregate argument
  // binds there too (the lambda parameter has its type).
  `trino_date_diff(unit, a, b) AS list_transform([a], lambda trino_a: list_transform([b], lambda trino_b:
     date_sub(trino_date_unit(unit, trino_a), trino_diff_clock(unit, trino_a, trino_zone_name(trino_a)),
       trino_diff_clock(unit, trino_b, trino_zone_name(trino_a))))[1])[1]`,
  // A two-digit year read by strptime (1969 to 2068) moved into the century Trino reads it in, from first_year on.
  `trino_year_pivot(t, first_year) AS list_transform([t], lambda trino_t: CASE WHEN year(trino_t) < first_year THEN trino_t + to_years(100)
     WHEN year(trino_t) >= first_year + 100 THEN trino_t - to_years(100) ELSE trino_t END)[1]`,
  // An hour of the half day (%I) read without AM/PM: Joda takes the morning, so 12 is midnight (Trino 476:
  // date_parse('2013-05-17 12:35:10', '%Y-%m-%d %h:%i:%s') is 00:35:10); strptime keeps 12 as noon.
  `trino_morning_hour(t) AS list_transform([t], lambda trino_t: CASE WHEN hour(trino_t) = 12 THEN trino_t - to_hours(12) ELSE trino_t END)[1]`,
  // EXTRACT(HOUR | MINUTE | SECOND FROM a date) fails in Trino 476 (TYPE_MISMATCH "Cannot extract HOUR from date");
  // typeof folds while binding, so the failure is a constant and is raised over no rows too.
  // EXTRACT(TIMEZONE_HOUR FROM x): Trino 476 fails "Cannot extract TIMEZONE_HOUR from timestamp(0)" (or "from date")
  // for anything but a timestamp with time zone (the timezone_hour() function reads a plain timestamp as UTC).
  `trino_zoned_only(x, field) AS CASE WHEN ${IS_ZONED_VALUE('x')} OR typeof(x) = '"NULL"' THEN x
     ELSE cast_to_type(trino_fail('Cannot extract ' || field || ' from ' || CASE typeof(x) WHEN 'DATE' THEN 'date' WHEN 'TIMESTAMP' THEN 'timestamp'
       WHEN 'TIMESTAMP_S' THEN 'timestamp' ELSE lower(typeof(x)) END), x) END`,
  `trino_not_date(x, field) AS CASE WHEN typeof(x) = 'DATE' THEN cast_to_type(trino_fail('Cannot extract ' || field || ' from date'), x) ELSE x END`,
  // EXTRACT of a field other than DAY, HOUR, MINUTE or SECOND from a day-to-second interval fails in Trino 476
  // (TYPE_MISMATCH "Cannot extract DAY_OF_MONTH from interval day to second"); DuckDB answered (month 0, quarter 1).
  // Folded while binding, as above. (day_of_month(interval) is the day in both: only EXTRACT is checked.)
  `trino_not_interval(x, field) AS CASE WHEN typeof(x) = 'INTERVAL' THEN cast_to_type(trino_fail('Cannot extract ' || field || ' from interval day to second'), x) ELSE x END`,
  `trino_zone_name(x ${TZ_STRUCT}) AS x.trino_zone, (x ${TZ0_STRUCT}) AS x.trino_zone, (x "NULL") AS 'UTC', (x) AS 'UTC'`,
];
