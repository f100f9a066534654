// Errors Trino raises too are shown in Trino 476's words (scripts/trino.sh), not DuckDB's: integer overflow
// ("integer addition overflow: 2147483647 + 1", https://trino.io/docs/current/language/types.html#integer),
// a cast out of range ("Out of range for tinyint: 300"), text that is not a number ("Cannot cast 'abc' to INT",
// https://trino.io/docs/current/functions/conversion.html) and division by zero. The patterns are anchored: the
// message is Trino's alone, without DuckDB's "Out of Range Error:" or "Conversion Error:" around it. Decimal arithmetic
// past 38 digits is "Decimal overflow" (NUMERIC_VALUE_OUT_OF_RANGE, https://trino.io/docs/current/language/types.html#decimal:
// precision up to 38), and what a shim's JavaScript raises in Trino's words (the long decimal division, parse_data_size)
// comes without DuckDB's "Invalid Input Error:".
import { describeFunctions } from './harness.js';

describeFunctions(
  'error wording',
  [['TRY still turns them into NULL', 'try(2147483647 + 1)', null, 'integer']],
  [
    ['integer addition', '2147483647 + 1', /^integer addition overflow: 2147483647 \+ 1$/],
    ['integer subtraction', '-2147483647 - 10', /^integer subtraction overflow: -2147483647 - 10$/],
    ['integer multiplication', '2147483647 * 2', /^integer multiplication overflow: 2147483647 \* 2$/],
    ['bigint addition', '9223372036854775807 + 1', /^bigint addition overflow: 9223372036854775807 \+ 1$/],
    ['a cast out of range', 'CAST(300 AS TINYINT)', /^Out of range for tinyint: 300$/],
    ['a bigint to an integer out of range', 'CAST(2147483648 AS INTEGER)', /^Out of range for integer: 2147483648$/],
    ['text to integer', "CAST('abc' AS INTEGER)", /^Cannot cast 'abc' to INT$/],
    ['text to bigint', "CAST('x' AS BIGINT)", /^Cannot cast 'x' to BIGINT$/],
    ['integer division by zero', '1 / 0', /^Division by zero$/],
    ['decimal addition past 38 digits', "DECIMAL '99999999999999999999999999999999999999' + DECIMAL '1'", /^Decimal overflow$/],
    ['decimal subtraction past 38 digits', "DECIMAL '-99999999999999999999999999999999999999' - DECIMAL '1'", /^Decimal overflow$/],
    ['decimal multiplication past 38 digits', "DECIMAL '99999999999999999999999999999999999999' * DECIMAL '10'", /^Decimal overflow$/],
    ['decimal addition past 38 digits with a scale', "DECIMAL '9999999999999999999999999999999999999.5' + DECIMAL '1'", /^Decimal overflow$/],
    ['long decimal division past 38 digits', "DECIMAL '12345678901234567890123456789.123456789' / DECIMAL '0.0000003'", /^Decimal overflow$/],
    [
      'parse_data_size past decimal(38)',
      "parse_data_size('1000000000000000000000000000000000000000000000 B')",
      /^Invalid data size: '1000000000000000000000000000000000000000000000 B'$/,
    ],
  ],
);
