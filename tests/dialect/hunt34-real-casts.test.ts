// Found by hand beside the random tier's runs of seeds 20261291 and on (docs/issue-15-audit.md, "Random hunt with new
// seeds … branch hunt34"): casts between real and the other number types where DuckDB failed "out of range" and Trino
// 476 answers. Every value and type below is Trino 476's answer, asked of the shared Trino.
import { describeFunctions } from './functions/harness.js';

describeFunctions('CAST(double AS real) past the real range is ±Infinity (Java rounds to the nearest float)', [
  ['a double past the real range', "CAST(DOUBLE '3.5e38' AS real)", Number.POSITIVE_INFINITY, 'real'],
  ['a negative double past the real range', "CAST(DOUBLE '-3.5e38' AS real)", Number.NEGATIVE_INFINITY, 'real'],
  ['the smallest double Java rounds to Infinity', "CAST(DOUBLE '3.4028235677973366e38' AS real)", Number.POSITIVE_INFINITY, 'real'],
  ['the double just below it rounds to the largest real', "CAST(DOUBLE '3.4028235677973362e38' AS real)", 3.4028235e38, 'real'],
  ['a decimal literal (a double in Trino) past the range', 'CAST(1e39 AS real)', Number.POSITIVE_INFINITY, 'real'],
  ['try_cast answers the same', "try_cast(DOUBLE '1e39' AS real)", Number.POSITIVE_INFINITY, 'real'],
  ['inside an array cast', "element_at(CAST(ARRAY[DOUBLE '1e39'] AS array(real)), 1)", Number.POSITIVE_INFINITY, 'real'],
  [
    'over a column, NaN and NULL kept',
    "WITH t(x) AS (VALUES DOUBLE '1e39', DOUBLE '-1e300', DOUBLE '1.5', nan(), NULL) SELECT array_join(array_agg(CAST(CAST(x AS real) AS varchar) ORDER BY x), ',', 'null') FROM t",
    '-Infinity,1.5E0,Infinity,NaN,null',
    'varchar',
  ],
  ['NaN stays NaN', 'CAST(nan() AS real)', Number.NaN, 'real'],
]);

describeFunctions(
  'CAST(real AS bigint) saturates at the bigint bounds (Math.round), where a double fails',
  [
    ['a real past 2^63', "CAST(REAL '1e19' AS bigint)", 9223372036854775807n, 'bigint'],
    ['a real below -2^63', "CAST(REAL '-1e19' AS bigint)", -9223372036854775808n, 'bigint'],
    ['the real 2^63', "CAST(REAL '9.223372e18' AS bigint)", 9223372036854775807n, 'bigint'],
    ['Infinity', "CAST(REAL 'Infinity' AS bigint)", 9223372036854775807n, 'bigint'],
    ['-Infinity', "CAST(REAL '-Infinity' AS bigint)", -9223372036854775808n, 'bigint'],
    ['try_cast answers the same', "try_cast(REAL '1e20' AS bigint)", 9223372036854775807n, 'bigint'],
    ['the largest real below 2^63 is exact', "CAST(REAL '9.2233715e18' AS bigint)", 9223371487098961920n, 'bigint'],
    ['a half rounds up', "CAST(REAL '2.5' AS bigint)", 3, 'bigint'],
    [
      'over a column',
      "WITH t(x) AS (VALUES REAL '1e20', REAL '-2.5', REAL '-1e20', NULL) SELECT array_join(array_agg(CAST(CAST(x AS bigint) AS varchar) ORDER BY x), ',', 'null') FROM t",
      '-9223372036854775808,-3,9223372036854775807,null',
      'varchar',
    ],
  ],
  [
    ['a double past 2^63 still fails', "CAST(DOUBLE '1e19' AS bigint)", /Out of range for bigint|Unable to cast/],
    ['a real NaN still fails', "CAST(REAL 'NaN' AS bigint)", /nan|NaN/],
    ['a real past the integer range still fails as integer', "CAST(REAL '1e20' AS integer)", /Out of range for integer/],
  ],
);

describeFunctions('CAST(decimal AS real or double) is the nearest value (DuckDB divided in the target type and rounded twice)', [
  ['a decimal between two reals, nearer the upper', "CAST(DECIMAL '16777217.5' AS real)", 16777218, 'real'],
  ['a hair past the tie of two reals', "CAST(DECIMAL '16777217.01' AS real)", 16777218, 'real'],
  ['negative', "CAST(DECIMAL '-16777217.01' AS real)", -16777218, 'real'],
  ['many digits to a real', "CAST(DECIMAL '1.0000000596046447754' AS real)", 1.0000001, 'real'],
  ['try_cast answers the same', "try_cast(DECIMAL '16777217.5' AS real)", 16777218, 'real'],
  ['inside an array cast', "element_at(CAST(ARRAY[DECIMAL '16777217.5'] AS array(real)), 1)", 16777218, 'real'],
  [
    'over a column of reals',
    "WITH t(x) AS (VALUES DECIMAL '16777217.000000000001', DECIMAL '16777219.000000000001', NULL) SELECT array_join(array_agg(CAST(CAST(CAST(x AS real) AS double) AS varchar) ORDER BY x), ',', 'null') FROM t",
    '1.6777218E7,1.677722E7,null',
    'varchar',
  ],
  ['more than 15 digits to a double', "CAST(DECIMAL '9007199254740993.0000000001' AS double)", 9007199254740994, 'double'],
  ['38 digits to a double', "CAST(DECIMAL '0.1000000000000000055511151231257827' AS double)", 0.1, 'double'],
  ['38 digits near one to a double', "CAST(DECIMAL '1.2345678901234567890123456789012345678' AS double)", 1.2345678901234567, 'double'],
  ['a short decimal to a double', "CAST(DECIMAL '1.25' AS double)", 1.25, 'double'],
  ['a NULL decimal', 'CAST(CAST(NULL AS decimal(20, 2)) AS double)', null, 'double'],
]);

describeFunctions("CAST(real AS decimal) rounds the real's shortest text half up, also at half a unit of the scale", [
  ['a real at half a unit of the scale', "CAST(REAL '0.005' AS decimal(10, 2))", '0.01', 'decimal(10,2)'],
  ['negative', "CAST(REAL '-0.005' AS decimal(10, 2))", '-0.01', 'decimal(10,2)'],
  ['scale 4', "CAST(REAL '5e-5' AS decimal(10, 4))", '0.0001', 'decimal(10,4)'],
  ['just below half a unit', "CAST(REAL '0.0049999' AS decimal(10, 2))", '0.00', 'decimal(10,2)'],
  ['a double at half a unit', "CAST(DOUBLE '0.005' AS decimal(10, 2))", '0.01', 'decimal(10,2)'],
  ['a double just below half a unit', "CAST(DOUBLE '0.004999999999999999' AS decimal(10, 2))", '0.00', 'decimal(10,2)'],
  [
    'over a column',
    "WITH t(x) AS (VALUES REAL '0.005', REAL '-0.005', REAL '0.0049999', NULL) SELECT array_join(array_agg(CAST(CAST(x AS decimal(10, 2)) AS varchar) ORDER BY x), ',', 'null') FROM t",
    '-0.01,0.00,0.01,null',
    'varchar',
  ],
]);
