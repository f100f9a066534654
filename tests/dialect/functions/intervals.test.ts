// Intervals: DATE - DATE, their text, and the kinds Trino keeps apart. Every value and type below is Trino 476's
// answer on the shared oracle (`lake sql --engine trino`). Trino's date and time operators: date - date and
// timestamp - timestamp are an `interval day to second`
// (https://trino.io/docs/current/functions/datetime.html#date-and-time-operators); its text is `D HH:MM:SS.mmm`
// (https://trino.io/docs/current/language/types.html#interval-day-to-second).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
import { checkFaithful } from '../../../src/dialect/lint/index.js';
import { describeFunctions } from './harness.js';

const DATES = "FROM (VALUES (DATE '2025-03-01', DATE '2024-02-01'), (DATE '2025-01-01', DATE '2025-01-02')) AS t(d1, d2)";
const ONE_ROW = "FROM (VALUES (DATE '2025-03-01', DATE '2024-02-01', 3, 1)) AS u(d1, d2, i, j)";

describeFunctions('DATE - DATE is an interval day to second', [
  ['of literals', "DATE '2025-01-02' - DATE '2025-01-01'", '1 00:00:00.000', 'interval day to second'],
  ['negative', "DATE '2025-01-01' - DATE '2025-01-03'", '-2 00:00:00.000', 'interval day to second'],
  ['of columns', `max(d1 - d2) ${DATES}`, '394 00:00:00.000', 'interval day to second'],
  ['of aggregates', `max(d1) - min(d2) ${DATES}`, '394 00:00:00.000', 'interval day to second'],
  ['times 2', "(DATE '2025-01-03' - DATE '2025-01-01') * 2", '4 00:00:00.000', 'interval day to second'],
  ['compared with an INTERVAL', "(DATE '2025-01-03' - DATE '2025-01-01') > INTERVAL '1' DAY", true, 'boolean'],
  ['cast to varchar', "CAST(DATE '2025-01-03' - DATE '2025-01-01' AS varchar)", '2 00:00:00.000', 'varchar'],
  ['NULL - DATE', "NULL - DATE '2025-01-01'", null, 'interval day to second'],
  ['DATE - NULL stays a date', "DATE '2025-01-02' - NULL", null, 'date'],
  ['TIMESTAMP - DATE', "TIMESTAMP '2025-01-02 12:00:00' - DATE '2025-01-01'", '1 12:00:00.000', 'interval day to second'],
  ['integers stay integers', '5 - 3 - 1', 1, 'integer'],
  ['date_diff is a bigint', "date_diff('day', DATE '2025-01-01', DATE '2025-01-03')", 2, 'bigint'],
  // Both operands outer references of a correlated subquery: DuckDB cannot see their types when it picks the overload.
  ['in a correlated subquery', `(SELECT t.d1 - t.d2 ${ONE_ROW}) ${DATES} ORDER BY 1 DESC`, '394 00:00:00.000', 'interval day to second'],
  ['integers in a correlated subquery', `(SELECT t.i - t.j ${ONE_ROW}) FROM (VALUES (5, 2)) AS t(i, j)`, 3, 'integer'],
]);

describeFunctions('the text of an interval day to second', [
  ['36 hours', "INTERVAL '36' HOUR", '1 12:00:00.000', 'interval day to second'],
  ['a day less an hour', "INTERVAL '1' DAY - INTERVAL '1' HOUR", '0 23:00:00.000', 'interval day to second'],
  ['an hour less a day', "INTERVAL '1' HOUR - INTERVAL '1' DAY", '-0 23:00:00.000', 'interval day to second'],
  ['a negative hour', "-INTERVAL '1' HOUR", '-0 01:00:00.000', 'interval day to second'],
  ['a fraction of a second', "INTERVAL '1.5' SECOND", '0 00:00:01.500', 'interval day to second'],
  ['cast to varchar: a day less an hour', "CAST(INTERVAL '1' DAY - INTERVAL '1' HOUR AS varchar)", '0 23:00:00.000', 'varchar'],
  ['cast to varchar: a negative hour', "CAST(-INTERVAL '1' HOUR AS varchar)", '-0 01:00:00.000', 'varchar'],
  ['cast to varchar: 36 hours', "CAST(INTERVAL '36' HOUR AS varchar)", '1 12:00:00.000', 'varchar'],
  ['cast to varchar of an aggregate', `CAST(max(d1 - d2) AS varchar) ${DATES}`, '394 00:00:00.000', 'varchar'],
]);

