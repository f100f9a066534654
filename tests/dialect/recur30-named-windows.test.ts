// Named windows that another window builds on (translate/named-window-frames.ts), as Trino 476 reads them: a
// definition naming an earlier one takes its PARTITION BY and ORDER BY (DuckDB dropped them when the window was named
// in parentheses, `OVER (w …)`: 6, 6, 6 where Trino gives 1, 3, 5); a GROUPS or RANGE offset over a named window
// without ORDER BY fails (MISSING_ORDER_BY; locally the whole partition was the frame); a PARTITION BY beside a window
// name fails (INVALID_PARTITION_BY; locally answered). Every expectation is the shared Trino 476's answer (value and
// type) or its failure, asked on 2026-12-06.
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake, refusedAt } from './lake-helpers.js';

const engine = sharedLake();

const FROM = 'FROM (VALUES (1, 1), (2, 1), (3, 2)) t(x, y)';

describe('a named window takes the clauses of the window it names', () => {
  it.each<[string, string, unknown[][]]>([
    [
      'OVER (w GROUPS 1 PRECEDING), w AS (v)',
      `SELECT x, sum(x) OVER (w GROUPS 1 PRECEDING) ${FROM} WINDOW v AS (ORDER BY x), w AS (v) ORDER BY x`,
      [
        [1, 1],
        [2, 3],
        [3, 5],
      ],
    ],
    [
      'OVER (w), w AS (v)',
      `SELECT x, sum(x) OVER (w) ${FROM} WINDOW v AS (ORDER BY x), w AS (v) ORDER BY x`,
      [
        [1, 1],
        [2, 3],
        [3, 6],
      ],
    ],
    [
      'OVER (w ORDER BY x), w AS (v PARTITION BY …)',
      `SELECT x, sum(x) OVER (w ORDER BY x) ${FROM} WINDOW v AS (PARTITION BY y), w AS (v) ORDER BY x`,
      [
        [1, 1],
        [2, 3],
        [3, 3],
      ],
    ],
    [
      'OVER (w), w AS (v ORDER BY x DESC)',
      `SELECT x, sum(x) OVER (w) ${FROM} WINDOW v AS (PARTITION BY y), w AS (v ORDER BY x DESC) ORDER BY x`,
      [
        [1, 3],
        [2, 2],
        [3, 3],
      ],
    ],
    [
      'three levels, GROUPS BETWEEN',
      `SELECT x, sum(x) OVER (w GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING) ${FROM} WINDOW u AS (ORDER BY x), v AS (u), w AS (v) ORDER BY x`,
      [
        [1, 3],
        [2, 6],
        [3, 5],
      ],
    ],
    [
      'OVER (w GROUPS 1 PRECEDING), w ordered',
      `SELECT x, sum(x) OVER (w GROUPS 1 PRECEDING) ${FROM} WINDOW w AS (ORDER BY x) ORDER BY x`,
      [
        [1, 1],
        [2, 3],
        [3, 5],
      ],
    ],
    [
      'GROUPS UNBOUNDED PRECEDING needs no ORDER BY',
      `SELECT x, sum(x) OVER (w GROUPS UNBOUNDED PRECEDING) ${FROM} WINDOW w AS (PARTITION BY y) ORDER BY x`,
      [
        [1, 3],
        [2, 3],
        [3, 3],
      ],
    ],
    [
      'ROWS over w AS (v ORDER BY x)',
      `SELECT x, sum(x) OVER (w ROWS 1 PRECEDING) ${FROM} WINDOW v AS (PARTITION BY y), w AS (v ORDER BY x) ORDER BY x`,
      [
        [1, 1],
        [2, 3],
        [3, 3],
      ],
    ],
  ])('%s', async (_name, sql, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns: ['x integer', '_col1 bigint'], rows });
  });
});

describe('named-window references Trino fails on are refused at lint', () => {
  it.each<[string, string, string, string]>([
    // Trino: MISSING_ORDER_BY "Window frame of type GROUPS PRECEDING or FOLLOWING requires ORDER BY".
    [
      'GROUPS over w without ORDER BY',
      'missing-order-by',
      `SELECT x, sum(x) OVER (w GROUPS 1 PRECEDING) ${FROM} WINDOW w AS (PARTITION BY x) ORDER BY x`,
      'GROUPS',
    ],
    ['GROUPS over an empty w', 'missing-order-by', `SELECT x, sum(x) OVER (w GROUPS 1 PRECEDING) ${FROM} WINDOW w AS () ORDER BY x`, 'GROUPS'],
    [
      'GROUPS in a subquery whose own w has no ORDER BY',
      'missing-order-by',
      'SELECT x, (SELECT max(z) OVER (w GROUPS 1 PRECEDING) FROM (VALUES 1) s(z) WINDOW w AS ()) FROM (VALUES 1) t(x) WINDOW w AS (ORDER BY x)',
      'GROUPS',
    ],
    // Trino: MISSING_ORDER_BY "Window frame of type RANGE PRECEDING or FOLLOWING requires ORDER BY" (locally a binder error).
    [
      'RANGE over w without ORDER BY',
      'missing-order-by',
      `SELECT x, sum(x) OVER (w RANGE 1 PRECEDING) ${FROM} WINDOW w AS (PARTITION BY y) ORDER BY x`,
      'RANGE',
    ],
    // Trino: INVALID_PARTITION_BY "WINDOW specification with named WINDOW reference cannot specify PARTITION BY".
    ['OVER (w PARTITION BY x)', 'window-partition-by', `SELECT x, sum(x) OVER (w PARTITION BY x) ${FROM} WINDOW w AS (ORDER BY y) ORDER BY x`, 'PARTITION'],
    [
      'w AS (v PARTITION BY y)',
      'window-partition-by',
      `SELECT x, sum(x) OVER (w GROUPS 1 PRECEDING) ${FROM} WINDOW v AS (ORDER BY x), w AS (v PARTITION BY y) ORDER BY x`,
      'PARTITION',
    ],
  ])('%s', async (_name, rule, sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt(rule, sql, at));
  });
});
