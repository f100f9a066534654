// Stars over row expressions (`CAST(… AS row(…)).*`, `(…).*`, `t.r.*`) and `t.*` of an outer query's relation inside a
// subquery or LATERAL (Trino's TestSelectAll, replayed in docs/issue-15-audit.md "Stars over row expressions and outer
// t.*"). DuckDB failed them all ("syntax error at or near *", "Referenced table t not found", "* expression without FROM
// clause"); column-stars.ts expandRowStars writes them as DuckDB's unnest(struct). Every expectation (names, types and
// values, or the failure) is Trino 476's, asked of the shared Trino on 2026-12-06.
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake, refusedAt } from './lake-helpers.js';

const engine = sharedLake();

const ROWS_F1 = 'VALUES ROW(CAST(ROW(1) AS ROW(f1 integer))), ROW(CAST(ROW(2) AS ROW(f1 integer)))';
const ROWS_XY = "VALUES ROW(CAST(ROW(1, 'a') AS ROW(x integer, y varchar))), ROW(CAST(ROW(2, 'b') AS ROW(x integer, y varchar)))";
const GROUPED = "VALUES (CAST(ROW(1) AS ROW(f integer)), 'a'), (CAST(ROW(2) AS ROW(f integer)), 'b'), (CAST(ROW(1) AS ROW(f integer)), 'a')";

