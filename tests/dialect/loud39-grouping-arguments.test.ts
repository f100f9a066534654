// grouping() of more than 31 arguments: Trino 476 types it bigint from 32 arguments on (integer up to 31) and fails
// TOO_MANY_ARGUMENTS past 63. Locally the result was cast to INTEGER whatever the count: a silent integer of 32
// arguments, and DuckDB's "Out of range for integer" where the bits passed 2^31 (loud). Every expectation is the shared
// Trino 476's answer (value and type) or its failure, asked on 2026-12-07 (branch loud39).
import { describe, expect, it } from 'vitest';
import { sharedLake, refusedAt, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

/** grouping() of n columns under ROLLUP of them, the two largest values. */
const rollup = (n: number): string => {
  const names = Array.from({ length: n }, (_, i) => `c${i}`).join(', ');
  const ones = Array.from({ length: n }, () => '1').join(', ');
  return `SELECT grouping(${names}) AS g FROM (VALUES (${ones})) t(${names}) GROUP BY ROLLUP(${names}) ORDER BY 1 DESC LIMIT 2`;
};

describe('grouping() of many arguments', () => {
  it.each<[number, string, unknown[][]]>([
    [31, 'integer', [[2147483647], [1073741823]]],
    [32, 'bigint', [[4294967295], [2147483647]]],
    [33, 'bigint', [[8589934591], [4294967295]]],
    // (the test helper reads a bigint past 2^53 as a BigInt)
    [63, 'bigint', [[9223372036854775807n], [4611686018427387903n]]],
  ])('%i arguments', async (n, type, rows) => {
    expect(await rowsAndTypes(engine, rollup(n))).toEqual({ rows, types: [type] });
  });

  it('64 arguments are refused (Trino 476: TOO_MANY_ARGUMENTS "GROUPING supports up to 63 column arguments")', async () => {
    const sql = rollup(64);
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('grouping-call', sql, 'grouping', 'TOO_MANY_ARGUMENTS'));
  });
});
