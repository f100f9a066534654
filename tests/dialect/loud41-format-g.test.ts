// format's %g of doubles and reals (docs/issue-15-audit.md, hunt38's and loud40's over-refusals; branch loud41): Java's
// Formatter rounds to the precision's significant digits and writes %e or %f by the rounded exponent. Trino 476's
// answers (value and type, or its failure), asked of the shared Trino, are written beside each case.
import { describe, expect, it } from 'vitest';
import { sharedLake } from './lake-helpers.js';

describe("format's %g", () => {
  const engine = sharedLake();

  it('writes %e or %f by the rounded exponent (Trino 476: the texts below, varchar)', async () => {
    const result = await engine.execute(
      `SELECT format('%g|%.3g|%g|%g|%g|%g|%G|%,g|%10.2g|%g|%g', 1.5E0, 123456.7E0, 1.0E-5, 0.0E0, 9.9999995E0, 1234567.0E0,
          1.5E-10, 12345.678E0, -0.0001234E0, 0.0001E0, -0.0E0) AS a,
        format('%g|%.0g|%+g|%g|%g|%08.3g|%(g|%g', REAL '1.1', 2.5E0, 3.0E0, 999999.5E0, 1e300, 3.14159E0, -2.5E0, NULL) AS b`,
    );
    expect(result.columns.map((c) => c.type)).toEqual(['varchar', 'varchar']);
    expect(result.rows).toEqual([
      [
        '1.50000|1.23e+05|1.00000e-05|0.00000|10.0000|1.23457e+06|1.50000E-10|12,345.7|  -0.00012|0.000100000|-0.00000',
        '1.10000|3|+3.00000|1.00000e+06|1.00000e+300|00003.14|(2.50000)|null',
      ],
    ]);
  }, 120_000);

  it.each([
    // Trino 476: "Invalid format string: %#g (FormatFlagsConversionMismatch: Conversion = g, Flags = #)".
    ["SELECT format('%#g', 1.5E0)", /FormatFlagsConversionMismatch: Conversion = g, Flags = #/],
    // Trino 476: "Invalid format string: %g (IllegalFormatConversion: g != java.lang.Long)".
    ["SELECT format('%g', 5)", /IllegalFormatConversion: g != java.lang.Long/],
    // Trino 476: 1.50000 (a BigDecimal is compared before rounding): refused locally.
    ["SELECT format('%g', DECIMAL '1.5')", /%g of a decimal is not supported locally/],
  ])(
    '%s fails',
    async (sql, message) => {
      await expect(engine.execute(sql)).rejects.toThrow(message);
    },
    120_000,
  );
});
