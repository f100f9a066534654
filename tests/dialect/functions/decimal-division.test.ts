// Result types of decimal division and modulus, as Trino gives them. The rules are Trino's DecimalOperators
// signatures (trinodb/trino core/trino-main/src/main/java/io/trino/type/DecimalOperators.java, and
// https://trino.io/docs/current/functions/decimal.html): a / b is decimal(min(38, p1 + s2 + max(s2 - s1, 0)),
// max(s1, s2)); a % b and mod(a, b) are decimal(min(p1 - s1, p2 - s2) + max(s1, s2), max(s1, s2)); an integer operand
// is read as decimal(10,0) (bigint 19, smallint 5, tinyint 3), a NULL as decimal(1,0). Every row is the value and
// type Trino 476 printed for the same SQL.
import { describeFunctions } from './harness.js';

describeFunctions(
  'decimal division and modulus result types',
  [
    ['decimal / integer', "DECIMAL '10.00' / 3", '3.33', 'decimal(4,2)'],
    ['decimal / decimal with a wider scale', "DECIMAL '1.5' / DECIMAL '0.003'", '500.000', 'decimal(7,3)'],
    ['integer / decimal', "10 / DECIMAL '0.3'", '33.3', 'decimal(12,1)'],
    ['bigint / decimal', "BIGINT '7' / DECIMAL '2.5'", '2.8', 'decimal(21,1)'],
    ['rounded half away from zero', "DECIMAL '-0.05' / 2", '-0.03', 'decimal(2,2)'],
    ['a negative divisor', "DECIMAL '0.05' / -2", '-0.03', 'decimal(2,2)'],
    ['37 integer digits', "DECIMAL '99999999999999999999999999999999999.9' / DECIMAL '0.1'", '999999999999999999999999999999999999.0', 'decimal(37,1)'],
    ['decimal / NULL', "DECIMAL '1.5' / NULL", null, 'decimal(2,1)'],
    ['NULL / decimal', "NULL / DECIMAL '1.5'", null, 'decimal(3,1)'],
    ['decimal columns', "x / y FROM (VALUES (DECIMAL '10.00', DECIMAL '3.5')) t(x, y)", '2.86', 'decimal(5,2)'],
    ['nested divisions keep the rule', "(x / y) / y FROM (VALUES (DECIMAL '10.00', 3)) t(x, y)", '1.11', 'decimal(4,2)'],
    ['sum(decimal) / count(*)', "sum(x) / count(*) FROM (VALUES DECIMAL '1.25', DECIMAL '2.5') t(x)", '1.88', 'decimal(38,2)'],
    ['inside a lambda', "transform(ARRAY[DECIMAL '1.5'], v -> v / 4)", ['0.4'], 'array(decimal(2,1))'],
    ['decimal % integer', "DECIMAL '10.00' % 3", '1.00', 'decimal(4,2)'],
    ['mod(decimal, decimal)', "mod(DECIMAL '10.00', DECIMAL '3.5')", '3.00', 'decimal(3,2)'],
    ['decimal % bigint', "DECIMAL '7.5' % BIGINT '2'", '1.5', 'decimal(2,1)'],
    ['mod(decimal(p,0), integer)', "mod(DECIMAL '10', 3)", '1', 'decimal(2,0)'],
    ['NULL % decimal', "NULL % DECIMAL '1.5'", null, 'decimal(2,1)'],
    [
      'mod of a decimal(38,38) stays exact',
      "mod(DECIMAL '0.00000000000000000000000000000000000001', 3)",
      '0.00000000000000000000000000000000000001',
      'decimal(38,38)',
    ],
    // other types keep theirs
    ['integer division truncates', '-7 / 2', -3, 'integer'],
    ['decimal / double is a double', "DECIMAL '1' / 3.0E0", 0.3333333333333333, 'double'],
    ['decimal / real is a real', "DECIMAL '10.00' / REAL '3'", 3.3333333, 'real'],
    ['mod(NULL, integer)', 'mod(NULL, 2)', null, 'integer'],
    // The dividend scaled to the quotient's scale passes 38 digits (Trino divides in 256 bits).
    ['a wide dividend', "DECIMAL '12345678901234567890123456789.123456789' / DECIMAL '0.3'", '41152263004115226300411522630.411522630', 'decimal(38,9)'],
    [
      '37 integer digits over a fraction',
      "DECIMAL '1234567890123456789012345678901234567' / DECIMAL '3.5'",
      '352733682892416225432098765400352733.4',
      'decimal(38,1)',
    ],
    [
      'a wide negative dividend',
      "DECIMAL '-1234567890123456789012345678901234567' / DECIMAL '3.5'",
      '-352733682892416225432098765400352733.4',
      'decimal(38,1)',
    ],
    [
      'wide columns with a negative divisor',
      "x / y FROM (VALUES (DECIMAL '12345678901234567890123456789.123456789', DECIMAL '-0.7')) t(x, y)",
      '-17636684144620811271604938270.176366841',
      'decimal(38,9)',
    ],
    [
      'a quotient of scale 38',
      "DECIMAL '0.00000000000000000000000000000000000002' / DECIMAL '-0.3'",
      '-0.00000000000000000000000000000000000007',
      'decimal(38,38)',
    ],
    ['try() of a quotient past 38 digits', "try(DECIMAL '1.5' / DECIMAL '0.00000000000000000000000000000000000003')", null, 'decimal(38,38)'],
    // Trino 476 rescales the dividend by 10^(max(s1, s2) - s1 + s2) and fails past 10^37, whatever the values.
    ['a dividend rescaled by 10^37', "DECIMAL '0.1' / DECIMAL '3.0000000000000000000'", '0.0333333333333333333', 'decimal(38,19)'],
    ['a NULL dividend rescaled by 10^74', 'CAST(NULL AS decimal(38,0)) / CAST(3 AS decimal(38,37))', null, 'decimal(38,37)'],
    // A dividend whose rescaled value fits 38 digits only without its scale (the HUGEINT path overflowed).
    ['a dividend of scale 18', 'CAST(1.374 AS decimal(20,18)) / CAST(-9.7932 AS decimal(5,4))', '-0.140301433647837275', 'decimal(24,18)'],
    [
      'a wide dividend of scale 10',
      "CAST(DECIMAL '100000000000000000000' AS decimal(38,10)) / CAST(3 AS decimal(10,2))",
      '33333333333333333333.3333333333',
      'decimal(38,10)',
    ],
    [
      'a difference of columns divided',
      '(x - y) / z FROM (VALUES (CAST(1.7463 AS decimal(5,4)), CAST(0.372280 AS decimal(18,18)), CAST(-9.7932 AS decimal(5,4)))) t(x, y, z)',
      '-0.140303475881223706',
      'decimal(24,18)',
    ],
    // A remainder whose operands' common type passes 38 digits: exact in Trino 476 (DuckDB's was a DOUBLE remainder).
    ['a remainder past 38 digits', 'CAST(2 AS decimal(38,0)) % CAST(0.7 AS decimal(38,37))', '0.6000000000000000000000000000000000000', 'decimal(38,37)'],
    [
      'a negative remainder past 38 digits',
      'CAST(-2 AS decimal(38,0)) % CAST(0.7 AS decimal(38,37))',
      '-0.6000000000000000000000000000000000000',
      'decimal(38,37)',
    ],
    [
      'a remainder of columns past 38 digits',
      'x % y FROM (VALUES (CAST(10000000000 AS decimal(38,0)), CAST(-3 AS decimal(38,37)))) t(x, y)',
      '1.0000000000000000000000000000000000000',
      'decimal(38,37)',
    ],
    ['an integer % a decimal past 38 digits', '2 % CAST(0.7 AS decimal(38,37))', '0.6000000000000000000000000000000000000', 'decimal(38,37)'],
    ['a remainder of 39 digits', 'CAST(2 AS decimal(21,0)) % CAST(0.7 AS decimal(19,18))', '0.600000000000000000', 'decimal(19,18)'],
  ],
  [
    // Trino 476: NUMERIC_VALUE_OUT_OF_RANGE.
    ['a quotient past 38 digits', "DECIMAL '1.5' / DECIMAL '0.00000000000000000000000000000000000003'", /Decimal overflow/],
    ['a dividend rescaled by 10^38', "DECIMAL '1' / DECIMAL '3.0000000000000000000'", /^Decimal overflow/],
    ['a zero dividend rescaled by 10^38', "DECIMAL '0' / DECIMAL '3.0000000000000000000'", /^Decimal overflow/],
    ['columns rescaled by 10^40', "x / y FROM (VALUES (DECIMAL '1.00', DECIMAL '3.000000000000000000000')) t(x, y)", /^Decimal overflow/],
    ['decimal division by zero', "DECIMAL '1.0' / 0", /Division by zero/],
    ['decimal modulus by zero', "DECIMAL '1.0' % 0", /Division by zero/],
    // Trino 476: AMBIGUOUS_FUNCTION_CALL (both operands unknown), refused at lint (docs/trino-oracle.md §12)
    ['NULL / NULL', 'NULL / NULL', /ambiguous-null-operator/],
  ],
);
