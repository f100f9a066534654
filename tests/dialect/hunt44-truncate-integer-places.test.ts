// truncate(x, n) of an integer x (tinyint, smallint, integer, bigint): Trino truncates it as its decimal(p,0) at n
// places, so a negative n cuts integer digits; the local integer overloads returned x unchanged (truncate(12345, -2):
// Trino 476 12300, locally 12345, silent). Found by hand (hunt44; docs/issue-15-audit.md, hunt44's section). Every
// expected value and type below is Trino 476's answer, asked of the shared Trino.
import { describe } from 'vitest';
import { caseTables, sharedLake } from './lake-helpers.js';

describe('truncate(x, n) of an integer x at n places', () => {
  const engine = sharedLake();
  const { answers } = caseTables(() => engine);

  answers([
    ['an integer literal, n = -2', 'SELECT truncate(12345, -2)', ['decimal(10,0)'], [['12300']]],
    ['a bigint, n = -3', 'SELECT truncate(CAST(12345 AS bigint), -3)', ['decimal(19,0)'], [['12000']]],
    ['a negative tinyint towards zero', "SELECT truncate(TINYINT '-125', -1)", ['decimal(3,0)'], [['-120']]],
    ['a smallint', "SELECT truncate(SMALLINT '32767', -4)", ['decimal(5,0)'], [['30000']]],
    ['the largest bigint', "SELECT truncate(BIGINT '9223372036854775807', -18)", ['decimal(19,0)'], [['9000000000000000000']]],
    [
      'integer columns, n from a column',
      'SELECT truncate(x, n) FROM (VALUES (125, -1), (125, 0), (NULL, -1), (-99, -2), (2147483647, -9), (2147483647, -10)) t(x, n)',
      ['decimal(10,0)'],
      [['120'], ['125'], [null], ['0'], ['2000000000'], ['0']],
    ],
    ['a column, a constant n', 'SELECT truncate(x, -1) FROM (VALUES 125, -125) t(x)', ['decimal(10,0)'], [['120'], ['-120']]],
    // The smallest integer count: Trino 476 answers 0 (locally the integer overloads gave 5; the decimal one failed
    // "integer subtraction overflow: 0 - -2147483648", loud).
    ['an integer at the smallest count', 'SELECT truncate(5, -2147483648)', ['decimal(10,0)'], [['0']]],
    ['a decimal at the smallest count', "SELECT truncate(DECIMAL '5.5', -2147483648)", ['decimal(2,1)'], [['0.0']]],
    // Unchanged by the fix: places at or past the scale, a NULL count.
    ['n past the scale', 'SELECT truncate(12345, 3)', ['decimal(10,0)'], [['12345']]],
    ['a NULL count', 'SELECT truncate(12345, NULL)', ['decimal(10,0)'], [[null]]],
  ]);
});
