// min(x) and max(x) of a value visibly of a type that is never a NaN, never nested and never zoned (a column the catalog
// types as an integer, a decimal, a varchar, a date, a timestamp or a boolean; a CAST or TRY_CAST to one; a date or
// timestamp of those ± INTERVAL) are DuckDB's own calls (translate/nan-calls.ts plainOrderedValue; issue 18): their
// NaN, nested-NaN, NULL-element and map guards fold away while binding for such types anyway, but DuckDB bound the
// value ~10 times to fold them (the freshness alert's four max() of timestamps: ~1.1M of its 1.5M characters of
// expanded SQL), and a statement that makes zoned values checked each one's ties by instant (zoned-extremes.ts).
// Doubles, reals, zoned timestamps, arrays, maps and rows keep every guard. Every expectation is Trino 476's answer
// (value and type) or the product's refusal, asked of the shared Trino with the rows of `t` as a WITH query of the same
// types: `WITH t(k, i, b, s, d, dt, y) AS (VALUES (1, 2, BIGINT '10', 'web', DOUBLE '1.5', DATE '2026-12-06', 2026),
// (2, -1, BIGINT '20', 'web', DOUBLE '2.5', DATE '2026-12-07', 2026), (3, NULL, NULL, NULL, NULL, NULL, 2025),
// (4, 5, BIGINT '-3', 'app', nan(), DATE '2026-12-06', 2026))`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandedSize } from '../../src/dialect/shims/macro-weights.js';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { namedResult } from './lake-helpers.js';
import { openLakeWithTableT, translated } from './typed-table-t.js';

let engine: AthenaLocalEngine;
beforeAll(async () => {
  engine = await openLakeWithTableT();
});
afterAll(async () => engine.close());

// The freshness alert's shape: a UNION ALL of max() of timestamps (a cast of a zoned value, a date's timestamp plus a
// day, a cast of text over no rows), in a statement that makes zoned values (from_iso8601_timestamp).
const FRESHNESS_SHAPE =
  "WITH latest AS (SELECT 'a' AS source, max(CAST(from_iso8601_timestamp(s) AS TIMESTAMP)) AS latest, 60 AS lag " +
  "FROM (VALUES '2025-03-10T10:00:00Z', '2025-03-10T11:30:00+01:00') v(s) " +
  "UNION ALL SELECT 'b', max(CAST(d AS TIMESTAMP) + INTERVAL '1' DAY), 1440 + 60 FROM (VALUES DATE '2025-03-08') w(d) " +
  "UNION ALL SELECT 'c', max(CAST(s AS TIMESTAMP)), 60 FROM (VALUES '2025-03-10 11:59:00') x(s) WHERE false) " +
  "SELECT source, latest, date_diff('minute', latest, TIMESTAMP '2025-03-10 12:00:00') AS lag_minutes FROM latest " +
  "WHERE latest IS NULL OR date_diff('minute', latest, TIMESTAMP '2025-03-10 12:00:00') > lag ORDER BY source";

