// date_parse and parse_datetime of a signed or long year later in the pattern (docs/issue-15-audit.md, loud41's
// leftovers; branch loud42). Joda reads a sign there and, for date_parse's %Y, four digits (a fifth fails), for
// parse_datetime's y/yyyy where no number follows, nine; strptime reads four digits and no sign. The local engine reads
// again only the text strptime fails on. Trino 476's answers (value and type, or its failure), asked of the shared
// Trino, are written beside each case.
import { describe, expect, it } from 'vitest';
import { sharedLake } from './lake-helpers.js';

describe('date_parse and parse_datetime of a year later in the pattern', () => {
  const engine = sharedLake();

  // [text, pattern, Trino 476's value]
  const DATE_PARSE: [string, string, string][] = [
    ['02/03/-0005', '%m/%d/%Y', '-0005-02-03 00:00:00.000'],
    ['02/03/+2020', '%m/%d/%Y', '2020-02-03 00:00:00.000'],
    ['02/03/-5', '%m/%d/%Y', '-0005-02-03 00:00:00.000'],
    ['Feb 03 -0005', '%b %d %Y', '-0005-02-03 00:00:00.000'],
    ['03 -0005 10:11', '%d %Y %H:%i', '-0005-01-03 10:11:00.000'],
    ['01/02/2345', '%m/%d/%Y', '2345-01-02 00:00:00.000'],
    ['29.02.-0004', '%d.%m.%Y', '-0004-02-29 00:00:00.000'],
    ['02/03/-0000', '%m/%d/%Y', '0000-02-03 00:00:00.000'],
  ];
  const PARSE_DATETIME: [string, string, string][] = [
    ['01/02/12345', 'MM/dd/yyyy', '+12345-01-02 00:00:00.000 UTC'],
    ['02/03/-0005', 'MM/dd/yyyy', '-0005-02-03 00:00:00.000 UTC'],
    ['02/03/-12345 10', 'MM/dd/yyyy HH', '-12345-02-03 10:00:00.000 UTC'],
    ['02/03/+0012345', 'MM/dd/yyyy', '+12345-02-03 00:00:00.000 UTC'],
    ['02/03/-5', 'MM/dd/yyyy', '-0005-02-03 00:00:00.000 UTC'],
    ['29.02.12344 23:59', 'dd.MM.yyyy HH:mm', '+12344-02-29 23:59:00.000 UTC'],
    ['Mon 01/02/-0005', 'EEE MM/dd/yyyy', '-0005-01-02 00:00:00.000 UTC'],
    ['5 -1', 'M y', '-0001-05-01 00:00:00.000 UTC'],
  ];

  it.each([
    // date_parse's later %Y: a sign and four digits.
    ['date_parse', DATE_PARSE, 'timestamp(3)'],
    // parse_datetime's later y/yyyy where no number follows: a sign and up to nine digits.
    ['parse_datetime', PARSE_DATETIME, 'timestamp(3) with time zone'],
  ] as const)(
    '%s reads a signed or long later year (Trino 476: the values in the table)',
    async (fn, cases, type) => {
      const result = await engine.execute(`SELECT ${cases.map(([text, pattern], k) => `${fn}('${text}', '${pattern}') AS c${k}`).join(', ')}`);
      expect(result.columns.map((c) => c.type)).toEqual(Array(cases.length).fill(type));
      expect(result.rows).toEqual([cases.map(([, , value]) => value)]);
    },
    120_000,
  );

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
