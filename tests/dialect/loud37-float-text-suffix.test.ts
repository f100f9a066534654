// CAST of a text to real or double: Trino 476 parses it with Java's Float.parseFloat / Double.parseDouble, which read
// a decimal number followed by a type suffix f, F, d or D (the suffix does not change the target type). DuckDB failed
// "Could not convert string '1.1f' to FLOAT" (loud) and TRY_CAST answered NULL (silent). Every expectation is the
// shared Trino 476's answer (value and type), asked on 2026-12-07 (branch loud37).
import { describe, expect, it } from 'vitest';
import { sharedLake, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

describe('a real or double text with a type suffix', () => {
  it.each<[string, string, string[], unknown[][]]>([
    [
      'literals',
      "SELECT CAST('1.1f' AS real), CAST('1.1d' AS double), CAST('1.1F' AS real), CAST('2D' AS double), CAST('1.5f' AS double), CAST('1.5d' AS real)",
      ['real', 'double', 'real', 'double', 'double', 'real'],
      [[1.1, 1.1, 1.1, 2, 1.5, 1.5]],
    ],
    [
      'a column',
      "SELECT s, CAST(s AS real), CAST(s AS double) FROM (VALUES '1.1f', ' 2e1D ', '-7d') t(s) ORDER BY 1",
      ['varchar', 'real', 'double'],
      [
        [' 2e1D ', 20, 20],
        ['-7d', -7, -7],
        ['1.1f', 1.1, 1.1],
      ],
    ],
    [
      'TRY_CAST reads the suffix and rejects what Java rejects',
      "SELECT try_cast('1.5x' AS double), try_cast('1.5fd' AS double), try_cast('f' AS double), try_cast('1.5f ' AS double), try_cast('NaNf' AS double), try_cast(' -.5e3F' AS real), try_cast('1.5 f' AS double), try_cast('5.f' AS double), try_cast('.f' AS double)",
      ['double', 'double', 'double', 'double', 'double', 'real', 'double', 'double', 'double'],
      [[null, null, null, 1.5, null, -500, null, 5, null]],
    ],
    [
      'other casts unchanged',
      "SELECT CAST(json_parse('1.5') AS double), CAST(5 AS real), CAST(DECIMAL '2.5' AS double), CAST(CAST(NULL AS varchar) AS double)",
      ['double', 'real', 'double', 'double'],
      [[1.5, 5, 2.5, null]],
    ],
  ])('%s', async (_name, sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });

  it('a digit separator before a suffix still fails as in Trino', async () => {
    await expect(engine.execute("SELECT CAST('1_0f' AS double)")).rejects.toThrow("Cannot cast '1_0f' to DOUBLE");
  });
});
