// The count of bitwise_left_shift, bitwise_right_shift and bitwise_right_shift_arithmetic is an integer parameter in
// Trino 476 (bitwise_left_shift(bigint, integer) and its tinyint/smallint/integer forms): a bigint count, even
// BIGINT '3' or the literal 9223372036854775807, fails FUNCTION_NOT_FOUND there ("Unexpected parameters (integer,
// bigint) for function bitwise_left_shift"), where the local engine shifted (docs/issue-15-audit.md, hunt42's section).
import { describe, expect, it } from 'vitest';
import { sharedLake } from './lake-helpers.js';

describe('a shift count of type bigint', () => {
  const engine = sharedLake();

  it.each([
    // Trino 476: FUNCTION_NOT_FOUND for each; locally 8, 0, 4, 4, 4.
    ["SELECT bitwise_left_shift(1, BIGINT '3')", 'bitwise_left_shift'],
    ['SELECT bitwise_left_shift(1, 9223372036854775807)', 'bitwise_left_shift'],
    ["SELECT bitwise_right_shift(8, BIGINT '1')", 'bitwise_right_shift'],
    ["SELECT bitwise_right_shift_arithmetic(8, BIGINT '1')", 'bitwise_right_shift_arithmetic'],
    ["SELECT bitwise_left_shift(x, n) FROM (VALUES (1, BIGINT '2')) AS t(x, n)", 'bitwise_left_shift'],
  ])('%s is refused', async (sql, fn) => {
    await expect(engine.execute(sql)).rejects.toThrow(`FUNCTION_NOT_FOUND: Unexpected parameters for function ${fn}: its shift count is bigint`);
  });

  it('counts of type tinyint, smallint and integer shift (Trino 476: 8 bigint, 8 integer, 0 integer, -4 bigint, -128 tinyint, NULL integer)', async () => {
    const result = await engine.execute(
      `SELECT bitwise_left_shift(BIGINT '1', TINYINT '3') AS a, bitwise_left_shift(1, SMALLINT '3') AS b, bitwise_right_shift(-1, 60) AS c,
        bitwise_right_shift_arithmetic(BIGINT '-8', TINYINT '1') AS d, bitwise_left_shift(TINYINT '1', 7) AS e, bitwise_left_shift(1, NULL) AS f`,
    );
    expect(result.columns.map((c) => c.type)).toEqual(['bigint', 'integer', 'integer', 'bigint', 'tinyint', 'integer']);
    expect(result.rows).toEqual([[8, 8, 0, -4, -128, null]]);
  });
});
