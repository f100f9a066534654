// Found by the sixth hunt over functions (docs/issue-15-audit.md "Found by the sixth hunt, functions"); values, types
// and errors are the shared Trino 476's, each function called on VALUES columns.
// - round(integer, d) for d <= -19: Trino's 10^-d is a long, so it fails ("numerical overflow: 15"), 0 too; DuckDB
//   answered 0.
// - from_base64url reads the URL alphabet only: '+' and '/' fail (Java's URL decoder); locally they were read.
import { describeFunctions } from './harness.js';

describeFunctions(
  'sixth hunt: round of an integer to 19 or more places left',
  [
    ['18 places left is 0', 'round(x, n) FROM (VALUES (15, -18)) t(x, n)', 0, 'integer'],
    ['a bigint at 18 places left', "round(x, n) FROM (VALUES (BIGINT '5000000000000000000', -18)) t(x, n)", 5000000000000000000n, 'bigint'],
    ['a NULL integer', 'round(x, n) FROM (VALUES (CAST(NULL AS integer), -20)) t(x, n)', null, 'integer'],
    ['a double is still 0', 'round(x, -20) FROM (VALUES (15e0)) t(x)', 0, 'double'],
  ],
  [
    ['an integer', 'round(x, n) FROM (VALUES (15, -19)) t(x, n)', /numerical overflow: 15/],
    ['zero', 'round(x, n) FROM (VALUES (0, -19)) t(x, n)', /numerical overflow: 0/],
    ['a tinyint', "round(x, n) FROM (VALUES (TINYINT '15', -19)) t(x, n)", /numerical overflow: 15/],
    ['a smallint', "round(x, n) FROM (VALUES (SMALLINT '15', -30)) t(x, n)", /numerical overflow: 15/],
    ['a literal count', 'round(x, -20) FROM (VALUES (15)) t(x)', /numerical overflow: 15/],
    ['the lowest count', 'round(x, n) FROM (VALUES (15, -2147483648)) t(x, n)', /numerical overflow: 15/],
  ],
);

describeFunctions(
  'sixth hunt: from_base64url reads the URL alphabet only',
  [
    ['- and _', "from_base64url(s) FROM (VALUES ('-_8=')) t(s)", 'fbff', 'varbinary'],
    ['without padding', "from_base64url(s) FROM (VALUES ('-_8')) t(s)", 'fbff', 'varbinary'],
  ],
  [
    ['a +', "from_base64url(s) FROM (VALUES ('+/8=')) t(s)", /Illegal base64/],
    ['a /', "from_base64url(s) FROM (VALUES ('YQ/')) t(s)", /Illegal base64/],
  ],
);
