// TIME - TIME, CAST(time AS timestamp [with time zone]) and date_add of a time by a count past the int range
// (docs/issue-15-audit.md, hunt39's loud leftovers; branch loud40). Trino 476: a time minus a time is an interval day to
// second; a time cast to a timestamp is read on the session's current date (UTC on Athena and locally, the day
// current_date gives: the tests compare with it, not with a written date); date_add moves a time around the clock by
// any bigint count. Locally DuckDB had no subtract(TIME, TIME) ("Cannot apply operator: time - time"), no TIME ->
// TIMESTAMP cast ("Unimplemented type for cast") and the int check of date counts ("date_add: integer overflow").
// Every value and type below is the shared Trino 476's answer.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';

/** [expression, Trino 476's value, its type]. */
const CASES: readonly [string, string | boolean | null, string][] = [
  ["TIME '10:00:00.000' - TIME '08:30:15.250'", '0 01:29:44.750', 'interval day to second'],
  ["TIME '01:00:00.000' - TIME '23:00:00.000'", '-0 22:00:00.000', 'interval day to second'],
  ["TIME '23:59:59.999' - TIME '00:00:00.000'", '0 23:59:59.999', 'interval day to second'],
  ["TIME '10:00:00.000' - TIME '10:00:00.000'", '0 00:00:00.000', 'interval day to second'],
  ["CAST(NULL AS time) - TIME '10:00:00.000'", null, 'interval day to second'],
  ["TIME '08:00:00.000' + (TIME '10:00:00.000' - TIME '08:00:00.000')", '10:00:00.000', 'time(3)'],
  ["CAST(CAST(TIME '10:11:12.345' AS timestamp) AS time)", '10:11:12.345', 'time(3)'],
  ["CAST(CAST(TIME '10:11:12.345' AS timestamp) AS date) = current_date", true, 'boolean'],
  ["CAST(TIME '10:11:12.345' AS timestamp) = CAST(current_date AS timestamp) + INTERVAL '0 10:11:12.345' DAY TO SECOND", true, 'boolean'],
  ["CAST(TIME '10:11:12.345' AS timestamp with time zone) = CAST(CAST(TIME '10:11:12.345' AS timestamp) AS timestamp with time zone)", true, 'boolean'],
  ["format_datetime(CAST(TIME '10:11:12.345' AS timestamp with time zone), 'HH:mm:ss.SSS ZZ')", '10:11:12.345 +00:00', 'varchar'],
  ['CAST(CAST(NULL AS time) AS timestamp)', null, 'timestamp(3)'],
  ["date_add('hour', BIGINT '2147483648', TIME '10:00:00.000')", '18:00:00.000', 'time(3)'],
  ["date_add('millisecond', BIGINT '9223372036854775807', TIME '10:00:00.000')", '17:12:55.807', 'time(3)'],
  ["date_add('millisecond', -9223372036854775807, TIME '10:00:00.000')", '02:47:04.193', 'time(3)'],
  ["date_add('second', -86401, TIME '00:00:00.000')", '23:59:59.000', 'time(3)'],
  ["date_add('minute', 1441, TIME '23:59:00.000')", '00:00:00.000', 'time(3)'],
  ["date_add('hour', -25, TIME '00:30:00.000')", '23:30:00.000', 'time(3)'],
  ["date_add('hour', 2147483647, TIME '10:00:00.000')", '17:00:00.000', 'time(3)'],
  ["date_add('minute', -9223372036854775807 - 1, TIME '10:00:00.000')", '15:52:00.000', 'time(3)'],
  ["date_add('second', CAST(NULL AS bigint), TIME '10:00:00.000')", null, 'time(3)'],
];

describe('time of day arithmetic and casts', () => {
  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-fn-')), inMemory: true, threads: 1 });
  });
  afterAll(async () => engine.close());

  it('answers literals as Trino does (one row)', async () => {
    const result = await engine.execute(`SELECT ${CASES.map(([e], k) => `${e} AS c${k}`).join(', ')}`);
    expect(result.columns.map((c) => c.type)).toEqual(CASES.map(([, , t]) => t));
    expect(result.rows).toEqual([CASES.map(([, v]) => v)]);
  }, 120_000);

  it('answers columns as Trino does', async () => {
    const result = await engine.execute(
      `SELECT t - u AS d, date_add('hour', n, t) AS a, CAST(CAST(t AS timestamp) AS time) AS c, CAST(t AS timestamp) - CAST(u AS timestamp) AS e
         FROM (VALUES (CAST('10:00:00' AS time), CAST('12:30:00.5' AS time), BIGINT '4000000000'),
           (CAST('00:00:01' AS time), CAST('00:00:00' AS time), -4000000001)) x(t, u, n) ORDER BY d, a, c, e`,
    );
    expect(result.columns.map((c) => c.type)).toEqual(['interval day to second', 'time(3)', 'time(3)', 'interval day to second']);
    expect(result.rows).toEqual([
      ['-0 02:30:00.500', '02:00:00.000', '10:00:00.000', '-0 02:30:00.500'],
      ['0 00:00:01.000', '07:00:01.000', '00:00:01.000', '0 00:00:01.000'],
    ]);
  }, 120_000);

  it("still fails a unit a time has no such field for (Trino: 'day' is not a valid TIME field)", async () => {
    await expect(engine.execute("SELECT date_add('day', 1, TIME '10:00:00.000')")).rejects.toThrow(/'day' is not a valid TIME field/);
  }, 120_000);
});
