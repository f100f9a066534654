// A real -0.0 keeps its sign where it is written as Java's Float.toString (java-format.ts shortestFloat): format's %s,
// %f, %e and a real map key cast to JSON (docs/issue-15-audit.md "Types decided at translation"). Every value and
// type is the shared Trino 476's; locally the sign was lost ('0.0', '0.000000', '{"0.0":1}').
import { describeFunctions } from './harness.js';

describeFunctions('a real -0.0 written as Java writes a Float', [
  ['%s', "format('%s', REAL '-0.0')", '-0.0', 'varchar'],
  ['%f', "format('%f', REAL '-0.0')", '-0.000000', 'varchar'],
  ['%e', "format('%e', REAL '-0.0')", '-0.000000e+00', 'varchar'],
  ['a column', "format('%s|%f|%e|%.2f', x, x, x, x) FROM (VALUES REAL '-0.0') t(x)", '-0.0|-0.000000|-0.000000e+00|-0.00', 'varchar'],
  [
    'flags and widths',
    "format('%10.3f|%-8s|%+f|%(f', REAL '-0.0', REAL '-0.0', REAL '-0.0', REAL '-0.0')",
    '    -0.000|-0.0    |-0.000000|(0.000000)',
    'varchar',
  ],
  ['a positive zero', "format('%s %s', REAL '0.0', REAL '-1.5')", '0.0 -1.5', 'varchar'],
  ['a small negative', "format('%s|%.2f|%e', x, x, x) FROM (VALUES REAL '-0.001') t(x)", '-0.001|-0.00|-1.000000e-03', 'varchar'],
  ['a map key cast to JSON', "CAST(MAP(ARRAY[REAL '-0.0'], ARRAY[1]) AS JSON)", '{"-0.0":1}', 'json'],
]);
