// Zoned timestamps across daylight-saving changes, as Trino 476 answers (checked by the differential oracle,
// tests/trino; Trino keeps time zones with Joda: https://trino.io/docs/current/language/types.html#timestamp-with-time-zone).
// A wall clock that occurs twice is its earlier (summer-time) instant; one that does not occur is an invalid literal,
// and with_timezone moves it forward by the gap. A day-to-second interval and date_add's hours and shorter units
// add elapsed time; a year-month interval and date_add's days and longer units move the wall clock.
import { describeFunctions } from './harness.js';

const TZ = 'timestamp(3) with time zone';
const BERLIN_SAT = "TIMESTAMP '2025-03-29 12:00:00 Europe/Berlin'";
const NY_TWICE = "TIMESTAMP '2025-11-02 01:30:00 America/New_York'";

describeFunctions(
  'daylight-saving time',
  [
    ['an ambiguous wall clock is the earlier instant', `${NY_TWICE} AT TIME ZONE 'UTC'`, '2025-11-02 05:30:00.000 UTC', TZ],
    [
      'with_timezone: ambiguous is the earlier instant',
      "with_timezone(TIMESTAMP '2025-11-02 01:30:00', 'America/New_York') AT TIME ZONE 'UTC'",
      '2025-11-02 05:30:00.000 UTC',
      TZ,
    ],
    [
      'with_timezone moves a skipped wall clock forward',
      "with_timezone(TIMESTAMP '2025-03-30 02:30:00', 'Europe/Berlin')",
      '2025-03-30 03:30:00.000 Europe/Berlin',
      TZ,
    ],
    ['+ INTERVAL 1 DAY is 24 hours', `${BERLIN_SAT} + INTERVAL '1' DAY`, '2025-03-30 13:00:00.000 Europe/Berlin', TZ],
    ['- INTERVAL 1 DAY is 24 hours', "TIMESTAMP '2025-03-30 12:00:00 Europe/Berlin' - INTERVAL '1' DAY", '2025-03-29 11:00:00.000 Europe/Berlin', TZ],
    ['+ INTERVAL 1 DAY over a fall-back', `${NY_TWICE} + INTERVAL '1' DAY`, '2025-11-03 00:30:00.000 America/New_York', TZ],
    ['+ INTERVAL 1 MONTH keeps the wall clock', `${BERLIN_SAT} + INTERVAL '1' MONTH`, '2025-04-29 12:00:00.000 Europe/Berlin', TZ],
    ["date_add('day') keeps the wall clock", `date_add('day', 1, ${BERLIN_SAT})`, '2025-03-30 12:00:00.000 Europe/Berlin', TZ],
    ["date_add('hour', 24) is 24 hours", `date_add('hour', 24, ${BERLIN_SAT})`, '2025-03-30 13:00:00.000 Europe/Berlin', TZ],
    ["date_add('minute') over the gap", "date_add('minute', 60, TIMESTAMP '2025-03-30 01:30:00 Europe/Berlin')", '2025-03-30 03:30:00.000 Europe/Berlin', TZ],
    [
      "date_add('day') into the gap moves forward",
      "date_add('day', 1, TIMESTAMP '2025-03-29 02:30:00 Europe/Berlin')",
      '2025-03-30 03:30:00.000 Europe/Berlin',
      TZ,
    ],
    ["date_trunc('hour') keeps the offset", `date_trunc('hour', ${NY_TWICE} + INTERVAL '1' HOUR) AT TIME ZONE 'UTC'`, '2025-11-02 06:00:00.000 UTC', TZ],
    // Trino 476: to_iso8601 writes the offset at that instant, also for a named zone ('Z' for 0); with_timezone of a
    // timestamp(0) is timestamp(0) with time zone, written without a fraction.
    [
      'to_iso8601 of a named zone writes its offset',
      "to_iso8601(with_timezone(TIMESTAMP '2025-03-30 01:30:00', 'America/New_York'))",
      '2025-03-30T01:30:00-04:00',
      'varchar',
    ],
    ['to_iso8601 of an offset zone', "to_iso8601(TIMESTAMP '2024-12-31 23:59:59.999 Asia/Tokyo')", '2024-12-31T23:59:59.999+09:00', 'varchar'],
    ["date_trunc('day') is local midnight", `date_trunc('day', ${NY_TWICE} + INTERVAL '1' HOUR) AT TIME ZONE 'UTC'`, '2025-11-02 04:00:00.000 UTC', TZ],
  ],
  [
    // Trino: INVALID_LITERAL: '2025-03-30 02:30:00 Europe/Berlin' is not a valid TIMESTAMP literal.
    ['a skipped wall clock is not a literal', "TIMESTAMP '2025-03-30 02:30:00 Europe/Berlin'", /is not a valid TIMESTAMP literal/],
    // Trino: INVALID_FUNCTION_ARGUMENT: integer overflow (date_add takes an int count).
    ['date_add beyond an int count', "date_add('minute', 9000000000, TIMESTAMP '2025-03-10 10:00:00')", /integer overflow/],
    ['date_add beyond an int count, zoned', "date_add('millisecond', 3000000000, TIMESTAMP '2025-03-10 10:00:00.000 UTC')", /integer overflow/],
  ],
);
