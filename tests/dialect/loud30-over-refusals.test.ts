// Over-refusals and loud failures (docs/issue-15-audit.md "Over-refusals and loud failures (session of 2026-12-06,
// branch loud30)"): forms the local engine refused or failed on where Trino 476 answers. Every expectation is Trino
// 476's answer (value, type and column name) or its error, asked of the shared Trino.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { namedResult, openLake } from './lake-helpers.js';

let engine: AthenaLocalEngine;
beforeAll(async () => {
  engine = await openLake();
});
afterAll(async () => engine.close());

describe('a select item ending in an operand is not an alias (ORDER BY x is not ambiguous)', () => {
  // Was refused as unfaithful/ambiguous-order-by: `NOT x` and `-x` were read as the alias x of NOT and -.
  it.each<[string, string[], unknown[][]]>([
    [
      'SELECT x, NOT x FROM (VALUES true, false) t(x) ORDER BY x',
      ['x boolean', '_col1 boolean'],
      [
        [false, true],
        [true, false],
      ],
    ],
    [
      'SELECT x, -x FROM (VALUES 1, 2) t(x) ORDER BY x',
      ['x integer', '_col1 integer'],
      [
        [1, -1],
        [2, -2],
      ],
    ],
    [
      'SELECT x, x IS NULL FROM (VALUES 1, NULL) t(x) ORDER BY x',
      ['x integer', '_col1 boolean'],
      [
        [1, false],
        [null, true],
      ],
    ],
    [
      'SELECT DISTINCT -x, x FROM (VALUES 1, 2, 2) t(x) ORDER BY x',
      ['_col0 integer', 'x integer'],
      [
        [-1, 1],
        [-2, 2],
      ],
    ],
    // FETCH … WITH TIES read `NOT x` as the alias x of the expression NOT.
    ['SELECT NOT x, x FROM (VALUES true, false) t(x) ORDER BY x FETCH FIRST 1 ROWS WITH TIES', ['_col0 boolean', 'x boolean'], [[true, false]]],
    [
      'SELECT -x, x FROM (VALUES 1, 2, 2) t(x) ORDER BY x DESC FETCH FIRST 1 ROWS WITH TIES',
      ['_col0 integer', 'x integer'],
      [
        [-2, 2],
        [-2, 2],
      ],
    ],
  ])('%s', async (sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  it.each([
    // Trino 476: AMBIGUOUS_NAME "Column 'x' is ambiguous".
    'SELECT x, y x FROM (VALUES (1, 2)) t(x, y) ORDER BY x',
    'SELECT x, -y AS x FROM (VALUES (1, 2)) t(x, y) ORDER BY x',
    'SELECT x, (NOT y) x FROM (VALUES (true, false)) t(x, y) ORDER BY x',
  ])('%s is still refused', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(/unfaithful\/ambiguous-order-by.*Column 'x' is ambiguous/);
  });
});
