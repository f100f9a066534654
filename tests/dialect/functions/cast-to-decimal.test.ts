// CAST(… AS DECIMAL(p, s)) as Trino 476 answers it (found by the third hunt, docs/issue-15-audit.md "Found by the third
// hunt"; every value and type below is the shared Trino 476's). https://trino.io/docs/current/functions/conversion.html
// (a value that cannot be cast fails; TRY_CAST gives NULL) and https://trino.io/docs/current/language/types.html#decimal.
// - A double or real is read through its shortest text (Java's Double.toString/Float.toString, BigDecimal.valueOf) and
//   rounded half up: 1.005E0 is 1.00499999999999989… in binary, yet CAST(1.005E0 AS DECIMAL(4, 2)) is 1.01 (DuckDB,
//   rounding the binary value: 1.00).
// - A text is a number as BigDecimal reads it: no spaces around it and no digit separator (DuckDB trims and reads 1_0).
import { describeFunctions } from './harness.js';

describeFunctions(
  'CAST to a decimal',
  [
    ['a double just below a half', 'CAST(1.005E0 AS DECIMAL(4, 2))', '1.01', 'decimal(4,2)'],
    ['a negative double', 'CAST(-1.005E0 AS DECIMAL(4, 2))', '-1.01', 'decimal(4,2)'],
    ['a double column', 'CAST(x AS DECIMAL(10, 2)) FROM (VALUES 0.285E0) t(x)', '0.29', 'decimal(10,2)'],
    ['a real', "CAST(REAL '1.005' AS DECIMAL(4, 2))", '1.01', 'decimal(4,2)'],
    ['a real column', "CAST(x AS DECIMAL(10, 2)) FROM (VALUES REAL '0.285') t(x)", '0.29', 'decimal(10,2)'],
    ['an aggregate', 'CAST(avg(x) AS DECIMAL(10, 2)) FROM (VALUES 1.0E0, 1.01E0) t(x)', '1.01', 'decimal(10,2)'],
    ['a third keeps its shortest digits', 'CAST(1.0E0 / 3 AS DECIMAL(20, 18))', '0.333333333333333300', 'decimal(20,18)'],
    ['a tenth at scale 37', 'CAST(0.1E0 AS DECIMAL(38, 37))', '0.1000000000000000000000000000000000000', 'decimal(38,37)'],
    ['a large double', 'CAST(1.2345678901234567E17 AS DECIMAL(20, 0))', '123456789012345660', 'decimal(20,0)'],
    ['TRY_CAST of a double', 'TRY_CAST(1.005E0 AS DECIMAL(4, 2))', '1.01', 'decimal(4,2)'],
    ['TRY_CAST of a double too large', 'TRY_CAST(1e10 AS DECIMAL(4, 2))', null, 'decimal(4,2)'],
    ['a double to DECIMAL', 'CAST(2.5E0 AS DECIMAL)', '3', 'decimal(38,0)'],
    ['a double NULL', 'CAST(CAST(NULL AS DOUBLE) AS DECIMAL(3, 1))', null, 'decimal(3,1)'],
    ['a decimal still rounds half up', "CAST(DECIMAL '1.25' AS DECIMAL(2, 1))", '1.3', 'decimal(2,1)'],
    ['a text with an exponent', "CAST('1e2' AS DECIMAL(5, 2))", '100.00', 'decimal(5,2)'],
    ['a text of a fraction only', "CAST('.5' AS DECIMAL(5, 2))", '0.50', 'decimal(5,2)'],
    ['TRY_CAST of a text with a space', "TRY_CAST(x AS DECIMAL(5, 2)) FROM (VALUES ' 1.5') t(x)", null, 'decimal(5,2)'],
    // DuckDB's text cast rounded an exponent form whose first digit lies two places past the scale up (0.01).
    ['a tiny double', 'CAST(6e-10 AS DECIMAL(10, 2))', '0.00', 'decimal(10,2)'],
    ['floating noise', 'CAST(x AS DECIMAL(10, 2)) FROM (VALUES 0.1E0 + 0.2E0 - 0.3E0) t(x)', '0.00', 'decimal(10,2)'],
    ['the smallest double at scale 37', 'CAST(5e-324 AS DECIMAL(38, 37))', '0.0000000000000000000000000000000000000', 'decimal(38,37)'],
    ['a tiny real', "CAST(REAL '6e-10' AS DECIMAL(10, 2))", '0.00', 'decimal(10,2)'],
    ['a text in exponent form', "CAST('6e-4' AS DECIMAL(10, 2))", '0.00', 'decimal(10,2)'],
    ['a negative text column in exponent form', "CAST(x AS DECIMAL(10, 2)) FROM (VALUES '-5e-300') t(x)", '0.00', 'decimal(10,2)'],
    ['an exponent form at the first dropped digit', "CAST('6e-3' AS DECIMAL(10, 2))", '0.01', 'decimal(10,2)'],
    ['a double at half a unit', 'CAST(0.005E0 AS DECIMAL(4, 2))', '0.01', 'decimal(4,2)'],
  ],
  [
    ['a space before the text', "CAST(' 1.5' AS DECIMAL(38, 2))", /^Cannot cast VARCHAR ' 1\.5' to DECIMAL\(38, 2\)\. Value is not a number\.$/],
    [
      'a tab after the text',
      "CAST(x AS DECIMAL(5, 2)) FROM (VALUES '1.5' || chr(9)) t(x)",
      /Cannot cast VARCHAR '1\.5\t' to DECIMAL\(5, 2\)\. Value is not a number\./,
    ],
    ['a digit separator', "CAST('1_0' AS DECIMAL(5, 2))", /Cannot cast VARCHAR '1_0' to DECIMAL\(5, 2\)\. Value is not a number\./],
    ['NaN', 'CAST(nan() AS DECIMAL(4, 2))', /Cannot cast DOUBLE 'NaN' to DECIMAL\(4, 2\)/],
  ],
);
