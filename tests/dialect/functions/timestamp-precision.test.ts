// TIMESTAMP(p) precision (docs/trino-oracle.md §8). https://trino.io/docs/current/language/types.html#timestamp-p:
// "TIMESTAMP '2020-06-10 15:55:23' … timestamp(0)", a literal has the precision of the digits written, and CAST(… AS
// timestamp(p)) rounds to p digits. The local engine carries timestamp(0) (DuckDB's TIMESTAMP_S) and timestamp(3);
// a precision it cannot carry is refused (tests/dialect/trino-constructs.test.ts). Every value and type below is
// Trino 476's answer to the same SQL (`lake sql --engine trino`). A result column of a timestamp is shown with
// milliseconds as `timestamp(3)` on every engine (the Engine contract: Trino's client protocol without the
// parametric-datetime capability, and Athena, send it so); the precision shows in text conversions.
import { describeFunctions } from './harness.js';

const T0 = "TIMESTAMP '2025-01-01 10:00:00'";
const T3 = "TIMESTAMP '2025-01-01 10:00:00.000'";

describeFunctions('timestamp(0) literals and their text', [
  ['a literal without a fraction prints none', `CAST(${T0} AS varchar)`, '2025-01-01 10:00:00', 'varchar'],
  ['a literal with 3 digits prints them', `CAST(${T3} AS varchar)`, '2025-01-01 10:00:00.000', 'varchar'],
  ['a date-only literal is timestamp(0)', "CAST(TIMESTAMP '2025-01-01' AS varchar)", '2025-01-01 00:00:00', 'varchar'],
  ['to_iso8601 of timestamp(0)', `to_iso8601(${T0})`, '2025-01-01T10:00:00', 'varchar'],
  ['to_iso8601 of timestamp(3)', `to_iso8601(${T3})`, '2025-01-01T10:00:00.000', 'varchar'],
  ['format %s of timestamp(0)', `format('%s', ${T0})`, '2025-01-01T10:00', 'varchar'],
  ['array_join of timestamp(0)', `array_join(ARRAY[${T0}], ',')`, '2025-01-01 10:00:00', 'varchar'],
  // An array's common type takes the larger precision; DuckDB's own text dropped the trailing zeros of both.
  [
    'array_join of timestamp(0) and timestamp(3)',
    `array_join(ARRAY[${T0}, TIMESTAMP '2025-01-01 10:00:00.100'], ',')`,
    '2025-01-01 10:00:00.000,2025-01-01 10:00:00.100',
    'varchar',
  ],
  ['CAST(timestamp(0) AS JSON)', `CAST(${T0} AS JSON)`, '"2025-01-01 10:00:00"', 'json'],
  ['CAST(timestamp(3) AS JSON) keeps its zeros', `CAST(${T3} AS JSON)`, '"2025-01-01 10:00:00.000"', 'json'],
  ['CAST(array(timestamp(0)) AS JSON)', `CAST(ARRAY[${T0}] AS JSON)`, '["2025-01-01 10:00:00"]', 'json'],
  [
    'CAST(array(timestamp(3)) AS JSON) keeps three digits',
    `CAST(ARRAY[${T3}, TIMESTAMP '2025-01-01 10:00:00.100', TIMESTAMP '2025-01-01 10:00:00.120', TIMESTAMP '2025-01-01 10:00:00.123'] AS JSON)`,
    '["2025-01-01 10:00:00.000","2025-01-01 10:00:00.100","2025-01-01 10:00:00.120","2025-01-01 10:00:00.123"]',
    'json',
  ],
  [
    'CAST(row(date, timestamp(3)) AS JSON)',
    `CAST(CAST(ROW(DATE '2025-01-01', ${T3}) AS ROW(d date, t timestamp)) AS JSON)`,
    '{"d":"2025-01-01","t":"2025-01-01 10:00:00.000"}',
    'json',
  ],
  ['CAST(map(varchar, timestamp(0)) AS JSON)', `json_format(CAST(MAP(ARRAY['k'], ARRAY[${T0}]) AS JSON))`, '{"k":"2025-01-01 10:00:00"}', 'varchar'],
  ['max keeps the precision', "CAST(max(x) AS varchar) FROM (VALUES TIMESTAMP '2025-01-01 10:00:00') t(x)", '2025-01-01 10:00:00', 'varchar'],
  ['greatest keeps the precision', `CAST(greatest(${T0}, TIMESTAMP '2025-01-01 11:00:00') AS varchar)`, '2025-01-01 11:00:00', 'varchar'],
  ['coalesce keeps the precision', `CAST(coalesce(${T0}, NULL) AS varchar)`, '2025-01-01 10:00:00', 'varchar'],
  ['element_at keeps the precision', `CAST(element_at(ARRAY[${T0}], 1) AS varchar)`, '2025-01-01 10:00:00', 'varchar'],
  ['CASE of timestamp(0) and timestamp(3) is timestamp(3)', `CAST(CASE WHEN true THEN ${T0} ELSE ${T3} END AS varchar)`, '2025-01-01 10:00:00.000', 'varchar'],
  [
    'UNION of timestamp(0) and timestamp(3) is timestamp(3)',
    `CAST(x AS varchar) FROM (SELECT ${T0} AS x UNION ALL SELECT ${T3}) t`,
    '2025-01-01 10:00:00.000',
    'varchar',
  ],
  ['a timestamp(0) equals its timestamp(3)', `${T0} = ${T3}`, true, 'boolean'],
  ['the result column is shown with milliseconds', T0, '2025-01-01 10:00:00.000', 'timestamp(3)'],
  // A map's keys travel as Trino's text of them.
  ['a map keyed by timestamp(0)', `MAP(ARRAY[${T0}], ARRAY[1])`, { '2025-01-01 10:00:00': 1 }, 'map(timestamp(3), integer)'],
  ['a map keyed by timestamp(3)', `MAP(ARRAY[${T3}], ARRAY[1])`, { '2025-01-01 10:00:00.000': 1 }, 'map(timestamp(3), integer)'],
  ['histogram of timestamp(0)', "histogram(x) FROM (VALUES TIMESTAMP '2025-01-01 10:00:00') t(x)", { '2025-01-01 10:00:00': 1 }, 'map(timestamp(3), bigint)'],
]);

