// Found by hand beside the random tier's runs of seeds 20261294 and on (docs/issue-15-audit.md, "Random hunt with new
// seeds … branch hunt37"): the ICU behind the local engine takes Java's old three-letter zone ids (PST, IST, CST, …),
// ROC, US/Pacific-New and America/Coyhaique, which Trino 476 refuses (every name of /usr/share/zoneinfo and Java's
// ZoneId.SHORT_IDS was asked of at_timezone on both); and CAST(… AS time with time zone) dropped the zone. Every value
// and type below is Trino 476's answer, and every error stands where Trino fails, asked of the shared Trino.
import { describeFunctions } from './functions/harness.js';

describeFunctions(
  'zone names Trino 476 does not know fail as there; its own names answer as before',
  [
    ['a tzdb link', "TIMESTAMP '2025-03-10 10:00:00 ROK'", '2025-03-10 10:00:00.000 ROK', 'timestamp(3) with time zone'],
    [
      'a POSIX-style tzdb name',
      "at_timezone(TIMESTAMP '2025-03-10 10:00:00 UTC', 'EST5EDT')",
      '2025-03-10 06:00:00.000 EST5EDT',
      'timestamp(3) with time zone',
    ],
    [
      'a zone of the last years',
      "at_timezone(TIMESTAMP '2025-03-10 10:00:00 UTC', 'America/Punta_Arenas')",
      '2025-03-10 07:00:00.000 America/Punta_Arenas',
      'timestamp(3) with time zone',
    ],
  ],
  [
    // Trino 476: INVALID_LITERAL (local: 2025-03-10 10:00:00.000 PST, the zone of Los Angeles).
    ['a short id in a literal', "TIMESTAMP '2025-03-10 10:00:00 PST'", /is not a TIMESTAMP literal Athena reads/],
    ['a short id in a literal, inside a function', "timezone_hour(TIMESTAMP '2025-03-10 10:00:00 CST')", /is not a TIMESTAMP literal Athena reads/],
    ['a tzdb name gone', "TIMESTAMP '2025-03-10 10:00:00 US/Pacific-New'", /is not a TIMESTAMP literal Athena reads/],
    // Trino 476: "'IST' is not a valid time zone" (local: 15:30 IST).
    ['at_timezone', "at_timezone(TIMESTAMP '2025-03-10 10:00:00 UTC', 'IST')", /'IST' is not a valid time zone/],
    ['AT TIME ZONE', "TIMESTAMP '2025-03-10 10:00:00 UTC' AT TIME ZONE 'PST'", /'PST' is not a valid time zone/],
    ['with_timezone', "with_timezone(TIMESTAMP '2025-03-10 10:00:00', 'CST')", /'CST' is not a valid time zone/],
    ['at_timezone of a column', "at_timezone(TIMESTAMP '2025-03-10 10:00:00 UTC', z) FROM (VALUES 'AET') t(z)", /'AET' is not a valid time zone/],
    // Trino 476: NOT_SUPPORTED "Time zone not supported: BST".
    ['from_unixtime of a column', "from_unixtime(0, z) FROM (VALUES 'BST') t(z)", /'BST' is not a valid time zone/],
    ['ROC', "at_timezone(TIMESTAMP '2025-03-10 10:00:00 UTC', 'ROC')", /'ROC' is not a valid time zone/],
    ['a zone newer than Trino 476', "at_timezone(TIMESTAMP '2025-03-10 10:00:00 UTC', 'America/Coyhaique')", /'America\/Coyhaique' is not a valid time zone/],
    // Trino 476: INVALID_CAST_ARGUMENT "Value cannot be cast to timestamp: 2025-03-10 10:00:00 JST".
    ['CAST of a text', "CAST('2025-03-10 10:00:00 JST' AS timestamp with time zone)", /Value cannot be cast to timestamp with time zone/],
    [
      'CAST of a column',
      "CAST(s AS timestamp with time zone) FROM (VALUES '2025-03-10 10:00:00 NST') t(s)",
      /Value cannot be cast to timestamp with time zone/,
    ],
  ],
);

describeFunctions(
  'CAST(… AS time with time zone) is refused: Trino keeps the zone, the local TIME dropped it',
  [['the time of day of a zoned timestamp, without a zone, as before', "CAST(TIMESTAMP '2025-03-10 10:00:00 +05:30' AS time)", '10:00:00.000', 'time(3)']],
  [
    // Trino 476: 10:00:00.000+05:30, typed time(3) with time zone (local: 10:00:00.000 as time(3)).
    ['a zoned timestamp', "CAST(TIMESTAMP '2025-03-10 10:00:00 +05:30' AS time with time zone)", /time with time zone is not supported locally/],
    ['with a precision', "CAST(TIMESTAMP '2025-03-10 10:00:00 +05:30' AS time(3) with time zone)", /time with time zone is not supported locally/],
    ['try_cast', "try_cast(TIMESTAMP '2025-03-10 10:00:00 +05:30' AS time with time zone)", /time with time zone is not supported locally/],
    ['nested in an array', "CAST(ARRAY[TIMESTAMP '2025-03-10 10:00:00 +05:30'] AS array(time with time zone))", /time with time zone is not supported locally/],
  ],
);
