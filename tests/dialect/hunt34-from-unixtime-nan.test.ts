// Found by the random tier, seed 20261292 (docs/issue-15-audit.md, "Random hunt with new seeds … branch hunt34"):
// from_unixtime of NaN is the epoch in Trino 476 (Math.round(NaN) is 0); locally DuckDB failed "Out of range for
// bigint: nan". Every value and type is Trino 476's answer, asked of the shared Trino.
import { describeFunctions } from './functions/harness.js';

describeFunctions(
  'from_unixtime(NaN) is the epoch',
  [
    ['NaN', 'from_unixtime(nan())', '1970-01-01 00:00:00.000 UTC', 'timestamp(3) with time zone'],
    ['NaN in a zone', "from_unixtime(nan(), 'Europe/Berlin')", '1970-01-01 01:00:00.000 Europe/Berlin', 'timestamp(3) with time zone'],
    ['a real NaN', "from_unixtime(REAL 'NaN')", '1970-01-01 00:00:00.000 UTC', 'timestamp(3) with time zone'],
    ['the sqrt of -Infinity (seed 20261292, case 71)', 'year_of_week(from_unixtime(sqrt(-infinity())))', 1970, 'bigint'],
    [
      'over a column',
      "WITH t(x) AS (VALUES nan(), 1.5e0, NULL) SELECT array_join(array_agg(CAST(from_unixtime(x) AS varchar) ORDER BY x), ',', 'null') FROM t",
      '1970-01-01 00:00:01.500 UTC,1970-01-01 00:00:00.000 UTC,null',
      'varchar',
    ],
    ['rounding half up is kept', 'from_unixtime(0.5366)', '1970-01-01 00:00:00.537 UTC', 'timestamp(3) with time zone'],
  ],
  [['-Infinity still fails', 'from_unixtime(-infinity())', /Out of range for bigint|Millis overflow/]],
);