describeFunctions('arithmetic on timestamp(0) (https://trino.io/docs/current/functions/datetime.html)', [
  // date_add keeps p and rounds the sum half up to it: the millisecond is lost, as in Trino 476.
  ['date_add of 700 ms rounds up', `CAST(date_add('millisecond', 700, ${T0}) AS varchar)`, '2025-01-01 10:00:01', 'varchar'],
  ['date_add of -700 ms rounds', `CAST(date_add('millisecond', -700, ${T0}) AS varchar)`, '2025-01-01 09:59:59', 'varchar'],
  ['date_add rounds half up before 1970', "CAST(date_add('millisecond', 1500, TIMESTAMP '1969-12-31 23:59:58') AS varchar)", '1970-01-01 00:00:00', 'varchar'],
  ['date_add of a day', "CAST(date_add('day', 1, TIMESTAMP '2025-01-01') AS varchar)", '2025-01-02 00:00:00', 'varchar'],
  [
    'date_add over an aggregate',
    "CAST(date_add('second', 1, max(x)) AS varchar) FROM (VALUES TIMESTAMP '2025-01-01 10:00:00') t(x)",
    '2025-01-01 10:00:01',
    'varchar',
  ],
  ['date_trunc keeps the precision', "CAST(date_trunc('hour', TIMESTAMP '2025-01-01 10:20:00') AS varchar)", '2025-01-01 10:00:00', 'varchar'],
  // timestamp(p) ± a day-to-second interval is timestamp(3) for p < 3; a year-month interval keeps p.
  ['+ INTERVAL second is timestamp(3)', `CAST(${T0} + INTERVAL '1' SECOND AS varchar)`, '2025-01-01 10:00:01.000', 'varchar'],
  ['+ INTERVAL day is timestamp(3)', `CAST(${T0} + INTERVAL '1' DAY AS varchar)`, '2025-01-02 10:00:00.000', 'varchar'],
  ['INTERVAL hour + timestamp(0) is timestamp(3)', `CAST(INTERVAL '2' HOUR + ${T0} AS varchar)`, '2025-01-01 12:00:00.000', 'varchar'],
  ['- INTERVAL month keeps the precision', `CAST(${T0} - INTERVAL '1' MONTH AS varchar)`, '2024-12-01 10:00:00', 'varchar'],
  ['+ INTERVAL year keeps the precision', `CAST(${T0} + INTERVAL '1' YEAR AS varchar)`, '2026-01-01 10:00:00', 'varchar'],
  [
    'an aggregate + INTERVAL second',
    "CAST(max(x) + INTERVAL '1' SECOND AS varchar) FROM (VALUES TIMESTAMP '2025-01-01 10:00:00') t(x)",
    '2025-01-01 10:00:01.000',
    'varchar',
  ],
  ['DATE + INTERVAL day stays a date', "CAST(DATE '2025-01-01' + INTERVAL '2' DAY AS varchar)", '2025-01-03', 'varchar'],
]);

