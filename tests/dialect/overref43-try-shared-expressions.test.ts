// Two try() calls sharing a subexpression (issue 15, docs/issue-15-audit.md, overref43's section; tryshort42 found it).
// DuckDB's common-subexpression pass computed the shared `10 / k` once, below both TRYs and outside them, so its failure
// failed the query ("Division by zero") where Trino 476 gives NULL. Each try()'s value is now computed in a lambda's
// body (try-escapes.ts apartFromOtherTries), which that pass does not enter, where the statement calls try() more than
// once. Every value and type below is the shared Trino 476's answer to the same SQL, asked on 2026-12-08.
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('two try() calls sharing a subexpression', () => {
  it('answers each try() as Trino does over literal rows and over rows Trino does not fold', async () => {
    expect(await rowsAndTypes(engine, 'SELECT k, try(10 / k > 1) a, try(10 / k > 2) b FROM (VALUES 0, 5) t(k) ORDER BY k')).toEqual({
      rows: [
        [0, null, null],
        [5, true, false],
      ],
      types: ['integer', 'boolean', 'boolean'],
    });
    expect(await rowsAndTypes(engine, 'SELECT k, try(10 / k) a, try(10 / k + 1) b FROM UNNEST(sequence(0, 5, 5)) t(k) ORDER BY k')).toEqual({
      rows: [
        [0, null, null],
        [5, 2, 3],
      ],
      types: ['bigint', 'bigint', 'bigint'],
    });
  });

  it('answers shared casts, aggregates of try() and try() in WHERE beside the select list', async () => {
    const casts = "SELECT k, try(CAST(s AS integer) + 1) a, try(CAST(s AS integer) * 2) b FROM (VALUES (1, 'x'), (2, '3')) t(k, s) ORDER BY k";
    expect(await rowsAndTypes(engine, casts)).toEqual({
      rows: [
        [1, null, null],
        [2, 4, 6],
      ],
      types: ['integer', 'integer', 'integer'],
    });
    expect(await rowsAndTypes(engine, 'SELECT sum(try(10 / k)), max(try(10 / k + 1)) FROM UNNEST(sequence(0, 5, 5)) t(k)')).toEqual({
      rows: [[2, 3]],
      types: ['bigint', 'bigint'],
    });
    expect(await rowsAndTypes(engine, 'SELECT k, try(10 / k) FROM UNNEST(sequence(0, 5, 5)) t(k) WHERE try(10 / k) IS NULL')).toEqual({
      rows: [[0, null]],
      types: ['bigint', 'bigint'],
    });
  });

  it('answers try() calls in lambdas and over constants', async () => {
    expect(await rowsAndTypes(engine, 'SELECT transform(ARRAY[0, 5], x -> try(10 / x)), transform(ARRAY[0, 5], x -> try(10 / x + 1))')).toEqual({
      rows: [
        [
          [null, 2],
          [null, 3],
        ],
      ],
      types: ['array(integer)', 'array(integer)'],
    });
    expect(await rowsAndTypes(engine, 'SELECT try(10 / 0 > 1), try(10 / 0 > 2)')).toEqual({ rows: [[null, null]], types: ['boolean', 'boolean'] });
  });

  // Trino 476: DIVISION_BY_ZERO (the shared value outside try() fails there too).
  it('still fails where the shared value is also computed outside try()', async () => {
    await expect(engine.execute('SELECT k, try(10 / k > 1), 10 / k FROM UNNEST(sequence(0, 5, 5)) t(k)')).rejects.toThrow(/Division by zero/);
  });
});
