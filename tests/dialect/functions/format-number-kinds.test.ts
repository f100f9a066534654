// format() passes an integer to Java's Formatter as a Long and a decimal as a BigDecimal (Trino 476), which Java
// rejects for %f / %e and %d / %x / %o: "Invalid format string: %f (IllegalFormatConversion: f != java.lang.Long)".
// The local formatter received every argument as text and printed 1.000000 (java-format.ts marks the kinds now).
// Values, types and messages are the shared Trino 476's.
import { describeFunctions } from './harness.js';

describeFunctions(
  'format() of integers and decimals',
  [
    ['%f of a decimal', "format('%f', DECIMAL '1')", '1.000000', 'varchar'],
    ['%e of a decimal', "format('%e', DECIMAL '1')", '1.000000e+00', 'varchar'],
    ['%s of a decimal', "format('%s', DECIMAL '1.50')", '1.50', 'varchar'],
    ['%d of an integer', "format('%d', 1)", '1', 'varchar'],
    ['%x of an integer', "format('%x', 255)", 'ff', 'varchar'],
    ['%s of an integer and %f of a decimal', "format('%s %f', 1, 2.5)", '1 2.500000', 'varchar'],
    ['%d of an integer NULL', "format('%d', CAST(NULL AS integer))", 'null', 'varchar'],
  ],
  [
    ['%f of an integer', "format('%f', 1)", /^Invalid format string: %f \(IllegalFormatConversion: f != java\.lang\.Long\)/],
    ['%e of an integer', "format('%e', 1)", /^Invalid format string: %e \(IllegalFormatConversion: e != java\.lang\.Long\)/],
    ['%.1f of a smallint', "format('%.1f', SMALLINT '1')", /^Invalid format string: %\.1f \(IllegalFormatConversion: f != java\.lang\.Long\)/],
    ['%f of a bigint column', "format('%f', x) FROM (VALUES BIGINT '1') t(x)", /IllegalFormatConversion: f != java\.lang\.Long/],
    ['%d of a decimal', "format('%d', DECIMAL '1')", /^Invalid format string: %d \(IllegalFormatConversion: d != java\.math\.BigDecimal\)/],
    ['%x of a decimal', "format('%x', DECIMAL '1')", /IllegalFormatConversion: x != java\.math\.BigDecimal/],
    ['%o of a decimal column', "format('%o', x) FROM (VALUES DECIMAL '8') t(x)", /IllegalFormatConversion: o != java\.math\.BigDecimal/],
  ],
);

// Found by the random tier (expressions, seed 20261205, case 1875, after this session's signatures changed its draw):
// format('%e', greatest(try(nan()), infinity())) was 'Infinitye+NaN' locally. Java writes NaN and ±Infinity as words
// under %e as under %f, with the sign flags (Trino 476: '%+e' of Infinity is '+Infinity', '%(e' of -Infinity '(Infinity)').
describeFunctions('format() of NaN and infinities', [
  ['%e of Infinity', "format('%e', x) FROM (VALUES infinity()) t(x)", 'Infinity', 'varchar'],
  ['%e of -Infinity', "format('%e', x) FROM (VALUES -infinity()) t(x)", '-Infinity', 'varchar'],
  ['%e of NaN', "format('%.2e', x) FROM (VALUES nan()) t(x)", 'NaN', 'varchar'],
  ['the documented case', "format('%e', greatest(try(nan()), infinity()))", 'Infinity', 'varchar'],
  ['%+e of Infinity', "format('%+e', x) FROM (VALUES infinity()) t(x)", '+Infinity', 'varchar'],
  ['%(e of -Infinity', "format('%(e', x) FROM (VALUES -infinity()) t(x)", '(Infinity)', 'varchar'],
  ['%+f of Infinity', "format('%+f', x) FROM (VALUES infinity()) t(x)", '+Infinity', 'varchar'],
  ['% f of Infinity', "format('% f', x) FROM (VALUES infinity()) t(x)", ' Infinity', 'varchar'],
  ['%+f of NaN', "format('%+f', x) FROM (VALUES nan()) t(x)", 'NaN', 'varchar'],
  ['%10e of Infinity', "format('%10e', x) FROM (VALUES infinity()) t(x)", '  Infinity', 'varchar'],
]);
