// CAST of a text to timestamp with time zone whose zone is UTC, GMT or UT and an offset: Trino 476 reads it with
// Java's ZoneId.of (`GMT+3` is +03:00; ±h, ±hh, ±hh:mm, ±hhmm, ±hh:mm:ss, ±hhmmss), where DuckDB failed "Value cannot be
// cast to timestamp with time zone" (loud) and TRY_CAST answered NULL (silent). Every expectation is the shared Trino
// 476's answer (value and type, or its failure), asked on 2026-12-07 (branch loud38).
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const ZONES = [
  ['GMT+', null],
  ['GMT+00', '2001-08-22 03:04:05.000 UTC'],
  ['GMT+003', null],
  ['GMT+0300', '2001-08-22 03:04:05.000 +03:00'],
  ['GMT+030000', '2001-08-22 03:04:05.000 +03:00'],
  ['GMT+03:00', '2001-08-22 03:04:05.000 +03:00'],
  ['GMT+03:00:00', '2001-08-22 03:04:05.000 +03:00'],
  ['GMT+03:00:30', null],
  ['GMT+14', '2001-08-22 03:04:05.000 +14:00'],
  ['GMT+14:00', '2001-08-22 03:04:05.000 +14:00'],
  ['GMT+15', null],
  ['GMT+3', '2001-08-22 03:04:05.000 +03:00'],
  ['GMT+3:30', null],
  ['GMT+3x', null],
  ['GMT-0', '2001-08-22 03:04:05.000 UTC'],
  ['GMT-14:01', null],
  ['UT+3', '2001-08-22 03:04:05.000 +03:00'],
  ['UT-00:00', '2001-08-22 03:04:05.000 UTC'],
  ['UTC+10:7', null],
  ['UTC+12:60', null],
  ['UTC+3', '2001-08-22 03:04:05.000 +03:00'],
  ['UTC+3:00', null],
  ['UTC-05:30', '2001-08-22 03:04:05.000 -05:30'],
  ['gmt+3', null],
];

describe('a UTC, GMT or UT offset in a text cast to timestamp with time zone', () => {
  it('TRY_CAST over a column of zones', async () => {
    const values = ZONES.map(([z]) => `'${z}'`).join(', ');
    const sql = `SELECT z, CAST(TRY_CAST('2001-08-22 03:04:05 ' || z AS timestamp with time zone) AS varchar) v FROM (VALUES ${values}) t(z) ORDER BY 1`;
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows: ZONES, types: ['varchar', 'varchar'] });
  });

  it('CAST, no space, to timestamp, a date alone, the instant and the hour', async () => {
    const sql =
      "SELECT CAST('2001-08-22 03:04:05 GMT+3' AS timestamp with time zone), TRY_CAST('2001-08-22 03:04:05GMT+3' AS timestamp with time zone), CAST('2001-08-22 03:04:05 UTC-05:30' AS timestamp), CAST('2001-08-22 GMT+3' AS timestamp with time zone), to_unixtime(CAST('2001-08-22 03:04:05 GMT+3' AS timestamp with time zone)), hour(CAST('2001-08-22 03:04:05 UT-2' AS timestamp with time zone))";
    expect(await rowsAndTypes(engine, sql)).toEqual({
      rows: [['2001-08-22 03:04:05.000 +03:00', '2001-08-22 03:04:05.000 +03:00', '2001-08-22 03:04:05.000', '2001-08-22 00:00:00.000 +03:00', 998438645, 3]],
      types: ['timestamp(3) with time zone', 'timestamp(3) with time zone', 'timestamp(3)', 'timestamp(3) with time zone', 'double', 'bigint'],
    });
  });

  it('past ±14:00 the zone is not supported (Trino 476: NOT_SUPPORTED "Time zone not supported: GMT+15:00")', async () => {
    await expect(engine.execute("SELECT CAST('2001-08-22 03:04:05 GMT+15' AS timestamp with time zone)")).rejects.toThrow('Time zone not supported: GMT+15:00');
  });
});
