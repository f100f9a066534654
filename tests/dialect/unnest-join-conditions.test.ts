// `… JOIN UNNEST(x) u(y) ON <condition>`: Trino 476 (the shared oracle) joins an UNNEST only ON TRUE and fails
// otherwise with NOT_SUPPORTED "LEFT JOIN involving UNNEST is only supported with condition ON TRUE" (INNER, RIGHT and
// FULL alike); DuckDB filtered by the condition and answered. Found by replaying Trino's TestUnnest.
import { describe, expect, it } from 'vitest';
import { checkFaithful } from '../../src/dialect/lint/index.js';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('a join with UNNEST and a condition', () => {
  it.each([
    ['LEFT', 'SELECT * FROM (VALUES ARRAY[1, null]) a(x)\nLEFT OUTER JOIN UNNEST(x) b(y) ON b.y = 1', 32],
    ['INNER', 'SELECT * FROM (VALUES ARRAY[1, null]) a(x)\nJOIN UNNEST(x) WITH ORDINALITY AS b(y, n) ON y = n', 43],
    ['FULL', 'SELECT * FROM (VALUES ARRAY[1, null]) a(x)\nFULL JOIN UNNEST(ARRAY[2, null]) b(y) ON b.y = 1', 39],
  ])('a %s JOIN is refused at lint time at its ON', (side, sql, col) => {
    expect(checkFaithful(sql, { file: 'sql/transforms/m.sql' })).toEqual([
      expect.objectContaining({
        line: 2,
        col,
        rule: 'unfaithful/unnest-join-condition',
        message: expect.stringContaining(`${side} JOIN involving UNNEST is only supported with condition ON TRUE`),
      }),
    ]);
  });

  it('ON TRUE (in parentheses too) runs, as in Trino', async () => {
    expect(checkFaithful('SELECT y FROM (VALUES ARRAY[1]) a(x) LEFT JOIN UNNEST(x) b(y) ON (TRUE)', { file: 'm.sql' })).toEqual([]);
    expect(
      await namedResult(
        engine,
        'SELECT id, e FROM (VALUES (1, ARRAY[3, 4]), (2, NULL), (3, ARRAY[])) x(id, a) LEFT JOIN UNNEST(a) AS y(e) ON true ORDER BY 1, 2',
      ),
    ).toEqual({
      columns: ['id integer', 'e integer'],
      rows: [
        [1, 3],
        [1, 4],
        [2, null],
        [3, null],
      ],
    });
  });

  it('a later join ON a condition is not the UNNEST', () => {
    const sql = 'SELECT y FROM (VALUES ARRAY[1, 2]) a(x) LEFT JOIN UNNEST(x) b(y) ON TRUE LEFT JOIN (VALUES 1) c(z) ON c.z = b.y';
    expect(checkFaithful(sql, { file: 'm.sql' })).toEqual([]);
  });
});