describe('min and max of values of a plainly ordered type', () => {
  it.each<[string, string, string[], unknown[][]]>([
    [
      'of catalog columns: integers, a bigint with DISTINCT, varchars, dates; a double keeps NaN ordered as Trino does',
      'SELECT max(i) AS a, min(i) AS b, max(DISTINCT b) AS c, min(s) AS e, max(s) AS f, max(dt) AS g, min(dt) AS h, max(d) AS j, min(d) AS l FROM t',
      ['a integer', 'b integer', 'c bigint', 'e varchar', 'f varchar', 'g date', 'h date', 'j double', 'l double'],
      [[5, -1, 20, 'app', 'web', '2026-12-07', '2026-12-06', 2.5, 1.5]],
    ],
    [
      'of casts and a timestamp plus an interval, grouped, with FILTER',
      "SELECT s, max(CAST(dt AS TIMESTAMP) + INTERVAL '1' DAY) AS a, min(CAST(k AS DECIMAL(10, 2))) AS b, max(CAST(d AS VARCHAR)) FILTER (WHERE k < 4) AS c FROM t GROUP BY s ORDER BY s",
      ['s varchar', 'a timestamp(3)', 'b decimal(10,2)', 'c varchar'],
      [
        ['app', '2026-12-07 00:00:00.000', '4.00', null],
        ['web', '2026-12-08 00:00:00.000', '1.00', '2.5E0'],
        [null, null, '3.00', null],
      ],
    ],
    [
      'of casts of zoned values to timestamps (their walls), minus an interval, and a TRY_CAST that fails on every row',
      "SELECT max(CAST(from_iso8601_timestamp(s) AS TIMESTAMP)) AS a, min(CAST(from_iso8601_timestamp(s) AS TIMESTAMP) - INTERVAL '1' HOUR) AS b, max(TRY_CAST(s AS DATE)) AS c FROM (VALUES '2025-01-01T00:00:00Z', '2025-01-01T01:00:00+01:00', '2025-01-01T00:30:00+05:00') v(s)",
      ['a timestamp(3)', 'b timestamp(3)', 'c date'],
      [['2025-01-01 01:00:00.000', '2024-12-31 23:00:00.000', null]],
    ],
    [
      "the freshness alert's shape",
      FRESHNESS_SHAPE,
      ['source varchar', 'latest timestamp(3)', 'lag_minutes bigint'],
      [
        ['b', '2025-03-09 00:00:00.000', 2160],
        ['c', null, null],
      ],
    ],
  ])('%s', async (_name, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  it('keeps the ties check of a zoned max: one instant in two zones is refused (Trino keeps the first met, 00:00 UTC)', async () => {
    await expect(
      engine.execute("SELECT max(from_iso8601_timestamp(s)) AS z FROM (VALUES '2025-01-01T00:00:00Z', '2025-01-01T01:00:00+01:00') v(s)"),
    ).rejects.toThrow('min() and max() of timestamp with time zone values are refused locally where the extreme instant comes in different zones');
  });

  it("writes DuckDB's own min and max for such values, and keeps the guards of a double and of a value of unknown type", () => {
    const sql = translated('SELECT max(i) AS a, min(DISTINCT s) AS b, max(dt) FILTER (WHERE k > 1) AS c, max(d) AS e, min(d) AS f FROM t');
    expect(sql).toContain('max(i) AS a');
    expect(sql).toContain('min(DISTINCT s) AS b');
    expect(sql).toContain('max(dt) FILTER (WHERE k > 1) AS c');
    // A double orders NaN apart (Trino's max skips it); over untyped columns every guard stays.
    expect(sql).toContain('max(trino_nan_null(d))');
    expect(translated('SELECT max(i) AS a FROM t', false)).toContain('trino_sorted_null_checked(list(i)');
    const shape = translated(FRESHNESS_SHAPE);
    expect(shape).not.toContain('trino_ties_apart');
    expect(shape).not.toContain('trino_sorted_null_checked');
    // 1.2M characters with the guards (each max's value ~10 times, the cast's ties checked by instant).
    expect(expandedSize(shape)).toBeLessThan(400_000);
  });
});

// date_diff is a bigint whatever it compares (nested-comparisons.ts fixedCallType): compared with a column of a number
// type it needs no guard; NaN stays unordered (Trino: `2 < NaN` is false) and a varchar keeps its guard.
describe('date_diff compared as the bigint it is', () => {
  it.each<[string, string, string[], unknown[][]]>([
    [
      'with an integer column and a double column holding NaN',
      "SELECT k, date_diff('day', dt, DATE '2026-12-08') AS n FROM t WHERE date_diff('day', dt, DATE '2026-12-08') > i OR date_diff('day', dt, DATE '2026-12-08') < d ORDER BY k",
      ['k integer', 'n bigint'],
      [[2, 1]],
    ],
    [
      'with a literal and in BETWEEN a bigint column',
      "SELECT k, date_diff('hour', CAST(dt AS TIMESTAMP), TIMESTAMP '2026-12-07 12:00:00') >= 12 AS a, date_diff('day', dt, DATE '2026-12-08') BETWEEN 1 AND b AS c FROM t ORDER BY k",
      ['k integer', 'a boolean', 'c boolean'],
      [
        [1, true, true],
        [2, true, true],
        [3, null, null],
        [4, true, false],
      ],
    ],
    [
      'beside a call of another type (nan(), a double: Trino orders NaN apart, `NaN > 5` is false)',
      "SELECT count(*) AS n, count_if(date_diff('day', dt, DATE '2026-12-08') > i) AS m FROM t WHERE nan() > i OR date_diff('day', dt, DATE '2026-12-08') > i",
      ['n bigint', 'm bigint'],
      [[1, 1]],
    ],
  ])('%s', async (_name, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  it('writes the comparison with a known number column alone', () => {
    const sql = translated("SELECT k FROM t WHERE date_diff('day', dt, DATE '2026-12-08') > i");
    expect(sql).toContain("WHERE trino_date_diff('day', dt, DATE '2026-12-08') > i");
    expect(sql).not.toContain('trino_compare_any');
    // With a varchar (Trino: TYPE_MISMATCH "Cannot apply operator: bigint = varchar(3)") the text guard stays.
    expect(translated("SELECT k FROM t WHERE date_diff('day', dt, DATE '2026-12-08') = s")).toContain('trino_text_comparable(');
  });
});
