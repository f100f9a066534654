// A scalar subquery of more than one column: Trino 476 answers a row of its columns (asked of the shared Trino on
// 2026-12-07, branch loud38: `(SELECT t.* AS (p, q))` over (1, 2) is {P=1, Q=2}, row(P integer, Q integer);
// `(SELECT 1, 2)` row(integer, integer); `(SELECT a AS x, b FROM (VALUES 0))` row(x integer, b integer)). DuckDB
// failed "Subquery returns 2 columns - expected 1" (loud). Refused at lint where the select list shows two columns
// (scalar-subquery-rows.ts); a query operand of two columns is not a scalar subquery and keeps answering.
import { describe, expect, it } from 'vitest';
import { refusedAt, rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('a scalar subquery of more than one column is refused', () => {
  it.each<[string, string, string]>([
    ['a star with two aliases', 'SELECT (SELECT t.* AS (p, q)) FROM (VALUES (1, 2)) t(a, b)', 'SELECT t.*'],
    ['its field read', 'SELECT a, (SELECT t.* AS (p, q)).p FROM (VALUES (1, 2), (3, 4)) t(a, b) ORDER BY 1', 'SELECT t.*'],
    ['two items without FROM', 'SELECT (SELECT 1, 2)', 'SELECT 1'],
    ['two items with FROM, correlated', 'SELECT (SELECT a AS x, b FROM (VALUES 0)) FROM (VALUES (1, 2)) t(a, b)', 'SELECT a AS x'],
    ['in WHERE', 'SELECT x FROM (VALUES 1) t(x) WHERE (SELECT 1, 2) IS NOT NULL', 'SELECT 1, 2'],
    ['after a lambda argument', 'SELECT transform(ARRAY[1], e -> e), (SELECT 1, 2)', 'SELECT 1, 2'],
  ])('%s', async (_name, sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('scalar-subquery-row', sql, at, 'a scalar subquery of more than one column'));
  });
});

describe('query operands and one-column subqueries still answer as in Trino 476', () => {
  it.each<[string, string, string[], unknown[][]]>([
    [
      'FROM, EXISTS and IN operands of two columns',
      'SELECT * FROM (SELECT 1, 2) t, (SELECT 3, 4) u WHERE EXISTS (SELECT 1, 2) AND (1, 2) IN (SELECT 1, 2)',
      ['integer', 'integer', 'integer', 'integer'],
      [[1, 2, 3, 4]],
    ],
    ['a star with one alias', 'SELECT (SELECT t.* AS (p)) FROM (VALUES 1) t(a)', ['integer'], [[1]]],
    [
      'a set operation branch',
      'SELECT 1, 2 UNION (SELECT 3, 4) ORDER BY 1, 2',
      ['integer', 'integer'],
      [
        [1, 2],
        [3, 4],
      ],
    ],
    [
      'the rewrite the hint gives',
      'SELECT (SELECT CAST(ROW(a, b) AS ROW(x integer, y integer))) FROM (VALUES (1, 2)) t(a, b)',
      ['row(x integer, y integer)'],
      [[{ x: 1, y: 2 }]],
    ],
  ])('%s', async (_name, sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });
});
