// Differences the differential oracle (`npm run test:trino`, docs/trino-oracle.md) found between the local engine and
// Trino 476, kept fixed here without Java: each case is Trino's value and type, or Trino's failure, as the oracle
// printed it. The row numbers are those of docs/trino-oracle.md.
import { describeFunctions } from './harness.js';

describeFunctions(
  'differences the oracle found',
  [
    // Row 28. Trino's round(integer, -n) rounds half away from zero and keeps the type
    // (https://trino.io/docs/current/functions/math.html, round(x, d): "the return type is the same as x").
    ['round(integer, -1) half away from zero', 'round(15, -1)', 20, 'integer'],
    ['round(negative integer, -1)', 'round(-15, -1)', -20, 'integer'],
    ['round(smallint, -1) stays a smallint', "round(SMALLINT '-7', -1)", -10, 'smallint'],
    ['round(bigint, -1) near the top', "round(BIGINT '9223372036854775800', -1)", 9223372036854775800n, 'bigint'],
  ],
  [
    // Row 28: DuckDB's round wrapped around (round(2147483647, -1) was -2147483646); Trino 476 fails.
    ['round(2147483647, -1) overflows', 'round(2147483647, -1)', /overflow|out of range/i],
    ['round(-2147483645, -1) overflows', 'round(-2147483645, -1)', /overflow|out of range/i],
    ['round(smallint) past its range', "round(SMALLINT '32765', -1)", /Out of range for smallint: 32770/],
  ],
);
