// Dates moved past DuckDB's timestamps (docs/issue-15-audit.md, "Dates and formats"; branch loud40): DuckDB moves a
// date by an interval or date_add's units as a timestamp, which ends in the year 294247; Trino 476's dates reach
// 5881580-07-11. The local engine cannot compute those dates and now says so (it failed with DuckDB's bare "Date and
// time not in timestamp range"). Trino 476's answers, asked of the shared Trino, are written beside each case.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';

/** The refusal names the local range and Athena's. */
const FAR = /Date and time not in timestamp range: .*294247 AD.*5881580-07-11/;

describe('dates past the local timestamp range', () => {
  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-fn-')), inMemory: true, threads: 1 });
  });
  afterAll(async () => engine.close());

  it.each([
    // Trino 476: +302000-01-01 (date).
    ["SELECT date_add('year', 300000, DATE '2000-01-01')", FAR],
    // Trino 476: +302000-01-01 (date).
    ["SELECT date_add('month', 3600000, DATE '2000-01-01')", FAR],
    // Trino 476: +302000-01-01 (date).
    ["SELECT DATE '2000-01-01' + INTERVAL '300000' YEAR", FAR],
    // Trino 476: +301800-10-26 (date); DuckDB: "Could not convert Day to Microseconds".
    ["SELECT DATE '2000-01-01' + INTERVAL '300000' DAY * 365", FAR],
    // Trino 476 fails too here (INVALID_FUNCTION_ARGUMENT: long overflow): its timestamps end about where DuckDB's do.
    ["SELECT date_add('year', 300000, TIMESTAMP '2000-01-01 00:00:00')", FAR],
  ])(
    '%s fails naming the ranges',
    async (sql, message) => {
      await expect(engine.execute(sql)).rejects.toThrow(message);
    },
    120_000,
  );

  it('still answers far dates DuckDB keeps as dates (Trino 476: the same values)', async () => {
    const result = await engine.execute(
      "SELECT from_iso8601_date('300000-01-01') AS a, from_iso8601_date('5881580-07-10') AS b, date_add('day', 100000000, DATE '2025-03-10') AS c",
    );
    expect(result.columns.map((c) => c.type)).toEqual(['date', 'date', 'date']);
    expect(result.rows).toEqual([['+300000-01-01', '+5881580-07-10', '+275815-11-22']]);
  }, 120_000);
});
