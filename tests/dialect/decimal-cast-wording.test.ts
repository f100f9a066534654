// A cast to a decimal that does not fit fails in Trino's words (INVALID_CAST_ARGUMENT,
// https://trino.io/docs/current/functions/conversion.html#cast; https://trino.io/docs/current/language/types.html#decimal),
// not DuckDB's "Conversion Error: Could not cast value …". Trino 476's messages, read on the differential oracle:
// "Cannot cast VARCHAR '1e40' to DECIMAL(38, 0). Value too large.", "Cannot cast VARCHAR 'abc' to DECIMAL(3, 1). Value
// is not a number.", "Cannot cast DOUBLE '1.0E40' to DECIMAL(38, 0)", "Cannot cast DOUBLE 'NaN' to DECIMAL(3, 1)",
// "Cannot cast INTEGER '12345' to DECIMAL(3, 1)", "Cannot cast DECIMAL(5, 2) '123.45' to DECIMAL(3, 1)". DuckDB's
// message does not name the type of an integer or decimal source, so those read without it.
import { describeFunctions } from './functions/harness.js';

describeFunctions(
  'decimal cast wording',
  [['TRY_CAST still gives NULL', "TRY_CAST('1e40' AS decimal(38,0))", null, 'decimal(38,0)']],
  [
    ['text too large', "CAST('1e40' AS decimal(38,0))", /^Cannot cast VARCHAR '1e40' to DECIMAL\(38, 0\)\. Value too large\.(?:\n|$)/],
    [
      'text too large for the integer digits',
      "CAST('123.45' AS decimal(3,1))",
      /^Cannot cast VARCHAR '123\.45' to DECIMAL\(3, 1\)\. Value too large\.(?:\n|$)/,
    ],
    ['text that is not a number', "CAST('abc' AS decimal(3,1))", /^Cannot cast VARCHAR 'abc' to DECIMAL\(3, 1\)\. Value is not a number\.(?:\n|$)/],
    ['a double too large', 'CAST(1e40 AS decimal(38,0))', /^Cannot cast DOUBLE '1\.0E40' to DECIMAL\(38, 0\)(?:\n|$)/],
    ['a negative double', 'CAST(-1e3 AS decimal(2,0))', /^Cannot cast DOUBLE '-1000\.0' to DECIMAL\(2, 0\)(?:\n|$)/],
    ['NaN', 'CAST(nan() AS decimal(3,1))', /^Cannot cast DOUBLE 'NaN' to DECIMAL\(3, 1\)(?:\n|$)/],
    ['-Infinity', 'CAST(-infinity() AS decimal(3,1))', /^Cannot cast DOUBLE '-Infinity' to DECIMAL\(3, 1\)(?:\n|$)/],
    ['an integer', 'CAST(12345 AS decimal(3,1))', /^Cannot cast '12345' to DECIMAL\(3, 1\)(?:\n|$)/],
    ['a bigint', "CAST(BIGINT '-12345' AS decimal(3,1))", /^Cannot cast '-12345' to DECIMAL\(3, 1\)(?:\n|$)/],
    ['a decimal', "CAST(DECIMAL '123.45' AS decimal(3,1))", /^Cannot cast '123\.45' to DECIMAL\(3, 1\)(?:\n|$)/],
  ],
);
