// date_parse and parse_datetime of a signed or long year later in the pattern (docs/issue-15-audit.md, loud41's
// leftovers; branch loud42). Joda reads a sign there and, for date_parse's %Y, four digits (a fifth fails), for
// parse_datetime's y/yyyy where no number follows, nine; strptime reads four digits and no sign. The local engine reads
// again only the text strptime fails on. Trino 476's answers (value and type, or its failure), asked of the shared
// Trino, are written beside each case.
import { describe, expect, it } from 'vitest';
import { sharedLake } from './lake-helpers.js';

describe('date_parse and parse_datetime of a year later in the pattern', () => {
  const engine = sharedLake();

  it('date_parse reads a sign before a later %Y (Trino 476: the values below, timestamp(3))', async () => {
    const result = await engine.execute(
      `SELECT date_parse('02/03/-0005', '%m/%d/%Y') AS a, date_parse('02/03/+2020', '%m/%d/%Y') AS b,
        date_parse('02/03/-5', '%m/%d/%Y') AS c, date_parse('Feb 03 -0005', '%b %d %Y') AS d,
        date_parse('03 -0005 10:11', '%d %Y %H:%i') AS e, date_parse('01/02/2345', '%m/%d/%Y') AS f,
        date_parse('29.02.-0004', '%d.%m.%Y') AS g, date_parse('02/03/-0000', '%m/%d/%Y') AS h`,
    );
    expect(result.columns.map((c) => c.type)).toEqual(Array(8).fill('timestamp(3)'));
    expect(result.rows).toEqual([
      [
        '-0005-02-03 00:00:00.000',
        '2020-02-03 00:00:00.000',
        '-0005-02-03 00:00:00.000',
        '-0005-02-03 00:00:00.000',
        '-0005-01-03 10:11:00.000',
        '2345-01-02 00:00:00.000',
        '-0004-02-29 00:00:00.000',
        '0000-02-03 00:00:00.000',
      ],
    ]);
  }, 120_000);

  it('parse_datetime reads a sign and up to 9 digits in a later yyyy (Trino 476: the values below, timestamp(3) with time zone)', async () => {
    const result = await engine.execute(
      `SELECT parse_datetime('01/02/12345', 'MM/dd/yyyy') AS a, parse_datetime('02/03/-0005', 'MM/dd/yyyy') AS b,
        parse_datetime('02/03/-12345 10', 'MM/dd/yyyy HH') AS c, parse_datetime('02/03/+0012345', 'MM/dd/yyyy') AS d,
        parse_datetime('02/03/-5', 'MM/dd/yyyy') AS e, parse_datetime('29.02.12344 23:59', 'dd.MM.yyyy HH:mm') AS f,
        parse_datetime('Mon 01/02/-0005', 'EEE MM/dd/yyyy') AS g, parse_datetime('5 -1', 'M y') AS h`,
    );
    expect(result.columns.map((c) => c.type)).toEqual(Array(8).fill('timestamp(3) with time zone'));
    expect(result.rows).toEqual([
      [
        '+12345-01-02 00:00:00.000 UTC',
        '-0005-02-03 00:00:00.000 UTC',
        '-12345-02-03 10:00:00.000 UTC',
        '+12345-02-03 00:00:00.000 UTC',
        '-0005-02-03 00:00:00.000 UTC',
        '+12344-02-29 23:59:00.000 UTC',
        '-0005-01-02 00:00:00.000 UTC',
        '-0001-05-01 00:00:00.000 UTC',
      ],
    ]);
  }, 120_000);

  it('reads a column whose rows mix years (Trino 476: the same values, NULL last)', async () => {
    const result = await engine.execute("SELECT date_parse(x, '%m/%d/%Y') AS v FROM (VALUES '02/03/-0005', '01/02/2020', NULL, '12/31/+0099') t(x) ORDER BY 1");
    expect(result.rows).toEqual([['-0005-02-03 00:00:00.000'], ['0099-12-31 00:00:00.000'], ['2020-01-02 00:00:00.000'], [null]]);
  }, 120_000);

  it.each([
    // Trino 476: "Invalid format: "01/02/12345" is malformed at "5"" (date_parse's later %Y reads four digits).
    ["SELECT date_parse('01/02/12345', '%m/%d/%Y')", /01\/02\/12345/],
    // Trino 476: "Invalid format: "02/03/1234567890" is malformed at "0"".
    ["SELECT parse_datetime('02/03/1234567890', 'MM/dd/yyyy')", /02\/03\/1234567890/],
    // Trino 476: "Millis overflow: 3833730691200000".
    ["SELECT parse_datetime('02/03/123456', 'MM/dd/yyyy')", /Millis overflow/],
    // Trino 476: "Cannot parse "02/30/-0005": Value 30 for dayOfMonth must be in the range [1,28]".
    ["SELECT date_parse('02/30/-0005', '%m/%d/%Y')", /Cannot parse "02\/30\/-0005"/],
    ["SELECT parse_datetime('02/30/12345', 'MM/dd/yyyy')", /Cannot parse "02\/30\/12345"/],
  ])(
    '%s fails',
    async (sql, message) => {
      await expect(engine.execute(sql)).rejects.toThrow(message);
    },
    120_000,
  );
});