describe('a star over a row expression expands its fields, named by them', () => {
  it.each<[string, string, string[], unknown[][]]>([
    ['a CAST to a row type', "SELECT CAST(ROW(1, 'a') AS ROW(f1 bigint, f2 varchar)).*", ['f1 bigint', 'f2 varchar'], [[1, 'a']]],
    [
      'in parentheses, beside a column',
      "SELECT (CAST(ROW(1, 'a') AS ROW(f1 bigint, f2 varchar))).*, 3",
      ['f1 bigint', 'f2 varchar', '_col2 integer'],
      [[1, 'a', 3]],
    ],
    ['a NULL row: a row of NULLs', 'SELECT CAST(NULL AS ROW(x integer, y varchar)).*', ['x integer', 'y varchar'], [[null, null]]],
    ['a quoted field name keeps its case', 'SELECT CAST(ROW(1, \'a\') AS ROW("Mixed" integer, q varchar)).*', ['Mixed integer', 'q varchar'], [[1, 'a']]],
    ['a function call', "SELECT element_at(ARRAY[CAST(ROW(1, 'a') AS ROW(p integer, q varchar))], 1).*", ['p integer', 'q varchar'], [[1, 'a']]],
    ['a row column of a relation, ORDER BY 1 DESC', `SELECT t.r.* FROM (${ROWS_F1}) t(r) ORDER BY 1 DESC`, ['f1 integer'], [[2], [1]]],
    ['read by name from a subquery', `SELECT f1 FROM (SELECT t.r.* FROM (${ROWS_F1}) t(r)) ORDER BY 1`, ['f1 integer'], [[1], [2]]],
    [
      'ORDER BY the second field',
      `SELECT t.r.* FROM (${ROWS_XY}) t(r) ORDER BY 2 DESC`,
      ['x integer', 'y varchar'],
      [
        [2, 'b'],
        [1, 'a'],
      ],
    ],
    [
      'GROUP BY the row, ORDER BY it',
      `SELECT t.r.* FROM (${ROWS_XY}) t(r) GROUP BY r ORDER BY r DESC`,
      ['x integer', 'y varchar'],
      [
        [2, 'b'],
        [1, 'a'],
      ],
    ],
    [
      'beside columns and an aggregate',
      `SELECT r, x, count(x), t.r.* FROM (${GROUPED}) t(r, x) GROUP BY r, x ORDER BY r, x DESC`,
      ['r row(f integer)', 'x varchar', '_col2 bigint', 'f integer'],
      [
        [{ f: 1 }, 'a', 2, 1],
        [{ f: 2 }, 'b', 1, 2],
      ],
    ],
    [
      'beside array_agg',
      `SELECT array_agg(x), t.r.* FROM (${GROUPED}) t(r, x) GROUP BY r ORDER BY r DESC`,
      ['_col0 array(varchar)', 'f integer'],
      [
        [['b'], 2],
        [['a', 'a'], 1],
      ],
    ],
    [
      'a nested row that is NULL',
      'SELECT t.r.b.* FROM (VALUES ROW(CAST(ROW(1, NULL) AS ROW(a integer, b ROW(c integer, d varchar))))) t(r)',
      ['c integer', 'd varchar'],
      [[null, null]],
    ],
    [
      'a NULL field, between columns',
      "SELECT k, t.r.*, k + 1 FROM (VALUES (1, CAST(ROW(NULL, 'q') AS ROW(x integer, y varchar)))) t(k, r)",
      ['k integer', 'x integer', 'y varchar', '_col3 integer'],
      [[1, null, 'q', 2]],
    ],
    [
      'a NULL row and a NULL field',
      'SELECT k, t.r.* FROM (VALUES (1, CAST(NULL AS ROW(x integer, y varchar))), (2, CAST(ROW(3, NULL) AS ROW(x integer, y varchar)))) t(k, r) ORDER BY k',
      ['k integer', 'x integer', 'y varchar'],
      [
        [1, null, null],
        [2, 3, null],
      ],
    ],
    [
      'beside *',
      "SELECT *, t.r.* FROM (VALUES (1, CAST(ROW(2, 'w') AS ROW(x integer, y varchar)))) t(k, r)",
      ['k integer', 'r row(x integer, y varchar)', 'x integer', 'y varchar'],
      [[1, { x: 2, y: 'w' }, 2, 'w']],
    ],
    ['twice: the name twice', 'SELECT t.r.*, t.r.* FROM (VALUES ROW(CAST(ROW(1) AS ROW(f1 integer)))) t(r)', ['f1 integer', 'f1 integer'], [[1, 1]]],
    [
      'a map field',
      "SELECT t.r.* FROM (VALUES ROW(CAST(ROW(1, MAP(ARRAY['k'], ARRAY[2])) AS ROW(a integer, m map(varchar, integer))))) t(r)",
      ['a integer', 'm map(varchar, integer)'],
      [[1, { k: 2 }]],
    ],
    [
      'a zoned timestamp field',
      "SELECT t.r.* FROM (VALUES ROW(CAST(ROW(TIMESTAMP '2020-01-01 00:00:00 UTC', 2) AS ROW(z timestamp(3) with time zone, b integer)))) t(r)",
      ['z timestamp(3) with time zone', 'b integer'],
      [['2020-01-01 00:00:00.000 UTC', 2]],
    ],
    [
      'DISTINCT',
      "SELECT DISTINCT t.r.* FROM (VALUES ROW(CAST(ROW(1, 'a') AS ROW(x integer, y varchar))), ROW(CAST(ROW(1, 'a') AS ROW(x integer, y varchar)))) t(r)",
      ['x integer', 'y varchar'],
      [[1, 'a']],
    ],
    [
      'a branch of UNION ALL',
      "SELECT t.r.* FROM (VALUES ROW(CAST(ROW(1, 'a') AS ROW(x integer, y varchar)))) t(r) UNION ALL SELECT 3, 'c' ORDER BY 1",
      ['x integer', 'y varchar'],
      [
        [1, 'a'],
        [3, 'c'],
      ],
    ],
    ['a WITH query', "WITH w AS (SELECT CAST(ROW(1, 'a') AS ROW(x integer, y varchar)) AS r) SELECT w.r.* FROM w", ['x integer', 'y varchar'], [[1, 'a']]],
    ['over no rows', `SELECT t.r.* FROM (${ROWS_F1}) t(r) WHERE false`, ['f1 integer'], []],
  ])('%s', async (_name, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  it.each<[string, string]>([
    // Trino: TYPE_MISMATCH "expected expression of type Row"; DuckDB's unnest would give an array's elements as rows.
    ['an array', 'SELECT ARRAY[1, 2].*'],
    // The local zoned value is a struct: its parts would have been columns.
    ['a zoned timestamp', "SELECT TIMESTAMP '2020-01-01 00:00:00 UTC'.*"],
  ])('%s is no row: fails', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(/TYPE_MISMATCH: a star over an expression \(expr\.\*\) needs a row value/);
  });

  it.each<[string, string]>([
    // Trino answers `_col3 integer` (1, 2 …) and `_col0 integer, _col1 varchar`: names the local engine cannot give.
    ['ROW(1)', "SELECT r, x, count(x), t.r.* FROM (VALUES (ROW(1), 'a'), (ROW(2), 'b')) t(r, x) GROUP BY r, x ORDER BY r, x DESC"],
    ['a zip() element', "SELECT t.r.* FROM (VALUES ROW(zip(ARRAY[1], ARRAY['a'])[1])) t(r)"],
  ])('a row without field names (%s) is refused', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(/a star over a row whose fields have no names/);
  });
});

