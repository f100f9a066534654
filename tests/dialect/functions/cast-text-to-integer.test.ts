// CAST(varchar AS tinyint | smallint | integer | bigint) reads what Trino 476 reads (found by asking both engines the
// same query; docs/issue-15-audit.md, "Found by the function hunt"): an optional sign and digits between spaces
// (Java's Long.parseLong of the trimmed text). DuckDB also read '1e3', '1.5' (rounded), '0x10' and '1_000'.
// https://trino.io/docs/current/functions/conversion.html#cast: a value that cannot be cast fails; TRY_CAST gives NULL.
import { describeFunctions } from './harness.js';

describeFunctions(
  'CAST of text to an integer type',
  [
    ['spaces around the digits', "CAST(' 12 ' AS INTEGER)", 12, 'integer'],
    ['a plus sign', "CAST('+5' AS TINYINT)", 5, 'tinyint'],
    ['a minus sign', "CAST('-5' AS BIGINT)", -5, 'bigint'],
    ['TRY_CAST of an exponent is NULL', "TRY_CAST('1e3' AS INTEGER)", null, 'integer'],
    ['TRY_CAST of digits', "TRY_CAST('12' AS INTEGER)", 12, 'integer'],
    ['a column', "CAST(x AS BIGINT) FROM (VALUES ' 7') t(x)", 7, 'bigint'],
    ['TRY_CAST of a column with a fraction', "TRY_CAST(x AS BIGINT) FROM (VALUES '1.5') t(x)", null, 'bigint'],
    ['a varchar NULL', 'CAST(CAST(NULL AS varchar) AS INTEGER)', null, 'integer'],
    ['a double still rounds half away from zero', 'CAST(2.5E0 AS INTEGER)', 3, 'integer'],
  ],
  [
    ['an exponent', "CAST('1e3' AS INTEGER)", /^Cannot cast '1e3' to INT$/],
    ['a hexadecimal number', "CAST('0x10' AS INTEGER)", /^Cannot cast '0x10' to INT$/],
    ['a fraction', "CAST('1.5' AS BIGINT)", /^Cannot cast '1\.5' to BIGINT$/],
    ['an underscore', "CAST('1_000' AS SMALLINT)", /^Cannot cast '1_000' to SMALLINT$/],
    ['a fraction in a column', "CAST(x AS TINYINT) FROM (VALUES '2.5') t(x)", /Cannot cast '2\.5' to TINYINT/],
  ],
);
