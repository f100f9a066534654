// WITH RECURSIVE (Trino 476, the shared oracle). The set-operation type check wrapped each branch of a CTE's body in a
// subquery, which hid the CTE from its own recursive step: every recursive query whose step computed a value failed
// locally ('Circular reference to CTE "r"') where Trino answers (expressions.ts reads a recursive body as written).
// A body whose first branch hides its width (`SELECT *`) takes the width of a later branch for the alias-list check.
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('recursive WITH queries keep Trino’s answers', () => {
  it.each<[string, string, string[], unknown[][]]>([
    ['a counter', 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r ORDER BY n', ['n integer'], [[1], [2], [3]]],
    [
      'a base from VALUES',
      'WITH RECURSIVE r(n) AS (SELECT n FROM (VALUES 1) v(n) UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r ORDER BY n',
      ['n integer'],
      [[1], [2], [3]],
    ],
    [
      'a base of SELECT *',
      'WITH RECURSIVE r(n, m) AS (SELECT * FROM (VALUES (1, 2)) s(a, b) UNION ALL SELECT n + 1, m FROM r WHERE n < 3) SELECT * FROM r ORDER BY n',
      ['n integer', 'm integer'],
      [
        [1, 2],
        [2, 2],
        [3, 2],
      ],
    ],
    [
      'dates',
      "WITH RECURSIVE r(n, d) AS (SELECT 1, DATE '2025-01-01' UNION ALL SELECT n + 1, d + INTERVAL '1' DAY FROM r WHERE n < 2) SELECT * FROM r ORDER BY n",
      ['n integer', 'd date'],
      [
        [1, '2025-01-01'],
        [2, '2025-01-02'],
      ],
    ],
  ])('%s', async (_name, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  it('an alias list of another width than a SELECT * base fails as in Trino', async () => {
    // Trino: MISMATCHED_COLUMN_ALIASES "Column alias list has 1 entries but relation has 2 columns" (locally n, b).
    await expect(
      engine.execute('WITH RECURSIVE r(n) AS (SELECT * FROM (VALUES (1, 2)) s(a, b) UNION ALL SELECT n + 1, 2 FROM r WHERE n < 3) SELECT * FROM r'),
    ).rejects.toThrow(/MISMATCHED_COLUMN_ALIASES: Column alias list has 1 entries but relation has 2 columns/);
  });
});
