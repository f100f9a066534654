// Decimal literals and VALUES of them at the 38-digit edge. Trino types a decimal literal by its digits without the
// integer part's leading zeros (https://trino.io/docs/current/language/types.html#decimal: "DECIMAL literals ... the
// precision is the number of digits"): 0.5 is decimal(1,1), 0.<38 digits> decimal(38,38), and a literal of more than
// 38 digits is INVALID_LITERAL. A VALUES column takes the common type of its values (the larger scale, the integer
// digits narrowed to fit 38), which holds `VALUES 0, 0.<38 digits>` as decimal(38,38); a value that does not fit fails
// ("Cannot cast INTEGER '1' to DECIMAL(38, 38)"). Every value and type below is Trino 476's, read on the oracle.
// DuckDB counted the leading zero (0.5 was DECIMAL(2,1), 0.<38 digits> a DOUBLE), and the local engine refused the
// VALUES column.
import { describeFunctions } from './functions/harness.js';

const D38 = '0.12345678901234567890123456789012345678';

describeFunctions(
  'decimal literals',
  [
    ['0.5 is decimal(1,1)', '0.5', '0.5', 'decimal(1,1)'],
    ['0.0 is decimal(1,1)', '0.0', '0.0', 'decimal(1,1)'],
    ['00.5 is decimal(1,1)', '00.5', '0.5', 'decimal(1,1)'],
    ['leading zeros before 1.5', '000000000000000000000000000000000000001.5', '1.5', 'decimal(2,1)'],
    ['0. is decimal(1,0)', '0.', '0', 'decimal(1,0)'],
    ['38 fraction digits', D38, D38, 'decimal(38,38)'],
    ['-0.5 times 3', '-0.5 * 3', '-1.5', 'decimal(11,1)'],
    ['a VALUES column of 0 and 38 fraction digits', `x FROM (VALUES 0, ${D38}) t(x) ORDER BY x DESC`, D38, 'decimal(38,38)'],
    ['with a NULL', `x FROM (VALUES 0, ${D38}, NULL) t(x) ORDER BY x NULLS FIRST`, null, 'decimal(38,38)'],
    ['0 in it', `x FROM (VALUES 0, ${D38}) t(x) ORDER BY x`, '0.00000000000000000000000000000000000000', 'decimal(38,38)'],
    [
      'a row column of typed literals',
      `x FROM (VALUES (1, -DECIMAL '0.5'), (2, BIGINT '0'), (3, ${D38})) t(k, x) ORDER BY k`,
      '-0.50000000000000000000000000000000000000',
      'decimal(38,38)',
    ],
  ],
  [
    ['39 digits', '0.123456789012345678901234567890123456789', /'0\.123456789012345678901234567890123456789' is not a valid DECIMAL literal/],
    // Trino 476: "Cannot cast INTEGER '1' to DECIMAL(38, 38)": refused before a run.
    ['a VALUES column whose values do not fit', `x FROM (VALUES 1, ${D38}) t(x)`, /VALUES: the decimal values of column 1 need more than 38 digits together/],
  ],
);
