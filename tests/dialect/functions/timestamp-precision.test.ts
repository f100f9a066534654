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
    ['CAST to timestamp(0) is shown with milliseconds', "CAST(TIMESTAMP '2025-01-01 10:00:00.600' AS timestamp(0))", '2025-01-01 10:00:01.000', 'timestamp(3)'],
  ],
  [
    // Trino: "Cannot cast timestamp(0) with time zone to json"; locally a zoned value is refused the same way.
    ['CAST of a zoned timestamp to JSON', "CAST(TIMESTAMP '2025-01-01 10:00:00 UTC' AS JSON)", /Cannot cast timestamp.* with time zone to json/],
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