describe("t.* of an outer query's relation reads its row", () => {
  it.each<[string, string, string[], unknown[][]]>([
    ['a scalar subquery without FROM', 'SELECT (SELECT t.*) FROM (VALUES 1, 2) t(a) ORDER BY 1', ['_col0 integer'], [[1], [2]]],
    ['over a one-row VALUES', 'SELECT (SELECT t.* FROM (VALUES 0)) FROM (VALUES 1, 2) t(a) ORDER BY 1', ['_col0 integer'], [[1], [2]]],
    ['LIMIT 5', 'SELECT (SELECT t.* FROM (VALUES 0) LIMIT 5) FROM (VALUES 1, 2) t(a) ORDER BY 1', ['_col0 integer'], [[1], [2]]],
    ['a NULL value', 'SELECT (SELECT t.*) FROM (VALUES CAST(NULL AS integer)) t(a)', ['_col0 integer'], [[null]]],
    ['the inner t shadows the outer', 'SELECT (SELECT t.* FROM (VALUES 0) t) FROM (VALUES 1) t(a)', ['_col0 integer'], [[0]]],
    ['two levels in', 'SELECT(SELECT(SELECT t.* FROM (VALUES 0)) FROM (VALUES 1) t(a)) FROM (VALUES 2) t(a)', ['_col0 integer'], [[1]]],
    ['EXISTS', 'SELECT EXISTS(SELECT t.* FROM (VALUES 0)) FROM (VALUES 1, 2) t(a)', ['_col0 boolean'], [[true], [true]]],
    [
      'EXISTS with a correlated WHERE',
      'SELECT a, EXISTS(SELECT t.* FROM (VALUES 1) t2(b) WHERE t2.b > t.a) FROM (VALUES 0, 2) t(a) ORDER BY 1',
      ['a integer', '_col1 boolean'],
      [
        [0, true],
        [2, false],
      ],
    ],
    [
      'LATERAL with an alias list',
      'SELECT t.a, t2.d FROM (VALUES (0, 1), (2, 3)) t(a, b), LATERAL (SELECT t.*) t2(c, d) ORDER BY 1',
      ['a integer', 'd integer'],
      [
        [0, 1],
        [2, 3],
      ],
    ],
    [
      'LATERAL beside another column',
      "SELECT * FROM (VALUES (1, 'x')) t(a, b), LATERAL (SELECT t.*, 7 AS c)",
      ['a integer', 'b varchar', 'a integer', 'b varchar', 'c integer'],
      [[1, 'x', 1, 'x', 7]],
    ],
    ['LATERAL without FROM, LIMIT 5', 'SELECT * FROM (VALUES 0) t(a), LATERAL (SELECT t.* LIMIT 5)', ['a integer', 'a integer'], [[0, 0]]],
    ['LATERAL without FROM, LIMIT 0', 'SELECT * FROM (VALUES 0, 1) t(a), LATERAL (SELECT t.* LIMIT 0)', ['a integer', 'a integer'], []],
    [
      'a LATERAL inside a LATERAL',
      'SELECT * FROM (VALUES 0, 1) t(a), LATERAL (SELECT t2.* from (VALUES 3, 4) t2(b), LATERAL (SELECT t.*)) ORDER BY 1, 2',
      ['a integer', 'b integer'],
      [
        [0, 3],
        [0, 4],
        [1, 3],
        [1, 4],
      ],
    ],
    [
      'a LATERAL inside a LATERAL, read by its alias',
      'SELECT * FROM (VALUES 0, 1) t(a), LATERAL (SELECT t2.b from (VALUES 2), LATERAL (SELECT t.*) t2(b)) ORDER BY 1',
      ['a integer', 'b integer'],
      [
        [0, 0],
        [1, 1],
      ],
    ],
  ])('%s', async (_name, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  it.each<[string, string]>([
    // Trino: NOT_SUPPORTED "Given correlated subquery is not supported" for each; the local engine answered (no row).
    ['LATERAL without FROM under WHERE false', 'SELECT * FROM (VALUES 0, 1) t(a), LATERAL (SELECT t.* WHERE false)'],
    ['a scalar subquery without FROM under WHERE false', 'SELECT (SELECT t.* WHERE false) FROM (VALUES 1) t(a)'],
    ['under WHERE 1 = 0', 'SELECT * FROM (VALUES 0, 1) t(a), LATERAL (SELECT t.* WHERE 1 = 0)'],
    ['OFFSET', 'SELECT * FROM (VALUES 0, 1) t(a), LATERAL (SELECT t.* OFFSET 1)'],
  ])('%s: refused', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('correlated-subquery', sql, 't.*'));
  });

  it('a column of the inner FROM named like the outer relation is refused', async () => {
    // Trino reads the outer t (1); DuckDB would expand the inner row column t (5).
    const sql = 'SELECT (SELECT t.* FROM (VALUES ROW(CAST(ROW(5) AS ROW(q integer)))) s(t)) FROM (VALUES 1) t(a)';
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('column-star', sql, 't.*'));
  });

  it.each<[string, string]>([
    // Trino: NOT_SUPPORTED "Given correlated subquery is not supported"; correlated-subqueries.ts reads t.* as t's columns.
    ['several rows', 'SELECT (SELECT t.* FROM (VALUES 0, 1)) FROM (VALUES 2) t(a)'],
    ['a WHERE over the inner rows', 'SELECT (SELECT t.* FROM (VALUES 0) t2(b) WHERE b > 1) FROM (VALUES 1) t(a)'],
    ['WHERE false over a VALUES', 'SELECT (SELECT t.* FROM (VALUES 0) WHERE false) FROM (VALUES 1) t(a)'],
    ['LIMIT 1 of several rows', 'SELECT (SELECT t.* FROM (VALUES 0, 1) LIMIT 1) FROM (VALUES 2, 3) t(a)'],
    ['IN', 'SELECT 1 IN (SELECT t.*) FROM (VALUES 1, 2) t(a)'],
    ['LATERAL filtering on the outer row', 'SELECT * FROM (VALUES 0, 1) t(a), LATERAL (SELECT t.* WHERE t.a = 0)'],
    ['LATERAL over several rows', 'SELECT * FROM (VALUES 0, 1) t(a), LATERAL (SELECT t.* FROM (VALUES 1, 2))'],
  ])('%s: refused as Trino fails', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(/unfaithful\/correlated-subquery/);
  });
});
