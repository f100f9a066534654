// Loud failures where Trino answers (docs/issue-15-audit.md "Loud failures where Trino answers (session of 2026-12-06
// night, branch loud32)"): forms the local engine failed on where Trino 476 answers. Every expectation is Trino 476's
// answer (value, type and column name) or its error, asked of the shared Trino.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { namedResult, openLake } from './lake-helpers.js';

let engine: AthenaLocalEngine;
beforeAll(async () => {
  engine = await openLake();
});
afterAll(async () => engine.close());

describe('TRY_CAST of text to timestamp with time zone at the top level', () => {
  // Failed locally ("Value cannot be cast to timestamp with time zone"): the text's zone was parsed inside a lambda,
  // where DuckDB's try() did not catch the parser's failure. Inside (SELECT …) it answered NULL already.
  it.each<[string, string[], unknown[][]]>([
    ["SELECT TRY_CAST('2020-01-02T03:04:05 UTC' AS timestamp with time zone) v", ['v timestamp(3) with time zone'], [[null]]],
    ["SELECT TRY_CAST('2020-01-02 03:04:05 +25:00' AS timestamp with time zone) v", ['v timestamp(3) with time zone'], [[null]]],
    ["SELECT TRY_CAST(s AS timestamp with time zone) v FROM (VALUES '2020-01-02T03:04:05 UTC') t(s)", ['v timestamp(3) with time zone'], [[null]]],
    [
      `SELECT s, TRY_CAST(s AS timestamp with time zone) v FROM (VALUES '2020-01-02T03:04:05 UTC', '2020-01-02 03:04:05 +25:00',
         '2020-01-02 03:04:05 Europe/Oslo', '2020-01-02 03:04:05 Nowhere/Zone', 'x', NULL) t(s) ORDER BY s`,
      ['s varchar', 'v timestamp(3) with time zone'],
      [
        ['2020-01-02 03:04:05 +25:00', null],
        ['2020-01-02 03:04:05 Europe/Oslo', '2020-01-02 03:04:05.000 Europe/Oslo'],
        ['2020-01-02 03:04:05 Nowhere/Zone', null],
        ['2020-01-02T03:04:05 UTC', null],
        ['x', null],
        [null, null],
      ],
    ],
  ])('%s', async (sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  // CAST still fails (Trino 476: INVALID_CAST_ARGUMENT "Value cannot be cast to timestamp: …").
  it.each<[string, RegExp]>([
    ["SELECT CAST('2020-01-02T03:04:05 UTC' AS timestamp with time zone) v", /Value cannot be cast to timestamp/],
    ["SELECT CAST('2020-01-02 03:04:05 +25:00' AS timestamp with time zone) v", /\+25:00/],
  ])('%s fails', async (sql, error) => {
    await expect(engine.execute(sql)).rejects.toThrow(error);
  });
});
