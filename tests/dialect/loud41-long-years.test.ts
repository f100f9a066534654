// date_parse and parse_datetime of years past four digits (docs/issue-15-audit.md, loud40's leftovers; branch loud41).
// Trino 476 reads a leading year of up to 9 digits, with a sign, where date_parse's pattern is exactly '%Y-%m-%d' and
// where parse_datetime's y/yyyy is followed by a literal; strptime reads four digits. The local engine reads again only
// the text strptime fails on. Trino 476's answers (value and type), asked of the shared Trino, are written beside each case.
import { describe, expect, it } from 'vitest';
import { sharedLake } from './lake-helpers.js';

describe('date_parse and parse_datetime of long years', () => {
  const engine = sharedLake();

  it("date_parse(…, '%Y-%m-%d') reads 5 to 9 digits and a sign (Trino 476: the values below, timestamp(3))", async () => {
    const result = await engine.execute(
      `SELECT date_parse('12345-02-03', '%Y-%m-%d') AS a, date_parse('-12345-02-03', '%Y-%m-%d') AS b,
        date_parse('0012345-02-03', '%Y-%m-%d') AS c, date_parse('+12345-2-3', '%Y-%m-%d') AS d,
        date_parse('294247-01-01', '%Y-%m-%d') AS e, date_parse('12344-02-29', '%Y-%m-%d') AS f,
        date_parse('-12344-02-29', '%Y-%m-%d') AS g, date_parse('99999-12-31', '%Y-%m-%d') AS h,
        date_parse('2024-02-03', '%Y-%m-%d') AS i, date_parse('-0005-02-03', '%Y-%m-%d') AS j,
        date_parse(NULL, '%Y-%m-%d') AS k`,
    );
    expect(result.columns.map((c) => c.type)).toEqual(Array(11).fill('timestamp(3)'));
    expect(result.rows).toEqual([
      [
        '+12345-02-03 00:00:00.000',
        '-12345-02-03 00:00:00.000',
        '+12345-02-03 00:00:00.000',
        '+12345-02-03 00:00:00.000',
        '+294247-01-01 00:00:00.000',
        '+12344-02-29 00:00:00.000',
        '-12344-02-29 00:00:00.000',
        '+99999-12-31 00:00:00.000',
        '2024-02-03 00:00:00.000',
        '-0005-02-03 00:00:00.000',
        null,
      ],
    ]);
  }, 120_000);

  it('reads a column whose rows mix short and long years (Trino 476: the same values, NULL last)', async () => {
    const result = await engine.execute(
      "SELECT date_parse(x, '%Y-%m-%d') AS v FROM (VALUES '12345-02-03', '2020-01-01', NULL, '-12345-02-03', '0099-02-03') t(x) ORDER BY 1",
    );
    expect(result.rows).toEqual([
      ['-12345-02-03 00:00:00.000'],
      ['0099-02-03 00:00:00.000'],
      ['2020-01-01 00:00:00.000'],
      ['+12345-02-03 00:00:00.000'],
      [null],
    ]);
  }, 120_000);

  it("parse_datetime's yyyy reads up to 9 digits before a literal (Trino 476: timestamp(3) with time zone)", async () => {
    const result = await engine.execute(
      `SELECT parse_datetime('12345-02-03 10:11', 'yyyy-MM-dd HH:mm') AS a, parse_datetime('-12345-02-03', 'yyyy-MM-dd') AS b,
        parse_datetime('000012345-02-03', 'yyyy-MM-dd') AS c, parse_datetime(NULL, 'yyyy-MM-dd') AS d`,
    );
    expect(result.columns.map((c) => c.type)).toEqual(Array(4).fill('timestamp(3) with time zone'));
    expect(result.rows).toEqual([['+12345-02-03 10:11:00.000 UTC', '-12345-02-03 00:00:00.000 UTC', '+12345-02-03 00:00:00.000 UTC', null]]);
  }, 120_000);

  it("parse_datetime's year alone reads up to 9 digits (Trino 476: +12345-01-01, -12345-01-01, +54321-01-01 UTC)", async () => {
    const result = await engine.execute(
      "SELECT parse_datetime('12345', 'yyyy') AS a, parse_datetime('-12345', 'y') AS b, parse_datetime(x, 'yyyy') AS c FROM (VALUES '54321') t(x)",
    );
    expect(result.rows).toEqual([['+12345-01-01 00:00:00.000 UTC', '-12345-01-01 00:00:00.000 UTC', '+54321-01-01 00:00:00.000 UTC']]);
  }, 120_000);

  it.each([
    // Trino 476: "Cannot parse "12345-02-30": Value 30 for dayOfMonth must be in the range [1,28]".
    ["SELECT date_parse('12345-02-30', '%Y-%m-%d')", /Cannot parse "12345-02-30"/],
    // Trino 476: "Invalid format: "12345-02" is malformed at "5-02"" (only '%Y-%m-%d' reads long years).
    ["SELECT date_parse('12345-02', '%Y-%m')", /Could not parse string/],
    // Trino 476: INVALID_FUNCTION_ARGUMENT "long overflow".
    ["SELECT date_parse('294248-01-01', '%Y-%m-%d')", /not in timestamp range/],
    // Trino 476: "Invalid format: "12345-02-03 10" is malformed at "5-02-03 10"".
    ["SELECT date_parse('12345-02-03 10', '%Y-%m-%d %H')", /Could not parse string/],
  ])(
    '%s fails',
    async (sql, message) => {
      await expect(engine.execute(sql)).rejects.toThrow(message);
    },
    120_000,
  );
});
