// a + b, a - b, a * b of columns that are not both integers go through the typed arithmetic shims (macros.ts
// unlessDecimal): DuckDB's add/subtract/multiply where no operand is a decimal and a is not NULL-typed, Trino's decimal
// arithmetic otherwise. These pairs fall on both sides of that choice; values and types are Trino 476's answers.
import { describeFunctions } from './harness.js';

const row =
  "FROM (VALUES (DOUBLE '1.5', REAL '2.25', INTEGER '3', BIGINT '4', DECIMAL '1.25', SMALLINT '5', CAST(NULL AS double), INTERVAL '1' DAY)) t(d, r, i, b, m, s, dn, iv)";
const unknown = "FROM (VALUES (NULL, DOUBLE '1.5', REAL '2.5', DECIMAL '1.25', 3, BIGINT '4')) t(x, d, r, m, i, b)";

describeFunctions(
  'arithmetic of columns keeps Trino’s type on either side of the decimal dispatch',
  [
    ['double + double', `d + d ${row}`, 3, 'double'],
    ['double - real', `d - r ${row}`, -0.75, 'double'],
    ['double * integer', `d * i ${row}`, 4.5, 'double'],
    ['real + real', `r + r ${row}`, 4.5, 'real'],
    ['real * integer', `r * i ${row}`, 6.75, 'real'],
    ['real - bigint', `r - b ${row}`, -1.75, 'real'],
    ['integer + real', `i + r ${row}`, 5.25, 'real'],
    ['smallint + real', `s + r ${row}`, 7.25, 'real'],
    ['bigint * real', `b * r ${row}`, 9, 'real'],
    ['decimal + double', `m + d ${row}`, 2.75, 'double'],
    ['double * decimal', `d * m ${row}`, 1.875, 'double'],
    ['double - decimal', `d - m ${row}`, 0.25, 'double'],
    ['real + decimal', `r + m ${row}`, 3.5, 'real'],
    ['decimal - real', `m - r ${row}`, -1, 'real'],
    ['decimal * real', `m * r ${row}`, 2.8125, 'real'],
    ['a NULL double + double', `dn + d ${row}`, null, 'double'],
    ['double * a NULL double', `d * dn ${row}`, null, 'double'],
    ['interval * double', `iv * d ${row}`, '1 12:00:00.000', 'interval day to second'],
    ['real + real in floats', "r + r2 FROM (VALUES (REAL '0.1', REAL '0.2')) t(r, r2)", 0.3, 'real'],
    ['a chain', `d + r + i * m ${row}`, 7.5, 'double'],
    ['sum of double + real', `sum(d + r) ${row}`, 3.75, 'double'],
    ['sum of real * integer', `sum(r * i) ${row}`, 6.75, 'real'],
    ['sum of real + real', `sum(r + r) ${row}`, 4.5, 'real'],
    // Decimals keep Trino's precision.
    ['decimal + decimal', `m + m ${row}`, '2.50', 'decimal(4,2)'],
    ['decimal - integer', `m - i ${row}`, '-1.75', 'decimal(13,2)'],
    ['bigint * decimal', `b * m ${row}`, '5.00', 'decimal(22,2)'],
    ['sum of decimal * decimal', `sum(m * m) ${row}`, '1.5625', 'decimal(38,4)'],
    // A NULL-typed left operand takes the other's type.
    ['unknown + double', `x + d ${unknown}`, null, 'double'],
    ['double + unknown', `d + x ${unknown}`, null, 'double'],
    ['unknown * real', `x * r ${unknown}`, null, 'real'],
    ['real - unknown', `r - x ${unknown}`, null, 'real'],
    ['unknown + decimal', `x + m ${unknown}`, null, 'decimal(4,2)'],
    ['unknown * decimal', `x * m ${unknown}`, null, 'decimal(4,2)'],
    ['decimal - unknown', `m - x ${unknown}`, null, 'decimal(4,2)'],
    ['unknown + integer', `x + i ${unknown}`, null, 'integer'],
    ['unknown - bigint', `x - b ${unknown}`, null, 'bigint'],
  ],
  [
    ['double + varchar', "d + s FROM (VALUES (DOUBLE '1.5', 'a')) t(d, s)", /Cannot apply operator: double \+ varchar/],
    ['boolean * double', "o * d FROM (VALUES (DOUBLE '1.5', true)) t(d, o)", /Cannot apply operator: boolean \* double/],
    ['real - varchar', "r - s FROM (VALUES (REAL '1.5', 'ab')) t(r, s)", /Cannot apply operator: real - varchar/],
  ],
);
