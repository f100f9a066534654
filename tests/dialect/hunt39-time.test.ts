// Hand probes of TIME values (docs/issue-15-audit.md, "Random hunt with new seeds … branch hunt39"): a time of day plus
// or minus a year-month interval kept the time locally (DuckDB adds the months to nothing), where Trino 476 fails at
// analysis; a time plus a day-to-second interval whose picoseconds pass a long (over ~106 days) wraps around in Trino
// (another time, or a failure when printed), and is refused locally; text with more than 12 fraction digits is no
// time in Trino (local: read to the millisecond). Every value and type below is Trino 476's answer, and every error Trino's message, asked of the shared
// Trino.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { describeFunctions } from './functions/harness.js';

describeFunctions(
  'a time of day and an interval',
  [
    // A day-to-second interval moves the time around the clock, as before.
    ['plus hours past midnight', "TIME '23:00:00.000' + INTERVAL '3' HOUR", '02:00:00.000', 'time(3)'],
    ['minus a millisecond at midnight', "TIME '00:00:00.000' - INTERVAL '0.001' SECOND", '23:59:59.999', 'time(3)'],
    ['plus a day', "TIME '10:00:00.000' + INTERVAL '1' DAY", '10:00:00.000', 'time(3)'],
    // A year-month interval still moves dates and timestamps.
    ['a date plus a month', "DATE '2025-01-31' + INTERVAL '1' MONTH", '2025-02-28', 'date'],
    ['a timestamp minus a year', "TIMESTAMP '2025-01-31 10:00:00.000' - INTERVAL '1' YEAR", '2024-01-31 10:00:00.000', 'timestamp(3)'],
    ['a typed NULL date plus a month', "CAST(NULL AS date) + INTERVAL '1' MONTH", null, 'date'],
  ],
  [
    // TYPE_MISMATCH: Cannot apply operator: time(3) + interval year to month (local: 10:00:00.000).
    ['a time plus a month', "TIME '10:00:00.000' + INTERVAL '1' MONTH", /Cannot apply operator: time\(3\) \+ interval year to month/],
    ['a time minus a year', "TIME '10:00:00.000' - INTERVAL '1' YEAR", /Cannot apply operator: time\(3\) - interval year to month/],
    // Trino: "interval year to month + time(3)".
    ['a month plus a time', "INTERVAL '2' MONTH + TIME '10:00:00.000'", /Cannot apply operator: .*interval year to month/],
    [
      'a cast time plus years to months',
      "CAST('10:00:00' AS time) + INTERVAL '1-2' YEAR TO MONTH",
      /Cannot apply operator: time\(3\) \+ interval year to month/,
    ],
    ['a typed NULL time plus a month', "CAST(NULL AS time) + INTERVAL '1' MONTH", /Cannot apply operator: time\(3\) \+ interval year to month/],
  ],
);

describe('a time column and a year-month interval', () => {
  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-fn-')), inMemory: true, threads: 1 });
  });
  afterAll(async () => engine.close());

  it.each([
    ["SELECT t + INTERVAL '1' MONTH AS v FROM (VALUES CAST('10:00:00' AS time)) x(t)", /time\(3\) \+ interval year to month/],
    // A NULL row fails too: Trino rejects the query before reading any row.
    ["SELECT t - INTERVAL '1' MONTH AS v FROM (VALUES CAST('10:00:00' AS time), NULL) x(t) ORDER BY v", /time\(3\) - interval year to month/],
  ])(
    '%s fails as in Trino',
    async (sql, message) => {
      await expect(engine.execute(sql)).rejects.toThrow(message);
    },
    120_000,
  );
});

