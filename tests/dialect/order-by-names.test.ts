// ORDER BY names (translate/lateral-aliases.ts), Trino 476 (the shared oracle):
// - inside an ORDER BY expression a name is the output column first (`SELECT -x AS x … ORDER BY x + 0` sorts by -x);
//   DuckDB took the input column there (sorted by x), so the alias's expression is put in its place;
// - SELECT DISTINCT … ORDER BY e fails with EXPRESSION_NOT_IN_DISTINCT unless e is a select item; DuckDB sorted.
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('an output column name inside an ORDER BY expression', () => {
  it.each<[string, string, string[], unknown[][]]>([
    ['sorts by the alias', 'SELECT -x AS x FROM (VALUES 1, 2, 3) t(x) ORDER BY x + 0', ['x integer'], [[-3], [-2], [-1]]],
    ['with modifiers and a LIMIT', 'SELECT -x AS x FROM (VALUES 1, 2, 3) t(x) ORDER BY x + 0 DESC NULLS LAST LIMIT 2', ['x integer'], [[-1], [-2]]],
    [
      'an aggregate',
      'SELECT sum(x) AS x, k FROM (VALUES (1, 1), (5, 2), (-9, 2)) t(x, k) GROUP BY k ORDER BY x * -1',
      ['x bigint', 'k integer'],
      [
        [1, 1],
        [-4, 2],
      ],
    ],
    ['in a subquery', 'SELECT * FROM (SELECT -x AS x FROM (VALUES 1, 2, 3) t(x) ORDER BY x + 0 LIMIT 1)', ['x integer'], [[-3]]],
    // The neighbours: a qualified name is the input column, a bare name the alias, in both engines.
    ['a qualified name', 'SELECT -x AS x FROM (VALUES 1, 2, 3) t(x) ORDER BY t.x + 0', ['x integer'], [[-1], [-2], [-3]]],
    ['a bare name', 'SELECT -x AS x FROM (VALUES 1, 2, 3) t(x) ORDER BY x', ['x integer'], [[-3], [-2], [-1]]],
  ])('%s', async (_name, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });
});

describe('SELECT DISTINCT … ORDER BY', () => {
  it.each([
    ['SELECT DISTINCT x FROM (VALUES (1, 5), (2, 4)) t(x, y) ORDER BY y', 65],
    ['SELECT DISTINCT -x AS x FROM (VALUES 1, 2, 3) t(x) ORDER BY x + 0', 61],
  ])('%s fails as in Athena (EXPRESSION_NOT_IN_DISTINCT)', async (sql, col) => {
    await expect(engine.execute(sql)).rejects.toThrow(
      new RegExp(`<sql>:1:${col}: error \\[unfaithful/distinct-order-by\\] Athena fails with EXPRESSION_NOT_IN_DISTINCT`),
    );
  });

  it.each<[string, unknown[][]]>([
    ['SELECT DISTINCT x AS k FROM (VALUES (1, 5), (2, 4)) t(x, y) ORDER BY k DESC', [[2], [1]]],
    ['SELECT DISTINCT x + 1 FROM (VALUES (1, 5), (2, 4)) t(x, y) ORDER BY x+1', [[2], [3]]],
    ['SELECT DISTINCT t.x FROM (VALUES (1, 5), (2, 4)) t(x, y) ORDER BY x', [[1], [2]]],
    ['SELECT DISTINCT x FROM (VALUES (1, 5), (2, 4)) t(x, y) ORDER BY t.x', [[1], [2]]],
    [
      'SELECT DISTINCT x, y FROM (VALUES (1, 5), (2, 4)) t(x, y) ORDER BY 2',
      [
        [2, 4],
        [1, 5],
      ],
    ],
    ["SELECT DISTINCT lower(s) FROM (VALUES 'A', 'b') t(s) ORDER BY LOWER(s)", [['a'], ['b']]],
  ])('%s keeps Trino’s answer', async (sql, rows) => {
    expect((await engine.execute(sql)).rows).toEqual(rows);
  });
});
