// A plain timestamp or a date meeting a zoned timestamp in one type (docs/issue-15-audit.md, hunt40's and loud41's
// loud leftover; branch loud42): Trino 476 coerces it to timestamp(3) with time zone in the session zone (UTC) in
// coalesce, greatest, least, IF, lag/lead's default and CASE's values; DuckDB found no common type of a timestamp and
// the local zoned struct ("Cannot mix values of type TIMESTAMP_S and STRUCT(…)", "Cannot deduce template type 'T'").
// Trino 476's answers (value and type, or its failure), asked of the shared Trino, are written beside each case.
import { describe, expect, it } from 'vitest';
import { sharedLake } from './lake-helpers.js';

const ZONED = 'timestamp(3) with time zone';

describe('plain and zoned timestamps in one type', () => {
  const engine = sharedLake();

  it('coalesce, greatest, least, IF, lag and lead read the plain value in UTC (Trino 476: the values below)', async () => {
    const result = await engine.execute(
      `SELECT coalesce(x, TIMESTAMP '2020-01-01 00:00:00 +05:00') AS a, greatest(x, TIMESTAMP '2021-05-06 10:00:00 +05:00') AS b,
        least(x, TIMESTAMP '2021-05-06 10:00:00 +05:00') AS c, IF(x IS NULL, TIMESTAMP '2020-01-01 00:00:00 Asia/Tokyo', x) AS d,
        lag(x, 1, TIMESTAMP '2020-01-01 00:00:00 Europe/Warsaw') OVER (ORDER BY x) AS e,
        lead(x, 1, TIMESTAMP '2020-01-01 00:00:00 UTC') OVER (ORDER BY x) AS f
      FROM (VALUES TIMESTAMP '2021-05-06 07:08:09.123', TIMESTAMP '-0005-01-01 00:00:00', NULL) t(x) ORDER BY x`,
    );
    expect(result.columns.map((c) => c.type)).toEqual(Array(6).fill(ZONED));
    expect(result.rows).toEqual([
      [
        '-0005-01-01 00:00:00.000 UTC',
        '2021-05-06 10:00:00.000 +05:00',
        '-0005-01-01 00:00:00.000 UTC',
        '-0005-01-01 00:00:00.000 UTC',
        '2020-01-01 00:00:00.000 Europe/Warsaw',
        '2021-05-06 07:08:09.123 UTC',
      ],
      [
        '2021-05-06 07:08:09.123 UTC',
        '2021-05-06 07:08:09.123 UTC',
        '2021-05-06 10:00:00.000 +05:00',
        '2021-05-06 07:08:09.123 UTC',
        '-0005-01-01 00:00:00.000 UTC',
        null,
      ],
      ['2020-01-01 00:00:00.000 +05:00', null, null, '2020-01-01 00:00:00.000 Asia/Tokyo', '2021-05-06 07:08:09.123 UTC', '2020-01-01 00:00:00.000 UTC'],
    ]);
  }, 120_000);

  it("CASE's values and a date meet a zoned value (Trino 476: the values below)", async () => {
    const result = await engine.execute(
      `SELECT CASE WHEN x > TIMESTAMP '2000-01-01 00:00:00' THEN x ELSE TIMESTAMP '2020-01-01 00:00:00 +05:00' END AS a,
        CASE x WHEN TIMESTAMP '2021-05-06 07:08:09' THEN TIMESTAMP '2020-01-01 00:00:00 Europe/Warsaw' WHEN TIMESTAMP '1999-01-01 00:00:00' THEN NULL ELSE x END AS b,
        coalesce(DATE '2020-01-02', TIMESTAMP '2020-01-01 00:00:00 +05:00') AS c,
        CASE WHEN true THEN DATE '2020-01-02' ELSE TIMESTAMP '2020-01-01 00:00:00 UTC' END AS d
      FROM (VALUES TIMESTAMP '2021-05-06 07:08:09', TIMESTAMP '1999-01-01 00:00:00', TIMESTAMP '2001-01-01 00:00:00') t(x) ORDER BY x`,
    );
    expect(result.columns.map((c) => c.type)).toEqual(Array(4).fill(ZONED));
    expect(result.rows).toEqual([
      ['2020-01-01 00:00:00.000 +05:00', null, '2020-01-02 00:00:00.000 UTC', '2020-01-02 00:00:00.000 UTC'],
      ['2001-01-01 00:00:00.000 UTC', '2001-01-01 00:00:00.000 UTC', '2020-01-02 00:00:00.000 UTC', '2020-01-02 00:00:00.000 UTC'],
      ['2021-05-06 07:08:09.000 UTC', '2020-01-01 00:00:00.000 Europe/Warsaw', '2020-01-02 00:00:00.000 UTC', '2020-01-02 00:00:00.000 UTC'],
    ]);
  }, 120_000);

  it.each([
    // Trino 476: TYPE_MISMATCH "… Cannot find common type between varchar(10) and timestamp(0) with time zone".
    "SELECT coalesce('2020-01-02', TIMESTAMP '2020-01-01 00:00:00 +05:00')",
    // Trino 476: TYPE_MISMATCH "All CASE results must be … Cannot find common type between varchar(1) and …".
    "SELECT CASE WHEN true THEN 'x' ELSE TIMESTAMP '2020-01-01 00:00:00 UTC' END",
    // Trino 476: TYPE_MISMATCH "… between integer and timestamp(0) with time zone".
    "SELECT coalesce(1, TIMESTAMP '2020-01-01 00:00:00 UTC')",
  ])(
    '%s fails (no common type)',
    async (sql) => {
      await expect(engine.execute(sql)).rejects.toThrow(/Cannot find common type between \w+ and timestamp with time zone/);
    },
    120_000,
  );
});
