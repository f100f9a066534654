// ceil/floor of decimal(38,0) and substr with lengths and starts at the ends of bigint (docs/issue-15-audit.md, loud40's
// leftovers; branch loud41). Trino 476's answers (value and type, or its failure), asked of the shared Trino, are
// written beside each case.
import { describe, expect, it } from 'vitest';
import { sharedLake } from './lake-helpers.js';

const NINES = '99999999999999999999999999999999999999';

describe('ceil/floor of decimal(38,0), substr at the ends of bigint', () => {
  const engine = sharedLake();

  it('ceil and floor keep a decimal(38,0) (Trino 476: the value itself, decimal(38,0); it failed "Cannot cast … to DECIMAL(38, 1)")', async () => {
    const result = await engine.execute(
      `SELECT ceil(DECIMAL '${NINES}') AS a, floor(DECIMAL '-${NINES}') AS b, ceil(DECIMAL '-${NINES}') AS c,
        floor(DECIMAL '${NINES}') AS d, ceil(CAST(NULL AS decimal(38,0))) AS e,
        ceil(DECIMAL '9999999999999999999999999999999999999.9') AS f, floor(DECIMAL '-1.5') AS g`,
    );
    expect(result.columns.map((c) => c.type)).toEqual([...Array(6).fill('decimal(38,0)'), 'decimal(2,0)']);
    expect(result.rows).toEqual([[NINES, `-${NINES}`, `-${NINES}`, NINES, null, '10000000000000000000000000000000000000', '-2']]);
  }, 120_000);

  it('substr with a length or a start at the ends of bigint (Trino 476: the values below, varchar and varbinary)', async () => {
    const result = await engine.execute(
      `SELECT substr('abc', 2, 9223372036854775807) AS a, substr('abc', -9223372036854775808) AS b,
        substr('abc', 1, 2147483648) AS c, substr('abc', -9223372036854775808, 2) AS d, substr('abc', 9223372036854775807) AS e,
        substr('abc', 9223372036854775807, 9223372036854775807) AS f, substr('abc', -3, 9223372036854775807) AS g,
        substr('abc', -2, 2147483646) AS h, SUBSTRING('abc' FROM 2 FOR 9223372036854775807) AS i,
        substr(X'010203', 1, 9223372036854775807) AS j, substr(X'010203', -3, 9223372036854775807) AS k,
        substr(X'010203', 2, 2147483646) AS l`,
    );
    expect(result.columns.map((c) => c.type)).toEqual([...Array(9).fill('varchar'), ...Array(3).fill('varbinary')]);
    expect(result.rows).toEqual([['bc', '', 'abc', '', '', '', 'abc', 'bc', 'bc', '010203', '010203', '0203']]);
  }, 120_000);

  it.each([
    // Trino 476: GENERIC_INTERNAL_ERROR "Range [1, 1 + -2) out of bounds for length 3" (its 32-bit end wraps around).
    "SELECT substr('abc', -2, 2147483647)",
    // Trino 476: "Range [2, 2 + -3) out of bounds for length 3".
    "SELECT substr('abc', -1, 9223372036854775807)",
    // Trino 476: "Range [1, 1 + 2147483647) out of bounds for length 3" (bytes from either end).
    "SELECT substr(X'010203', 2, 9223372036854775807)",
    "SELECT substr(X'010203', -2, 2147483647)",
  ])(
    '%s fails as in Trino',
    async (sql) => {
      await expect(engine.execute(sql)).rejects.toThrow(/Range out of bounds/);
    },
    120_000,
  );
});