// timestamp(0) with time zone: a zoned literal without a fraction, or a timestamp(0) put into a zone, keeps precision 0
// (https://trino.io/docs/current/language/types.html#timestamp-p-with-time-zone: "TIMESTAMP '2014-03-14 09:30:00
// Europe/Berlin'" has the precision of its digits). Carried locally as the zoned struct with a TIMESTAMP_S wall clock;
// every value and type below is Trino 476's answer to the same SQL.
const Z0 = "TIMESTAMP '2025-03-10 10:00:00 UTC'";

describeFunctions('timestamp(0) with time zone and its text', [
  ['CAST of a zoned literal without a fraction', `CAST(${Z0} AS varchar)`, '2025-03-10 10:00:00 UTC', 'varchar'],
  ['in a named zone', "CAST(TIMESTAMP '2025-03-10 10:00:00 Europe/Berlin' AS varchar)", '2025-03-10 10:00:00 Europe/Berlin', 'varchar'],
  ['without seconds', "CAST(TIMESTAMP '2025-03-10 10:00 UTC' AS varchar)", '2025-03-10 10:00:00 UTC', 'varchar'],
  ['to_iso8601', "to_iso8601(TIMESTAMP '2025-03-10 10:00:00 Europe/Berlin')", '2025-03-10T10:00:00+01:00', 'varchar'],
  ['array_join', `array_join(ARRAY[${Z0}], ',')`, '2025-03-10 10:00:00 UTC', 'varchar'],
  // The common type with timestamp(3) with time zone is timestamp(3) with time zone (ARRAY, CASE, UNION).
  [
    'array_join beside a timestamp(3) with time zone',
    `array_join(ARRAY[${Z0}, TIMESTAMP '2025-03-10 10:00:00.100 UTC'], '|')`,
    '2025-03-10 10:00:00.000 UTC|2025-03-10 10:00:00.100 UTC',
    'varchar',
  ],
  ['array_join of timestamp(3) with time zone', "array_join(ARRAY[TIMESTAMP '2025-03-10 10:00:00.000 UTC'], ',')", '2025-03-10 10:00:00.000 UTC', 'varchar'],
  [
    'CASE with a timestamp(3) with time zone',
    `CAST(CASE WHEN true THEN ${Z0} ELSE TIMESTAMP '2025-03-10 10:00:00.123 UTC' END AS varchar)`,
    '2025-03-10 10:00:00.000 UTC',
    'varchar',
  ],
  [
    'UNION with a timestamp(3) with time zone',
    `CAST(x AS varchar) FROM (SELECT ${Z0} AS x UNION ALL SELECT TIMESTAMP '2025-03-10 10:00:00.000 UTC') t`,
    '2025-03-10 10:00:00.000 UTC',
    'varchar',
  ],
  ['max keeps the precision', `CAST(max(x) AS varchar) FROM (VALUES ${Z0}) t(x)`, '2025-03-10 10:00:00 UTC', 'varchar'],
  // to_iso8601 of an aggregate writes the offset at its instant, as of any zoned value.
  [
    'to_iso8601 of an aggregate in a named zone',
    "to_iso8601(max(x)) FROM (VALUES TIMESTAMP '2025-03-10 10:00:00 Europe/Berlin') t(x)",
    '2025-03-10T10:00:00+01:00',
    'varchar',
  ],
  [
    'to_iso8601 of a timestamp(3) with time zone aggregate',
    "to_iso8601(max(x)) FROM (VALUES TIMESTAMP '2025-03-10 10:00:00.000 Europe/Berlin') t(x)",
    '2025-03-10T10:00:00.000+01:00',
    'varchar',
  ],
  ['to_iso8601 of a UTC aggregate', "to_iso8601(max(x)) FROM (VALUES TIMESTAMP '2025-03-10 10:00:00.000 UTC') t(x)", '2025-03-10T10:00:00.000Z', 'varchar'],
  [
    'to_iso8601 of plain aggregates',
    "to_iso8601(max(x)) || ' ' || to_iso8601(max(d)) FROM (VALUES (TIMESTAMP '2025-03-10 10:00:00', DATE '2025-03-10')) t(x, d)",
    '2025-03-10T10:00:00 2025-03-10',
    'varchar',
  ],
  ['greatest keeps the precision', `CAST(greatest(${Z0}, TIMESTAMP '2025-03-10 12:00:00 +01:00') AS varchar)`, '2025-03-10 12:00:00 +01:00', 'varchar'],
  ['equals its timestamp(3) with time zone', `${Z0} = TIMESTAMP '2025-03-10 10:00:00.000 UTC'`, true, 'boolean'],
  ['orders before a millisecond later', `${Z0} < TIMESTAMP '2025-03-10 10:00:00.001 UTC'`, true, 'boolean'],
  ['the result column is shown with milliseconds', Z0, '2025-03-10 10:00:00.000 UTC', 'timestamp(3) with time zone'],
  ['CAST to timestamp is timestamp(3)', `CAST(CAST(${Z0} AS timestamp) AS varchar)`, '2025-03-10 10:00:00.000', 'varchar'],
  ['CAST to timestamp with time zone is timestamp(3)', `CAST(CAST(${Z0} AS timestamp with time zone) AS varchar)`, '2025-03-10 10:00:00.000 UTC', 'varchar'],
  ['a map keyed by timestamp(0) with time zone', `MAP(ARRAY[${Z0}], ARRAY[1])`, { '2025-03-10 10:00:00 UTC': 1 }, 'map(timestamp(3) with time zone, integer)'],
  [
    'a map keyed by timestamp(3) with time zone',
    "MAP(ARRAY[TIMESTAMP '2025-03-10 10:00:00.000 UTC'], ARRAY[1])",
    { '2025-03-10 10:00:00.000 UTC': 1 },
    'map(timestamp(3) with time zone, integer)',
  ],
]);