describe('an interval in a stored table', () => {
  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-interval-')), inMemory: true, threads: 1 });
    await engine.execute('CREATE DATABASE lakehouse');
  });
  afterAll(async () => engine.close());

  // Trino 476 (Iceberg, as Athena's Hive and Iceberg tables): "NOT_SUPPORTED: Type not supported for Iceberg:
  // interval day to second". A DATE - DATE column was stored as a bigint before.
  it('refuses DATE - DATE in a CTAS', async () => {
    await expect(engine.execute("CREATE TABLE lakehouse.days AS SELECT DATE '2025-01-02' - DATE '2025-01-01' AS d")).rejects.toThrow(
      /NOT_SUPPORTED: Unsupported Hive type: interval/,
    );
  });
});

// Trino 476: "TYPE_MISMATCH: line 1:8: Type of value must be a time or timestamp with or without time zone (actual
// date)" (https://trino.io/docs/current/functions/datetime.html#time-zone-conversion takes a timestamp or a time).
// Locally a date was put in the zone at midnight.
const DATE_IN_ZONE = /TYPE_MISMATCH: Type of value must be a time or timestamp with or without time zone \(actual date\)/;

describeFunctions(
  'DATE … AT TIME ZONE fails while binding',
  [
    [
      'a timestamp(3) still goes into the zone',
      "CAST(TIMESTAMP '2025-01-01 10:30:00' AS timestamp(3)) AT TIME ZONE 'UTC'",
      '2025-01-01 10:30:00.000 UTC',
      'timestamp(3) with time zone',
    ],
  ],
  [
    ['a date column', "d AT TIME ZONE 'UTC' FROM (VALUES DATE '2025-01-01') AS t(d)", DATE_IN_ZONE],
    ['over no rows (lake lint binds over empty inputs)', "d AT TIME ZONE 'UTC' FROM (VALUES DATE '2025-01-01') AS t(d) WHERE false", DATE_IN_ZONE],
    ['an aggregate of dates', "max(d) AT TIME ZONE 'UTC' FROM (VALUES DATE '2025-01-01') AS t(d)", DATE_IN_ZONE],
  ],
);

describe('lint of a written DATE … AT TIME ZONE', () => {
  it.each([
    ["DATE '2025-01-01'", 8],
    ['current_date', 8],
    ["CAST('2025-01-01' AS DATE)", 8],
    ["date('2025-01-01')", 8],
  ])('refuses %s at the operand', (operand, col) => {
    expect(checkFaithful(`SELECT\n  1 AS n,\n       ${operand} AT TIME ZONE 'UTC' AS v`, { file: 'sql/transforms/m.sql' })).toEqual([
      expect.objectContaining({
        file: 'sql/transforms/m.sql',
        line: 3,
        col,
        rule: 'unfaithful/date-at-time-zone',
        hint: expect.stringContaining('CAST(d AS timestamp)'),
      }),
    ]);
  });

  it('leaves a timestamp alone', () => {
    expect(checkFaithful("SELECT TIMESTAMP '2025-01-01 10:00:00' AT TIME ZONE 'UTC' AS v")).toEqual([]);
  });
});

// Trino 476 types a year-month literal `interval year to month` (SELECT INTERVAL '1' MONTH is 0-1, INTERVAL '1' MONTH *
// 3 is 0-3, INTERVAL '1' MONTH + INTERVAL '1' YEAR is 1-1, -INTERVAL '13' MONTH is -1-1, CAST(… AS varchar) '0-1';
// https://trino.io/docs/current/language/types.html#interval-year-to-month). DuckDB has one INTERVAL type, so such a
// value was an interval day to second of 30 days (`30 00:00:00.000`): refused at lint, where added to a date or a
// timestamp (or sequence()'s step) it runs.
describeFunctions('a year-month interval added to a date or timestamp', [
  ['DATE + INTERVAL month', "DATE '2025-01-31' + INTERVAL '1' MONTH", '2025-02-28', 'date'],
  ['INTERVAL year + DATE', "INTERVAL '1' YEAR + DATE '2024-02-29'", '2025-02-28', 'date'],
  ['TIMESTAMP - INTERVAL month', "TIMESTAMP '2025-01-01 10:00:00' - INTERVAL '2' MONTH", '2024-11-01 10:00:00.000', 'timestamp(3)'],
  ['two in a row', "DATE '2025-01-01' + INTERVAL '1' MONTH + INTERVAL '1' YEAR", '2026-02-01', 'date'],
  ['the step of sequence()', "sequence(DATE '2025-01-01', DATE '2025-03-01', INTERVAL '1' MONTH)", ['2025-01-01', '2025-02-01', '2025-03-01'], 'array(date)'],
]);

