// EXTRACT(TIMEZONE_HOUR | TIMEZONE_MINUTE FROM x), refused locally before ("is not supported locally"): the zone
// offset of a timestamp with time zone at its instant; Trino 476 fails for a plain timestamp or a date (TYPE_MISMATCH
// "Cannot extract TIMEZONE_HOUR from timestamp(0)"), where the timezone_hour() function reads them as UTC. Values,
// types and errors are the shared Trino 476's answers.
import { describeFunctions } from './harness.js';

describeFunctions(
  'EXTRACT of the zone offset',
  [
    ['hours of a fixed offset', "extract(timezone_hour FROM TIMESTAMP '2020-01-01 00:00 -05:30')", -5, 'bigint'],
    ['minutes keep the sign of the hours', "extract(timezone_minute FROM TIMESTAMP '2020-01-01 00:00 -05:30')", -30, 'bigint'],
    ['a named zone at its summer offset', "extract(timezone_hour FROM TIMESTAMP '2020-07-01 00:00 America/New_York')", -4, 'bigint'],
    ['minutes of a half-hour zone', "extract(TIMEZONE_MINUTE FROM TIMESTAMP '2020-07-01 00:00 Asia/Kolkata')", 30, 'bigint'],
    ['over a column', "extract(timezone_hour FROM t) FROM (VALUES TIMESTAMP '2020-01-01 00:00 +03:00') v(t)", 3, 'bigint'],
    ['a NULL zoned value', 'extract(timezone_hour FROM t) FROM (VALUES CAST(NULL AS timestamp with time zone)) v(t)', null, 'bigint'],
    ['of an aggregate', "extract(timezone_hour FROM max(t)) FROM (VALUES TIMESTAMP '2020-01-01 00:00 +03:00') v(t)", 3, 'bigint'],
  ],
  [
    ['a plain timestamp', "extract(timezone_hour FROM TIMESTAMP '2020-01-01 00:00')", /Cannot extract TIMEZONE_HOUR from timestamp/],
    [
      'a plain timestamp column',
      "extract(timezone_minute FROM t) FROM (VALUES TIMESTAMP '2020-01-01 00:00:00.123') v(t)",
      /Cannot extract TIMEZONE_MINUTE from timestamp/,
    ],
    ['a date', "extract(timezone_hour FROM DATE '2020-01-01')", /Cannot extract TIMEZONE_HOUR from date/],
  ],
);
