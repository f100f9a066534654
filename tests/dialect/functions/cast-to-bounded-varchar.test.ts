// CAST(x AS varchar(n)) as Trino 476 answers it (found by the third hunt, docs/issue-15-audit.md "Found by the third
// hunt"; values are the shared Trino 476's). A text longer than n is cut to n characters; any other value whose text
// does not fit fails: INVALID_CAST_ARGUMENT "Value 123 cannot be represented as varchar(2)" for numbers and dates, an
// internal "Character count exceeds length limit" for booleans, timestamps and JSON. DuckDB cut every text ('12').
// https://trino.io/docs/current/functions/conversion.html#cast (a value that cannot be cast fails).
import { describeFunctions } from './harness.js';

describeFunctions(
  'CAST to varchar(n)',
  [
    ['a text is cut', "CAST('abc' AS varchar(2))", 'ab', 'varchar'],
    ['a text column is cut', "CAST(x AS varchar(2)) FROM (VALUES 'abc') t(x)", 'ab', 'varchar'],
    ['an integer that fits', 'CAST(123 AS varchar(3))', '123', 'varchar'],
    ['a date that fits', "CAST(DATE '2025-01-01' AS varchar(10))", '2025-01-01', 'varchar'],
    ['a decimal that fits', "CAST(DECIMAL '1.50' AS varchar(4))", '1.50', 'varchar'],
    ['an aggregate that fits', 'CAST(sum(x) AS varchar(2)) FROM (VALUES 5, 7) t(x)', '12', 'varchar'],
    ['a JSON string that fits', `CAST(JSON '"ab"' AS varchar(2))`, 'ab', 'varchar'],
    ['an integer NULL', 'CAST(x AS varchar(2)) FROM (VALUES CAST(NULL AS integer)) t(x)', null, 'varchar'],
  ],
  [
    ['an integer too long', 'CAST(123 AS varchar(2))', /^Value 123 cannot be represented as varchar\(2\)/],
    ['a negative integer', 'CAST(-1 AS varchar(1))', /Value -1 cannot be represented as varchar\(1\)/],
    ['an integer column', 'CAST(x AS varchar(1)) FROM (VALUES 5, 12) t(x)', /Value 12 cannot be represented as varchar\(1\)/],
    ['a date', "CAST(DATE '2025-01-01' AS varchar(5))", /Value 2025-01-01 cannot be represented as varchar\(5\)/],
    ['a decimal', "CAST(DECIMAL '1.50' AS varchar(3))", /Value 1\.50 cannot be represented as varchar\(3\)/],
    ['a boolean', 'CAST(true AS varchar(3))', /cannot be represented as varchar\(3\)/],
    ['an aggregate', 'CAST(sum(x) AS varchar(1)) FROM (VALUES 5, 7) t(x)', /Value 12 cannot be represented as varchar\(1\)/],
    ['a JSON string', `CAST(JSON '"abc"' AS varchar(2))`, /cannot be represented as varchar\(2\)/],
  ],
);