describe('lint of a year-month interval as a value', () => {
  it.each([
    ["INTERVAL '1' MONTH", [8]],
    ["INTERVAL '2' YEAR", [8]],
    ["INTERVAL '1' MONTH * 3", [8]],
    ["INTERVAL '1' MONTH + INTERVAL '1' YEAR", [8, 29]],
    ["-INTERVAL '13' MONTH", [9]],
    ["CAST(INTERVAL '1' MONTH AS varchar)", [13]],
    ["max(INTERVAL '1' MONTH)", [12]],
    ["INTERVAL '1' DAY + INTERVAL '1' MONTH", [27]],
    ["DATE '2025-01-01' + (INTERVAL '1' MONTH)", [29]],
  ])('refuses %s at its INTERVAL', (expression, cols: number[]) => {
    const found = checkFaithful(`SELECT\n  1 AS n,\n       ${expression} AS v`);
    expect(found.map((d) => [d.line, d.col, d.rule])).toEqual(cols.map((col) => [3, col, 'unfaithful/year-month-interval']));
    expect(found[0].hint).toContain("d + INTERVAL '1' MONTH");
  });

  it('accepts day-to-second intervals as values', () => {
    expect(checkFaithful("SELECT INTERVAL '1' DAY * 3 AS a, -INTERVAL '2' HOUR AS b, INTERVAL '1' DAY > INTERVAL '2' HOUR AS c")).toEqual([]);
  });
});

// Loud before, with DuckDB's binder wording or a different answer; each now as Trino 476 answers (the shared oracle).
describeFunctions(
  'wordings and NULLs around intervals and casts',
  [
    ['to_iso8601(NULL) is a varchar NULL', 'to_iso8601(NULL)', null, 'varchar'],
    ['INTERVAL / NULL', "INTERVAL '1' DAY / NULL", null, 'interval day to second'],
    ['INTERVAL / 2', "INTERVAL '1' DAY / 2", '0 12:00:00.000', 'interval day to second'],
    ['INTERVAL / 1.5', "INTERVAL '1' DAY / 1.5", '0 16:00:00.000', 'interval day to second'],
    ['INTERVAL / 3 truncates to the millisecond', "INTERVAL '2' SECOND / 3", '0 00:00:00.666', 'interval day to second'],
    ['TRY_CAST of a typed NULL (DuckDB: TRY and a volatile function)', 'TRY_CAST(CAST(NULL AS date) AS varchar)', null, 'varchar'],
    ['TRY_CAST of a typed NULL to integer', 'TRY_CAST(CAST(NULL AS varchar) AS integer)', null, 'integer'],
    ['TRY_CAST of a call still catches its own cast', "TRY_CAST(concat('1', 'x') AS integer)", null, 'integer'],
    ['TRY_CAST of a call that casts', "TRY_CAST(lower('12') AS integer)", 12, 'integer'],
    ['TRY_CAST of an aggregate', "TRY_CAST(max(s) AS integer) FROM (VALUES '7', '8x') AS t(s)", null, 'integer'],
  ],
  [
    // https://trino.io/docs/current/functions/conversion.html#try_cast: only the cast's own failure gives NULL.
    ['TRY_CAST does not catch its operand’s CAST', "TRY_CAST(CAST('2025-02-30' AS DATE) AS VARCHAR)", /^Value cannot be cast to date: 2025-02-30\b/],
    ['INTERVAL / 0', "INTERVAL '1' DAY / 0", /^Cannot divide by double 0\.0$/],
    // https://trino.io/docs/current/functions/array.html#sequence: timestamps take a step.
    [
      'sequence of timestamp(0) without a step',
      "sequence(TIMESTAMP '2025-01-01 00:00:00', TIMESTAMP '2025-01-03 00:00:00')",
      /^Unexpected parameters \(timestamp\(0\), timestamp\(0\)\) for function sequence\. Expected: sequence\(bigint, bigint\), .*sequence\(timestamp\(p\), timestamp\(p\), interval year to month\)$/,
    ],
    [
      'sequence of timestamp(3) without a step',
      "sequence(TIMESTAMP '2025-01-01 00:00:00.000', TIMESTAMP '2025-01-03 00:00:00.000')",
      /^Unexpected parameters \(timestamp\(3\), timestamp\(3\)\) for function sequence\./,
    ],
  ],
);
