// array_sort with a comparator whose result is a NULL of type unknown (docs/issue-15-audit.md, bind41's loud leftover;
// branch loud42). Trino 476 fails at analysis: FUNCTION_NOT_FOUND "Unexpected parameters (array(integer), <function>)
// for function array_sort. Expected: array_sort(array(e)) E:orderable, array_sort(array(t), function(t,t,integer)) T";
// DuckDB failed "cast_to_type cannot be used to cast to NULL". A NULL written as the body is refused by `lake lint` at
// the call; a body whose type is unknown only once bound (a column of NULLs, an element of ARRAY[NULL, NULL]) while
// binding, with the same Trino error named.
import { describe, expect, it } from 'vitest';
import { checkFaithful } from '../../src/dialect/lint/index.js';
import { sharedLake } from './lake-helpers.js';

const FILE = 'sql/transforms/m.sql';
const UNKNOWN_RESULT = /FUNCTION_NOT_FOUND: Unexpected parameters for function array_sort: .*not a bigint, tinyint, decimal or a NULL of type unknown/;

describe('array_sort with a comparator returning a NULL of type unknown', () => {
  const engine = sharedLake();

  it.each([
    ['array_sort(ARRAY[3, 1, 2], (x, y) -> NULL)', 8],
    ['array_sort(ARRAY[3], (x, y) -> (NULL))', 8],
    ['array_sort(ARRAY[3, 1, 2], (x, y) -> IF(x < y, NULL, NULL))', 8],
    ['cardinality(array_sort(ARRAY[], (x, y) -> CASE WHEN x < y THEN NULL END))', 20],
  ])('lint refuses %s at the call (Trino 476: FUNCTION_NOT_FOUND)', (expression, col) => {
    expect(checkFaithful(`SELECT ${expression}`, { file: FILE })).toEqual([
      expect.objectContaining({
        file: FILE,
        line: 1,
        col,
        rule: 'unfaithful/lambda-type',
        message: expect.stringContaining('FUNCTION_NOT_FOUND (it expects function(t,t,integer))'),
        hint: expect.stringContaining('CAST(NULL AS integer)'),
      }),
    ]);
  });

  it.each([
    // Trino 476: FUNCTION_NOT_FOUND "Unexpected parameters (array(unknown), <function>) for function array_sort …".
    'SELECT array_sort(ARRAY[NULL, NULL], (x, y) -> x)',
    // Trino 476: FUNCTION_NOT_FOUND "Unexpected parameters (array(integer), <function>) …" (n is a column of NULLs).
    'SELECT array_sort(a, (x, y) -> n) FROM (VALUES (ARRAY[3, 1], NULL)) t(a, n)',
  ])(
    '%s is refused while binding, naming the unknown result',
    async (sql) => {
      await expect(engine.execute(sql)).rejects.toThrow(UNKNOWN_RESULT);
    },
    120_000,
  );

  it('answers a comparator returning an integer, and fails as Trino on an integer NULL', async () => {
    // Trino 476: [3, 2, 1] array(integer); [NULL, NULL] array(unknown).
    const result = await engine.execute(
      'SELECT array_sort(ARRAY[3, 1, 2], (x, y) -> IF(x < y, 1, IF(x = y, 0, -1))) AS a, array_sort(ARRAY[NULL, NULL], (x, y) -> 0) AS b',
    );
    expect(result.columns.map((c) => c.type)).toEqual(['array(integer)', 'array(unknown)']);
    expect(result.rows).toEqual([
      [
        [3, 2, 1],
        [null, null],
      ],
    ]);
    // Trino 476: INVALID_FUNCTION_ARGUMENT "Lambda comparator must return either -1, 0, or 1".
    await expect(engine.execute('SELECT array_sort(ARRAY[3, 1, 2], (x, y) -> CAST(NULL AS integer))')).rejects.toThrow(
      /Lambda comparator must return either -1, 0, or 1/,
    );
  }, 120_000);
});
