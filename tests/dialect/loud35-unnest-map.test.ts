// UNNEST of a map (docs/issue-15-audit.md "min and max with a column count, UNNEST of a map (session of 2026-12-07
// early morning, branch loud35)"): Trino 476 gives a key column and a value column per entry (CROSS JOIN UNNEST(m) AS
// u(k, v) of MAP(ARRAY['a', 'b'], ARRAY[1, 2]) is ('a', 1), ('b', 2); with ORDINALITY the entries' positions), where the
// local engine failed with a misleading MISMATCHED_COLUMN_ALIASES or DuckDB's binder error. The translator does not
// know an argument's type, so the form is refused by name, with the rewrite both engines answer alike; the rewrite's
// answers (value, type and column name) and the array-of-maps answer were read from the shared Trino 476.
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('UNNEST of a map', () => {
  it.each([
    "SELECT m, k, v FROM (VALUES (1, MAP(ARRAY['a', 'b'], ARRAY[1, 2]))) t(i, m) CROSS JOIN UNNEST(m) AS u(k, v) ORDER BY k",
    'SELECT * FROM UNNEST(MAP(ARRAY[1], ARRAY[2]))',
    "SELECT * FROM UNNEST(MAP(ARRAY[1.5], ARRAY[DATE '2020-01-01'])) WITH ORDINALITY AS u(k, v, o)",
    'SELECT * FROM UNNEST(ARRAY[5], MAP(ARRAY[1], ARRAY[2])) AS u(a, k, v)',
  ])('is refused by name: %s', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(/UNNEST of a map is refused locally.*UNNEST\(map_keys\(m\), map_values\(m\)\)/);
  });

  it.each<[string, string[], unknown[][]]>([
    [
      "SELECT i, k, v, o FROM (VALUES (1, MAP(ARRAY['b', 'a'], ARRAY[1, 2])), (2, MAP(ARRAY['c'], ARRAY[3]))) t(i, m) CROSS JOIN UNNEST(map_keys(m), map_values(m)) WITH ORDINALITY AS u(k, v, o) ORDER BY i, o",
      ['i integer', 'k varchar', 'v integer', 'o bigint'],
      [
        [1, 'b', 1, 1],
        [1, 'a', 2, 2],
        [2, 'c', 3, 1],
      ],
    ],
    [
      'SELECT k, v FROM UNNEST(ARRAY[MAP(ARRAY[1], ARRAY[2])]) AS u(m) CROSS JOIN UNNEST(map_keys(m), map_values(m)) AS w(k, v)',
      ['k integer', 'v integer'],
      [[1, 2]],
    ],
    // An array of maps unnests into one map column (not refused).
    ['SELECT * FROM UNNEST(ARRAY[MAP(ARRAY[1], ARRAY[ARRAY[2]])]) AS u(m)', ['m map(integer, array(integer))'], [[{ 1: [2] }]]],
  ])('the rewrite answers as Trino: %s', async (sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });
});