describeFunctions('a timestamp(0) put into a zone, and arithmetic on timestamp(0) with time zone', [
  [
    'AT TIME ZONE of a timestamp(0)',
    "CAST(TIMESTAMP '2025-03-10 10:00:00' AT TIME ZONE 'Europe/Berlin' AS varchar)",
    '2025-03-10 11:00:00 Europe/Berlin',
    'varchar',
  ],
  [
    'with_timezone of a timestamp(0)',
    "CAST(with_timezone(TIMESTAMP '2025-03-10 10:00:00', 'Europe/Berlin') AS varchar)",
    '2025-03-10 10:00:00 Europe/Berlin',
    'varchar',
  ],
  ['with_timezone of a timestamp(3)', "CAST(with_timezone(TIMESTAMP '2025-03-10 10:00:00.000', 'UTC') AS varchar)", '2025-03-10 10:00:00.000 UTC', 'varchar'],
  ['at_timezone', `to_iso8601(at_timezone(${Z0}, 'Asia/Kolkata'))`, '2025-03-10T15:30:00+05:30', 'varchar'],
  [
    'AT TIME ZONE of an aggregate',
    `CAST(max(x) AT TIME ZONE 'Europe/Berlin' AS varchar) FROM (VALUES ${Z0}) t(x)`,
    '2025-03-10 11:00:00 Europe/Berlin',
    'varchar',
  ],
  // date_add keeps p and rounds the instant half up to it.
  ['date_add of 500 ms rounds up', `CAST(date_add('millisecond', 500, ${Z0}) AS varchar)`, '2025-03-10 10:00:01 UTC', 'varchar'],
  ['date_add of -500 ms rounds up', `CAST(date_add('millisecond', -500, ${Z0}) AS varchar)`, '2025-03-10 10:00:00 UTC', 'varchar'],
  ['date_add of -501 ms rounds down', `CAST(date_add('millisecond', -501, ${Z0}) AS varchar)`, '2025-03-10 09:59:59 UTC', 'varchar'],
  [
    'date_add rounds half up before 1970',
    "CAST(date_add('millisecond', 1500, TIMESTAMP '1969-12-31 23:59:58 UTC') AS varchar)",
    '1970-01-01 00:00:00 UTC',
    'varchar',
  ],
  ['date_add over an aggregate', `CAST(date_add('second', 1, max(x)) AS varchar) FROM (VALUES ${Z0}) t(x)`, '2025-03-10 10:00:01 UTC', 'varchar'],
  [
    'date_trunc keeps the precision',
    "CAST(date_trunc('minute', TIMESTAMP '2025-03-10 10:20:30 Europe/Berlin') AS varchar)",
    '2025-03-10 10:20:00 Europe/Berlin',
    'varchar',
  ],
  ['date_trunc of an aggregate', `CAST(date_trunc('hour', max(x)) AS varchar) FROM (VALUES ${Z0}) t(x)`, '2025-03-10 10:00:00 UTC', 'varchar'],
  // ± a day-to-second interval is timestamp(3) with time zone; a year-month one keeps p.
  ['+ INTERVAL 0.5 second is timestamp(3) with time zone', `CAST(${Z0} + INTERVAL '0.5' SECOND AS varchar)`, '2025-03-10 10:00:00.500 UTC', 'varchar'],
  ['- INTERVAL 0.5 second', `CAST(${Z0} - INTERVAL '0.5' SECOND AS varchar)`, '2025-03-10 09:59:59.500 UTC', 'varchar'],
  [
    '- INTERVAL year keeps the precision',
    "CAST(TIMESTAMP '2025-03-10 10:00:00 +05:30' - INTERVAL '1' YEAR AS varchar)",
    '2024-03-10 10:00:00 +05:30',
    'varchar',
  ],
  ['an aggregate + INTERVAL month', `CAST(max(x) + INTERVAL '1' MONTH AS varchar) FROM (VALUES ${Z0}) t(x)`, '2025-04-10 10:00:00 UTC', 'varchar'],
]);

