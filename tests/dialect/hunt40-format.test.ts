// Hand probes of format() (docs/issue-15-audit.md, "Random hunt with new seeds … branch hunt40"): Java's %e rounds the
// shortest decimal form of a double (a BigDecimal's own digits) HALF_UP, as its %f does; the local %e rounded the
// binary value (toExponential: format('%.3e', 9.9995e0) was 9.999e+00, format('%e', 1e-320) 9.999889e-321; silent).
// A NULL literal as the format is unknown-typed in Trino and fails at analysis (it was NULL locally; silent). Every
// value below is Trino 476's answer, asked of the shared Trino.
import { describeFunctions } from './functions/harness.js';

describeFunctions(
  'format %e rounds the shortest decimal form half up',
  [
    ['%e of a subnormal double', "format('%e', 1e-320)", '1.000000e-320', 'varchar'],
    ['%e of the smallest double', "format('%e', 4.9e-324)", '4.900000e-324', 'varchar'],
    ['%.3e of 9.9995 (a carry into the exponent)', "format('%.3e', 9.9995e0)", '1.000e+01', 'varchar'],
    ['%.2e of 2.675', "format('%.2e', 2.675e0)", '2.68e+00', 'varchar'],
    ['%.3e of 1.0005', "format('%.3e', 1.0005e0)", '1.001e+00', 'varchar'],
    ['%.3e of 1.0015', "format('%.3e', 1.0015e0)", '1.002e+00', 'varchar'],
    ['%.0e of 25', "format('%.0e', 25e0)", '3e+01', 'varchar'],
    ['%.0e of 0.95', "format('%.0e', 0.95e0)", '1e+00', 'varchar'],
    ['%.3e of a real 9.9995', "format('%.3e', REAL '9.9995')", '1.000e+01', 'varchar'],
    ['%.0e of a real 2.5', "format('%.0e', REAL '2.5')", '3e+00', 'varchar'],
    ['%.2e of a decimal 99.995', "format('%.2e', CAST(99.995 AS decimal(5,3)))", '1.00e+02', 'varchar'],
    ['%.2e of a decimal -99.995', "format('%.2e', CAST(-99.995 AS decimal(5,3)))", '-1.00e+02', 'varchar'],
    ['%.1e of a decimal -0.0995', "format('%.1e', DECIMAL '-0.0995')", '-1.0e-01', 'varchar'],
    ['%.1e of a column 0.25', "format('%.1e', x) FROM (VALUES 0.25e0) t(x)", '2.5e-01', 'varchar'],
    // Unchanged: exact values, zeros, widths and flags.
    ['%e of 12345.678', "format('%e', 12345.678e0)", '1.234568e+04', 'varchar'],
    ['%E of 0.0001', "format('%E', 0.0001e0)", '1.000000E-04', 'varchar'],
    ['%e of -0.0', "format('%e', -0e0)", '-0.000000e+00', 'varchar'],
    ['%e of a decimal zero', "format('%e', DECIMAL '0.00')", '0.000000e-02', 'varchar'],
    ['%e of the largest double', "format('%e', 1.7976931348623157e308)", '1.797693e+308', 'varchar'],
    ['%.20e of 0.1', "format('%.20e', 0.1e0)", '1.00000000000000000000e-01', 'varchar'],
    ['%012.3e', "format('%012.3e', -1.5e0)", '-001.500e+00', 'varchar'],
    ['%(e', "format('%(e', -1.5e0)", '(1.500000e+00)', 'varchar'],
    ['a varchar NULL format', 'format(CAST(NULL AS varchar), 1)', null, 'varchar'],
  ],
  [['a NULL literal format', 'format(NULL, 1)', /format-argument.*Type of first argument to format\(\) must be VARCHAR \(actual: unknown\)/]],
);
