// a % b (and mod(a, b)) of decimals where b has the larger scale: Trino 476 divides at the common scale in 128 bits and
// fails NUMERIC_VALUE_OUT_OF_RANGE "Decimal overflow" where the quotient's magnitude reaches 2^128; the local engine
// answered the exact remainder (`mod(DECIMAL '99999999999999999999999999999999999999', 1e-38)`: Trino fails, locally
// 0E-38; found by the random oracle, seed 20261337; hunt44's section of docs/issue-15-audit.md). Every expected value
// and failure is Trino 476's, asked of the shared Trino.
import { describe, expect, it } from 'vitest';
import { caseTables, sharedLake } from './lake-helpers.js';

describe('the remainder of decimals whose quotient passes 128 bits', () => {
  const engine = sharedLake();
  const { answers } = caseTables(() => engine);

  it.each([
    "SELECT mod(DECIMAL '99999999999999999999999999999999999999', DECIMAL '0.00000000000000000000000000000000000001')",
    "SELECT DECIMAL '99999999999999999999999999999999999999' % DECIMAL '0.1'",
    "SELECT DECIMAL '34028236692093846346337460743176821146' % DECIMAL '0.1'",
    "SELECT DECIMAL '-34028236692093846346337460743176821146' % DECIMAL '0.1'",
    "SELECT DECIMAL '68056473384187692692674921486353642292' % DECIMAL '0.2'",
    "SELECT DECIMAL '12345678901234567890' % DECIMAL '0.00000000000000000003'",
    "SELECT 4 % DECIMAL '0.00000000000000000000000000000000000001'",
    "SELECT x % y FROM (VALUES (DECIMAL '12345678901234567890', DECIMAL '0.00000000000000000001')) t(x, y)",
  ])('%s fails', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(/Decimal overflow/);
  });

  answers([
    // Just under 2^128 (the quotient 2^128 - 1), a larger divisor, the divisor rescaled, a NULL: Trino 476 answers.
    ['a quotient of 2^128 - 1', "SELECT DECIMAL '68056473384187692692674921486353642291' % DECIMAL '0.2' AS r", ['decimal(1,1)'], [['0.0']]],
    ['a quotient under 2^128', "SELECT DECIMAL '34028236692093846346337460743176821145' % DECIMAL '0.1' AS r", ['decimal(1,1)'], [['0.0']]],
    ['a larger divisor', "SELECT DECIMAL '99999999999999999999999999999999999999' % DECIMAL '-0.3' AS r", ['decimal(1,1)'], [['0.0']]],
    [
      'a negative dividend',
      "SELECT DECIMAL '-4' % DECIMAL '0.00000000000000000000000000000000000003' AS r",
      ['decimal(38,38)'],
      [['-0.00000000000000000000000000000000000001']],
    ],
    [
      'twenty digits over 7e-20',
      "SELECT DECIMAL '12345678901234567890' % DECIMAL '0.00000000000000000007' AS r",
      ['decimal(20,20)'],
      [['0.00000000000000000002']],
    ],
    ['the divisor rescaled', "SELECT DECIMAL '12345.6' % DECIMAL '34028236692093846346337460743176821146' AS r", ['decimal(6,1)'], [['12345.6']]],
    ['a NULL dividend', "SELECT CAST(NULL AS decimal(38,0)) % DECIMAL '0.1' AS r", ['decimal(1,1)'], [[null]]],
  ]);
});
