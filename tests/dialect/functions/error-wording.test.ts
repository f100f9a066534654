// Errors Trino raises too are shown in Trino 476's words (scripts/trino.sh), not DuckDB's: integer overflow
// ("integer addition overflow: 2147483647 + 1", https://trino.io/docs/current/language/types.html#integer),
// a cast out of range ("Out of range for tinyint: 300"), text that is not a number ("Cannot cast 'abc' to INT",
// https://trino.io/docs/current/functions/conversion.html) and division by zero. The patterns are anchored: the
// message is Trino's alone, without DuckDB's "Out of Range Error:" or "Conversion Error:" around it.
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
  ],
);
