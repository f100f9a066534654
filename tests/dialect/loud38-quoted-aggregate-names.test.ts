// A quoted aggregate or window function name, `"count"(*)`, `"SUM"(x)`, `"rank"() OVER (…)`: Trino 476 resolves it
// as the plain name in lower case; the local engine refused it (unfaithful/quoted-function, an over-refusal left by
// loud37). quoted-aggregates.ts writes it plain before any check. Every expectation is the shared Trino 476's answer
// (value, type and column name), asked on 2026-12-07 (branch loud38).
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('a quoted aggregate or window function name', () => {
  it.each<[string, string[], unknown[][]]>([
    ['SELECT "count"(*), "SUM"(x), "max"(x) FROM (VALUES 1, 2) t(x)', ['_col0 bigint', '_col1 bigint', '_col2 integer'], [[2, 3, 2]]],
    [
      'SELECT x, "rank"() OVER (ORDER BY x), "row_number"() OVER (ORDER BY x) FROM (VALUES 1, 2) t(x) ORDER BY 1',
      ['x integer', '_col1 bigint', '_col2 bigint'],
      [
        [1, 1, 1],
        [2, 2, 2],
      ],
    ],
    [
      'SELECT "count"(*) FILTER (WHERE x > 1) AS c, "array_agg"(x ORDER BY x DESC) FROM (VALUES 1, 2) t(x)',
      ['c bigint', '_col1 array(integer)'],
      [[1, [2, 1]]],
    ],
    ['SELECT "sum"(x) FROM (VALUES 1, 2) t(x) GROUP BY x HAVING "count"(*) > 0 ORDER BY 1', ['_col0 bigint'], [[1], [2]]],
    // The same quoted words as names keep being names.
    ['WITH "rank"(x) AS (SELECT 1) SELECT x FROM "rank"', ['x integer'], [[1]]],
    ['SELECT "count".x FROM (VALUES 1) AS "count"(x)', ['x integer'], [[1]]],
  ])('%s', async (sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });
});
