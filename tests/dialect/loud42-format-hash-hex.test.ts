// format's %h (Java's hashCode of the argument's class, in hex) and %a (Java's hex floating form) (docs/issue-15-audit.md,
// loud41's over-refusals; branch loud42). Trino 476's answers (value and type, or its failure), asked of the shared
// Trino, are written beside each case.
import { describe, expect, it } from 'vitest';
import { sharedLake } from './lake-helpers.js';

describe("format's %h and %a", () => {
  const engine = sharedLake();

  it("%h hashes by the argument's Java class (Trino 476: the texts below, varchar)", async () => {
    const result = await engine.execute(
      `SELECT format('%h|%h|%h|%h|%h|%h|%h|%h|%h|%h', 1.5E0, '1.5', 42, REAL '1.5', true, false, -1, 4294967296, nan(), -0.0E0) AS a,
        format('%10h|%-10H|%.3h|%h|%h', 'abc', 'héllo😀', 1.5E0, NULL, -infinity()) AS b,
        format('%h|%h|%h|%h|%h|%h', DECIMAL '1.5', DECIMAL '-123456789012345678901.25', DECIMAL '0.00', -9223372036854775808, CAST(-7 AS smallint), TINYINT '5') AS c,
        format('%h|%h|%h|%h|%h|%h', DATE '2020-01-01', DATE '-0005-03-04', DATE '12345-01-02', TIMESTAMP '2020-01-01 00:00:00',
          TIMESTAMP '2020-01-01 10:11:12.345', TIMESTAMP '-0005-06-07 23:59:59.999') AS d`,
    );
    expect(result.columns.map((c) => c.type)).toEqual(['varchar', 'varchar', 'varchar', 'varchar']);
    expect(result.rows).toEqual([
      [
        '3ff80000|bdb8|2a|3fc00000|4cf|4d5|0|1|7ff80000|80000000',
        '     17862|1160EBB1  |3ff|null|fff00000',
        '1d2|d96d05f6|2|80000000|6|5',
        '3f2041|20c4|181f842|3f2041|7227c95b|913fd2d3',
      ],
    ]);
  }, 120_000);

  it('%a writes Double.toHexString (Trino 476: the texts below, varchar)', async () => {
    const result = await engine.execute(
      `SELECT format('%a|%a|%A|%a|%a|%12a|%012a|%+a|%a|%a', -0.0E0, 1e-320, 255.5E0, infinity(), nan(), 1.5E0, -1.5E0, 1.0E0, REAL '0.1', 0.1E0) AS a,
        format('%.14a|%.13a|%-12a|%a', 1.5E0, 0.1E0, -infinity(), NULL) AS b`,
    );
    expect(result.columns.map((c) => c.type)).toEqual(['varchar', 'varchar']);
    expect(result.rows).toEqual([
      [
        '-0x0.0p0|0x0.00000000007e8p-1022|0X1.FFP7|Infinity|NaN|     0x1.8p0|-0x00001.8p0|+0x1.0p0|0x1.99999ap-4|0x1.999999999999ap-4',
        '0x1.80000000000000p0|0x1.999999999999ap-4|-Infinity   |null',
      ],
    ]);
  }, 120_000);

  it.each([
    // Trino 476: "Invalid format string: %a (IllegalFormatConversion: a != java.lang.Long)".
    ["SELECT format('%a', 1)", /IllegalFormatConversion: a != java.lang.Long/],
    // Trino 476: "… (IllegalFormatConversion: a != java.math.BigDecimal)".
    ["SELECT format('%a', DECIMAL '1.5')", /IllegalFormatConversion: a != java.math.BigDecimal/],
    // Trino 476: "… (IllegalFormatConversion: a != java.lang.String)".
    ["SELECT format('%a', 'x')", /IllegalFormatConversion: a != java.lang.String/],
    // Trino 476: "Invalid format string: %,a (FormatFlagsConversionMismatch: Conversion = a, Flags = ,)", %(a alike.
    ["SELECT format('%,a', 1.5E0)", /FormatFlagsConversionMismatch: Conversion = a, Flags = ,/],
    ["SELECT format('%(a', 1.5E0)", /FormatFlagsConversionMismatch: Conversion = a, Flags = \(/],
    // Trino 476: "… (FormatFlagsConversionMismatch: Conversion = h, Flags = #)".
    ["SELECT format('%#h', 1.5E0)", /FormatFlagsConversionMismatch: Conversion = h, Flags = #/],
    // Trino 476: 0x1.3cp0 (Java rounds the hex digits): refused locally, naming the precision.
    ["SELECT format('%.2a', 1.2345E0)", /a rounded %a\) is not supported locally/],
    // Trino 476: 356c61 (ZonedDateTime.hashCode); a time's (5d88a15a) alike: refused locally, naming them.
    [
      "SELECT format('%h', TIMESTAMP '2020-01-01 00:00:00 UTC')",
      /%h \(Java's hashCode\) of a timestamp with time zone, time, interval or other value is not supported locally/,
    ],
  ])(
    '%s fails',
    async (sql, message) => {
      await expect(engine.execute(sql)).rejects.toThrow(message);
    },
    120_000,
  );
});
