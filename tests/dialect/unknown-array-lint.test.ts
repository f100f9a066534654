// `ARRAY[]` and `ARRAY[NULL, …]` have the element type `unknown` in Trino, whose overloads then differ from DuckDB's
// (docs/trino-oracle.md §12): Trino 476 fails `concat(ARRAY[], ARRAY[1])` and `ARRAY[NULL] || ARRAY[1]` with
// AMBIGUOUS_FUNCTION_CALL ("Could not choose a best candidate operator"), and types `transform(ARRAY[NULL], x -> x *
// 2.5)` array(decimal(3,1)). `lake lint` refuses them at the call's or the operator's position, with what to write.
import { describe, expect, it } from 'vitest';
import { checkFaithful } from '../../src/dialect/lint/index.js';

const FILE = 'sql/transforms/m.sql';

describe('lint of unknown-typed array elements', () => {
  it('refuses || of ARRAY[] and an integer array at the operator', () => {
    expect(checkFaithful('SELECT\n  ARRAY[1, 2] || ARRAY[] AS v', { file: FILE })).toEqual([
      expect.objectContaining({
        file: FILE,
        line: 2,
        col: 15,
        rule: 'unfaithful/unknown-array-concat',
        hint: expect.stringContaining('CAST(ARRAY[] AS array(integer))'),
      }),
    ]);
  });

  it('refuses concat() of ARRAY[NULL] and an array at the call', () => {
    expect(checkFaithful('SELECT concat(ARRAY[NULL], x) FROM (VALUES ARRAY[1]) t(x)', { file: FILE })).toEqual([
      expect.objectContaining({ file: FILE, line: 1, col: 8, rule: 'unfaithful/unknown-array-concat' }),
    ]);
  });

  it('refuses a lambda using the element of ARRAY[NULL] at the call', () => {
    expect(checkFaithful('SELECT transform(ARRAY[NULL], x -> x * 2.5) AS v', { file: FILE })).toEqual([
      expect.objectContaining({ file: FILE, line: 1, col: 8, rule: 'unfaithful/unknown-array-lambda', hint: expect.stringContaining('CAST(ARRAY[]') }),
    ]);
  });

  it('accepts typed arrays, arrays of arrays of NULLs alone, and lambdas that do not use the element', () => {
    expect(
      checkFaithful(
        'SELECT CAST(ARRAY[] AS array(integer)) || ARRAY[1], concat(ARRAY[], ARRAY[]), transform(ARRAY[], x -> x), filter(ARRAY[NULL], x -> true), transform(ARRAY[1], x -> x * 2)',
      ),
    ).toEqual([]);
  });
});
