// Replays Trino's TestPivot (io/trino/sql/query; docs/issue-15-audit.md "Trino's query tests replayed: TestPivot,
// TestNearest, TestMatchPredicate and the other newer files", branch replay34). PIVOT is newer than Trino 476: every
// form of the file is a syntax error in the shared Trino 476, so Athena's too. DuckDB has a PIVOT and an UNPIVOT of its
// own and answered some of them (count(*) and arbitrary() slots, `FROM (PIVOT t ON c)`, `FROM (UNPIVOT t ON a, b)`):
// those are now reported as the syntax errors they are in Athena, at the word. Each expectation was asked of the
// shared Trino 476: the forms below fail SYNTAX_ERROR there; the alias forms answer as written.
import { describe, expect, it } from 'vitest';
import { sharedLake, refusedAt, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

const SALES =
  "WITH sales(region, month, amount) AS (VALUES ('NA', 1, BIGINT '100'), ('NA', 1, BIGINT '50'), ('NA', 2, BIGINT '70'), ('EU', 1, BIGINT '40'), ('EU', 3, BIGINT '20')) ";
const WIDE = "WITH sales(region, q1, q2) AS (VALUES ('NA', 1, 2), ('EU', 3, 4)) ";

describe("DuckDB's PIVOT and UNPIVOT are Athena's syntax errors", () => {
  it.each<[string, string, string]>([
    // Local answers before the fix (Trino 476: SYNTAX_ERROR "mismatched input '('" at the clause).
    ['a count(*) slot', `${SALES}SELECT * FROM sales PIVOT (count(*) FOR month IN (1, 2)) ORDER BY 1, 2, 3, 4`, 'PIVOT'],
    ['an arbitrary() slot', `${SALES}SELECT * FROM sales PIVOT (arbitrary(amount) FOR month IN (1, 2)) ORDER BY 1, 2, 3`, 'PIVOT'],
    ['the statement form in a subquery', `${SALES}SELECT * FROM (PIVOT sales ON month) ORDER BY 1, 2, 3, 4`, 'PIVOT'],
    ['UNPIVOT … INTO NAME … VALUE …', `${WIDE}SELECT * FROM (UNPIVOT sales ON q1, q2 INTO NAME quarter VALUE amount) ORDER BY 1, 2, 3`, 'UNPIVOT'],
    ['UNPIVOT with an alias', `${WIDE}SELECT * FROM (UNPIVOT sales ON q1, q2) u ORDER BY 1, 2, 3`, 'UNPIVOT'],
    ['PIVOT of a dotted name', 'SELECT * FROM (PIVOT default.sales ON month USING count(*)) ORDER BY 1', 'PIVOT'],
    ['the PIVOT statement', 'PIVOT sales ON month', 'PIVOT'],
    ['the UNPIVOT statement', 'UNPIVOT sales ON month INTO NAME k VALUE v', 'UNPIVOT'],
    // Failed with DuckDB's parser or binder wording before; TestPivot's own forms.
    ['TestPivot: no GROUP BY', `${SALES}SELECT * FROM sales PIVOT (sum(amount) FOR month IN (1 AS jan, 2 AS feb, 3 AS mar))`, 'PIVOT'],
    ['TestPivot: GROUP BY', `${SALES}SELECT * FROM sales PIVOT (sum(amount) FOR month IN (1 AS jan, 2 AS feb) GROUP BY region) ORDER BY region`, 'PIVOT'],
    [
      'TestPivot: two aggregates',
      `${SALES}SELECT * FROM sales PIVOT (sum(amount) AS total, count(amount) AS cnt FOR month IN (1 AS jan, 2 AS feb) GROUP BY region) ORDER BY region`,
      'PIVOT',
    ],
    [
      'TestPivot: a tuple of pivot columns',
      `${SALES}SELECT * FROM sales PIVOT (sum(amount) FOR (region, month) IN (('NA', 1) AS na_jan, ('EU', 1) AS eu_jan))`,
      'PIVOT',
    ],
    ['TestPivot: unaliased values', `${SALES}SELECT * FROM sales PIVOT (max(amount) FOR month IN (1, 2))`, 'PIVOT'],
    [
      'TestPivot: a relation alias',
      `${SALES}SELECT p.r, p.jan FROM sales PIVOT (sum(amount) FOR month IN (1 AS jan) GROUP BY region) AS p (r, jan) ORDER BY p.r`,
      'PIVOT',
    ],
    [
      'TestPivot: GROUP BY CUBE',
      `${SALES}SELECT * FROM sales PIVOT (sum(amount) AS total FOR month IN (1 AS jan) GROUP BY CUBE (region)) ORDER BY region NULLS FIRST`,
      'PIVOT',
    ],
    ['UNPIVOT (v FOR n IN (…))', `${WIDE}SELECT * FROM sales UNPIVOT (amount FOR quarter IN (q1, q2)) ORDER BY 1, 2, 3`, 'UNPIVOT'],
    ['UNPIVOT INCLUDE NULLS', `${WIDE}SELECT * FROM sales UNPIVOT INCLUDE NULLS (amount FOR quarter IN (q1, q2)) ORDER BY 1, 2, 3`, 'UNPIVOT'],
  ])('%s', async (_name, sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('syntax', sql, at));
  });

  it.each<[string, string, string[], unknown[][]]>([
    // Trino 476 reads the word as a name: a relation alias, with or without column aliases.
    ['pivot as an alias with column aliases', `${SALES}SELECT * FROM sales pivot (r, m, a) ORDER BY 1, 2, 3`, ['varchar', 'integer', 'bigint'], SALES_ROWS()],
    ['AS unpivot with column aliases', `${SALES}SELECT * FROM sales AS unpivot (r, m, a) ORDER BY 1, 2, 3`, ['varchar', 'integer', 'bigint'], SALES_ROWS()],
    ['a column named pivot', `${SALES}SELECT count(*) AS pivot FROM sales`, ['bigint'], [[5]]],
  ])('%s answers as Trino', async (_name, sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });
});

function SALES_ROWS(): unknown[][] {
  return [
    ['EU', 1, 40],
    ['EU', 3, 20],
    ['NA', 1, 50],
    ['NA', 1, 100],
    ['NA', 2, 70],
  ];
}