describeFunctions(
  'a time of day and an interval past 106 days',
  [
    ['106 days on', "TIME '12:00:00.000' + INTERVAL '106' DAY", '12:00:00.000', 'time(3)'],
    // The product wraps, the difference comes back into range: Trino's answer is right.
    ['107 days back', "TIME '12:00:00.000' - INTERVAL '107' DAY", '12:00:00.000', 'time(3)'],
    ['2^63 picoseconds back, less the time', "TIME '12:00:00.000' - INTERVAL '9223372.037' SECOND", '17:57:07.963', 'time(3)'],
    ['just below 2^63 picoseconds on from midnight', "TIME '00:00:00.000' + INTERVAL '9223372.036' SECOND", '18:02:52.036', 'time(3)'],
    ['three hours past midnight', "INTERVAL '3' HOUR + TIME '23:00:00.000'", '02:00:00.000', 'time(3)'],
    ['nested', "((TIME '12:00:00.000' + INTERVAL '1' HOUR) + INTERVAL '1' HOUR) - INTERVAL '30' MINUTE", '13:30:00.000', 'time(3)'],
    ['a day and a half of parse_duration', "CAST('10:00:00' AS time) + parse_duration('1.5d')", '22:00:00.000', 'time(3)'],
  ],
  [
    // Trino 476: GENERIC_INTERNAL_ERROR "picos contains data beyond specified precision (3): 86055926290448384".
    ['107 days on', "TIME '12:00:00.000' + INTERVAL '107' DAY", /refused locally: Trino's time arithmetic overflows/],
    // Trino 476 answers 23, the hour of the wrapped sum.
    ['the hour of 107 days on', "hour(TIME '12:00:00.000' + INTERVAL '107' DAY)", /refused locally: Trino's time arithmetic overflows/],
    ['2^63 picoseconds on from noon', "TIME '12:00:00.000' + INTERVAL '9223372' SECOND", /refused locally: Trino's time arithmetic overflows/],
    ['2^63 picoseconds on from midnight', "TIME '00:00:00.000' + INTERVAL '9223372.037' SECOND", /refused locally: Trino's time arithmetic overflows/],
  ],
);

describeFunctions(
  'text cast to time: 12 fraction digits at most',
  [
    ['12 digits', "CAST('12:00:00.123456789123' AS time)", '12:00:00.123', 'time(3)'],
    ['try_cast of 13 digits', "try_cast('12:00:00.1234567891234' AS time)", null, 'time(3)'],
  ],
  [
    // INVALID_CAST_ARGUMENT: Value cannot be cast to time: 12:00:00.1234567891234 (local: 12:00:00.123).
    ['13 digits', "CAST('12:00:00.1234567891234' AS time)", /Value cannot be cast to time: 12:00:00.1234567891234/],
    ['13 zeros', "CAST('12:00:00.0000000000000' AS time)", /Value cannot be cast to time: 12:00:00.0000000000000/],
  ],
);

describeFunctions(
  'date_add and date_diff of a time of day',
  [
    // local: "Binder Error: Cannot mix values of type TIME and TIMESTAMP in CASE expression" (loud).
    ['an hour', "date_add('hour', 1, CAST('10:00:00' AS time))", '11:00:00.000', 'time(3)'],
    ['a unit in capitals', "date_add('HOUR', 1, CAST('10:00:00' AS time))", '11:00:00.000', 'time(3)'],
    ['a millisecond past midnight', "date_add('millisecond', 1, TIME '23:59:59.999')", '00:00:00.000', 'time(3)'],
    ['90 minutes back past midnight', "date_add('minute', -90, CAST('00:30:00' AS time))", '23:00:00.000', 'time(3)'],
    ['the largest int count of hours', "date_add('hour', 2147483647, CAST('10:00:00' AS time))", '17:00:00.000', 'time(3)'],
    ['the smallest int count of milliseconds', "date_add('millisecond', -2147483648, CAST('10:00:00' AS time))", '13:28:36.352', 'time(3)'],
    ['a NULL count', "date_add('hour', NULL, CAST('10:00:00' AS time))", null, 'time(3)'],
    ['a NULL time', "date_add('hour', 1, CAST(NULL AS time))", null, 'time(3)'],
    ['a column', "date_add('second', 30, t) FROM (VALUES CAST('10:00:00' AS time)) x(t)", '10:00:30.000', 'time(3)'],
    ['date_diff in hours', "date_diff('HOUR', CAST('10:00:00' AS time), CAST('11:00:00' AS time))", 1, 'bigint'],
    // Dates and timestamp(0) keep their answers.
    ['a timestamp(0) plus 700 ms', "date_add('millisecond', 700, TIMESTAMP '2025-01-01 10:00:00')", '2025-01-01 10:00:01.000', 'timestamp(3)'],
    ['a date plus a day', "date_add('day', 1, DATE '2025-01-01')", '2025-01-02', 'date'],
  ],
  [
    // INVALID_FUNCTION_ARGUMENT (local: the binder error; DuckDB's TIME + INTERVAL 1 DAY is the same time).
    ['date_add of a week', "date_add('week', 1, CAST('10:00:00' AS time))", /'week' is not a valid TIME field/],
    ['date_add of a day', "date_add('day', 1, CAST('10:00:00' AS time))", /'day' is not a valid TIME field/],
    // local: DuckDB's "time units day not recognized".
    ['date_diff in days', "date_diff('day', CAST('10:00:00' AS time), CAST('11:00:00' AS time))", /'day' is not a valid TIME field/],
    ['a date in hours still', "date_add('hour', 1, DATE '2025-01-01')", /'hour' is not a valid DATE field/],
    // AMBIGUOUS_FUNCTION_CALL: Could not choose a best candidate operator (local before: a NULL timestamp(3) with time
    // zone; now DuckDB's binder finds the TIME and NULL overloads alike).
    ['a NULL', "date_add('day', 1, NULL)", /overloads|ambiguous|best candidate/i],
    ['an unknown-typed element', "date_add('day', 1, element_at(ARRAY[], 1))", /overloads|ambiguous|best candidate/i],
    ['a CASE of NULL', "date_add('day', 1, CASE WHEN false THEN NULL END)", /overloads|ambiguous|best candidate/i],
  ],
);

describeFunctions(
  'date_trunc of a time of day',
  [
    // local: "Unexpected parameters (varchar, time) for function date_trunc" (DuckDB has no date_trunc of a TIME).
    ['to the hour', "date_trunc('hour', CAST('10:11:12.345' AS time))", '10:00:00.000', 'time(3)'],
    ['to the minute', "date_trunc('minute', CAST('10:11:12.345' AS time))", '10:11:00.000', 'time(3)'],
    ['to the second', "date_trunc('second', CAST('10:11:12.345' AS time))", '10:11:12.000', 'time(3)'],
    ['to the millisecond', "date_trunc('millisecond', CAST('10:11:12.345' AS time))", '10:11:12.345', 'time(3)'],
    ['a unit in capitals', "date_trunc('HOUR', TIME '23:59:59.999')", '23:00:00.000', 'time(3)'],
    ['nested', "date_trunc('minute', date_trunc('hour', TIME '10:11:12.345'))", '10:00:00.000', 'time(3)'],
    ['a NULL time', "date_trunc('hour', CAST(NULL AS time))", null, 'time(3)'],
    ['a column', "date_trunc('hour', t) FROM (VALUES CAST('10:11:12.345' AS time)) x(t)", '10:00:00.000', 'time(3)'],
    // Timestamps and dates keep their answers.
    ['a timestamp to the hour', "date_trunc('hour', TIMESTAMP '2025-01-01 10:11:12.345')", '2025-01-01 10:00:00.000', 'timestamp(3)'],
    ['a date to the month', "date_trunc('month', DATE '2025-01-15')", '2025-01-01', 'date'],
  ],
  [
    ['to the day', "date_trunc('day', CAST('10:11:12.345' AS time))", /'day' is not a valid TIME field/],
    // AMBIGUOUS_FUNCTION_CALL (local before: a NULL timestamp(3) with time zone).
    ['a NULL', "date_trunc('day', NULL)", /overloads|ambiguous|best candidate/i],
  ],
);
