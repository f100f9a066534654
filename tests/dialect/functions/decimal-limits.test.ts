// round(decimal(p,s), d) and floor/ceil at the limits of Trino's decimals. Trino's RoundN rounds half away from zero
// in decimal(min(38, p + 1), s) (https://trino.io/docs/current/functions/math.html#round: "round(x, d) → [same as
// input]", the precision gaining a digit), and fails with `decimal overflow: <unscaled argument>` where the rounded
// value needs more than 38 digits or the scale change passes 38 digits; floor and ceil of a non-zero
// decimal(38,38) fail in Trino 476 (its powers of ten stop at 10^37). DuckDB rounded a decimal to d < 0 places to 0
// and answered those overflows (docs/trino-oracle.md §10). Every row is the value and type, or the error, Trino 476
// gave for the same SQL.
import { describeFunctions } from './harness.js';

const TINY = "DECIMAL '0.00000000000000000000000000000000000001'";
const ALMOST_MAX = "DECIMAL '9999999999999999999999999999999999999.9'";

describeFunctions(
  'decimals rounded at their limits',
  [
    ['round to tens', "round(DECIMAL '9.9', -1)", '10.0', 'decimal(3,1)'],
    ['round a negative to tens', "round(DECIMAL '-5', -1)", '-10', 'decimal(2,0)'],
    ['round to hundreds', "round(DECIMAL '55.55', -2)", '100.00', 'decimal(5,2)'],
    ['round past the integer digits', "round(DECIMAL '55', -3)", '0', 'decimal(3,0)'],
    ['round a decimal(18,0) gains a digit', 'round(CAST(5 AS decimal(18,0)), -1)', '10', 'decimal(19,0)'],
    ['round a NULL decimal(38,38) to tens', 'round(CAST(NULL AS decimal(38,38)), -1)', null, 'decimal(38,38)'],
    [
      'round a decimal(38,38) at 37 places',
      "round(DECIMAL '0.00000000000000000000000000000000000005', 37)",
      '0.00000000000000000000000000000000000010',
      'decimal(38,38)',
    ],
    ['round with more places than the scale', `round(-${ALMOST_MAX}, 2)`, '-9999999999999999999999999999999999999.9', 'decimal(38,1)'],
    ['round by 10^38', 'round(CAST(1 AS decimal(20,10)), -28)', '0.0000000000', 'decimal(21,10)'],
    ['floor of a zero decimal(38,38)', 'floor(CAST(0 AS decimal(38,38)))', '0', 'decimal(1,0)'],
  ],
  [
    ['ceil of a decimal(38,38)', `ceil(${TINY})`, /Index 38 out of bounds for length 38/],
    ['floor of a negative decimal(38,38)', 'floor(CAST(-0.5 AS decimal(38,38)))', /Index 38 out of bounds for length 38/],
    ['round a decimal(38,38) to tens', `round(${TINY}, -1)`, /decimal overflow: 1$/],
    ['round to 39 digits', `round(${ALMOST_MAX}, 0)`, /decimal overflow: 99999999999999999999999999999999999999$/],
    ['round the largest decimal to tens', "round(DECIMAL '99999999999999999999999999999999999999', -1)", /decimal overflow/],
    ['round by 10^39', 'round(CAST(0 AS decimal(38,10)), -29)', /decimal overflow: 0$/],
  ],
);