describeFunctions(
  'CAST(… AS timestamp(p)) rounds half up',
  [
    ['CAST to timestamp(0) rounds .500 up', "CAST(CAST(TIMESTAMP '2025-01-01 10:00:00.500' AS timestamp(0)) AS varchar)", '2025-01-01 10:00:01', 'varchar'],
    [
      'CAST to timestamp(0) rounds half up before 1970',
      "CAST(CAST(TIMESTAMP '1969-12-31 23:59:59.500' AS timestamp(0)) AS varchar)",
      '1970-01-01 00:00:00',
      'varchar',
    ],
    [
      'CAST to timestamp(0) rounds .499 down before 1970',
      "CAST(CAST(TIMESTAMP '1969-12-31 23:59:59.499' AS timestamp(0)) AS varchar)",
      '1969-12-31 23:59:59',
      'varchar',
    ],
    ['CAST of text to timestamp(0)', "CAST(CAST('2025-01-01 10:00:00.5' AS timestamp(0)) AS varchar)", '2025-01-01 10:00:01', 'varchar'],
    ['TRY_CAST of bad text to timestamp(0)', "TRY_CAST('x' AS timestamp(0))", null, 'timestamp(3)'],
    ['CAST of timestamp(0) to timestamp', `CAST(CAST(${T0} AS timestamp) AS varchar)`, '2025-01-01 10:00:00.000', 'varchar'],
    ['CAST of timestamp(0) to timestamp(3)', `CAST(CAST(${T0} AS timestamp(3)) AS varchar)`, '2025-01-01 10:00:00.000', 'varchar'],
    // CAST(… AS timestamp(0) with time zone) rounds the instant half up, keeping the zone.
    [
      'CAST to timestamp(0) with time zone rounds .500 up',
      "CAST(CAST(TIMESTAMP '2025-03-10 10:00:00.500 UTC' AS timestamp(0) with time zone) AS varchar)",
      '2025-03-10 10:00:01 UTC',
      'varchar',
    ],
    [
      'CAST to timestamp(0) with time zone rounds half up before 1970',
      "CAST(CAST(TIMESTAMP '1969-12-31 23:59:59.500 Europe/Berlin' AS timestamp(0) with time zone) AS varchar)",
      '1970-01-01 00:00:00 Europe/Berlin',
      'varchar',
    ],
    [
      'CAST of text to timestamp(0) with time zone',
      "CAST(CAST('2025-03-10 10:00:00.499 UTC' AS timestamp(0) with time zone) AS varchar)",
      '2025-03-10 10:00:00 UTC',
      'varchar',
    ],
    [
      'CAST of a timestamp(3) to timestamp(0) with time zone',
      "CAST(CAST(TIMESTAMP '2025-03-10 10:00:00.700' AS timestamp(0) with time zone) AS varchar)",
      '2025-03-10 10:00:01 UTC',
      'varchar',
    ],
    [
      'CAST to timestamp(0) with time zone compares by instant',
      "CAST(TIMESTAMP '2025-03-10 10:00:00.600 UTC' AS timestamp(0) with time zone) = TIMESTAMP '2025-03-10 10:00:01 UTC'",
      true,
      'boolean',
    ],
    ['TRY_CAST of bad text to timestamp(0) with time zone', "TRY_CAST('x' AS timestamp(0) with time zone)", null, 'timestamp(3) with time zone'],
    ['CAST to timestamp(0) is shown with milliseconds', "CAST(TIMESTAMP '2025-01-01 10:00:00.600' AS timestamp(0))", '2025-01-01 10:00:01.000', 'timestamp(3)'],
  ],
  [
    // Trino 476: "Cannot cast timestamp(0) with time zone to json", and timestamp(3) for a literal with 3 digits.
    ['CAST of a zoned timestamp(0) to JSON', "CAST(TIMESTAMP '2025-01-01 10:00:00 UTC' AS JSON)", /^Cannot cast timestamp\(0\) with time zone to json$/],
    ['CAST of a zoned timestamp(3) to JSON', "CAST(TIMESTAMP '2025-01-01 10:00:00.000 UTC' AS JSON)", /^Cannot cast timestamp\(3\) with time zone to json$/],
  ],
);

// TIME(p): the local engine carries time(3) only (a literal without 3 fraction digits is refused,
// tests/dialect/trino-constructs.test.ts); its text keeps the three digits, as Trino 476 prints them.
describeFunctions('time(3) text', [
  ['CAST(time(3) AS varchar) keeps its zeros', "CAST(TIME '10:00:00.000' AS varchar)", '10:00:00.000', 'varchar'],
  ['CAST(time(3) AS varchar) keeps a trailing zero', "CAST(TIME '10:00:00.120' AS varchar)", '10:00:00.120', 'varchar'],
  ['CAST of text to time', "CAST(CAST('10:00:01' AS time) AS varchar)", '10:00:01.000', 'varchar'],
  ['time + INTERVAL', "CAST(TIME '10:00:00.000' + INTERVAL '1' SECOND AS varchar)", '10:00:01.000', 'varchar'],
  ['an aggregate of times', "CAST(max(x) AS varchar) FROM (VALUES TIME '23:59:59.900') t(x)", '23:59:59.900', 'varchar'],
  ['a NULL time', 'CAST(CAST(NULL AS time) AS varchar)', null, 'varchar'],
]);
