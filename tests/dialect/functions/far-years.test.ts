// Dates and timestamps outside years 0–9999 are written as Java's ISO formatter writes them, which is what Trino
// prints (LocalDate/LocalDateTime toString: https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/time/format/DateTimeFormatter.html#ISO_LOCAL_DATE
// "years outside 0000 to 9999 have a prefixed positive or negative symbol"; Trino's date and timestamp types,
// https://trino.io/docs/current/language/types.html#date-and-time): a `+` sign past 9999 in a date or timestamp
// value and in CAST(timestamp AS varchar) or to_iso8601, none in CAST(date AS varchar); a year before 1 AD is
// proleptic with a minus sign and four digits at least (-0075 is 76 BC; DuckDB writes 0076-03-31 (BC)). Every row is
// the value and type Trino 476 printed for the same SQL.
import { describeFunctions } from './harness.js';

describeFunctions('years past 9999 and before 1 AD', [
  ['a date past 9999', "DATE '9999-12-31' + INTERVAL '1' DAY", '+10000-01-01', 'date'],
  ['CAST(date past 9999 AS varchar) has no sign', "CAST(DATE '9999-12-31' + INTERVAL '1' DAY AS varchar)", '10000-01-01', 'varchar'],
  ['a timestamp past 9999', "date_add('year', 40000, TIMESTAMP '2025-03-31 10:00:00.123')", '+42025-03-31 10:00:00.123', 'timestamp(3)'],
  [
    'CAST(timestamp past 9999 AS varchar)',
    "CAST(date_add('year', 40000, TIMESTAMP '2025-03-31 10:00:00.123') AS varchar)",
    '+42025-03-31 10:00:00.123',
    'varchar',
  ],
  ['a zoned timestamp past 9999', 'from_unixtime(1e12)', '+33658-09-27 01:46:40.000 UTC', 'timestamp(3) with time zone'],
  ['CAST(zoned timestamp past 9999 AS varchar)', 'CAST(from_unixtime(1e12) AS varchar)', '+33658-09-27 01:46:40.000 UTC', 'varchar'],
  ['to_iso8601 of a zoned timestamp past 9999', 'to_iso8601(from_unixtime(1e12))', '+33658-09-27T01:46:40.000Z', 'varchar'],
  ['to_iso8601 of a timestamp past 9999', "to_iso8601(date_add('year', 40000, TIMESTAMP '2025-03-31 10:00:00.123'))", '+42025-03-31T10:00:00.123', 'varchar'],
  ['an array of a date past 9999', "ARRAY[date_add('year', 40000, DATE '2025-03-31')]", ['+42025-03-31'], 'array(date)'],
  ['a date before 1 AD', "date_add('year', -2100, DATE '2025-03-31')", '-0075-03-31', 'date'],
  ['CAST(date before 1 AD AS varchar)', "CAST(date_add('year', -2100, DATE '2025-03-31') AS varchar)", '-0075-03-31', 'varchar'],
  ['to_iso8601 of a date before 1 AD', "to_iso8601(date_add('year', -2100, DATE '2025-03-31'))", '-0075-03-31', 'varchar'],
  ['a timestamp before 1 AD', "date_add('year', -2100, TIMESTAMP '2025-03-31 10:00:00.123')", '-0075-03-31 10:00:00.123', 'timestamp(3)'],
  [
    'CAST(timestamp before 1 AD AS varchar)',
    "CAST(date_add('year', -2100, TIMESTAMP '2025-03-31 10:00:00.123') AS varchar)",
    '-0075-03-31 10:00:00.123',
    'varchar',
  ],
  ['CAST(date before -9999 AS varchar)', "CAST(date_add('year', -12100, DATE '2025-03-31') AS varchar)", '-10075-03-31', 'varchar'],
  ['CAST(zoned timestamp before 1 AD AS varchar)', 'CAST(from_unixtime(-1e11) AS varchar)', '-1199-02-15 14:13:20.000 UTC', 'varchar'],
  ['year 0 is 0000', "CAST(DATE '0000-06-01' AS varchar)", '0000-06-01', 'varchar'],
  // years 1–9999 unchanged
  ['an ordinary date', "CAST(DATE '2025-03-31' AS varchar)", '2025-03-31', 'varchar'],
  ['an ordinary timestamp', "CAST(TIMESTAMP '2025-03-31 10:00:00.123' AS varchar)", '2025-03-31 10:00:00.123', 'varchar'],
  ['a column of dates with a NULL', "CAST(x AS varchar) FROM (VALUES DATE '2025-01-02', NULL) t(x)", '2025-01-02', 'varchar'],
]);

// CAST(… AS JSON) writes the same text (https://trino.io/docs/current/functions/json.html#cast-to-json); a map keyed by
// dates or timestamps does not cast. Trino 476 printed every value and error below.
describeFunctions(
  'years past 9999 and before 1 AD in JSON',
  [
    ['CAST(date before 1 AD AS json)', "CAST(DATE '-0001-03-01' AS JSON)", '"-0001-03-01"', 'json'],
    [
      'CAST(array of far dates AS json)',
      "CAST(ARRAY[DATE '-0001-03-01', DATE '0000-12-31', DATE '-10000-01-01', DATE '2020-05-06', NULL] AS JSON)",
      '["-0001-03-01","0000-12-31","-10000-01-01","2020-05-06",null]',
      'json',
    ],
    ['CAST(a column of a date before 1 AD AS json)', "CAST(x AS JSON) FROM (VALUES DATE '-0075-03-31') t(x)", '"-0075-03-31"', 'json'],
    ['CAST(timestamp before 1 AD AS json)', "CAST(TIMESTAMP '-0001-03-01 10:00:00' AS JSON)", '"-0001-03-01 10:00:00"', 'json'],
    [
      'CAST(timestamp past 9999 AS json) has a sign',
      "CAST(ARRAY[date_add('year', 40000, TIMESTAMP '2025-03-31 10:00:00.123')] AS JSON)",
      '["+42025-03-31 10:00:00.123"]',
      'json',
    ],
    ['CAST(date past 9999 AS json) has none', "CAST(ARRAY[DATE '12345-01-01'] AS JSON)", '["12345-01-01"]', 'json'],
    [
      'CAST(row of a date before 1 AD AS json)',
      "CAST(CAST(ROW(DATE '-0001-03-01', 12345) AS ROW(d date, n integer)) AS JSON)",
      '{"d":"-0001-03-01","n":12345}',
      'json',
    ],
    ['a varchar that reads like DuckDB’s BC date stays', "CAST(ARRAY['0002-03-01 (BC)'] AS JSON)", '["0002-03-01 (BC)"]', 'json'],
  ],
  [
    ['CAST(map keyed by dates AS json)', "CAST(MAP(ARRAY[DATE '2020-01-01'], ARRAY[1]) AS JSON)", /Cannot cast a map whose keys are dates/],
    ['CAST(map keyed by times AS json)', "CAST(MAP(ARRAY[TIME '10:00:00.000'], ARRAY[1]) AS JSON)", /Cannot cast a map whose keys are dates, times/],
    // Trino 476 answers {"d":"-0001-03-01","s":"x"}: locally refused, as the varchar could read like the date.
    [
      'CAST(row of a date before 1 AD and a varchar AS json)',
      "CAST(CAST(ROW(DATE '-0001-03-01', 'x') AS ROW(d date, s varchar)) AS JSON)",
      /of a date or timestamp before year 1 or past 9999 beside a varchar is not supported locally/,
    ],
  ],
);
