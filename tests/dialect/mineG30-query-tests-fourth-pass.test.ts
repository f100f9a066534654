// Found by replaying Trino's own query tests TestSelectAll, TestWindowFrameRows and TestWindowFrameGroups (io/trino/sql/
// query; docs/issue-15-audit.md "Trino's query tests replayed, fourth pass: TestS* to TestW*"): forms where the local
// engine answered and Trino 476 fails. Every expectation is Trino 476's answer (value and type) or its failure, asked
// of the shared Trino on 2026-12-06.
import { describe, expect, it } from 'vitest';
import { sharedLake, refusedAt, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

describe('a ROWS or GROUPS frame offset is an exact number of scale 0 in Trino', () => {
  it.each<[string, string, string]>([
    // Trino: TYPE_MISMATCH "Window frame ROWS start value type must be exact numeric type with scale 0 (actual
    // decimal(2,1))"; locally DuckDB cast the offset ([1, 2, 3], [1, 2], [1] for 1.5; TestWindowFrameRows' family).
    [
      'a DECIMAL literal',
      "SELECT array_agg(a) OVER(ORDER BY a ROWS BETWEEN DECIMAL '1.5' PRECEDING AND CURRENT ROW) FROM (VALUES 3, 2, 1) t(a)",
      'ROWS start.*decimal\\(2,1\\)',
    ],
    [
      'a decimal column',
      'SELECT array_agg(a) OVER(ORDER BY a ROWS BETWEEN x PRECEDING AND CURRENT ROW) FROM (VALUES (1, 1.5), (2, 1.5), (3, 1.5)) t(a, x)',
      'ROWS start.*decimal\\(2,1\\)',
    ],
    [
      'a double column',
      'SELECT array_agg(a) OVER(ORDER BY a ROWS BETWEEN x PRECEDING AND CURRENT ROW) FROM (VALUES (1, 1e0), (2, 1e0)) t(a, x)',
      'ROWS start.*double',
    ],
    [
      'the end offset',
      'SELECT array_agg(a) OVER(ORDER BY a ROWS BETWEEN 1 PRECEDING AND x FOLLOWING) FROM (VALUES (1, 1e0), (2, 1e0)) t(a, x)',
      'ROWS end.*double',
    ],
    [
      'GROUPS, a double column',
      'SELECT array_agg(a) OVER(ORDER BY a GROUPS BETWEEN x PRECEDING AND CURRENT ROW) FROM (VALUES (1, 1e0), (2, 1e0)) t(a, x)',
      'GROUPS start.*double',
    ],
    [
      'GROUPS, a decimal column',
      'SELECT array_agg(a) OVER(ORDER BY a GROUPS BETWEEN x PRECEDING AND CURRENT ROW) FROM (VALUES (1, 1.0), (2, 1.0)) t(a, x)',
      'GROUPS start.*decimal\\(2,1\\)',
    ],
    ['GROUPS, a real column', "SELECT array_agg(a) OVER(ORDER BY a GROUPS x PRECEDING) FROM (VALUES (1, REAL '1')) t(a, x)", 'GROUPS start.*real'],
    ['a varchar column', "SELECT array_agg(a) OVER(ORDER BY a ROWS BETWEEN x PRECEDING AND CURRENT ROW) FROM (VALUES (1, '1')) t(a, x)", 'ROWS start.*varchar'],
    [
      'a NULL-typed column',
      'SELECT array_agg(a) OVER(ORDER BY a ROWS BETWEEN x PRECEDING AND CURRENT ROW) FROM (VALUES (1, NULL)) t(a, x)',
      'ROWS start.*unknown',
    ],
    [
      'over no rows',
      'SELECT array_agg(a) OVER(ORDER BY a ROWS BETWEEN x PRECEDING AND CURRENT ROW) FROM (VALUES (1, 1.5)) t(a, x) WHERE a > 5',
      'ROWS start.*decimal\\(2,1\\)',
    ],
    [
      'in a WINDOW clause',
      'SELECT array_agg(a) OVER w FROM (VALUES (1, 1.5), (2, 1.5)) t(a, x) WINDOW w AS (ORDER BY a ROWS BETWEEN x PRECEDING AND CURRENT ROW)',
      'ROWS start.*decimal\\(2,1\\)',
    ],
  ])('%s: TYPE_MISMATCH', async (_name, sql, detail) => {
    await expect(engine.execute(sql)).rejects.toThrow(new RegExp(`TYPE_MISMATCH: Window frame ${detail}\\); CAST the offset to bigint`));
  });

  it.each<[string, string, unknown[][]]>([
    [
      'a decimal(1,0) column',
      "SELECT a, array_agg(a) OVER(ORDER BY a ROWS BETWEEN x PRECEDING AND CURRENT ROW) FROM (VALUES (1, DECIMAL '1'), (2, DECIMAL '1'), (3, DECIMAL '1')) t(a, x) ORDER BY a",
      [
        [1, [1]],
        [2, [1, 2]],
        [3, [2, 3]],
      ],
    ],
    [
      'a DECIMAL literal of scale 0',
      "SELECT a, array_agg(a) OVER(ORDER BY a ROWS BETWEEN DECIMAL '1' PRECEDING AND CURRENT ROW) FROM (VALUES 1, 2, 3) t(a) ORDER BY a",
      [
        [1, [1]],
        [2, [1, 2]],
        [3, [2, 3]],
      ],
    ],
    [
      'tinyint and smallint columns',
      "SELECT a, array_agg(a) OVER(ORDER BY a ROWS BETWEEN x PRECEDING AND y FOLLOWING) FROM (VALUES (1, TINYINT '1', SMALLINT '0'), (2, TINYINT '0', SMALLINT '1'), (3, TINYINT '2', SMALLINT '0')) t(a, x, y) ORDER BY a",
      [
        [1, [1]],
        [2, [2, 3]],
        [3, [1, 2, 3]],
      ],
    ],
    [
      'GROUPS, a bigint column',
      "SELECT a, array_agg(a) OVER(ORDER BY a GROUPS BETWEEN x PRECEDING AND CURRENT ROW) FROM (VALUES (1, BIGINT '1'), (2, BIGINT '1'), (3, BIGINT '1')) t(a, x) ORDER BY a",
      [
        [1, [1]],
        [2, [1, 2]],
        [3, [2, 3]],
      ],
    ],
    [
      'a decimal(20,0) column',
      'SELECT a, array_agg(a) OVER(ORDER BY a ROWS BETWEEN x PRECEDING AND CURRENT ROW) FROM (VALUES (1, CAST(1 AS decimal(20, 0))), (2, CAST(1 AS decimal(20, 0)))) t(a, x) ORDER BY a',
      [
        [1, [1]],
        [2, [1, 2]],
      ],
    ],
    [
      'a bigint literal',
      'SELECT a, array_agg(a) OVER(ORDER BY a ROWS BETWEEN 2 PRECEDING AND 1234567890123456789 FOLLOWING) FROM (VALUES 1, 2, 3) t(a) ORDER BY a',
      [
        [1, [1, 2, 3]],
        [2, [1, 2, 3]],
        [3, [1, 2, 3]],
      ],
    ],
  ])('%s answers as in Trino', async (_name, sql, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types: ['integer', 'array(integer)'] });
  });

  it('a RANGE offset may be a decimal', async () => {
    const sql = 'SELECT a, sum(a) OVER(ORDER BY a RANGE BETWEEN x PRECEDING AND CURRENT ROW) FROM (VALUES (1, 1.5), (2, 1.5), (3, 1.5)) t(a, x) ORDER BY a';
    expect(await rowsAndTypes(engine, sql)).toEqual({
      rows: [
        [1, 1],
        [2, 3],
        [3, 5],
      ],
      types: ['integer', 'bigint'],
    });
  });
});

