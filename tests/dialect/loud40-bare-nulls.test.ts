// A bare NULL given to the datetime field functions, to_unixtime, to_milliseconds, at_timezone and with_timezone, and
// a NULL delimiter of split (docs/issue-15-audit.md, hunt39's loud leftovers; branch loud40): Trino 476 picks one of
// their forms and answers a typed NULL, where DuckDB's binder could not choose among the date, timestamp and interval
// forms ("Could not choose a best candidate function", "Macro … has multiple overloads") or failed in cast_to_type
// ("cannot be used to cast to NULL"). Every value and type below is the shared Trino 476's answer.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';

/** [expression, Trino 476's type]: each is NULL there. */
const NULLS: readonly [string, string][] = [
  ['year(NULL)', 'bigint'],
  ['month(NULL)', 'bigint'],
  ['quarter(NULL)', 'bigint'],
  ['week(NULL)', 'bigint'],
  ['week_of_year(NULL)', 'bigint'],
  ['day_of_month(NULL)', 'bigint'],
  ['day_of_week(NULL)', 'bigint'],
  ['dow(NULL)', 'bigint'],
  ['day_of_year(NULL)', 'bigint'],
  ['doy(NULL)', 'bigint'],
  ['year_of_week(NULL)', 'bigint'],
  ['yow(NULL)', 'bigint'],
  ['to_unixtime(NULL)', 'double'],
  ['to_milliseconds(NULL)', 'bigint'],
  ["at_timezone(NULL, 'UTC')", 'timestamp(3) with time zone'],
  ["with_timezone(NULL, 'America/New_York')", 'timestamp(3) with time zone'],
  ["split('a,b', NULL)", 'array(varchar)'],
  ['split(NULL, NULL)', 'array(varchar)'],
  // Already answered before (no change): the neighbours of the same families.
  ['day(NULL)', 'bigint'],
  ['hour(NULL)', 'bigint'],
  ['last_day_of_month(NULL)', 'date'],
];

describe('a bare NULL given to a datetime function or as split’s delimiter', () => {
  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-fn-')), inMemory: true, threads: 1 });
  });
  afterAll(async () => engine.close());

  it('answers typed NULLs as Trino does (one row)', async () => {
    const result = await engine.execute(`SELECT ${NULLS.map(([e], k) => `${e} AS c${k}`).join(', ')}`);
    expect(result.columns.map((c) => c.type)).toEqual(NULLS.map(([, t]) => t));
    expect(result.rows).toEqual([NULLS.map(() => null)]);
  }, 120_000);

  it('reads a NULL-typed column the same way, and a typed delimiter as before (one row)', async () => {
    // Trino 476: [null, null, ['a', 'b'], 0] of bigint, array(varchar), array(varchar), bigint.
    const result = await engine.execute(
      "SELECT to_milliseconds(x) AS a, split('a,b', x) AS b, split('a,b', ',') AS c, to_milliseconds(INTERVAL '0' SECOND) AS d FROM (VALUES NULL) t(x)",
    );
    expect(result.columns.map((c) => c.type)).toEqual(['bigint', 'array(varchar)', 'array(varchar)', 'bigint']);
    expect(result.rows).toEqual([[null, null, ['a', 'b'], 0]]);
  }, 120_000);

  it.each([
    // FUNCTION_NOT_FOUND in Trino 476 (Unexpected parameters (varchar(5)) for function to_milliseconds); it still
    // fails locally (the bare NULL's type is not given to a typed argument).
    ["SELECT to_milliseconds('1 day')", /to_milliseconds|epoch/],
    // FUNCTION_NOT_FOUND: Unexpected parameters (varchar(3), integer) for function split.
    ["SELECT split('a1b', 1)", /Unexpected parameters \(varchar, integer\) for function split/],
  ])(
    '%s still fails',
    async (sql, message) => {
      await expect(engine.execute(sql)).rejects.toThrow(message);
    },
    120_000,
  );
});
