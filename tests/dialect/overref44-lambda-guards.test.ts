// The nested type guard of overref44 (trino_nested_comparable) inside a lambda's body (issue 15; merge of the session of
// 2026-12-08 morning): its family key held a lambda of its own, which kept DuckDB from folding the guard there, so every
// comparison of nested values or IS DISTINCT FROM in a lambda failed ("Key name for struct_extract needs to be a
// constant string"). The key is now one regexp_replace per family. Every answer is the shared Trino 476's.
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('nested comparisons and IS DISTINCT FROM in lambda bodies', () => {
  it('answers as Trino 476', async () => {
    expect(await rowsAndTypes(engine, 'SELECT transform(ARRAY[ARRAY[1, 2]], x -> slice(x, 1, 2) = slice(x, 1, 1)) AS v')).toEqual({
      rows: [[[false]]],
      types: ['array(boolean)'],
    });
    expect(await rowsAndTypes(engine, 'SELECT transform(ARRAY[1], x -> x IS DISTINCT FROM i) AS v FROM (VALUES 1) t(i)')).toEqual({
      rows: [[[false]]],
      types: ['array(boolean)'],
    });
    expect(await rowsAndTypes(engine, 'SELECT filter(ARRAY[ARRAY[1, 2]], x -> x IN (ARRAY[1])) AS v')).toEqual({
      rows: [[[]]],
      types: ['array(array(integer))'],
    });
  });

  it('refuses arrays of two type families as Trino 476 does', async () => {
    // Trino 476: TYPE_MISMATCH "Cannot check if array(integer) is identical to array(varchar(1))".
    await expect(engine.execute("SELECT transform(ARRAY[ARRAY[1]], x -> x IS DISTINCT FROM a) AS v FROM (VALUES ARRAY['a']) t(a)")).rejects.toThrow(
      /TYPE_MISMATCH/,
    );
  });
});