describe('the qualifier of q.* names a relation in Trino, never a row column', () => {
  it.each<[string, string, string]>([
    // Trino: TABLE_NOT_FOUND "Unable to resolve reference r"; locally DuckDB expanded the struct column (1, 'a').
    ['a row column', "SELECT r.* FROM (SELECT CAST(ROW(1, 'a') AS ROW(x integer, y varchar)) r) t", 'r.*'],
    ['a column alias', "SELECT x.* FROM (SELECT CAST(ROW(1, 'a') AS ROW(f1 bigint, f2 varchar(1))) AS r) t(x)", 'x.*'],
    ['a NULL row', 'SELECT r.* FROM (SELECT CAST(NULL AS ROW(x integer, y varchar)) r) t', 'r.*'],
    ['a WITH query', "WITH s AS (SELECT CAST(ROW(1, 'a') AS ROW(x integer, y varchar)) r) SELECT r.* FROM s", 'r.*'],
    ['beside a column', 'SELECT k, r.* FROM (VALUES (1, CAST(ROW(2, 3) AS ROW(x integer, y integer)))) t(k, r)', 'r.*'],
    ['in a subquery', 'SELECT (SELECT count(*) FROM (SELECT r.* FROM (SELECT CAST(ROW(1) AS ROW(x integer)) r) q))', 'r.*'],
    // A relation r at another level does not count (Trino: TABLE_NOT_FOUND at 1:8).
    [
      'a relation of that name in a subquery',
      'SELECT r.* FROM (SELECT CAST(ROW(1, 2) AS ROW(x integer, y integer)) r) t WHERE EXISTS (SELECT 1 FROM (VALUES 1) r(z))',
      'r.*',
    ],
  ])('%s: TABLE_NOT_FOUND', async (_name, sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('column-star', sql, at));
  });

  it.each<[string, string, unknown[][], string[]]>([
    [
      'a relation holding a row column',
      "SELECT t.* FROM (SELECT CAST(ROW(1, 'a') AS ROW(x integer, y varchar)) r) t",
      [[{ x: 1, y: 'a' }]],
      ['row(x integer, y varchar)'],
    ],
    [
      'a relation named like nothing else',
      "SELECT r.* FROM (SELECT CAST(ROW(1, 'a') AS ROW(x integer, y varchar)) c) r",
      [[{ x: 1, y: 'a' }]],
      ['row(x integer, y varchar)'],
    ],
    ['a WITH query', 'WITH w AS (SELECT 1 AS a) SELECT w.* FROM w', [[1]], ['integer']],
    ['UNNEST', 'SELECT u.* FROM UNNEST(ARRAY[1, 2]) AS u(x) ORDER BY 1', [[1], [2]], ['integer']],
    ['a LATERAL subquery', 'SELECT s.* FROM (VALUES 1) t(a) CROSS JOIN LATERAL (SELECT a + 1 AS b) s', [[2]], ['integer']],
    ['a quoted upper-case name', 'SELECT "T".* FROM (VALUES (1, 2)) t(a, b)', [[1, 2]], ['integer', 'integer']],
    ['an outer join', 'SELECT o.* FROM (VALUES 1) t(a) LEFT JOIN (VALUES 2) o(b) ON true', [[2]], ['integer']],
    ['a parenthesized join', 'SELECT o.* FROM ((VALUES 1) t(a) JOIN (VALUES 2) o(b) ON true)', [[2]], ['integer']],
    ['a set operation', 'SELECT t.* FROM (VALUES 1) t(a) UNION ALL SELECT u.* FROM (VALUES 2) u(b) ORDER BY 1', [[1], [2]], ['integer']],
  ])('%s plans', async (_name, sql, rows, types) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });
});
