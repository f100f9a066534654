// CAST of a hexadecimal floating-point text to double or real: Trino 476 parses it with Java's Double.parseDouble /
// Float.parseFloat, which read `0x1p3` as 8.0 (a sign, hex digits with an optional point, a binary exponent p, an
// optional type suffix; rounded half even once to the target). DuckDB's cast failed "Could not convert string" (loud)
// and TRY_CAST answered NULL (silent). Every expectation is the shared Trino 476's answer (value and type), asked on
// 2026-12-07 (branch loud38).
import { describe, expect, it } from 'vitest';
import { sharedLake, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

describe('a hexadecimal floating-point text cast to double or real', () => {
  it.each<[string, string, string[], unknown[][]]>([
    [
      'CAST of literals',
      "SELECT CAST('0x1p3' AS double), CAST('0x1.8p1f' AS real), CAST('+0x1P+3' AS double), CAST(' -0X1.8P1d ' AS double), CAST('0x.8p0' AS double), CAST('0x1.p1' AS real)",
      ['double', 'real', 'double', 'double', 'double', 'real'],
      [[8, 3, 8, -3, 0.5, 2]],
    ],
    [
      'TRY_CAST reads what Java reads and nothing more',
      "SELECT TRY_CAST('0x1p3' AS double), TRY_CAST('0x1p' AS double), TRY_CAST('0x 1p3' AS double), TRY_CAST('0x1p3 f' AS double), TRY_CAST('0x1p1_0' AS double), TRY_CAST('0xp3' AS double), TRY_CAST('0x.p3' AS double), TRY_CAST('0x10' AS double), TRY_CAST('0x1p3f' AS real)",
      ['double', 'double', 'double', 'double', 'double', 'double', 'double', 'double', 'real'],
      [[8, null, null, null, null, null, null, null, 8]],
    ],
    [
      'doubles rounded half even at 53 bits, subnormals and overflow',
      "SELECT TRY_CAST('0x1p-1074' AS double), TRY_CAST('0x1p-1075' AS double), TRY_CAST('0x1p1024' AS double), TRY_CAST('0x1.fffffffffffff8p0' AS double), TRY_CAST('0x1.00000000000008p0' AS double), TRY_CAST('0x1.00000000000018p0' AS double), TRY_CAST('0x1p99999999999999999999' AS double), TRY_CAST('0x1p-99999999999999999999' AS double), 1 / TRY_CAST('-0x0p0' AS double)",
      ['double', 'double', 'double', 'double', 'double', 'double', 'double', 'double', 'double'],
      [[5e-324, 0, Number.POSITIVE_INFINITY, 2, 1, 1.0000000000000004, Number.POSITIVE_INFINITY, 0, Number.NEGATIVE_INFINITY]],
    ],
    [
      'reals rounded once at 24 bits (not through a double), subnormals and overflow',
      "SELECT TRY_CAST('0x1.000001p0' AS real), TRY_CAST('0x1.0000011p0' AS real), TRY_CAST('0x1.00000100000001p0' AS real), TRY_CAST('0x1p-149' AS real), TRY_CAST('0x1p-150' AS real), TRY_CAST('0x1.8p-150' AS real), TRY_CAST('0x1p128' AS real), TRY_CAST('0x1.fffffefp127' AS real), TRY_CAST('0x1.ffffffp127' AS real)",
      ['real', 'real', 'real', 'real', 'real', 'real', 'real', 'real', 'real'],
      [[1, 1.0000001, 1.0000001, 1.4e-45, 0, 1.4e-45, Number.POSITIVE_INFINITY, 3.4028235e38, Number.POSITIVE_INFINITY]],
    ],
    [
      'a column',
      "SELECT s, 1 / TRY_CAST(s AS double), CAST(s AS real) FROM (VALUES '-0x0p0', '0x1p3', ' 0x1.8p1 ', '1.5f', NULL) t(s) ORDER BY 1",
      ['varchar', 'double', 'real'],
      [
        [' 0x1.8p1 ', 1 / 3, 3],
        ['-0x0p0', Number.NEGATIVE_INFINITY, 0],
        ['0x1p3', 0.125, 8],
        ['1.5f', 1 / 1.5, 1.5],
        [null, null, null],
      ],
    ],
  ])('%s', async (_name, sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });

  it('a text Java does not read still fails', async () => {
    await expect(engine.execute("SELECT CAST('0x1p' AS double)")).rejects.toThrow('0x1p');
  });
});
